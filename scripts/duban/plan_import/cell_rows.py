"""The cells of one row of a table flattened one cell a line, put under their columns by what
they hold (branch h18a).

A web page copied cell by cell loses the row's shape: a merged cell (考核指标 spanning two rows)
is missing from the rows below it, an empty cell is a blank line or nothing, two units of one
cell stand on two lines (农业股 / 乡村产业发展股), a stray digit of the page stands between two
cells. So the cells are not counted into the columns; each is typed (a list of units, a
deadline, a person, a bare number, text) and the row is aligned to the header's columns by the
cheapest assignment that keeps the cells in order: units go under 牵头单位 / 责任部门 / 评分部门,
deadlines under 完成时限, names of people under 牵头领导, text under the text columns; several
cells under one column are joined; a cell that fits nowhere (the stray ``2``) is kept at the
end of the row's text, never dropped.
"""

from __future__ import annotations

import re
from itertools import pairwise

from duban.plan_import.chinese import simplified
from duban.plan_import.leader_names import PINYIN_NOTE, SPACED_PAIRS, SURNAMES
from duban.plan_import.numbering import arabic
from duban.plan_import.role_cells import role_cell
from duban.plan_import.unit_names import CELL_END

DATE_WORDS = re.compile(
    r"\d{4}年|年底|年末|月底|月末|季度|半年|全年|长期|持续|常态|\d{1,2}月|每年|每月|每季|年内|当年"
    r"|个月|工作日|日内|天内|底前"  # h18c: 省出台文件后 2 个月完成 is when, not what
    r"|^(?:19|20)\d{2}[.．](?:1[0-2]|0?[1-9])$"  # h18i: 2021.8
    r"|^(?:19|20)\d{2}[./\-](?:1[0-2]|0?[1-9])[./\-]\d{1,2}(?:前|之前)?$"  # h18m: 2023.6.30
    r"|^(?:19|20)\d{2}$"  # h18ca: a year alone in its cell (完成时限 | 2020, 渝中 2020)
)
PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
GLUED = re.compile(
    r"(?<=[局委办厅])(?=[市县省区][\u4e00-\u9fff]{1,12}(?:局|委|办|厅)(?:$|[市县省区]))"
)
"""市海洋渔业局市农业农村局: two names of one cell whose line break the page lost."""

VERB_START = re.compile(r"(?:成功|创建|完成|推进|开展|实施|打造|争创|力争|确保|实现|建成|新建)")
"""A cell that starts with what is done is the work, not a unit (泗洲头 2024:
成功创建首批浙江省美丽城镇)."""

POST = (
    r"(?:县委|市委|区委|省委|党委|党组)?(?:常委|委员|书记|副书记)?、?(?:常务)?副?"
    r"(?:省长|市长|州长|区长|县长|镇长|乡长|书记|主任|部长|局长|秘书长|主席)"
)
POSTED = re.compile(
    rf"[\u4e00-\u9fff]{{2,4}}[（(][^（）()]{{0,16}}{POST}[）)]|{POST}[\u4e00-\u9fff]{{2,3}}"
    rf"|[\u4e00-\u9fff]{{2,3}}{POST}"
)
"""A leader's cell with the post: 王五（副县长）, 李明（县委常委、常务副县长）, 副县长王五
(h18c)."""
SHORT_NAME = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}")
"""One of several people of one cell (张三、李四): a common surname and one or two characters
(水利、交通 is no list of people)."""

