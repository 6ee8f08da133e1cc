"""A notice and its table run into one line with no separator at all (branch h18bl; 龙泉驿 2009, a
document site's “文档介绍:” paragraph): the notice, its signature, the 印发 line, the attachment's
title and the table's header and rows follow one another on one line:

    …附件…重大项目情况表单位:万元序号项目名称建设阶段总投资2009年计划投资项目业主牵头协调部门
    牵头区领导合计 7089078737500 1十陵景区项目加快建设43000020000市兴城公司区建设局王天刚郭代辉2…

The header's words still name the columns: from 序号 on, the words of unit columns (项目业主,
牵头协调部门), of leaders (牵头区领导) and the text between them (项目名称建设阶段总投资…, the
project's cells); the header ends with its last column's word, and the rows begin at 1. A row
ends where the next number stands after a character and the row before it reads whole: from its
end, the names of its leaders (people with a common surname, :func:`leader_names.name_run`),
before them the names of its units (a run of names after the last cell that is no name: the
amounts; names glued across two columns are cut where the next one starts with its level,
``市兴城公司区建设局``), before them the project's own cells. The rows are then read as any
table's rows are (:func:`duban.plan_import.table_lines.table_lines`); what stands between the
header and the first row (合计 and its amounts) and a last row that does not read whole stay text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from duban.plan_import.cell_rows import ROLE_KINDS, column_kind
from duban.plan_import.chinese import simplified
from duban.plan_import.glued_rows import COLUMN_WORDS
from duban.plan_import.head import DOC_NUMBER
from duban.plan_import.leader_names import name_run
from duban.plan_import.table_lines import table_lines
from duban.plan_import.unit_names import GLUED_LAST, NAME_END, PLACE_END, PLACES

START = re.compile(r"序[号號]")
ROLE_WORDS = re.compile(
    r"(?:项目|建设)?业主(?:单位)?"
    r"|(?:牵头|责任|配合|协办|主办|协调|实施)[\u4e00-\u9fff]{0,3}?(?:单位|部门|领导|科室)"
)
"""Names of unit and leader columns a glued header may write in words of its own (项目业主,
牵头协调部门, 牵头区领导), read with :data:`glued_rows.COLUMN_WORDS` on folded text."""
FIRST_ROW = re.compile(r"(?<![0-9])1(?=[\u4e00-\u9fff“《])(?![年月日号个项])")
NAME = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")
LONGEST_HEADER = 120
NOTICE_CUTS = re.compile(
    r"(?<=。)"  # each sentence
    r"|(?<=[。日)）])(?=附件)|(?=主题词[:：]|抄送[:：])"  # the attachment, 主题词, 抄送 lines
    r"|(?=[一二三四五六七八九十○〇零]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
    r"|(?<=[○〇零一二三四五六七八九十]日)"  # the signature's date alone
)
"""Where a notice run into one line is cut into its parts (besides its 文号 and title)."""
TITLE_END = re.compile(r"的通知(?![》”」）)])")
"""The end of the notice's title (a cited 《…的通知》 in its text goes on)."""


def _unit(name: str) -> bool:
    bare = simplified(name.strip())
    return bool(NAME.match(bare) and PLACE_END.search(bare))


def notice_parts(text: str) -> list[str]:
    """A notice run into one line as the lines of its parts, as a clerk reads them: a site's
    label before its 文号, the 文号, the title (to its first 的通知 that no 》 closes), each
    sentence, 附件, the signature's date, 主题词, 抄送 (the plan's head is read from them)."""
    cuts = {0, len(text)}
    if number := DOC_NUMBER.search(text, 0, 40):
        cuts |= {number.start(), number.end()}
        title = TITLE_END.search(text, number.end())
        if title:
            cuts.add(title.end())
    cuts |= {match.start() for match in NOTICE_CUTS.finditer(text)}
    ends = sorted(cuts)
    return [part for a, b in pairwise(ends) if (part := text[a:b].strip())]


def _header(line: str, at: int) -> tuple[list[str], int, int] | None:
    """The glued header starting at ``at`` (序号): its columns, where it ends and where its first
    row starts; None when the words after 序号 are no header of such a table."""
    first = FIRST_ROW.search(line, at, at + LONGEST_HEADER)
    if first is None:
        return None
    words = simplified(line[at : first.start()])
    known = [m for m in re.finditer(rf"{COLUMN_WORDS.pattern}|{ROLE_WORDS.pattern}", words)]
    if not known or known[0].start() != 0:
        return None
    columns, end = [], 0
    for match in known:
        if match.start() > end:
            between = words[end : match.start()]
            if not re.fullmatch(r"[\u4e00-\u9fff0-9]{2,30}", between):
                return None  # the header's words are interrupted: no header
            columns.append(line[at + end : at + match.start()])
        columns.append(line[at + match.start() : at + match.end()])
        end = match.end()
    rest = words[end:]
    if len(rest) > 40 or ROLE_WORDS.search(rest) or "。" in rest:
        return None
    return columns, at + end, first.start()


