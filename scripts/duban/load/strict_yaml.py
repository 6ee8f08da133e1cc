"""Strict YAML loading that keeps the position of every value.

PyYAML's ``safe_load`` silently gets several things wrong for data edited by hand (see
docs/architecture.md): it keeps the last of two duplicate keys, reads ``no`` as ``False`` and
``010`` as 8, turns ``2010-06-30`` into a ``date`` and raises a bare ``ValueError`` on
``2010-02-30``, expands aliases into huge trees, and forgets where each value came from.

So this loader builds the data itself from the parser's event stream:

* plain scalars follow the YAML 1.2 core schema (``true``/``false``, ``null``/``~``, decimal
  integers and floats); every other scalar, dates included, stays a string for the schema to
  check. Digits with a leading zero (``08``) stay strings: they are ids, never octal numbers;
* YAML 1.1 booleans (``yes``, ``no``, ``on``, ``off``, ``y``, ``n``), ``.inf``/``.nan``, tags,
  anchors, aliases, merge keys, duplicate keys, non-scalar keys and several documents in one file
  are refused with a clear message;
* the file must be UTF-8 (a BOM is allowed), no larger than ``MAX_BYTES``, nested no deeper than
  ``MAX_DEPTH``, with no list or mapping longer than ``MAX_ITEMS``;
* numbers must be finite and sensible: at most ``MAX_DIGITS`` digits for a whole number, at most
  ``MAX_MAGNITUDE`` in size for any number (``1e400`` would otherwise become infinity);
* no key or value may contain a control character (C0 or C1; line breaks are allowed in values,
  tabs nowhere), a bidirectional control (which reorders text on screen) or a zero-width
  character (which makes two different names look the same): see ``refused_character``;
* each value's position (1-based line and column) is kept by its key path.
"""

from __future__ import annotations

import math
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from duban.load.characters import REFUSED_IN_KEYS, REFUSED_IN_VALUES, refused_character
from duban.load.files import NotRegularFile, read_regular
from duban.load.yaml_hints import syntax_hint
from duban.model.problems import Problem, field_path

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
RECORD_DEPTH = 2
"""Positions are recorded while loading for key paths up to this long (``obligations[2]``, the
line each status entry is reported from); deeper ones are found again from the text when a
problem points at them. Depth 3 kept ten times as many, 90 MB at 1,500 units, for problems
that are rare."""
SHARED_LENGTH = 16
"""Short values (dates, states, ids) are kept once however often they occur."""
MAX_NODES = 200_000
MAX_ITEMS = 5_000
MAX_DIGITS = 15
MAX_MAGNITUDE = 1e15

KeyPath = tuple[str | int, ...]

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOL = {
    word
    for base in ("y", "yes", "n", "no", "on", "off")
    for word in (base, base.capitalize(), base.upper())
}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_STR_TAGS = {"tag:yaml.org,2002:str", "!"}


def refused_number(value: str) -> str | None:
    """The message for a number written in data that is not finite or not sensible, else None.

    ``1e400`` becomes infinity and a whole number of 4,000 digits breaks arithmetic and output
    downstream; no figure of a plan comes near ``MAX_MAGNITUDE``.
    """
    mantissa = re.split("[eE]", value)[0]
    if _INT.fullmatch(value) and sum(c.isdigit() for c in mantissa) > MAX_DIGITS:
        return f"{_shorten(value)} {TOO_LARGE}"
    number = float(value)
    if not math.isfinite(number):
        return f"{_shorten(value)} is not a finite number"
    if abs(number) > MAX_MAGNITUDE:
        return f"{_shorten(value)} {TOO_LARGE}"
    return None


TOO_LARGE = "is too large: numbers must lie between -10^15 and 10^15"


