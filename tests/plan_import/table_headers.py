"""The task tables as offices head them (issue 18, branch h18bh): a matrix of made-up 任务分工表
whose cells are known by construction, headed and filled in the ways real tables are.

role_phrasings.py varies how roles are WRITTEN in prose; every blind batch still brought a table
whose column words the importer did not know (责任股室(单位), 落实科室(部门): 第二十二批) or whose
cells were merged. This tool writes the same made-up tasks as a table along these dimensions
(each value a row of table_header_forms.py, which cites an opened corpus file or SOURCES.md rule
where it occurs):

- the column words of each field (number, the work, a group column before it, lead, responsible,
  cooperate, leader, deadline, an extra column: 备注, 具体要求 …) and which role columns there are;
- the column order (roles before or after the deadline; the leader before the units, after them,
  or in the first column);
- the container (.docx, HTML, ``|`` rows, tabs, runs of spaces, one cell a line with or without a
  blank line or a ``|`` after each: corpus_layouts.py's writers);
- the cells (one unit, A、B, A B, units on lines, A牵头，B配合 in one unit column, cells merged
  over two rows), the header (one line, split over two lines, spaced, repeated after a page
  break) and the rows' numbering (1 2 3, (1), none, 1. in the work cell).

Container × cells × role columns are crossed in full (where the container can show the cells);
the words, order, header and numbering rotate with different strides over three turns, so that
every value meets many partners. Each cell is scored with role_phrasings.run (corpus_score's
``score_file``), and the table printed is role_phrasings.table: by value, cells, broken, fields
lost (tasks, roles, deadlines and leaders). ``--only VALUE`` (repeatable), ``-v``, ``--write DIR``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_layouts import Block, Rows, write_container
from corpus_variants import _values
from role_phrasing_forms import TASKS, unit_pool
from role_phrasings import CLOSING, FOOT, HEAD, PREAMBLE, Cell, run, table
from table_header_forms import (
    CELL_LINE_CONTAINERS,
    CELLS,
    CONTAINERS,
    COOPERATE_WORDS,
    DEADLINE_CELLS,
    DEADLINE_WORDS,
    EXTRAS,
    GROUP_CELLS,
    GROUP_WORDS,
    HEADER_SHAPES,
    LEAD_WORDS,
    LEADER_CELLS,
    LEADER_PLACES,
    LEADER_WORDS,
    MERGING_CONTAINERS,
    NUMBER_WORDS,
    NUMBERINGS,
    ORDERS,
    RESPONSIBLE_WORDS,
    ROLE_SETS,
    ROLE_WORDS,
    WORK_WORDS,
    YEAR,
    Word,
)

DIMENSIONS = (
    "container",
    "roles",
    "cells",
    "number",
    "work",
    "group",
    "lead",
    "responsible",
    "cooperate",
    "leader",
    "deadline",
    "extra",
    "order",
    "leader-place",
    "header",
    "numbering",
)
ROWS = 4
TURNS = 3


@dataclass
class TableCell(Cell):
    """A made-up plan whose tasks sit in one table, written in ``values['container']``."""

    DIMENSIONS: ClassVar[tuple[str, ...]] = DIMENSIONS
    blocks: list[Block] | None = None

    def write(self, stem: Path) -> Path:
        assert self.blocks is not None
        return write_container(self.blocks, self.values["container"], stem)


def _spaced(word: str) -> str:
    """工 作 任 务 (国办 2016), 分 管 县领导 (南陵 2024): a header written with spaces (a
    longer word as it stands: no opened file spaces one)."""
    if len(word) <= 4:
        return " ".join(word)
    return f"{' '.join(word[:2])} {word[2:]}" if len(word) == 5 else word


def _split(word: str) -> str:
    """责任股室 / (单位) (略阳 2019), 市政府 / 分管领导 (广州 2021): a header on two lines."""
    if "(" in word:
        return word.replace("(", "\n(")
    for prefix in ("市政府", "区政府"):
        if word.startswith(prefix):
            return f"{prefix}\n{word[len(prefix) :]}"
    return word


def _splits(words: list[str]) -> bool:
    return any(_split(w) != w for w in words)


def _columns(values: dict[str, str]) -> list[tuple[str, str]]:
    """(field, header word) in the table's order."""
    extra = next(e for e in EXTRAS if e.word == values["extra"])
    columns: list[tuple[str, str]] = []
    if values["numbering"] in ("1 2 3", "(1) (2)"):
        columns.append(("number", values["number"]))
    if values["group"] != "-":
        columns.append(("group", values["group"]))
    columns.append(("work", values["work"]))
    if extra.word != "none" and extra.after_work:
        columns.append(("extra", extra.word))
    units = [(role, values[role]) for role in ROLE_SETS[values["roles"]][0]]
    leader = [("leader", values["leader"])] if values["leader-place"] != "none" else []
    block = {"before-units": leader + units, "after-units": units + leader}.get(
        values["leader-place"], units
    )
    deadline = [("deadline", values["deadline"])]
    columns += block + deadline if values["order"] == "roles-deadline" else deadline + block
    if extra.word != "none" and not extra.after_work:
        columns.append(("extra", extra.word))
    if values["leader-place"] == "first-column":
        columns.insert(0, ("leader", values["leader"]))
    return columns