# The columns of a 任务分工表 and the clause words they become.
TABLE_COLUMNS = {
    "number": (r"^\s*(?:序号|序號|编号|編號|任务项|任務項|项次|項次)\s*$", ""),  # h18i: 任务项
    "leader": (
        r"领导|領導|^(?:具体)?责任人$|^(?:具體)?責任人$",
        "牵头领导",
    ),  # people (h18g: 责任人)
    "lead": (r"牵头|牽頭|主办|主责|主責", "牵头单位"),
    "main": (r"^(?:责任主体|責任主體)", "责任单位"),  # 责任主体与协同单位 (w-import-round2)
    "cooperate": (
        r"配合|协办|協辦|参与|參與|协同|協同|参加|參加|协作|協作|协助|協助",
        "配合单位",
    ),  # h18m
    # h18an: 监督电话 is a telephone number, not a supervising unit (招远 2022)
    # h18bh: 重点督办内容 (西城 2020) is what is supervised, the work: not a supervising unit
    "supervise": (r"(?:监督|監督)(?!电话|電話)|督办(?!内容|事项)|督导|督導", "监督单位"),
    # h18a: 考核项目 / 考核指标 / 考核内容 are what is assessed, not who assesses; h18bi: so is
    # 评分标准 (石城 2018: the scoring criteria), not 评分部门
    "assess": (
        r"(?:评分|評分)(?!标准|標準|细则|細則|办法|辦法)"
        r"|^考核(?:单位|單位|部门|部門)?$|考核(?:单位|單位|部门|部門)",
        "考核单位",
    ),
    "responsible": (
        r"责任单位|責任單位|责任部门|責任部門|承办|落实单位|责任科室|責任科室|负责科室|負責科室"
        r"|负责单位|負責單位|负责部门|負責部門|承担单位|承擔單位|实施单位|實施單位"  # h18m
        r"|^责任清单$|^責任清單$"  # h18y: 任务清单 | 责任清单 | 时限清单 (长兴太湖 防汛)
        # h18bl: 项目业主, the body building a project under its coordinating department
        r"|业主|業主",
        "责任单位",
    ),
    "deadline": (
        r"时限|時限|完成时间|完成時間|期限|时间节点|截止时间|截止時間"  # h18x: 截止时间
        # h18c: 时间进度 / 进度安排 / 时间安排 (四川遂宁 2016): when, not how far
        r"|时间进度|時間進度|进度安排|進度安排|时间安排|時間安排|进度要求|進度要求"
        # h18j: 目标进度 (宁波江北 2023: the only time column of the table; SOURCES.md)
        r"|目标进度|目標進度"
        # h18l: 年度阶段性工作目标 by quarters (广州 2023; SOURCES.md h18k)
        r"|阶段性工作目标|階段性工作目標",
        "完成时限",
    ),
}


# h18x: 责任处室 (a department's office in charge) is a 责任单位 column; h18bf: so are
# 责任股室(单位) (a county bureau's 股室) and 落实科室(部门) (第二十二批): who carries the row out
TABLE_COLUMNS["responsible"] = (
    TABLE_COLUMNS["responsible"][0]
    + "|责任处室|責任處室|责任股室|責任股室|落实科室|落實科室|落实部门|落實部門",
    "责任单位",
)


def column_kind(word: str) -> str:
    """The kind of a header's column (number, lead, deadline …; text when none)."""
    word = PINYIN_NOTE.sub("", word)  # h18p: 工作進(jìn)度安排, a converter's pinyin
    word = re.sub(r"\s+", "", word)  # h18bh: 完 成 时 限, 分 管 县领导 (国办 2016, 南陵 2024)
    for kind, (pattern, _) in TABLE_COLUMNS.items():
        if re.search(pattern, word):
            return kind
    return "text"


ROLE_KINDS = {"lead", "responsible", "cooperate", "supervise", "assess", "main"}
ROLE_LABELS = {
    "lead": "牵头单位",
    "responsible": "责任单位",
    "main": "责任单位",
    "cooperate": "配合单位",
    "supervise": "监督单位",
    "assess": "考核单位",
}
"""The label a role column's cells are written under when a row is rewritten as an item and its
clause (the label words the clause parser reads)."""
CELL_BAR = re.compile(r"[|｜\t]|[ \u3000]{2,}")
"""What parts a flattened table's cells: a bar, a tab or a run of spaces."""


