"""The downloads page (``page_downloads.html``): every file the site offers."""

from __future__ import annotations

from duban.model.federation import INVALID, OK, OUTDATED, STALE, SourceHealth
from duban.outputs import urls
from duban.site import names
from duban.site.context import Context
from duban.site.render import render_page


def source_state(health: SourceHealth, ctx: Context) -> str:
    """h20b: a source's health in words: 正常，数据截至 <date> / 无法获取：<reason> …"""
    day = health.copy_date.isoformat() if health.copy_date else ""
    if health.state in (OK, STALE, OUTDATED):
        words = {
            OK: ctx.t.sources.ok,
            STALE: ctx.t.sources.stale,
            OUTDATED: ctx.t.sources.outdated,
        }[health.state]
        return f"{words} {day}"
    words = ctx.t.sources.invalid if health.state == INVALID else ctx.t.sources.unreachable
    return f"{words}：{health.reason}" if health.reason else words


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
        sources=[(h, source_state(h, ctx)) for h in ctx.settings.source_health],
    )
