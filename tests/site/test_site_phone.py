"""Every page of the shipped site and of examples/county, read on a 390 px phone in Chromium.

A page fails when it is wider than the screen, or when some box cuts its content: wider inside
than outside (scrollWidth > clientWidth) with overflow hidden, clip, auto or scroll, and no cue.
The cue is duban.js's: the box carries ``data-duban-scroll-cue`` naming a hint that is shown
(左右滑动查看 →), and its right edge fades (a CSS mask) while there is more to the right. A box
with overflow hidden or clip can never be scrolled, so no cue excuses it, except a line cut with
an ellipsis (the header's title), which is its own cue.

Each site is built once per run; one browser reads every page of its own layout, and of the pages
made from one template per unit or task the largest and the one with the widest word (``sample``).
Without Chromium or Playwright these tests skip (like test_site_browser.py), unless
DUBAN_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from helpers import swept
from sitekit import LAPTOP, PHONE, ROOT, Build, page_families, served, shared_build, shoot

pytestmark = pytest.mark.browser

SITES = {
    # a date inside each plan's period, so that the home page has something due soon
    "shipped": (ROOT / "mkdocs.yml", "2011-06-15"),
    "county": (ROOT / "examples" / "county" / "mkdocs.yml", "2024-07-31"),
}

# Every box that cuts its content without a cue, and how much wider the page is than the screen.
CUT_CONTENT = """() => {
  const cut = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el instanceof SVGElement) continue;
    const style = getComputedStyle(el);
    const overflow = style.overflowX;
    if (!["hidden", "clip", "auto", "scroll"].includes(overflow)) continue;
    if (el.getClientRects().length === 0 || el.clientWidth <= 1) continue;  // not shown
    if (style.clip !== "auto" && style.position === "absolute") continue;  // screen readers only
    const rect = el.getBoundingClientRect();
    if (rect.right <= 0 || rect.left >= innerWidth) continue;  // a closed drawer, off the screen
    if (el.scrollWidth <= el.clientWidth + 1) continue;  // nothing cut
    if (style.textOverflow === "ellipsis") continue;  // the ellipsis says so
    const classes = typeof el.className === "string" ? el.className.trim().split(/\\s+/) : [];
    const name = [el.tagName.toLowerCase() + (el.id ? "#" + el.id : ""), ...classes].join(".");
    const what = `${name} shows ${el.clientWidth} of ${el.scrollWidth} px`;
    if (overflow === "hidden" || overflow === "clip") {
      cut.push(what + " and cannot scroll");
      continue;
    }
    const hintId = el.getAttribute("data-duban-scroll-cue");
    const hint = hintId ? document.getElementById(hintId) : null;
    if (!hint) { cut.push(what + " with no scroll cue"); continue; }
    const box = hint.getBoundingClientRect();
    const shown = hint.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    if (!shown || box.width === 0 || box.right > innerWidth + 1 || box.left < -1) {
      cut.push(what + ", its cue hidden"); continue;
    }
    const atEnd = el.scrollLeft + el.clientWidth >= el.scrollWidth - 2;
    const mask = style.maskImage || style.webkitMaskImage || "none";
    if (!atEnd && mask === "none") cut.push(what + " without the faded edge");
  }
  const root = document.documentElement;
  return { wider: Math.max(root.scrollWidth, innerWidth) - root.clientWidth, cut };
}"""


def _built(name: str) -> Build:
    config, as_of = SITES[name]
    return shared_build(config, DUBAN_AS_OF=as_of)


@pytest.fixture(scope="module", params=swept(sorted(SITES), ["county"]))
def site_served(request, browser):
    build = _built(request.param)
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        yield request.param, build.site, origin


@pytest.fixture(scope="module")
def shipped(browser):
    """The shipped site alone, for the tests that look at particular pages."""
    build = _built("shipped")
    assert build.returncode == 0, build.stderr
    with served(build.site) as origin:
        yield origin


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, service_workers="block")
    page = context.new_page()
    yield page
    context.close()


def problems_of(page) -> list[str]:
    found = page.evaluate(CUT_CONTENT)
    problems = list(found["cut"])
    if found["wider"] > 1:
        problems.append(f"the page is {found['wider']} px wider than the screen")
    return problems


# what a box cannot wrap: a run of text without a space or a CJK character (a link, an id, a number)
UNBROKEN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def longest_run(html: str) -> int:
    text = re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]*>", " ", html)
    return max((len(run) for run in UNBROKEN.findall(unescape(text))), default=0)


def sample(site: Path) -> list[str]:
    """Every page, but of each family of pages made from one template (sitekit.page_families: a
    unit's page, a plan's task or group page, a unit's history) two: the largest (the most rows,
    the longest lists and tables) and the one with the longest text that cannot wrap (the widest
    name, link or number). A family's pages have the same boxes and styles; what may make one of
    them wider than the screen is how much it holds and its longest unbreakable word, and these
    two pages hold the most of each. The other pages (home, lists, a plan's own pages, the docs
    pages) each have their own layout and are all read."""
    chosen = set()
    for paths in page_families(site.rglob("*.html"), site).values():
        chosen.add(max(paths, key=lambda p: p.stat().st_size))
        chosen.add(max(paths, key=lambda p: longest_run(p.read_text("utf-8"))))
    return sorted(p.relative_to(site).as_posix() for p in chosen)


def test_the_sample_keeps_every_family_and_its_extremes(tmp_path):
    pages = {
        "index.html": "<p>home</p>",
        "units/index.html": "<p>all units</p>",
        "units/a.html": "<p>短</p>",
        "units/b.html": "<p>" + "长的名称" * 50 + "</p>",  # the largest, but it wraps anywhere
        "units/c.html": "<p>https://example.org/a-long-unbroken-link</p>",
        "plans/p/tasks/1.html": "<p>1</p>",
        "plans/p/progress.html": "<p>progress</p>",
    }
    for name, body in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<script>{'x' * 99}</script>{body}", "utf-8")
    expected = ["index.html", "plans/p/progress.html", "plans/p/tasks/1.html"]
    assert sample(tmp_path) == [*expected, "units/b.html", "units/c.html", "units/index.html"]


def test_no_page_cuts_content_on_a_phone(site_served, phone):
    """The sample of the site's pages (``sample``: every family, its largest page and its widest
    word) read on a phone."""
    name, site, origin = site_served
    assert len(list(site.rglob("*.html"))) > 40
    pages = sample(site)
    assert len([p for p in pages if p.startswith("units/")]) >= 2
    failures = []
    for path in pages:
        phone.goto(f"{origin}/{path}")
        failures += [f"{name} {path}: {p}" for p in problems_of(phone)]
    assert failures == []


def test_the_check_fails_on_an_uncued_scroller_and_a_wide_page(site_served, phone):
    _, _, origin = site_served
    phone.goto(f"{origin}/index.html")
    assert problems_of(phone) == []
    phone.evaluate(
        """() => {
        const box = document.createElement("div");
        box.style.overflowX = "auto";
        box.innerHTML = '<div style="width: 900px">wide</div>';
        document.querySelector(".md-content article").appendChild(box);
    }"""
    )
    assert [p for p in problems_of(phone) if "with no scroll cue" in p] != []
    phone.evaluate(
        """() => {
        const wide = document.createElement("div");
        wide.style.width = "900px";
        wide.textContent = "wide";
        document.body.appendChild(wide);
    }"""
    )
    assert any("wider than the screen" in p for p in problems_of(phone))


def test_a_hidden_cue_or_a_cut_box_fails_too(site_served, phone):
    _, _, origin = site_served
    phone.goto(f"{origin}/index.html")
    phone.evaluate(
        """() => {
        const box = document.createElement("div");
        box.style.overflowX = "auto";
        box.setAttribute("data-duban-scroll-cue", "no-such-hint");
        box.innerHTML = '<div style="width: 900px">wide</div>';
        const clipped = document.createElement("div");
        clipped.style.overflow = "hidden";
        clipped.innerHTML = '<div style="width: 900px">cut</div>';
        document.querySelector(".md-content article").append(box, clipped);
    }"""
    )
    problems = problems_of(phone)
    assert any("with no scroll cue" in p for p in problems)
    assert any("cannot scroll" in p for p in problems)


def test_a_wide_table_says_swipe_and_fades_until_its_end(browser, shipped):
    origin = shipped
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(f"{origin}/plans/xian-sfj-2010-zfgfh/progress.html")
    box = page.locator("[data-duban-scroll-cue]").first
    hint = page.locator(f"#{box.get_attribute('data-duban-scroll-cue')}")
    assert hint.inner_text() == "左右滑动查看 →"
    assert box.evaluate("e => getComputedStyle(e).maskImage") != "none"
    box.evaluate("e => { e.scrollLeft = e.scrollWidth; e.dispatchEvent(new Event('scroll')); }")
    page.wait_for_function("e => e.classList.contains('dbn-cue-end')", arg=box.element_handle())
    assert box.evaluate("e => getComputedStyle(e).maskImage") == "none"
    # turned into a laptop's window, the same boxes fit: the hints and the faded edges go
    page.set_viewport_size(LAPTOP)
    page.wait_for_function("() => !document.querySelector('[data-duban-scroll-cue]')")
    assert page.locator(".dbn-scroll-hint").count() == 0
    # and back on the phone they return
    page.set_viewport_size(PHONE)
    page.wait_for_function("() => document.querySelector('[data-duban-scroll-cue]')")
    assert page.locator(".dbn-scroll-hint:visible").count() >= 1
    context.close()


def test_home_lists_only_what_is_due_soon_as_cards(browser, shipped):
    origin = shipped
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(f"{origin}/index.html")
    rows = page.locator("#next-table tbody tr")
    assert rows.count() >= 1
    for row in rows.all():
        assert row.evaluate("r => getComputedStyle(r).display") == "block"  # a card
        state = row.locator(".dbn-light")
        assert state.is_visible()
        box = state.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]
        days = int(state.inner_text().split("剩")[1].split("天")[0])
        assert days <= 30  # the plugin's due_soon_days in mkdocs.yml
    later = page.locator(".dbn-section:has(#next-table) .dbn-note").last.inner_text()
    assert later.startswith("此后最近的到期日：")
    # the charts fit: the milestone rows on the phone, no chart wider than its figure
    figure = page.locator("figure.dbn-chart").first
    assert figure.locator("svg.dbn-chart__svg--rows").is_visible()
    assert figure.evaluate("f => f.scrollWidth <= f.clientWidth + 1")
    shoot(page, "home-phone-after")
    context.close()


def test_details_have_a_marker_and_a_big_tap_target_and_sort_hints_follow_headers(browser, shipped):
    origin = shipped
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(f"{origin}/units/baqiao.html")
    summary = page.locator("details.dbn-details > summary").first
    box = summary.bounding_box()
    assert box is not None and box["height"] >= 44
    marker = summary.evaluate(
        "s => { const m = getComputedStyle(s, '::before');"
        " return [m.content, m.borderLeftWidth, m.display]; }"
    )
    assert marker[0] != "none" and marker[1] != "0px" and marker[2] != "none"
    summary.click()
    assert page.locator("details.dbn-details[open] dl").is_visible()
    page.goto(f"{origin}/plans/xian-sfj-2010-zfgfh/index.html")
    assert page.locator(".dbn-sort-hint").first.is_hidden()  # cards: no headers to click
    context.close()
    wide = browser.new_context(viewport=LAPTOP)
    page = wide.new_page()
    page.goto(f"{origin}/plans/xian-sfj-2010-zfgfh/index.html")
    assert page.locator(".dbn-sort-hint").first.is_visible()
    wide.close()