def _shape(columns: list[str]) -> tuple[int, list[str], int] | None:
    """序号, text columns, unit columns, leader columns: how many text columns, the unit columns'
    kinds, how many leader columns; None for any other order."""
    kinds = [column_kind(simplified(c)) for c in columns]
    if kinds[0] != "number":
        return None
    at = 1
    while at < len(kinds) and kinds[at] == "text":
        at += 1
    texts = at - 1
    units = []
    while at < len(kinds) and kinds[at] in ROLE_KINDS:
        units.append(kinds[at])
        at += 1
    if not texts or not units or any(k != "leader" for k in kinds[at:]):
        return None
    return texts, units, len(kinds) - at


def _leaders_at(row: str) -> int | None:
    """Where the leaders' names that end the row start: right after a unit's name."""
    for start in range(max(0, len(row) - 12), len(row) - 1):
        if name_run(row[start:]) and re.search(f"{GLUED_LAST}$", simplified(row[:start])):
            return start
    return None


def _cut_glued(piece: str) -> tuple[int, int] | None:
    """Two names glued together (市兴城公司区建设局, …合作社区农发局): where to cut, best first:
    the first ends as a body does and the second starts with its level (区, 市, 县 …: rank 0),
    the first ends as a body does (温州 alone is a place, no body: rank 1), any two names (2)."""
    cuts = [k for k in range(2, len(piece) - 1) if _unit(piece[:k]) and _unit(piece[k:])]
    bodies = [k for k in cuts if NAME_END.search(simplified(piece[:k]))]
    placed = [k for k in bodies if simplified(piece[k]) in PLACES]
    return next(((rank, ks[0]) for rank, ks in enumerate((placed, bodies, cuts)) if ks), None)


def _unit_cells(units: str, columns: int) -> list[str] | None:
    """The run of names as ``columns`` cells, cut where a name runs into the next one (the
    piece whose cut ranks best, the first of equals)."""
    pieces = units.split("、")
    if columns == 1:  # names parted by 、 (a 家庭农场 too), the last ending as a unit's does
        return [units] if all(NAME.match(p) for p in pieces) and _unit(pieces[-1]) else None
    ranked = [
        (cut[0], at, cut[1]) for at, p in enumerate(pieces) if (cut := _cut_glued(p)) is not None
    ]
    for _, at, k in sorted(ranked):
        if not all(NAME.match(p) for p in pieces[:at]):
            continue
        rest = _unit_cells("、".join([pieces[at][k:], *pieces[at + 1 :]]), columns - 1)
        if rest is not None:
            return ["、".join([*pieces[:at], pieces[at][:k]]), *rest]
    return None


def _row(row: str, texts: int, units: int, leaders: int) -> list[str] | None:
    """A row's cells (after its number): the project's text, the unit columns, the leaders."""
    people = ""
    if leaders:
        start = _leaders_at(row)
        if start is None:
            return None
        row, people = row[:start], row[start:]
    for boundary in re.finditer(r"[^\u4e00-\u9fff、（）()]+", row):
        cells = _unit_cells(row[boundary.end() :], units) if boundary.end() < len(row) else None
        if cells is not None:
            text = row[: boundary.end()].strip()
            if not re.search(r"[\u4e00-\u9fff]", text):
                return None
            return [text, *[""] * (texts - 1), *cells, *([people] + [""] * (leaders - 1))[:leaders]]
    return None


def _rows(stream: str, shape: tuple[int, list[str], int]) -> tuple[list[list[str]], int]:
    """The rows 1, 2, 3 … of the stream and where the last one that reads whole ends."""
    texts, units, leaders = shape[0], len(shape[1]), shape[2]
    rows: list[list[str]] = []
    start, number, end = 0, 1, 0
    while stream.startswith(str(number), start):
        body = start + len(str(number))
        nxt = number + 1
        found = None
        # the next number after a cell's last character (a name's closing bracket too)
        for match in re.finditer(rf"(?<=[\u4e00-\u9fff)）]){nxt}(?=[\u4e00-\u9fff“《])", stream):
            if match.start() <= body:
                continue
            cells = _row(stream[body : match.start()], texts, units, leaders)
            if cells is not None:
                found = (cells, match.start())
                break
        if found is None:
            cells = _row(stream[body:].rstrip(), texts, units, leaders)
            if cells is not None:
                rows.append([str(number), *cells])
                end = len(stream.rstrip())
            break
        rows.append([str(number), *found[0]])
        start = end = found[1]
        number = nxt
    return rows, end


def one_line_table(text: str) -> tuple[str, int] | None:
    """The text with the rows of a table run into one line (after its notice) made items (and
    how many), or None."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        for start in START.finditer(line):
            header = _header(line, start.start())
            if header is None:
                continue
            columns, header_end, first = header
            shape = _shape(columns)
            if shape is None:
                continue
            rows, end = _rows(line[first:], shape)
            if len(rows) < 2:
                continue
            items = table_lines([columns, *rows])
            before = [*notice_parts(line[: start.start()]), line[start.start() : header_end]]
            between = [line[header_end:first].strip()] if line[header_end:first].strip() else []
            after = [line[first + end :]] if line[first + end :].strip() else []
            lines[at : at + 1] = [*before, *between, *items, *after]
            return "\n".join(lines), len(rows)
    return None
