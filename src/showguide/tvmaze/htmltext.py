"""TVmaze's HTML summaries as plain text.

TVmaze sends summaries as a little HTML (``<p>``, ``<b>``, ``<i>``, ``<br>``).
A show file holds plain text, so tags are dropped, character references are
decoded, paragraphs become blank-line-separated and runs of white space one
space. Nothing is interpreted: a ``<script>`` or ``<style>`` element's content
is dropped, a link keeps only its words. Control and invisible characters are
kept as the data has them; showguide makes them visible wherever it shows
text, exactly as for a hand-written show file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements that end a paragraph.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
)
#: Elements whose content is not text for a reader.
_SKIPPED = frozenset({"script", "style", "template", "head", "title"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
#: Lone surrogates (JSON can carry them as \\ud800): not text, and not encodable.
_SURROGATES = re.compile("[\ud800-\udfff]")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _break(self) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip(" ")
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_to_text(html: str | None) -> str:
    """Plain text of an HTML fragment: paragraphs separated by one blank line."""
    if not html:
        return ""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser._break()
    text = "\n\n".join(parser.paragraphs)
    return _SURROGATES.sub("\ufffd", text)


def plain_line(text: str | None) -> str:
    """A name or title from TVmaze: one line, trimmed, no lone surrogates."""
    if not text:
        return ""
    return _SURROGATES.sub("\ufffd", _SPACES.sub(" ", text).strip(" "))
