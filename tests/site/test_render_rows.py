"""The status-table rows and report-feed entries printed in Python (``site/row_printer.py``) are the
bytes the Jinja loops they replaced printed.

Those loops are kept below as they stood in ``_macros.html``, calling the macros that other
templates still use and those only these loops called
(``tests/site/templates/_old_row_macros.html``).
Both are rendered on every occurrence of the demo and hostile fixtures and
on rows made to reach every branch (shared, ongoing, escalated, counted, with evidence, problems
and next steps), with hostile text in every field: a macro changed without ``row_printer.py``
(or the other way round) fails here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup, escape

from duban.evaluation.escalation import Escalation
from duban.evaluation.evaluate import State, evaluate
from duban.i18n.locale import load_locale
from duban.i18n.periods import period_words
from duban.load.project import load_project
from duban.model.status import Evidence, StatusEntry
from duban.outputs import urls
from duban.site import Settings
from duban.site.context import Context
from duban.site.env import _finalize, environment, html
from duban.site.render import page_helpers
from duban.site.reports import ReportEntry
from duban.site.row_printer import RowPrinter
from duban.site.status_rows import StatusRow
from sitekit import DEMO, HOSTILE

AS_OF = dt.date(2010, 12, 15)

# what the status_table and feed macros looped over before row_printer.py, verbatim
OLD_STATUS_ROWS = """\
{% from "_macros.html" import plan_task_link, holder_link, unreported, date, progress with context %}
{% from "_old_row_macros.html" import shared_note, due_cell, item_light, evidence with context %}
{% for r in rows %}
{% set e = r.entry %}
<tr data-state="{{ r.item.state.value }}">
{% if first == "task" %}<td class="dbn-cell--title" data-value="{{ rank(r.task) }}"{% if holder_id %} data-ids="{{ r.ids }}"{% endif %}>{{ plan_task_link(r.task) }}{{ shared_note(r.item, holder_id) }}{% if holder_id and r.report %}<a class="dbn-button dbn-button--small dbn-report dbn-noprint" href="{{ r.report }}" rel="noopener noreferrer" referrerpolicy="no-referrer">{{ t.report_progress }}</a>{% endif %}</td>{% else %}<td class="dbn-cell--title">{% if r.item.is_shared %}{% for h in r.item.holders %}{{ holder_link(h) }}{% if not loop.last %}<span class="dbn-sep">、</span>{% endif %}{% endfor %}<div class="dbn-sub"><span class="dbn-tag">{{ t.shared }}</span></div>{% else %}{{ holder_link(r.item.holder_id) }}{% endif %}</td>{% endif %}
{% if show_item %}<td>{% if r.label %}{{ r.label }}{% elif not r.item.key %}<span class="dbn-muted">{{ t.task.main_deadline }}</span>{% endif %}{% if r.item.key %}<div class="dbn-sub">{{ period(r.item.key) }}</div>{% endif %}</td>{% endif %}
<td{% if r.ongoing or r.item.state.value == "waiting" %} data-value="{{ r.item.due|iso }}"{% endif %}>{{ due_cell(r) }}</td>
<td data-value="{{ severity(r.item.state) }}">{{ item_light(r.item) }}{{ unreported(r.item) }}{% set ct = count_text(r) %}{% if ct %}<div class="dbn-sub dbn-count">{{ ct }}</div>{% endif %}{% if r.item.reason %}<div class="dbn-sub dbn-text">{{ r.item.reason }}</div>{% endif %}{% if r.escalation %}<div class="dbn-sub"><span class="dbn-stage dbn-stage--{{ r.escalation.stage }}">{{ r.escalation.stage_name }}</span></div>{% endif %}</td>
{% if e and e.done %}<td>{{ date(e.done) }}</td>{% else %}<td class="dbn-nil"></td>{% endif %}{{ '' }}
{% if e and e.progress is not none %}<td data-value="{{ e.progress }}">{{ progress(e) }}</td>{% else %}<td data-value="-1" class="dbn-nil"></td>{% endif %}{{ '' }}
{% if not (e and (e.evidence or e.summary or e.problems or e.next_steps)) %}<td class="dbn-nil"></td>{% else %}<td>{{ evidence(e) }}{% if e and e.summary %}<div class="dbn-sub dbn-text dbn-clamp">{{ e.summary }}</div>{% endif %}{% if e and e.problems %}<div class="dbn-sub dbn-text"><strong>{{ t.col.problems }}：</strong>{{ e.problems }}</div>{% endif %}{% if e and e.next_steps %}<div class="dbn-sub dbn-text"><strong>{{ t.col.next_steps }}：</strong>{{ e.next_steps }}</div>{% endif %}</td>{% endif %}{{ '' }}
{% if r.last_update %}<td>{{ date(r.last_update) }}</td>{% else %}<td class="dbn-nil"></td>{% endif %}{{ '' }}
</tr>
{% endfor %}
"""  # noqa: E501

OLD_FEED = """\
{% from "_macros.html" import plan_task_link with context %}
{% for r in history %}
<li><time datetime="{{ r.date|iso }}">{{ r.date|iso }}</time><div>{{ plan_task_link(m.tasks[r.task_id]) }}{% if r.key %} <span class="dbn-muted">{{ r.key }}</span>{% endif %}{% if r.kind == "done" %} <span class="dbn-light dbn-light--done-on-time dbn-light--compact">{{ t.feed_done }}</span>{% endif %}{% if r.text %}<p class="dbn-text">{{ r.text }}</p>{% endif %}{% if r.by %}<p class="dbn-sub">{{ t.unit.reported_by }}{{ r.by }}</p>{% endif %}</div></li>
{% endfor %}
"""  # noqa: E501

OLD_ROW_MACROS = frozenset({"item_light", "shared_note", "due_cell", "evidence"})
"""The macros in tests/site/templates/_old_row_macros.html: no page template calls them any more."""


@cache
def old_templates() -> Environment:
    """The site's environment, finding the old row macros too."""
    env = environment()
    assert env.loader is not None
    tests = FileSystemLoader(Path(__file__).parent / "templates")
    return env.overlay(loader=ChoiceLoader([env.loader, tests]))


