"""The demo site in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Serves the built site on 127.0.0.1, opens the home page, the task table, a task page and a unit
page, checks what they show, drives the sort and filter, searches in Chinese, records every
network request (none may leave the local server) and saves screenshots at laptop and phone
width, on screen and in print, under tests/output/screenshots/ (look at them).

Playwright never downloads a browser here: it is given Debian's executable (or the one named by
DUBAN_CHROMIUM, e.g. Google Chrome on GitHub's runners). Without it these tests skip, unless
DUBAN_REQUIRE_BROWSER=1 (.ci/run), where they fail.
"""

from __future__ import annotations

import pytest

from helpers import swept
from sitekit import (
    DEMO_PLAN,
    LAPTOP,
    PHONE,
    PROVINCE_PLAN,
    built_province,
    built_site,
    plan_path,
    served,
    shoot,
)

TASKS = plan_path(DEMO_PLAN, "index")
TASK_19 = plan_path(DEMO_PLAN, "tasks/19")

pytestmark = pytest.mark.browser

# how far the page reaches past the layout width (a mobile viewport widens to fit the page, so
# window.innerWidth would hide it)
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def origin(browser):
    build = built_site("demo")
    assert build.returncode == 0, build.stderr
    with served(build.site) as address:
        yield address


@pytest.fixture(scope="module")
def province(origin):
    """A plan of 60 units in cities of 12, whose long lists are summarised by group."""
    build = built_province()
    assert build.returncode == 0, build.stderr
    with served(build.site) as address:
        yield address


@pytest.fixture
def session(browser, origin):
    """A fresh context that records every request and every script error."""
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport=LAPTOP, service_workers="block")
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page, requests, errors
    context.close()
    foreign = [u for u in requests if not u.startswith((origin + "/", "data:", "blob:"))]
    assert foreign == [], foreign
    assert errors == []


def visible_rows(page, table: str) -> int:
    return page.locator(f"#{table} tbody tr:visible").count()


def test_home_page(session, origin):
    page, requests, _ = session
    page.goto(f"{origin}/index.html")
    assert page.locator("h1").first.inner_text() == "全市司法行政系统深入推进执法规范化建设实施方案"
    assert "2010年12月15日" in page.locator(".dbn-asof").first.inner_text()
    cards = page.locator(".dbn-cards .dbn-card")
    assert cards.count() == 6
    words = page.locator(".dbn-cards .dbn-light").all_inner_texts()
    # 持续推进 and 未达到 show only when some duty is in that state (none in the demo)
    assert [w.strip() for w in words] == ["已完成", "逾期完成", "正常", "临期", "逾期", "不适用"]
    chart_title = page.locator("svg.dbn-chart__svg title").first.text_content()
    assert chart_title.startswith("执法规范化建设达标率")
    shoot(page, "home-laptop")
    assert len(requests) > 3  # the page, its CSS and scripts were seen by the recorder


def test_task_table_sorts_and_filters(session, origin):
    page, _, _ = session
    page.goto(f"{origin}/{TASKS}")
    assert visible_rows(page, "task-table") == 17
    first = page.locator("#task-table tbody tr").first
    assert first.locator("td").first.inner_text() == "（三）"
    number = page.locator("#task-table thead th", has_text="序号")
    number.locator("button").click()
    number.locator("button").click()
    assert number.get_attribute("aria-sort") == "descending"
    last = page.locator("#task-table tbody tr").first.locator("td").first.inner_text()
    assert last == "（十九）"

    bar = page.locator('[data-dbn-filter-for="task-table"]')
    assert bar.is_visible()
    bar.locator("input").fill("信访")
    shown = visible_rows(page, "task-table")
    assert 0 < shown < 17
    assert bar.locator("output").inner_text() == f"显示 {shown} / 17 项"
    for text in page.locator("#task-table tbody tr:visible").all_inner_texts():
        assert "信访" in text
    bar.locator("input").fill("")
    bar.locator("select").select_option("overdue")
    overdue = page.locator("#task-table tbody tr:visible")
    assert overdue.count() == 3
    for text in overdue.all_inner_texts():
        assert "逾期" in text
    bar.locator("select").select_option("")
    assert visible_rows(page, "task-table") == 17
    shoot(page, "tasks-laptop")


def test_task_table_is_whole_without_javascript(browser, origin):
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{origin}/{TASKS}")
    assert visible_rows(page, "task-table") == 17
    assert page.locator('[data-dbn-filter-for="task-table"]').is_hidden()
    assert page.locator("#task-table thead button").count() == 0
    context.close()


