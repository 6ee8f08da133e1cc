"""Role labels as offices vary them (h18c): 责任单位（人）： / 牵头单位及责任人： (the tail after
the label's word), and labels spaced out like a table's header (牵 头 单 位：)."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified

LABEL_TAIL = r"(?:[（(](?:人|单位|部门|科室|处室|室|科)[）)]|及责任人)?"  # h18m: 牵头部门（单位）
"""What may follow a label's words before its colon: 责任单位（人）, 牵头单位及责任人."""
SPACED_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[；;，,]))\s*((?:[\u4e00-\u9fff][ \u3000]+){1,5}[\u4e00-\u9fff])(?=\s*[:：])"
)


def unspaced(inner: str) -> str:
    """牵 头 单 位：… as a table's header is spaced out: the label without its spaces (the
    names after the colon keep theirs); 牵头单位为A局 / 牵头单位—A局 / 牵头单位 A局: a label
    with 为, a dash or a space for its colon (h18g)."""
    inner = SPACED_LABEL.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(1)), inner)
    return NO_COLON.sub(lambda m: m.group(1) + "：", inner)


NO_COLON = re.compile(
    r"(?:(?<=^)|(?<=[；;，,。\s]))((?:主要)?(?:牵头|牽頭|主办|主辦|责任|責任|配合|协办|協辦|参与|參與|协同|協同"
    r"|监督|監督|督办|督辦)(?:责任|責任)?(?:单位|單位|部门|部門))"
    r"(?:[ \u3000]*(?:为|為|是)(?!指)[ \u3000]*|[ \u3000]*[—－]+[ \u3000]*|[ \u3000]+)"
    r"(?=[\u4e00-\u9fff])"
)
"""A role label followed by 为 / 是 / a dash / a space where the colon should be."""


BOXED = re.compile(
    r"【\s*((?:主要)?(?:牵头|主办|责任|承办|配合|协办|参与|协同|监督|考核|分管|联系)[\u4e00-\u9fff]{0,4}"
    r"|完成时限|完成时间|时间节点|时限要求)\s*】"
)
"""【牵头单位】市发改委【配合单位】市财政局: a label in a box instead of before a colon."""


def boxed_labels(text: str) -> str:
    """The text with each boxed label written as a label (a space, the words, a colon: the
    length is kept, so offsets into the text stay right)."""
    return BOXED.sub(
        lambda m: " " + m.group(1) + "：" + " " * (len(m.group(0)) - len(m.group(1)) - 2), text
    )


# （除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）: a rule for every clause of the plan
def first_leads_from(folded: str) -> int | None:
    """Where the rule 列第一位为牵头单位 starts to apply in the (simplified) text, or None: the
    rule said in a task's clause with 下同 ("the same below") applies from that task on; said
    anywhere else (the notice, a footnote at the end) to the whole plan."""
    starts = [0 if "下同" not in m.group() else m.start() for m in FIRST_LEADS.finditer(folded)]
    return min(starts) if starts else None


FIRST_LEADS = re.compile(
    # h18p: 除标注为“牵头”单位外 (浙江 2024): the marked leads are kept, the rule is for the rest
    r"[，,；;]?\s*(?:除(?:标注|注明)?(?:为)?[“\"]?(?:分别)?牵头[”\"]?(?:单位|的|者)*外\s*[，,]?\s*)?"
    r"(?:(?:列|排)(?:在|名)?(?:第一位|首位|第一)(?:的|者)?(?:单位|部门)?"
    r"|第一(?:责任|个)?(?:单位|部门))"  # h18l: 第一责任单位为牵头单位,下同 (厦门 2019)
    r"(?:为|是)(?:工作)?牵头(?:或汇总|或总牵头)?(?:单位|部门)"  # h18r: 列第一位的为牵头部门
    r"(?:或汇总单位|或单位)?"  # h18bp: 列第一位者为牵头部门或单位 (中医药 2017)
    # h18bp: …,其他有关部门和单位按职责分工负责,下同: the rest are responsible, no unit of its own
    r"(?:[，,]\s*其他(?:有关)?(?:部门|单位)(?:和|及|、)?(?:部门|单位)?按职责分工负责)?"
    r"\s*(?:[，,]\s*下同)?"
)

NO_LEAD_NOTE = re.compile(
    r"[。，,；;]?\s*(?:对)?未(?:明确|标明|注明|列明)牵头(?:单位|部门)(?:的)?[，,]?\s*"
    r"由(?:所列|列出的|上述)?(?:各)?(?:负责|责任)?(?:单位|部门)(?:按(?:照)?职责分工)?(?:负责|落实)"
    r"\s*(?:[，,]\s*下同)?"
)
"""(负责单位:A、B。未明确牵头单位的,由所列负责单位按职责分工负责,下同): a note that the listed
units are all responsible (h18bp, 温室气体 2017): the names' reading already, no unit of its own."""


def without_rules(inner: str) -> tuple[str, bool]:
    """A clause's inner text without the rules it states about its names (and whether one was
    列第一位为牵头单位): the first-listed rule and (h18bp) the note that no lead is named."""
    rule = FIRST_LEADS.search(simplified(inner))
    if rule:
        inner = inner[: rule.start()] + inner[rule.end() :]
        # 石碶街道(列第一位者为牵头或汇总单位,下同): the rule's own brackets go with it
        inner = re.sub(r"[（(]\s*[)）]", "", inner)
    note = NO_LEAD_NOTE.search(simplified(inner))  # h18bp: 未明确牵头单位的,由所列负责单位…负责
    if note:
        inner = inner[: note.start()] + inner[note.end() :]
    return inner, rule is not None
