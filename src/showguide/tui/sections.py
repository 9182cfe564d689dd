"""The blocks of the pane the first frame draws: a scrolling column and its
titled sections, and the mark of a pane that redraws when the shield changes.

Apart from :mod:`showguide.tui.widgets`, whose lists (``line_list``, ``rows``)
the first frame does not draw: a single guide starts without importing them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.css.model import RuleSet, Selector, SelectorType
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget
from textual.widgets import Static

from showguide.display import literal
from showguide.tui.bindings import bindings
from showguide.tui.prose import RenderedOnce


class GuideScroll(VerticalScroll, can_focus=True, inherit_bindings=False):
    """A focusable scrolling column of text, whose keys are the table's
    (which add j and k, and leave out sideways scrolling: text wraps)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("scroll")

    def watch_has_focus(self, has_focus: bool) -> None:
        """Restyle the column as it gains or loses the focus only when a rule
        styles it by its focus, and what it holds only when a rule styles
        a widget by the focus of one around it.

        Textual restyles a widget and everything in it at every change of
        its focus. No rule of showguide's or Textual's styles a column or
        its sections by the column's focus, so that was the Overview and
        every section of it styled a second time in the first frame, and
        once more as the app closed (about 1.5% of the guide's first frame).
        """
        stylesheet = self.app.stylesheet
        own, within = focus_styles(stylesheet, type(self))
        if within:
            super().watch_has_focus(has_focus)
        elif own:
            stylesheet.update_nodes([self], animate=True)


#: The pseudo-classes of a widget's own focus.
FOCUS_PSEUDO_CLASSES = frozenset({"focus", "blur"})
#: The rules last checked by focus_styles, and the answers, by widget class.
_focus_styles: tuple[list[RuleSet], dict[type[Widget], tuple[bool, bool]]] | None = None


def focus_styles(stylesheet: Stylesheet, widget_class: type[Widget]) -> tuple[bool, bool]:
    """Whether a rule of ``stylesheet`` styles a ``widget_class`` by its
    focus (``GuideScroll:focus``), and whether one styles a widget inside
    it by its focus (``GuideScroll:focus .section``).

    A selector of a :focus or :blur counts unless it names another type of
    widget (``App:blur HeaderTitle``); one of a class or an id always
    counts. A component class (``PaneBar:focus > .pane-bar--active``, named
    ``widget--part`` by Textual's convention) is not a widget inside: it is
    styled with the widget it belongs to. The answer is kept until the
    rules change.
    """
    global _focus_styles
    rules = stylesheet.rules
    if _focus_styles is None or _focus_styles[0] is not rules:
        _focus_styles = (rules, {})
    known = _focus_styles[1]
    if widget_class not in known:
        names = {cls.__name__ for cls in widget_class.__mro__}

        def may_be_focused(selector: Selector) -> bool:
            if not FOCUS_PSEUDO_CLASSES & selector.pseudo_classes:
                return False
            return selector.type != SelectorType.TYPE or selector.name in names

        own = within = False
        for rule in rules:
            for selector_set in rule.selector_set:
                *outer, last = selector_set.selectors
                if may_be_focused(last):
                    own = True
                if any(map(may_be_focused, outer)):
                    if "--" in last.name:
                        own = True
                    else:
                        within = True
        known[widget_class] = (own, within)
    return known[widget_class]


class SpoilerAware:
    """A pane that masks spoilers and can redraw itself when the shield changes."""

    def refresh_spoilers(self) -> None:
        raise NotImplementedError


def section(title: str, body: RenderableType, *, id: str | None = None) -> Static:
    """A titled block of a scrolling pane, as one widget (every widget counts
    in the first frame): the title is drawn in its top border."""
    # A Text becomes Textual's own Content, drawn at no extra cost; anything
    # else is rendered by Rich, once per width (see prose.RenderedOnce).
    block = Static(body if isinstance(body, Text) else RenderedOnce(body), classes="section", id=id)
    block.border_title = literal(title)
    return block
