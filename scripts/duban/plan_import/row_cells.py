"""The cells of one row of a 任务分工表 put right before the row becomes an item
(:func:`duban.plan_import.table_lines.table_lines`): a row whose page left cells out has its cells
moved back under their columns, and a cell of units that says who works with whom (X会同Y)
is read as the lead and the units cooperating."""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import (
    DATE_WORDS,
    PERSON,
    ROLE_KINDS,
    TABLE_COLUMNS,
    aligned_row,
    cell_type,
)
from duban.plan_import.chinese import simplified
from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.role_sentences import lead_once
from duban.plan_import.unit_names import CELL_END, NAME_END, OFFICE_END


def realigned(row: list[str], kinds: dict[int, str]) -> list[str]:
    """The row with its cells under their columns (see the two cases below)."""
    return _short_row(_leader_shifted(row, kinds), kinds)


def _leader_shifted(row: list[str], kinds: dict[int, str]) -> list[str]:
    """A row missing a cell before its 分管领导 (the page left the 全年目标任务 cell out, the
    cells after it moved one column left): a person's name in the column before the leader's,
    a unit in the leader's, an empty last cell: the cells from the name on go one column right."""
    leader = next((i for i, kind in kinds.items() if kind == "leader"), None)
    if leader is None or leader == 0 or row[-1].strip() or leader >= len(row):
        return row
    before, under = row[leader - 1].strip(), row[leader].strip()
    if person(before) and under and not person(under):
        return [*row[: leader - 1], "", *row[leader - 1 : -1]]
    return row


def person(cell: str) -> bool:
    """A cell that is a person's name: two to four characters, not ending as a cell of units
    does (unit_names.CELL_END: no loose ending, a given name may end in 行 or 庭)."""
    bare = cell.strip()
    folded = simplified(bare)
    # h18bh: 持续推进 / 长期坚持 (a deadline cell) is four characters and no one's name
    named = bool(PERSON.match(bare))
    return named and not CELL_END.search(folded) and not DATE_WORDS.search(folded)


def _short_row(row: list[str], kinds: dict[int, str]) -> list[str]:
    """h18ai (广东省卫健委 2021): a row whose merged cells the page left out
    (``2 | 扎实做好疫苗接种信息公开 | 疾控处 | 长期推进 | |`` under ``序号 | 工作任务 | 细化分工 |
    责任处室 | 完成时限 | 备注``): its cells moved left, a unit under a text column and a time
    under the units'. When the row ends in empty cells and one of its cells stands under a
    column of another kind (a time under units, a unit's name under a time), the cells after
    the number are put under their columns by what they hold (:func:`cell_rows.aligned_row`)."""
    filled = [i for i, cell in enumerate(row) if cell.strip()]
    if (
        not filled
        or filled[-1] == len(row) - 1
        or not any(_misplaced(row[i], kinds.get(i)) for i in filled)
    ):
        return row
    number = next((i for i, kind in kinds.items() if kind == "number"), None)
    start = number + 1 if number is not None and number < filled[0] + 1 else 0
    columns = [kinds.get(i, "text") for i in range(start, len(row))]
    return [*row[:start], *aligned_row([c for c in row[start:] if c.strip()], columns)]


def _misplaced(cell: str, kind: str | None) -> bool:
    typed = cell_type(cell)
    return (kind in ROLE_KINDS and typed == "date") or (kind == "deadline" and typed == "unit")


WITH = re.compile(
    rf"^(?P<lead>[\u4e00-\u9fff()（）]{{1,20}}?{OFFICE_END})会(?P<others>[\u4e00-\u9fff]\S+)$"
)
"""X会同Y, X会办Y, X会Y (广东省卫健委 2021: 宣传处会办公室): the verb after a unit's name."""


