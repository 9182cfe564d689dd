"""``showguide schema``: print the JSON Schema of a show file."""

from __future__ import annotations

import argparse
import sys

from showguide.core.model import json_schema
from showguide.exitcodes import EXIT_OK


def schema_text() -> str:
    """The schema as committed at data/show.schema.json (two-space indent, newline)."""
    import msgspec

    return msgspec.json.format(msgspec.json.encode(json_schema()), indent=2).decode() + "\n"


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK
