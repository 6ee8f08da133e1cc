"""Change a status file by inserting and replacing whole lines of its text, so that every
comment, the order of keys, quoting, blank lines and line endings of everything not changed
stay byte for byte as the clerk or the office wrote them.

The positions come from the strict loader (``Document.positions``). A value is only replaced
when it stands on its key's line (``state: done``) or is a block below it; an entry written in
flow style (``- {task: "01", state: done}``) is not edited: the caller reports it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from duban.load.strict_yaml import Document

# The order in which the fields of a new entry are written (the order of docs/data-format.md).
FIELD_ORDER = (
    "plan",
    "task",
    "item",
    "due",
    "period",
    "state",
    "started",
    "done",
    "progress",
    "reason",
    "summary",
    "problems",
    "next_steps",
    "evidence",
)
_PLAIN = re.compile(r"[a-z0-9][a-z0-9-]*|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,3}")
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")
_PLAIN_VALUE = re.compile(r"[^#]*?(?=\s+#|\s*$)")


class CannotEdit(Exception):
    """The file is written in a way these edits do not touch (flow style): edit it by hand."""


def scalar(value: Any) -> str:
    """A value as YAML text that the strict loader reads back as the same value: ids, dates and
    whole numbers plain, every other text double-quoted (JSON escapes are YAML escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)


@dataclass
class Edit:
    """Replace lines ``start``..``end`` (0-based, end exclusive; start == end inserts)."""

    start: int
    end: int
    lines: list[str] = field(default_factory=list)
    new_entry: bool = False
    """Lines of a new entry go after the lines added to the entry above them."""


