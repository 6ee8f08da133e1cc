"""任务分工表 flattened to plain text (copied from a web page, a PDF or WPS): rows separated by
``|`` or tabs, cells by runs of spaces, or one cell a line (``1`` / ``地区生产总值增长6%左右。`` /
``市发展改革委``). The header row is recognised by its words (序号, 工作任务, 牵头单位, 责任单位,
完成时限 …) in any column order; the rows become the same numbered items with a clause as a
table of a .docx (:func:`~duban.plan_import.table_lines.table_lines`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from duban.plan_import.category_cells import CATEGORY_WORD, work_column
from duban.plan_import.cell_header import header_down
from duban.plan_import.cell_rows import (
    aligned_row,
    cell_type,
    column_kind,
    unit_runs_on,
)
from duban.plan_import.cell_steps import rejoin_steps
from duban.plan_import.chinese import ASCII_DIGITS, simplified
from duban.plan_import.chrome import CHROME_LINE
from duban.plan_import.column_names import first_cell_number
from duban.plan_import.header_cells import cells, edge_bars, is_header
from duban.plan_import.kind_rows import placed_row
from duban.plan_import.leading_cells import before_first, leading_cells, leading_kinds
from duban.plan_import.numbering import CHAPTER_RUN, arabic, separator
from duban.plan_import.shared_cells import merged_units, shared_rows
from duban.plan_import.table_end import (
    HEADING_ROW,
    after_last_row,
    bare,
    cell_to_come,
    header_again,
    next_filled,
    paragraph_after,
    row_after_headings,
    row_soon,
    whole_row,
)
from duban.plan_import.table_numbers import group_row, heading_line, inner_number, row_number

NUMBER = re.compile(rf"^\s*{arabic()}{separator(optional=True)}\s*$")
GOES_ON = (",", "，", "、", "；", ";", "。")
"""h18ca: no cell begins with these: a line that does is its cell's, wrapped (…违法行为 /
,取缔…场所。, a page or a PDF breaking a long cell's line)."""