# hostile values: markup, quotes, entities, every kind of line break, template syntax
LINE = '<script>alert("x")</script> \' " & &amp; {{ 7*7 }} javascript:alert(1)'
TEXT = f"{LINE}\n```\n<b>fence</b>\r\n\u2028line\u2029para\nend"
URLS = (
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "https://example.org/a?b=1&c=<2>",  # refused: brackets
    'https://example.org/"onmouseover=alert(1)',  # refused: a quote
    " https://example.org/ok?a=1&b=2 ",  # kept, stripped, its & escaped
    "http://example.org/plain",
    "",
    None,
)


@cache
def context(fixture: Path, language: str) -> Context:
    project = load_project(fixture / "data")
    assert project.ok, project.problems[:5]
    model = project.model
    evaluation = evaluate(model, AS_OF, 30)
    settings = Settings(as_of=AS_OF, language=language, repository="https://github.com/o/r")
    return Context(model, evaluation, settings, load_locale(language))


def page_values(ctx: Context, many_plans: bool, count_text: Any = None) -> dict[str, Any]:
    """What render_page gives a unit page's templates and its RowPrinter."""
    helpers = page_helpers(ctx) | {"many_plans": many_plans}
    if count_text is not None:
        helpers["count_text"] = count_text
    link = urls.Linker(urls.unit_page("x"), ctx.settings.directory_urls)
    return {"t": ctx.t, "link": link, "m": ctx.model, **helpers}


def entry_for(item: Any, **fields: Any) -> StatusEntry:
    base = item.entry or StatusEntry(item.holder_id, item.task_id, item.due_id, item.key, "done")
    return dataclasses.replace(base, **fields)


def crafted_rows(ctx: Context) -> list[StatusRow]:
    """Rows that reach each branch of the row, with hostile text wherever data goes."""
    first = ctx.evaluation.items[0]
    # two real holders and one the model does not know (its id is printed as its name)
    known = list(dict.fromkeys(i.holder_id for i in ctx.evaluation.items))[:2]
    others = [*known, '<b>"&unknown</b>']
    evidence = tuple(Evidence(LINE, url, AS_OF if n % 2 else None) for n, url in enumerate(URLS))
    full = entry_for(
        first,
        done=AS_OF,
        progress=40,
        summary=TEXT,
        problems=TEXT,
        next_steps=TEXT,
        evidence=evidence,
    )
    escalation = Escalation(stage='re"minded<', stage_name=LINE, next_step=None, since=None)
    variants: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"state": State.OVERDUE, "days_late": 12, "entry": None}, {}),
        ({"holder_ids": tuple(others)}, {"escalation": escalation}),
        ({"holder_ids": tuple(others), "holder_id": others[0]}, {"ongoing": True}),
        ({"entry": full, "reason": TEXT, "key": LINE}, {"label": None, "last_update": AS_OF}),
        ({"entry": entry_for(first, progress=0, done=None), "key": ""}, {"label": None}),
        ({"entry": entry_for(first, summary=TEXT)}, {"label": TEXT, "report": None}),
        ({"entry": entry_for(first, problems=LINE)}, {"ids": LINE, "report": f"https://x/?{LINE}"}),
        ({"entry": entry_for(first, next_steps=LINE)}, {}),
        ({"entry": entry_for(first, evidence=evidence[:1])}, {}),
    ]
    for state in State:
        variants.append(({"state": state, "days_late": 3, "days_left": 4}, {}))
        variants.append(({"state": state, "days_late": None, "days_left": None, "entry": None}, {}))
    rows = []
    for item_fields, row_fields in variants:
        item = dataclasses.replace(first, **item_fields)
        rows.append(dataclasses.replace(StatusRow.of(ctx, item), **row_fields))
    return rows


