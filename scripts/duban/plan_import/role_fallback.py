"""When the chosen reading names nobody, read the roles harder (branch h18cc, issue 18).

A 分工 document always names someone: a reading whose tasks and sub-items name no unit at all
(or whose numbered items all stayed non-task provisions, since an item with no assignment is no
task) has missed how this document says who is in charge. Only then is every reading tried again
with the broad reading of roles (broad_roles.py); it is taken when it names someone, and the
review says once that the roles were read so and asks for them to be checked. A document whose
roles are read at all is untouched: the gate is the whole document, not each chapter (a chapter
of 保障措施 names nobody in most plans, and reading it harder would make its calls tasks).
"""

from __future__ import annotations

import copy

from duban.plan_import.broad_roles import broad_reading, names_nobody
from duban.plan_import.findings import Finding
from duban.plan_import.plan import Imported
from duban.plan_import.strategy import best_reading
from duban.plan_import.units import ImportOrg


def read_roles_harder(
    text: str, org: ImportOrg, plan_id: str, year: int | None, as_written: str | None = None
) -> tuple[Imported, str, str]:
    """strategy.best_reading, and again with the broad reading of roles when the first names
    nobody (the import that names someone wins; the first stands otherwise)."""
    untouched = copy.deepcopy(org)
    first = best_reading(text, org, plan_id, year, as_written)
    if not names_nobody(first[0].tasks):
        return first
    harder = best_reading(text, untouched, plan_id, year, as_written, broad=True)
    if names_nobody(harder[0].tasks):
        return first
    harder[0].assumptions.insert(0, Finding(0, broad_reading()))
    return harder
