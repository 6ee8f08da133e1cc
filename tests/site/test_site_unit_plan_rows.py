"""A unit page at province scale (h24f): rows of several plans grouped under one heading row
per plan instead of the plan's name on every row; the ids a clerk copies in each row's
``data-ids``, shown by one toggle a table; a province's feed of 20 reports, not 40."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from duban.load.project import load_project
from duban.outputs import urls
from duban.site import Settings, render_site
from sitekit import DEMO, DEMO_PLAN, SECOND_PLAN, make_two_plan_data

AS_OF = dt.date(2010, 12, 15)
HOLDER = "baqiao"
TABLE = re.compile(r'<table[^>]*id="([^"]+)"[^>]*data-search-exclude>(.*?)</table>', re.S)


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    project = load_project(make_two_plan_data(tmp_path_factory.mktemp("two") / "data"))
    assert project.ok, project.problems[:3]
    return project.model, render_site(project.model, Settings(as_of=AS_OF))


def _status_tables(page: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in TABLE.finditer(page) if "data-ids=" in m.group(2)}


def test_rows_of_several_plans_are_grouped_under_one_heading_a_plan(two_plans):
    model, site = two_plans
    page = site.pages[urls.unit_page(HOLDER)]
    tables = _status_tables(page)
    assert set(tables) == {"urgent-table", "obligation-table"}
    names = [model.plans[p].title for p in model.plans]
    grouped = 0
    for table_id, table in tables.items():
        assert 'class="dbn-sub dbn-plan"' not in table, table_id  # no plan name on a row
        bodies = re.findall(r"<tbody>(.*?)</tbody>", table, re.S)
        heads = [re.search(r'<tr class="dbn-plan-row"><th[^>]*>([^<]*)</th>', b) for b in bodies]
        if len(bodies) == 1 and not heads[0]:
            continue  # a table of one plan's rows
        grouped += 1
        assert all(heads) and len(bodies) == 2, table_id
        shown = [h.group(1) for h in heads if h]
        assert shown == [n for n in names if n in shown]  # in the plans' order, once each
        for body, head in zip(bodies, heads, strict=True):
            plan_id = next(p for p in model.plans if model.plans[p].title == head.group(1))
            links = re.findall(r'<td class="dbn-cell--title"[^>]*><a href="([^"]+)"', body)
            assert links and all(f"/plans/{plan_id}/tasks/" in link for link in links)
            assert body.count('colspan="8"') == 1
    assert grouped, "the unit's page lists rows of both plans in at least one table"
    # every occurrence is still listed once
    rows = sum(t.count("<tr data-state=") for t in tables.values())
    assert rows == len(site.evaluation.for_holder(HOLDER))
    assert {DEMO_PLAN, SECOND_PLAN} <= set(model.plans)


def test_rows_of_one_plan_are_as_before():
    project = load_project(DEMO / "data")
    page = render_site(project.model, Settings(as_of=AS_OF)).pages[urls.unit_page(HOLDER)]
    assert "dbn-plan-row" not in page and page.count("<tbody>") == page.count("</tbody>")


def test_the_ids_are_shown_by_one_toggle_a_table(two_plans):
    _, site = two_plans
    page = site.pages[urls.unit_page(HOLDER)]
    tables = _status_tables(page)
    for table_id, table in tables.items():
        assert page.count(f'data-dbn-ids-for="{table_id}"') == 1
        rows = table.count("<tr data-state=")
        assert table.count(" data-ids=") == rows > 0
        assert re.search(r' data-ids="[^"]*task: [^"]+"', table)
    assert '<details class="dbn-ids' not in page
    # a task's page lists holders, not a unit's own rows: no ids there
    task = site.pages[next(p for p in site.pages if "/tasks/" in p and p.endswith(".md"))]
    assert "data-ids=" not in task and "data-dbn-ids-for" not in task


def _feed(page: str) -> int:
    feed = re.search(r'<ol class="dbn-feed"[^>]*>(.*?)</ol>', page, re.S)
    return feed.group(1).count("<li>") if feed else 0


def test_a_province_unit_page_shows_20_reports_not_40(demo_model, render_as_province):
    small = render_site(demo_model, Settings(as_of=AS_OF, feed_on_page=8))
    province = render_as_province(demo_model, as_of=AS_OF, feed_on_page=8, feed_on_page_province=4)
    assert _feed(small.pages[urls.unit_page(HOLDER)]) == 8
    page = province.pages[urls.unit_page(HOLDER)]
    assert _feed(page) == 4
    assert "本页显示最近的 4 条记录" in page and "duban.json" in page
    assert Settings(as_of=AS_OF).feed_on_page == 40
    assert Settings(as_of=AS_OF).feed_on_page_province == 20
