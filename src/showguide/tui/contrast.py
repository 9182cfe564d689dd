"""Cursor and tab colours that stay visible in every theme, in truecolor and in 256 colours.

Textual draws a list's highlighted row in the theme's primary colour at 30%
over the list's background when the list does not have the focus (as the
catalog's list never does: the focus stays in its filter). In truecolor that
is faint; in 256 colours both often round to neighbouring greys (Gruvbox:
239 on 237; Solarized Dark: 23 on 23, the same colour). The active pane tab
was told from the others only by bold and an underline.

So for the current theme the app works these colours out (see
:func:`cursor_variables`), each the faintest blend of the theme's own colours
that keeps a contrast of at least :data:`CURSOR_CONTRAST` (focused),
:data:`BLURRED_CONTRAST` (not focused) or :data:`TAB_CONTRAST` (the active
tab) with what is around it, in truecolor and once rounded to the 256-colour
palette, with text on it at :data:`TEXT_CONTRAST` or more. Contrast is WCAG's
ratio of relative luminances (1 to 21).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from rich.color import ColorSystem
from textual.color import Color

#: A focused list's cursor against the list (WCAG's minimum for parts of a UI).
CURSOR_CONTRAST = 3.0
#: The cursor of a list that does not have the focus: clearly there, and
#: still quieter than the focused one where the theme allows.
BLURRED_CONTRAST = 2.0
#: The active pane tab against the tab bar.
TAB_CONTRAST = 2.0
#: Text on any of them (WCAG AA for text).
TEXT_CONTRAST = 4.5

#: How much of the theme's colour is blended in, from faint to full.
_STEPS = tuple(step / 10 for step in range(3, 11))
#: The theme's colours the marks are made from.
_THEME_COLOURS = ("background", "surface", "panel", "primary", "accent", "foreground")


def luminance(color: Color) -> float:
    """WCAG's relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def in_256_colours(color: Color) -> Color:
    """``color`` as a 256-colour terminal shows it: the nearest palette colour."""
    shown = color.rich_color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(shown.red, shown.green, shown.blue)


def worst_contrast(first: Color, second: Color) -> float:
    """The lower of the contrasts in truecolor and in 256 colours."""
    return min(contrast(first, second), contrast(in_256_colours(first), in_256_colours(second)))


def visible_blend(
    base: Color, towards: Iterable[Color], least: float, text: Color
) -> tuple[Color, Color]:
    """(background, text) for a mark on ``base``: the faintest blend of ``base``
    with one of ``towards`` (tried in order) that has ``least`` contrast with
    ``base``, keeping the theme's ``text`` colour if it is readable on some
    such blend, else with black or white text that is."""
    # Last, towards white on a dark base (black on a light one): always enough.
    extreme = Color(255, 255, 255) if luminance(base) < 0.18 else Color(0, 0, 0)
    visible: list[Color] = []
    blend = base
    for colour in (*towards, extreme):
        for step in _STEPS:
            blend = base.blend(colour, step)
            if worst_contrast(blend, base) < least:
                continue
            if worst_contrast(text, blend) >= TEXT_CONTRAST:
                return blend, text
            visible.append(blend)
    visible = visible or [blend]
    for blend in visible:  # a mid-grey reads badly in both black and white: go on
        best = readable_on(blend, text)
        if worst_contrast(best, blend) >= TEXT_CONTRAST:
            return blend, best
    return visible[0], readable_on(visible[0], text)


def readable_on(background: Color, preferred: Color) -> Color:
    """``preferred`` if text in it is readable on ``background``, else black or white."""
    if worst_contrast(preferred, background) >= TEXT_CONTRAST:
        return preferred
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    return max((white, black), key=lambda text: worst_contrast(text, background))


def cursor_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The cursor and tab colours for a theme's CSS ``variables``; empty for a
    theme of ANSI colours, which the terminal's own palette decides."""
    return dict(_cursor_variables(tuple(variables.get(name, "") for name in _THEME_COLOURS)))


@functools.lru_cache(maxsize=32)
def _cursor_variables(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # A few milliseconds a theme, worked out once: the first frame and every
    # change of theme ask again.
    return tuple(_work_out(dict(zip(_THEME_COLOURS, values, strict=True))).items())


def _work_out(variables: Mapping[str, str]) -> dict[str, str]:
    try:
        surface = Color.parse(variables["surface"])
        panel = Color.parse(variables["panel"])
        primary = Color.parse(variables["primary"])
        accent = Color.parse(variables["accent"])
        foreground = Color.parse(variables["foreground"])
    except (KeyError, ValueError):
        return {}
    if any(c.ansi is not None for c in (surface, panel, primary, accent, foreground)):
        return {}
    # Semi-transparent theme colours are laid over what is under them.
    surface = Color.parse(variables["background"] or "#000000").blend(surface, surface.a)
    panel, primary, accent = (c.with_alpha(1.0) for c in (panel, primary, accent))
    foreground = surface.blend(foreground, foreground.a)
    # A focused list is tinted with 5% of the foreground (Textual's OptionList).
    focused_list = surface.blend(foreground, 0.05)
    # Textual's focused cursor is the full primary colour: kept where it shows.
    if worst_contrast(primary, focused_list) >= CURSOR_CONTRAST:
        focused, focused_text = primary, readable_on(primary, foreground)
    else:
        focused, focused_text = visible_blend(
            focused_list, (foreground,), CURSOR_CONTRAST, foreground
        )
    blurred, blurred_text = visible_blend(
        surface, (primary, foreground), BLURRED_CONTRAST, foreground
    )
    tab, tab_text = visible_blend(panel, (accent, primary, foreground), TAB_CONTRAST, foreground)
    return {
        "block-cursor-background": focused.hex,
        "block-cursor-foreground": focused_text.hex,
        "block-cursor-blurred-background": blurred.hex,
        "block-cursor-blurred-foreground": blurred_text.hex,
        "pane-tab-active-background": tab.hex,
        "pane-tab-active-foreground": tab_text.hex,
        "pane-tab-active-text-style": "bold",
    }


#: For themes of ANSI colours (the terminal's own palette, which cannot be
#: measured) the variables must still be defined; the tab keeps the look of
#: PaneBar's own style (the accent colour, bold and underlined).
ANSI_TAB = {
    "pane-tab-active-background": "transparent",
    "pane-tab-active-foreground": "ansi_default",
    "pane-tab-active-text-style": "bold underline",
}
