"""A unit page's rows of several plans under one heading a plan, and the ids behind one 标识
toggle a table (h24f), in a real headless Chromium: the office example (two plans) and the
province-sized synthetic plan, at laptop and phone width (screenshots under
tests/output/screenshots/). Skips without a browser, like tests/site/test_site_browser.py."""

from __future__ import annotations

import pytest

from sitekit import LAPTOP, PHONE, ROOT, Build, built_province, served, shared_build, shoot

pytestmark = pytest.mark.browser

UNIT = "units/qingshan-zhen.html"

# each plan body's rows: their task links' plan ids, and the heading's text
BODIES = """(id) => [...document.getElementById(id).tBodies].map((body) => ({
  head: body.querySelector("tr.dbn-plan-row")?.innerText ?? null,
  headHidden: body.querySelector("tr.dbn-plan-row")?.hidden ?? null,
  plans: [...body.querySelectorAll("tr[data-state] td.dbn-cell--title > a:first-child")].map(
    (a) => a.getAttribute("href").split("/plans/")[1].split("/")[0]),
  shown: [...body.querySelectorAll("tr[data-state]")].filter((r) => !r.hidden).length,
}))"""


def _office() -> Build:
    """The office example as test_site_counts_browser.py builds it (one build for both)."""
    return shared_build(
        ROOT / "examples" / "office" / "mkdocs.yml",
        DUBAN_AS_OF="2024-07-31",
        DUBAN_REPOSITORY="https://github.com/example/duban",
    )


def _grouped_table(page) -> str:
    for table in ("urgent-table", "obligation-table"):
        if page.locator(f"#{table} tr.dbn-plan-row").count() > 1:
            return table
    raise AssertionError("no table of the unit's page lists rows of both plans")


def test_rows_of_two_plans_sort_and_filter_within_their_plan(browser):
    build = _office()
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        context = browser.new_context(viewport=LAPTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{origin}/{UNIT}")
        table = _grouped_table(page)
        before = page.evaluate(BODIES, table)
        assert len(before) == 2 and all(b["head"] and len(set(b["plans"])) == 1 for b in before)
        assert before[0]["plans"][0] != before[1]["plans"][0]
        # sort by the due date, both ways: each plan's rows stay under its heading
        header = page.locator(f"#{table} thead th").nth(2).locator("button")
        for _ in range(2):
            header.click()
            after = page.evaluate(BODIES, table)
            assert [(a["head"], sorted(a["plans"])) for a in after] == [
                (b["head"], sorted(b["plans"])) for b in before
            ]
        shoot(page, "unit-two-plans-laptop")
        # a filter that matches no row of a plan hides that plan's heading too
        bar = page.locator(f'[data-dbn-filter-for="{table}"]')
        if bar.locator("input").count():
            bar.locator("input").fill("zzzz-no-such-words")
            hidden = page.evaluate(BODIES, table)
            assert all(b["shown"] == 0 and b["headHidden"] for b in hidden)
            bar.locator("input").fill("")
            assert all(not b["headHidden"] for b in page.evaluate(BODIES, table))
        # the ids: one toggle a table, shown as text to copy, hidden again
        toggle = page.locator(f'button[data-dbn-ids-for="{table}"]')
        assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
        toggle.click()
        codes = page.locator(f"#{table} code.dbn-ids")
        rows = page.locator(f"#{table} tr[data-state]").count()
        assert codes.count() == rows and codes.first.is_visible()
        assert "task:" in codes.first.inner_text()
        shoot(page, "unit-two-plans-ids-laptop")
        toggle.click()
        assert codes.first.is_hidden() and toggle.get_attribute("aria-pressed") == "false"
        assert errors == []
        context.close()
        phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        page = phone.new_page()
        page.goto(f"{origin}/{UNIT}")
        heads = page.locator("tr.dbn-plan-row th")
        assert heads.first.is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1
        shoot(page, "unit-two-plans-phone")
        phone.close()


def test_a_province_unit_page_at_laptop_and_phone_width(browser):
    build = built_province()
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            page.goto(f"{origin}/units/u0000.html")
            assert page.locator("#obligation-table, #urgent-table").count()
            assert page.locator("ol.dbn-feed > li").count() <= 20
            toggle = page.locator("button.dbn-ids-toggle").first
            assert toggle.is_visible()
            toggle.click()
            assert page.locator("code.dbn-ids").first.is_visible()
            shoot(page, f"unit-province-{name}")
            context.close()
