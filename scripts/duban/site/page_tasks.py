"""A plan's 任务分工表 (``page_tasks.html``) and each task's page (``page_task.html``)."""

from __future__ import annotations

from functools import partial

from duban.model.leaders import own_leaders
from duban.model.plan import Task
from duban.outputs import urls
from duban.site import implementers, lights, names, views
from duban.site.context import Context
from duban.site.indicator_blocks import indicator_blocks
from duban.site.render import render_page
from duban.site.status_rows import StatusRow


def plan_index(ctx: Context) -> str:
    """A plan's 任务分工表: its facts, its sections and the task table (with a column of the
    roll-up below each task when any task of the plan has rows below)."""
    model = ctx.model
    plan = model.plan
    rows = list(ctx.task_rows.values())  # h24v: from the last build's while serving
    below = implementers.rollup_cells(ctx.below(), (r.task for r in rows))
    return render_page(
        ctx,
        urls.plan_page(plan.id),
        "page_tasks.html",
        plan.display_name,
        hide=["navigation", "toc"],
        # a site named after its only plan: the tab reads 任务分工表 - <plan>, not <plan> - <plan>
        tab_title=ctx.t.nav.tasks if plan.display_name == ctx.title else None,
        plan=plan,
        issuer=views.plan_issuer(model, model.plans_in_order()[0]),
        rows=rows,
        sections={s.number: s for s in plan.sections},
        section_rows=ctx.section_rows(),
        tally=ctx.index.tally_of(ctx.evaluation),
        overdue_count=len(ctx.late()),  # h24ae: the kept sorted list's (views.overdue)
        role_refs=names.role_refs,
        with_leaders=any(r.task.leaders for r in rows),
        below=below,
        **implementers.template_values(ctx.t),
    )


def page_of_task(ctx: Context, task: Task) -> str:
    model = ctx.model
    src = urls.task_page(task.id)
    link = urls.Linker(src, ctx.settings.directory_urls)
    full = ctx.full or model
    rows_below = ctx.below()
    holders = full.holders

    def below(key: str) -> implementers.Below | None:
        return implementers.below(
            rows_below.get(key, ()),
            link,
            ctx.evaluation.as_of,
            ctx.sources,
            ctx.settings.summary_rows,
            holders,
        )

    def up(node: Task) -> list[implementers.UpLink]:
        return implementers.up_links(node, full, link, ctx.sources)

    own = ctx.index.by_task.get(task.id, [])
    section = model.plan.section(task.section)
    own_by_group = ctx.summarise(own)
    subitems = []
    for sub in model.items_of(task):
        rows = ctx.index.by_task.get(sub.id, [])
        by_group = ctx.summarise(rows)
        summary = ctx.task_summary(sub.id) if by_group else None  # h24ad: its tally too
        tally = summary.tally if summary is not None else lights.Tally.of(rows)
        subitems.append(
            {
                "task": sub,
                "anchor": urls.item_anchor(sub.id),
                "depth": sub.id.count("/") - 2,
                "roles": {role: names.role_refs(sub, role) for role in sub.roles},
                "own_roles": bool(sub.roles)
                and sub.roles != model.tasks[sub.parent or task.id].roles,
                "rows": [] if by_group else [StatusRow.of(ctx, i) for i in rows],
                "groups": summary,
                "count": len(rows),
                "show_item": len(sub.due) > 1 or any(i.key for i in rows),
                "tally": tally,
                "light": tally.light,
                "below": below(sub.id),
                "up": up(sub),
            }
        )
    return render_page(
        ctx,
        src,
        "page_task.html",
        f"{names.task_citation(task)} {task.title}",
        hide=["navigation"],
        task=task,
        plan=model.plan,
        section=section,
        row=ctx.task_rows[task.id],  # h24ad: the task list's
        roles={role: names.role_refs(task, role) for role in task.roles},
        rows=[] if own_by_group else [StatusRow.of(ctx, i) for i in own],
        groups=ctx.task_summary(task.id) if own_by_group else None,
        count=len(own),
        # the item column says which deadline and period a row is about, when there is a choice
        show_item=len(task.due) > 1 or any(i.key for i in own),
        subitems=subitems,
        indicators=indicator_blocks(ctx, task),
        # one row per holder: when the list is summarised by group (a province), each group
        # page says how many deliverables each of its units has done
        deliverables=None if own_by_group else views.holders_done(task, ctx.evaluation.as_of, own),
        edit=ctx.edit_link(task.source.file or f"tasks/{task.local_id}.yaml"),
        flags=ctx.flags_for(task_id=task.id),
        due_label=views.due_label,
        own_leaders=partial(own_leaders, model),
        below=below(task.id),
        missing_sources=implementers.missing_sources(ctx.settings.source_health, ctx.t),
        up=up(task),
        **implementers.template_values(ctx.t),
    )