def flatten_tables(
    text: str,
    as_items: Callable[[list[list[str]]], list[str]],
    strays: list[str] | None = None,
    shared: list[str] | None = None,
) -> str:
    """The text with each flattened table's rows made lines by ``as_items`` (reading's
    ``table_lines``, which counts them); ``strays`` collects the cells of one-cell-a-line
    tables that fit no column (kept in their row's text, said in the review)."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        parts = cells(lines[index])
        single = not is_header(parts) and is_header(lines[index].split())
        if single:  # 序号 类别 主要任务 牵头单位 …: cells between single spaces
            parts = lines[index].split()
        if is_header(parts):  # a header on one line: each row on one line
            rows, index = _rows_on_lines(lines, index + 1, parts, single)
        else:
            header, after = header_down(lines, index)
            if not header:
                out.append(lines[index])
                index += 1
                continue
            rows, end = _cells_down(lines, after, header, strays, shared)
            if len(rows) == 1:  # h18z: words of the page's metadata (公开时限 / 长期公开 /
                out.append(lines[index])  # 发布单位) with no row under them: no header
                index += 1
                continue
            index = end
        out.extend(as_items(rows))
    return "\n".join(out)


def _rows_on_lines(
    lines: list[str], index: int, header: list[str], single: bool = False
) -> tuple[list[list[str]], int]:
    rows = [[re.sub(r"[ \u3000]", "", word) for word in header]]  # 牵 头 部 门 (h18c)
    width = len(header)
    bars = "|" in lines[index - 1] or "｜" in lines[index - 1]
    edges = edge_bars(lines[index - 1])  # h18bn: a header without edge bars: a row's are cells
    while index < len(lines) and (lines[index].strip() or _bar_row_next(lines, index, bars)):
        if not lines[index].strip():  # h18ap: blank lines between | rows (a page's spacing)
            index += 1
            continue
        if (bars and not re.search(r"[|｜]", lines[index])) or CHROME_LINE.search(lines[index]):
            break  # a table of | rows ends at a line without one or the page's index (h18an)
        parts = cells(lines[index], single)
        if not edges and len(unframed := cells(lines[index], single, framed=False)) == width:
            parts = unframed  # h18bn: | 总分 | 100 |  | under a header without edge bars
        if (
            len(parts) == 1
            and rows[1:]
            and not NUMBER.match(parts[0])
            and not re.match(CHAPTER_RUN, parts[0])
        ):
            if paragraph_after(parts[0], rows[-1][_text_column(header)]):
                break  # h18bh: the closing paragraph after the table
            rows[-1][_text_column(header)] += parts[0]  # a task's text running on
        elif len(parts) > width:  # more cells than columns: the text held runs of spaces
            extra = len(parts) - width
            column = _text_column(header)
            merged = " ".join(parts[column : column + extra + 1])
            rows.append([*parts[:column], merged, *parts[column + extra + 1 :]])
        else:  # h18bk: a short row's cells under the columns they fit (a merged cell left out)
            rows.append(placed_row(parts, rows[0], [column_kind(simplified(w)) for w in rows[0]]))
        index += 1
    return rows, index


def _bar_row_next(lines: list[str], index: int, bars: bool) -> bool:
    """A table of | rows goes on over blank lines to its next | row (not a new table's header)."""
    after = next_filled(lines, index)
    return (
        bars
        and after < len(lines)
        and bool(re.search(r"[|｜]", lines[after]))
        and not is_header(cells(lines[after]))
    )


def _text_column(header: list[str]) -> int:
    for column, word in enumerate(header):
        folded = simplified(word)
        # h18bh: the columns' kinds (任务项 is the number: the text ran on into it)
        if column_kind(folded) == "text" and "备注" not in folded:
            return column
    return min(1, len(header) - 1)


def _cells_down(
    lines: list[str],
    index: int,
    header: list[str],
    strays: list[str] | None = None,
    shared: list[str] | None = None,
) -> tuple[list[list[str]], int]:
    """Rows of one cell a line: a row starts at its number (the next one, or a larger one once
    the row before has its cells: an excerpt of a table skips rows), a heading row (一、…)
    stands alone; a line holding a whole row on its own is split into its cells. Each row's
    cells are then put under their columns by what they hold (:mod:`cell_rows`: merged cells,
    short rows, a column's two lines, stray cells)."""
    rows = [header]
    start = index
    width = len(header)
    kinds = [column_kind(simplified(word)) for word in header]
    number_at = kinds.index("number") if "number" in kinds else None
    last: int | None = None
    current: list[str] | None = None
    raw: list[list[str]] = []  # each row's cells after its number, before they are aligned
    leading = leading_kinds(kinds, number_at)  # h18bh: 负责领导 | 序号 | … (舒城 2024)
    leads: dict[int, list[str]] = {}  # a row's cells before its number, by its place in rows
    pending: list[str] = []
    inner_last: int | None = None  # the last 1.… numbering a row's text column (h18a)
    in_inner = False
    chapter = False  # h18bn: the row last begun is a chapter's (一、 under 序号)

    after_number = width - (number_at + 1 if number_at is not None else 0)
    columns = [k for i, k in enumerate(kinds) if number_at is None or i > number_at]
    words = [simplified(w) for i, w in enumerate(header) if number_at is None or i > number_at]

    group_first = number_at is None and (work_column(words, columns) or 0) > 0

    def starts(line: str, current: list[str] | None) -> re.Match[str] | None:
        match = row_number(line, None) or first_cell_number(line, number_at is not None)
        if match is None:
            return None
        value = int(match.group(1).translate(ASCII_DIGITS))
        if last is None or value == last + 1 or (chapter and value == 1):
            return match  # h18bn: a chapter's rows may start again at 1
        # a larger number (rows 6, 52, 53 of a longer table) once the row before is nearly
        # whole: a cell of 15 (万亩) in the middle of a row is a cell, not a row; h18f: or right
        # after a heading row (一、… / 六、…: rows 3, 68, 69 of a longer table)
        return match if value > last and done(current) else None

    def done(current: list[str] | None) -> bool:
        return current is None or len(current) >= max(2, after_number - 1)

    while index < len(lines):
        line = bare(lines[index])
        if current is not None and (again := header_again(lines, index, header)) is not None:
            index = again  # h18bh: the header repeated atop the next page
            continue
        number = starts(line, current)
        ahead = next_filled(lines, index + 1)
        starts_row = ahead < len(lines) and starts(bare(lines[ahead]), current)
        if number:
            rest = line[number.end() :].strip()
            # the cells between the header and the first row lead the first row only (h18bk)
            leads[len(rows)] = leading_cells(current, leading) if current else pending * (not raw)
            current, in_inner = [], False
            rows.append([number.group(1)])
            raw.append(current)
            last, chapter = int(number.group(1).translate(ASCII_DIGITS)), False
            if rest:
                current.extend(cells(rest) if len(cells(rest)) > 1 else [rest])
        elif leading and not raw and before_first(pending, line, leading):
            pass  # the first row's cells before its number (舒城 2024: its leader)
        elif (
            number_at is not None
            and re.fullmatch(CHAPTER_RUN, line)
            and (not current or done(current))
        ):
            rows.append([line])  # h18bn: 一、 alone under 序号: a chapter's row, cells below
            current, chapter = [], True
            raw.append(current)
        elif done(current) and (group := group_row(lines, index, last)) is not None:
            # h18ae: 1 / 大力提振消费。 between whole rows (a 15 mid-row is a cell, as above)
            rows.append([group[0]])
            raw.append([])
            current, index = None, group[1]
        elif heading_line(line, current is None or len(current) >= width - 1) or (
            line
            and starts_row
            # h18bk: the next group's name (政务服务) before a row numbered in its work cell,
            # the table's group column standing before its work (项目名称 | 工作措施 | …)
            and (current is None or len(current) >= width - 1 or group_first)
            # h18f: a row's last cell (12月底前, a unit) before the next row is no heading;
            # h18ap: nor is a sentence (…筛查10111例。: a merged row's line of progress)
            and (current is None or (cell_type(line) == "text" and not line.endswith("。")))
        ):
            # h18bk: a group's name alone before the first row numbered in its work cell: the
            # first column holds the groups' names (项目名称 | 工作措施 | …)
            group_first |= number_at is None and not raw and not HEADING_ROW.match(line)
            rows.append([line])  # a heading row (一、…, 经济社会发展主要预期目标分解(15项))
            raw.append([])
            current = None
        elif CHROME_LINE.search(line):
            break  # h18x: 【打印本页】 【关闭窗口】 after the table's last cell ends the table
        elif not line:
            pipes = re.fullmatch(r"\s*[|｜]+\s*", lines[index]) is not None  # never a table's end
            if (
                current is not None
                and len(current) >= width - 1
                and not starts_row
                and not pipes
                and not row_after_headings(lines, index, last)
                and not row_soon(lines, index, last, width, number_at is not None)
                and not cell_to_come(lines, index, kinds, current)
            ):
                index += 1
                break
        elif (
            current is not None
            and inner_number(line, inner_last)
            # before the row's units (a later column's 1、… 2、… is that cell's own list)
            # after the row's merged cells (a row's first cell may repeat its own number: 1.…)
            and (in_inner or bool(current))
            and (in_inner or not any(cell_type(c) in ("unit", "date", "person") for c in current))
        ):
            # 1.… / 2.… in the text column, each with its own leader and units: a row each; the
            # row's merged cells (序号 1, 项目 主要预期目标) stand before them as a heading line
            inner = inner_number(line, inner_last)
            assert inner is not None
            if not in_inner and raw and raw[-1] is current:
                rows[-1] = [" ".join([rows[-1][0], *current])]
                raw[-1] = []
            in_inner = True
            inner_last = int(inner.group(1))
            current = [line[inner.end() :].strip()]
            rows.append([inner.group(1)])
            raw.append(current)
        elif current is not None and current and unit_runs_on(current[-1], line):
            current[-1] += line  # 區綜合行政 / 執法局: one unit's name over two lines (h18j)
        elif (
            current
            and (current[-1].endswith((",", "，")) or line.startswith(GOES_ON))
            and cell_type(line) != "number"
        ):
            current[-1] += line  # h18j: 一季度開工,…50%, / 通惠路…: a cell goes on after its comma
        elif current is not None and after_last_row(
            line, current, kinds, raw[:-1], whole_row(current, columns, words, raw[:-1])
        ):
            if not row_soon(lines, index, last, width, number_at is not None):
                break  # h18bh: the closing paragraph after the table's last row
            current.append(line)
        elif current is not None:
            current.append(line)
        else:
            break
        index += 1
    rejoin_steps(rows, raw)  # h18m: 1.… 2.… of one cell, the row's units after the last
    out = [rows[0]]
    numbered: set[int] = set()  # the rows of out that are numbered rows (not headings)
    first = 0 if number_at is None else number_at + 1
    for at, (row, found) in enumerate(zip(rows[1:], raw, strict=True), start=1):
        if len(row) == 1 and not found and not NUMBER.match(row[0]):
            out.append(row + [""] * (width - 1))  # a heading row
            continue
        # h18ap: a first column of categories merged over the rows (招远 2022, 类别): a numbered
        # row's cells start under the column after it
        skip = int(number_at is None and bool(CATEGORY_WORD.match(simplified(header[0]))))
        main = work_column(words[skip:], columns[skip:])
        if number_at is None and leads.get(at):
            found = [*leads[at], *found]  # h18bk: the leader's cell before the row's 1.…
        aligned = aligned_row(found, columns[skip:], strays, main) if found else [""] * len(columns)
        if number_at is None:  # no 序号 column: the row's number stays before its first cell
            # h18bf: before its first cell (its work, when a merged group cell is missing)
            used = [k for k, cell in enumerate(aligned) if cell.strip()]
            texts = [k for k in used if columns[skip + k] == "text"]  # h18bk: not the leader's
            own = main if main is not None and aligned[main].strip() else (texts or used or [0])[0]
            aligned[own] = f"{row[0]} {aligned[own]}".strip()
            out.append([""] * skip + aligned)
            merged_units(out, kinds, numbered)
            numbered.add(len(out) - 1)
            continue
        full = [""] * width
        full[:number_at] = (leads.get(at, []) + [""] * number_at)[:number_at]
        full[number_at] = row[0]
        full[first:] = aligned
        out.append(full[:width])
        numbered.add(len(out) - 1)
    filled = shared_rows(out, kinds, numbered, lines[start:index])  # h18bf: merged cells
    if shared is not None:
        shared.extend(filled)
    return out, index
