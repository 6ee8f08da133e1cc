"""A bracket of unit names that ends an item, with no role word the importer knows (h18c):
``（市发展改革委）``, ``（市住房城乡建设局、市自然资源局）``, ``（市人力社保局牵头承担）``,
``（A、B等省有关部门按职责分工抓好落实）``, a reprint's ``（省生长改造委牵头卖力）``.

Offices often name the units of a task in a closing bracket without a label; the verb after the
names (if any) varies from office to office. Such a bracket is read as an assignment when it is
the last thing of the item's own text and everything before the verb is a list of unit names:
the units lead when 牵头 follows them, else they are responsible. What is not a list of names
(``（以下简称在线平台）``, ``（发改投资〔2022〕1652号）``) is left alone."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.open_lists import OPEN_SUFFIX
from duban.plan_import.role_sentences import standing_rule
from duban.plan_import.unit_names import NAME_END, TEXT_END, group_phrases

NOT_NAMES = re.compile(r"简称|以下|包括|例如|详见|附件|号|〔|年|月|第|%|[0-9０-９]|[:：]")
DEADLINE_TAIL = re.compile(
    r"(?:[，,；;]|\s*[/／]\s*|\s+)(?=[^，,；;/／\s]*(?:[0-9０-９]|年|月|底|季度|长期|持续|常态))"
)
"""Before the deadline of a bracket of names: ，；, or (h18ab) a slash or a space (X/2023年6月)."""
VERB = re.compile(
    r"(?P<lead>分别牵头|牵头)?(?P<rest>(?:按职责|按照职责|根据职责|依职责)?(?:分工)?[\u4e00-\u9fff]{0,4})$"
)
FIRST_LISTED = re.compile(
    r"[，,；;。]\s*(?:列|排)(?:在|名)?(?:第一位|首位)[^，,；;]{0,8}牵头[^，,；;]{0,6}(?:[，,]\s*下同)?$"
)
AFTER = re.compile(r"^[\s\u3000。；;，,.]*$")
MAX_TAIL = 10


def unit_bracket(text: str, spans: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """The item's closing bracket read as units (start, end, the clause's inner text rewritten
    with a known verb: ``names牵头`` or ``names负责``), or None. ``spans`` are the text's
    top-level brackets."""
    if not spans:
        return None
    start, end = spans[-1]
    if not AFTER.match(text[end:]) or TEXT_END.search(simplified(text[:start].rstrip())):
        return None  # 各县(市、区)政府(管委会): the bracket belongs to a name (not 召开大会)
    inner = text[start + 1 : end - 1].strip()
    # h18bp: …,列第一位的为牵头单位,下同。以下均需X落实,不再列出 (嘉兴): the standing rule after
    # the names goes with the clause as written, read by parse_clause
    standing = standing_rule(simplified(inner))
    ruled = inner[standing.start() :] if standing and standing.end() == len(inner) else ""
    inner = inner[: len(inner) - len(ruled)] if ruled else inner
    rule = FIRST_LISTED.search(simplified(inner))  # h18i: …,排名第一位为牵头单位,下同 (云浮 2019)
    stated = inner[rule.start() :] if rule else ""
    inner = inner[: rule.start()] if rule else inner
    deadline = DEADLINE_TAIL.search(simplified(inner))  # （市政务服务局，6月底完成）
    after = inner[deadline.start() :] if deadline else ""
    if deadline and not re.match(r"[，,；;]", after):  # h18ab: / or a space: read as a comma
        after = "，" + after[len(deadline.group()) :]
    inner = inner[: deadline.start()] if deadline else inner
    folded = simplified(inner)
    if not inner or len(inner) > 160 or NOT_NAMES.search(folded):
        return None
    for cut in range(len(folded), max(len(folded) - MAX_TAIL, 1) - 1, -1):
        names, tail = folded[:cut], folded[cut:]
        verb = VERB.fullmatch(tail)
        if verb is None or not names_only(names):
            continue
        word = "牵头" if verb.group("lead") else "负责"
        if verb.group("lead") == "分别牵头":
            word = "分别牵头"
        return start, end, inner[:cut] + word + after + stated + ruled
    return None


def names_only(folded: str) -> bool:
    """A list of unit names: each piece between 、，,；和及 ends like a unit (或 is 各…: a group);
    等省有关部门 after a name is an open list."""
    folded = re.sub(r"<[^<>]{1,8}>", "", folded)  # h18i: 各县<市、区>人民政府, a group
    # 和 inside a name stays; 各县、市、区政府 is one group (h18bb: read as every list is)
    pieces = [p for p in group_phrases(re.split(r"[、，,；;]", folded)) if p.strip()]
    if not pieces or folded.endswith(("、", "，", ",")):
        return False
    for piece in pieces:
        bare = re.sub(OPEN_SUFFIX, "", piece.strip()) if "等" in piece else piece.strip()
        bare = _without_alias(bare)
        if not bare:
            return False
        if not NAME_END.search(bare) or len(bare) > 30:
            return False
    return True


ALIAS = re.compile(r"(?P<name>.+?)[（(](?P<alias>[^（）()]{2,20})[）)]$")


def _without_alias(piece: str) -> str:
    """h18bt: 省发改委(省能源局) (浙江 2014): a unit with the other name it works under in
    brackets is one unit's name (SOURCES.md 第二十批, 市交通委（市道运局）); it ends like a unit
    when both do."""
    match = ALIAS.fullmatch(piece)
    if match and NAME_END.search(match.group("alias")) and NAME_END.search(match.group("name")):
        return match.group("name")
    return piece
