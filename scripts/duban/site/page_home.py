"""The home page (``page_home.html``): the repository's plans; with one plan, its summary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from duban.evaluation.evaluate import Evaluation
from duban.outputs import urls
from duban.site import views
from duban.site.context import Context
from duban.site.indicator_blocks import indicator_blocks
from duban.site.render import render_page

UPCOMING_LIMIT = 8
NEWEST = 8
"""The newest reports the page shows (h24w: in its key, texts and all)."""


def home(
    ctx: Context, plan_ctx: Context | None = None, plan_ctxs: Mapping[str, Context] | None = None
) -> str:
    """The repository's plans, newest first; with one plan, also that plan's summary.
    ``plan_ctxs`` (h24s): each plan's context, whose index has tallied its occurrences."""
    model, ev = ctx.model, ctx.evaluation
    plan = plan_ctx.model.plan if plan_ctx is not None else None
    headline = None
    issuer = None
    if plan_ctx is not None and plan is not None:
        headline = next(
            (
                b
                for task in plan_ctx.model.tasks_in_order()
                for b in indicator_blocks(plan_ctx, task)
                if b["points"]
            ),
            None,
        )
        issuer = views.plan_issuer(plan_ctx.model, plan_ctx.model.plans_in_order()[0])
    soon, later = _due_soon(ev)
    return render_page(
        ctx,
        urls.HOME,
        "page_home.html",
        ctx.t.nav.home,
        hide=["navigation", "toc"],
        plans=views.plan_rows(model, ev, {p: c.index.tally for p, c in (plan_ctxs or {}).items()}),
        plan=plan,
        issuer=issuer,
        tally=ctx.index.tally_of(ev),
        task_count=sum(1 for t in model.tasks.values() if t.parent is None),
        holder_count=len(ctx.index.by_holder),  # h24s: the holders of ev's occurrences
        headline=headline,
        upcoming=soon[:UPCOMING_LIMIT],
        more_soon=len(soon) - UPCOMING_LIMIT,
        next_after=later[0] if later else None,
        due_soon_days=ev.due_soon_days,
        due_label=views.due_label,
        reports=ctx.index.newest(NEWEST),
        overdue_count=len(ctx.late()),  # h24ae: the kept sorted list's (views.overdue)
        summary=_summary(ctx),
    )


def _summary(ctx: Context) -> Any:
    """The check report's summary (duban.evaluation.check_report.summarize): the same counts
    as duban check."""
    return ctx.summary()


def _due_soon(
    ev: Evaluation,
) -> tuple[list[views.NextDeadline], list[views.NextDeadline]]:
    """The open deadlines due within the evaluation's ``due_soon_days`` (the 临期 window, the
    one the overdue page and duban check use), soonest first; and those due later."""
    every = views.next_deadlines(ev, len(ev.items))
    soon = [n for n in every if n.days_left is not None and n.days_left <= ev.due_soon_days]
    return soon, every[len(soon) :]
