"""One occurrence as a row of a status table, the 督办清单 and the group pages show it."""

from __future__ import annotations

from typing import Any

from duban.evaluation.evaluate import ItemState
from duban.site import views
from duban.site.context import Context


def item_row(ctx: Context, item: ItemState) -> dict[str, Any]:
    """An occurrence with what a table row shows about it."""
    task = (ctx.full or ctx.model).tasks[item.task_id]
    due = task.due_item(item.due_id)
    escalation = ctx.evaluation.escalations.get(
        (item.task_id, item.holder_id, item.due_id, item.key)
    )
    ladder = (ctx.full or ctx.model).rules.ladder_for(item.task_id) if escalation else None
    stage_ids = [s.id for s in ladder.stages] if ladder is not None else []
    return {
        "item": item,
        "task": task,
        "due": due,
        "stage_rank": (
            stage_ids.index(escalation.stage)
            if escalation and escalation.stage in stage_ids
            else -1
        ),
        "label": views.due_label(task, due) if due is not None else None,
        "entry": item.entry,
        "last_update": views.last_update(item, ctx.evaluation.as_of),
        "escalation": escalation,
        "ongoing": due is not None and due.is_ongoing and not due.check_in,
        "ids": views.obligation_ids(task, item, len((ctx.full or ctx.model).plans) > 1),
        "report": ctx.report_link(item),
    }
