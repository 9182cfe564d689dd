"""Hostile show data: text that tries to act on the terminal, files that try to hurt the loader.

Two kinds of case:

- *Hostile text* in valid shows (``hostile_text_show``, ``long_text_show``):
  markup, escape sequences, control and invisible characters in every text
  field, and 100,000-character strings. The guide must show them literally.
- *Bad files* (``BAD_FILES``): each must give a clear ``FILE:LINE:COLUMN``
  problem and exit status 2 from ``showguide validate``, quickly and in
  little memory. Among them: numbers too long to convert (thousands of
  digits, base 60, hexadecimal), and bad environment values (a size limit of
  99 terabytes or past the int range) run with a file that shows the command
  went on.

Large cases are generated here at test time, never committed.
"""

from __future__ import annotations

import copy
import os
import random
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import yaml

from showguide.core.model import Line, Prose, Show
from tests.showdata import FULL, MINIMAL


@dataclass(frozen=True)
class Piece:
    """A bit of hostile text, and what the screen must show instead."""

    name: str
    raw: str
    shown: str


PIECES: tuple[Piece, ...] = (
    Piece("Rich markup", "[bold red]R[/]", "[bold red]R[/]"),
    Piece(
        "Rich link markup",
        "[link=https://example.invalid]L[/link]",
        "[link=https://example.invalid]L[/link]",
    ),
    Piece("Textual action markup", "[@click=app.quit]Q[/]", "[@click=app.quit]Q[/]"),
    Piece("Textual variable markup", "[$accent on $error]V[/]", "[$accent on $error]V[/]"),
    Piece("emoji code", ":warning:", ":warning:"),
    Piece("CSI colour", "\x1b[31mC\x1b[0m", "␛[31mC␛[0m"),
    Piece("CSI clear screen", "\x1b[2J\x1b[H", "␛[2J␛[H"),
    Piece("8-bit CSI", "\x9b2J", "<U+009B>2J"),
    Piece("OSC 52 clipboard write", "\x1b]52;c;b3duZWQ=\x07", "␛]52;c;b3duZWQ=␇"),
    Piece(
        "OSC 8 link",
        "\x1b]8;;https://example.invalid\x1b\\L\x1b]8;;\x1b\\",
        "␛]8;;https://example.invalid␛\\L␛]8;;␛\\",
    ),
    Piece("OSC title, 8-bit terminator", "\x1b]0;T\x9c", "␛]0;T<U+009C>"),
    Piece("DCS", '\x1bP$q"p\x1b\\', '␛P$q"p␛\\'),
    Piece("8-bit DCS", "\x90q\x9c", "<U+0090>q<U+009C>"),
    Piece("C0 controls", "\x00\x07\x08\r\x0b\x0c", "␀␇␈␍␋␌"),
    Piece("DEL", "D\x7f", "D␡"),
    Piece("C1 next line", "N\x85", "N<U+0085>"),
    Piece("zero-width space", "Z\u200bW", "Z<U+200B>W"),
    Piece("bidi override", "\u202eRLO\u202c", "<U+202E>RLO<U+202C>"),
    Piece("bidi isolate", "\u2067RLI\u2069", "<U+2067>RLI<U+2069>"),
    Piece("byte order mark", "B\ufeff", "B<U+FEFF>"),
    Piece("invisible tag character", "T\U000e0041", "T<U+E0041>"),
)

#: The characters that must never reach the terminal from data: C0 (but
#: newline), DEL, C1, and the invisible ones that PIECES use.
RAW_CONTROL = frozenset(
    [chr(c) for c in range(0x20) if c != 0x0A]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u200b", "\u202e", "\u202c", "\u2067", "\u2069", "\ufeff", "\U000e0041"]
)


# -- hostile text in every text field -------------------------------------------


def _is_text(annotation: Any) -> bool:
    """True for a free-text field: Line or Prose, alone, optional, or in a list."""
    if annotation is Line or annotation is Prose:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return False
    return any(_is_text(arg) for arg in typing.get_args(annotation))


def _structs_in(annotation: Any) -> list[type[msgspec.Struct]]:
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        return [annotation]
    return [s for arg in typing.get_args(annotation) for s in _structs_in(arg)]


