"""YAML text to plain Python data that remembers where every value came from.

PyYAML's events carry positions; the Python objects built from them do not.
So we read the event stream (which never builds objects, whatever the tags
say) and build plain data ourselves, recording the position of every value
and every mapping key by its path, e.g. ``("characters", 0, "name")``.

Reading events rather than composing PyYAML's node tree keeps memory to the
data itself (a node tree costs several hundred bytes a value) and needs no
recursion, however deep the file nests.

The conversion also refuses what a show file never needs and an attacker might
send: unknown tags, duplicate keys, non-text keys, merge keys, absurd nesting,
too many values, aliases that expand into huge trees ("billion laughs")
or huge texts, and numbers too long to convert in bounded time (checked
before conversion, whatever YAML form they take).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from showguide.core.errors import MAX_PROBLEMS, WHOLE_FILE, Problem, ShowDataError

# libyaml's loader is several times faster; PyYAML may be built without it.
SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]

MAX_DEPTH = 64
#: Values reached through aliases, counted with repeats. Real show files use
#: few or no aliases; an alias bomb reaches millions.
MAX_ALIAS_EXPANSION = 10_000
#: Characters of text reached through aliases, counted with repeats: a few
#: aliases of one long text would otherwise make gigabytes of it.
MAX_ALIAS_TEXT = 1_000_000
#: Values in one file, keys included. The largest generated show (5,000 FAQ
#: entries, 2,000 characters) has about 130,000; a file of nothing but
#: one-character list items would have two million, and would take seconds
#: and hundreds of megabytes to read.
MAX_VALUES = 250_000
#: Characters in a number, boolean or other non-text scalar. Show files need
#: years and version numbers; a longer one is refused before it is converted:
#: Python will not turn more than 4,300 decimal digits into an int (or back),
#: converting a base-60 integer ("1:2:3:...") takes time quadratic in its
#: length, and a huge hexadecimal one cannot be printed.
MAX_NUMBER_CHARS = 64

_TAG = "tag:yaml.org,2002:"
_STR = f"{_TAG}str"
_INT = f"{_TAG}int"
_NULL = f"{_TAG}null"
_TIMESTAMP = f"{_TAG}timestamp"
_BOOL = f"{_TAG}bool"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}


class _AnyCharacter:
    def __contains__(self, character: object) -> bool:
        return True


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Finds a lone surrogate in a text: not a character, never a valid value or key.
find_surrogate = _SURROGATE.search
#: YAML 1.1's int and float, as PyYAML's resolver writes them, with every
#: repetition possessive. For a long plain scalar the resolver's own patterns
#: keep a backtracking record per repetition: 160 MB and a second for a 4 MB
#: base-60 number. Possessive repeats keep none, and match the same strings:
#: each repeated part is followed by a character it cannot contain.
#: tests/test_loader_scalars.py checks the two agree.
_LONG_NUMBER = re.compile(
    r"""[-+]?0b[0-1_]++
    |[-+]?0[0-7_]++
    |[-+]?(?:0|[1-9][0-9_]*+)
    |[-+]?0x[0-9a-fA-F_]++
    |[-+]?[1-9][0-9_]*+(?::[0-5]?[0-9])++
    |[-+]?[0-9][0-9_]*+\.[0-9_]*+(?:[eE][-+][0-9]++)?
    |\.[0-9][0-9_]*+(?:[eE][-+][0-9]++)?
    |[-+]?[0-9][0-9_]*+(?::[0-5]?[0-9])++\.[0-9_]*+
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)""",
    re.VERBOSE,
)
_constructor = yaml.constructor.SafeConstructor()
#: PyYAML's resolver, as every safe loader has it (it has no path resolvers:
#: a scalar's tag depends on its text alone, so it can be remembered).
_resolver: Any = yaml.resolver.Resolver()
#: The first characters that some implicit resolver looks at (a plain text
#: that begins with another is text); all of them when a resolver looks at
#: any first character (None).
RESOLVED_FIRSTS: Any = (
    _AnyCharacter()
    if None in _resolver.yaml_implicit_resolvers
    else frozenset(key for key in _resolver.yaml_implicit_resolvers if key)
)
#: Plain texts already resolved (at most MAX_NUMBER_CHARS long), and their tags.
_resolved: dict[str, str] = {}
_MAX_RESOLVED = 4096
_BUILD = {
    _INT: _constructor.construct_yaml_int,
    f"{_TAG}float": _constructor.construct_yaml_float,
    _BOOL: _constructor.construct_yaml_bool,
}


@dataclass
class Located:
    """Plain data with the 1-based (line, column) of each value and mapping key."""

    value: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: Problems found while converting (bad tags, duplicate keys); the values
    #: concerned were left out or set to None, and validation goes on without them.
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))


#: Keys longer than this are shortened in field paths, so a problem stays one readable line.
_LONGEST_KEY_SHOWN = 40


def format_path(path: Path) -> str:
    """``("characters", 0, "name")`` as ``characters[0].name``; the root as ``(file)``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        if len(part) > _LONGEST_KEY_SHOWN:
            part = part[: _LONGEST_KEY_SHOWN - 1] + "…"
        text += f".{part}" if text else part
    return text or WHOLE_FILE


