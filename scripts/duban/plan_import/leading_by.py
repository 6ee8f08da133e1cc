"""Assignments that open the task's sentence with 由 (branch h18s, issue 18: forms never seen).

Offices often put who does a task before what is to be done, not in a bracket or a label at the
end: ``由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成…`` (a line under each numbered
item), ``整改要求:由包片单位县气象局负责清除。`` (an 整改 list), ``由A、B负责对…开展…``. The
names between 由 and the first 负责 / 牵头 are the units in charge (a leader's name with a post,
``杨志武副市长``, is a leader; a description before a unit's name, ``包片单位县气象局``, is no
part of it); the ``A牵头,B配合`` pieces right after it are read as such a bracket's. The words
after the verb (清除… / 对…开展…) are the task, not names.

A later sentence of the same text, ``县双创办对上述工作开展实效进行抽查``, names who checks the work
(h18ag): it supervises.

This is the reading of last resort for a task's text: a bracket, a label or a closing sentence
found anywhere in it wins.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.role_sentences import PROPOSE, prose_verb, together_with
from duban.plan_import.unit_names import NAME_END, PLACED, PLACES, SITE, TEXT_END

BY = re.compile(
    r"(?:^|(?<=[\n。；;：:，,]))[ \t\u3000]*(?:具体|统一|均|分别|并)?"
    r"由(?P<names>[^。；;：:\n由]{2,200}?)"  # h18au: 15 units (四川 2014)
    r"(?:全面|具体|直接)?"  # h18bv: 由X全面负责 (蓝田 2013): how fully, no part of the name
    rf"(?P<verb>牵头负责|牵头|负责|承办|组织实施|{PROPOSE}|落实)"
)
"""由 at the start of a clause (a line, a sentence, after a label or a comma), its names and
the first verb after them."""
BARE = re.compile(
    r"(?:^|(?<=[\n。]))[ \t\u3000]*(?P<names>[^。；;：:\n，,（(]{2,60}?)"
    r"(?P<verb>牵头负责|牵头|负责)"
    r"(?=[，,。；;\n]|$|组织|实施|落实|推进|做好|抓好)"
)
"""h18s: the same without 由, at the start of a line or a sentence (县住建局牵头，县财政局配合，年内
完成… / 县住建局负责组织实施，…): the names must all be units or leaders."""
POST = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3}?)[ \u3000]?(?P<post>(?:常务)?副?(?:省长|市长|州长|区长|县长|"
    r"镇长|乡长|主席|书记|盟长|旗长)|(?:秘书长|副秘书长))$"
)
"""杨志武副市长: a leader's name and post (the post is no part of the name)."""
DESCRIBED = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,10}?(?:单位|部门)|所?涉及的|所涉)(?=[\u4e00-\u9fff]{3,}$)"
)
"""包片单位县气象局 / 陈家坝沿线包片单位县职教中心: a description ending in 单位 before the name;
h18au: 由所涉及的省政府办公厅、…牵头 (the units concerned, 四川 2014)."""
OVERSIGHT = re.compile(r"跟踪|督办|督查|考核|汇总|调度|通报")
"""The verbs after 负责 that say who follows an item up (h18f keeps these no assignment)."""
GENERAL = re.compile(
    r"^(?:各|有关|相关|其他|其他有关)(?:地|级|地区|地方|部门|单位|有关部门|相关部门|有关单位|"
    r"部门单位|成员单位|级各部门|地各部门|级各类|方)?$"
)
"""各地 / 各级各部门 / 有关单位 …: a call to everyone, not an assignment."""


def unit_name(piece: str) -> str | None:
    """The unit's name a piece of the names is (without a description before it), or None."""
    piece = piece.strip()
    if "等" in piece and (named := re.sub(OPEN_SUFFIX, "", piece)) != piece:
        return piece if unit_name(named) else None  # h18au: A等省级主管部门（单位）: open list
    bare = DESCRIBED.sub("", piece)
    if bare != piece and TEXT_END.search(bare):
        return bare
    if TEXT_END.search(piece) or piece.startswith(("各", "相关", "有关")):
        return piece
    return piece if PLACED.match(piece) and not re.search(f"{SITE}$", piece) else None


