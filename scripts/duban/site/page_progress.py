"""A plan's progress page (``page_progress.html``): sections, groups, the ranking, deadlines
met and missed, the timeline and the indicators."""

from __future__ import annotations

from duban.evaluation.evaluate import State
from duban.i18n.locale import Locale
from duban.outputs import urls
from duban.site import charts, holder_records, implementers, lights, names, serve_rows, views
from duban.site.context import Context
from duban.site.indicator_blocks import indicator_blocks
from duban.site.render import render_page

RANKING_SHOWN = 20
"""A summarised ranking (a province) shows this many first and last places."""


def progress(ctx: Context) -> str:
    model, ev = ctx.model, ctx.evaluation
    plan = model.plan
    src = urls.plan_page(plan.id, "progress")
    deadline_rows = serve_rows.deadline_rows(model, ev, ctx.index)  # h24v
    timeline_rows = []
    by_top: dict[str, list[views.DeadlineRow]] = {}  # h24ae: one pass, not one a task
    for row in deadline_rows:
        by_top.setdefault(row.task.top_id, []).append(row)
    for task in model.tasks_in_order():
        marks = []
        for row in by_top.get(task.id, []):
            # the states present decide a light, not how many of each (h24ae: not expanded)
            light = lights.combine(s for s, n in row.tally.counts.items() if n > 0)
            if light is None:
                continue
            marks.append(
                {
                    "date": row.date,
                    "state": light,
                    "count": row.tally.total,
                    "label": _deadline_label(ctx.t, row, light),
                }
            )
        timeline_rows.append(
            {
                "label": names.task_citation(task),
                "title": task.title,
                "href": urls.Linker(src, ctx.settings.directory_urls).task(task.id),
                "marks": marks,
            }
        )
    timeline = charts.timeline(timeline_rows, plan.period_start, plan.period_end, ev.as_of)
    indicators = [b for task in model.all_in_order() for b in indicator_blocks(ctx, task)]
    ranking, cut = holder_records.ranked_records(model, ctx.index, ev.as_of), 0
    if ctx.summarise_count(len(ranking)):
        # a province: the first and the last places here, every place on the group pages
        ranked = [r for r in ranking if r.rank]
        cut = len(ranked)
        ranking = (
            ranked[:RANKING_SHOWN] + ranked[-RANKING_SHOWN:] if cut > 2 * RANKING_SHOWN else ranked
        )
    sections = ctx.section_rows()
    groups = serve_rows.group_rows(model, ev, ctx.index)  # h24v
    below = implementers.rollup_cells(ctx.below(), model.tasks_in_order())
    return render_page(
        ctx,
        src,
        "page_progress.html",
        f"{ctx.t.nav.progress} · {plan.display_name}",
        hide=["navigation"],
        plan=plan,
        sections=sections,
        groups=groups,
        # every count table has a column for each state its rows hold: the parts add up
        section_states=lights.present_states(s.tally for s in sections),
        group_states=lights.present_states(g.tally for g in groups),
        ranking_states=lights.present_states(r.tally for r in ranking),
        deadline_states=lights.present_states(d.tally for d in deadline_rows),
        ranking=ranking,
        ranking_cut=cut,
        ranking_top=RANKING_SHOWN,
        reporters=holder_records.reporters(model, ev.as_of, ctx.index),
        deadlines=deadline_rows,
        timeline=timeline,
        indicators=indicators,
        tally=ctx.index.tally_of(ev),
        combine=lights.combine,
        below=below,
        below_tasks=[task for task in model.tasks_in_order() if task.id in below],
        **implementers.template_values(ctx.t),
    )


def _deadline_label(t: Locale, row: views.DeadlineRow, light: State) -> str:
    name = names.task_citation(row.task)
    counts = "，".join(f"{t.state[s.value]} {n}" for s, n in row.tally.segments())
    return f"{name} {row.date.isoformat()}: {counts}"