def _unit_cell(
    values: dict[str, str], role: str, last: bool, pool: tuple[str, ...], slot: int
) -> tuple[str, dict[str, list[str]]]:
    """A role column's cell and the roles it gives."""
    name, other = pool[slot], pool[slot + 3]
    shape = values["cells"]
    if shape == "A牵头，B配合":
        return f"{name}牵头，{other}配合", {"lead": [name], "cooperate": [other]}
    if last and shape in ("A、B", "A B", "unit-lines"):
        joiner = {"A、B": "、", "A B": " ", "unit-lines": "\n"}[shape]
        return f"{name}{joiner}{other}", {role: [name, other]}
    return name, {role: [name]}


def _row(values: dict[str, str], index: int, columns: list[tuple[str, str]], turn: int):
    """One row's cells (None: merged with the row above) and its oracle task."""
    merged = values["cells"] == "merged" and index % 2 == 1
    pool = unit_pool(index - 1 if merged else index)  # a merged row: the units of the row above
    roles: dict[str, list[str]] = {}
    unit_fields = [f for f, _ in columns if f in ROLE_WORDS]
    deadline, due = DEADLINE_CELLS[(index // 2 if values["cells"] == "merged" else index) % 4]
    leader_cell, leader = LEADER_CELLS[(index // 2 if values["cells"] == "merged" else index) % 4]
    extra = next(e for e in EXTRAS if e.word == values["extra"])
    cells: list[str | None] = []
    for field, _ in columns:
        if field == "number":
            cells.append(str(index + 1) if values["numbering"] == "1 2 3" else f"({index + 1})")
        elif field == "group":
            cells.append(GROUP_CELLS[index // 2] if index % 2 == 0 else None)
        elif field == "work":
            prefix = f"{index + 1}." if values["numbering"] == "1. in the work" else ""
            cells.append(f"{prefix}{TASKS[index % len(TASKS)]}。")
        elif field == "extra":
            cells.append(extra.cell)
        elif field == "leader":
            cells.append(None if merged else leader_cell)
        elif field == "deadline":
            cells.append(None if merged else deadline)
        else:
            slot = ("lead", "cooperate", "responsible").index(field)
            cell, given = _unit_cell(values, field, field == unit_fields[-1], pool, slot)
            cells.append(None if merged else cell)
            for role, names in given.items():
                roles.setdefault(role, []).extend(names)
    task: dict = {"id": f"{index + 1:02d}", "number": index + 1, "roles": roles, "due": due}
    if values["leader-place"] != "none":
        task["leaders"] = [leader]
    return cells, task


def table_cell(values: dict[str, str], turn: int = 0) -> TableCell:
    columns = _columns(values)
    header = [w for _, w in columns]
    if values["header"] == "spaced":
        header = [_spaced(w) if f in ("work", "deadline", "leader") else w for f, w in columns]
    elif values["header"] == "split":
        header = [_split(w) for w in header]
    rows: Rows = [list(header)]
    tasks = []
    for index in range(ROWS):
        if values["header"] == "repeated" and index == ROWS // 2:
            rows.append(list(header))  # the header again at the top of the next page
        cells, task = _row(values, index, columns, turn)
        rows.append(cells)
        tasks.append(task)
    blocks: list[Block] = [
        ("line", HEAD),
        ("line", PREAMBLE),
        ("table", rows),
        ("line", CLOSING),
        *(("line", line) for line in FOOT),
    ]
    oracle = {"plan": {"year": YEAR}, "tasks": tasks}
    return TableCell(values, "", oracle, blocks=blocks)


def _pick(words: tuple[Word, ...], turn: int) -> str:
    return words[turn % len(words)].word


def _fits(container: str, cells: str, roles: str) -> bool:
    if cells == "unit-lines" and (
        container not in CELL_LINE_CONTAINERS or len(ROLE_SETS[roles][0]) > 1
    ):
        return False  # two unit columns' names one a line: which column each is, no one can tell
    if cells == "merged" and container not in MERGING_CONTAINERS:
        return False
    return cells != "A牵头，B配合" or roles == "responsible"


def matrix() -> Iterator[dict[str, str]]:
    """Container × cells × role columns in full (where they fit), three turns; the rest rotating."""
    turn = 0
    for round_ in range(TURNS):
        for container in CONTAINERS:
            for cells in CELLS:
                for roles in ROLE_SETS:
                    if not _fits(container, cells, roles):
                        continue
                    numbering = list(NUMBERINGS)[(turn + turn // 4) % len(NUMBERINGS)]
                    place = list(LEADER_PLACES)[(turn // 2 + round_) % len(LEADER_PLACES)]
                    values = {
                        "container": container,
                        "roles": roles,
                        "cells": cells,
                        "number": _pick(NUMBER_WORDS, turn // 5)
                        if numbering in ("1 2 3", "(1) (2)")
                        else "-",
                        "work": _pick(WORK_WORDS, turn),
                        "group": _pick(GROUP_WORDS, turn // 21) if turn // 7 % 3 == 0 else "-",
                        "lead": _pick(LEAD_WORDS, turn) if "lead" in roles else "-",
                        "responsible": _pick(RESPONSIBLE_WORDS, turn // 2)
                        if "responsible" in roles
                        else "-",
                        "cooperate": _pick(COOPERATE_WORDS, turn // 3)
                        if "cooperate" in roles
                        else "-",
                        "leader": _pick(LEADER_WORDS, turn // 3) if place != "none" else "-",
                        "deadline": _pick(DEADLINE_WORDS, turn + round_),
                        "extra": EXTRAS[turn // 2 % len(EXTRAS)].word,
                        "order": list(ORDERS)[(turn // 5 + round_) % len(ORDERS)],
                        "leader-place": place,
                        "header": _header(container, turn + turn // 5),
                        "numbering": numbering,
                    }
                    if values["header"] == "split" and not _splits(
                        [values["responsible"], values["leader"]]
                    ):
                        values["responsible" if "responsible" in roles else "leader"] = (
                            "责任股室(单位)" if "responsible" in roles else "市政府分管领导"
                        )
                        if values["leader-place"] == "none" and "responsible" not in roles:
                            values["leader-place"] = "before-units"
                    yield values
                    turn += 1


def _header(container: str, turn: int) -> str:
    """split only where one cell a line can show it; the other shapes everywhere."""
    shapes = list(HEADER_SHAPES)
    shape = shapes[turn % len(shapes)]
    return "one-line" if shape == "split" and container not in CELL_LINE_CONTAINERS else shape


def cells_of(only: list[str]) -> list[Cell]:
    made = []
    for turn, values in enumerate(matrix()):
        if all(o in values.values() for o in only):
            made.append(table_cell(values, turn))
    return made


def main(argv: list[str] | None = None) -> list[Cell]:
    args = sys.argv[1:] if argv is None else argv
    write = _values(args, "--write")
    cells = run([], Path(write[0]) if write else None, cells_of(_values(args, "--only")))
    print("\n".join(table(cells, verbose="-v" in args)))
    return cells


if __name__ == "__main__":
    main()