def _replace_text(
    data: Any, annotation: Any, make: Callable[[str], str], where: str, fields: dict[str, str]
) -> Any:
    """``data`` with every free-text value replaced by ``make(field)``."""
    if isinstance(data, list):
        return [
            _replace_text(item, annotation, make, f"{where}[{i}]", fields)
            for i, item in enumerate(data)
        ]
    if isinstance(data, dict):
        structs = _structs_in(annotation)
        if not structs:
            return data
        result = dict(data)
        for field in msgspec.structs.fields(structs[0]):
            if field.encode_name not in data:
                continue
            path = f"{where}.{field.encode_name}" if where else field.encode_name
            value = data[field.encode_name]
            if _is_text(field.type):
                if isinstance(value, list):
                    result[field.encode_name] = [
                        _new_text(make, f"{path}[{i}]", fields) for i in range(len(value))
                    ]
                else:
                    result[field.encode_name] = _new_text(make, path, fields)
            else:
                result[field.encode_name] = _replace_text(value, field.type, make, path, fields)
        return result
    return data


def _new_text(make: Callable[[str], str], path: str, fields: dict[str, str]) -> str:
    text = make(path)
    fields[path] = text
    return text


def _without_spoilers(data: Any) -> Any:
    if isinstance(data, list):
        return [_without_spoilers(item) for item in data]
    if isinstance(data, dict):
        return {
            k: False if k in ("spoiler", "reveals") else _without_spoilers(v)
            for k, v in data.items()
        }
    return data


class _QuotingDumper(yaml.SafeDumper):
    """Writes every text in double quotes."""


_QuotingDumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'),
)


@dataclass(frozen=True)
class HostileShow:
    data: dict[str, Any]
    #: field path -> the text put there
    fields: dict[str, str]

    def yaml(self) -> str:
        # Double quotes write every control character as an escape ("\e",
        # "\x9b", "\N"), so the file is valid YAML and the loader turns them
        # back into the real characters. (In other styles PyYAML writes a
        # NEL as a raw line break, which reads back as a space.)
        return yaml.dump(
            self.data, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False, width=1000
        )

    def write(self, folder: Path, name: str = "hostile.yaml") -> Path:
        path = folder / name
        path.write_text(self.yaml(), encoding="utf-8")
        return path

    def show(self) -> Show:
        return msgspec.convert(self.data, Show)


def hostile_text_show() -> HostileShow:
    """Every text field of every record holds markup and one kind of terminal control.

    Field number ``n`` holds ``[b]Mnn[/b]`` (a marker that markup would turn
    bold) followed by ``PIECES[n % len(PIECES)]``, so every piece is in at
    least one field and every field in at least one check. Nothing is a
    spoiler, so everything is on screen.
    """
    counter = iter(range(1000))

    def make(path: str) -> str:
        number = next(counter)
        return f"[b]M{number:02d}[/b]{PIECES[number % len(PIECES)].raw}"

    fields: dict[str, str] = {}
    data = _replace_text(_without_spoilers(copy.deepcopy(FULL)), Show, make, "", fields)
    data["id"] = "hostile"
    return HostileShow(data, fields)


def shown_form(text: str) -> str:
    """What the screen shows for a text made by ``hostile_text_show``."""
    for piece in PIECES:
        if text.endswith(piece.raw):
            return text[: -len(piece.raw)] + piece.shown
    raise ValueError(f"not a hostile text: {text!r}")


LONG = 100_000


def long_marker(path: str) -> str:
    """How each long text of ``long_text_show`` starts."""
    return f"<<{path}>>"


def long_text_show() -> HostileShow:
    """100,000-character strings in the fields the app shows most: words, or one unbroken run.

    Each starts with ``long_marker(field)``, so a check can tell them apart.
    """
    words = "Lorem ipsum dolor sit amet 김은혜 " * LONG
    unbroken = "x" * LONG
    wanted = {
        "title",
        "logline",
        "verdict",
        "plot.synopsis",
        "characters[0].name",
        "characters[0].description",
        "highlights[0].title",
        "faq[0].question",
        "faq[0].answer",
        "faq[0].tags[0]",
        "genres[0]",
    }
    fields: dict[str, str] = {}

    def make(path: str) -> str:
        if path not in wanted:
            return f"short {path}"
        body = words if len(fields) % 2 else unbroken
        return f"{long_marker(path)} {body}"[:LONG]

    data = _replace_text(_without_spoilers(copy.deepcopy(FULL)), Show, make, "", fields)
    data["id"] = "long"
    return HostileShow(data, {k: v for k, v in fields.items() if k in wanted})


