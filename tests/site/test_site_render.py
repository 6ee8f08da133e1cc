"""The renderer, without MkDocs: pure functions from model and date to page sources and files."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from duban.evaluation.evaluate import State, evaluate
from duban.i18n.languages import LANGUAGES
from duban.i18n.locale import Locale, load_locale
from duban.load.project import load_project
from duban.model.org import Group
from duban.outputs import urls
from duban.outputs.spreadsheet import Column, column_name, sheet_name, workbook
from duban.site import Settings, holder_records, lights, render_site, views
from duban.site.charts import indicator_chart, stacked, timeline
from duban.site.context import Context
from duban.site.downloads import to_csv
from duban.site.env import escape_text, https_url
from duban.site.index import Index
from duban.site.indicator_blocks import indicator_blocks
from duban.site.reports import report_entries
from sitekit import DEMO, DEMO_PLAN, HOSTILE, HOSTILE_PLAN

D = dt.date
AS_OF = D(2010, 12, 15)


@cache
def model(fixture: Path):
    project = load_project(fixture / "data")
    assert project.ok, project.problems[:5]
    return project.model


@cache
def site(fixture: Path, language: str = "zh", as_of: dt.date = AS_OF):
    settings = Settings(as_of=as_of, language=language, edit_url="https://example.org/e/")
    return render_site(model(fixture), settings)


# -- locale ------------------------------------------------------------------------------------
def test_every_language_has_every_key():
    keys = {language: load_locale(language).keys() for language in LANGUAGES}
    assert keys["zh"] == keys["en"]


def test_no_template_reads_a_locale_key_that_a_method_name_hides():
    """``t.col.date`` would find Locale.date, not the key: such keys are read as t.x["date"]."""
    methods = {name for name in dir(Locale) if not name.startswith("_")}
    templates = sorted(Path(views.__file__).resolve().parent.joinpath("templates").glob("*.html"))
    assert templates, "the site's templates are not where this test looks"
    for path in templates:
        for match in re.finditer(r"\bt((?:\.\w+)+)", path.read_text("utf-8")):
            parts = match.group(1).split(".")[1:]
            assert not set(parts[1:]) & methods, (path.name, match.group(0))
            assert not (len(parts) > 1 and parts[0] in methods), (path.name, match.group(0))


def test_a_missing_key_is_an_error_not_a_blank():
    with pytest.raises(KeyError, match=r"zh\.yaml has no nav\.nothing"):
        load_locale("zh").nav["nothing"]
    with pytest.raises(ValueError):
        load_locale("fr")


def test_dates_in_words():
    assert load_locale("zh").date(D(2010, 6, 30)) == "2010年6月30日"
    assert load_locale("en").date(D(2010, 6, 30)) == "30 June 2010"


def test_english_pages_use_english_ui_text():
    home = site(DEMO, "en").pages[urls.HOME]
    assert "State as of" in home and "状态截至" not in home
    assert "Overdue" in home


# -- escaping ------------------------------------------------------------------------------------
def test_values_are_escaped_onto_one_line():
    assert escape_text('<a href="x">\n&') == "&lt;a href=&#34;x&#34;&gt;&#10;&amp;"
    assert escape_text("a\r\nb\u2028c") == "a&#10;b&#10;c"


def test_only_https_links_become_links():
    assert https_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "http://example.org", 'https://x/"onclick', "", None):
        assert https_url(bad) is None


def test_no_line_of_a_page_starts_with_data():
    """Markdown preprocessors (fences) read every line before raw HTML is set aside: each line
    of a generated page must start with a tag, a heading we wrote, or front matter."""
    allowed = re.compile(r"^(<|## |---$|title: |hide: |search: |$)")
    for name, source in site(HOSTILE).pages.items():
        for number, line in enumerate(source.splitlines(), start=1):
            assert allowed.match(line), (name, number, line[:80])
    for name, source in site(DEMO).pages.items():
        for number, line in enumerate(source.splitlines(), start=1):
            assert allowed.match(line), (name, number, line[:80])


def test_titles_in_front_matter_are_escaped_once():
    source = site(HOSTILE).pages[urls.task_page(f"{HOSTILE_PLAN}/01")]
    title = json.loads(source.splitlines()[1].removeprefix("title: "))
    assert "<" not in title and "&lt;script&gt;" in title


# -- urls ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("directory_urls", "here", "target", "expected"),
    [
        (False, "index.md", "tasks/03.md", "tasks/03.html"),
        (False, "tasks/03.md", "units/a.md", "../units/a.html"),
        (False, "tasks/03.md", "index.md", "../index.html"),
        (False, "tasks/index.md", "tasks/04.md", "04.html"),
        (True, "index.md", "tasks/03.md", "tasks/03/"),
        (True, "tasks/03.md", "units/a.md", "../../units/a/"),
        (True, "tasks/03.md", "index.md", "../../"),
        (True, "progress.md", "progress.md", "./"),
    ],
)
def test_links_are_relative_to_the_page(directory_urls, here, target, expected):
    assert urls.Linker(here, directory_urls).page(target) == expected


def test_file_links_do_not_depend_on_directory_urls():
    csv_file = urls.plan_tasks_csv("p")
    assert urls.Linker("tasks/03.md", False).file(csv_file) == "../downloads/p/tasks.csv"
    assert urls.Linker("tasks/03.md", True).file(csv_file) == "../../downloads/p/tasks.csv"


# -- views ---------------------------------------------------------------------------------------
def test_the_light_of_several_occurrences():
    S = State
    assert lights.combine([]) is None
    assert lights.combine([S.DONE_ON_TIME, S.OVERDUE, S.DUE_SOON]) is S.OVERDUE
    assert lights.combine([S.DONE_ON_TIME, S.NOT_DUE]) is S.NOT_DUE
    assert lights.combine([S.DONE_ON_TIME, S.DONE_LATE, S.NOT_APPLICABLE]) is S.DONE_LATE
    assert lights.combine([S.DONE_ON_TIME, S.NOT_APPLICABLE]) is S.DONE_ON_TIME
    assert lights.combine([S.NOT_APPLICABLE]) is S.NOT_APPLICABLE


def test_rates_count_only_what_is_done_or_overdue():
    tally = lights.Tally(
        Counter({State.DONE_ON_TIME: 3, State.DONE_LATE: 1, State.OVERDUE: 4, State.NOT_DUE: 9})
    )
    assert tally.done_rate == 0.5
    assert tally.on_time_rate == 3 / 8
    assert lights.Tally().done_rate is None


def test_ranking_shares_ranks_on_ties_and_leaves_the_unreckoned_last():
    ev = evaluate(model(DEMO), AS_OF)
    ranked = holder_records.ranked_records(model(DEMO), Index.of(model(DEMO), ev), AS_OF)
    ranks = [r.rank for r in ranked if r.rank is not None]
    assert ranks == sorted(ranks) and ranks[0] == 1
    scores = [(r.tally.on_time_rate, r.tally.done_rate, r.tally.overdue) for r in ranked if r.rank]
    for (a, ra), (b, rb) in zip(
        zip(scores, ranks, strict=True), zip(scores[1:], ranks[1:], strict=True), strict=False
    ):
        assert (ra == rb) == (a == b)
    unranked = [r for r in ranked if r.rank is None]
    reported = holder_records.reporters(model(DEMO), AS_OF)
    # unranked: nothing reckoned, nothing reported, or a group (never ranked)
    assert all(
        not r.tally.reckoned or r.holder.id not in reported or isinstance(r.holder, Group)
        for r in unranked
    )
    assert all(r.holder.id in reported for r in ranked if r.rank is not None)
    assert ranked[-len(unranked) :] == unranked if unranked else True


def test_task_rows_count_units_not_occurrences():
    ev = evaluate(model(DEMO), AS_OF)
    rows = views.task_rows(model(DEMO), Index.of(model(DEMO), ev))
    row = next(r for r in rows if r.task.id == f"{DEMO_PLAN}/04")
    # task 四 has three yearly trainings and a rotation per unit: no unit is done with all yet
    assert row.holders == 17 and row.holders_done == 0
    assert row.due_dates[0] == D(2010, 12, 31) and row.due_dates[-1] == D(2012, 12, 31)


def test_what_is_due_next_is_grouped_by_date_and_deadline():
    ev = evaluate(model(DEMO), AS_OF)
    nxt = views.next_deadlines(ev, 3)
    assert [n.date for n in nxt] == sorted(n.date for n in nxt)
    assert all(len({i.holder_id for i in n.items}) == len(n.items) for n in nxt)
    assert all(n.light in (State.DUE_SOON, State.NOT_DUE) for n in nxt)


def test_reports_are_newest_first_and_never_after_as_of():
    reports = report_entries(model(DEMO), AS_OF)
    assert reports and all(r.date <= AS_OF for r in reports)
    assert [r.date for r in reports] == sorted((r.date for r in reports), reverse=True)


# -- charts -------------------------------------------------------------------------------------
def test_stacked_segments_fill_the_bar():
    segments = stacked([(State.DONE_ON_TIME, 1), (State.OVERDUE, 3)])
    assert segments[0].width == 25 and segments[1].x == 25 and segments[1].width == 75


def test_indicator_bars_are_scaled_to_percent():
    chart = indicator_chart(
        [
            {
                "date": D(2010, 12, 31),
                "target": 30,
                "target_is_max": False,
                "actual": 60,
                "status": "met",
            },
            {
                "date": D(2011, 12, 31),
                "target": 60,
                "target_is_max": False,
                "actual": None,
                "status": "no-data",
            },
        ]
    )
    first = chart.bars[0]
    assert first.actual_h == pytest.approx(2 * first.target_h)
    assert chart.bars[1].actual_h == 0 and chart.scale_max == 100


def test_timeline_places_dates_in_order_and_as_of_beyond_the_end():
    rows = [
        {
            "label": "(一)",
            "title": "t",
            "href": "x",
            "marks": [
                {"date": D(2010, 6, 30), "state": State.OVERDUE, "count": 1, "label": "a"},
                {"date": D(2012, 12, 31), "state": State.NOT_DUE, "count": 1, "label": "b"},
            ],
        }
    ]
    tl = timeline(rows, D(2010, 1, 1), D(2012, 12, 31), D(2026, 1, 1))
    marks = tl.rows[0].marks
    assert tl.left < marks[0].x < marks[1].x <= tl.right
    assert tl.as_of_x is None and tl.as_of_after
    assert [y for y, _ in tl.years] == [2010, 2011, 2012]
    inside = timeline(rows, D(2010, 1, 1), D(2012, 12, 31), D(2011, 1, 1))
    assert inside.as_of_x is not None and marks[0].x < inside.as_of_x < marks[1].x


# -- pages ---------------------------------------------------------------------------------------
def test_every_page_that_shows_a_state_prints_the_as_of_date():
    for name, source in site(DEMO).pages.items():
        if name == urls.plan_page(DEMO_PLAN, "leadership"):
            continue  # shows no state
        assert '<time datetime="2010-12-15">2010年12月15日</time>' in source, name


def test_one_page_per_task_unit_and_group():
    generated = site(DEMO).pages
    m = model(DEMO)
    for task in m.tasks_in_order():
        assert urls.task_page(task.id) in generated
    for holder_id in [*m.units, *m.groups]:
        assert urls.unit_page(holder_id) in generated


def test_indicator_targets_are_drawn_against_computed_values():
    source = site(DEMO).pages[urls.task_page(f"{DEMO_PLAN}/03")]
    assert "dbn-actual--pending" in source
    assert "≥30%" in source and "50%" in source and "(8/16)" in source
    later = site(DEMO, "zh", D(2011, 1, 5)).pages[urls.task_page(f"{DEMO_PLAN}/03")]
    assert "dbn-actual--met" in later  # 2010's 30% target, checked after its date


def test_without_indicator_results_targets_show_with_no_data_not_invented_values():
    m = model(DEMO)
    ev = dataclasses.replace(evaluate(m, AS_OF), indicators=())
    ctx = Context(m, ev, Settings(as_of=AS_OF), load_locale("zh"))
    (block,) = indicator_blocks(ctx, m.tasks[f"{DEMO_PLAN}/03"])
    assert [p["status"] for p in block["points"]] == ["no-data"] * 3
    assert all(p["actual"] is None for p in block["points"])


def test_the_overdue_list_gives_days_late_and_escalation_stage():
    source = site(DEMO).pages[urls.OVERDUE]
    assert "已通报批评" in source and "催办后仍未完成" in source
    assert '<strong class="dbn-days">168</strong>' in source


def test_the_deliverables_matrix_lists_each_named_deliverable():
    source = site(DEMO).pages[urls.task_page(f"{DEMO_PLAN}/19")]
    for name in ("《执法公开办法》", "《申请公开制度》"):
        assert name in source
    assert source.count('class="dbn-check"') > 10


def test_edit_links_point_at_the_record_behind_the_page():
    generated = site(DEMO).pages
    assert (
        f'href="https://example.org/e/data/plans/{DEMO_PLAN}/tasks/03.yaml"'
        in generated[urls.task_page(f"{DEMO_PLAN}/03")]
    )
    assert (
        'href="https://example.org/e/data/status/baqiao.yaml"'
        in generated[urls.unit_page("baqiao")]
    )


def test_the_repository_gives_edit_and_report_links_and_unit_pages_show_ids():
    site = render_site(model(DEMO), Settings(as_of=AS_OF, repository="https://github.com/o/r"))
    page = site.pages[urls.unit_page("baqiao")]
    assert 'href="https://github.com/o/r/edit/main/data/status/baqiao.yaml"' in page
    assert '<code class="dbn-unit-id">baqiao</code>' in page
    assert ' data-ids="task: ' in page  # shown by the table's 标识 toggle (h24f)
    links = re.findall(r'href="(https://github.com/o/r/issues/new\?[^"]+)"', page)
    assert links and all("template=report.yml" in u and "unit=baqiao" in u for u in links)
    assert "报送进展" in page


def test_no_edit_link_without_an_edit_url():
    plain = render_site(model(DEMO), Settings(as_of=AS_OF))
    assert "/edit/" not in plain.pages[urls.task_page(f"{DEMO_PLAN}/03")]


# -- downloads ----------------------------------------------------------------------------------
def read_xlsx(data: bytes) -> list[list[str]]:
    """The first sheet's cells as text (openpyxl), checking that no cell is a formula."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            if part.endswith(".xml"):
                ElementTree.fromstring(archive.read(part))  # well-formed
                assert "<f>" not in archive.read(part).decode("utf-8")  # never a formula
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_the_xlsx_task_table_reads_back_cell_for_cell():
    generated = site(HOSTILE)
    rows = read_xlsx(generated.files[urls.plan_tasks_xlsx(HOSTILE_PLAN)])
    text = generated.files[urls.plan_tasks_csv(HOSTILE_PLAN)]
    expected = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == len(expected) == 3
    assert rows[0] == expected[0]
    assert rows[1][1] == expected[1][1]  # the hostile title, intact
    assert "<script>" in rows[1][1]


