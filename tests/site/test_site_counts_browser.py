"""Count tables add up, the 督办清单's groups fold and print open, and the 报送进展 button is big
enough to tap: in a real headless Chromium (Debian's, driven by Playwright), on the shipped site,
both examples and a province-sized synthetic plan (issue 22).

A count table is marked in the templates: ``data-duban-counts`` on the table, ``data-duban-sum=
"total"`` on a row's total and ``data-duban-part`` on each of its parts (one per state). Every
page of every site is scanned for the mark, and every marked table is read from the HTML; the
browser reads those of a page of each family (test_every_count_table_on_every_page_adds_up).
Skips without a browser, like tests/site/test_site_browser.py (fails with DUBAN_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import math
import re

import lxml.html
import pytest

from helpers import swept
from sitekit import FAMILY, PHONE, ROOT, Build, built_province, page_families, served, shared_build

pytestmark = pytest.mark.browser

REPOSITORY = "https://github.com/example/duban"
MARKED = re.compile(r"<table[^>]*\sdata-duban-counts[\s>]")
SITES = {
    # the shipped plan at a date inside its period (test_site_phone.py's: one build for both, and
    # without DUBAN_REPOSITORY there, which the examples have); the examples at the date of the
    # user test
    "shipped": (ROOT / "mkdocs.yml", "2011-06-15"),
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


def _built(name: str) -> Build:
    if name == "province":
        return built_province()
    config, as_of = SITES[name]
    if name == "shipped":
        return shared_build(config, DUBAN_AS_OF=as_of)
    return shared_build(config, DUBAN_AS_OF=as_of, DUBAN_REPOSITORY=REPOSITORY)


def number(text: str) -> float:
    """JavaScript's ``Number(text.trim())``: 0 when empty, NaN when not a number."""
    try:
        return float(text.strip() or 0)
    except ValueError:
        return math.nan


def sums(html: str) -> dict:
    """What ``SUMS`` finds in the browser, read from the page's HTML (lxml's parser)."""
    tables = lxml.html.fromstring(html).xpath("//table[@data-duban-counts]")
    rows, bad = 0, []
    for table in tables:
        for row in table.iter("tr"):
            total = row.xpath(".//*[@data-duban-sum='total']")
            if not total:
                continue
            rows += 1
            parts = [number(cell.text_content()) for cell in row.xpath(".//*[@data-duban-part]")]
            want = number(total[0].text_content())
            if not parts or sum(parts) != want:
                text = " ".join(" ".join(row.itertext()).split())[:120]
                bad.append(f"#{table.get('id')}: {text} ({sum(parts)} ≠ {want})")
    return {"tables": len(tables), "rows": rows, "bad": bad}


def test_the_html_reading_finds_what_the_browsers_does():
    page = """<table data-duban-counts id="t"><tr><th>a</th><td data-duban-part> 2</td>
    <td data-duban-part>3</td><td data-duban-sum="total">5 </td></tr>
    <tr><td data-duban-part>1</td><td data-duban-part></td><td data-duban-sum="total">2</td></tr>
    <tr><td data-duban-part>x</td><td data-duban-sum="total">0</td></tr>
    <tr><td data-duban-sum="total">0</td></tr><tr><td>no total</td></tr></table>
    <table><tr><td data-duban-sum="total">9</td></tr></table>"""
    found = sums(page)
    assert (found["tables"], found["rows"]) == (1, 4)
    assert [b.split(" (")[0] for b in found["bad"]] == ["#t: 1 2", "#t: x 0", "#t: 0"]


@pytest.mark.parametrize("name", swept([*SITES, "province"], ["shipped", "province"]))
def test_every_count_table_on_every_page_adds_up(browser, name):
    """Every marked table of every page adds up, read from the HTML; and the browser, after the
    site's scripts ran, reads the same on the largest page of each family (sitekit.page_families:
    a unit's page, a plan's task or group page; every other page is read): the scripts sort,
    filter and fold rows but change no number, which those pages prove for their template."""
    build = _built(name)
    assert build.returncode == 0, build.stderr
    found = {}
    for path in build.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if MARKED.search(html):
            found[path] = sums(html)
    marked = sorted(p.relative_to(build.site).as_posix() for p in found)
    # every plan's progress page holds count tables
    assert [p for p in marked if p.endswith("/progress.html")], marked
    for path, counts in sorted(found.items()):
        assert counts["tables"] and counts["rows"], path
        assert counts["bad"] == [], (path, counts["bad"])
    assert sum(counts["rows"] for counts in found.values())
    families = page_families(found, build.site).values()
    read = sorted(max(paths, key=lambda p: p.stat().st_size) for paths in families)
    assert any(FAMILY.match(p.relative_to(build.site).as_posix()) for p in read)
    with served(build.site) as origin:
        page = browser.new_page()
        for path in read:
            page.goto(f"{origin}/{path.relative_to(build.site).as_posix()}")
            assert page.evaluate(SUMS) == found[path], path
        page.close()


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
