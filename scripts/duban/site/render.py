"""One page: a template rendered into the Markdown MkDocs receives (front matter + raw HTML).

Pages carry their title in front matter, HTML-escaped, because MkDocs and Material print
``page.meta.title`` into the page without escaping it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import escape

from duban.evaluation.evaluate import State
from duban.i18n.periods import period_words
from duban.model.leaders import leader_id
from duban.outputs import urls
from duban.site import charts, kept_pieces, lights, names, notes, piece_keys
from duban.site.context import Context
from duban.site.env import environment
from duban.site.row_printer import RowPrinter
from duban.site.status_rows import count_text

STATES = lights.DISPLAY_ORDER


def front_matter(
    title: str, hide: Iterable[str] = (), search: bool = True, search_boost: float | None = None
) -> str:
    """YAML front matter; JSON strings are valid YAML and cannot break out of their line.
    ``search=False`` leaves the page out of the search index (Material's ``search.exclude``);
    ``search_boost`` ranks the page's search results higher (Material's ``search.boost``)."""
    lines = ["---", f"title: {json.dumps(str(escape(title)))}"]
    hidden = list(hide)
    if hidden:
        lines.append(f"hide: {json.dumps(hidden)}")
    if not search:
        lines.append('search: {"exclude": true}')
    elif search_boost is not None:
        lines.append(f'search: {{"boost": {float(search_boost)}}}')
    lines.append("---")
    return "\n".join(lines) + "\n\n"


_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(html: str) -> str:
    """Trailing spaces off, at most one blank line in a row (templates are indented freely)."""
    text = "\n".join(line.rstrip() for line in html.splitlines())
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def page_helpers(ctx: Context) -> dict[str, Any]:
    """The helpers every template calls, which :class:`RowPrinter` (the Python that prints status
    rows and report feeds) is given too."""
    full = ctx.full or ctx.model
    return dict(
        label=names.task_citation,
        title_of=names.task_title,
        rank=lambda task: ctx.ranks.get(task.id, 0),
        plan_name=lambda plan_id: names.plan_name(full, plan_id),
        count_text=lambda row: count_text(row, ctx.t),
        # a plan's own pages (its task, group and overdue pages) need not name it on every row
        many_plans=len(ctx.model.plans) > 1,
        name=lambda ref: names.holder_name(ctx.model, ref),
        severity=lights.severity,
    )


def render_page(
    ctx: Context,
    src_uri: str,
    template: str,
    title: str,
    hide: Iterable[str] = (),
    search: bool = True,
    search_boost: float | None = None,
    tab_title: str | None = None,
    **values: Any,
) -> str:
    env = environment()
    link = urls.Linker(src_uri, ctx.settings.directory_urls)
    full = ctx.full or ctx.model
    helpers = page_helpers(ctx)
    printer = RowPrinter(t=ctx.t, link=link, m=ctx.model, **helpers)
    body = env.get_template(template).render(
        t=ctx.t,
        m=ctx.model,
        full=full,
        site_title=ctx.title,
        target=lambda ref: names.ref_target(full, ref),
        kind_name=lambda holder: names.kind_name(full, holder, ctx.t),
        ev=ctx.evaluation,
        as_of=ctx.evaluation.as_of,
        settings=ctx.settings,
        link=link,
        urls=urls,
        leader_id=leader_id,
        status_rows=printer.status_rows,
        feed_items=printer.feed_items,
        history_items=printer.history_items,
        downloads=ctx.downloads,
        states=lights.shown_states(ctx.evaluation.items),
        S=State,
        shapes=charts.SHAPES,
        page_title=title,
        note_in=lambda text: notes.note_in(text, ctx.settings.language),
        period=lambda key: period_words(key, ctx.t.language),
        present_states=lights.present_states,
        no_tally=lights.Tally(),
        # h24ad: the big tables' rows, kept while serving
        kept=ctx.pieces.kept(src_uri) if ctx.pieces is not None else kept_pieces.whole,
        piece_keys=piece_keys,
        **helpers,
        **values,
    )
    tab = tab_title or browser_title(title, ctx.title)
    return front_matter(tab, hide, search, search_boost) + tidy(body)


def browser_title(title: str, site: str) -> str:
    """The page's title without the site's name: the browser's tab reads "<page> - <site>"
    (Material adds the site), so "督办清单 · <plan>" on a site named after the plan would name it
    twice."""
    suffix = f" · {site}"
    if site and title.endswith(suffix) and len(title) > len(suffix):
        return title[: -len(suffix)]
    return title
