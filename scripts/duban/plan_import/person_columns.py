"""A table's 责任人 column beside a column of leaders (issue 18, h18u): county tables often give
three columns, 责任领导 | 责任单位 | 责任人 (昭化 2017): the leader is the 责任领导, and the 责任人
is the person who does the work in the unit, neither a leader nor a unit (SOURCES.md, the fifth
batch's 项目责任人). Alone, a 责任人 column still names the task's leaders (h18g)."""

from __future__ import annotations

import re

WORKING_PERSON = re.compile(
    r"^\s*(?:具体|项目|項目)?(?:责任人|責任人|经办人|經辦人|联系人|聯繫人)\s*$"
)
LEADERS = re.compile(r"领导|領導")


def without_working_person(header: list[str], kinds: dict[int, str]) -> dict[int, str]:
    """The columns' kinds with a 责任人 column dropped (read as text) when another column of
    the header names leaders."""
    leaders = [i for i, kind in kinds.items() if kind == "leader" and LEADERS.search(header[i])]
    if not leaders:
        return kinds
    return {
        i: kind
        for i, kind in kinds.items()
        if not (kind == "leader" and i not in leaders and WORKING_PERSON.match(header[i]))
    }