def test_xlsx_writer_edge_cases():
    assert [column_name(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    columns = [Column("a", 10), Column("b", 10)]
    data = workbook(columns, [["=1+1", 3], ["\x01bad\x0bchars ", None]], sheet="x/y:z")
    rows = read_xlsx(data)
    assert rows[1] == ["=1+1", "3"]
    assert rows[2][0] == "badchars "
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["x_y_z"]  # Excel refuses / and : in a sheet's name
    assert workbook(columns, [["a", 1]]) == workbook(columns, [["a", 1]])  # same bytes


def test_sheet_names_follow_excels_rules_and_stay_unique():
    taken: set[str] = set()
    assert sheet_name("a" * 40, taken) == "a" * 31
    assert sheet_name("A" * 40, taken) == "A" * 28 + "(2)"  # unique regardless of case
    assert sheet_name("'[计划]'", taken) == "_计划_"
    assert sheet_name("", taken) == "Sheet"


def test_csv_defuses_formulas_and_opens_as_utf8_in_excel():
    text = to_csv([["h"], ["=HYPERLINK(1)"], ["+1"], ["-x"], ["@a"], ["plain"], [3]])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert [r[0] for r in rows] == ["h", "'=HYPERLINK(1)", "'+1", "'-x", "'@a", "plain", "3"]


def test_the_atom_feed_is_valid_and_stable():
    feed = site(DEMO).files[urls.FEED]
    root = ElementTree.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = root.findall(f"{atom}entry")
    assert entries
    ids = [e.findtext(f"{atom}id") for e in entries]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("tag:duban,2010-05-11:") for i in ids)
    assert root.findtext(f"{atom}updated") == entries[0].findtext(f"{atom}updated")
    assert feed == render_site(model(DEMO), Settings(as_of=AS_OF)).files[urls.FEED]


def test_the_open_data_file_carries_the_states_it_was_built_with():
    data = json.loads(site(DEMO).files[urls.EXPORT_JSON])
    assert data["evaluation"]["as_of"] == "2010-12-15"
    states = {i["state"] for i in data["evaluation"]["items"]}
    # the demo has no count, ongoing, event-counted or window duty: every other state appears
    assert states == {s.value for s in State} - {"missed", "ongoing", "waiting", "done-early"}


def test_calendars_for_the_plan_and_each_unit_with_deadlines():
    files = site(DEMO).files
    assert files[urls.plan_ics(DEMO_PLAN)].startswith("BEGIN:VCALENDAR")
    assert urls.unit_ics("baqiao") in files
    assert urls.unit_ics("zhengzhi-bu") not in files  # no deadlines of its own


def test_every_locale_key_is_used():
    """A label no page reads is a label nobody maintains: keys are read as t.a.b, t.a["b"] or
    t.format("a.b"); sections keyed by data values (states, roles, kinds) are read by value."""
    by_value = {"state", "state_long", "state_hint", "indicator_status", "role", "kind"}
    by_value |= {"due_kind", "every"}
    site = Path(views.__file__).resolve().parent
    templates = sorted(site.glob("templates/*.html"))
    assert templates, "the site's templates are not where this test looks"
    sources = "".join(p.read_text("utf-8") for p in templates)
    sources += "".join(p.read_text("utf-8") for p in site.glob("*.py"))
    for key in sorted(load_locale("zh").keys()):
        section, _, rest = key.partition(".")
        if section in by_value or key in ("months", "date_format", "html_lang"):
            continue
        last = rest or section
        patterns = [re.escape(f"t.{key}") + r"(?!\w)", re.escape(f'"{key}"'), re.escape(f"'{key}'")]
        if rest:
            patterns.append(re.escape(f't.{section}["{last}"]'))
        assert any(re.search(p, sources) for p in patterns), key


def test_libreoffice_opens_the_xlsx_and_reads_what_the_csv_says(tmp_path):
    """An independent reader: LibreOffice converts our XLSX back to CSV, cell for cell.

    Skipped on a machine without LibreOffice, except where DUBAN_REQUIRE_SOFFICE=1 (CI, which
    installs it): there a missing reader is a failure, not a skip.
    """
    if shutil.which("soffice") is None:
        if os.environ.get("DUBAN_REQUIRE_SOFFICE") == "1":
            pytest.fail(
                "LibreOffice (soffice) is required here: apt-get install libreoffice-calc-nogui"
            )
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    generated = site(HOSTILE)
    (tmp_path / "tasks.xlsx").write_bytes(generated.files[urls.plan_tasks_xlsx(HOSTILE_PLAN)])
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(tmp_path / "tasks.xlsx")],
        capture_output=True, timeout=180, check=True,
        env={**os.environ, "HOME": str(tmp_path)},  # a throwaway profile
    )  # fmt: skip
    theirs = list(csv.reader(io.StringIO((tmp_path / "tasks.csv").read_text("utf-8"))))
    table = generated.files[urls.plan_tasks_csv(HOSTILE_PLAN)]
    ours = list(csv.reader(io.StringIO(table.removeprefix("\ufeff"))))
    assert theirs == ours