def cell_type(cell: str) -> str:
    """unit, date, person, number or text."""
    folded = simplified(PINYIN_NOTE.sub("", cell)).strip().lstrip("★☆▲*")
    bare = re.sub(r"\s+", "", folded)
    if re.fullmatch(arabic(), bare):
        return "number"
    if _counted_work(bare):
        return "text"
    # h18j: a time cell may end in 。 (2月開工,年內完成主體結構8層以上。, 宁波江北 2023)
    if len(bare) <= 25 and DATE_WORDS.search(bare) and "。" not in bare.removesuffix("。"):
        return "date"
    # h18j: 泵站改造3月開工,7月完工,東大河整治工程10月開工。: each step of the cell has its time
    steps = [p for p in re.split(r"[,，]", bare.removesuffix("。")) if p]
    if (
        len(bare) <= 80
        and "。" not in bare.removesuffix("。")
        and len(steps) >= 2
        and all(DATE_WORDS.search(p) for p in steps)
    ):
        return "date"
    if SPACED_PAIRS.match(folded.strip()):  # 陆 明俞 悦: two spaced names run together (h18g)
        return "person"
    if PERSON.match(bare) and not CELL_END.search(bare) and len(folded.split()) <= 2:
        spaced = " " in folded.strip()
        # h18bf: two characters unspaced are a name with its surname first (广电 is a group)
        named = len(bare) == 3 or (len(bare) == 2 and bare[0] in SURNAMES)
        return "person" if spaced or named else "text"
    if POSTED.fullmatch(bare) or all(
        SHORT_NAME.fullmatch(n) and not CELL_END.search(n) for n in re.split(r"[、，,]", bare)
    ):
        return "person"  # 王五（副县长） / 副县长王五 / 张三、李四 (h18c)
    # 市财政局等: a list that ends "and others" is still a list of units (h18f)
    # h18f: a cell may end its list with 。, and a long list is still a list (10 units)
    listed = bare.removesuffix("。")
    pieces = [n.strip().lstrip("★☆▲*") for n in re.split(r"[、，,；;]", listed) if n.strip()]
    # h18i: 各镇乡(街道) (诸暨 2023): a name's closing bracket is no end of a name
    names = [re.sub(r"(?:等|[（(][^（）()]{1,8}[)）])$", "", n) for n in pieces]
    if (
        names
        and len(listed) <= (80 if len(names) < 4 else 240)
        and "。" not in listed
        and (CELL_END.search(names[-1]) or names[-1].startswith("各"))
        and not any(VERB_START.match(n) for n in names)  # h18j: 成功创建首批…美丽城镇
        # 各县、市、区政府: a group's pieces between its 、
        and all(CELL_END.search(n) or len(n) <= 2 or n.startswith("各") for n in names)
    ):
        return "unit"
    return "unit" if role_cell(cell.strip()) else "text"  # h18ae: 办公室牵头,各科室配合


YEAR_ROUND = re.compile(r"全年|年内|每年|当年")
COUNTED = re.compile(
    r"(?:不少于|不低于|达到|超过)\s*\d|\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:场次|场|次|个|件|家|座|人次|项|户)"
)


def _counted_work(bare: str) -> bool:
    """h18bf: 全年组织开展文化下乡等惠民演出不少于100场。 (略阳 2019): a sentence whose only time
    is the year round and that counts what is done is the work, not its deadline."""
    return (
        bare.endswith("。")
        and len(bare) >= 10
        and COUNTED.search(bare) is not None
        and YEAR_ROUND.search(bare) is not None
        and DATE_WORDS.search(YEAR_ROUND.sub("", bare)) is None
    )


def _fit(kind: str, typed: str) -> float:
    """The cost of a cell of type ``typed`` under a column of ``kind``."""
    if kind in ROLE_KINDS:
        return {"unit": 0.0, "person": 4.0, "text": 5.0}.get(typed, 8.0)
    if kind == "deadline":
        return {"date": 0.0, "text": 5.0}.get(typed, 8.0)
    if kind == "leader":
        return {"person": 0.0}.get(typed, 6.0)
    return {"text": 0.0, "unit": 1.0, "person": 1.5, "date": 2.0}.get(typed, 3.0)


