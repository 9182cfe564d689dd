"""YAML text to plain Python data, fast, for a file with nothing wrong in it.

:func:`showguide.core.yamlnodes.compose_located` records the line and column
of every value, so that a problem can say where it is. Nearly every file of a
catalog has no problem, and those positions are then never read: building
them is most of the Python work of reading a file (a path tuple and a dict
entry for each of a few hundred values). :func:`read_plain` builds the same
data from the same events without them, in one loop, and gives up
(:class:`NeedsLocated`) at the first thing that the located reader would
report or treat specially: a tag, an anchor or alias, a key that is not
plain text or that repeats, a scalar that does not convert, more than one
document or none, deep nesting, a syntax error. The caller then reads the
file again with positions (:mod:`showguide.core.loader`).

One problem it reports itself, as the located reader would: a file of more
than :data:`~showguide.core.yamlnodes.MAX_VALUES` values. Such a file is
hostile, and reading its quarter of a million values twice would double the
time it takes to refuse it.

The contract, held by tests/test_yamlplain.py: whenever this returns, the
located reader gives the same value and no problem; whenever it raises
ShowDataError, the located reader raises the same.
"""

from __future__ import annotations

from typing import Any

import yaml

from showguide.core import yamlnodes
from showguide.core.errors import Problem, ShowDataError
from showguide.core.yamlnodes import Path, format_path, plain_tag, scalar_value, too_many_values

_STR = "tag:yaml.org,2002:str"


class NeedsLocated(Exception):
    """The file holds something only the located reader handles or reports."""


def read_plain(text: str, name: str) -> Any:
    """The plain data in ``text``; raises :class:`NeedsLocated` when positions may be needed.

    ``name`` is the file's, for the one problem reported here.
    """
    loader: Any = None
    try:
        loader = yamlnodes.SafeLoader(text)
        return _build(loader.get_event, name)
    except yaml.YAMLError:
        raise NeedsLocated from None
    finally:
        if loader is not None:
            loader.dispose()


def _build(get_event: Any, name: str) -> Any:
    """One loop over the events, a stack of the mappings and lists being read."""
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    document_start, stream_end = yaml.DocumentStartEvent, yaml.StreamEndEvent
    # Read from the module each time: tests lower them.
    max_values, max_depth = yamlnodes.MAX_VALUES, yamlnodes.MAX_DEPTH
    surrogate = yamlnodes.find_surrogate
    resolved_firsts = yamlnodes.RESOLVED_FIRSTS
    known, unknown = _known, _UNKNOWN
    root: Any = None
    documents = 0
    values = 0
    #: The mapping or list being read (None at the top), and, for a mapping,
    #: the key waiting for its value (None while a key is awaited).
    container: Any = None
    key: str | None = None
    #: The (container, key) of each enclosing mapping or list.
    stack: list[tuple[Any, str | None]] = []
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            values += 1
            if values > max_values:
                raise _too_many_values(event, stack, container, key, name)
            text: str = event.value
            if (
                event.tag is not None
                or event.anchor is not None
                or (not text.isascii() and surrogate(text))
            ):
                raise NeedsLocated
            # Unquoted, and beginning where a resolver looks: maybe not text.
            resolvable = event.implicit[0] and (not text or text[0] in resolved_firsts)
            if type(container) is dict and key is None:
                # A key: plain text only, and only once in its mapping.
                if text in container or (resolvable and plain_tag(text) != _STR):
                    raise NeedsLocated
                key = text
                continue
            if resolvable:
                value: Any = known.get(text, unknown)
                if value is unknown:
                    value = _plain_value(text)
            else:
                value = text
        elif kind is mapping_start or kind is sequence_start:
            values += 1
            if values > max_values:
                raise _too_many_values(event, stack, container, key, name)
            if event.tag is not None or event.anchor is not None:
                raise NeedsLocated
            if type(container) is dict and key is None:
                raise NeedsLocated  # a mapping or list as a key
            stack.append((container, key))
            if len(stack) >= max_depth:
                raise NeedsLocated
            container = {} if kind is mapping_start else []
            key = None
            continue
        elif kind in collection_end:
            value = container
            container, key = stack.pop()
        elif kind is document_start:
            documents += 1
            if documents > 1:
                raise NeedsLocated
            continue
        elif event is None or kind is stream_end:
            if documents != 1:
                raise NeedsLocated
            return root
        elif kind is yaml.AliasEvent:
            raise NeedsLocated
        else:  # the stream's start, a document's end
            continue
        # A value is finished: put it where it belongs.
        if container is None:
            root = value
        elif type(container) is list:
            container.append(value)
        else:
            container[key] = value
            key = None


_UNKNOWN = object()
#: Short unquoted texts that a resolver looks at, and their values ("true",
#: "2024", "~", "lead"): they repeat in every file.
_known: dict[str, Any] = {}
_MAX_KNOWN = 4096


def _plain_value(text: str) -> Any:
    """The value of an unquoted, untagged scalar; remembered when short."""
    value, problem = scalar_value(plain_tag(text), text)
    if problem is not None:
        raise NeedsLocated
    if len(text) <= yamlnodes.MAX_NUMBER_CHARS and len(_known) < _MAX_KNOWN:
        _known[text] = value
    return value


def _too_many_values(
    event: Any, stack: list[tuple[Any, str | None]], container: Any, key: str | None, name: str
) -> ShowDataError:
    """The located reader's problem for the node that goes over the limit.

    Nothing before it was a problem (the fast reader would have stepped
    aside), so this is the only one, at the node's position and path.
    """
    # A collection inside a list is its next item; inside a mapping, its key's value.
    path: list[str | int] = [
        len(parent) if type(parent) is list else str(parent_key) for parent, parent_key in stack[1:]
    ]
    if type(container) is list:
        path.append(len(container))
    elif type(container) is dict and key is not None:
        path.append(key)
    where: Path = tuple(path)
    mark = event.start_mark
    problem = Problem(name, mark.line + 1, mark.column + 1, format_path(where), too_many_values())
    return ShowDataError([problem])
