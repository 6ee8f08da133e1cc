"""A table of the document as lines: a 任务分工表 becomes numbered items with a role clause each.

The clause (``（牵头单位：…；完成时限：…）``) is made of the header's and the cells' words, so it
is not the document's text: the reading says how many rows were turned (``TABLE_ROWS``).
"""

from __future__ import annotations

import re

from duban.i18n.messages import say
from duban.plan_import.category_cells import category_column, category_rows
from duban.plan_import.cell_rows import ROLE_KINDS, column_kind
from duban.plan_import.chinese import ASCII_DIGITS
from duban.plan_import.merged_rows import merge_continuations
from duban.plan_import.numbering import separator
from duban.plan_import.person_columns import without_working_person
from duban.plan_import.prose_deadlines import PROGRESS_COLUMN
from duban.plan_import.row_cells import lead_not_repeated, parted_names, realigned, role_parts
from duban.plan_import.rubric_rows import nameless_unit_columns, score_columns, spanned_rows
from duban.plan_import.shared_cells import merged_down
from duban.plan_import.table_header import header_index
from duban.plan_import.table_numbers import CHAPTER_CELL, cell_number, fold_group_rows

TABLE_ROWS = "任务分工表的 {} 行转为条目（分工括注由表头和单元格组成，不是原文）"


def repeated_rows(count: int) -> str:
    """h18bi: the review's note of rows whose 序号 repeats the row's above (石城 2018: 30, 30)."""
    return say(
        f"{count} table rows repeat the number of the row above (a slip of the page?): each"
        " taken as the next number; please check",
        f"表格中有 {count} 行的序号与上一行相同（页面笔误？）：各按次序记为下一个序号，请核对",
    )