def role_parts(kind: str, cell: str) -> list[str]:
    """The clause parts (``label：names``) of a role column's cell: one, or, for a cell of the
    responsible column that reads ``X会同Y`` (also 会办, or 会 alone between two names of
    offices), X as the lead and Y cooperating (SOURCES.md: the sixteenth batch's rule, as the
    thirteenth's 由X会同Y)."""
    bare = cell.strip()
    cut = _together(simplified(bare)) if kind in ("responsible", "main") else None
    if cut is None:
        return [f"{TABLE_COLUMNS[kind][1]}：{cell}"]
    lead, others = cut
    return [
        f"{TABLE_COLUMNS['lead'][1]}：{bare[:lead]}",
        f"{TABLE_COLUMNS['cooperate'][1]}：{bare[others:]}",
    ]


def _together(folded: str) -> tuple[int, int] | None:
    """Where X ends and Y starts in a folded cell ``X会同Y``; None when the cell is not that."""
    match = WITH.match(folded)
    if match is None:
        return None
    others = match.start("others")
    if folded[others] == "同" or (folded[others] == "办" and not folded.startswith("办公", others)):
        others += 1
    names = re.sub(OPEN_SUFFIX, "", folded[others:])
    pieces = [p for p in re.split(r"[、，,]", names) if p]
    if not pieces or not all(NAME_END.search(p) or p.startswith("各") for p in pieces):
        return None
    return match.end("lead"), others


NAME_BREAK = re.compile(r"[\s\u3000、，,；;]+")


def parted_names(rows: list[list[str]], kinds: dict[int, str]) -> list[list[str]]:
    """h18ai (登封徐庄镇 2017: ``文化站 派出所工商质监所``, the reprint lost the space): in a
    table's cells of units, a piece that is two names run together, the second one named alone
    in another cell of the table and the first ending as a unit's name does, is parted where
    the cell parts its names. A piece whose tail is named nowhere else in the table
    (县住建局城建监察大队: one unit) stays whole."""
    columns = [i for i, kind in kinds.items() if kind in ROLE_KINDS]
    known = {
        piece
        for row in rows[1:]
        for i in columns
        if i < len(row)
        for piece in NAME_BREAK.split(row[i])
    }
    known.discard("")
    out = [rows[0]]
    for row in rows[1:]:
        cells = list(row)
        for i in columns:
            if i < len(cells) and cells[i].strip():
                cells[i] = _parted(cells[i], known)
        out.append(cells)
    return out


def _parted(cell: str, known: set[str]) -> str:
    gap = " " if re.search(r"\S[ \u3000]+\S", cell.strip()) else "、"
    pieces = re.split(r"([\s\u3000、，,；;]+)", cell)
    for index in range(0, len(pieces), 2):
        piece = pieces[index]
        for cut in range(2, len(piece) - 1):
            left, right = piece[:cut], piece[cut:]
            if right in known and left not in ("", piece) and CELL_END.search(simplified(left)):
                pieces[index] = left + gap + right
                break
    return "".join(pieces)


UNIT_BREAK = re.compile(r"[、，,；;\s]+")


def lead_not_repeated(cells: dict[int, str], kinds: dict[int, str]) -> dict[int, str]:
    """h18an (莲都 2023, the fourth batch's rule): a 责任单位 column that lists the row's
    牵头单位 among its units gives the others as responsible (:func:`lead_once`)."""
    lead = next((i for i, kind in kinds.items() if kind == "lead" and cells.get(i)), None)
    if lead is None:
        return cells
    out = dict(cells)
    for index, kind in kinds.items():
        if kind == "responsible" and cells.get(index):
            roles = {"lead": _units(cells[lead]), "responsible": _units(cells[index])}
            lead_once(roles)
            if len(roles.get("responsible", [])) < len(_units(cells[index])):
                out[index] = "、".join(roles.get("responsible", []))
    return out


def _units(cell: str) -> list[str]:
    return [unit for unit in UNIT_BREAK.split(cell.strip()) if unit]
