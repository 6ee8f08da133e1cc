"""A table whose cells a web page ran together with no separator at all (branch h18r; 西城 2020,
钟楼 2021): a header line that is only column names (``类别序号重点督办内容牵头单位全年完成情况``)
over rows ``经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值……``.

Each row is cut where the table's own shape says: the cells before 序号 up to the row's number
(which runs 1, 2, 3 …), the task up to its first full stop, then the one column of units (the
shortest name ending as a unit's name does), then whatever the header names after it (one cell:
a progress note is kept whole). The rows are then read as any table's rows are
(:func:`duban.plan_import.table_lines.table_lines`, the task's column named as a task's whatever
its header says: 重点督办内容 is the task, not who supervises it); columns before 序号 (a 类别
repeated on every row) are put after the task, in the task's text, never dropped."""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.chrome import CHROME_LINE
from duban.plan_import.table_lines import table_lines
from duban.plan_import.unit_names import GLUED_FIRST

COLUMN_WORDS = re.compile(
    r"序号|序號|编号|(?:牵头|牽頭|责任|責任|配合|协办|協辦|主办|主辦)(?:单位|單位|部门|部門)"
    r"|(?:牵头|牽頭|责任|責任|分管)(?:领导|領導)|完成时限|完成時限|完成时间|完成時間|时间节点"
    r"|(?:全年|年度|目前|当前)?(?:完成|进展|進展|推进|推進)情况|備注|备注"
    # h18ai: two text columns side by side (成都 2021: 序号工作内容目标任务责任单位备注)
    r"|(?:工作|主要)(?:内容|內容)|(?:全年|年度)?目标任务|(?:全年|年度)?目標任務"
)
"""The header words that cut a glued header into its columns (the text between two is a column)."""
UNIT_COLUMNS = ("lead", "responsible", "cooperate")


def glued_header(line: str) -> tuple[list[str], list[str]] | None:
    """A line of header words glued together (序号重点工作牵头单位…) cut into its columns, with
    each column's kind; None for a line that is not all Chinese characters of a header's length.
    The text between two known header words is a column of its own."""
    bare = line.strip()
    if not 8 <= len(bare) <= 60 or not re.fullmatch(r"[\u4e00-\u9fff]+", bare):
        return None
    columns, at = [], 0
    for match in COLUMN_WORDS.finditer(simplified(bare)):  # h18ap: 牽頭單位 (one for one)
        if match.start() > at:
            columns.append(bare[at : match.start()])
        columns.append(bare[match.start() : match.end()])
        at = match.end()
    if at < len(bare):
        columns.append(bare[at:])
    return columns, [column_kind(simplified(c)) for c in columns]


def header_columns(line: str) -> list[str] | None:
    """The columns of a glued header line, or None when the line is no such header (it must
    name 序号 and exactly one column of units, and hold nothing but column names)."""
    cut = glued_header(line)
    if cut is None:
        return None
    columns, kinds = cut
    if "number" not in kinds or sum(k in UNIT_COLUMNS for k in kinds) != 1 or len(columns) < 3:
        return None
    unit_at, number_at = (
        next(i for i, k in enumerate(kinds) if k in UNIT_COLUMNS),
        kinds.index("number"),
    )
    if unit_at != number_at + 2:  # 序号, the task, the units: the only order cut here
        return None
    return columns


def _row(line: str, number: int, before: int, after: int) -> list[str] | None:
    """The cells of one glued row numbered ``number``: ``before`` cells before the number (one
    text), the number, the task, the units, ``after`` cells after (one text)."""
    match = re.match(rf"^(?P<pre>[^0-9\n]{{0,40}}?){number}(?![0-9])(?=[\u4e00-\u9fff“《])", line)
    if not match or bool(match.group("pre").strip()) != bool(before):
        return None
    rest = line[match.end() :]
    stop = rest.find("。")
    if stop < 0:
        return None
    task, rest = rest[: stop + 1], rest[stop + 1 :]
    unit = next((m for m in [GLUED_FIRST.match(simplified(rest))] if m and m.end() >= 4), None)
    if unit is None:
        return None
    tail = rest[unit.end() :].strip()
    if tail and not after:
        return None
    pre = [match.group("pre").strip()] + [""] * (before - 1) if before else []
    return [
        *pre,
        str(number),
        task,
        rest[: unit.end()],
        *([tail] + [""] * (after - 1) if after else []),
    ]


def glued_rows(text: str) -> tuple[str, int] | None:
    """The text with the rows of a glued table made items (and how many), or None."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        columns = header_columns(line)
        if columns is None:
            continue
        number_at = [column_kind(simplified(c)) for c in columns].index("number")
        before, after = number_at, len(columns) - number_at - 3
        rows: list[list[str]] = []
        spans: list[tuple[int, int]] = []
        index = at
        while (index := index + 1) < len(lines):
            if not lines[index].strip():
                continue
            line, number = lines[index].strip(), len(rows) + 1
            cells = _row(line, number, before, after)
            # h18ap: a row cut after its task's full stop (a page's width), its units below
            cut = index + 1 < len(lines) and cells is None and line.endswith("。")
            if cut and (joined := _row(line + lines[index + 1].strip(), number, before, after)):
                rows.append(joined)
                spans.append((index, index + 2))
                index += 1
            elif cells is not None:
                rows.append(cells)
                spans.append((index, index + 1))
            elif rows and after and not CHROME_LINE.search(lines[index]):
                # a progress note wrapped onto the next line (not the page's 【打印本页】: h18ap)
                rows[-1][-1] += "\n" + lines[index].strip()
                spans[-1] = (spans[-1][0], index + 1)
            else:
                break
        if len(rows) < 2:
            continue
        order = [*range(number_at, len(columns)), *range(number_at)]  # 类别 after the task
        header = [columns[i] if i != number_at + 1 else "工作任务" for i in order]  # 重点督办内容
        items = table_lines([header, *[[r[i] for i in order] for r in rows]])
        for (start, end), item in reversed(list(zip(spans, items, strict=True))):
            lines[start:end] = [item]
        return "\n".join(lines), len(rows)
    return None
