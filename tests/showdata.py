"""Synthetic show data for tests: small, valid, and easy to break on purpose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

MINIMAL: dict[str, Any] = {
    "format_version": 1,
    "id": "test-show",
    "title": "Test Show",
    "format": "series",
    "status": "airing",
    "country": "Nowhere",
    "original_language": "Esperanto",
    "audience": {"summary": "For anyone who runs tests."},
    "logline": "A show that exists only in a test.",
    "plot": {"synopsis": "Things happen.", "setting": "A test runner."},
    "verdict": "Passes.",
}


def show_dict(**changes: Any) -> dict[str, Any]:
    """A valid show as plain data, with top-level fields replaced by ``changes``."""
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def write_show(folder: Path, data: dict[str, Any] | str, name: str = "show.yaml") -> Path:
    """Write ``data`` (plain data, or YAML text as is) to ``folder/name``."""
    path = folder / name
    text = (
        data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    )
    path.write_text(text, encoding="utf-8")
    return path
