"""Textual's private names that showguide relies on still exist, and are all listed.

After a Textual upgrade, a private method renamed or given new parameters
fails here, naming the fix that would otherwise be silently lost; and a
module that starts to use a private name without listing it in
showguide.tui.textual_internals fails here too.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from functools import cache
from importlib.metadata import requires, version
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import many_shows
from packaging.requirements import Requirement
from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import Static

import showguide
from showguide.core.catalog import load_catalog
from showguide.tui.app import ShowGuideApp
from showguide.tui.catalog import CatalogScreen
from showguide.tui.guide import GuideScreen
from showguide.tui.textual_internals import (
    CHECKED_WITH,
    PRIVATE_NAMES,
    PrivateName,
    one_line_options,
)
from tests.conftest import REPO
from tests.tui.shows import ballerina

SRC = REPO / "src" / "showguide"
FENCE = SRC / "tui" / "textual_internals.py"


def resolve(path: str) -> Any:
    """``module:Qualified.Name`` -> the object."""
    module_name, _, qualified = path.partition(":")
    found: Any = importlib.import_module(module_name)
    for part in qualified.split(".") if qualified else ():
        found = getattr(found, part)
    return found


def entry_id(entry: PrivateName) -> str:
    return f"{entry.owner.rpartition(':')[2]}.{entry.name}"


@pytest.mark.parametrize("entry", PRIVATE_NAMES, ids=entry_id)
def test_each_private_name_still_exists_as_checked(entry: PrivateName) -> None:
    owner = resolve(entry.owner)
    if entry.signature is None:
        # An attribute: set in the owner's own code (an instance attribute
        # exists only on a built widget), or defined on the class.
        source = inspect.getsource(owner)
        assert hasattr(owner, entry.name) or f"self.{entry.name}" in source, (
            f"{entry.owner} no longer has {entry.name}: {entry.showguide_needs}"
        )
    else:
        found = getattr(owner, entry.name, None)
        assert found is not None, f"{entry.owner} no longer has {entry.name}"
        assert str(inspect.signature(found)) == entry.signature, (
            f"{entry.owner}.{entry.name} changed; re-check: {entry.showguide_needs}"
        )


@pytest.mark.parametrize("entry", PRIVATE_NAMES, ids=entry_id)
def test_each_listed_use_is_still_there(entry: PrivateName) -> None:
    """An entry names the code that relies on it; when that code goes (a
    widget replaced), its entry must go too."""
    assert entry.textual_does and entry.showguide_needs
    for user in entry.used_in:
        assert resolve(user) is not None


def pinned_textual() -> Requirement:
    # As installed from pyproject.toml's dependencies.
    requirements = [Requirement(spec) for spec in requires("showguide") or ()]
    return next(requirement for requirement in requirements if requirement.name == "textual")


def test_the_checked_version_is_the_one_pinned_and_installed() -> None:
    pin = pinned_textual()
    # Bounded to a minor version: an upgrade is a change to pyproject.toml.
    assert any(spec.operator == "<" for spec in pin.specifier)
    assert pin.specifier.contains(CHECKED_WITH)
    assert pin.specifier.contains(version("textual"))


def test_rows_drawn_with_one_line_options_are_one_line_with_an_ellipsis() -> None:
    # What the duck-typed rules are for: Content must still read them.
    long = Content("A title far too long for the column it is given")
    options = RenderOptions(get_style=lambda style: Style(), rules={"text_wrap": "wrap"})
    strips = long.render_strips(12, None, Style(), one_line_options(options))
    assert len(strips) == 1
    assert strips[0].text.rstrip().endswith("…")
    assert strips[0].cell_length == 12
    # Without them the same text wraps: the test can tell.
    assert len(long.render_strips(12, None, Style(), options)) > 1


class PlainScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("A screen as Textual styles it")


def restyles_recorded(app: ShowGuideApp) -> list[str]:
    """The names of the screens (with widgets) ``app`` restyles from now on."""
    restyled: list[str] = []
    restyle = app.update_styles

    def recording(node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, Screen) and node.children:
            restyled.append(type(node).__name__)
        restyle(node, animate)

    app.update_styles = recording  # type: ignore[method-assign]
    return restyled


async def test_a_guide_is_styled_once_as_it_opens() -> None:
    """The guide: the resume that follows mounting restyles nothing, where
    Textual restyles a screen and all its widgets (the plain screen: if that
    stops, GuideScreen.on_screen_resume has no more work and can go)."""
    app = ShowGuideApp(ballerina())
    restyled = restyles_recorded(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert restyled == []
        await app.push_screen(PlainScreen())
        await pilot.pause()
        assert restyled and set(restyled) == {"PlainScreen"}


async def test_a_catalog_is_styled_once_as_it_opens_and_again_when_shown_again(
    tmp_path: Path,
) -> None:
    """The catalog likewise: the resume after mounting restyles nothing; any
    later one that asks to be restyled (Textual's default) restyles it."""
    many_shows(3, tmp_path / "shows")
    app = ShowGuideApp(catalog=load_catalog([tmp_path / "shows"]))
    restyled = restyles_recorded(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)
        assert restyled == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)
        app.screen.post_message(events.ScreenResume())
        await pilot.pause()
        assert restyled == ["CatalogScreen"]


