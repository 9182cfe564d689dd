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

import html
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


#: The few tags TVmaze's summaries are made of, with no attributes: text made
#: only of these takes a fast path (a regular expression) that gives the same
#: result as the parser, several times faster for a show's hundreds of summaries.
_SIMPLE_TAG = re.compile(r"<(/?)(p|b|i|em|strong|u|br)\s*/?>", re.IGNORECASE)
_SIMPLE_BREAKS = frozenset({"p", "br"})


def _simple(text: str) -> str | None:
    """The plain text of ``text`` if it holds only simple tags, else None."""
    if "<" not in _SIMPLE_TAG.sub("", text):
        pieces = _SIMPLE_TAG.sub(
            lambda m: "\0" if m.group(2).lower() in _SIMPLE_BREAKS else "", text
        )
        if "\0" in text:  # NUL in the data itself: leave it to the parser
            return None
        paragraphs = (
            _SPACES.sub(" ", html.unescape(piece)).strip(" ") for piece in pieces.split("\0")
        )
        return "\n\n".join(p for p in paragraphs if p)
    return None


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


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment: paragraphs separated by one blank line."""
    if not markup:
        return ""
    text = _simple(markup)
    if text is None:
        parser = _TextParser()
        parser.feed(markup)
        parser.close()
        parser._break()
        text = "\n\n".join(parser.paragraphs)
    return _SURROGATES.sub("\ufffd", text)


def plain_line(text: str | None) -> str:
    """A name or title from TVmaze: one line, trimmed, no lone surrogates."""
    if not text:
        return ""
    return _SURROGATES.sub("\ufffd", _SPACES.sub(" ", text).strip(" "))
