"""What a province's site leaves to the open data (h24e), on the demo data with the summary
thresholds lowered as in test_site_bytes.py: no history pages (the unit page links the open
data instead), and unit calendars of what is still to come. Below the threshold nothing
changes (the goldens hold the shipped pages)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from duban.evaluation.evaluate import State
from duban.outputs import urls
from duban.site import Settings, render_site

AS_OF = dt.date(2010, 12, 15)
HOLDER = "baqiao"


@pytest.fixture(scope="module")
def model(demo_model):
    return demo_model


@pytest.fixture(scope="module")
def small(model):
    return render_site(model, Settings(as_of=AS_OF, feed_on_page=5))


@pytest.fixture(scope="module")
def province(model, render_as_province):
    return render_as_province(model, as_of=AS_OF, feed_on_page=5, feed_on_page_province=5)


def _history_pages(site) -> set[str]:
    return {p for p in site.pages if re.fullmatch(r"units/[^/]+/history(-\d+)?\.md", p)}


def _uids(calendar: str) -> set[str]:
    unfolded = calendar.replace("\r\n ", "")
    return set(re.findall(r"^UID:(.+)\r$", unfolded, re.M))


def _uid(model, item) -> str:
    task = model.tasks[item.task_id]
    period = item.key or "once"
    return f"{task.plan_id}.{task.local_id}.{item.holder_id}.{item.due_id}.{period}@duban"


def test_the_fixture_is_a_province_and_the_other_is_not(small, province):
    assert province.pages[urls.unit_page(HOLDER)] != small.pages[urls.unit_page(HOLDER)]
    assert "按单位组" in "".join(province.pages.values())
    assert "按单位组" not in small.pages[urls.DOWNLOADS]


def test_a_province_has_no_history_pages(small, province):
    assert urls.unit_history(HOLDER) in small.pages, "the demo's unit has more than 5 reports"
    assert _history_pages(small)
    assert not _history_pages(province)
    assert not any("history" in p for p in province.pages)


def test_a_province_unit_page_links_the_open_data_for_its_full_history(small, province):
    page = province.pages[urls.unit_page(HOLDER)]
    note = re.search(
        # out of search: the same words on every unit page would outgrow the index
        r'<p class="dbn-note" data-search-exclude>'
        r"本页显示最近的 5 条记录（每个事项至多 3 条）；共 (\d+) 条。"
        r'单位众多，全部记录不另设网页，见<a href="([^"]+)">开放数据（duban.json）</a>'
        r"，也可运行 duban export json 导出。</p>",
        page,
    )
    assert note, "the unit page says where the full history is"
    assert note.group(2) == "../downloads.html"
    total = re.search(r"；共 (\d+) 条，全部记录见", small.pages[urls.unit_page(HOLDER)])
    assert total and note.group(1) == total.group(1)
    assert "history.html" not in page
    # the downloads page it links lists the open data
    assert "downloads/duban.json" in province.pages[urls.DOWNLOADS]
    # below the threshold: the history page, as before, and no such note
    before = small.pages[urls.unit_page(HOLDER)]
    assert "history.html" in before and "duban export json" not in before


def test_a_province_unit_calendar_holds_what_is_still_to_come(model, small, province):
    path = urls.unit_ics(HOLDER)
    items = province.evaluation.for_holder(HOLDER)
    closed = {
        _uid(model, i)
        for i in items
        if i.state.is_done
        or i.state is State.NOT_APPLICABLE
        or (i.due < AS_OF and not i.state.is_open)
    }
    still = {_uid(model, i) for i in items} - closed
    assert closed and still, "the demo's unit has done and open occurrences"
    before, after = _uids(small.files[path]), _uids(province.files[path])
    assert closed - {_uid(model, i) for i in items if i.state is State.NOT_APPLICABLE} <= before
    assert not closed & after
    assert still & before == after & before
    assert after == before - closed
    # every open occurrence stays, overdue ones too (a reminder still to act on)
    overdue = {_uid(model, i) for i in items if i.state is State.OVERDUE}
    assert overdue <= after
    assert len(province.files[path]) < len(small.files[path])


def test_the_downloads_page_says_what_a_province_calendar_holds(small, province):
    line = "各单位日程只含尚未完成的事项和今后的时间节点"
    assert line in province.pages[urls.DOWNLOADS]
    assert line not in small.pages[urls.DOWNLOADS]


def test_below_the_threshold_every_occurrence_stays_in_the_calendar(model, small):
    items = small.evaluation.for_holder(HOLDER)
    done = {_uid(model, i) for i in items if i.state.is_done}
    assert done and done <= _uids(small.files[urls.unit_ics(HOLDER)])


def test_a_province_unit_with_nothing_left_keeps_its_calendar(small, province):
    """Subscriptions to a unit's calendar do not break when all its events are closed."""
    calendars = {p for p in small.files if p.startswith("downloads/ics/")}
    emptied = [p for p in calendars if "BEGIN:VEVENT" not in province.files.get(p, "BEGIN:VEVENT")]
    assert emptied, "the demo has a unit whose every occurrence is closed"
    for path in emptied:
        assert "BEGIN:VEVENT" in small.files[path]
        assert province.files[path].startswith("BEGIN:VCALENDAR\r\n")
        assert province.files[path].endswith("END:VCALENDAR\r\n")


def _alarm_texts(calendar: str) -> list[str]:
    unfolded = calendar.replace("\r\n ", "")
    return re.findall(r"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:([^\r]*)\r\n", unfolded)


def test_a_province_calendar_alarm_does_not_repeat_the_event_title(small, province):
    path = urls.unit_ics(HOLDER)
    after, before = _alarm_texts(province.files[path]), _alarm_texts(small.files[path])
    assert after and set(after) <= {"30 天后到期", "7 天后到期", "1 天后到期"}
    # below the threshold each alarm names its event, as before
    assert before and all(re.fullmatch(r"\d+ 天后到期：【督办】.+", text) for text in before)
    # each event still carries its title, once
    assert "SUMMARY:【督办】" in province.files[path]
