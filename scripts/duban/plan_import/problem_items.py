"""An 整改 list whose top items are the problems, each with its labelled lines before its
measures (branch h18y; 安顺 2017, an environmental-inspection 整改措施清单):

    一、安顺市普定县人民政府保护饮用水水源不力2015年7月,普定县违反……(the problem, sentences)
    原因分析:……
    整改目标……
    责任单位:普定县委、县政府
    督导单位:市纪委、市整改办、市督查督办局
    整改措施
    1.由普定县委、县政府制定……
    2.……(2017年9月30日)。

Each problem is a task (the units are charged with putting it right), its measures are its
sub-items. Read as chapters, the measures would be the tasks and the problem their heading. The
form is told by its layout: a top item whose own text, before its first sub-item, is more than a
heading (sentences ending in 。, over several lines) and ends with a clause naming units, over
sub-items none of which names a unit of its own (a measure that says 由X制定 is the measure's
wording, not another assignment). A heading with a bracketed clause (一、…（牵头单位：X）) over
tasks each stays a chapter.
"""

from __future__ import annotations

import re

from duban.plan_import.assigned_points import assigned_points
from duban.plan_import.assigning import names_units
from duban.plan_import.clauses import find_clause
from duban.plan_import.group_clauses import groups_own_clauses
from duban.plan_import.segment import Node

LABEL_LINE = re.compile(r"\n[ \t\u3000]*[^\n:：]{2,8}[:：]")
"""A line opening with a label (责任单位: / 整改目标:)."""


def grouped_tasks(text: str, roots: list[Node]) -> bool:
    """Whether the top items are tasks whose one clause stands apart from their sub-items:
    after them (h18s, :mod:`duban.plan_import.group_clauses`) or above them (problems)."""
    return (
        groups_own_clauses(text, roots)
        or problem_items(text, roots)
        or tasks_alike(text, roots)
        or assigned_points(text, roots)  # h18bx: 2、… over (1)…(责任单位:…) (东莞 2009)
    )


def tasks_alike(text: str, roots: list[Node]) -> bool:
    """h18an (安顺 2019, a completion report of 十件实事): every top item names its own units on
    its first line, and one of them, with no sub-items, can only be a task: the top items are
    tasks alike, the 1. 2. under the others with their own clauses their sub-items (SOURCES.md
    第十八批, as the twelfth batch's items whose sub-items each carry their own units)."""
    if len(roots) < 2 or all(node.children for node in roots):
        return False
    for node in roots:
        first = text[node.content : node.children[0].start if node.children else node.end]
        if not names_units(first.split("\n", 1)[0]):
            return False
    return any(node.children for node in roots)


def problem_items(text: str, roots: list[Node]) -> bool:
    """Whether the top items are problems carrying their clause above their measures."""
    grouped = [node for node in roots if node.children]
    return (
        bool(grouped)
        and len(grouped) >= len(roots) - 1
        and all(_problem(text, node) for node in grouped)
    )


def _problem(text: str, node: Node) -> bool:
    own = text[node.content : node.children[0].start]
    clause = find_clause(own)
    if clause is None or not any(clause.roles.values()):
        return False
    before = own[: clause.start]
    if "。" not in before or before.count("\n") < 2 or not LABEL_LINE.search("\n" + own):
        return False  # a heading, not a problem described and labelled
    if not re.search(r"\n[ \t\u3000]*$", before):
        return False  # the clause of the problem's own sentence, on its line
    for child in node.children:
        found = find_clause(text[child.content : child.end])
        if found is not None and any(found.roles.values()) and not _by(found.as_written):
            return False
    return True


def _by(written: str) -> bool:
    """由X制定…: a measure's wording naming who, read as a clause by the 由 reading."""
    return written.lstrip().startswith("由")