# -- several plans -------------------------------------------------------------------------------
@cache
def two_plans():
    from sitekit import make_two_plan_data, scratch

    project = load_project(make_two_plan_data(scratch("two-plans") / "data"))
    assert project.ok, project.problems[:5]
    return project.model, render_site(project.model, Settings(as_of=AS_OF))


def test_two_plans_each_get_their_pages_and_the_home_page_lists_both():
    from sitekit import SECOND_PLAN, SECOND_TITLE

    m, generated = two_plans()
    for plan_id in (DEMO_PLAN, SECOND_PLAN):
        for page in ("index", "progress", "overdue", "leadership"):
            assert urls.plan_page(plan_id, page) in generated.pages, (plan_id, page)
        for task in m.for_plan(plan_id).tasks_in_order():
            assert urls.task_page(task.id) in generated.pages
        assert urls.plan_tasks_csv(plan_id) in generated.files
    home = generated.pages[urls.HOME]
    assert SECOND_TITLE in home and m.plans[DEMO_PLAN].title in home
    assert home.index(SECOND_TITLE) < home.index(m.plans[DEMO_PLAN].title)  # newest first
    assert 'href="plans/demo-second-2011/index.html"' in home
    # the site's title is generic, never one plan's
    assert "任务督办" in generated.pages[urls.UNITS]


