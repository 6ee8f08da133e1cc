"""What the site leaves out to fit its host at province scale (h24b), on the demo data with the
summary thresholds lowered as in test_site_groups.py: no group calendars that repeat their
members', no markup repeated in every row that the stylesheet can draw."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from duban.load.project import load_project
from duban.model.org import Group
from duban.outputs import urls
from duban.site import Settings, names, render_site
from sitekit import make_two_plan_data

AS_OF = dt.date(2010, 12, 15)


@pytest.fixture(scope="module")
def model(demo_model):
    return demo_model


@pytest.fixture(scope="module")
def small(model):
    return render_site(model, Settings(as_of=AS_OF))


@pytest.fixture(scope="module")
def summarised(model, render_as_province):
    return render_as_province(model, as_of=AS_OF)


def _calendars(site) -> set[str]:
    return {p for p in site.files if p.startswith("downloads/ics/")}


def test_a_province_has_its_units_calendars_but_not_its_groups(model, small, summarised):
    with_members = {
        urls.unit_ics(h.id) for h in names.page_holders(model) if isinstance(h, Group) and h.members
    }
    assert with_members & _calendars(small), "the demo's groups have calendars below the threshold"
    assert not with_members & _calendars(summarised)
    assert _calendars(summarised) == _calendars(small) - with_members
    # the unit page of a group no longer offers a calendar that is not there
    for ics in with_members & _calendars(small):
        holder = ics.removeprefix("downloads/ics/").removesuffix(".ics")
        page = summarised.pages[urls.unit_page(holder)]
        assert f"ics/{holder}.ics" not in page


def test_a_small_site_keeps_its_groups_calendars_and_their_events(small):
    for path in _calendars(small):
        assert "BEGIN:VEVENT" in small.files[path]


def test_rows_leave_dots_and_dashes_to_the_stylesheet(small, model):
    pages = "".join(small.pages.values())
    assert "dbn-light__dot" not in pages
    assert 'class="dbn-light dbn-light--' in pages
    empty = re.findall(r'<td(?: data-value="-1")? class="dbn-nil">(.*?)</td>', pages)
    assert empty and set(empty) == {""}
    # a status table names its columns once, for the phone's cards; its cells do not
    for table in re.findall(r'<table[^>]*dbn-table--status".*?</table>', pages, re.S):
        assert re.search(r"--dbn-l[23]:'到期日';--dbn-l[34]:'状态';", table.split(">", 1)[0])
        assert "data-label" not in table
    # the plan's name is on a row only when the site holds several plans, and never a link
    assert not re.search(r'class="dbn-sub dbn-plan"[^>]*><a ', pages)


def test_each_occurrence_is_one_row_of_its_unit_page(small, model):
    page = small.pages[urls.unit_page("baqiao")]
    urgent, rest = page.split('id="urgent-table"')[1].split('id="obligation-table"')
    ids = re.findall(r' data-ids="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == len(small.evaluation.for_holder("baqiao"))
    overdue = re.findall(r'<tr data-state="(overdue|due-soon)"', urgent)
    assert overdue and not re.search(r'<tr data-state="(overdue|due-soon)"', rest)
    assert f"已逾期和 30 天内到期的 {len(overdue)} 项列在上方" in page


def test_a_unit_page_shows_the_newest_reports_and_links_the_rest(model):
    site = render_site(model, Settings(as_of=AS_OF, feed_on_page=5))
    page = site.pages[urls.unit_page("baqiao")]
    feed = page.split('<ol class="dbn-feed"', 1)[1].split("</ol>", 1)[0]
    days = re.findall(r'<li><time datetime="([^"]+)"', feed)
    assert len(days) == 5 and days == sorted(days, reverse=True)
    assert "本页显示最近的 5 条记录（每个事项至多 3 条）；共" in page
    history = site.pages[urls.unit_history("baqiao")]
    assert len(re.findall(r"<li><time", history)) > 5


def test_a_history_page_names_each_task_once_over_its_reports(model):
    site = render_site(model, Settings(as_of=AS_OF, feed_on_page=5))
    history = site.pages[urls.unit_history("baqiao")]
    named = re.findall(r'<p class="dbn-history-task__name"><a href="([^"]+)"', history)
    assert named and len(named) == len(set(named))
    tasks = [model.tasks[tid] for tid in model.tasks]
    expected = [f"../../plans/{t.plan_id}/tasks/{t.id.split('/')[1]}.html" for t in tasks]
    assert named == [e for e in dict.fromkeys(expected) if e in named]  # in the plan's order
    for section in history.split('<div class="dbn-history-task">')[1:]:
        days = re.findall(r'<li><time datetime="([^"]+)"', section)
        assert days and days == sorted(days, reverse=True)


def test_a_province_publishes_its_ledger_as_a_workbook_only(small, summarised):
    assert urls.LEDGER_CSV in small.files and urls.LEDGER_XLSX in small.files
    assert urls.LEDGER_CSV not in summarised.files and urls.LEDGER_XLSX in summarised.files
    page = summarised.pages[urls.DOWNLOADS]
    assert "ledger.csv" not in page and "duban export csv" in page
    assert "ledger.csv" in small.pages[urls.DOWNLOADS]
    assert "duban export csv" not in small.pages[urls.DOWNLOADS]


def test_only_pages_of_several_plans_name_each_rows_plan(tmp_path):
    project = load_project(make_two_plan_data(tmp_path / "data"))
    assert project.ok, project.problems[:3]
    site = render_site(project.model, Settings(as_of=AS_OF))
    unit = site.pages[urls.unit_page("baqiao")]
    assert 'class="dbn-sub dbn-plan"' in unit  # a unit's page lists both plans' items
    plan_pages = [p for uri, p in site.pages.items() if uri.startswith("plans/")]
    assert plan_pages and not any('class="dbn-sub dbn-plan"' in p for p in plan_pages)
