"""A progress table whose cells a web page ran together with no separator, its columns of units
last (branch h18y; 黄冈 2018, a 重点工作推进落实情况一览表 reprinted by a company's site):
``序号重点工作工作推进情况牵头单位责任单位`` over rows
``1支持……升级。我市建筑行业……稳中向好的发展态势。市住建委团风县、英山县人民政府``.

:mod:`duban.plan_import.glued_rows` reads the glued tables whose one column of units follows the
task; here a progress note (any number of sentences) stands between the task and the units, so
the units are found from the row's end: the longest run of pieces (between 、，,；) that are all
names of units, back to a full stop or a comma (``……将任务分解到各部门,市发改委市经信委、……``:
``将任务分解到各部门`` says what was done, it is no name). With two columns of units (牵头 and
责任), the first cell ends where one name runs into the next with nothing between them
(``市住建委团风县``: 市住建委 leads). The rows are then read as any table's rows are
(:func:`duban.plan_import.table_lines.table_lines`, the progress column kept as the progress it is).
"""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.glued_rows import glued_header
from duban.plan_import.table_lines import table_lines
from duban.plan_import.unit_names import GLUED_LAST, PLACE_END

UNIT_COLUMNS = ("lead", "responsible", "cooperate")
NAME = re.compile(r"^[\u4e00-\u9fff]{2,21}$")
"""A name is Chinese characters only, ending as a unit or a place of government does (PLACE_END)."""
FIRST = re.compile(rf"^[\u4e00-\u9fff]{{1,16}}?{GLUED_LAST}")
DOING = re.compile(
    r"将|把|到|了|对|召开|分解|推进|加快|实现|完成|保持|形成|督促|制定|开展|落实|组织"
)
"""Words of a sentence saying what was done: a piece holding one is no unit's name."""


def header_columns(line: str) -> list[str] | None:
    """The columns of a glued header whose units come last: 序号, the task, other text columns
    (推进情况 …), then one or two columns of units; None for any other line."""
    cut = glued_header(line)
    if cut is None:
        return None
    columns, kinds = cut
    kinds = kinds[: len(kinds) - _remarks(columns)]  # h18ai: an empty 备注 after the units
    units = [i for i, k in enumerate(kinds) if k in UNIT_COLUMNS]
    if kinds[:1] != ["number"] or not 1 <= len(units) <= 2 or units[-1] != len(kinds) - 1:
        return None
    if units[0] < 3 or any(k != "text" for k in kinds[1 : units[0]]):
        return None  # the task and at least one text column (progress) before the units
    return columns


def _unit(piece: str) -> bool:
    bare = simplified(re.sub(r"[（(][^（）()]{1,12}[)）]", "", piece.strip()))  # h18ap: 團風縣
    return bool(NAME.match(bare) and PLACE_END.search(bare)) and not DOING.search(bare)


def _units_from_end(rest: str) -> int | None:
    """Where the run of unit names that ends ``rest`` starts (after a full stop or comma)."""
    starts = [m.end() for m in re.finditer(r"[。，,；;]", rest)]
    best = None
    for start in reversed([0, *starts]):
        tail = rest[start:]
        pieces = re.split(r"[、，,；;](?![^（(]*[)）])", tail)
        if not tail.strip() or not all(_unit(p) for p in pieces if p.strip()):
            break
        best = start
    return best


def _split_cells(units: str, columns: int) -> list[str]:
    """The units' text as ``columns`` cells: with two, the first ends where a name runs into the
    next with nothing between (市住建委团风县), else it is the first name."""
    if columns == 1:
        return [units]
    pieces = re.split(r"([、，,；;](?![^（(]*[)）]))", units)
    at = 0
    for piece in pieces[::2]:
        match = FIRST.match(simplified(piece))  # (one character for one: its end holds)
        if match and match.end() < len(piece) and _unit(piece[match.end() :]):
            cut = at + match.end()
            return [units[:cut], units[cut:]]
        at += len(piece) + 1
    first = pieces[0]
    return [first, units[len(first) :].lstrip("、，,；;")]


def _row(line: str, number: int, columns: list[str]) -> list[str] | None:
    match = re.match(rf"^{number}(?![0-9])(?=[\u4e00-\u9fff“《])", line)
    if not match:
        return None
    rest = line[match.end() :]
    stop = rest.find("。")
    if stop < 0:
        return None
    task, rest = rest[: stop + 1], rest[stop + 1 :]
    start = _units_from_end(rest)
    if start is None:
        return None
    unit_columns = sum(column_kind(simplified(c)) in UNIT_COLUMNS for c in columns)
    remarks = _remarks(columns)
    middle = len(columns) - 2 - unit_columns - remarks  # text columns between task and units
    progress = rest[:start]
    cells = _split_cells(rest[start:], unit_columns)
    return [str(number), task, progress, *[""] * (middle - 1), *cells, *[""] * remarks]


def _remarks(columns: list[str]) -> int:
    """How many 备注 columns end the header (left empty by the rows: a row ends in its units)."""
    count = 0
    while count < len(columns) and simplified(columns[-1 - count]) == "备注":
        count += 1
    return count


def glued_tail_rows(text: str) -> tuple[str, int] | None:
    """The text with the rows of such a glued table made items (and how many), or None."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        columns = header_columns(line)
        if columns is None:
            continue
        rows: list[list[str]] = []
        spans: list[int] = []
        for index in range(at + 1, len(lines)):
            if not lines[index].strip():
                continue
            cells = _row(lines[index].strip(), len(rows) + 1, columns)
            if cells is None:
                break
            rows.append(cells)
            spans.append(index)
        if len(rows) < 2:
            continue
        header = ["序号", "工作任务", *columns[2:]]  # 重点工作 is the task
        items = table_lines([header, *rows])
        for index, item in reversed(list(zip(spans, items, strict=True))):
            lines[index] = item
        return "\n".join(lines), len(rows)
    return None
