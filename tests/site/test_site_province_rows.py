"""What a province's site keeps smaller (h24i), on the demo data with the summary thresholds
lowered (conftest's ``render_as_province``): the open data gzip-compressed, and a unit page
that lists of each obligation its open, next and latest closed occurrences, saying how many
it leaves out and where they are. Below the threshold nothing changes (the goldens hold the
shipped pages)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections import Counter
from types import SimpleNamespace

import pytest

from duban.evaluation.evaluate import State
from duban.load.export_reader import InvalidExport, parse_export
from duban.outputs import urls
from duban.site import Settings, calendars, render_site, unit_rows

AS_OF = dt.date(2010, 12, 15)
HOLDER = "baqiao"
NOTE = re.compile(
    r'<p class="dbn-note" id="rows-left-out" data-search-exclude>'
    r"单位众多，每个事项只列出尚未办结的各期、"
    r"最近一期未到期的和最近 (\d+) 期已办结的；另有较早已办结的 (\d+) 期、以后各期 (\d+) 期未列出。"
    r'以后各期见本单位日历，全部各期及其状态见<a href="([^"]+)">开放数据（duban.json.gz）</a>'
    r"。上方“整体记录”的统计包含全部各期。</p>"
)


@pytest.fixture(scope="module")
def small(demo_model):
    return render_site(demo_model, Settings(as_of=AS_OF))


@pytest.fixture(scope="module")
def province(demo_model, render_as_province):
    return render_as_province(demo_model, as_of=AS_OF, closed_per_item_province=1)


def _rows(page: str, table: str) -> list[str]:
    found = re.search(rf'<table[^>]*id="{table}".*?</table>', page, re.S)
    return re.findall(r'<tr data-state="([^"]+)"', found.group(0)) if found else []


def test_a_province_publishes_its_open_data_compressed(small, province):
    assert urls.EXPORT_JSON in small.files and urls.EXPORT_JSON_GZ not in small.files
    assert urls.EXPORT_JSON_GZ in province.files and urls.EXPORT_JSON not in province.files
    packed = province.files[urls.EXPORT_JSON_GZ]
    assert isinstance(packed, bytes)
    # the same export, unpacked; smaller; no time stamp in the header (the same bytes each build)
    assert gzip.decompress(packed).decode() == small.files[urls.EXPORT_JSON]
    assert len(packed) * 4 < len(small.files[urls.EXPORT_JSON].encode())
    assert packed[4:8] == b"\0\0\0\0"
    assert province.sizes[urls.EXPORT_JSON_GZ] == len(packed)
    # the downloads page offers it, says how to unpack it, and no longer the plain file
    page = province.pages[urls.DOWNLOADS]
    assert 'href="downloads/duban.json.gz" type="application/gzip" download' in page
    assert "解压后即 duban.json" in page
    assert 'href="downloads/duban.json"' not in page
    assert 'href="downloads/duban.json" type="application/json"' in small.pages[urls.DOWNLOADS]


def test_another_site_reads_a_compressed_export(small, province):
    """A parent site (federation) may point its source at a province's duban.json.gz."""
    packed = province.files[urls.EXPORT_JSON_GZ]
    assert parse_export(packed) == json.loads(small.files[urls.EXPORT_JSON])
    with pytest.raises(InvalidExport, match="1000"):
        parse_export(packed, unpacked_max=1000)
    with pytest.raises(InvalidExport, match="gzip"):
        parse_export(packed[:10] + b"\0" * 40)


def test_a_province_unit_page_lists_fewer_rows_and_counts_the_rest(small, province):
    before, after = small.pages[urls.unit_page(HOLDER)], province.pages[urls.unit_page(HOLDER)]
    rows_before, rows_after = _rows(before, "obligation-table"), _rows(after, "obligation-table")
    note = NOTE.search(after)
    assert note, "the page says what it leaves out"
    keep, earlier, later = (int(n) for n in note.groups()[:3])
    assert keep == 1 and later > 0, "the demo's unit has a yearly duty of two years"
    assert len(rows_before) - len(rows_after) == earlier + later
    # what is left out is closed or not yet due; every open occurrence keeps its row
    dropped = Counter(rows_before) - Counter(rows_after)
    assert set(dropped) <= {s.value for s in unit_rows.CLOSED} | {State.NOT_DUE.value}
    for state in ("ongoing", "waiting"):
        assert rows_after.count(state) == rows_before.count(state)
    # the urgent table is whole; the record above counts every occurrence
    assert _rows(after, "urgent-table") == _rows(before, "urgent-table")
    cards = re.compile(r'<span class="dbn-card__number">(\d+)</span>')
    assert cards.findall(after) == cards.findall(before)
    assert note.group(4) == "../downloads.html"
    # below the threshold: every row, no note
    assert "rows-left-out" not in before


