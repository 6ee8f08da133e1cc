"""What a unit's name looks like: the one reader (branch h18bb, issue 18).

The import reads names of units in many places (a cell, a clause's list, a glued row, a label
without its colon, a long bracket, the names after 会同, a heading, the text before a bracket).
Each used to keep its own list of the words a unit's name ends with, and the lists drifted: one
knew 海关总署 ends as a unit's name does (署), another did not. Here is the one list, in parts,
and the few variants a context needs, each saying why it differs. The patterns read folded text
(:func:`duban.plan_import.chinese.simplified`): traditional forms are not listed.

Groups of levels of government (各县、市、区政府, 各市（州）、县（市、区）, 相關市、縣政府) are read
here too (:func:`name_pieces`): a list of names cut at its 、 keeps such a group whole.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.leader_names import split_outside_brackets

WORDS = (
    "委员会|委会|联合会|协会|工会|商会|学会|研究会|研会|红十字会|办事处|办公室|人民政府|政府|中心|单位|部门|街道"
    "|机构|专班|集团|公司|分行|支行|银行|海关|总署|法庭|电视台|气象台|电台"
)
"""Whole words that end a body's name (the 会 of 工会, the 行 of 银行, the 署 of 总署; h18bf: a
研究会 also abbreviated 研会, 羌研会)."""
BODY = "局处室所办委部院厅馆站队府镇乡组司科股社联"
"""One character that ends a body's name and seldom an ordinary phrase (镇 and 乡 do end 小城镇
and 城乡, but a text ending so before a bracket is a town's name: 各乡镇（街道）)."""
LOOSE = "会行关署庭"
"""One character that ends a body's name (市交委会, 农发行, 海关, 审计署, 法庭) but also ordinary
phrases a task's words end with (大会, 执行, 攻关, 部署, 家庭): read in a list of names, not in a
text that may be a task's words."""
PLACES = "省市县区州旗盟"
"""The places of government (某某市, 各县、市、区): a name of a level, not of a body."""
ZONES = "新城|科技城|园区|[业技创]园"
"""A development zone named as its body (a cell of a 任务分工表: 某某科技城)."""

NAME_WORD = rf"(?:{WORDS}|[{BODY}{LOOSE}])"
"""The end of a name in a list of names (a clause's names, a bracket of names, the names after
会同, a piece before 和), to end a name inside a longer pattern (…等部门筛选)."""
NAME_END = re.compile(rf"{NAME_WORD}$")
"""A name in a list of names ends so."""
TEXT_END = re.compile(rf"(?:{WORDS}|[{BODY}])$")
"""A text that may be a task's words names a body only when it ends with a word no ordinary
phrase ends with (召开动员大会, 抓好部署 end as phrases, not as 会 or 署)."""
CELL_END = re.compile(rf"(?:{WORDS}|{ZONES}|[{BODY}区县])$")
"""A whole cell of a table names units when it ends so: a text's end, with the districts and
counties and zones a cell of units names (某某区, 某某县, 某某新城); not 市, a cell of work ends
with 城市 (建设海绵城市)."""
PLACE_END = re.compile(rf"(?:{WORDS}|[{BODY}{LOOSE}{PLACES}])$")
"""Ends like a unit or a place of government: a piece of a long bracket of names (各地区), the
first name after a label without its colon (市 / 县 / 区 governments)."""
LABELLED_END = re.compile(
    rf"(?:{WORDS}|社区|村|团|厂|企业|学校|园|街|[{BODY}{LOOSE}{PLACES}])(?:等)?$"
)
"""What may stand after a role label written without its colon (label_colons): anyone a label
names is who does the task, a village, a community, a school, a company (h18ap: 仁兴街)."""
GENERIC_WORDS = ("单位", "部门", "机构")
"""Words that end any body's name, not only an office's (用人单位, 有关部门, 培训机构)."""
OFFICE_NAME_END = re.compile(
    rf"(?:{'|'.join(w for w in WORDS.split('|') if w not in GENERIC_WORDS)}"
    rf"|社区|村|协|台|[{BODY}{LOOSE}])$"
)
"""h18cc: ends as an office's name does (市科协, 某某村, 镇政府), not as any body's: the broad
reading of roles (broad_roles) takes a name with no level or place before it only so, since
用人单位 / 施工企业 in a sentence are who is regulated, not who is charged."""
HEADING_END = re.compile(
    r"(?:局|委|办|厅|中心|政府|管委会|办事处|街道|公司|集团|社|所|院|队|站|部)$"
)
"""A section's heading that is a unit's name (一、县发展和改革局): narrower than a text's end,
since headings end with 落到实处 (处), 统筹城乡 (乡), 小城镇 (镇), 召开动员大会 (会)."""
GLUED_FIRST = re.compile(
    r"^[\u4e00-\u9fff]{2,24}?(?:委员会|管委会|办事处|办公室|中心|政府"
    r"|委|局|办|厅|院|队|站|部|所|公司|集团)"
)
"""The shortest name that opens a glued run of text (glued_rows: ``区发展改革委西城区地区…``):
no place (西城区发改委 would be cut at 西城区) and no ending common inside names (处, 科, 会)."""
GLUED_LAST = (
    r"(?:委员会|管委会|办事处|办公室|人民政府|政府|中心|单位|部门|街道|委|局|办|厅|院|队|站"
    r"|部|所|公司|集团|县|区|市|镇|乡|室|会|社|[妇残侨文]联|工商联)"
)
"""The end of a name in the units column that ends a glued progress row (glued_tail_units):
counties and districts are its units (团风县、英山县人民政府), and the first of two glued cells is
cut at the shortest such name (市住建委团风县)."""
OFFICE_END = r"(?:处|局|厅|司|室|办|委|中心|部|科|股)"
"""An office's name before 会 (宣传处会办公室: X会同Y / X会办Y): only the endings after which 会
cannot be part of the name (not 社会, 大会 …)."""
ISSUER_END = re.compile(r"(?:政府|办公室|办公厅|委员会|局|厅|委|部|院|办|中心|公司)$")
"""A plan's issuer at its head or signature: the bodies that issue plans."""
PLACED = re.compile(rf"^[{PLACES}][\u4e00-\u9fff]{{2,10}}$")
"""县委党校: a body of a level of government, though its name ends in no word of a unit's."""