# --- nothing outside the fence uses an unlisted private name -------------------


def showguide_modules() -> list[str]:
    # Not __main__: importing it runs the command line.
    return [
        info.name
        for info in pkgutil.walk_packages(showguide.__path__, "showguide.")
        if not info.name.endswith(".__main__")
    ]


def defined_names() -> set[str]:
    """Every name showguide's own code defines or assigns anywhere."""
    names: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return names


def module_of(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def foreign_private_uses() -> set[tuple[str, str]]:
    """(module, name) for each private name a module of showguide reads or
    overrides that showguide does not define itself."""
    own = defined_names()
    uses: set[tuple[str, str]] = set()
    # Read: obj._name, where no code of showguide defines _name.
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in own:
                uses.add((module_of(path), node.attr))
    # Overridden: a class of showguide defines in its body a private name
    # that a base from another package (Textual, textual-serve) defines too;
    # assigned: its code sets self._name, which such a base's code sets too.
    for module_name in showguide_modules():
        module = importlib.import_module(module_name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module_name:
                continue
            foreign_bases = [base for base in cls.__mro__[1:] if not _ours(base)]
            if not foreign_bases:
                continue
            body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
            assert isinstance(body, ast.ClassDef)
            for name in _body_names(body):
                if private(name) and any(name in vars(base) for base in foreign_bases):
                    uses.add((module_name, name))
            for node in ast.walk(body):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.ctx, ast.Store)
                    and private(node.attr)
                    and any(node.attr in _assigned(base) for base in foreign_bases)
                ):
                    uses.add((module_name, node.attr))
    return uses


def _ours(cls: type) -> bool:
    """Not Textual's: only Textual's (and textual-serve's) classes are scanned
    for overrides (cli.py's argparse override is Python's, not Textual's)."""
    return not cls.__module__.startswith("textual")


def _body_names(body: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for node in body.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return names


@cache
def _assigned(base: type) -> frozenset[str]:
    """The attributes ``base``'s own code assigns on self."""
    try:
        source = textwrap.dedent(inspect.getsource(base))
    except (OSError, TypeError):
        return frozenset()
    return frozenset(
        node.attr
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def test_no_module_uses_a_private_name_that_is_not_listed() -> None:
    listed = {
        (user.partition(":")[0], entry.name) for entry in PRIVATE_NAMES for user in entry.used_in
    }
    fence = module_of(FENCE)
    unlisted = {
        (module, name)
        for module, name in foreign_private_uses()
        if module != fence and (module, name) not in listed
    }
    assert unlisted == set(), (
        "Textual private names used outside showguide.tui.textual_internals and not listed "
        "in its PRIVATE_NAMES: move the code there, or list them with why"
    )


def test_the_scan_finds_the_uses_it_must() -> None:
    # The scan is what keeps the list whole: it must see an override, a read
    # and an assignment of another package's private names.
    uses = foreign_private_uses()
    assert ("showguide.web.server", "_open_app_process") in uses  # an override
    assert ("showguide.web.server", "_build_environment") in uses  # a read
    assert ("showguide.web.server", "_stdin") in uses  # an assignment
    assert ("showguide.tui.rows", "_text") not in uses  # showguide's own
