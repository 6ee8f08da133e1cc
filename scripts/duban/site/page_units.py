"""The units: their index (``page_units.html``), each unit's page (``page_unit.html``) and
its history pages (``page_history.html``)."""

from __future__ import annotations

from duban.evaluation.evaluate import ItemState, State
from duban.model.leaders import leaders_of_unit
from duban.model.org import Group, Holder, Unit
from duban.outputs import urls
from duban.site import groups, holder_records, lights, names, reports, unit_rows
from duban.site.context import Context
from duban.site.render import render_page
from duban.site.status_rows import StatusRow

# A unit's page ranks above the pages that only mention the unit when its name is searched
# (Material's search.boost; the names are words of the search, see search_words.py).
UNIT_PAGE_BOOST = 5.0


def units_index(ctx: Context) -> str:
    model = ctx.model
    records = {
        r.holder.id: r
        for r in holder_records.ranked_records(model, ctx.index, ctx.evaluation.as_of)
    }
    holders = names.page_holders(model)
    rows = []
    for holder in holders if len(holders) <= ctx.settings.summary_rows else ():
        record = records.get(holder.id)
        rows.append(
            {
                "holder": holder,
                "kind": names.holder_kind(holder),
                "groups": names.groups_of(model, holder.id),
                "record": record,
                "roles": len(names.roles_of(model, holder.id)),
            }
        )
    by_group = None
    if len(holders) > ctx.settings.summary_rows and groups.has_groups(model):
        # a province: one short line of names per group instead of a 1 MB table
        by_group = groups.holders_by_group(model, holders, ctx.home_groups())
        rows = []
    return render_page(
        ctx,
        urls.UNITS,
        "page_units.html",
        ctx.t.nav.units,
        hide=["navigation", "toc"],
        rows=rows,
        by_group=by_group,
        holder_count=len(holders),
    )


def page_of_unit(ctx: Context, holder: Holder) -> str:
    """What a unit owes across all plans, soonest first; where it only cooperates, apart."""
    model = ctx.model
    items = sorted(
        ctx.index.by_holder.get(holder.id, []),
        key=lambda i: (i.due, model.tasks[i.task_id].plan_id, model.tasks[i.task_id].order),
    )
    members = []
    if isinstance(holder, Group):
        for member in names.group_members(model, holder):
            members.append(holder_records.indexed_record(member, ctx.index))
    history = ctx.index.reports_of(holder.id)
    latest = latest_reports(history, ctx.settings.history_per_item)
    feed = ctx.settings.feed_on_page_province if ctx.group_pages else ctx.settings.feed_on_page
    shown = latest[: max(feed, 0)]
    more = len(shown) < len(history)
    rows = [StatusRow.of(ctx, i) for i in items]
    urgent = [
        r
        for r in sorted(rows, key=lambda r: _urgency(r.item))
        if r.item.state in (State.OVERDUE, State.DUE_SOON)
    ]
    others = unit_rows.Listed(
        [r for r in rows if r.item.state not in (State.OVERDUE, State.DUE_SOON)]
    )
    if ctx.group_pages:
        others = unit_rows.listed(others.rows, ctx.settings.closed_per_item_province)
    parent = model.entity(holder.parent) if isinstance(holder, Unit) and holder.parent else None
    status_file = f"status/{holder.id}.yaml"
    has_ics = f"{urls.unit_ics(holder.id)}" in ctx.downloads
    roles = names.roles_of(model, holder.id)
    return render_page(
        ctx,
        urls.unit_page(holder.id),
        "page_unit.html",
        holder.name,
        hide=["navigation", "toc"],  # the width goes to the table of items
        search_boost=UNIT_PAGE_BOOST,
        holder=holder,
        kind=names.holder_kind(holder),
        is_group=isinstance(holder, Group),
        groups=names.groups_of(model, holder.id),
        parent=parent,
        roles=[r for r in roles if r.role != "cooperate"],
        cooperating=[r for r in roles if r.role == "cooperate"],
        rows=rows,
        urgent=urgent,
        # each row once (h24b): the urgent ones are in the table above, not again in this one
        others=others.rows,
        # a province (h24i): of each obligation its open, next and latest closed occurrences
        others_left_out=others,
        tally=lights.Tally.of(items),
        light=lights.light_of(items),
        members=members,
        history=shown,
        history_total=len(history),
        history_page=urls.unit_history(holder.id) if more and not ctx.group_pages else None,
        # a province (h24e): the full history is in the open data, not on pages of its own
        history_in_data=urls.DOWNLOADS if more and ctx.group_pages else None,
        edit=ctx.edit_link(status_file) if items or not isinstance(holder, Group) else None,
        org_edit=ctx.edit_link("org.yaml"),
        ics=urls.unit_ics(holder.id) if has_ics else None,
        flags=ctx.flags_for(holder_id=holder.id),
        leaders=leaders_of_unit(model, holder.id),
    )


def _urgency(item: ItemState) -> tuple[bool, int, object]:
    """Overdue first, the longest late first; then due soon, the soonest first."""
    return (item.state is not State.OVERDUE, -(item.days_late or 0), item.due)


def latest_reports(history: list[reports.ReportEntry], per_item: int) -> list[reports.ReportEntry]:
    """The newest ``per_item`` reports of each occurrence (``history`` is newest first): a unit
    page stays the same size however long the plan has run."""
    seen: dict[tuple[str, str, str], int] = {}
    kept = []
    for report in history:
        key = (report.task_id, report.due_id, report.key)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= per_item:
            kept.append(report)
    return kept


def history_pages(ctx: Context, holder: Holder) -> dict[str, str]:
    """Every report of a unit, when its page shows only the latest ones, newest first, in pages
    of ``history_page_size``; left out of the search index (the unit page already holds the
    latest words of each item).

    A province (a site summarised by group, :attr:`Context.group_pages`) has none (h24e): at
    1,500 units they were 66 MB of pages the open data (``duban.json``) already holds; the
    unit page says so and links the downloads page."""
    if ctx.group_pages:
        return {}
    history = ctx.index.reports_of(holder.id)
    shown = latest_reports(history, ctx.settings.history_per_item)[: ctx.settings.feed_on_page]
    if len(shown) == len(history):
        return {}
    size = max(ctx.settings.history_page_size, 1)
    parts = [history[start : start + size] for start in range(0, len(history), size)]
    title = f"{holder.name} · {ctx.t.groups.history_kicker}"
    return {
        urls.unit_history(holder.id, n): render_page(
            ctx,
            urls.unit_history(holder.id, n),
            "page_history.html",
            title if len(parts) == 1 else f"{title} ({n}/{len(parts)})",
            hide=["navigation", "toc"],
            search=False,
            holder=holder,
            history=part,
            part=n,
            pager=[urls.unit_history(holder.id, k) for k in range(1, len(parts) + 1)],
            total=len(history),
        )
        for n, part in enumerate(parts, 1)
    }
