"""Model + evaluation -> the generated part of the site, as strings and bytes in memory.

``render_site`` is the one entry point: it returns every generated page (Markdown source made of
raw HTML, keyed by its path in the docs tree) and every download (keyed by its path in the site).
It writes nothing and never reads the clock: the MkDocs plugin and the tests are the edges.

The package, from the bottom up:

* what pages show, with no HTML: :mod:`.lights` (lights and tallies), :mod:`.names` (names and
  roles), :mod:`.reports`, :mod:`.index` (occurrences and reports grouped once),
  :mod:`.holder_records` (records and the ranking), :mod:`.views` (tables and lists),
  :mod:`.groups` (long lists by group), :mod:`.charts` (chart geometry);
* :mod:`.context`: :class:`Settings` and the :class:`~.context.Context` every page shares;
  :mod:`.status_rows` and :mod:`.indicator_blocks`, pieces several pages show;
* :mod:`.render` renders one template (:mod:`.env`, and :mod:`.row_printer` for the rows
  printed in Python); one ``page_*`` module per page family, named after its template;
* the downloads: :mod:`.downloads` (task tables, feed, open data) and :mod:`.calendars`;
  :mod:`.split` shares the work with forked processes (:mod:`.job_costs`: what each job is
  expected to take); :mod:`.examples` fills the guide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from importlib import resources

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import Evaluation, evaluate
from duban.evaluation.rollup import Implementer
from duban.i18n.locale import load_locale
from duban.model.model import Model
from duban.outputs import urls
from duban.outputs.ledger import ledger
from duban.outputs.ledger_files import ledger_csv, ledger_xlsx
from duban.site import (
    calendars,
    downloads,
    job_costs,
    kept_downloads,
    kept_jobs,
    kept_ledger,
    kept_open_data,
    kept_open_data_chunks,
    kept_pieces,
    kept_states,
    kept_uses,
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
    serve_index,
    split,
    summary_keys,
)
from duban.site.context import Context, Settings, site_description, site_title
from duban.site.env import compile_templates
from duban.site.implementers import LinkedSource
from duban.site.kept_group_pages import Finish, KeptGroupPages, given_key

__all__ = [
    "LinkedSource",
    "Settings",
    "Site",
    "asset_files",
    "render_site",
    "site_description",
    "site_title",
]


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Downloads kept in memory (all of them, unless a ``sink`` takes them)."""
    evaluation: Evaluation | None = None
    sink: Callable[[str, bytes], None] | None = None
    """Where downloads go as soon as each is made, instead of ``files``: the edge writes them
    out, so a province's hundreds of MB of calendars are not all held at once."""
    sizes: dict[str, int] = field(default_factory=dict)
    """Every download's size in bytes (pages show them)."""
    reused: set[str] = field(default_factory=set)
    """The keys of the page jobs whose pages a memo gave (not rendered)."""

    def put(self, path: str, content: str | bytes) -> None:
        data = content.encode() if isinstance(content, str) else content
        self.sizes[path] = len(data)
        if self.sink is not None:
            self.sink(path, data)
        else:
            self.files[path] = content


def asset_files() -> dict[str, bytes]:
    """The stylesheet and script the pages use, to be served from the site itself."""
    folder = resources.files("duban.site").joinpath("assets")
    return {
        urls.ASSET_CSS: folder.joinpath("duban.css").read_bytes(),
        urls.ASSET_JS: folder.joinpath("duban.js").read_bytes(),
    }


PARALLEL_MIN_ITEMS = 2_000
"""From this many occurrences on, forked processes render shares of the site by default (a fork
costs tens of milliseconds; a shipped city plan's few hundred occurrences render in a second)."""


