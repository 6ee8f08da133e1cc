"""领导督办: the leaders the plans name beside their units, and what each one leads.

A new page family rather than a part of ``page_leadership.py``: that page shows one plan's
领导小组 as plan.yaml writes it (a body with positions and an office), while these pages gather
the people named on tasks across every plan, with the state of each task they lead, for the
leadership meeting. Leaders are people, not units: nothing here is counted among units.
"""

from __future__ import annotations

from dataclasses import dataclass

from duban.evaluation.evaluate import State
from duban.model.leaders import LeaderEntry, leaders_of
from duban.model.model import descendants
from duban.model.plan import Task
from duban.outputs import urls
from duban.site import lights, names, views
from duban.site.context import Context
from duban.site.render import render_page


@dataclass(frozen=True)
class LedTask:
    """A task (or sub-item) a leader leads, with the state of its occurrences."""

    row: views.TaskRow
    overdue: int
    """Overdue occurrences (of every holder)."""

    @property
    def task(self) -> Task:
        return self.row.task


def led_tasks(ctx: Context, entry: LeaderEntry) -> list[LedTask]:
    model, index = ctx.model, ctx.index
    result = []
    for task_id in entry.task_ids:
        task = model.tasks[task_id]
        if task.parent is None:
            items = index.by_top.get(task_id, [])
        else:
            keys = [task_id, *descendants(model.tasks, task_id)]
            items = [i for k in keys for i in index.by_task.get(k, [])]
        row = views.task_row(task, items)
        result.append(LedTask(row, sum(1 for i in items if i.state is State.OVERDUE)))
    return result


def leaders_index(ctx: Context) -> str | None:
    """Every leader, with how many tasks they lead and how many have overdue items."""
    entries = leaders_of(ctx.model)
    if not entries:
        return None
    rows = []
    for entry in entries:
        led = led_tasks(ctx, entry)
        rows.append(
            {
                "entry": entry,
                "tasks": len(led),
                "tasks_overdue": sum(1 for r in led if r.overdue),
                "overdue": sum(r.overdue for r in led),
                "light": lights.combine(r.row.light for r in led if r.row.light),
            }
        )
    return render_page(
        ctx,
        urls.LEADERS,
        "page_leaders.html",
        ctx.t.leaders.title,
        hide=["navigation", "toc"],
        rows=rows,
    )


def leader_pages(ctx: Context) -> dict[str, str]:
    """One page per leader: the tasks they lead across the plans, each with its states."""
    pages = {}
    for entry in leaders_of(ctx.model):
        led = led_tasks(ctx, entry)
        uri = urls.leader_page(entry.id)
        pages[uri] = render_page(
            ctx,
            uri,
            "page_leader.html",
            f"{entry.name} · {ctx.t.leaders.title}",
            hide=["navigation", "toc"],
            entry=entry,
            led=led,
            role_refs=names.role_refs,
            tally=lights.Tally.of(
                i for k in _covered(ctx, led) for i in ctx.index.by_task.get(k, [])
            ),
        )
    return pages


def _covered(ctx: Context, led: list[LedTask]) -> dict[str, None]:
    """The tasks and sub-items the led tasks cover, each once (a leader named on a task and
    again on one of its sub-items counts its occurrences once)."""
    keys: dict[str, None] = {}
    for r in led:
        keys.update(dict.fromkeys((r.task.id, *descendants(ctx.model.tasks, r.task.id))))
    return keys
