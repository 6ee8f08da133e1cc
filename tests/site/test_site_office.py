"""The pages the supervising office relies on: honest about what nobody reported, the 督办清单
summary by unit in escalation order, the unit page's urgent items first, problems and next
steps shown, the ledger offered for download."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import openpyxl

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.model.status import StatusEntry
from duban.outputs import urls
from duban.site import Settings, render_site
from helpers import ROOT
from sitekit import DEMO

SHIPPED = ROOT / "data"


def _model(data):
    project = load_project(data)
    assert project.ok
    return project.model


def test_shipped_data_says_nothing_was_reported_and_ranks_nobody():
    model = _model(SHIPPED)
    site = render_site(model, Settings(as_of=dt.date(2026, 11, 30)))
    home = site.pages[urls.HOME]
    notice = home.index("尚无任何单位报送落实情况")
    assert notice < home.index("整体落实情况")
    assert "实施期已于 2012-12-31 结束" in home
    assert "其中 263 项未报送" in home
    progress = next(v for k, v in site.pages.items() if k.endswith("progress.md"))
    assert "尚无单位报送落实情况，暂不排名" in progress
    ranks = re.findall(r'data-label="名次" data-value="(\d+)"', progress)
    assert set(ranks) == {"99999"}  # nobody ranked
    # no indicator claims 未达成 when nobody reported
    assert "dbn-result--missed" not in progress
    assert "无数据" in progress


def test_overdue_page_groups_units_in_escalation_order():
    model = _model(DEMO / "data")
    site = render_site(model, Settings(as_of=dt.date(2010, 12, 15)))
    page = site.pages[urls.OVERDUE]
    report = check_report(model, evaluate(model, dt.date(2010, 12, 15)))
    late = [u for u in report.unit_summaries() if u.overdue]
    # one collapsible group per unit, in the check report's order (escalation stage first)
    groups = re.findall(
        r'<details class="dbn-chase" id="chase-([^"]+)" data-overdue="(\d+)">', page
    )
    assert groups == [(u.holder.id, str(u.overdue)) for u in late]
    assert late[0].highest_stage_rank > 0
    # each heading says how many and how late
    first = page.split('id="chase-' + late[0].holder.id, 1)[1].split("</summary>", 1)[0]
    assert f"逾期 {late[0].overdue} 项" in first
    assert f"最久逾期 {late[0].longest_days_late} 天" in first
    assert 'href="downloads/ledger.xlsx"' in page and "data-dbn-print" in page
    # the due-soon list does not print: neither its heading nor its section
    soon = page.index('id="soon-table"')
    assert (
        page.index("{ .dbn-noprint }") < page.index('<div class="dbn-section dbn-noprint">') < soon
    )


def test_unit_page_shows_urgent_items_first_with_problems_and_next_steps():
    model = _model(DEMO / "data")
    key = next(k for k in model.status if k.holder_id == "baqiao")
    entry = dataclasses.replace(model.status[key], problems="经费不足", next_steps="下月完成")
    model = dataclasses.replace(model, status={**model.status, key: entry})
    site = render_site(model, Settings(as_of=dt.date(2010, 12, 15)))
    page = site.pages[urls.unit_page("baqiao")]
    assert page.index("已逾期 / 30天内到期") < page.index("承担的职责") < page.index("落实事项")
    assert "<details" in page.split("承担的职责", 1)[1].split("落实事项", 1)[0]
    assert "存在问题：</strong>经费不足" in page and "下步计划：</strong>下月完成" in page
    # the ids a clerk copies: in each row's data-ids, shown by one toggle a table (h24f),
    # never the row's second line
    assert re.search(r'<td class="dbn-cell--title" data-value="\d+" data-ids="task: [0-9]', page)
    assert '<div class="dbn-sub dbn-ids"' not in page and '<details class="dbn-ids' not in page
    assert page.count('data-dbn-ids-for="') == page.count("data-dbn-sortable data-search-exclude")
    # and in the ledger the site offers
    book = openpyxl.load_workbook(__import__("io").BytesIO(site.files[urls.LEDGER_XLSX]))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[2]]  # row 1: the sheet's title
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert ("经费不足", "下月完成") in [
        (r[header.index("存在问题")], r[header.index("下步计划")]) for r in rows
    ]


def test_a_report_not_done_is_still_reported():
    model = _model(DEMO / "data")
    ev = evaluate(model, dt.date(2010, 12, 15))
    silent = [i for i in ev.items if i.entry is None]
    assert silent and not any(i.reported for i in silent)
    assert all(i.reported for i in ev.items if isinstance(i.entry, StatusEntry))
