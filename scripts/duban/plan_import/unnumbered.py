"""Readings for a document in which the importer finds no numbering it knows (h18c, issue 18:
a document that holds tasks is never refused).

Tried in order, the first that yields items wins:

1. **Rows of a ``|`` table**, each starting with its number (``80 | 推进… | 王五 | 市发改委 |
   2024年底``), under a header whose words the importer does not know, or under no header at
   all: each column is typed by what its cells hold (numbers, names of people, lists of units,
   deadlines, text) and read as 序号 / 牵头领导 / 牵头单位 (the first column of units) / 配合单位
   (a second one) / 完成时限 / the task.
2. **Paragraphs carrying an assignment**: every paragraph with a clause (``（牵头单位：…）``,
   ``市发改委牵头，…配合``, a closing bracket of units) is an item, numbered in order.

The rewritten text is what the importer reads (as a flattened table is); the review says which
reading was used.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from duban.i18n.messages import say
from duban.plan_import.cell_rows import TABLE_COLUMNS, aligned_row, cell_type, column_kind
from duban.plan_import.chinese import ASCII_DIGITS, simplified
from duban.plan_import.clauses import find_clause
from duban.plan_import.header_cells import cells, is_header
from duban.plan_import.lone_row import lone_width
from duban.plan_import.numbering import CHAPTER_RUN, arabic, separator
from duban.plan_import.segment import MARKER
from duban.plan_import.spaced_header import joined_spacing

BAR = re.compile(r"[|｜]")
ROW_NUMBER = re.compile(rf"^{arabic()}{separator(optional=True)}$")
PARAGRAPH_MIN = 8


def rows_reading(count: int) -> str:
    return say(
        f"the numbering known gave no or fewer tasks: {count} numbered rows of a table read as"
        " items (columns by their header or by what their cells hold; the clauses are built"
        " from the cells)",
        f"已知的编号读不出任务或读出的较少：表格中带序号的 {count} 行转为条目"
        "（各列按表头或单元格内容认定，"
        "分工括注由单元格组成，不是原文）",
    )


def paragraphs_reading(count: int) -> str:
    return say(
        f"no numbered tasks found: {count} paragraphs with an assignment read as items, numbered"
        " in order (the numbers 1. 2. … are not in the document)",
        f"未找到编号的任务：带分工的 {count} 个段落按顺序作为条目"
        "（编号 1. 2. …为导入所加，原文没有）",
    )


"""A paragraph shorter than this is a heading or a signature, not a task."""


def bar_rows(text: str) -> tuple[str, int] | None:
    """The text with each numbered ``|`` row made an item with its clause (and the count)."""
    lines = text.split("\n")
    numbered = [i for i, line in enumerate(lines) if _numbered_row(line)]
    if not numbered:
        return None
    width = Counter(len(cells(lines[i])) for i in numbered).most_common(1)[0][0]
    if width < 3:
        return None
    rows = [i for i in numbered if len(cells(lines[i])) >= width - 1]
    header = _header_above(lines, rows[0], width)
    kinds = _kinds(header, [cells(lines[i]) for i in rows], width)
    if not {"lead", "responsible", "cooperate", "deadline", "leader"} & set(kinds):
        return None
    text_at = kinds.index("text") if "text" in kinds else 0
    for index in rows:
        parts = cells(lines[index])
        if len(parts) != width and kinds[0] == "number":  # cells put by what they hold (h18g)
            parts = [parts[0], *aligned_row(parts[1:], kinds[1:])]
        elif len(parts) > width:  # more cells than columns: kept in the task's text, never dropped
            parts[text_at] = "；".join(p for p in [parts[text_at], *parts[width:]] if p)
        parts += [""] * (width - len(parts))
        lines[index] = _as_item(parts[:width], kinds)
    return "\n".join(lines), len(rows)


def _numbered_row(line: str) -> bool:
    if not BAR.search(line):
        return False
    parts = cells(line)
    return len(parts) >= 3 and bool(ROW_NUMBER.match(parts[0]))


def _header_above(lines: list[str], first: int, width: int) -> list[str] | None:
    """The ``|`` line just above the first row, when it is not itself a row of the table."""
    for index in range(first - 1, max(first - 5, -1), -1):
        if not lines[index].strip() or HEADING.match(lines[index].strip()):
            continue  # h18f: a group row (一、…) between the header and the rows
        parts = cells(lines[index])
        if BAR.search(lines[index]) and len(parts) == width and not _numbered_row(lines[index]):
            return [re.sub(r"[ \u3000]", "", p) for p in parts]
        return None
    return None


def _kinds(header: list[str] | None, rows: list[list[str]], width: int) -> list[str]:
    """Each column's kind: from its header word when the importer knows it, else from its
    cells (the kind most of them have)."""
    kinds: list[str] = []
    units_seen = 0
    for column in range(width):
        word = simplified(header[column]) if header else ""
        known = column_kind(word) if word else "text"
        if known != "text":
            kinds.append(known)
            units_seen += known in ("lead", "responsible", "cooperate")
            continue
        types = Counter(cell_type(r[column]) for r in rows if column < len(r) and r[column])
        typed = types.most_common(1)[0][0] if types else "text"
        if column == 0 and typed == "number":
            kinds.append("number")
        elif typed == "person":
            kinds.append("leader")
        elif typed == "date":
            kinds.append("deadline")
        elif typed == "unit":
            kinds.append("lead" if units_seen == 0 else "cooperate")
            units_seen += 1
        else:
            kinds.append("text")
    if kinds.count("lead") == 1 and "cooperate" not in kinds and not header:
        kinds[kinds.index("lead")] = "responsible"  # one column of units: who does it
    return kinds


def _as_item(parts: list[str], kinds: list[str]) -> str:
    number = next((p for p, k in zip(parts, kinds, strict=True) if k == "number"), "")
    number = number.rstrip(".．、") or "1"
    text = "；".join(p for p, k in zip(parts, kinds, strict=True) if k == "text" and p)
    clause = [
        f"{TABLE_COLUMNS[k][1]}：{p}"
        for p, k in sorted(zip(parts, kinds, strict=True), key=lambda pk: pk[1] == "deadline")
        if k not in ("text", "number") and p
    ]
    return f"{number}.{text}" + (f"（{'；'.join(clause)}）" if clause else "")


HEADING = re.compile(f"^{CHAPTER_RUN}")
# spaces only between number and text (no tab), as before numbering.py
SPACE_ROW = re.compile(rf"^[ \u3000]*{arabic()}{separator(optional=True)}[ \u3000]+\S")


def space_rows(text: str) -> tuple[str, int] | None:
    """Rows on lines of their own with their cells between spaces (``1 完善城市管理体制
    市委编办、市住建局 2016年底前``, a tab a space after copying): read as ``|`` rows, the line
    above them as their header when it has as many cells."""
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if _space_row(line)]
    if len(rows) < 2:
        return None
    width = Counter(len(lines[i].split()) for i in rows).most_common(1)[0][0]
    above = rows[0] - 1
    while above >= 0 and (not lines[above].strip() or HEADING.match(lines[above].strip())):
        above -= 1  # h18f: a group row (一、…(11项)) may stand between the header and the rows
    if above >= 0 and len(lines[above].split()) == width and not BAR.search(lines[above]):
        lines[above] = " | ".join(lines[above].split())
    elif (
        above >= 0
        and not BAR.search(lines[above])
        and len(spaced := joined_spacing(lines[above].split())) == width
        and is_header(spaced)
    ):
        lines[above] = " | ".join(spaced)  # h18u: 序号 工 作 任 务 牵头负责部门 (letter-spaced)
    elif above >= 0 and not BAR.search(lines[above]):
        # h18f: the header at the end of a longer line (a forum post ran the notice and the
        # table's header together: …分解表 序号 名称 工作任务 牵头责任单位): its last words,
        # as many as the rows have cells, on a line of their own
        tail = lines[above].split()[-width:]
        found = re.search(r"\s+" + r"\s+".join(map(re.escape, tail)) + r"\s*$", lines[above])
        if found and is_header(tail):
            lines[above] = lines[above][: found.start()] + "\n" + " | ".join(tail)
    for index in rows:
        lines[index] = " | ".join(lines[index].split())
    _join_continuations(lines, rows)
    return bar_rows("\n".join(lines))


def _join_continuations(lines: list[str], rows: list[int]) -> None:
    """h18l: a row's further lines with no number (a project over several lines of cells, its
    units in the middle: ``完成征缴基金10000万元 区人社局 10000万 7965 80%``, 岳阳楼 2017) are
    the row's: their units join the row's cell of units (the lines stay in the row's text)."""
    for row in rows:
        parts = cells(lines[row])
        unit_at = next((i for i, p in enumerate(parts) if i and cell_type(p) == "unit"), None)
        at = row + 1
        while unit_at is not None and at < len(lines) and at not in rows:
            if not _continuation(lines[at]):
                break
            more = [p for p in lines[at].split()[1:] if cell_type(p) == "unit"]
            parts[unit_at] = "、".join(dict.fromkeys([*parts[unit_at].split("、"), *more]))
            at += 1
        lines[row] = " | ".join(parts)


def _continuation(line: str) -> bool:
    parts = line.split()
    return (
        len(parts) >= 3
        and not BAR.search(line)
        and not SPACE_ROW.match(line)
        and any(cell_type(p) == "unit" for p in parts[1:])
    )


def _space_row(line: str) -> bool:
    if not SPACE_ROW.match(line) or BAR.search(line):
        return False
    parts = line.split()
    return len(parts) >= 3 and any(cell_type(p) in ("unit", "date", "person") for p in parts[2:])


BARE_NUMBER = re.compile(rf"^[|｜\s]*{arabic(group=True)}{separator(optional=True)}[|｜\s]*$")
ROW_CELLS = 8
"""At most this many cells after a row's number (a longer run is no row of a table)."""


def cell_lines(text: str) -> tuple[str, int] | None:
    """Rows of a table copied one cell a line with no header the importer knows (``80`` /
    ``推进…`` / ``王五`` / ``县水利局`` / ``2024年底前`` / ``81`` …): each row is put on one
    ``|`` line, then read as :func:`bar_rows` reads them."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if BARE_NUMBER.match(line)]
    rows: list[tuple[int, int]] = []  # (the number's line, the line after the row's last cell)
    # h18l: the rows' usual count of cells, for the last row (沙坪坝 2022: a blank line between
    # the cells, so the first blank line does not end it)
    counts = Counter(
        _count(lines, a, b) for a, b in pairwise(starts) if _value(lines[b]) > _value(lines[a])
    )
    lone = 0 if counts else lone_width(lines, starts)  # h18p: one row under a known header
    typical = counts.most_common(1)[0][0] if counts else lone
    for at, start in enumerate(starts):
        value = _value(lines[start])
        following = starts[at + 1] if at + 1 < len(starts) else None
        if following is not None and _value(lines[following]) <= value:
            continue
        end = following if following is not None else _row_end(lines, start, typical)
        cells_of = [_bare(line) for line in lines[start + 1 : end] if _bare(line)]
        if 2 <= len(cells_of) <= ROW_CELLS and any(
            cell_type(c) in ("unit", "date", "person") for c in cells_of[1:]
        ):
            rows.append((start, end))
    if len(rows) < (1 if lone else 2):
        return None
    widest = max((_count(lines, start, end) for start, end in rows[:-1]), default=lone)
    last_start, last_end = rows[-1]
    while _count(lines, last_start, last_end) > widest:  # the text after the table is no cell
        last_end -= 1
    rows[-1] = (last_start, last_end)
    out: list[str] = []
    index = 0
    for start, end in rows:
        out.extend(lines[index:start])
        row = [_bare(lines[start]), *(_bare(x) for x in lines[start + 1 : end] if _bare(x))]
        out.append(" | ".join(row) + " |")
        index = end
    out.extend(lines[index:])
    return bar_rows("\n".join(out))


def _count(lines: list[str], start: int, end: int) -> int:
    return sum(1 for line in lines[start + 1 : end] if _bare(line))


def _value(line: str) -> int:
    match = BARE_NUMBER.match(line)
    assert match is not None
    return int(match.group(1).translate(ASCII_DIGITS))


def _bare(line: str) -> str:
    return line.strip().strip("|｜").strip()


def _row_end(lines: list[str], start: int, typical: int = 0) -> int:
    """The last row ends at the first blank line after a cell, or after ROW_CELLS cells; when
    the rows above have their ``typical`` count of cells with blank lines between them, after
    that many cells (or at two blank lines running)."""
    seen, index, blank = 0, start + 1, 0
    while index < len(lines) and seen < (typical or ROW_CELLS):
        if _bare(lines[index]):
            seen, blank = seen + 1, 0
        elif seen and (not typical or blank):
            break
        else:
            blank += 1
        index += 1
    return index


def clause_paragraphs(text: str) -> tuple[str, int] | None:
    """The text with each paragraph that carries an assignment numbered (1. 2. …)."""
    lines = text.split("\n")
    count = 0
    for index, line in enumerate(lines):
        bare = line.strip(" \t\u3000")
        if len(bare) < PARAGRAPH_MIN or BAR.search(bare) or MARKER.match(bare):
            continue  # a numbered line is the numbering's, not a paragraph to number
        clause = find_clause(bare)
        if clause is None or (clause.start < PARAGRAPH_MIN and not unit_led(bare)):
            continue  # 牵头单位：… on a line of its own labels the text around it
        count += 1
        lines[index] = f"{count}.{bare}"
    return ("\n".join(lines), count) if count else None


UNIT_HEAD = re.compile(r"^(?P<head>[^：:，,。；;]{2,40})[：:](?P<rest>.+)$")
NOT_A_UNIT = re.compile(r"单位|部门|领导|时限|时间|责任|牵头|配合|协办|主办|参与")


def unit_led(line: str) -> bool:
    """h18ab: 县司法局：负责推行告知承诺制，年底前完成。 (a list by unit, each paragraph led by the
    unit's name and a colon): an assignment, not a label (牵头单位：X) labelling the text around."""
    match = UNIT_HEAD.match(line)
    return bool(
        match
        and not NOT_A_UNIT.search(simplified(match.group("head")))  # h18br: (牽頭單位:…)
        and cell_type(match.group("head")) == "unit"
        and len(match.group("rest")) >= PARAGRAPH_MIN
    )