# -- bad files ----------------------------------------------------------------------


@dataclass(frozen=True)
class BadFile:
    """A file (or folder) that must be refused with a clear problem."""

    build: Callable[[Path], Path]
    #: One of the problem lines must contain one of these.
    expected: tuple[str, ...]
    #: Environment changes for the run.
    env: tuple[tuple[str, str], ...] = ()
    #: Why the case cannot be tried here, or "" when it can.
    skip: Callable[[], str] = lambda: ""


BAD_FILES: dict[str, BadFile] = {}


def bad_file(
    *expected: str,
    env: tuple[tuple[str, str], ...] = (),
    skip: Callable[[], str] = lambda: "",
) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(build: Callable[[Path], Path]) -> Callable[[Path], Path]:
        BAD_FILES[build.__name__.replace("_", "-")] = BadFile(build, expected, env, skip)
        return build

    return register


def _valid_yaml() -> str:
    return yaml.safe_dump(MINIMAL, allow_unicode=True, sort_keys=False)


def _write(folder: Path, text: str | bytes, name: str = "show.yaml") -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _replacing_verdict(folder: Path, verdict: str) -> Path:
    text = _valid_yaml()
    assert "verdict: Passes.\n" in text
    return _write(folder, text.replace("verdict: Passes.\n", f"verdict: {verdict}\n"))