def _shorten(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


@dataclass
class Document:
    """A loaded YAML file: its data and where each value stands in the file."""

    path: Path
    display: str
    data: Any
    file: str = ""
    """The path relative to the data folder, POSIX style (set by the project loader)."""
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    packed: bytes | None = None
    """The file's text, zlib-compressed (an eighth of its size), kept while only shallow
    positions are recorded (see ``position``)."""
    recorded_depth: int | None = None
    """Positions are recorded for key paths this long at most; None: for every value; -1: for
    none (``release``)."""
    failing_entries: dict[int, frozenset[str]] = field(default_factory=dict)
    """Entries of ``obligations`` that failed their schema (a status file that is otherwise
    valid), with the fields that failed ("*": the entry as a whole): reported already; only
    the reference of such an entry (plan, task, item, due, period) is still checked, when
    those fields themselves are valid."""
    vouched: bool = False
    """h24t: a status file the validation cache vouches for (clean, with these bytes, in this
    very context), taken as parsed before: its entries' own rules found nothing then."""

    @property
    def text(self) -> str | None:
        """The file's text while it is kept, else None."""
        return None if self.packed is None else zlib.decompress(self.packed).decode("utf-8")

    def position(self, keys: KeyPath, *, of_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``keys`` (or of its key), else its nearest parent.

        Only shallow positions are kept while loading (a province's status files hold millions
        of values, and only the few with problems are ever pointed at); a deeper one parses the
        file's text again, once, for every position."""
        keys = tuple(keys)
        if self.recorded_depth is not None and len(keys) > self.recorded_depth:
            self.record_all_positions()
        if of_key and keys in self.key_positions:
            return self.key_positions[keys]
        while keys:
            if keys in self.positions:
                return self.positions[keys]
            keys = keys[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, keys: KeyPath, message: str, *, of_key: bool = False) -> Problem:
        line, col = self.position(keys, of_key=of_key)
        return Problem(self.display, line, col, field_path(tuple(keys)), message)

    def release(self) -> None:
        """Forget the data and the recorded positions once the model is built from them.

        The compressed text stays: the first position asked for afterwards parses it again
        (``recorded_depth`` -1: not even the root's is kept), so a problem found later still
        names its exact line. A status file's positions took 30 MB at 1,500 units."""
        self.data = None
        if self.packed is not None:
            self.positions, self.key_positions, self.recorded_depth = {}, {}, -1

    def record_all_positions(self) -> None:
        """Record the position of every value and key (the file's text is parsed again, once)."""
        text = self.text
        if text is None:
            return
        builder = _Builder(self.display)
        builder.build(yaml.parse(text, Loader=_Parser))
        self.positions, self.key_positions = builder.positions, builder.key_positions
        self.packed, self.recorded_depth = None, None


class _Builder:
    """Turns parser events into plain data, recording positions and refusing what is unsafe."""

    def __init__(self, display: str, record_depth: int | None = None):
        self.display = display
        self.record_depth = record_depth
        """Record positions of key paths this long at most (None: all)."""
        self.problems: list[Problem] = []
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.key_positions: dict[KeyPath, tuple[int, int]] = {}
        self.nodes = 0

    def records(self, keys: KeyPath) -> bool:
        return self.record_depth is None or len(keys) <= self.record_depth

    def fail(self, mark: Any, message: str, keys: KeyPath = ()) -> None:
        self.problems.append(
            Problem(self.display, mark.line + 1, mark.column + 1, field_path(keys), message)
        )

    def build(self, events: Any) -> Any:
        """Consume the whole stream and return the data of its single document."""
        data: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(event.start_mark, "only one YAML document is allowed in a file")
                    return data
            elif isinstance(event, yaml.NodeEvent):
                data = self.node(event, events, (), 0)
        return data

    def node(self, event: Any, events: Any, keys: KeyPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(event.start_mark, f"more than {MAX_NODES} values in one file")
        if depth > MAX_DEPTH:
            raise _TooLarge(event.start_mark, f"nested deeper than {MAX_DEPTH} levels")
        mark = event.start_mark
        if self.records(keys):
            self.positions[keys] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            self.fail(mark, "aliases (*name) are not allowed: write the value out in full", keys)
            return None
        if event.anchor is not None:
            self.fail(mark, "anchors (&name) are not allowed: write the value out in full", keys)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, keys)
        if event.tag is not None and not event.implicit:
            self.fail(mark, f"tags such as {event.tag!r} are not allowed", keys)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(events, keys, depth)
        return self.mapping(events, keys, depth)

    def sequence(self, events: Any, keys: KeyPath, depth: int) -> list[Any]:
        items: list[Any] = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            if len(items) == MAX_ITEMS:
                raise _TooLarge(event.start_mark, _too_many(MAX_ITEMS, "items"), keys)
            items.append(self.node(event, events, (*keys, len(items)), depth + 1))
        return items

    def mapping(self, events: Any, keys: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_lines: dict[str, int] = {}  # for the duplicate-key message, however deep
        for event in events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            if len(result) == MAX_ITEMS:
                raise _TooLarge(event.start_mark, _too_many(MAX_ITEMS, "fields"), keys)
            key = self.key(event, events, keys, depth)
            value_event = next(events)
            if key is None:
                self.node(value_event, events, (*keys, "?"), depth + 1)
                continue
            mark = event.start_mark
            child = (*keys, key)
            if key in result:
                first_line = key_lines[key]
                self.fail(mark, f"duplicate key {key!r} (first given on line {first_line})", child)
                self.node(value_event, events, (*keys, "?"), depth + 1)
                continue
            key_lines[key] = mark.line + 1
            if self.records(child):
                self.key_positions[child] = (mark.line + 1, mark.column + 1)
            result[key] = self.node(value_event, events, child, depth + 1)
        return result

    def key(self, event: Any, events: Any, keys: KeyPath, depth: int) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.fail(event.start_mark, "keys must be plain text", keys)
            self.node(event, events, (*keys, "?"), depth + 1)
            return None
        if event.anchor is not None or (event.tag is not None and event.tag not in _STR_TAGS):
            self.fail(event.start_mark, "keys must be plain text, without tags or anchors", keys)
        if event.value == "<<" and event.style in ("", None):
            self.fail(event.start_mark, "merge keys (<<) are not allowed", keys)
            return None
        refused = REFUSED_IN_KEYS.search(event.value)
        if refused:
            self.fail(event.start_mark, refused_character(refused.group()), keys)
            return None
        # a province's files repeat the same few dozen keys millions of times: one copy each
        return sys.intern(event.value)

    def scalar(self, event: Any, keys: KeyPath) -> Any:
        value: str = event.value
        if event.tag is not None and event.tag not in _STR_TAGS:
            self.fail(event.start_mark, f"tags such as {event.tag!r} are not allowed", keys)
            return value
        refused = REFUSED_IN_VALUES.search(value)
        if refused:
            self.fail(event.start_mark, refused_character(refused.group()), keys)
            return value
        if len(value) <= SHARED_LENGTH:
            value = sys.intern(value)  # dates, states and ids recur in every entry: one copy
        plain = event.style in ("", None) and event.tag is None
        if not plain:
            return value
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if value in _YAML11_BOOL:
            self.fail(
                event.start_mark,
                f"{value!r} is ambiguous (a boolean in old YAML, text in YAML 1.2): "
                f"write true or false, or put it in quotes",
                keys,
            )
            return value
        if _LEADING_ZERO.fullmatch(value):
            return value  # an id such as 08, never an octal or decimal number
        if _NOT_FINITE.fullmatch(value):
            self.fail(event.start_mark, f"{value!r} is not a finite number", keys)
            return value
        number = _INT.fullmatch(value) or (
            _FLOAT.fullmatch(value) and any(c.isdigit() for c in value)
        )
        if not number:
            return value
        unusable = refused_number(value)
        if unusable:
            self.fail(event.start_mark, unusable, keys)
            return value
        return int(value) if _INT.fullmatch(value) else float(value)


class _TooLarge(Exception):
    def __init__(self, mark: Any, message: str, keys: KeyPath = ()):
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.keys = keys


def _too_many(limit: int, what: str) -> str:
    return f"has more than {limit:,} {what}: split the data or remove {what}"


SYMLINK = "is a symbolic link: duban does not follow links in the data folder"


def cannot_read(display: str, error: OSError) -> Problem:
    """Any OSError met while reading data (permission denied, vanished file): one line."""
    if isinstance(error, NotRegularFile):
        return Problem(display, 1, 1, "", f"is not a regular file: {error.what}")
    reason = error.strerror or type(error).__name__
    return Problem(display, 1, 1, "", f"cannot be read: {reason}")


def load_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file strictly. Returns the document, or None with the reasons it failed.

    A symbolic link is refused without reading its target: it could point at a secret outside
    the repository, and the start of a file is printed in some problem lines."""
    display = display if display is not None else str(path)
    try:
        if path.is_symlink():
            return None, [Problem(display, 1, 1, "", SYMLINK)]
        if path.is_dir():
            return None, [Problem(display, 1, 1, "", "is a directory, not a YAML file")]
        raw = read_regular(path, MAX_BYTES + 1)  # a named pipe or a device is refused
    except OSError as error:
        return None, [cannot_read(display, error)]
    if len(raw) > MAX_BYTES:
        return None, [Problem(display, 1, 1, "", f"is larger than the limit of {MAX_BYTES} bytes")]
    return load_bytes(raw, path, display)


def load_bytes(raw: bytes, path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Load YAML from bytes already read (the size limit is the caller's)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(display, line, col, "", "is not valid UTF-8 text")]
    builder = _Builder(display, RECORD_DEPTH)
    try:
        data = builder.build(yaml.parse(text, Loader=_Parser))
    except _TooLarge as error:
        builder.fail(error.mark, error.message, error.keys)
        data = None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or "invalid YAML"
        if error.context:
            message += f" ({error.context})"
        if "maximum nesting depth" in message:
            # newer libyaml has a depth limit of its own: say it the way our limit says it
            message = f"nested deeper than {MAX_DEPTH} levels"
        else:
            message = f"YAML syntax: {syntax_hint(text, error) or message}"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        builder.problems.append(Problem(display, line, col, "", message))
        data = None
    except yaml.reader.ReaderError as error:
        position = error.position
        if _Parser is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        # the reader refuses raw control characters: say which, as for escaped ones
        bad = error.character
        message = refused_character(chr(bad)) if isinstance(bad, int) else f"YAML: {error.reason}"
        builder.problems.append(Problem(display, line, col, "", message))
        data = None
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        builder.problems.append(Problem(display, 1, 1, "", f"YAML: {error}"))
        data = None
    if builder.problems:
        return None, sorted(set(builder.problems))
    document = Document(
        path,
        display,
        data,
        positions=builder.positions,
        key_positions=builder.key_positions,
        packed=zlib.compress(text.encode("utf-8"), 1),
        recorded_depth=RECORD_DEPTH,
    )
    return document, []