def leading_by(text: str) -> tuple[int, int, str] | None:
    """The first 由…负责 clause of the text (simplified or not): (start, end, the clause as the
    clause parser reads it), or None when the names are not all units or leaders."""
    folded = simplified(text)
    by = list(BY.finditer(folded))
    for match in by or BARE.finditer(folded):
        if OVERSIGHT.match(folded, match.end()):
            continue  # 由市政府督查室负责跟踪督办: who follows the item up, not who carries it out
        pieces = [p for p in re.split(r"[、，,]", match.group("names")) if p.strip()]
        leaders: list[str] = []
        units: list[str] = []
        for piece in pieces:
            post = POST.match(piece.strip())
            unit = None if post else unit_name(piece)
            if post:
                leaders.append(f"分管领导:{post.group('name')}{post.group('post')}")
            elif unit:
                units.append(unit)
            else:
                break
        else:
            parts = list(leaders)
            units += [u for u in _referred(folded, match.end()) if u not in units]
            if units:
                verb = "牵头" if "牵头" in match.group("verb") else "负责"
                joined = "、".join(units)
                parts.append(together_with(joined) or joined + verb)  # 由X会同Y负责: X leads
            followers = _pieces_after(folded, match.end())
            parts.extend(piece for _, piece in followers)
            parts.extend(f"{CHECKER_LABEL}{name}" for name in _checkers(folded, match.end()))
            end = followers[-1][0] if followers else match.end()
            if not parts:
                continue
            start = match.start("names") - (1 if match.re is BY else 0)
            return start, end, _as_written("；".join(parts), folded, text, match.start(), end)
    return None


def _as_written(clause: str, folded: str, text: str, start: int, end: int) -> str:
    """The clause read from the folded text with its names as the text writes them (h18ak:
    縣畜牧獸醫局, not the folded 县畜牧獸医局): each character the span folded put back."""
    back: dict[str, str | int | None] = {
        f: t for f, t in zip(folded[start:end], text[start:end], strict=True) if f != t
    }
    return clause.translate(str.maketrans(back)) if back else clause


CHECKS = re.compile(
    r"(?:^|(?<=[。；;\n]))[ \t\u3000]*(?P<names>[^。；;：:，,\n]{2,40}?)"
    r"对(?:上述|以上|前述|该项|此项)[^。；;\n]{0,20}?(?:进行|开展|组织)?(?:抽查|督查|督导|监督检查)"
)
"""h18ag: …由A、B负责…。县双创办对上述工作开展实效进行抽查。 — a later sentence of the same task
naming who checks the work done: that unit supervises (平利 整改要求, SOURCES.md 第九批)."""
CHECKER_LABEL = "监督单位:"


def _checkers(folded: str, end: int) -> list[str]:
    """The units a later sentence of the text says check the work (X对上述工作进行抽查)."""
    names: list[str] = []
    for match in CHECKS.finditer(folded, end):
        pieces = [p for p in re.split(r"[、，,]", match.group("names")) if p.strip()]
        units = [unit_name(p) for p in pieces]
        if units and all(units):
            names.extend(u for u in units if u and u not in names)
    return names


REFERRED = re.compile(
    r"(?:报|移交|移送|交由)(?P<name>[\u4e00-\u9fff]{1,20}?"
    + NAME_END.pattern.removesuffix("$")
    + r")(?:依法)?(?:采取措施)?(?:执法|查处|处置)"
)
"""h18ai: …由A、B负责劝阻…,将屡教不改的门店报县住建局城建监察大队采取措施执法 (平利 05): the unit a
case is handed on to for enforcement carries the task too (SOURCES.md 第九批: responsible)."""


def _referred(folded: str, end: int) -> list[str]:
    """The units the rest of the sentence after a 由…负责 hands cases on to for enforcement."""
    sentence = re.split(r"[。；;\n]", folded[end:], maxsplit=1)[0]
    units = [unit_name(match.group("name")) for match in REFERRED.finditer(sentence)]
    return [unit for unit in units if unit]


