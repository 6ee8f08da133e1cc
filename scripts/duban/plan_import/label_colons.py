"""A role label written without its colon (h18x, the variants harness): ``牵头单位市发改委``,
``（牵头部门市发改局；配合部门市财政局）``, ``完成时限2023年底前``. Some offices drop the colon (and
some converters lose it); every reading of labels expects one. The colon is put back where the
label stands at a line's or a clause part's start and what follows it, to the part's end, is a
list of units (the first name ends as a unit's name does: 局, 委, 办, 政府, 部门 …) or, after a
deadline label, a time. A sentence that merely uses the word (``责任单位要…``, ``牵头单位和责任单位
的职责``) is left alone: its next word is no unit's name.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.unit_names import LABELLED_END

ROLE = (
    r"(?:主要)?(?:牵头|责任|配合|协办|主办|承办|参与|协同|监督|主责|落实|考核|评分|实施|承担|协作)+"
    r"(?:单位|部门|处室|科室)"  # h18ap: 实施单位, 承担单位, 协作单位, 牵头处室 (offices' words)
)
DEADLINE = r"(?:完成时限|完成时间|时间节点|办结时限|时限要求|完成期限|截止时间)"
BEFORE = r"(?:^|(?<=[（(\[【〔；;。，,\s]))"
PART_END = (  # h18ap: …，责任人：徐国庆 / …政府责任人：… (a person's label ends the units too)
    r"(?=[；;。（()）\]】〕\s]|[，,]\s*[\u4e00-\u9fff]{0,6}(?:单位|部门|领导|时限|时间|责任人|负责人)"
    r"|(?:责任人|负责人)[:：]|$)"
)
ROLE_VERB = re.compile(r"(?:牵头|主办|负责|配合|协办|参与)(?:负责|落实)?$")
"""The verb after a unit's name in a label's sentence (X牵头，Y配合): the name is before it."""
LABEL = re.compile(
    rf"{BEFORE}(?P<label>{ROLE})(?![为是由])(?P<names>(?:[（(][^（()）\n]{{0,12}}[）)]|[^\s:：；;。）)\]】〕（(]){{2,200}}?){PART_END}",
    re.MULTILINE,
)
TIME_LABEL = re.compile(
    rf"{BEFORE}(?P<label>{DEADLINE})(?=[0-9０-９]|20|年底|年内|全年|长期|持续|常态|每[年季月]|[上下]半年|[一二三四]季度)",
    re.MULTILINE,
)


def _units(names: str) -> bool:
    first = re.sub(r"[（(][^（()）]*[）)]$", "", re.split(r"[、，,]", names)[0])  # 县发改局(粮食局)
    first = ROLE_VERB.sub("", first)  # h18ap: 责任部门市教育局牵头，市财政局配合
    return len(first) <= 24 and bool(LABELLED_END.search(first))


def colons_restored(text: str) -> str:
    """``text`` with a full-width colon after each role or deadline label written without one."""
    folded = simplified(text)
    if len(folded) != len(text):
        return text
    ends = [m.end("label") for m in LABEL.finditer(folded) if _units(m["names"])]
    ends += [m.end("label") for m in TIME_LABEL.finditer(folded)]
    for end in sorted(set(ends), reverse=True):
        text = text[:end] + "：" + text[end:]
    return text
