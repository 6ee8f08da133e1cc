"""Who does a task, said as the subject of its sentence (branch h18ak, issue 18).

With no label, no bracket and no 由…负责, a plan still says who acts:
``县财政局要按时足额拨付资金``, ``各乡镇要于每月5日前将进展情况报送县农业局``,
``区市场监管局、区城管局要联合开展整治``, ``各街道办事处于每月底前将整治情况报区整治办汇总``. The
units the item's text opens with, before 要 / 应 / 须 (or before the time they must act by,
于…前), are responsible (SOURCES.md 第十七批: the unit named as the sentence's subject); the
office a report goes to (报送县农业局) is not.

A reading of last resort, and of an item's own text only (task_reading, when find_clause
finds no other form; never the lines after an item, where 各乡镇要… is the plan's closing call).
The names must all be units' names, and a name that names nobody in particular (各地, 各级各部门,
有关单位) makes the sentence a general call (保障措施), not an assignment.
"""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import Clause, parse_clause
from duban.plan_import.leading_by import GENERAL, unit_name
from duban.plan_import.step_actors import EXHORTED, URGING, step_actors
from duban.plan_import.unit_names import name_pieces

SUBJECT = re.compile(
    r"^[ \t\u3000]*(?P<names>(?:[^。；;：:\n，,（(“《]|[（(][^（()）\n]{1,8}[）)]){2,60}?)"
    rf"(?:{URGING}|务必|将(?=对)|"  # h18au: 省政府将对…开展抽查
    r"(?=于(?:每[年季月周]|[0-9]{1,2}月|[0-9]{4}年)))"
)
"""The subject of the text's first sentence: the words before 要 / 应 / 须, or before 于 and a
time. Only the first: a later sentence's subject (强化制度建设。局综合科要建立…) is the body of
an item headed by the words before it, which a table below may restate (restated.py)."""


JOINED_BY = re.compile(r"会同(?P<others>[^。；;，,：:\n]{2,40}?等(?:有关|相关)?(?:部门|单位))")
"""h18cb: 民政部门要会同金融、证券等有关部门完善… (上海 社会救助): the subject leads, the bodies it
works with cooperate (SOURCES.md 第十三批 由X会同A、B); only when 等…部门 closes the list, so
that where the names end is written."""

TITLE_LINE = re.compile(r"[ \t\u3000]*[^。；;，,：:！？\n]{2,20}\n")
"""The short title on a line of its own before an item's paragraph (a bold heading's words)."""


def subject_units(text: str) -> tuple[int, int, str] | None:
    """The units the text's first sentence names as its subject: (start, start, the clause as
    the parser reads it, ``A、B负责``); the span is empty, the names stay the task's words."""
    title = TITLE_LINE.match(text)  # h18au: 一、重点抽查 / 省政府将对…: the item's first sentence
    if title and text[title.end() :].strip():
        after = subject_units(text[title.end() :])
        return None if after is None else (after[0] + title.end(), after[1] + title.end(), after[2])
    folded = simplified(text)
    found: list[str] = []
    first, joined = -1, None
    for match in SUBJECT.finditer(folded):
        names = match.group("names")
        # h18au: 各市（州）、县（市、区） is one group; h18bb: read as every list of names is
        pieces = [p.strip() for p in name_pieces(names, "、和及") if p.strip()]
        if EXHORTED.match(folded, match.end("names")):
            continue
        units = [unit_name(p) for p in pieces]
        if not units or any(u is None or GENERAL.match(u) for u in units):
            continue
        start = match.start("names")
        ats = [folded.find(piece, start) for piece in pieces]
        if -1 in ats:  # a group joined across 和 (各县和市): not as written, not read
            continue
        if first < 0:
            first, joined = start, JOINED_BY.match(folded, match.end())
        for piece, unit, at in zip(pieces, units, ats, strict=True):
            written = text[at + len(piece) - len(unit or "") : at + len(piece)]
            if written not in found:
                found.append(written)
    if not found:
        return None
    if joined:
        others = text[joined.start("others") : joined.end("others")]
        return first, first, f"{'、'.join(found)}牵头；{others}配合"
    return first, first, "、".join(found) + "负责"


def subject_clause(text: str) -> Clause | None:
    """The clause :func:`subject_units` reads, or None."""
    if found := subject_units(text):  # the names as written (h18ax: '' failed validate)
        return parse_clause(found[2].removesuffix("负责"), *found)
    if step := step_actors(text):  # h18ax: the actors a step's sentences name
        return parse_clause(step[3], *step[:3])
    return None


def rules_reach(clause: Clause, end: int) -> int:
    """Where the plan's standing rules (以下均需X落实，不再列出; 列第一位为牵头单位) reach for a
    clause at ``end``: a clause read from the sentences' subjects has no list of names a rule
    could have left a unit out of or ordered, so none reaches it (h18ax: 实施步骤 and 保障措施
    after a chapter of bracketed tasks)."""
    return end if clause.end > clause.start else 0
