"""A group's page in one plan (``page_group.html``), where a list too long for one page sends
its rows (see :mod:`duban.site.groups`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from duban.evaluation.evaluate import ItemState
from duban.outputs import urls
from duban.site import (
    group_rows,
    groups,
    holder_records,
    kept_group_pages,
    lights,
    names,
    serve_rows,
    views,
)
from duban.site.context import Context
from duban.site.render import render_page
from duban.site.status_rows import StatusRow


def plans_with_group_pages(ctx: Context, plan_ctxs: dict[str, Context]) -> frozenset[str]:
    """The plans whose long lists are summarised by group, so whose group pages exist: a task
    or sub-item table, or the plan's 督办清单, over the threshold; every plan when the
    cross-plan 督办清单 is."""

    def long_lists(c: Context) -> bool:
        return c.summarise(c.late()) or c.summarise(c.soon())  # h24s: each found once

    if long_lists(ctx):
        return frozenset(plan_ctxs)
    return frozenset(
        pid
        for pid, c in plan_ctxs.items()
        if long_lists(c) or any(c.summarise(v) for v in c.index.by_task.values())
    )


def group_pages(ctx: Context) -> dict[str, str]:
    """Every group page of one plan (``ctx`` is the plan's), keyed by its path."""
    return {part.uri: part.render() for part in group_parts(ctx)}


_holder_id = attrgetter("holder_id")


@dataclass(frozen=True)
class GroupPart:
    """One group page, before it is rendered: what it shows (its key is made of it, h24g)."""

    uri: str
    bucket: groups.Bucket
    late: list[ItemState]
    soon: list[ItemState]
    ranks: dict[str, int | None]
    """The rank of every holder ranked (the page shows its members')."""
    ctx: Context

    def render(self) -> str:
        return page_of_group(self.ctx, self.bucket, self.late, self.soon, self.ranks)

    def render_tokens(self) -> str:
        """h24aa: the page with a token for each ranked member's rank (:mod:`.kept_group_pages`)."""
        ranks = kept_group_pages.tokens(self.members_ranks())
        return page_of_group(self.ctx, self.bucket, self.late, self.soon, ranks)

    def members_ranks(self) -> list[tuple[str, int | None]]:
        holders = set(map(_holder_id, self.bucket.items))  # h24v: found in C
        return sorted((h, self.ranks.get(h)) for h in holders)


def group_parts(ctx: Context) -> list[GroupPart]:
    """Every group page of one plan, to be rendered (:meth:`GroupPart.render`)."""
    ev = ctx.evaluation
    ranks = {
        r.holder.id: r.rank
        for r in holder_records.ranked_records(ctx.model, ctx.index, ctx.evaluation.as_of)
    }
    late = {b.slug: list(b.items) for b in ctx.buckets(ctx.late())}
    soon_items = ctx.soon()
    soon = {b.slug: list(b.items) for b in ctx.buckets(soon_items)}
    return [
        GroupPart(
            urls.group_page(ctx.model.plan.id, b.slug),
            b,
            late.get(b.slug, []),
            soon.get(b.slug, []),
            ranks,
            ctx,
        )
        # h24v: every occurrence's buckets from the last build's while serving
        for b in serve_rows.buckets(ctx.full or ctx.model, ev, ctx.index, ctx.home_groups())
    ]


def _holder_cell(holder_id: str, items: list[ItemState]) -> dict[str, Any]:
    return {
        "holder_id": holder_id,
        "tally": lights.Tally.of(items),
        "light": lights.light_of(items),
    }


def page_of_group(
    ctx: Context,
    bucket: groups.Bucket,
    late: list[ItemState],
    soon: list[ItemState],
    ranks: Mapping[str, object],
) -> str:
    """One group's occurrences in one plan: its units, each task unit by unit, and its overdue
    and due-soon rows (the detail the plan's summarised lists leave out)."""
    model = ctx.model
    plan = model.plan
    by_holder: dict[str, list[ItemState]] = {}
    by_top: dict[str, dict[str, list[ItemState]]] = {}
    for item in bucket.items:
        by_holder.setdefault(item.holder_id, []).append(item)
        top = model.tasks[item.task_id].top_id
        by_top.setdefault(top, {}).setdefault(item.holder_id, []).append(item)
    members = [_holder_cell(h, items) for h, items in by_holder.items()]
    tasks = []
    for task in model.tasks_in_order():
        holders = by_top.get(task.id)
        if not holders:
            continue
        tasks.append(
            {
                "task": task,
                "anchor": urls.task_anchor(task.id),
                "tally": lights.Tally.of(i for items in holders.values() for i in items),
                "rows": [_holder_cell(h, items) for h, items in holders.items()],
                "delivered": {
                    d["holder_id"]: len(d["done"])
                    for d in views.holders_done(
                        task, ctx.evaluation.as_of, [i for v in holders.values() for i in v]
                    )
                    or ()
                },
            }
        )
    name = bucket.group.name if bucket.group is not None else str(ctx.t.groups.ungrouped)
    return render_page(
        ctx,
        urls.group_page(plan.id, bucket.slug),
        "page_group.html",
        f"{name} · {plan.display_name}",
        hide=["navigation", "toc"],
        search=False,  # its rows are on the units' pages, which search finds
        plan=plan,
        bucket=bucket,
        group_name=name,
        members=members,
        ranks=ranks,
        tasks=tasks,
        # one row per overdue occurrence, naming each of its units (h24i)
        rows=group_rows.shared_rows([StatusRow.of(ctx, i) for i in late]),
        soon=[StatusRow.of(ctx, i) for i in soon],
        supervisors=lambda task: names.supervisors(ctx.model, task),
    )
