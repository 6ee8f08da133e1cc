"""A later page of a plan whose chapter number is not on it (SOURCES.md 第二十八批): the page
starts in the middle of a chapter's list (2. 3. 4.) and the next chapter's line (三、保障措施)
follows; a clerk reads the items as chapter 二's (the number just before the visible one), as
ids 2-2 … 2-4 with section 2, and the chapter line as a chapter, not as the last item's text."""

from __future__ import annotations

import re

from duban.plan_import.chinese import numeral_text
from duban.plan_import.segment_nodes import Node

FIRST_POINT = re.compile(r"[^\n]*\n[ \t\u3000]*[（(]一[）)]")
"""The chapter line, then its own list's first point on the next line (三、… / （一）…)."""


def chapter_after_page(roots: list[Node], number: int, text: str = "", at: int = 0) -> bool:
    """Whether a chapter line numbered ``number`` (at ``at`` in ``text``) closes the list a page
    started with: the items read so far are one arabic list at the top, starting after 1 (a
    page's middle), and the chapter is not the first (三、 after 2.…4.: 二 is the items' chapter).
    h18cb: a page from （五） on (上海 社会救助, 第三十二批) likewise, when the chapter's own list
    starts over at （一） on the next line: the same rank numbered from 1 again is the evidence
    that （五） was the chapter before's (not a chunk's （五） over another text's 五、（十四）)."""
    if not (number > 1 and roots and roots[0].number > 1):
        return False
    if all(node.style == "ar" for node in roots):
        return True
    return all(node.style == "pcn" for node in roots) and bool(FIRST_POINT.match(text, at))


def inferred_chapter(roots: list[Node], number: int) -> Node:
    """The chapter (not written on the page) the page's items stand under: a heading with no
    words of its own, starting where the first item starts."""
    start = roots[0].start
    chapter = Node("sec", number, "", numeral_text(number), start, start)
    chapter.children = list(roots)
    for node in _walk(chapter.children):
        node.depth += 1
    return chapter


def _walk(nodes: list[Node]) -> list[Node]:
    found: list[Node] = []
    for node in nodes:
        found.append(node)
        found.extend(_walk(node.children))
    return found
