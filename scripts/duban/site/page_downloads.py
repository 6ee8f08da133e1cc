"""The downloads page (``page_downloads.html``): every file the site offers."""

from __future__ import annotations

from duban.outputs import urls
from duban.site import names
from duban.site.context import Context
from duban.site.implementers import source_state
from duban.site.render import render_page


def downloads_page(ctx: Context) -> str:
    holders = [h for h in names.page_holders(ctx.model) if urls.unit_ics(h.id) in ctx.downloads]
    return render_page(
        ctx,
        urls.DOWNLOADS,
        "page_downloads.html",
        ctx.t.nav.downloads,
        hide=["navigation", "toc"],
        holders=holders,
        plans=ctx.model.plans_in_order(),
        group_pages=ctx.group_pages,
        sources=[(h, source_state(h, ctx.t)) for h in ctx.settings.source_health],
    )
