"""YAML text to plain Python data that remembers where every value came from.

PyYAML's node tree carries positions; the Python objects built from it do not.
So we compose the tree (which never builds objects, whatever the tags say) and
convert it ourselves, recording the position of every value and every mapping
key by its path, e.g. ``("characters", 0, "name")``.

The conversion also refuses what a show file never needs and an attacker might
send: unknown tags, duplicate keys, non-text keys, merge keys, absurd nesting,
and aliases that expand into huge trees ("billion laughs").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from showguide.core.errors import WHOLE_FILE, Problem, ShowDataError

# libyaml's loader is several times faster; PyYAML may be built without it.
SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]

MAX_DEPTH = 64
#: Values reached through aliases, counted with repeats. Real show files use
#: few or no aliases; an alias bomb reaches millions.
MAX_ALIAS_EXPANSION = 10_000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()


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


def format_path(path: Path) -> str:
    """``("characters", 0, "name")`` as ``characters[0].name``; the root as ``(file)``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or WHOLE_FILE


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
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise ShowDataError([_yaml_problem(error, text, name)]) from None
    except RecursionError:  # only the pure-Python loader recurses this way
        raise ShowDataError(
            [Problem(name, 1, 1, WHOLE_FILE, "the YAML is nested too deeply")]
        ) from None
    if root is None:
        raise ShowDataError(
            [Problem(name, 1, 1, WHOLE_FILE, "the file is empty; a show file is a YAML mapping")]
        )
    converter = _Converter(name)
    value = converter.convert(root, (), 0)
    return Located(value, converter.values, converter.keys, converter.problems)


class _Converter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.expanded = 0

    def problem(self, position: tuple[int, int], path: Path, message: str) -> None:
        self.problems.append(Problem(self.name, *position, format_path(path), message))

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        position = _position(node.start_mark)
        self.values[path] = position
        if id(node) in self.seen:  # reached again through an alias
            self.expanded += 1
            if self.expanded > MAX_ALIAS_EXPANSION:
                raise ShowDataError(
                    [
                        *self.problems,
                        Problem(
                            self.name,
                            *position,
                            format_path(path),
                            f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values",
                        ),
                    ]
                )
        else:
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise ShowDataError(
                [
                    *self.problems,
                    Problem(self.name, *position, format_path(path), "nested too deeply"),
                ]
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                self.problem(position, path, f"unsupported YAML tag {_short_tag(node.tag)}")
                return None
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the only other kind of node
        return self.scalar(node, path, position)

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any] | None:
        if node.tag != f"{_TAG}map":
            self.problem(
                _position(node.start_mark), path, f"unsupported YAML tag {_short_tag(node.tag)}"
            )
            return None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_position = _position(key_node.start_mark)
            if key_node.tag == f"{_TAG}merge":
                self.problem(key_position, path, "merge keys (<<) are not supported")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_TAG}str":
                self.problem(key_position, path, "keys must be plain text")
                continue
            key = key_node.value
            child = (*path, key)
            if key in result:
                first_line = self.keys[child][0]
                self.problem(
                    key_position, child, f"duplicate key (first given on line {first_line})"
                )
                continue
            self.keys[child] = key_position
            result[key] = self.convert(value_node, child, depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path, position: tuple[int, int]) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problem(position, path, f"unsupported YAML tag {_short_tag(node.tag)}")
            return None
        if node.tag in (f"{_TAG}str", f"{_TAG}timestamp"):
            # Dates stay text: the model parses them and explains a bad one.
            return node.value
        if node.tag == f"{_TAG}null":
            return None
        build = {
            f"{_TAG}int": _constructor.construct_yaml_int,
            f"{_TAG}float": _constructor.construct_yaml_float,
            f"{_TAG}bool": _constructor.construct_yaml_bool,
        }[node.tag]
        try:
            return build(node)
        except (ValueError, KeyError, yaml.constructor.ConstructorError):
            # An explicit tag on text that is not of that type, e.g. "!!int abc".
            self.problem(position, path, f"{node.value!r} is not a valid {_short_tag(node.tag)}")
            return None


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