def render_site(
    model: Model,
    settings: Settings,
    evaluation: Evaluation | None = None,
    sink: Callable[[str, bytes], None] | None = None,
    processes: int | None = None,
    implementers: dict[str, list[Implementer]] | None = None,
    sources: dict[str, LinkedSource] | None = None,
    memo: page_keys.Memo | None = None,
    later: Callable[[list[split.Job], Site], list[split.Job]] | None = None,
) -> Site:
    """Every page and download. Cross-plan pages (home, 督办清单, units, downloads) see the whole
    repository; each plan's pages under ``plans/<id>/`` see only that plan (Model.for_plan).

    ``evaluation`` is made once at the edge (the plugin); tests may leave it to be made here
    from ``settings.as_of``. Everything below reads this one evaluation, never the date.

    ``processes``: how many processes render (:mod:`.split`; the plugin's ``render_processes``):
    ``None`` for every usable CPU when the site is large enough, 1 for this one alone. Where a
    fork is unsafe or useless this process renders alone whatever is asked. The result is the
    same either way.

    ``implementers``: the rows below each upper task (cascading plans), used as given; None:
    this data folder's own (to add rows from other repositories, give
    ``merged(local_implementers(model, evaluation), theirs)``, :mod:`duban.evaluation.cascade`).
    ``sources``: the other repositories those rows, and the links up, come from.

    ``memo``: the sources of pages rendered before, by what they read (:mod:`.page_keys`): a
    page whose key it holds is not rendered again; the pages rendered are put into it.
    ``later`` (serve, h24n): given the download jobs, those to run now."""
    model.require_texts("the site")
    if evaluation is None:
        evaluation = evaluate(model, settings.as_of, settings.due_soon_days)
    t = load_locale(settings.language)
    site = Site(evaluation=evaluation, sink=sink)
    title = site_title(model, settings, t)

    indexes, index = serve_index.serving(memo, model, evaluation)  # h24s: Index.of's
    ctx = Context(  # site.sizes is filled as the downloads are made
        model,
        evaluation,
        settings,
        t,
        downloads=site.sizes,
        given_index=index,
        full=model,
        title=title,
        implementers=implementers,
        sources=dict(sources or {}),
        pieces=kept_pieces.of_build(memo, indexes),  # h24ad: the big tables' rows kept
    )
    plan_ctxs = {pid: ctx.for_plan(pid, indexes) for pid in model.plans}
    # long lists link to per-group pages: decide which plans have them before any page
    ctx.group_pages = page_group.plans_with_group_pages(ctx, plan_ctxs)
    for pctx in plan_ctxs.values():
        pctx.group_pages = ctx.group_pages
    if processes is None and len(evaluation.items) < PARALLEL_MIN_ITEMS:
        processes = 1
    cost = job_costs.Costs.of(evaluation, index)
    keys = page_keys.Keys(ctx, memo) if memo is not None else None
    # a province (a plan summarised by group): its units' calendars, not its groups', and
    # only what is to come (calendars.py)
    units = kept_downloads.unit_calendars(ctx, keys, not ctx.group_pages, bool(ctx.group_pages))
    downloads = _download_jobs(ctx, site, title, cost, units, memo, keys, plan_ctxs)
    downloads = later(downloads, site) if later is not None else downloads
    kept_groups = indexes.group_pages if indexes is not None else None  # h24aa: serving
    pages, page_keys_of, finish = _page_jobs(ctx, plan_ctxs, cost, keys, kept_groups)
    jobs = [*downloads, *kept_jobs.reused(pages, page_keys_of, memo, site.reused)]
    workers = split.processes_for(processes)
    if workers > 1:  # h24k: compiled once here, not again in every forked process
        compile_templates()
    made = split.run_each(jobs, site, workers)
    kept_downloads.remember(units, made[0], memo)  # the calendars' job is the first
    kept_uses.hold(made[1 : len(downloads)], memo)  # h24ah: the 台账's, the open data's
    made = made[len(downloads) :]
    if memo is not None:
        for n, (key, pages_made) in enumerate(zip(page_keys_of, made, strict=True)):
            key = summary_keys.resolved(key)  # h24w: a late key's value once its job ran
            if key is not None and key not in site.reused:
                if n in finish:  # h24aa: a group page's ranks put in (kept_group_pages)
                    made[n] = pages_made = finish[n](pages_made)
                memo.put(key, pages_made)
    site.pages = {uri: page for each in made for uri, page in each.items()}
    # downloads in path order: the same whichever process made which first
    split.sort_by_path(site.sizes)
    split.sort_by_path(site.files)
    return site


