"""h24v: Evaluation.for_plan picks a plan's occurrences in C: the same occurrences, in the
same order, as the filter it replaces, for every plan and for a plan id that another's
starts with."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from duban.evaluation.evaluate import evaluate


def test_for_plan_picks_the_plans_occurrences(demo_model) -> None:
    evaluation = evaluate(demo_model, dt.date(2010, 12, 15), 30)
    total = 0
    for plan_id in demo_model.plans:
        found = evaluation.for_plan(plan_id)
        want = tuple(i for i in evaluation.items if i.task_id.startswith(f"{plan_id}/"))
        assert len(found.items) == len(want) > 0
        assert all(a is b for a, b in zip(found.items, want, strict=True))
        total += len(want)
    assert total == len(evaluation.items)
    # a plan whose id another's starts with: only its own ("x/..." not "xy/...")
    plan_id = next(iter(demo_model.plans))
    longer = replace(
        evaluation,
        items=tuple(
            replace(i, task_id=f"{plan_id}x/{i.task_id.partition('/')[2]}")
            for i in evaluation.items
        ),
    )
    assert longer.for_plan(plan_id).items == ()
    assert len(longer.for_plan(f"{plan_id}x").items) == len(evaluation.items)
