"""The last sentence of an item naming its units without a label or a bracket (h18m):

    …改造老旧小区30个。区住建局牵头，各街道配合，2023年底前完成。
    …新建学校3所。区教育局牵头负责。
    …开展专项清理。县财政局、县市场监管局负责。

Offices write the division of work this way as often as in a bracket. The sentence is read only
when every name before a verb is a unit's name (市政府要加强领导 is no assignment) and it closes
the item; the deadline after the verbs (，2023年底前完成) stays in the clause for its reader.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.role_sentences import together_clause
from duban.plan_import.unit_names import NAME_END, group_phrases

_VERB = (  # h18bd: 分别牵头 (A、B分别牵头。), h18cb: 分别牵头落实, and 指导 (A指导，B负责落实。)
    r"(?:牵头负责|牵头落实|分别牵头(?:落实|负责)?|牵头|主办|负责落实|负责实施|具体负责|分别负责|按职责分工负责"
    r"|负责|具体落实|抓好落实|组织实施|配合|协办|参与|协助|协同|指导)"
)
_WHEN = (
    r"(?:[，,]\s*[^，,。；;：:\n]{0,20}?(?:\d{1,2}月|年底|年内|季度|半年|长期|持续|常态)"
    r"[^，,。；;：:\n]{0,12})?"
)
SENTENCE = re.compile(
    rf"(?:^|[。；;！!]\s*)((?:[^，,。；;：:\n]{{2,120}}?{_VERB}\s*[，,]\s*)*"
    rf"[^，,。；;：:\n]{{2,120}}?{_VERB}{_WHEN})\s*[。；;]?\s*$"
)
LISTED = re.compile(
    rf"(?:^|[。；;！!]\s*)((?:[^，,。；;：:\n]{{2,120}}?{_VERB}\s*[，,]\s*)*"
    rf"[^。；;：:\n]{{2,160}}?{_VERB}{_WHEN})\s*[。；;]?\s*$"
)
"""h18z: the same with a comma inside a list of names (A、B等,各县(市、区)政府按职责分工负责: the
names of a 责任单位 label written as the item's closing sentence); every piece must be a unit."""
_CUT = re.compile(rf"{_VERB}\s*(?:[，,]|$)")


def trailing_roles(text: str) -> tuple[int, int, str] | None:
    """The closing ``X牵头，A、B配合[，…完成]`` / ``X牵头负责`` / ``A、B负责`` sentence of an item:
    (start, end, the sentence without its stop), or None when a part before a verb is not a list
    of units' names."""
    folded = simplified(text)
    match = SENTENCE.search(folded) or LISTED.search(folded)
    if match is None or match.start(1) == 0:
        return None  # the whole item is the sentence: a heading such as 一、市发改委负责
    sentence = match.group(1)
    groups = [g for g in _CUT.split(sentence) if g.strip()]
    if not re.search(rf"{_VERB}$", sentence):
        groups = groups[:-1]  # ，2023年底前完成: the deadline after the verbs
    for names in groups:
        bare = re.sub(r"[（(][^）)]*[）)]", "", names)  # h18z: 各县(市、区)政府 is one name
        if not _units(bare, r"[、，,和及]") and not _units(bare, r"[、，,]"):  # 住房和城乡建设局
            return None
    start, end = match.start(1), len(text.rstrip())
    said = text[start:end].rstrip().rstrip("。；;").rstrip()
    return start, end, together_clause(said) or said.removeprefix("由")  # h18bd: 由X会同A负责，…


def _units(names: str, parts: str) -> bool:
    # h18bb: 各县、市、区政府 is one group, as every list of names reads it
    pieces = [
        p.strip().removesuffix("等") for p in group_phrases(re.split(parts, names)) if p.strip()
    ]
    return bool(pieces) and all(_unit(p) for p in pieces)


def _unit(piece: str) -> bool:
    bare = re.sub(r"[（(<][^）)>]*[）)>]", "", piece).removeprefix("由").strip()
    if not 2 <= len(bare) <= 30 or NOT_A_NAME.search(bare):
        return False
    return bool(NAME_END.search(bare)) or bare.startswith("各")


NOT_A_NAME = re.compile(r"要|应|须|将|进一步|加强|认真|切实|共同|同志|[0-9０-９%]")
"""各地要…负责 / 主要负责同志: words of a sentence, not of a unit's name."""
