"""Renderables for text that wraps as a reader expects: tags kept whole,
continuation lines hanging under the text they continue."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from showguide.display import literal

CHIP_GAP = "  "


class Chips:
    """Tags shown as chips, wrapping between chips, never inside one.

    Rich wraps a Text at any whitespace, non-breaking spaces included, so a
    two-word chip ("Personal growth") could end one line and start the next.
    Here each line takes whole chips; only a chip wider than the line wraps.
    """

    def __init__(self, labels: Iterable[str], style: str = "reverse") -> None:
        self.chips = [literal(f" {label} ", style) for label in labels]

    def lines(self, width: int) -> list[Text]:
        lines: list[Text] = []
        line = Text()
        for chip in self.chips:
            if line and line.cell_len + len(CHIP_GAP) + chip.cell_len > width:
                lines.append(line)
                line = Text()
            if line:
                line.append(CHIP_GAP)
            line.append_text(chip)
        if line:
            lines.append(line)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widths = [chip.cell_len for chip in self.chips] or [0]
        total = sum(widths) + len(CHIP_GAP) * (len(widths) - 1)
        return Measurement(max(widths), total).with_maximum(options.max_width)


class Hanging:
    """``marker`` then ``body``, whose continuation lines start under its
    first character, not under the marker (a bullet, a "⚠ ").

    The body is wrapped once to the width left beside the marker: a Rich
    Table with two columns does the same, at several times the cost, in the
    Overview, which is drawn in the guide's first frame.
    """

    def __init__(self, marker: Text, body: Text) -> None:
        self.marker = marker
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.marker.cell_len
        lines = self.body.wrap(console, max(1, options.max_width - indent))
        for number, line in enumerate(lines):
            yield Text.assemble(self.marker if number == 0 else " " * indent, line)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        body = Measurement.get(console, options, self.body)
        indent = self.marker.cell_len
        return Measurement(body.minimum + indent, body.maximum + indent).with_maximum(
            options.max_width
        )


def hanging(marker: Text | str, body: Text) -> Hanging:
    """``marker`` then ``body``, continuation lines hanging under the body."""
    return Hanging(Text(marker) if isinstance(marker, str) else marker, body)


class RenderedOnce:
    """``renderable``, rendered once for each width it is drawn at.

    Textual draws a Rich renderable in a Static by rendering it whole to
    count its lines at each layout, then again for the lines themselves: a
    section of the Overview was rendered three times for the first frame
    (the facts table alone cost more than any other widget). The segments
    of the last width are kept, so each is rendered once. For renderables
    whose lines depend on the width only (Groups, tables, Hanging, Chips),
    not on the height nor on anything that changes after they are made.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._key: tuple[object, ...] | None = None
        self._segments: list[Segment] = []

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (
            options.max_width,
            options.min_width,
            options.justify,
            options.overflow,
            options.no_wrap,
            options.highlight,
            options.markup,
        )
        if key != self._key:
            self._segments = list(console.render(self.renderable, options))
            self._key = key
        return self._segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)