def _download_jobs(
    ctx: Context,
    site: Site,
    title: str,
    cost: job_costs.Costs,
    units: list[kept_downloads.UnitCalendar],
    memo: page_keys.Memo | None,
    keys: page_keys.Keys | None = None,
    plan_ctxs: dict[str, Context] | None = None,
) -> list[split.Job]:
    """Every download, made before the pages that show their sizes. Calendars first: unit
    pages link to their own; the units' are taken from ``memo`` when their key is kept
    (:mod:`.kept_downloads`), and their job returns what the memo is to keep. Any process may
    make them but the task tables (this one: the plans' task lists wait for them) and, with
    serve's memo (in memory), the open data; the 台账's and the open data's jobs return the
    memo's keys they used (h24ah, :mod:`.kept_uses`)."""
    model, evaluation, t = ctx.model, ctx.evaluation, ctx.t

    def put(made: Iterable[tuple[str, str | bytes]]) -> dict[str, str]:
        for path, content in made:
            site.put(path, content)
        return {}

    def calendar_files() -> dict[str, str]:
        whole = set(model.plans) - ctx.group_pages
        put(calendars.plan_calendars(model, evaluation, whole))
        made: dict[str, str] = {}
        open_only = bool(ctx.group_pages)
        put(kept_downloads.made_calendars(ctx, units, open_only, memo, made))
        return made

    def task_tables(pid: str) -> Iterator[tuple[str, str | bytes]]:
        # h24q: the plan's context's view and index, made once for its pages too
        pctx = (plan_ctxs or {}).get(pid) or ctx.for_plan(pid)
        view = pctx.model
        table = downloads.task_table(view, pctx.evaluation, pctx.index, t)
        yield urls.plan_tasks_csv(pid), downloads.to_csv(table)
        yield urls.plan_tasks_xlsx(pid), downloads.to_xlsx(table, t.nav.tasks, view.plan.title)

    # h24q: a CI build's (a memo on disk, not kept across builds as serve's is): a province's
    # 台账 from its rows kept by holder, the open data's states kept by holder
    ci = memo is not None and memo.on_disk and not memo.keep and keys is not None
    pieces = ci and bool(ctx.group_pages)

    def ledger_files(used: page_keys.Memo | None) -> Iterator[tuple[str, str | bytes]]:
        report = check_report(model, evaluation, summary=ctx.summary())
        if pieces and used is not None and keys is not None:
            yield urls.LEDGER_XLSX, kept_ledger.ledger_xlsx(model, evaluation, report, keys, used)
            return
        book = ledger(model, evaluation, report)
        yield urls.LEDGER_XLSX, ledger_xlsx(book)
        if not ctx.group_pages:  # a province: the workbook's rows again, 3.6 times its bytes
            yield urls.LEDGER_CSV, ledger_csv(book)

    def open_data_files(used: page_keys.Memo | None) -> Iterator[tuple[str, str | bytes]]:
        settings = ctx.settings
        if ctx.group_pages:  # a province (h24i): compressed, a twentieth of the bytes
            # h24z: the status entries kept compressed by status file;
            # h24ac: the parts around them kept by chunk (a CI build's)
            deflated = kept_open_data.status_deflated(model, used)
            kept = (keys, used) if ci else (None, None)
            gz = kept_open_data_chunks.open_data_gz(model, evaluation, deflated, settings, *kept)
            yield urls.EXPORT_JSON_GZ, gz
            return
        # h24q: the occurrences' states kept by holder (a memo on disk: a CI build's)
        states = None
        if ci and used is not None and keys is not None:
            states = kept_states.states_json(evaluation, keys, used)
        status = kept_open_data.status_json(model, used) if used is not None else None  # h24l
        yield urls.EXPORT_JSON, downloads.open_data(model, evaluation, settings, status, states)

    def feed() -> Iterator[tuple[str, str]]:
        holder_urls = {
            h.id: urls.page_url(urls.unit_page(h.id), ctx.settings.directory_urls)
            for h in names.page_holders(model)
        }
        yield (
            urls.FEED,
            downloads.atom_feed(
                model, ctx.index, t, ctx.settings.site_url, holder_urls, title=title
            ),
        )

    def job(
        made: Callable[[], Iterable[tuple[str, str | bytes]]],
        cost: float,
        needs: split.Needs = split.Needs.NOTHING,
        far: bool = True,
    ) -> split.Job:
        return split.Job(lambda: put(made()), needs=needs, far=far, cost=cost)

    noting = partial(kept_uses.noting, memo, put)
    return [
        split.Job(calendar_files, needs=split.Needs.NOTHING_FIRST, far=True, cost=cost.calendars()),
        *(job(partial(task_tables, p), cost.task_tables(p), far=False) for p in model.plans),
        # h24ah: a CI build's memo is on disk, what a child used noted (serve's stays here)
        split.Job(noting(open_data_files), far=memo is None or ci, cost=cost.open_data()),
        split.Job(noting(ledger_files), far=True, cost=cost.ledger()),
        job(feed, cost.feed()),
    ]


def _page_jobs(
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