class StatusText:
    """The text of one status file and the edits planned on it, applied at once."""

    def __init__(self, text: str, document: Document):
        self.bom = "\ufeff" if text.startswith("\ufeff") else ""
        body = text[len(self.bom) :]
        self.newline = "\r\n" if "\r\n" in body else "\n"
        self.lines = body.split(self.newline)
        document.record_all_positions()  # edits point at any key, however deep
        self.doc = document
        self.edits: list[Edit] = []

    # -- reading positions -----------------------------------------------------------------------
    def _indent(self, index: int) -> int:
        line = self.lines[index]
        return len(line) - len(line.lstrip(" "))

    def _blank(self, index: int) -> bool:
        stripped = self.lines[index].strip()
        return not stripped or stripped.startswith("#")

    def _block_end(self, first: int, deeper_than: int) -> int:
        """The index after the last content line of a block starting at line index ``first``
        whose lines are indented more than ``deeper_than`` (blank and comment lines inside
        are part of it; trailing ones are not)."""
        last = first
        index = first + 1
        while index < len(self.lines):
            if self._blank(index):
                index += 1
                continue
            if self._indent(index) <= deeper_than:
                break
            last = index
            index += 1
        return last + 1

    def _entry(self, position: int, name: str = "obligations") -> tuple[int, int, int]:
        """(first line index, end line index, key column) of ``obligations[position]`` (or of
        another list's entry: ``name``)."""
        line, col = self.doc.positions[(name, position)]
        first, key_col = line - 1, col - 1
        if self.lines[first][key_col : key_col + 1] in ("{", "["):
            raise CannotEdit("entry written in flow style")
        return first, self._block_end(first, key_col - 1), key_col

    # -- planning edits --------------------------------------------------------------------------
    def update(self, position: int, values: dict[str, Any], evidence: list[dict[str, str]]) -> None:
        """Set ``values`` in ``obligations[position]`` and add ``evidence`` items to it."""
        _, end, key_col = self._entry(position)
        entry = self.doc.data["obligations"][position]
        pad = " " * key_col
        inserted: list[str] = []
        for key, value in values.items():
            if key in entry:
                self._replace(("obligations", position, key), f"{key}: {scalar(value)}")
            else:
                inserted.append(f"{pad}{key}: {scalar(value)}")
        if evidence:
            keys = ("obligations", position, "evidence")
            if "evidence" not in entry:
                inserted.append(f"{pad}evidence:")
                inserted.extend(_evidence_lines(evidence, key_col + 2))
            else:
                self._append_evidence(keys, evidence)
        if inserted:
            self.edits.append(Edit(end, end, inserted))

    def prepend(self, position: int, key: str, value: Any, name: str = "obligations") -> None:
        """Write ``key: value`` as the first field of ``obligations[position]`` (or of another
        list's entry: ``name``, e.g. a records file's ``actions``): the line of its first key
        becomes two lines (``- plan: x`` then ``  task: …``), nothing else moves."""
        first, _, key_col = self._entry(position, name)
        line = self.lines[first]
        lines = [f"{line[:key_col]}{key}: {scalar(value)}", " " * key_col + line[key_col:]]
        self.edits.append(Edit(first, first + 1, lines))

    def _replace(self, keys: tuple[Any, ...], new: str) -> None:
        key_line, key_col = self.doc.key_positions[keys]
        value_line, value_col = self.doc.positions[keys]
        index = key_line - 1
        line = self.lines[index]
        pad = " " * (key_col - 1)
        if value_line == key_line and line[value_col - 1 : value_col] not in ("|", ">", "[", "{"):
            rest = line[value_col - 1 :]
            match = _QUOTED.match(rest) or _PLAIN_VALUE.match(rest)
            tail = rest[match.end() :] if match else ""
            if tail.strip() and not tail.strip().startswith("#"):
                tail = ""
            self.edits.append(Edit(index, index + 1, [pad + new + tail]))
            return
        end = self._block_end(index, key_col - 1)
        self.edits.append(Edit(index, end, [pad + new]))

    def _append_evidence(self, keys: tuple[Any, ...], evidence: list[dict[str, str]]) -> None:
        key_line, key_col = self.doc.key_positions[keys]
        value_line, value_col = self.doc.positions[keys]
        index = key_line - 1
        if value_line == key_line:
            rest = self.lines[index][value_col - 1 :].split("#")[0].strip()
            if rest != "[]":
                raise CannotEdit("evidence written in flow style")
            pad = " " * (key_col - 1)
            lines = [f"{pad}evidence:", *_evidence_lines(evidence, key_col + 1)]
            self.edits.append(Edit(index, index + 1, lines))
            return
        end = self._block_end(index, key_col - 1)
        self.edits.append(Edit(end, end, _evidence_lines(evidence, value_col - 1)))

    def append(self, entry: dict[str, Any]) -> None:
        """Add a new entry at the end of ``obligations``."""
        entries = self.doc.data["obligations"]
        if entries:
            _, end, key_col = self._entry(len(entries) - 1)
            dash = key_col - 2
        else:
            key_line, key_col = self.doc.key_positions[("obligations",)]
            value_line, value_col = self.doc.positions[("obligations",)]
            index = key_line - 1
            if value_line != key_line or self.lines[index][value_col - 1 :].strip()[:2] != "[]":
                raise CannotEdit("obligations written in an unexpected way")
            if not any(e.start == index for e in self.edits):
                self.edits.append(
                    Edit(index, index + 1, [self.lines[index][: value_col - 1].rstrip()])
                )
            end, dash = index + 1, key_col + 1
        lines: list[str] = []
        for key in FIELD_ORDER:
            if key not in entry:
                continue
            lead = " " * dash + "- " if not lines else " " * (dash + 2)
            if key == "evidence":
                lines.append(f"{lead}evidence:")
                lines.extend(_evidence_lines(entry["evidence"], dash + 4))
            else:
                lines.append(f"{lead}{key}: {scalar(entry[key])}")
        self.edits.append(Edit(end, end, lines, new_entry=True))

    def text(self) -> str:
        lines = list(self.lines)

        # bottom to top, so earlier positions stay valid; insertions at one place keep their order
        def place(pair: tuple[int, Edit]) -> tuple[int, int, bool, int]:
            return pair[1].start, pair[1].end, pair[1].new_entry, pair[0]

        order = sorted(enumerate(self.edits), key=place)
        for _, edit in reversed(order):
            lines[edit.start : edit.end] = edit.lines
        return self.bom + self.newline.join(lines)


def _evidence_lines(evidence: list[dict[str, str]], indent: int) -> list[str]:
    lines = []
    for item in evidence:
        first = True
        for key in ("title", "url", "date"):
            if key in item:
                lead = " " * indent + "- " if first else " " * (indent + 2)
                lines.append(f"{lead}{key}: {scalar(item[key])}")
                first = False
    return lines
