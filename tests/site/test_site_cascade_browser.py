"""The cascade fixture's pages in Chromium: the rows below an upper task sort by state, and the
pages of both levels fit a phone (no page wider than the screen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import LAPTOP, PHONE, served, shared_build, shoot

pytestmark = pytest.mark.browser

CONFIG = Path(__file__).parents[1] / "fixtures" / "cascade" / "mkdocs.yml"
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
PAGES = (
    "plans/prov/tasks/1.html",
    "plans/prov/tasks/2.html",
    "plans/prov/index.html",
    "plans/prov/progress.html",
    "plans/city/tasks/1.html",
    "plans/city/tasks/3.html",
)


@pytest.fixture(scope="module")
def origin(browser):
    build = shared_build(CONFIG)  # test_site_cascade.py's build
    assert build.returncode == 0, build.stderr
    with served(build.site) as address:
        yield address


def test_the_rows_below_sort_by_state(browser, origin):
    context = browser.new_context(viewport=LAPTOP, service_workers="block")
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{origin}/plans/prov/tasks/2.html")
    rows = page.locator("#below-table tbody tr")
    assert rows.count() == 4
    state = page.locator("#below-table thead th", has_text="状态")
    state.locator("button").click()
    order = [rows.nth(i).get_attribute("data-bucket") for i in range(4)]
    assert order == ["done", "not_reported", "ongoing", "open"]  # in the order of the buckets
    state.locator("button").click()
    assert rows.first.get_attribute("data-bucket") == "open"
    shoot(page, "cascade-upper-task-laptop")
    assert errors == []
    context.close()


def test_the_pages_of_both_levels_fit_a_phone(browser, origin):
    context = browser.new_context(viewport=PHONE, is_mobile=True, service_workers="block")
    page = context.new_page()
    wider = {}
    for path in PAGES:
        page.goto(f"{origin}/{path}")
        wider[path] = page.evaluate(SIDEWAYS)
    assert wider == dict.fromkeys(PAGES, 0)
    page.goto(f"{origin}/plans/prov/tasks/2.html")
    # on a phone each row below is a card, its cells labelled
    card = page.locator("#below-table tbody tr").first
    assert card.evaluate("tr => getComputedStyle(tr).display") != "table-row"
    assert card.locator("td").nth(2).get_attribute("data-label") == "责任单位"
    shoot(page, "cascade-upper-task-phone")
    context.close()
