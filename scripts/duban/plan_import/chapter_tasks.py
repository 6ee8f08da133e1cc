"""A chapter that is itself a task (h18bi, SOURCES.md 第二十三批): an assessment rubric's row
``五、加强宣传舆论、信息报送工作 | 7 | 1.…得5分 2.…得2分 | 县河长办`` stands among chapters whose
numbered rows are the tasks (一、 over 1. 2. 3.), but has no row under it: what it asks is in its
own line, with the points of its cell (1. 2. after its ；) as its sub-items. A clerk reads it as one
task; its id is the chapter's number as written (``5``), apart from the plan's 05.

Only in a plan whose other chapters hold items on lines of their own, so that a plan made of
chapters alone (一、总体要求 二、保障措施 …, each a paragraph) keeps them as sections.

h18br (SOURCES.md 第二十七批, a law site's page 3: ``(七)市级园林单位(小区)创建`` over one
paragraph closing ``责任单位:A、B,完成时间:2009年5月底前。``, beside ``(八)`` ``(九)`` over
1、 2、): a chapter with no item under it whose one paragraph below its title closes with its
own clause is a task as well; what it asks is that paragraph.
"""

from __future__ import annotations

from duban.plan_import.clauses import find_clause
from duban.plan_import.segment_nodes import Node


def _own_line(text: str, node: Node) -> int:
    """Where the chapter's own line ends."""
    end = text.find("\n", node.content, node.end)
    return node.end if end < 0 else end


def _items_below(text: str, node: Node) -> bool:
    """Whether the chapter holds an item on a line of its own (its rows)."""
    return any(child.start > _own_line(text, node) for child in node.children)


def chapter_tasks(text: str, chapters: list[Node]) -> set[int]:
    """The ids (``id(node)``) of the chapters that are tasks themselves: no item below their own
    line, and a clause or points on it (1. 2. inside its line, after its ；), in a plan whose
    other chapters hold items."""
    if not any(_items_below(text, node) for node in chapters):
        return set()
    out = set()
    for node in chapters:
        if _items_below(text, node):
            continue
        line = text[node.content : _own_line(text, node)]
        if node.children and not node.children[0].inline:
            continue  # 七、…要求 (一)… (二)…: a chapter's parts run on, not a row's points
        if node.children or find_clause(line) is not None or _closing_clause(text, node):
            out.add(id(node))
    return out


def _closing_clause(text: str, node: Node) -> bool:
    """Whether the one paragraph under the chapter's title says what is to be done and closes
    with an assignment clause (a label line alone under a heading, 责任部门:X牵头, is left to
    the readings of headings, as before)."""
    below = text[_own_line(text, node) : node.end].strip()
    if not below or "\n" in below:
        return False
    clause = find_clause(below)
    return (
        clause is not None and clause.start > 0 and not below[clause.end :].strip(" \t\u3000。；;")
    )
