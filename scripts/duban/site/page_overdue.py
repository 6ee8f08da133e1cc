"""The 督办清单 (``page_overdue.html``): of every plan, and of each plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, is_
from typing import Any

from duban.evaluation.check_report import CheckReport, UnitSummary, check_report
from duban.evaluation.evaluate import ItemState, State
from duban.outputs import urls
from duban.site import names
from duban.site.context import Context
from duban.site.render import render_page
from duban.site.status_rows import StatusRow


def overdue_page(ctx: Context, plan_id: str | None = None) -> str:
    """督办清单: of one plan (``plan_id``), or of every plan, each row naming its plan."""
    ev = ctx.evaluation
    soon = ctx.soon()
    src = urls.plan_page(plan_id, "overdue") if plan_id else urls.OVERDUE
    title = ctx.t.nav.overdue
    if plan_id:
        title = f"{title} · {ctx.model.plan.display_name}"
    late = ctx.late()
    by_group = ctx.summarise(late) or ctx.summarise(soon)
    # h24q: by group, the page shows only the report's summary, not its items (a province's
    # tens of thousands of overdue and due-soon occurrences)
    chase = (
        [] if by_group else chase_groups(ctx, check_report(ctx.model, ev, summary=ctx.summary()))
    )
    return render_page(
        ctx,
        src,
        "page_overdue.html",
        title,
        hide=["navigation", "toc"],
        plan=ctx.model.plan if plan_id else None,
        chase=chase,
        chase_unreported=sum(g.summary.overdue_not_reported for g in chase),
        chase_longest=max((g.summary.longest_days_late or 0 for g in chase), default=0),
        summary=ctx.summary(),
        n_overdue=len(late),
        n_soon=len(soon),
        groups=overdue_groups(ctx, late, soon) if by_group else None,
        soon=[] if by_group else [StatusRow.of(ctx, i) for i in soon],
        supervisors=lambda task: names.supervisors(ctx.model, task),
        flags=ctx.flags_for(),
    )


_task_id = attrgetter("task_id")
_entry = attrgetter("entry")  # ItemState.reported: an entry


def overdue_groups(
    ctx: Context, late: list[ItemState], soon: list[ItemState]
) -> list[dict[str, Any]]:
    """The 督办清单 by group: overdue and due-soon counts per group, and which plans' group
    pages hold the rows."""
    late_ids = set(map(id, late))
    full = ctx.full or ctx.model
    result = []
    for bucket in ctx.buckets([*late, *soon]):
        # h24v: picked and counted in C (a province's tens of thousands of rows)
        items = bucket.items
        overdue_items = list(compress(items, map(late_ids.__contains__, map(id, items))))
        per_plan: dict[str, int] = {}
        for task_id, n in Counter(map(_task_id, items)).items():
            plan_id = task_id.partition("/")[0]  # ItemState.plan_id
            per_plan[plan_id] = per_plan.get(plan_id, 0) + n
        result.append(
            {
                "bucket": bucket,
                "overdue": len(overdue_items),
                "unreported": sum(map(is_, map(_entry, overdue_items), repeat(None))),
                "longest": bucket.longest_days_late,
                "soon": len(bucket.items) - len(overdue_items),
                "plans": [
                    (p.id, per_plan[p.id])
                    for p in full.plans_in_order()
                    if p.id in per_plan and p.id in ctx.group_pages
                ],
            }
        )
    return result


# -- the list by responsible unit ------------------------------------------------
@dataclass(frozen=True)
class ChaseGroup:
    """One responsible unit's overdue items on the 督办清单: its line of the check report's
    unit summary (the counts in its heading), its rows, and the next step when every row has
    the same one (said once in the heading instead of on each row)."""

    summary: UnitSummary
    rows: tuple[StatusRow, ...]
    next_step: str | None


def chase_groups(ctx: Context, report: CheckReport) -> list[ChaseGroup]:
    """Units with overdue items, the one that needs chasing most first (the order of
    :meth:`CheckReport.unit_summaries`: highest escalation stage, most overdue, longest late),
    each with its overdue rows, the longest late first."""
    items = {holder.id: found for holder, found in report.units}
    result = []
    for summary in report.unit_summaries():
        if not summary.overdue:
            continue
        late = sorted(
            (c.item for c in items[summary.holder.id] if c.item.state is State.OVERDUE),
            key=lambda i: -(i.days_late or 0),
        )
        rows = tuple(StatusRow.of(ctx, i) for i in late)
        steps = {r.escalation.next_step if r.escalation else None for r in rows}
        common = steps.pop() if len(steps) == 1 else None
        result.append(ChaseGroup(summary, rows, common))
    return result