@bad_file("aliases expand to more than 10,000 values")
def billion_laughs(folder: Path) -> Path:
    levels = ["  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        levels.append(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return _write(folder, _valid_yaml() + "bomb:\n" + "\n".join(levels) + "\n")


@bad_file("aliases repeat more than 1,000,000 characters of text")
def alias_text_bomb(folder: Path) -> Path:
    text = _valid_yaml().replace("verdict: Passes.", f"verdict: &v {'w' * 400_000}")
    return _write(folder, text + "genres: [" + ", ".join(["*v"] * 9_000) + "]\n")


@bad_file("verdict: unsupported YAML tag !!python/object:os.system")
def python_object(folder: Path) -> Path:
    return _replacing_verdict(folder, "!!python/object:os.system {}")


@bad_file("verdict: unsupported YAML tag !!python/object/apply:os.system")
def python_object_apply(folder: Path) -> Path:
    return _replacing_verdict(folder, '!!python/object/apply:os.system ["echo owned"]')


@bad_file("verdict: unsupported YAML tag !!python/name:os.system")
def python_name(folder: Path) -> Path:
    return _replacing_verdict(folder, "!!python/name:os.system ''")


@bad_file("verdict: unsupported YAML tag !shiny")
def unknown_local_tag(folder: Path) -> Path:
    return _replacing_verdict(folder, "!shiny Passes.")


@bad_file("verdict: unsupported YAML tag tag:example.com,2024:thing")
def unknown_global_tag(folder: Path) -> Path:
    return _replacing_verdict(folder, "!<tag:example.com,2024:thing> Passes.")


@bad_file("verdict: unsupported YAML tag !!set")
def set_tag(folder: Path) -> Path:
    return _replacing_verdict(folder, "!!set {a, b}")


@bad_file("title: duplicate key (first given on line 3)")
def duplicate_keys(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "title: Again\n")


@bad_file("audience.summary: duplicate key")
def duplicate_nested_keys(folder: Path) -> Path:
    text = _valid_yaml().replace(
        "  summary: For anyone who runs tests.\n",
        "  summary: For anyone who runs tests.\n  summary: Twice.\n",
    )
    return _write(folder, text)


@bad_file("(file): byte 0xe9 is not UTF-8; save the file as UTF-8")
def not_utf8(folder: Path) -> Path:
    return _write(folder, _valid_yaml().replace("Test Show", "Caf\xe9").encode("latin-1"))


@bad_file("(file): the file is UTF-16; save it as UTF-8")
def utf16_little_endian_with_bom(folder: Path) -> Path:
    return _write(folder, b"\xff\xfe" + _valid_yaml().encode("utf-16-le"))


@bad_file("(file): the file is UTF-16; save it as UTF-8")
def utf16_big_endian_with_bom(folder: Path) -> Path:
    return _write(folder, b"\xfe\xff" + _valid_yaml().encode("utf-16-be"))


@bad_file("(file): the file is UTF-32; save it as UTF-8")
def utf32_with_bom(folder: Path) -> Path:
    return _write(folder, _valid_yaml().encode("utf-32"))


@bad_file("(file): character U+0000 is not allowed in YAML")
def utf16_without_bom(folder: Path) -> Path:
    return _write(folder, _valid_yaml().encode("utf-16-le"))


@bad_file("over the limit of 4,194,304 (set SHOWGUIDE_MAX_FILE_BYTES to change it)")
def fifty_megabytes(folder: Path) -> Path:
    return _fifty_megabytes(folder)


@bad_file(
    "more than 250,000 values in one file",
    env=(("SHOWGUIDE_MAX_FILE_BYTES", str(64 * 1024 * 1024)),),
)
def fifty_megabytes_under_a_raised_limit(folder: Path) -> Path:
    return _fifty_megabytes(folder)


def _fifty_megabytes(folder: Path) -> Path:
    path = folder / "huge.yaml"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(_valid_yaml() + "tags:\n")
        line = "- a tag that goes on\n"
        stream.write(line * (50 * 1024 * 1024 // len(line) + 1))
    return path


# -- bad environment values, with files that show the run went on -----------------------


#: A limit bigger than memory: it used to be allocated before the first byte was read.
@bad_file(
    "more than 250,000 values in one file",
    env=(("SHOWGUIDE_MAX_FILE_BYTES", "99999999999999"),),
)
def fifty_megabytes_under_a_limit_of_99_terabytes(folder: Path) -> Path:
    return _fifty_megabytes(folder)


#: Digits past what an index can hold: int() read them, then read() overflowed.
@bad_file(
    "title: duplicate key",
    env=(("SHOWGUIDE_MAX_FILE_BYTES", "9" * 40),),
)
def size_limit_past_the_int_range(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "title: Again\n")


#: Past int()'s 4,300 digits: taken as "as much as allowed", with a warning.
@bad_file(
    "more than 250,000 values in one file",
    env=(("SHOWGUIDE_MAX_FILE_BYTES", "9" * 5_000),),
)
def size_limit_of_5000_digits(folder: Path) -> Path:
    return _fifty_megabytes(folder)


@bad_file(
    "over the limit of 4,194,304",
    env=(("SHOWGUIDE_MAX_FILE_BYTES", "-1"),),
)
def negative_size_limit(folder: Path) -> Path:
    return _fifty_megabytes(folder)


@bad_file("is not UTF-8; save the file as UTF-8")
def random_binary(folder: Path) -> Path:
    return _write(folder, random.Random(7).randbytes(64 * 1024), "random.bin")


@bad_file("(file): character U+0002 is not allowed in YAML")
def executable_binary(folder: Path) -> Path:
    # The start of an ELF file: ASCII, then NUL bytes, as a compiled program has.
    header = b"ELF\x02\x01\x01" + bytes(10) + b"\x02\x00\x3e\x00"
    return _write(folder, header * 100, "program")


@bad_file("(file): character U+001B is not allowed in YAML")
def raw_escape_character(folder: Path) -> Path:
    return _replacing_verdict(folder, "Pa\x1b[31mss")


@bad_file("(file): character U+009B is not allowed in YAML")
def raw_c1_control(folder: Path) -> Path:
    return _replacing_verdict(folder, "Pa\x9bss")


@bad_file("(file): character U+0000 is not allowed in YAML")
def raw_nul(folder: Path) -> Path:
    return _replacing_verdict(folder, "Pa\x00ss")


# libyaml stops flow nesting at 1,000 levels while scanning, before the
# loader's own limit of 64 is reached; PyYAML's parser leaves it to the loader.
@bad_file("nested too deeply", "YAML syntax: exceeded maximum nesting depth")
def nested_lists_10000_deep(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "tags: " + "[" * 10_000 + "]" * 10_000 + "\n")


@bad_file("nested too deeply", "YAML syntax: exceeded maximum nesting depth")
def nested_mappings_10000_deep(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "tags: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n")


@bad_file("nested too deeply", "YAML syntax: exceeded maximum nesting depth")
def nested_block_lists_10000_deep(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "tags:\n" + "- " * 10_000 + "a\n")


@bad_file("more than 250,000 values in one file")
def two_million_values(folder: Path) -> Path:
    count = (4 * 1024 * 1024 - 1000) // 2
    return _write(folder, _valid_yaml() + "tags: [" + ",".join(["a"] * count) + "]\n")


@bad_file("(file): more problems from here on; fix the 100 above and check again")
def two_hundred_thousand_problems(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "tags: [" + ",".join(["1"] * 200_000) + "]\n")


@bad_file(f"{'k' * 39}…: unknown key")
def key_of_100000_characters(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + f"? {'k' * 100_000}\n: 1\n")


@bad_file(f"(file): expected a mapping, got '{'x' * 37}…'")
def only_a_100000_character_string(folder: Path) -> Path:
    return _write(folder, "x" * 100_000 + "\n")


@bad_file("tags[0]: a number 5,000 characters long; at most 64 are read")
def integer_of_5000_digits(folder: Path) -> Path:
    # Past Python's 4,300-digit limit for int(): it used to end every command.
    return _write(folder, _valid_yaml() + "tags: [" + "7" * 5_000 + "]\n")


@bad_file("verdict: a number 3,000,001 characters long; at most 64 are read")
def base_60_integer_of_a_million_places(folder: Path) -> Path:
    # YAML 1.1's sexagesimal integer: converting it takes time quadratic in its length.
    return _replacing_verdict(folder, "1" + ":59" * 1_000_000)


@bad_file(
    "verdict: a number 39,000,001 characters long; at most 64 are read",
    env=(("SHOWGUIDE_MAX_FILE_BYTES", str(64 * 1024 * 1024)),),
)
def base_60_integer_of_39_megabytes_under_a_raised_limit(folder: Path) -> Path:
    # PyYAML's resolver alone kept a backtracking record per ":59": gigabytes.
    return _replacing_verdict(folder, "1" + ":59" * 13_000_000)


@bad_file("verdict: a number 3,000,002 characters long; at most 64 are read")
def hexadecimal_integer_of_3_million_digits(folder: Path) -> Path:
    # Converts at once (hex has no digit limit), but could never be printed.
    return _replacing_verdict(folder, "0x" + "f" * 3_000_000)


@bad_file("verdict: a number 3,000,002 characters long; at most 64 are read")
def float_of_3_million_digits(folder: Path) -> Path:
    return _replacing_verdict(folder, "9" * 3_000_000 + ".5")


@bad_file("year: a number 200,000 characters long; at most 64 are read")
def many_long_numbers(folder: Path) -> Path:
    numbers = "".join(f"  n{i}: {'7' * 200_000}\n" for i in range(15))
    text = _valid_yaml().replace("title: Test Show", f"year: {'7' * 200_000}\ntitle: Test Show")
    return _write(folder, text + "extra:\n" + numbers)


@bad_file("(file): the file is empty; a show file is a YAML mapping")
def empty(folder: Path) -> Path:
    return _write(folder, "# nothing but a comment\n")


@bad_file("(file): expected one YAML document, found another (---)")
def two_documents(folder: Path) -> Path:
    return _write(folder, _valid_yaml() + "---\n" + _valid_yaml())


@bad_file("verdict: the alias *nowhere has no anchor before it")
def alias_without_anchor(folder: Path) -> Path:
    return _replacing_verdict(folder, "*nowhere")


@bad_file(
    "YAML syntax: found invalid Unicode character escape code"
    if getattr(yaml, "__with_libyaml__", False)
    else "verdict: text holds a lone surrogate, which is not a character"
)
def escaped_lone_surrogate(folder: Path) -> Path:
    return _replacing_verdict(folder, '"P\\ud800"')


@bad_file("(file): no show files (*.yaml, *.yml) in this folder")
def empty_folder(folder: Path) -> Path:
    path = folder / "shows"
    path.mkdir()
    return path


@bad_file("(file): no show files (*.yaml, *.yml) in this folder")
def folder_named_like_a_show(folder: Path) -> Path:
    # A folder called x.yaml in a data folder is not taken for a show file.
    (folder / "shows" / "x.yaml").mkdir(parents=True)
    return folder / "shows"


@bad_file(
    "(file): is not a regular file",
    skip=lambda: "" if hasattr(os, "mkfifo") else "no FIFOs on this system",
)
def fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)  # nothing ever writes to it: reading it would wait forever
    return path


@bad_file(
    "(file): cannot read: Input/output error",
    skip=lambda: "" if Path("/proc/self/mem").exists() else "no /proc/self/mem here",
)
def file_that_fails_to_read(folder: Path) -> Path:
    # A regular file by stat() whose read() fails: even root cannot read it.
    path = folder / "mem.yaml"
    path.symlink_to("/proc/self/mem")
    return path


@bad_file(
    "(file): cannot read: Permission denied",
    # Root reads any file whatever its mode; file-that-fails-to-read covers
    # a file that cannot be read even then.
    skip=lambda: "root can read a file with mode 000" if _is_root() else "",
)
def unreadable(folder: Path) -> Path:
    return _chmod(_write(folder, _valid_yaml()), 0)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _chmod(path: Path, mode: int) -> Path:
    path.chmod(mode)
    return path


@bad_file("(file): cannot read: Too many levels of symbolic links")
def symlink_loops_in_a_data_folder(folder: Path) -> Path:
    shows = folder / "shows"
    shows.mkdir()
    _write(shows, _valid_yaml(), "good.yaml")
    (shows / "self.yaml").symlink_to("self.yaml")
    (shows / "ping.yaml").symlink_to("pong.yaml")
    (shows / "pong.yaml").symlink_to("ping.yaml")
    (shows / "again").symlink_to(".", target_is_directory=True)
    return shows


@bad_file("(file): no such file")
def dangling_symlink(folder: Path) -> Path:
    path = folder / "gone.yaml"
    path.symlink_to(folder / "never-written.yaml")
    return path


# -- bad files in the user's folders --------------------------------------------------
#
# The files showguide keeps for itself (preferences, state, the parse cache)
# are read on every start. Each case plants something in their place, in a
# SHOWGUIDE_HOME whose cache is warm; every command must still work, in
# bounded time and memory, without a traceback, and say what it set aside.


@dataclass(frozen=True)
class BadUserFile:
    """Something planted where showguide keeps one of its own files."""

    #: Plants the case in the home folder given; returns the path planted.
    plant: Callable[[Path], Path]
    #: True when the thing planted must be renamed aside (``NAME.corrupt-*``), with a notice.
    set_aside: bool
    skip: Callable[[], str] = lambda: ""
    #: True when the thing planted must be gone after a start (a stray temporary file).
    removed: bool = False


BAD_USER_FILES: dict[str, BadUserFile] = {}

#: What a probe prints: the Ballerina guide's title, then one notice a line.
USER_FILES_PROBE = (
    "from showguide.core.catalog import load_catalog\n"
    "from showguide.core.prefs import load_remembered\n"
    "remembered = load_remembered()\n"
    "catalog = load_catalog()\n"
    "print(catalog.resolve('ballerina').show.title)\n"
    "for notice in (*remembered.notices, *catalog.notices):\n"
    "    print(notice)\n"
)


def _no_fifos() -> str:
    return "" if hasattr(os, "mkfifo") else "no FIFOs on this system"


def bad_user_file(
    *, set_aside: bool, skip: Callable[[], str] = lambda: "", removed: bool = False
) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(plant: Callable[[Path], Path]) -> Callable[[Path], Path]:
        name = plant.__name__.replace("_", "-")
        BAD_USER_FILES[name] = BadUserFile(plant, set_aside, skip, removed)
        return plant

    return register


def _in_place(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    return path


def _fifo_at(path: Path) -> Path:
    os.mkfifo(_in_place(path))  # nothing writes to it: a read would wait forever
    return path


def _endless_at(path: Path) -> Path:
    _in_place(path).symlink_to("/dev/zero")  # a read would never end, nor its memory
    return path


def _sparse_at(path: Path, size: int) -> Path:
    with _in_place(path).open("wb") as stream:  # takes no room on disk
        stream.truncate(size)
    return path


def _shows_file(home: Path) -> Path:
    (path,) = (home / "cache").glob("parse-cache-*.shows")
    return path


@bad_user_file(set_aside=True, skip=_no_fifos)
def fifo_as_preferences(home: Path) -> Path:
    return _fifo_at(home / "config" / "preferences.json")


@bad_user_file(set_aside=True, skip=_no_fifos)
def fifo_as_state(home: Path) -> Path:
    return _fifo_at(home / "state" / "state.json")


@bad_user_file(set_aside=True)
def dev_zero_as_state(home: Path) -> Path:
    return _endless_at(home / "state" / "state.json")


@bad_user_file(set_aside=True)
def four_gigabyte_preferences(home: Path) -> Path:
    return _sparse_at(home / "config" / "preferences.json", 4 << 30)


@bad_user_file(set_aside=True, skip=_no_fifos)
def fifo_as_cache_index(home: Path) -> Path:
    return _fifo_at(home / "cache" / "parse-cache.msgpack")


@bad_user_file(set_aside=True)
def dev_zero_as_cache_index(home: Path) -> Path:
    return _endless_at(home / "cache" / "parse-cache.msgpack")


@bad_user_file(set_aside=True)
def four_gigabyte_cache_index(home: Path) -> Path:
    return _sparse_at(home / "cache" / "parse-cache.msgpack", 4 << 30)


@bad_user_file(set_aside=True, skip=_no_fifos)
def fifo_as_cache_shows_file(home: Path) -> Path:
    return _fifo_at(_shows_file(home))


def _index_entries(home: Path, change: Callable[[list[Any]], None]) -> Path:
    """Rewrite every entry of the index as a crafter would: with a checksum that holds."""
    import zlib

    path = home / "cache" / "parse-cache.msgpack"
    stored = msgspec.msgpack.decode(path.read_bytes()[:-4])
    for entry in stored["entries"]:
        change(entry)
    payload = msgspec.msgpack.encode(stored)
    path.write_bytes(payload + zlib.crc32(payload).to_bytes(4, "big"))
    return path


@bad_user_file(set_aside=False)
def cache_entry_of_four_exabytes(home: Path) -> Path:
    def craft(entry: list[Any]) -> None:
        entry[8] = 1 << 62  # the length of the encoded show

    return _index_entries(home, craft)


@bad_user_file(set_aside=False)
def cache_entry_pointing_past_its_file(home: Path) -> Path:
    def craft(entry: list[Any]) -> None:
        entry[7] = 1 << 40  # where the encoded show starts

    return _index_entries(home, craft)


@bad_user_file(set_aside=False)
def edited_title_in_the_cache_shows_file(home: Path) -> Path:
    path = _shows_file(home)
    data = path.read_bytes()
    at = data.index(b"Ballerina")
    path.write_bytes(data[:at] + b"Hijacked!" + data[at + 9 :])
    return path


@bad_user_file(set_aside=False, removed=True)
def cache_save_killed_leaving_a_full_copy(home: Path) -> Path:
    shows = _shows_file(home)
    stray = shows.with_name(f".parse-cache-{'0' * 16}.shows.killed.tmp")
    stray.write_bytes(shows.read_bytes())
    return stray


# -- hostile names and output channels ------------------------------------------

#: File and folder names that try to act on the terminal: set its title, write
#: its clipboard (OSC 52), plant markup and a line break in a one-line record.
HOSTILE_NAMES: tuple[str, ...] = (
    "\x1b]0;pwned\x07title",
    "\x1b]52;c;aGk=\x07clip",
    "[@click=app.quit]Q[b]B",
    "line\nbreak",
    "\u202eyaml.exe",
)


@bad_file("(file): cannot read: File name too long")
def file_name_of_256_characters(folder: Path) -> Path:
    # One name past the 255 bytes Linux and macOS allow (ENAMETOOLONG).
    return folder / ("n" * 251 + ".yaml")


@bad_file("(file): no such file")
def file_named_with_escape_sequences(folder: Path) -> Path:
    # Never written: only its name is hostile, and the problem must quote it visibly.
    return folder / f"{HOSTILE_NAMES[0]}{HOSTILE_NAMES[1]}.yaml"


@dataclass(frozen=True)
class OutputChannel:
    """A way standard output can fail, as the shell sets it up."""

    name: str
    #: The redirection after the command, e.g. ">/dev/full".
    redirect: str
    #: The exit status it must end with, and a part of its one line on stderr.
    code: int
    message: str


OUTPUT_CHANNELS: tuple[OutputChannel, ...] = (
    OutputChannel("full disk", ">/dev/full", 1, "cannot write the output: No space left on device"),
    OutputChannel("closed", ">&-", 1, "cannot write the output: it is closed"),
)
#: Commands that write to standard output, for each OUTPUT_CHANNELS case.
OUTPUT_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("list",),
    ("validate",),
    ("print", "ballerina"),
    ("export", "ballerina", "--format", "yaml"),
    ("schema",),
    ("--help",),
    ("--version",),
)
#: COLUMNS values that are no width (0, words, huge): output stays readable.
ODD_COLUMNS: tuple[str, ...] = ("0", "-5", "wide", "99999999999999999999999", "1" * 5000)
#: Signals a terminal program is expected to survive with the terminal
#: restored and its state saved (tests/test_signals.py sends each one).
ENDING_SIGNALS: tuple[str, ...] = ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT")
