"""A table's unit cell that says who leads and who helps (branch h18ae, issue 18):
``办公室牵头,其他股室及属下单位配合`` (江门 文广局, the thirteenth batch) is the row's units,
written as a clause: only names of units and the verbs of their roles."""

from __future__ import annotations

import re

from duban.plan_import.chinese import simplified
from duban.plan_import.clauses import find_clause
from duban.plan_import.unit_brackets import names_only

SAYS = re.compile(r"牵头|牽頭|配合|负责|負責|协办|協辦|参与|參與|协同|協同|分工落实|分工落實")


def role_cell(line: str) -> bool:
    """``X牵头,A、B配合`` / ``X牵头，Y负责``: only names of units and the verbs of their roles
    (the whole line one clause, every name a unit's)."""
    if not SAYS.search(line) or len(line) > 120:
        return False
    clause = find_clause(f"（{line}）")
    if clause is None or clause.start != 0 or clause.end != len(line) + 2:
        return False
    names = [name for role in clause.roles.values() for name in role]
    return bool(names) and names_only(simplified("、".join(names)))  # h18bb: 縣財政廳