def test_a_unit_page_lists_what_the_unit_owes_in_every_plan():
    from sitekit import SECOND_PLAN, SECOND_TITLE

    _, generated = two_plans()
    unit = generated.pages[urls.unit_page("baqiao")]
    assert f"../plans/{DEMO_PLAN}/tasks/03.html" in unit
    assert f"../plans/{SECOND_PLAN}/tasks/03.html" in unit
    assert SECOND_TITLE in unit  # each row names its plan
    overdue = generated.pages[urls.OVERDUE]
    assert f"plans/{DEMO_PLAN}/tasks/" in overdue and f"plans/{SECOND_PLAN}/tasks/" in overdue


def test_the_leadership_page_exists_only_when_the_plan_names_a_group():
    m = model(DEMO)
    assert m.plan.leadership is not None
    assert urls.plan_page(DEMO_PLAN, "leadership") in site(DEMO).pages
    from dataclasses import replace

    plan = replace(m.plan, leadership=None)
    bare = replace(m, plans={plan.id: plan})
    generated = render_site(bare, Settings(as_of=AS_OF))
    assert urls.plan_page(DEMO_PLAN, "leadership") not in generated.pages
    assert "leadership.html" not in generated.pages[urls.plan_page(DEMO_PLAN)]
    assert "领导小组" not in generated.pages[urls.HOME]


def test_no_template_or_locale_names_a_plan_or_a_kind_of_unit():
    """The site's words come from the data: the shipped plan and its kinds of units are named
    nowhere in the code's text."""
    site = Path(views.__file__).resolve().parent
    templates = [*site.joinpath("templates").glob("*.html")]
    locales = [*site.parent.joinpath("i18n", "locale").glob("*.yaml")]
    assert templates and locales, "templates or locale files are not where this test looks"
    files = templates + locales
    for path in files:
        text = path.read_text("utf-8")
        for word in ("西安", "司法", "执法规范化", "2010", "市局", "区县", "bureau", "Xi'an"):
            assert word not in text, (path.name, word)