def too_many_values() -> str:
    return f"more than {MAX_VALUES:,} values in one file"


def _position(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _yaml_problem(error: yaml.YAMLError, text: str, name: str) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        line, column = _position(error.problem_mark)
        message = error.problem or "invalid YAML"
        if error.context:
            message = f"{message} ({error.context})"
        return Problem(name, line, column, WHOLE_FILE, f"YAML syntax: {message}")
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        return Problem(
            name,
            line,
            column,
            WHOLE_FILE,
            f"character U+{error.character:04X} is not allowed in YAML",
        )
    return Problem(name, 1, 1, WHOLE_FILE, f"YAML syntax: {error}")


def compose_located(text: str, name: str) -> Located:
    """Parse ``text`` and convert it.

    Raises ShowDataError when nothing useful can be read (bad YAML syntax, an
    empty file, an alias bomb); smaller problems are kept in ``problems`` so
    that validation can report them together with the rest.
    """
    loader: Any = None
    try:
        # PyYAML's own reader checks the characters here, before any event.
        loader = SafeLoader(text)
        builder = _Builder(name, loader)
        builder.read()
    except yaml.YAMLError as error:
        raise ShowDataError([_yaml_problem(error, text, name)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not builder.documents:
        raise ShowDataError(
            [Problem(name, 1, 1, WHOLE_FILE, "the file is empty; a show file is a YAML mapping")]
        )
    return Located(builder.root, builder.values, builder.keys, builder.problems)


class _Discard:
    """Stands for a mapping key whose value is read but not kept."""


_DISCARD = _Discard()


class _Slot(NamedTuple):
    """Where a node being read goes."""

    path: Path
    #: False inside a value that is not kept: its problems are not reported.
    recording: bool
    #: True for a mapping key.
    is_key: bool
    position: tuple[int, int]


@dataclass
class _Frame:
    """A mapping or list being read."""

    value: dict[str, Any] | list[Any]
    path: Path
    #: False inside a value that is not kept (one with an unsupported tag, a
    #: duplicate key's): it is read to stay in step, but records nothing.
    recording: bool
    #: False when the finished value is replaced by None.
    keep: bool
    anchor: str | None
    #: The running totals when the node started, to size it for its anchor.
    values_before: int
    text_before: int
    #: For a mapping: the key waiting for its value (None while reading a key).
    key: str | _Discard | None = None


class _Builder:
    """Plain data from a stream of YAML events, without recursion."""

    def __init__(self, name: str, loader: Any) -> None:
        self.name = name
        self.loader = loader
        self.problems: list[Problem] = []
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        #: anchor -> (value, number of values, characters of text)
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.value_count = 0
        self.text_count = 0
        self.alias_values = 0
        self.alias_text = 0

    def problem(self, slot: _Slot, message: str, path: Path | None = None) -> None:
        # One more than ShowDataError shows, so that it says more follow.
        if slot.recording and len(self.problems) <= MAX_PROBLEMS:
            where = slot.path if path is None else path
            self.problems.append(Problem(self.name, *slot.position, format_path(where), message))

    def fail(self, position: tuple[int, int], path: Path, message: str) -> ShowDataError:
        problem = Problem(self.name, *position, format_path(path), message)
        return ShowDataError([*self.problems, problem])

    def read(self) -> None:
        get_event = self.loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.MappingStartEvent:
                self.start(event, {}, "map")
            elif kind is yaml.SequenceStartEvent:
                self.start(event, [], "seq")
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.end()
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(
                        _position(event.start_mark),
                        (),
                        "expected one YAML document, found another (---)",
                    )
            elif event is None or kind is yaml.StreamEndEvent:
                return

    # -- where the next value goes -------------------------------------------

    def slot(self) -> tuple[Path, bool, bool]:
        """(path, recording, is_key) for the node about to be read."""
        if not self.stack:
            return (), True, False
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return (*frame.path, len(frame.value)), frame.recording, False
        if frame.key is None:
            return frame.path, frame.recording, True
        if isinstance(frame.key, _Discard):
            return frame.path, False, False
        return (*frame.path, frame.key), frame.recording, False

    def enter(self, event: Any) -> _Slot:
        """Count a new node, check the limits, and say where it goes."""
        path, recording, is_key = self.slot()
        position = _position(event.start_mark)
        self.value_count += 1
        if self.value_count > MAX_VALUES:
            raise self.fail(position, path, too_many_values())
        if len(self.stack) > MAX_DEPTH:
            raise self.fail(position, path, "nested too deeply")
        if recording and not is_key:
            self.values[path] = position
        return _Slot(path, recording, is_key, position)

    def attach(self, value: Any) -> None:
        """Put a finished value (not a key) where it belongs."""
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        if isinstance(frame.key, str):
            frame.value[frame.key] = value
        frame.key = None

    def set_key(self, key: str | _Discard) -> None:
        self.stack[-1].key = key

    # -- events -------------------------------------------------------------

    def start(self, event: Any, value: dict[str, Any] | list[Any], kind: str) -> None:
        slot = self.enter(event)
        keep = True
        if slot.is_key:
            self.problem(slot, "keys must be plain text")
            keep = False
        elif event.tag not in (None, "!", f"{_TAG}{kind}"):
            self.problem(slot, f"unsupported YAML tag {_short_tag(event.tag)}")
            keep = False
        self.stack.append(
            _Frame(
                value,
                slot.path,
                slot.recording and keep,
                keep,
                event.anchor,
                self.value_count,
                self.text_count,
            )
        )

    def end(self) -> None:
        frame = self.stack.pop()
        value = frame.value if frame.keep else None
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (
                value,
                self.value_count - frame.values_before + 1,
                self.text_count - frame.text_before,
            )
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            self.set_key(_DISCARD)  # it was a mapping or list used as a key
        else:
            self.attach(value)

    def scalar(self, event: Any) -> None:
        slot = self.enter(event)
        text = event.value
        self.text_count += len(text)
        if slot.is_key:
            self.key(event, slot)
            return
        value = self.scalar_value(event, slot)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1, len(text))
        self.attach(value)

    def key(self, event: Any, slot: _Slot) -> None:
        tag = self.scalar_tag(event)
        if tag == f"{_TAG}merge":
            self.problem(slot, "merge keys (<<) are not supported")
            self.set_key(_DISCARD)
            return
        if tag != _STR or _SURROGATE.search(event.value):
            self.problem(slot, "keys must be plain text")
            self.set_key(_DISCARD)
            return
        key: str = event.value
        child = (*slot.path, key)
        if key in self.stack[-1].value:
            if slot.recording:
                first_line = self.keys[child][0]
                self.problem(slot, f"duplicate key (first given on line {first_line})", child)
            self.set_key(_DISCARD)
            return
        if slot.recording:
            self.keys[child] = slot.position
        self.set_key(key)

    def alias(self, event: Any) -> None:
        slot = self.enter(event)
        if slot.is_key:
            self.problem(slot, "keys must be plain text")
            self.set_key(_DISCARD)
            return
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            self.problem(slot, f"the alias *{event.anchor} has no anchor before it")
            self.attach(None)
            return
        value, values, text = anchored
        self.value_count += values - 1
        self.text_count += text
        self.alias_values += values
        self.alias_text += text
        if self.alias_values > MAX_ALIAS_EXPANSION:
            raise self.fail(
                slot.position,
                slot.path,
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values",
            )
        if self.alias_text > MAX_ALIAS_TEXT:
            raise self.fail(
                slot.position,
                slot.path,
                f"aliases repeat more than {MAX_ALIAS_TEXT:,} characters of text",
            )
        self.attach(value)

    def scalar_tag(self, event: Any) -> str:
        return scalar_tag(event.tag, event.value, event.implicit[0])

    def scalar_value(self, event: Any, slot: _Slot) -> Any:
        value, problem = scalar_value(self.scalar_tag(event), event.value)
        if problem is not None:
            self.problem(slot, problem)
        return value


def scalar_tag(tag: str | None, text: str, plain: bool) -> str:
    """The tag of a scalar as YAML 1.1 reads it: its own, or the one its text resolves to.

    ``plain``: written without quotes (an event's ``implicit[0]``), so its
    text may read as a number, a boolean, a null or a date.
    """
    if tag is not None and tag != "!":
        return tag
    if not plain:  # quoted or a block: always text
        return _STR
    return plain_tag(text)


def plain_tag(text: str) -> str:
    """The tag of an untagged, unquoted scalar: PyYAML's resolver, remembered.

    Only texts that begin with a character some resolver looks at can be
    anything but text; the others (most keys and prose) are text at once.
    The answer for short texts is kept: keys and enumerated values ("lead",
    "true", "2024") repeat in every file.
    """
    if text and text[0] not in RESOLVED_FIRSTS:
        return _STR
    tag = _resolved.get(text)
    if tag is not None:
        return tag
    if len(text) > MAX_NUMBER_CHARS:
        # Too long for a bool or a null; a timestamp stays text anyway. So
        # the one question is whether YAML would read a number.
        return _INT if _LONG_NUMBER.fullmatch(text) else _STR
    tag = str(_resolver.resolve(yaml.ScalarNode, text, (True, False)))
    if len(_resolved) < _MAX_RESOLVED:
        _resolved[text] = tag
    return tag


def scalar_value(tag: str, text: str) -> tuple[Any, str | None]:
    """The value of a scalar of tag ``tag``, or None and what is wrong with it."""
    if tag not in _SCALAR_TAGS:
        return None, f"unsupported YAML tag {_short_tag(tag)}"
    if tag in (_STR, _TIMESTAMP):
        # Dates stay text: the model parses them and explains a bad one.
        if not text.isascii() and _SURROGATE.search(text):
            return None, "text holds a lone surrogate, which is not a character"
        return text, None
    if tag == _NULL:
        return None, None
    if len(text) > MAX_NUMBER_CHARS:
        kind = "a true-or-false value" if tag == _BOOL else "a number"
        return None, (
            f"{kind} {len(text):,} characters long; at most {MAX_NUMBER_CHARS}"
            " are read (put it in quotes to make it text)"
        )
    if not text.isascii():
        # Python's int() and float() take any script's digits ("١٢"); YAML does not.
        return None, f"{_shown(text)} is not a valid {_short_tag(tag)}"
    if tag == _INT and text.isdigit() and text[0] != "0":
        return int(text), None  # the common case, without PyYAML's general one
    node = yaml.ScalarNode(tag, text)
    try:
        return _BUILD[tag](node), None
    except (ValueError, KeyError, IndexError, yaml.constructor.ConstructorError):
        # An explicit tag on text that is not of that type, e.g. "!!int abc"
        # (or "!!int" on nothing at all, which PyYAML indexes into).
        return None, f"{_shown(text)} is not a valid {_short_tag(tag)}"


def _shown(text: str) -> str:
    """``text`` quoted, cut short enough to keep a problem on one readable line."""
    return repr(text if len(text) <= 38 else text[:37] + "…")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
