"""Count tables add up, the 督办清单's groups fold and print open, and the 报送进展 button is big
enough to tap: in a real headless Chromium (Debian's, driven by Playwright), on the shipped site,
both examples and a province-sized synthetic plan (issue 22).

A count table is marked in the templates: ``data-duban-counts`` on the table, ``data-duban-sum=
"total"`` on a row's total and ``data-duban-part`` on each of its parts (one per state). Every
page of every site is scanned for the mark, and every marked table is read in the browser.
Skips without a browser, like tests/site/test_site_browser.py (fails with DUBAN_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from sitekit import PHONE, ROOT, Build, built_province, mkdocs_build, scratch, served

pytestmark = pytest.mark.browser

REPOSITORY = "https://github.com/example/duban"
MARKED = re.compile(r"<table[^>]*\sdata-duban-counts[\s>]")
SITES = {
    # the shipped plan at a fixed date; the two examples at the date of the user test
    "shipped": (ROOT / "mkdocs.yml", "2026-11-30"),
    "county": (ROOT / "examples" / "county" / "mkdocs.yml", "2024-07-31"),
    "office": (ROOT / "examples" / "office" / "mkdocs.yml", "2024-07-31"),
}

# every marked table's rows whose parts do not add up to their total (tfoot rows included)
SUMS = """() => {
  const bad = [];
  const tables = [...document.querySelectorAll("table[data-duban-counts]")];
  let rows = 0;
  for (const table of tables) {
    for (const row of table.querySelectorAll("tr")) {
      const total = row.querySelector("[data-duban-sum='total']");
      if (!total) continue;
      rows += 1;
      const parts = [...row.querySelectorAll("[data-duban-part]")];
      const sum = parts.reduce((n, cell) => n + Number(cell.textContent.trim()), 0);
      const want = Number(total.textContent.trim());
      const text = row.innerText.replace(/\\s+/g, " ").slice(0, 120);
      if (!parts.length || sum !== want) bad.push(`#${table.id}: ${text} (${sum} ≠ ${want})`);
    }
  }
  return {tables: tables.length, rows, bad};
}"""


@cache
def _built(name: str) -> Build:
    if name == "province":
        return built_province()
    config, as_of = SITES[name]
    env = {"DUBAN_AS_OF": as_of, "DUBAN_REPOSITORY": REPOSITORY}
    return mkdocs_build(config, scratch(f"counts-{name}"), env)


@pytest.mark.parametrize("name", [*SITES, "province"])
def test_every_count_table_on_every_page_adds_up(browser, name):
    build = _built(name)
    marked = sorted(
        p.relative_to(build.site).as_posix()
        for p in build.site.rglob("*.html")
        if MARKED.search(p.read_text(encoding="utf-8"))
    )
    # every plan's progress page holds count tables
    assert [p for p in marked if p.endswith("/progress.html")], marked
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        page = browser.new_page()
        checked = 0
        for path in marked:
            page.goto(f"{origin}/{path}")
            found = page.evaluate(SUMS)
            assert found["tables"] and found["rows"], path
            assert found["bad"] == [], (path, found["bad"])
            checked += found["rows"]
        page.close()
    assert checked


def test_the_report_button_is_big_enough_to_tap_at_phone_width(browser):
    build = _built("office")
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        page = context.new_page()
        page.goto(f"{origin}/units/qingshan-zhen.html")
        buttons = page.locator("a.dbn-report")
        assert buttons.count() > 0
        boxes = [buttons.nth(i).bounding_box() for i in range(min(buttons.count(), 10))]
        small = [b for b in boxes if b is None or b["width"] < 44 or b["height"] < 44]
        assert small == [], small
        # the ids stay, behind the table's one 标识 toggle (h24f)
        toggle = page.locator("button.dbn-ids-toggle").first
        table = page.locator(f"#{toggle.get_attribute('data-dbn-ids-for')}")
        assert table.locator("code.dbn-ids").count() == 0
        toggle.click()
        assert table.locator("code.dbn-ids").first.is_visible()
        toggle.click()
        assert table.locator("code.dbn-ids").first.is_hidden()
        context.close()


def test_the_overdue_list_folds_on_screen_and_prints_open(browser):
    build = _built("shipped")
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{origin}/overdue.html")
        groups = page.locator("details.dbn-chase")
        assert groups.count() > 1
        first = groups.first
        assert first.locator("summary").is_visible()
        assert first.locator("table").is_hidden()  # collapsed by default
        first.locator("summary").click()  # opens without JavaScript
        assert first.locator("table").is_visible()
        page.goto(f"{origin}/overdue.html")
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "[...document.querySelectorAll('details.dbn-chase table')]"
            ".filter(t => !t.checkVisibility()).length"
        )
        assert hidden == 0  # printed expanded, every group
        context.close()
