"""A plan's leadership group (``page_leadership.html``)."""

from __future__ import annotations

from duban.outputs import urls
from duban.site.context import Context
from duban.site.render import render_page


def leadership(ctx: Context) -> str:
    plan = ctx.model.plan
    return render_page(
        ctx,
        urls.plan_page(plan.id, "leadership"),
        "page_leadership.html",
        f"{plan.leadership.name if plan.leadership else ctx.t.nav.leadership}",
        hide=["navigation", "toc"],
        leadership=plan.leadership,
        plan=plan,
    )
