"""The site's pages as jobs for :mod:`.split`, in the site's order, each with its cost, what it
needs (the downloads' sizes, the calendars) and its key (:mod:`.page_keys`): a page whose key a
memo holds is not rendered again."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from duban.outputs import urls
from duban.site import (
    job_costs,
    names,
    page_downloads,
    page_group,
    page_home,
    page_keys,
    page_leaders,
    page_leadership,
    page_overdue,
    page_progress,
    page_tasks,
    page_units,
    split,
    summary_keys,
)
from duban.site.context import Context
from duban.site.kept_group_pages import Finish, KeptGroupPages, given_key


def page_jobs(
    ctx: Context,
    plan_ctxs: dict[str, Context],
    cost: job_costs.Costs,
    keys: page_keys.Keys | None = None,
    kept_groups: KeptGroupPages | None = None,
) -> tuple[list[split.Job], list[str | summary_keys.LateKey | None], dict[int, Finish]]:
    """Every page, in the site's order, and each job's key (:mod:`.page_keys`; None without
    ``keys``), and what makes a job's result its pages when not itself (h24aa: ``kept_groups``).
    Unit pages need the calendars (a unit page links its own); the downloads page,
    the 督办清单 and each plan's task list show download sizes. Pages that need nothing may be
    made by any process."""
    Needs = split.Needs
    made_keys: list[str | summary_keys.LateKey | None] = []
    finish: dict[int, Finish] = {}
    pieces = ctx.pieces if keys is not None else None
    if pieces is not None and keys is not None:
        pieces.start(keys.base)

    def Job(  # split.Job's name: a page job may go to any process when it needs nothing
        run: Callable[[], dict[str, str]],
        needs: split.Needs = Needs.NOTHING,
        cost: float = job_costs.SMALL,
        key: Callable[[page_keys.Keys], str | summary_keys.LateKey] | str | None = None,
    ) -> split.Job:
        if keys is None:
            made_keys.append(None)
        elif isinstance(key, str):  # h24w: a summary by what it shows (late: it shows sizes)
            late = needs is Needs.EVERYTHING
            made_keys.append(keys.summaries.late(key) if late else keys.summaries.page(key))
        else:  # by default a job reads everything: its name is the first page it makes
            made_keys.append(key(keys) if key else keys.summary(f"job {len(made_keys)}"))
        if pieces is not None:  # h24ad: the kept rows put in, then a group page's ranks
            finish[len(made_keys) - 1] = pieces.then(finish.get(len(made_keys) - 1))
        return split.Job(run, needs=needs, far=needs <= Needs.NOTHING, cost=cost)

    only = next(iter(plan_ctxs.values())) if len(plan_ctxs) == 1 else None

    def one(uri: str, make: Callable[[], str | None]) -> Callable[[], dict[str, str]]:
        def run() -> dict[str, str]:
            page = make()
            return {} if page is None else {uri: page}

        return run

    home = one(urls.HOME, lambda: page_home.home(ctx, only, plan_ctxs))
    newest = partial(ctx.index.newest, page_home.NEWEST)  # h24w: its reports' texts
    jobs = [
        Job(home, cost=cost.home(), key=lambda k: k.summaries.home(urls.HOME, newest)),
        Job(
            one(urls.OVERDUE, lambda: page_overdue.overdue_page(ctx)),
            Needs.EVERYTHING,
            cost=cost.overdue(),
            key=urls.OVERDUE,
        ),
        Job(one(urls.UNITS, lambda: page_units.units_index(ctx)), key=urls.UNITS),
    ]
    for holder in names.page_holders(ctx.model):
        uri = urls.unit_page(holder.id)
        page = one(uri, partial(page_units.page_of_unit, ctx, holder))
        history = Job(
            partial(page_units.history_pages, ctx, holder),
            cost=cost.history(holder.id),
            key=partial(page_keys.Keys.holder, uri=f"history {uri}", holder_id=holder.id),
        )
        own = partial(page_keys.Keys.holder, uri=uri, holder_id=holder.id)
        jobs += [Job(page, needs=Needs.FIRST, cost=cost.unit(holder.id), key=own), history]
    listed = one(urls.DOWNLOADS, lambda: page_downloads.downloads_page(ctx))
    jobs += [
        Job(listed, Needs.EVERYTHING, key=urls.DOWNLOADS),
        # 领导督办, only when the plans name leaders
        Job(one(urls.LEADERS, lambda: page_leaders.leaders_index(ctx)), key=urls.LEADERS),
        Job(partial(page_leaders.leader_pages, ctx), key="leader pages"),
    ]
    for pid, pctx in plan_ctxs.items():
        tasks, progress, overdue = (
            urls.plan_page(pid, p) for p in ("index", "progress", "overdue")
        )
        jobs += [
            Job(one(tasks, partial(page_tasks.plan_index, pctx)), Needs.EVERYTHING, key=tasks),
            Job(
                one(progress, partial(page_progress.progress, pctx)),
                cost=cost.progress(pid),
                key=progress,
            ),
            Job(
                one(overdue, partial(page_overdue.overdue_page, pctx, pid)),
                Needs.EVERYTHING,
                key=overdue,
            ),
        ]
        if pctx.model.plan.leadership is not None:
            uri = urls.plan_page(pid, "leadership")
            jobs.append(Job(one(uri, partial(page_leadership.leadership, pctx)), key=uri))
        for task in pctx.model.tasks_in_order():
            uri = urls.task_page(task.id)
            page = one(uri, partial(page_tasks.page_of_task, pctx, task))
            key = partial(page_keys.Keys.task, uri=uri, pctx=pctx, task=task)
            jobs.append(Job(page, cost=cost.task(task.id), key=key))
        if pid in ctx.group_pages:
            parts = page_group.group_parts(pctx)  # h24g: a job each, keyed by what it shows
            each = cost.groups(pid) / max(len(parts), 1)
            for part in parts:
                key = partial(page_keys.Keys.group, part=part, pctx=pctx)
                if keys is None or kept_groups is None:
                    jobs.append(Job(one(part.uri, part.render), cost=each, key=key))
                    continue
                made, shape = keys.group_and_shape(part, pctx)
                finish[len(jobs)] = kept_groups.finish(part.uri, shape, part.ranks)
                run = kept_groups.job(part.uri, shape, part.render_tokens)
                jobs.append(Job(run, cost=each, key=partial(given_key, made)))
    return jobs, made_keys, finish