def table_lines(rows: list[list[str]], stats: dict[str, int] | None = None) -> list[str]:
    """A 任务分工表 (序号 | 任务 | 牵头单位 | 责任单位 | 完成时限) becomes numbered items with a
    clause each (``N.任务（牵头单位：…；完成时限：…）``); any other table, one line a row."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    if at := header_index(rows):  # h18z: a title or the page's metadata above the header
        above = [" ".join(cell for cell in row if cell) for row in rows[:at]]
        return above + table_lines(rows[at:], stats)
    header = rows[0]
    # h18bh: the header again atop the next page is the header, no row (nor a row's continuation)
    rows = [header, *(row for row in rows[1:] if _words(row) != _words(header))]
    kinds: dict[int, str] = {}
    for index, cell in enumerate(header):
        if (kind := column_kind(cell)) != "text":
            kinds[index] = kind
    for index, kind in list(kinds.items()):  # h18f: 主要责任单位 next to 协同配合单位 leads
        main = re.match(r"\s*主要(?:责任|責任)", header[index])
        others = set(kinds.values())
        if kind == "responsible" and main and "cooperate" in others and "lead" not in others:
            kinds[index] = "lead"
    kinds = without_working_person(header, kinds)  # h18u: 责任人 beside 责任领导
    nameless_unit_columns(header, rows, kinds)  # h18bi: 考核项目 over class | 县农粮局 (石城 2018)
    rows = merged_down(rows, kinds)  # h18bh: a rowspan's or vertical merge's units, date, leader
    if category_column(header, kinds):  # h18an: 类别 | 民生事项名称 | … (招远 2022)
        rows, kinds[0] = category_rows(rows, kinds), "category"
    # h18bi: any column of units makes a task table (an assessment rubric's 负责考核部门 alone)
    if len(header) < 2 or not (ROLE_KINDS | {"deadline"}) & set(kinds.values()):
        return [" ".join(cell for cell in row if cell) for row in rows]
    rows = merge_continuations(rows, kinds)  # h18i: a numbered project's rows below it
    rows = parted_names(rows, kinds)  # h18ai: 派出所工商质监所, two names run together
    text_columns = [i for i in range(len(header)) if i not in kinds]
    scores = score_columns(rows, text_columns)
    # h18z: the task's column before a progress column, whatever their order (进展情况 | 内容)
    # h18bi: and before a column of scores (各项分值 | 5 | 11): the number no row's first words
    text_columns.sort(key=lambda i: (PROGRESS_COLUMN.search(header[i]) is not None, i in scores))
    number_column = next((i for i, k in kinds.items() if k == "number"), None)
    lines, counter, last = [], 0, ""
    rows = fold_group_rows(rows, kinds, number_column)  # h18ae: 1 | 大力提振消费。 | | (芜湖)
    # h18j: a progress report's cells under their columns' names (进展情况：…): the dates and
    # the 1. 2. in them are no deadlines and no steps of the task
    progress = any(PROGRESS_COLUMN.search(header[i]) for i in text_columns)
    spanned = spanned_rows(rows, number_column)  # h18bi: a department over several rows
    for index, row in enumerate(rows[1:], start=1):
        row = realigned(row, kinds)
        cells = lead_not_repeated({i: cell.strip() for i, cell in enumerate(row)}, kinds)
        filled = list(dict.fromkeys(c for c in cells.values() if c))
        if len(filled) == 1:
            lines.append(filled[0])  # a heading row spanning the table (一、…)
            continue
        own_number = cells.get(number_column, "").strip() if number_column is not None else ""
        if chapter := CHAPTER_CELL.fullmatch(own_number):  # h18bi: 一、 a chapter row (石城 2018)
            text = _text(cells, header, text_columns, progress)
            lines.append(f"{chapter[1]}、" + _with_clause(text, _clause(cells, kinds)))
            continue
        if spanned.get(index, 1) > 1:  # a row the number above spans: a sub-item of it
            lines.append(f"（{spanned[index]}）{_text(cells, header, text_columns, progress)}")
            continue
        # h18bi: 总分 | 100, no number and no unit: no task; h18bn: nor 总分 under 序号 (the
        # empty 序号 a run of spaces left out, the row's words moved to the left)
        if number_column is not None and not cell_number(own_number) and not _clause(cells, kinds):
            lines.append(" ".join(filled))
            continue
        counter += 1
        # h18ae: a 序号 in brackets, (8) ⑻ ⑧, is the row's number too (芜湖 2025)
        number = (cell_number(own_number) if number_column is not None else None) or str(counter)
        if number == last and number.isdigit():  # h18bi: 30 | … | 30 | …: a second row, the next
            number = str(int(number) + 1)
            if stats is not None:
                stats["repeated"] = stats.get("repeated", 0) + 1
        last = number
        text = _text(cells, header, text_columns, progress)
        # the cell repeats the row's number (h18a), in full-width digits too (h18ap: １．)
        own = re.match(rf"{number}\s*{separator()}", text.translate(ASCII_DIGITS))
        if index in spanned:  # the number's task, named by its units; its rows below it
            units = "、".join(
                c for i, k in kinds.items() if k in ROLE_KINDS and (c := cells.get(i))
            )
            lines.append(f"{number}.{units}{_clause(cells, kinds)}")
            lines.append(f"（1）{text}")
            continue
        lines.append(("" if own else f"{number}.") + _with_clause(text, _clause(cells, kinds)))
        if stats is not None:
            stats["rows"] = stats.get("rows", 0) + 1
    return lines


def _text(cells: dict[int, str], header: list[str], columns: list[int], progress: bool) -> str:
    """The row's text cells joined; in a progress report each but the first under its name."""
    return "；".join(
        (f"{header[i]}：" if progress and i != columns[0] else "") + cells[i]
        for i in columns
        if cells.get(i)
    )


def _clause(cells: dict[int, str], kinds: dict[int, str]) -> str:
    """The row's role and deadline cells as a clause (（牵头单位：…；完成时限：…）), or ""."""
    parts = [
        part
        for i, kind in sorted(kinds.items(), key=lambda k: (k[1] == "deadline", k[0]))
        if kind not in ("number", "category") and cells.get(i)
        for part in role_parts(kind, cells[i])  # h18ai: X会同Y in a cell of units
    ]
    return f"（{'；'.join(parts)}）" if parts else ""


def _with_clause(text: str, clause: str) -> str:
    """The text with its clause: at its end, or before a cell of steps 1.…2.… (临安 2022), whose
    last step would take it otherwise."""
    steps = re.search(f"；(?=[1１]{separator()})", text)
    if steps and clause:
        return f"{text[: steps.start()]}{clause}{text[steps.start() :]}"
    return text + clause


def _words(row: list[str]) -> list[str]:
    """A row's cells without their spaces (工 作 任 务 is the header's 工作任务 again)."""
    return [re.sub(r"\s+", "", cell) for cell in row if cell.strip()]
