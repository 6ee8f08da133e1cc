"""A role bracket on a line of its own (h18ap, the variants harness): a PDF or a page that wraps
``1.减少农村扶贫对象6.76万人（责任单位：市扶贫办）`` before its bracket puts the bracket on the
next line. The bracket belongs to the line above it (the item's own assignment: a heading read
without it is taken for one with no assignment of its own), so it is joined to it: a bracket
that opens its line and holds an assignment clause (:func:`clauses.is_clause`), right under a
line that ends no sentence, or with the paragraph's text going on after it (``（责任单位：…）
该件实事已全面完成``). Alone under a finished sentence (``…提高知晓率。`` / ``（责任单位：…）``) the
bracket may cover the items above it (运城 2017), so it is left where it stands; a numbered
bracket, （一） or (1), is an item of its own."""

from __future__ import annotations

import re

from duban.plan_import.clauses import is_clause

OPENS = re.compile(r"^[ \t\u3000]*(?P<open>[（(\[【〔])")
ENDED = re.compile(r"[。；;！？!?][ \t\u3000]*$")
CLOSING = {"（": "）", "(": ")", "[": "]", "【": "】", "〔": "〕"}


def _role_bracket(line: str) -> tuple[bool, bool]:
    """Whether the line opens with a role bracket, and whether text follows the bracket."""
    match = OPENS.match(line)
    if match is None:
        return False, False
    close = _closing(line, match.end())
    inner = line[match.end() : close if close >= 0 else len(line)]
    after = line[close + 1 :].strip(" \t\u3000。；;") if close >= 0 else ""
    return bool(inner.strip()) and is_clause(inner), bool(after)


def _closing(line: str, start: int) -> int:
    """Where the bracket opened before ``start`` closes (a name's own brackets inside it,
    各县(市、区)人民政府, skipped), or -1."""
    depth = 1
    for index in range(start, len(line)):
        depth += (line[index] in CLOSING) - (line[index] in CLOSING.values())
        if depth == 0:
            return index
    return -1


def brackets_joined(text: str) -> str:
    """``text`` with each role bracket that opens its line joined to the filled line above
    (see the module)."""
    out: list[str] = []
    for line in text.split("\n"):
        role, more = _role_bracket(line)
        if role and out and out[-1].strip() and (more or not ENDED.search(out[-1])):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)