def crafted_reports(ctx: Context) -> list[ReportEntry]:
    item = ctx.evaluation.items[0]
    ids = (AS_OF, item.holder_id, item.task_id, item.due_id)
    return [
        ReportEntry(*ids, key=LINE, text=TEXT, by=LINE, kind="done"),
        ReportEntry(*ids, key="", text=None, by=None, kind="update"),
        ReportEntry(*ids, key="2010", text="", by="", kind="update"),
    ]


FIXTURES = [pytest.param(DEMO, id="demo"), pytest.param(HOSTILE, id="hostile")]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("fixture", FIXTURES)
def test_status_rows_are_the_bytes_the_macros_printed(fixture: Path, language: str):
    ctx = context(fixture, language)
    rows = [StatusRow.of(ctx, i) for i in ctx.evaluation.items] + crafted_rows(ctx)
    old = old_templates().from_string(OLD_STATUS_ROWS)
    for many_plans in (False, True):
        for count_text in (None, lambda row: LINE):  # the page's, or a count on every row
            values = page_values(ctx, many_plans, count_text)
            printer = RowPrinter(**values)
            for first in ("task", "holder"):
                for show_item in (True, False):
                    for holder_id in (None, rows[0].item.holder_id):
                        where = dict(first=first, show_item=show_item, holder_id=holder_id)
                        expected = old.render(
                            rows=rows,
                            period=lambda key: period_words(key, language),
                            **where,
                            **values,
                        )
                        printed = printer.status_rows(rows, **where)
                        assert isinstance(printed, Markup)
                        assert printed == expected, where


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("fixture", FIXTURES)
def test_feed_entries_are_the_bytes_the_macro_printed(fixture: Path, language: str):
    ctx = context(fixture, language)
    history = [r for rs in ctx.index.reports_by_holder.values() for r in rs]
    history += crafted_reports(ctx)
    old = old_templates().from_string(OLD_FEED)
    for many_plans in (False, True):
        values = page_values(ctx, many_plans)
        printed = RowPrinter(**values).feed_items(history)
        assert isinstance(printed, Markup)
        assert printed == old.render(history=history, **values)


def test_an_empty_table_and_feed_print_nothing():
    values = page_values(context(DEMO, "zh"), False)
    assert RowPrinter(**values).status_rows([], "task") == ""
    assert RowPrinter(**values).feed_items([]) == ""


def test_the_helpers_match_the_macros_other_templates_call():
    """Calls the rows never make (no light at all, a short task link) are still the same."""
    ctx = context(HOSTILE, "zh")
    values = page_values(ctx, many_plans=True)
    printer = RowPrinter(**values)
    task = next(iter(ctx.model.tasks.values()))
    item = ctx.evaluation.items[0]
    calls: list[tuple[str, tuple[Any, ...]]] = [
        ("light", (None,)),
        ("light", (None, LINE)),
        *(("light", (state, TEXT)) for state in State),
        ("date", (None,)),
        ("date", (AS_OF,)),
        ("progress", (None,)),
        ("evidence", (None,)),
        *(("outlink", (url, TEXT)) for url in URLS),
        ("holder_link", ('<i>"&</i>',)),
        ("task_link", (task,)),
        ("task_link", (task, True)),
        ("plan_task_link", (task, True)),
        ("shared_note", (item,)),
        ("unreported", (item,)),
    ]
    for name, args in calls:
        source = "_old_row_macros.html" if name in OLD_ROW_MACROS else "_macros.html"
        macro = old_templates().from_string(
            f'{{% from "{source}" import {name} with context %}}{{{{ {name}(*args) }}}}'
        )
        assert getattr(printer, name)(*args) == macro.render(args=args, **values), (name, args)


def test_hostile_text_is_escaped_and_starts_no_line():
    ctx = context(HOSTILE, "zh")
    printer = RowPrinter(**page_values(ctx, many_plans=True, count_text=lambda row: TEXT))
    printed = printer.status_rows(crafted_rows(ctx), "task", holder_id="x")
    printed += printer.feed_items(crafted_reports(ctx))
    assert "<script" not in printed and "<b>" not in printed
    assert "&lt;script&gt;alert(&#34;x&#34;)" in printed
    assert 'href="javascript' not in printed.lower()
    assert 'href="https://example.org/ok?a=1&amp;b=2"' in printed
    assert "&#10;" in printed and "\u2028" not in printed and "\r" not in printed
    assert all(line.startswith("<") for line in printed.splitlines())


@pytest.mark.parametrize(
    "value", [None, "", "a<b>&\"'\n\r\u2028", Markup("<b>x</b>"), 0, -1, 40, 2.5, True, AS_OF]
)
def test_html_is_what_a_template_prints(value: Any):
    assert html(value) == escape(_finalize(value))
    assert html(value) == environment().from_string("{{ v }}").render(v=value)
