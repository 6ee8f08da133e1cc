"""The plan's title inside 关于印发…的通知, its own quotation marks kept (h18ax).

A notice wraps the plan's title in 《》 or “” — or not at all, and then a title may itself open
with a quoted name: 关于印发“清洁河湖”建设试点方案的通知 names the plan
“清洁河湖”建设试点方案. Taking off the first and last mark whatever they are cut the name's
opening quote (the title became 清洁河湖”建设…, and the lone “ of the plan's own title line was
left unread). A mark is taken off only when it wraps the whole title, or when it is left alone
(a notice that opened 《 and never closed it).
"""

from __future__ import annotations

PAIRS = {"《": "》", "“": "”", '"': '"', "「": "」"}
SPACE = " \t\u3000"


def _balanced(text: str) -> bool:
    """Whether every pair of marks in ``text`` opens before it closes and closes once opened."""
    for opening, closing in PAIRS.items():
        if opening == closing:
            if text.count(opening) % 2:
                return False
            continue
        depth = 0
        for char in text:
            depth += (char == opening) - (char == closing)
            if depth < 0:
                return False
        if depth:
            return False
    return True


def unwrapped_title(span: str) -> str:
    """The title written between 印发 and 的通知, without the marks that wrap it."""
    title = span.strip(SPACE)
    while len(title) > 1 and PAIRS.get(title[0]) == title[-1] and _balanced(title[1:-1]):
        title = title[1:-1].strip(SPACE)
    while title and title[0] in PAIRS and not _balanced(title):  # 《 opened, never closed
        title = title[1:].strip(SPACE)
    while title and title[-1] in PAIRS.values() and not _balanced(title):  # a lone 》 or ”
        title = title[:-1].strip(SPACE)
    return title


def title_lines_end(text: str, start: int, title: str) -> int | None:
    """Where ``title``, written from the line at ``start`` on, ends: on that line, or wrapped over
    the next two (h18bi: …30项民生实事 / 安排方案); None when those lines are not the title."""
    written, end = "", start
    for part in text[start:].split("\n")[:3]:
        written += part.strip(SPACE + "《》")
        if not written or not title.startswith(written):
            return None
        end += len(part)
        if written == title:
            return end
        end += 1
    return None
