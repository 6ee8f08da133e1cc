"""The 督办清单 grouped by responsible unit, count tables whose parts add up, nothing dated after
the as-of date, and rows that speak in words (issue 22)."""

from __future__ import annotations

import datetime as dt
import re

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import State, evaluate
from duban.load.project import load_project
from duban.outputs import urls
from duban.site import Settings, render_site
from helpers import ROOT
from sitekit import DEMO, DEMO_PLAN

SHIPPED = ROOT / "data"
OFFICE = ROOT / "examples" / "office" / "data"
SHIPPED_AS_OF = dt.date(2026, 11, 30)


def _model(data):
    project = load_project(data)
    assert project.ok
    return project.model


def test_the_overdue_list_is_one_collapsed_group_per_unit_with_a_summary_line():
    model = _model(SHIPPED)
    page = render_site(model, Settings(as_of=SHIPPED_AS_OF)).pages[urls.OVERDUE]
    report = check_report(model, evaluate(model, SHIPPED_AS_OF))
    late = [u for u in report.unit_summaries() if u.overdue]
    total = sum(u.overdue for u in late)
    unreported = sum(u.overdue_not_reported for u in late)
    longest = max(u.longest_days_late or 0 for u in late)
    line = (
        f"共 {total} 项逾期，涉及 {len(late)} 个责任单位，"
        f"其中 {unreported} 项未报送；最久逾期 {longest} 天。"
    )
    assert line in page
    opened = re.findall(r'<details class="dbn-chase"[^>]*>', page)
    assert len(opened) == len(late) and not any(" open" in d for d in opened)  # collapsed
    # every overdue row sits in its unit's group, and no other table lists them again
    assert page.count('<tr data-state="overdue">') == total
    for unit in late:
        group = page.split(f'id="chase-{unit.holder.id}"', 1)[1].split("</details>", 1)[0]
        assert group.count('<tr data-state="overdue">') == unit.overdue
    # the next step is said once per unit when all its rows share it, not on every row
    assert page.count("下一步：") == len(late)
    assert page.count("下一步：监督单位及时督办、催办") == len(late)


def test_a_unit_whose_rows_differ_in_next_step_says_it_on_each_row():
    page = render_site(_model(DEMO / "data"), Settings(as_of=dt.date(2010, 12, 15))).pages[
        urls.OVERDUE
    ]
    groups = page.split('<details class="dbn-chase"')[1:]
    in_heading = [g for g in groups if "下一步：" in g.split("</summary>", 1)[0]]
    in_rows = [g for g in groups if "下一步：" in g.split("</summary>", 1)[1]]
    assert in_heading and in_rows  # the demo has both kinds of unit
    assert not [g for g in in_heading if g in in_rows]


def _count_rows(page: str) -> list[tuple[int, list[int]]]:
    rows = []
    for table in re.findall(r"<table[^>]*data-duban-counts.*?</table>", page, re.S):
        for row in re.findall(r"<tr.*?</tr>", table.split("<tbody>", 1)[1], re.S):
            total = re.findall(r'data-value="(\d+)" data-duban-sum="total"', row)
            parts = re.findall(r'data-value="(\d+)" data-duban-part', row)
            assert len(total) == 1 and parts, row
            rows.append((int(total[0]), [int(p) for p in parts]))
    return rows


def test_every_row_of_the_progress_tables_adds_up():
    for data, as_of in ((DEMO / "data", dt.date(2010, 12, 15)), (SHIPPED, SHIPPED_AS_OF)):
        model = _model(data)
        page = render_site(model, Settings(as_of=as_of)).pages[
            urls.plan_page(model.plan.id, "progress")
        ]
        # 按部分, 按单位组, the ranking and every deadline
        assert page.count("data-duban-counts") == 4
        rows = _count_rows(page)
        assert rows and all(total == sum(parts) for total, parts in rows)
    # the shipped plan has 未达到 (missed) occurrences: the column the tables used to lack
    assert 'data-label="未达到" data-value=' in page


def test_the_unit_tables_add_up_too():
    model = _model(SHIPPED)
    pages = render_site(model, Settings(as_of=SHIPPED_AS_OF)).pages
    groups = [g for g in model.groups.values() if g.members]
    assert groups
    for uri in (urls.UNITS, urls.unit_page(groups[0].id)):  # every unit; a group's members
        rows = _count_rows(pages[uri])
        assert rows and all(total == sum(parts) for total, parts in rows), uri


def test_nothing_dated_after_the_as_of_date_is_shown_or_used():
    model = _model(OFFICE)
    as_of = dt.date(2024, 7, 31)
    key = next(
        k
        for k, e in model.status.items()
        if e.holder_id == "qingshan-zhen" and e.done == dt.date(2024, 9, 10)
    )
    ev = evaluate(model, as_of)
    (item,) = [i for i in ev.items if i.ref == key]
    assert item.state is not State.DONE_ON_TIME
    # the entry holds nothing but that completion: on 2024-07-31 nothing had been reported
    assert item.entry is None and not item.reported
    pages = render_site(model, Settings(as_of=as_of)).pages
    unit = pages[urls.unit_page("qingshan-zhen")]
    assert "2024-09-10" not in unit
    # nothing later than the as-of date on any page, dates of deadlines aside
    later = {re.sub(r"<[^>]+>", "", d) for d in _column(unit, "完成日期")} - {""}
    assert all(dt.date.fromisoformat(d) <= as_of for d in later)
    # a day after the completion, it shows
    after = render_site(model, Settings(as_of=dt.date(2024, 9, 10))).pages
    assert "<time>2024-09-10</time>" in _column(after[urls.unit_page("qingshan-zhen")], "完成日期")


def _column(page: str, name: str) -> list[str]:
    """The cells of the column ``name`` in every status table of ``page``."""
    found = []
    for table in re.findall(r"<table[^>]*dbn-table--status.*?</table>", page, re.S):
        head, body = table.split("</thead>", 1)
        k = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', head).index(name)
        for row in re.findall(r"<tr data-state.*?</tr>", body, re.S):
            found.append(re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[k])
    return found


def test_rows_name_the_period_in_words_and_keep_the_ids_behind_a_toggle():
    model = _model(DEMO / "data")
    pages = render_site(model, Settings(as_of=dt.date(2010, 12, 15))).pages
    unit = pages[urls.unit_page("baqiao")]
    assert re.search(r'<div class="dbn-sub">2010年[^<]*</div>', unit)
    assert not re.search(r'<div class="dbn-sub">\d{4}(-[A-Z0-9]+)?</div>', unit)
    # the ids stay out of search: every row's ids are in a status table, which search leaves
    # out; one toggle a table shows them (h24f), not one a row
    ids = " data-ids="
    tables = re.findall(r"<table[^>]*data-search-exclude>.*?</table>", unit, re.S)
    assert unit.count(ids) == sum(t.count(ids) for t in tables) > 0
    assert unit.count("data-dbn-ids-for=") == len(tables) < unit.count(ids)
    tasks = [p for path, p in pages.items() if path.startswith(f"plans/{DEMO_PLAN}/tasks/")]
    assert tasks and any("年</div>" in p for p in tasks)
    assert not any(re.search(r'<div class="dbn-sub">\d{4}(-[A-Z0-9]+)?</div>', p) for p in tasks)
    # the occurrences listed under each deadline, too
    raw = re.compile(r'<span class="dbn-muted">\d{4}(-[A-Z0-9]+)?</span>')
    assert not any(raw.search(p) for p in tasks)
    assert any(re.search(r'<span class="dbn-muted">\d{4}年[^<]*</span>', p) for p in tasks)
