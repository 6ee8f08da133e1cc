"""Who does a numbered step, said in the sentences of its paragraph (h18ax, issue 18).

A State Council plan's 实施步骤 and 保障措施 carry no bracket: each step names its actors in its
sentences. ``X会同A、B等部门筛选确定`` (X leads, A and B cooperate: SOURCES.md 第十三批; X
supervises when what they do is to guide, 对…进行指导, and assesses when it is to evaluate,
组织开展…评估), ``Y负责编制…`` / ``Y是…责任主体`` / ``Y要…`` (Y is responsible: the sentence's
subject, 第十七批), ``2021年3月底前，Y对…`` (a dated sentence's subject), ``…由Z推荐`` (Z carries
it out). Not recorded: the office a report is sent to or that approves it (报送X，经X会同…评审:
those sentences do not open with a unit), the objects of 鼓励 / 支持 / 引导.

A reading of last resort (subject_units.subject_clause, after the first sentence's subject):
only after a heading sentence (sentence_items.TITLE_SENTENCE), and only when some sentence names
its actor in one of the firm forms (会同, 负责, 责任主体, a dated sentence, 由): a paragraph whose
only actors are urged (局综合科要建立…, 各地要高度重视…) is not read as a step here.
"""

from __future__ import annotations

import re

from duban.plan_import.cell_rows import ROLE_LABELS
from duban.plan_import.chinese import simplified
from duban.plan_import.leading_by import GENERAL, unit_name
from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.sentence_items import TITLE_SENTENCE
from duban.plan_import.unit_names import NAME_WORD, name_pieces

NAMES = r"[^。；;：:，,\n（(“《]{2,80}?"
DATED = re.compile(
    r"^(?:到|在)?(?:[0-9]{4}年)?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:底|中旬|上旬|下旬)?|上半年|下半年"
    r"|年底|年内|第?[一二三四]季度)?(?:前|底前|以前)?[，,]"
)
"""2021年3月底前， / 2019年上半年， / 年底前，: a time the sentence opens with."""
EXHORTED = re.compile(
    r"(?:要|应当|应|须|必须|务必)?\s*(?:高度重视|充分认识|提高认识|统一思想|切实加强|加强(?:组织)?领导|认真贯彻"
    r"|认真落实|认真组织|精心组织|密切配合|通力协作|结合实际|按照本方案|根据本方案|参照本方案)"
)
"""各村要高度重视,认真落实 / 各乡镇要加强组织领导: the plan's closing call, not a task's work."""
URGED = re.compile(r"^(?:鼓励|支持|引导|推动|倡导|欢迎)")
AFTER_OTHERS = re.compile(r"^(?:经|报|由[^。；;，,]{2,40}审|向|送)")
"""经X会同…评审 / 报送X: the office that approves or receives, not who carries the step out."""
TOGETHER = re.compile(rf"^(?P<lead>{NAMES})会同(?P<others>[^。；;，,\n]{{2,300}})")
LAST_NAME = re.compile(
    rf"^(?P<name>.+?{NAME_WORD})"
    r"(?=等|对|组织|共同|联合|筛选|研究|制定|组建|建立|开展|进行|负责|指导|评估|审核|推荐)"
)
"""The last of the names after 会同, before what they do (国家邮政局等部门筛选确定)."""
FIRM = re.compile(rf"^(?P<names>{NAMES})(?:负责|是[^。；;，,]{{0,30}}?责任主体)")
URGING = r"要(?!求)|应当|应(?!用|急|对)|须|必须"
"""The words that urge a subject to act (县财政局要… / 各乡镇应…; not 要求, 应用, 应急, 应对)."""
URGED_SUBJECT = re.compile(rf"^(?P<names>{NAMES})(?:{URGING})")
DATED_SUBJECT = re.compile(
    rf"^(?P<names>{NAMES})(?=对|印发|完成|开展|制定|组织|建立|出台|提交|报送|编制|实施)"
)
BY = re.compile(  # h18cb: 由X根据…核定 too
    rf"^[^。；;，,由]{{0,20}}由(?P<names>{NAMES})(?:根据[^。；;，,]{{0,30}}?)?"
    r"(?:推荐|负责|组织|申报|审核|核定)"
)
ASSISTING = re.compile(
    r"^(?P<names>(?:[^。；;：:，,\n（(“《]|[（(][^（()）\n]{1,8}[）)]){2,60}?)(?:受[^。；;，,]{2,40}?委托)?(?=[，,]?协助)"
)
"""h18cb: 居(村)委会受街道办事处的委托,协助做好… / X协助…: X cooperates (协助单位, 第十七批)."""
HEADING_LINE = re.compile(r"[ \t\u3000]*[^。；;，,：:！？!?\n]{4,40}\n(?=[ \t\u3000]*\S)")
"""h18cb: 加强街道社会救助队伍建设 / its paragraph on the next line: a heading with no 。."""