def _pieces_after(folded: str, end: int) -> list[tuple[int, str]]:
    """The ``A牵头`` / ``B配合`` pieces right after the verb: (where each ends, the piece)."""
    out: list[tuple[int, str]] = []
    # h18ak: the verb's own words first (由A牵头组织实施,B配合: 组织实施 is no piece)
    # h18au: or what it leads to (由A、B等部门牵头完成自查报告，其他相关部门配合: 四川 2014)
    verb_tail = re.match(r"(?:组织实施|组织|实施|落实|推进|完成[^，,。；;\n]{0,12})?", folded[end:])
    for piece in re.finditer(r"[，,]([^，,。；;\n]{2,60})", folded[end:]):
        if piece.start() != (out[-1][0] - end if out else verb_tail.end() if verb_tail else 0):
            break
        found = prose_verb(piece.group(1))
        if found is None or found[1] == "responsible":
            break
        out.append((end + piece.end(), piece.group(1)))
    return out


DASH = re.compile(r"[—－]{1,2}[ \t\u3000]*(?P<names>[^—－。；;：:\n（(]{2,80}?)[ \t\u3000。]*$")
"""…动态清零。——县住建局、县财政局: the units after a dash that ends the text (a sheet's
column pasted after its task)."""


def dash_units(text: str) -> tuple[int, int, str] | None:
    """The units after a closing dash: (start, end, the clause as the parser reads it)."""
    folded = simplified(text.rstrip())
    match = DASH.search(folded)
    if match is None:
        return None
    pieces = [p for p in re.split(r"[、，,]", match.group("names")) if p.strip()]
    units = [unit_name(p) for p in pieces]
    if not units or any(u is None for u in units):
        return None
    return match.start(), match.end(), "、".join(u for u in units if u) + "负责"


FRONT = re.compile(
    r"^[ \t\u3000]*(?:[【〔\[［（(](?P<boxed>[^】〕\]］）)\n]{2,60})[】〕\]］）)]"
    r"|(?P<named>[^：:，,。；;\n（(]{2,60}?)[：:])"
)
"""1.【县住建局】推进… / 1.（县住建局）推进… / 1.县住建局：推进…: the units before the task."""
LEVEL = re.compile(rf"(?:[{PLACES}镇乡]|街道|各)")
LABEL_WORD = re.compile(r"(?:牵头|责任|配合|协办|主办|承办|参与|协同|监督|考核)(?:单位|部门)")


def front_units(text: str) -> tuple[int, int, str] | None:
    """The units a task's text opens with, in a bracket or before a colon: (start, end, the
    clause as the parser reads it), or None when they are not all units' names."""
    folded = simplified(text)
    match = FRONT.match(folded)
    if match is None:
        return None
    names = match.group("boxed") or match.group("named")
    pieces = [p for p in re.split(r"[、，,]", names) if p.strip()]
    if any(LABEL_WORD.search(p) for p in pieces):
        return None
    if match.group("named") and not all(LEVEL.match(p.strip()) for p in pieces):
        return None  # 婴幼儿照护服务机构:3月底前… names what, not who: a unit here names its level
    units = [unit_name(p) for p in pieces]
    if not units or any(u is None for u in units):
        return None
    return match.start(), match.end(), "、".join(u for u in units if u) + "负责"


HEADED = re.compile(
    r"^[ \t\u3000]*(?P<name>[^：:，,。；;、\n]{2,30}?)[ \t\u3000]*\n(?=[ \t\u3000]*\S)"
)
"""h18bv: (一)辽阳市政府 / 对全市…负全责。: a heading line that is one body's name alone, its
duties in the lines below (a notice dividing duties by level of government or by body)."""
ALIAS = re.compile(r"[（(][^（()）]{2,12}[)）]$")
"""乡镇政府(街道办事处): the alias in brackets after the name, part of the one name."""
LEVELLED = re.compile(r"[省市县区州盟旗](?:人民)?政府$")
"""辽阳市政府: a government named by its place (the other bodies begin with their level)."""


def heading_unit(text: str) -> tuple[int, int, str] | None:
    """The body a task's heading line names alone (its duties below): (start, end, the clause
    as the parser reads it), or None when the line is not one unit's name."""
    match = HEADED.match(simplified(text))
    if match is None:
        return None
    name = match.group("name")
    bare = ALIAS.sub("", name)
    if not TEXT_END.search(bare) or unit_name(bare) is None:
        return None  # 各地自查 / 省监察厅牵头的工作: a subject or a heading's roles, not a body
    if GENERAL.match(name) or not (LEVEL.match(bare) or LEVELLED.search(bare)):
        return None  # (一)社区居委会 / (二)新时代文明实践站: a place points stand under (h18y)
    return match.start("name"), match.end("name"), name + "负责"