EMPTY = 0.3
"""A column the row leaves empty (a merged cell, a short row)."""
MAIN_EMPTY = 1.5
"""The first text column (the task) left empty."""
SKIP = 2.5
"""A cell that fits no column (kept at the end of the row's text)."""


def _joined(kind: str, typed: str, column: int) -> float:
    """Another cell under a column that already has one (earlier columns first on a tie)."""
    if kind in ROLE_KINDS and typed == "unit":
        return 0.5 + 0.01 * column
    if kind == "text" and typed in ("text", "unit", "date"):
        return 1.0 + 0.01 * column
    return 4.0


def align(
    cells: list[str], kinds: list[str], main: int | None = None
) -> tuple[list[list[str]], list[str]]:
    """The cells under each column (in order) and the cells that fit none; ``main`` is the
    column of the row's own work (the first text column unless the header says otherwise)."""
    typed = [cell_type(c) for c in cells]
    width, count = len(kinds), len(cells)
    if main is None:
        main = kinds.index("text") if "text" in kinds else -1
    # the task's own text is seldom the empty cell: 召开工作推进会 stays the task, not a unit
    empty = [MAIN_EMPTY if k == main else EMPTY for k in range(width)]
    inf = float("inf")
    # best[i][j]: cost of placing cells[:i] with column j the last one opened (j = -1: none)
    best: dict[tuple[int, int], float] = {(0, -1): 0.0}
    back: dict[tuple[int, int], tuple[int, int, str]] = {}
    for i in range(count + 1):
        for j in range(-1, width):
            here = best.get((i, j), inf)
            if here == inf or i == count:
                continue
            moves: list[tuple[int, int, float, str]] = []
            if j >= 0:
                moves.append((i + 1, j, _joined(kinds[j], typed[i], j), "join"))
            for k in range(j + 1, width):
                skipped = sum(empty[j + 1 : k])
                moves.append((i + 1, k, skipped + _fit(kinds[k], typed[i]), "open"))
            moves.append((i + 1, j, SKIP, "skip"))
            for ni, nj, cost, how in moves:
                total = here + cost
                if total < best.get((ni, nj), inf) - 1e-9:
                    best[(ni, nj)] = total
                    back[(ni, nj)] = (i, j, how)
    end = min(range(-1, width), key=lambda j: (best.get((count, j), inf) + sum(empty[j + 1 :]), j))

    columns: list[list[str]] = [[] for _ in kinds]
    stray: list[str] = []
    state = (count, end)
    while state[0] > 0:
        i, j, how = back[state]
        if how == "skip":
            stray.append(cells[i])
        else:
            columns[state[1]].append(cells[i])
        state = (i, j)
    for column in columns:
        column.reverse()
    stray.reverse()
    return columns, stray


def aligned_row(
    cells: list[str], kinds: list[str], strays: list[str] | None = None, main: int | None = None
) -> list[str]:
    """One cell a column: several units of one column joined with 、 (glued names parted),
    several texts with ；, and the cells that fit none at the end of the first text column."""
    parts = _restarts(cells, kinds)
    if len(parts) > 1:  # h18i: one row holding two lines of the table (大竹 2016, 第5项)
        pieces = [aligned_row(parts[0], kinds, strays)]
        for part in parts[1:]:  # h18j: a line starting with its unit leaves 項目 merged above
            skip = kinds.index("text") + 1 if cell_type(part[0]) == "unit" else 0
            pieces.append([""] * skip + aligned_row(part, kinds[skip:], strays))
        sep = ["、" if kind in ROLE_KINDS else "；" for kind in kinds]
        return [sep[i].join(p[i] for p in pieces if p[i]) for i in range(len(kinds))]
    columns, stray = align(cells, kinds, main)
    row: list[str] = []
    for kind, column in zip(kinds, columns, strict=True):
        if kind in ROLE_KINDS:
            row.append("、".join(GLUED.sub("、", c.strip()) for c in column))
        else:
            row.append("；".join(c.strip() for c in column))
    if stray:
        if strays is not None:
            strays.extend(stray)
        text = next((i for i, k in enumerate(kinds) if k == "text"), 0)
        row[text] = "；".join([*(p for p in [row[text]] if p), *stray])
    return row