def _units(names: str) -> list[str] | None:
    """The units a list of names is (an open list's tail taken off), or None if one is not."""
    if re.match(r"每[个一]", names):  # h18cb: 每个居委会应配备2名…: a standard, not an actor
        return None
    pieces = [p.strip() for p in name_pieces(names, "、") if p.strip()]  # 区、县政府 is one
    units = [unit_name(re.sub(OPEN_SUFFIX, "", p) or p) for p in pieces]
    return [u for u in units if u] if pieces and all(units) else None


def _together(sentence: str) -> tuple[str, list[str], list[str]] | None:
    """X会同A、B…: (X's role, [X], [A, B …]), or None."""
    match = TOGETHER.match(sentence)
    lead = unit_name(match.group("lead")) if match else None
    if match is None or lead is None:
        return None
    pieces = match.group("others").split("、")
    last = LAST_NAME.match(pieces[-1])
    if last is None:
        return None
    others = _units("、".join([*pieces[:-1], last.group("name")]))
    if not others:
        return None
    act = pieces[-1][last.end() :]
    role = "supervise" if "指导" in act else "assess" if re.search("评估|考核", act) else "lead"
    return role, [lead], others


def _subject(piece: str, dated: bool) -> tuple[list[str], bool] | None:
    """The units a piece names as its subject, and whether the form is firm (负责, 责任主体,
    由…, a dated piece) or only urged (要 / 应: a unit urged alone does not make a paragraph a
    step, 6.强化制度建设。局综合科要建立… is an item a table below restates; a call to the plan's
    readers, 要高度重视, names no actor)."""
    forms = [(FIRM, True), (BY, True), (URGED_SUBJECT, False)]
    forms += [(DATED_SUBJECT, True)] if dated else []
    for pattern, firm in forms:
        match = pattern.match(piece)
        units = _units(match.group("names")) if match else None
        if match and units and not any(GENERAL.match(unit) for unit in units):
            if pattern is URGED_SUBJECT and EXHORTED.match(piece, match.end("names")):
                return units, False
            return units, firm
    return None


def step_actors(text: str) -> tuple[int, int, str, str] | None:
    """The actors the sentences of a step name after its heading sentence: (start, start, the
    clause as the parser reads it, ``牵头单位:X；配合单位:A、B；责任单位:Y``, the pieces of the
    sentences that name them as written, ``……`` between), or None."""
    folded = simplified(text)
    title = TITLE_SENTENCE.match(folded) or HEADING_LINE.match(folded)
    if title is None:
        return None
    roles: dict[str, list[str]] = {}
    firm = False

    def add(role: str, units: list[str]) -> None:
        for unit in units:
            if unit not in roles.setdefault(role, []):
                roles[role].append(unit)

    dated, read = False, []
    for assisting in re.finditer(r"(?:^|(?<=[。；;\n]))[^。；;\n]+", folded[title.end() :]):
        helper = ASSISTING.match(assisting.group(0).strip(" \t\u3000"))
        if helper and (helpers := _units(helper.group("names"))):
            add("cooperate", helpers)
    for found in re.finditer(r"[^。；;\n，,]+", folded[title.end() :]):
        piece = found.group(0).strip(" \t\u3000")
        at = title.end() + found.start() + found.group(0).find(piece)
        when = DATED.match(piece + "，")
        if when and when.end() > 1 and when.end() == len(piece) + 1:
            dated = True  # 2021年3月底前，: the next piece's subject acts by then
            continue
        if URGED.match(piece) or AFTER_OTHERS.match(piece):
            dated = False
            continue
        units = None
        if together := _together(piece):
            add(together[0], together[1])
            add("cooperate", together[2])
            firm = True
        elif units := _subject(piece, dated):
            add("responsible", units[0])
            firm = firm or units[1]
        if together or units:
            read.append(text[at : at + len(piece)])
        dated = False
    if not firm:
        return None
    clause = "；".join(f"{ROLE_LABELS[role]}:{'、'.join(units)}" for role, units in roles.items())
    return title.end(), title.end(), clause, "……".join(read)