def test_each_obligation_keeps_its_open_next_and_latest_closed(province):
    # listed() reads a row's occurrence only
    ctx_rows = [
        SimpleNamespace(item=i)
        for i in province.evaluation.for_holder(HOLDER)
        if i.state not in (State.OVERDUE, State.DUE_SOON)
    ]
    for keep in (0, 1, 3, 100):
        got = unit_rows.listed(ctx_rows, keep)  # type: ignore[arg-type]
        assert len(got.rows) + got.left_out == len(ctx_rows)
        kept: dict[tuple[str, str], list] = {}
        for row in got.rows:
            kept.setdefault((row.item.task_id, row.item.due_id), []).append(row.item)
        for items in kept.values():
            assert sum(i.state in unit_rows.CLOSED for i in items) <= keep
            assert sum(i.state is State.NOT_DUE and not i.reported for i in items) <= 1
        if keep == 100:
            assert got.earlier == 0
        # the kept closed ones are the latest of their obligation
        for row in got.rows:
            if row.item.state in unit_rows.CLOSED:
                newer = [
                    r
                    for r in ctx_rows
                    if r.item.state in unit_rows.CLOSED
                    and (r.item.task_id, r.item.due_id) == (row.item.task_id, row.item.due_id)
                    and r.item.due > row.item.due
                ]
                assert len(newer) < keep
    assert unit_rows.listed(ctx_rows, 0).earlier > 0  # type: ignore[arg-type]


def _days(calendar: str) -> list[dt.date]:
    found = re.findall(r"^DTSTART;VALUE=DATE:(\d{8})\r$", calendar, re.M)
    return [dt.datetime.strptime(d, "%Y%m%d").date() for d in found]


def test_a_province_unit_calendar_holds_the_coming_months(small, province):
    horizon = AS_OF + dt.timedelta(days=calendars.HORIZON_DAYS)
    later = past = 0
    for path, text in small.files.items():
        if not path.startswith("downloads/ics/") or path not in province.files:
            continue
        after = _days(str(province.files[path]))
        assert all(AS_OF <= day <= horizon for day in after), path
        before = _days(str(text))
        later += sum(day > horizon for day in before)
        past += sum(day < AS_OF for day in before)
        # no event the full calendar lacks
        assert not set(after) - set(before), path
    assert later and past, "the demo has deadlines long after the build, and before it"
    line = (
        "日程只含今后 183 天内到期的时间节点，更晚的随网站每次更新陆续加入；"
        "已逾期的不列入日程（见各单位页面的“已逾期”），全部时间节点见开放数据。"
    )
    assert line in province.pages[urls.DOWNLOADS]
    assert line not in small.pages[urls.DOWNLOADS]


def test_a_group_page_lists_each_overdue_occurrence_once_with_its_units(province):
    pages = {uri: page for uri, page in province.pages.items() if "/groups/" in uri}
    assert pages, "the province has group pages"
    units = rows = merged = 0
    for page in pages.values():
        table = re.search(r'<table[^>]*id="overdue-table".*?</table>', page, re.S)
        if not table:
            continue
        for row in re.findall(r'<tr data-state="overdue">.*?</tr>', table.group(0), re.S):
            cell = re.findall(r"<td>(.*?)</td>", row, re.S)[1]  # after the due date's cell
            names = len(re.findall(r'<a class="dbn-unit"', cell))
            said = re.search(r'<div class="dbn-sub">(\d+) 个单位</div>', cell)
            assert (names > 1) == bool(said) and (not said or int(said.group(1)) == names)
            units, rows, merged = units + names, rows + 1, merged + (names > 1)
    # every overdue occurrence of the plan is named once, on its group's page
    overdue = [i for i in province.evaluation.items if i.state is State.OVERDUE]
    assert units == sum(len(i.holders) for i in overdue)
    assert merged and rows < units, "the demo's units share overdue occurrences"


def test_a_province_unit_calendar_reminds_once_a_week_before(small, province):
    path = urls.unit_ics(HOLDER)
    after, before = str(province.files[path]), str(small.files[path])
    triggers = re.findall(r"^TRIGGER:(.+)\r$", after, re.M)
    events = after.count("BEGIN:VEVENT")
    assert triggers and set(triggers) == {"-P7D"}
    assert len(triggers) <= events  # one a reminded event, none on a past one
    # below the threshold: 30, 7 and 1 days before, as before
    assert set(re.findall(r"^TRIGGER:(.+)\r$", before, re.M)) == {"-P30D", "-P7D", "-P1D"}
