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
  expected to take): :mod:`.download_jobs` and :mod:`.page_jobs` make the jobs, ``render_site``
  runs them; :mod:`.examples` fills the guide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from duban.evaluation.evaluate import Evaluation, evaluate
from duban.evaluation.rollup import Implementer
from duban.i18n.locale import load_locale
from duban.model.model import Model
from duban.outputs import urls
from duban.site import (
    job_costs,
    kept_downloads,
    kept_jobs,
    kept_pieces,
    kept_uses,
    page_group,
    page_keys,
    serve_index,
    split,
    summary_keys,
)
from duban.site.context import Context, Settings, site_description, site_title
from duban.site.download_jobs import download_jobs, ledger_first, ledger_job
from duban.site.env import compile_templates
from duban.site.implementers import LinkedSource
from duban.site.page_jobs import page_jobs

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
    workers = split.processes_for(processes)
    # h24ai: an incremental CI build's 台账 forked now, beside the parent's work below
    first = workers > 1 and later is None and ledger_first(ctx, memo, keys)
    started = split.start(
        [ledger_job(ctx, site.put, cost, memo, keys)] if first else [], site, workers
    )
    try:
        # a province (a plan summarised by group): its units' calendars, not its groups',
        # and only what is to come (calendars.py)
        units = kept_downloads.unit_calendars(ctx, keys, not ctx.group_pages, bool(ctx.group_pages))
        downloads = download_jobs(
            ctx, site.put, title, cost, units, memo, keys, plan_ctxs, with_ledger=not first
        )
        downloads = later(downloads, site) if later is not None else downloads
        kept_groups = indexes.group_pages if indexes is not None else None  # h24aa: serving
        pages, page_keys_of, finish = page_jobs(ctx, plan_ctxs, cost, keys, kept_groups)
        jobs = [*downloads, *kept_jobs.reused(pages, page_keys_of, memo, site.reused)]
        if workers > 1:  # h24k: compiled once here, not again in every forked process
            compile_templates()
        made = split.run_each(jobs, site, workers, started)
    finally:
        started.close()
    kept_downloads.remember(units, made[0], memo)  # the calendars' job is the first
    # h24ah: the 台账's, the open data's
    kept_uses.hold([*made[1 : len(downloads)], *started.pages()], memo)
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