def test_task_page(session, origin):
    page, _, _ = session
    page.goto(f"{origin}/{TASK_19}")
    assert page.locator("h1").first.inner_text() == "建立完善执法公开各项制度"
    assert "6/17 个单位已完成" in page.locator(".dbn-hero__state").inner_text()
    assert page.locator("#status-table tbody tr").count() == 17
    matrix = page.locator("table.dbn-table--matrix")
    assert matrix.locator("thead th").count() == 8  # unit, six regulations, done
    assert "《执法公开办法》" in matrix.locator("thead").inner_text()
    edit = page.locator("a.dbn-edit")
    assert (
        edit.get_attribute("href")
        == f"https://example.org/demo-repo/edit/main/data/plans/{DEMO_PLAN}/tasks/19.yaml"
    )
    shoot(page, "task-19-laptop")


def test_unit_page(session, origin):
    page, _, _ = session
    page.goto(f"{origin}/units/baqiao.html")
    assert page.locator("h1").first.inner_text() == "灞桥区司法局"
    assert "区司法局" in page.locator(".dbn-kicker").first.inner_text()
    # each occurrence once: the overdue and due-soon ones first, the others in 落实事项
    urgent = page.locator("#urgent-table tbody tr")
    rows = page.locator("#obligation-table tbody tr")
    assert urgent.count() >= 1 and urgent.count() + rows.count() >= 15
    states = set(page.locator("#obligation-table .dbn-light").all_inner_texts())
    assert any("已完成" in s for s in states)
    assert all("逾期" in s for s in page.locator("#urgent-table .dbn-light").all_inner_texts()[:1])
    shoot(page, "unit-baqiao-laptop")


def test_chinese_search_finds_words_inside_sentences(session, origin):
    page, _, _ = session
    page.goto(f"{origin}/index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    query = page.locator("input.md-search__input")
    query.fill("轮训")
    query.press("End")  # Material searches on key events, which fill() does not send
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.locator(".md-search-result__item").all_inner_texts()
    # 轮训 is a word inside longer sentences: found only because jieba segmented the index
    assert any("轮训" in r for r in results)
    assert "符合条件的结果" in page.locator(".md-search-result__meta").inner_text()


PAGES = [
    ("home", "index.html"),
    ("tasks", TASKS),
    ("task-19", TASK_19),
    ("unit-baqiao", "units/baqiao.html"),
    ("overdue", "overdue.html"),
    ("progress", plan_path(DEMO_PLAN, "progress")),
]


# the widest table (the task table) and the longest page (a unit's) by default; every page's
# screenshots in CI's sweep
@pytest.mark.parametrize(("name", "path"), swept(PAGES, [PAGES[1], PAGES[3]]))
def test_phone_width_has_no_sideways_scroll_and_prints(browser, origin, name, path):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{origin}/{path}")
    overflow = page.evaluate(SIDEWAYS)
    assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at phone width"
    shoot(page, f"{name}-phone")
    context.close()
    printed = browser.new_context(viewport=LAPTOP)
    page = printed.new_page()
    page.goto(f"{origin}/{path}")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".dbn-asof").first.is_visible() or path.endswith("leadership.html")
    shoot(page, f"{name}-print")
    printed.close()


def test_a_group_on_a_task_page_leads_to_its_units(browser, province):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(f"{province}/{plan_path(PROVINCE_PLAN, 'tasks/02')}")
    groups = page.locator("#status-groups tbody tr")
    assert groups.count() == 5  # 60 units in cities of 12
    assert page.locator("#status-table").count() == 0  # no row per unit and period
    totals = [
        int(t) for t in page.locator("#status-groups tbody td:nth-child(3)").all_inner_texts()
    ]
    footer = page.locator("#status-groups tfoot td:nth-child(3)").inner_text()
    assert sum(totals) == int(footer) == 360  # the groups add up to every occurrence
    shoot(page, "task-groups-laptop")
    link = page.locator("#status-groups a.dbn-group-link").first
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/groups/city-0000.html#task-02")
    assert page.locator("h1").first.inner_text() == name
    section = page.locator("#task-02")
    assert section.is_visible()
    units = section.locator("tbody tr")
    assert units.count() == 12
    units.first.locator("a.dbn-unit").click()
    page.wait_for_url("**/units/u0000.html")
    shoot_phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    phone = shoot_phone.new_page()
    for path, shot in (
        (plan_path(PROVINCE_PLAN, "tasks/02"), "task-groups-phone"),
        (plan_path(PROVINCE_PLAN, "groups/city-0000"), "group-page-phone"),
    ):
        phone.goto(f"{province}/{path}")
        overflow = phone.evaluate(SIDEWAYS)
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at phone width"
        shoot(phone, shot)
    page.goto(f"{province}/{plan_path(PROVINCE_PLAN, 'groups/city-0000')}")
    shoot(page, "group-page-laptop")
    shoot_phone.close()
    context.close()