SITE = (
    r"(?:社区|小区|校区|景区|街区|片区|辖区|住宿区|住宅区|生活区|宿舍区|家属区|商场|广场|花园|公园)"
)
"""h18ah: the end of a site's name (a housing estate, a scenic area, a mall): the place where
work is done or a problem was found, not a body that answers for it (市人民商场住宿区:…)."""


GENERIC = {"单位", "部门", "机构", "企业"}
STREETS = {"街道办事处", "街道", "办事处"}
TOWNS = re.compile(
    r"(?:乡镇|乡|镇|社区|村|(?:开发|工业|产业)?园区|开发区)(?:[（(][^（）()]{1,6}[）)])?"
)
"""h18r: 各开发区、镇(街道) / 各县区、乡镇: a bare level of place after a 各 group is its (h18bp:
各县区、开发园区, 马鞍山 2021: a kind of zone, not one zone's name)."""


SUBORDINATE = re.compile(r"^(?:委属|局属|厅属|所属|下属|直属)[\u4e00-\u9fff]{0,6}(?:单位|部门)$")
"""h18bf: 各股室、委属部门单位 (略阳 2019, 第二十二批): a class of the body's own subordinates
after a 各 group is the 各's too, one group (a named body after it is not: 各科室、医疗保障事业
管理中心 are two)."""


def name_pieces(text: str, separators: str = "、，,；;") -> list[str]:
    """The pieces of a list of names cut at ``separators`` outside brackets, a group of levels
    of government kept whole (:func:`group_phrases`)."""
    return group_phrases(split_outside_brackets(text, separators))


def place_in_brackets(piece: str) -> str:
    """各县(市)、区人民政府: the piece 县(市) before the 、 is one place with its variants in
    brackets (one character each), read as the bare place; any other bracket stays (各镇（街道）
    names towns and their 街道, a group of its own)."""
    match = re.fullmatch(r"(.+?)[（(]([^（）()]*)[）)]", piece)
    if match and all(len(p.strip()) == 1 for p in re.split(r"[、，,]", match.group(2))):
        return match.group(1)
    return piece


def _levels_run_on(piece: str, after: str) -> bool:
    """h18bp: 各县市、区政府 (嘉兴): two levels after 各 (县市, 县区) run on into the next piece
    when it is a level's government too (区政府), one group; 各县区、市财政局 stays two."""
    folded = simplified(piece.strip())
    return bool(
        re.fullmatch(rf"各[{PLACES}]{{2}}", folded)
        and re.fullmatch(rf"[{PLACES}]{{1,2}}(?:人民)?政府", simplified(after.strip()))
    )


def group_phrases(pieces: list[str]) -> list[str]:
    """各县、市、区政府 is one group, not three units: a piece of one character (after 各) runs
    on into the next piece, with its 、."""
    joined: list[str] = []
    carry = ""
    for index, piece in enumerate(pieces):
        # h18i: 市直有关部门、单位 (威海 2023): a bare 单位 after a group's 部门 is that group's
        # and 各乡镇人民政府、街道办事处 (谯城 2025): the 各 is the streets' too
        after_each = joined and simplified(joined[-1].strip()).startswith("各")
        bare = simplified(piece.strip())  # h18x: 市直有關部門、單位 in traditional too
        after_each = after_each and (
            bare in STREETS or bool(TOWNS.fullmatch(bare)) or bool(SUBORDINATE.match(bare))
        )
        if after_each or (
            bare in GENERIC
            and joined
            # h18bt: A、B等部门、单位配合 (潍坊): the 单位 is the open list's words too
            and re.search(r"有关|相关|^各|等[^、，,]{0,4}部门$", simplified(joined[-1].strip()))
        ):
            joined[-1] = joined[-1].rstrip() + "、" + piece.strip()
            continue
        if carry and simplified(piece.strip()).startswith("各"):
            joined.append(carry)  # 各区、各部门: two groups
            carry = ""
        if carry:
            piece = carry + "、" + piece.strip()
            carry = ""
        last = piece.rsplit("、", 1)[-1].strip().removeprefix("各")
        last = re.sub(r"^(?:相关|相關|有关|有關)(?=.$)", "", last)  # h18s: 相關市、縣政府 (黑龙江)
        last = place_in_brackets(last)  # 各县(市)、区人民政府 (h18g)
        if len(last) == 1 and "\u4e00" <= last <= "\u9fff":
            carry = piece.strip()
            continue
        if _levels_run_on(piece, pieces[index + 1] if index + 1 < len(pieces) else ""):
            carry = piece.strip()
            continue
        joined.append(piece)
    if carry:
        joined.append(carry)
    return joined
