"""h24v: the 督办清单 by group counts its rows in C (page_overdue.overdue_groups), a group
page's key finds its members in C (GroupPart.members_ranks): the same as the Python passes
they replace, at several dates, with every state."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from duban.evaluation.evaluate import State, evaluate
from duban.i18n.locale import load_locale
from duban.site.context import Context, Settings
from duban.site.page_group import group_parts
from duban.site.page_overdue import overdue_groups


def _before(ctx: Context, late: list[Any], soon: list[Any]) -> list[dict[str, Any]]:
    """main's overdue_groups (before h24v)."""
    late_ids = {id(i) for i in late}
    full = ctx.full or ctx.model
    result = []
    for bucket in ctx.buckets([*late, *soon]):
        overdue_items = [i for i in bucket.items if id(i) in late_ids]
        per_plan: dict[str, int] = {}
        for item in bucket.items:
            per_plan[item.plan_id] = per_plan.get(item.plan_id, 0) + 1
        result.append(
            {
                "bucket": bucket,
                "overdue": len(overdue_items),
                "unreported": sum(1 for i in overdue_items if not i.reported),
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


@pytest.mark.parametrize("as_of", ["2010-06-30", "2010-12-15", "2012-06-30"])
def test_the_counts_by_group_are_those_of_every_row(demo_model, as_of: str) -> None:
    evaluation = evaluate(demo_model, dt.date.fromisoformat(as_of), 30)
    states = list(State)
    mixed = replace(
        evaluation,
        items=tuple(
            replace(i, state=states[n % len(states)], entry=None if n % 3 else i.entry)
            for n, i in enumerate(evaluation.items)
        ),
    )
    for ev in (evaluation, mixed):
        ctx = Context(demo_model, ev, Settings(as_of=ev.as_of, summary_rows=5), load_locale("zh"))
        ctx.group_pages = frozenset(demo_model.plans)
        late, soon = ctx.late(), ctx.soon()
        found = overdue_groups(ctx, late, soon)
        assert found == _before(ctx, late, soon)
        if ev is mixed:
            assert any(g["overdue"] and g["unreported"] for g in found)
            assert any(g["plans"] for g in found)


def test_a_group_pages_members_and_ranks_are_those_of_every_occurrence(demo_model) -> None:
    evaluation = evaluate(demo_model, dt.date(2010, 12, 15), 30)
    for plan_id in demo_model.plans:
        view = demo_model.for_plan(plan_id)
        ctx = Context(
            view,
            evaluation.for_plan(plan_id),
            Settings(as_of=evaluation.as_of, summary_rows=5),
            load_locale("zh"),
            full=demo_model,
        )
        parts = group_parts(ctx)
        assert parts
        for part in parts:
            want = sorted({(i.holder_id, part.ranks.get(i.holder_id)) for i in part.bucket.items})
            assert part.members_ranks() == want and want