def _restarts(cells: list[str], kinds: list[str]) -> list[list[str]]:
    """h18i: the cells of a row that runs on over a second line of its own (a merged 序号 and
    unit cell: 开工建设县老年养护楼。/ 县民政局 / 5月底前动工 / 开工建设老年大学。/ 12月底前): a
    text cell after a deadline cell starts the second line, when no text column follows the
    table's first column of units or deadlines."""
    first = next((i for i, k in enumerate(kinds) if k in ROLE_KINDS or k == "deadline"), None)
    if first is not None and "deadline" not in kinds:
        return _merged_unit_lines(cells, kinds, first)
    if first is None or "deadline" not in kinds:
        return [cells]
    typed = [cell_type(c) for c in cells]
    if "text" in kinds[first:]:
        cuts = _unit_restarts(typed) if kinds[first] in ROLE_KINDS else []
    else:
        cuts = [
            i
            for i in range(1, len(cells))
            if typed[i] == "text" and typed[i - 1] == "date" and "date" in typed[i + 1 :]
        ]
    if not cuts or typed[0] != "text":
        return [cells]
    edges = [0, *cuts, len(cells)]
    return [cells[a:b] for a, b in pairwise(edges)]


def _merged_unit_lines(cells: list[str], kinds: list[str], first: int) -> list[list[str]]:
    """h18ap: a row whose one column of units comes last and spans the lines below it (临安
    2022, written a cell a line: 项目内容 / 进展情况 / 卫生健康局 / 新增托位500个。/ 新增600个。…):
    after the unit, each run of as many texts as the text columns is one more line of them."""
    width = first  # the text columns before the units
    rest = len(cells) - width - 1
    if (
        first != len(kinds) - 1
        or width < 1
        or any(k != "text" for k in kinds[:first])
        or rest < width
        or rest % width
        or cell_type(cells[width]) != "unit"
        or any(cell_type(c) not in ("text", "date") for c in cells[:width] + cells[width + 1 :])
    ):
        return [cells]
    lines = [cells[: width + 1]]
    lines += [cells[at : at + width] for at in range(width + 1, len(cells), width)]
    return lines


def _unit_restarts(typed: list[str]) -> list[int]:
    """h18j: a merged project whose lines each name their unit, work and time (宁波江北 2023:
    項目 / 單位 / 內容 / 投資 / 進度, then 單位 / 內容 / 投資 / 進度 on the next line): a unit
    after the line's time cell starts the next line."""
    cuts, timed = [], False
    for i in range(1, len(typed)):
        if typed[i] == "date":
            timed = True
        elif typed[i] == "unit" and timed and typed[i - 1] != "unit":
            cuts.append(i)
            timed = False
    return cuts


def unit_runs_on(cell: str, line: str) -> bool:
    """h18j: a unit's name a page broke over two lines (區新興產業 / 服務中心, 宁波江北 2023): a
    short piece that starts with its place and is no unit, and the two together are one."""
    bare, line = PINYIN_NOTE.sub("", cell), PINYIN_NOTE.sub("", line)
    pieces, after = LIST_BREAK.split(bare), LIST_BREAK.split(line)
    if len(pieces) > 2 and all(cell_type(p) == "unit" for p in pieces[:-1]):
        # h18ap: a list of units cut inside its last name (…区交通局、莲都邮 / 政管理局、…)
        return cell_type(pieces[-1]) != "unit" and cell_type(pieces[-1] + after[0]) == "unit"
    return (
        re.fullmatch(r"[區区市县縣省镇鎮][\u4e00-\u9fff]{1,7}", bare) is not None
        and cell_type(bare) == "text"
        and cell_type(line) == "unit"
        and cell_type(bare + line) == "unit"
    )


LIST_BREAK = re.compile(r"[、，,；;]")
