"""A unit page's status rows grouped by plan (h24f: the site's bytes at province scale).

A unit of a province holds occurrences of several plans. Its rows named their plan under every
task (about 17 MB of a 1,500-unit site); when one table lists rows of several plans, the rows
are grouped instead: one ``<tbody>`` per plan, in the plans' order, each opened by a row that
names the plan once (``tr.dbn-plan-row``), the rows in their order within it. The sortable
tables' script sorts and filters within each plan's body (``duban.js``). A table whose rows are
all of one plan is printed as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from duban.site.env import html
from duban.site.status_rows import StatusRow


def plans_of(rows: Sequence[StatusRow]) -> list[str]:
    """The plans the rows belong to, in the order they first appear."""
    return list(dict.fromkeys(r.task.plan_id for r in rows))


def plan_bodies(
    rows: Sequence[StatusRow],
    columns: int,
    plan_order: Sequence[str],
    plan_name: Callable[[str], str],
    row: Callable[[StatusRow], str],
) -> str:
    """The rows of several plans, each plan's rows after a heading row. The caller's table
    opens the first ``<tbody>`` and closes the last; the plans are separated here."""
    by_plan: dict[str, list[StatusRow]] = {}
    for r in rows:
        by_plan.setdefault(r.task.plan_id, []).append(r)
    rank = {plan_id: n for n, plan_id in enumerate(plan_order)}
    parts = []
    for n, plan_id in enumerate(sorted(by_plan, key=lambda p: rank.get(p, len(rank)))):
        if n:
            parts.append("</tbody>\n<tbody>\n")
        parts.append(
            f'<tr class="dbn-plan-row"><th scope="rowgroup" colspan="{columns}">'
            f"{html(plan_name(plan_id))}</th></tr>\n"
        )
        parts.extend(row(r) for r in by_plan[plan_id])
    return "".join(parts)
