"""Every page of the shipped site and of examples/county, read on a 390 px phone in Chromium.

A page fails when it is wider than the screen, or when some box cuts its content: wider inside
than outside (scrollWidth > clientWidth) with overflow hidden, clip, auto or scroll, and no cue.
The cue is duban.js's: the box carries ``data-duban-scroll-cue`` naming a hint that is shown
(左右滑动查看 →), and its right edge fades (a CSS mask) while there is more to the right. A box
with overflow hidden or clip can never be scrolled, so no cue excuses it, except a line cut with
an ellipsis (the header's title), which is its own cue.

Each site is built once per session; one browser reads every page. Without Chromium or
Playwright these tests skip (like test_site_browser.py), unless DUBAN_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_site_browser import ARGS, CHROMIUM, LAPTOP, PHONE, _require_browser, shoot

from sitekit import ROOT, Build, mkdocs_build, scratch

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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@functools.cache
def _built(name: str) -> Build:
    config, as_of = SITES[name]
    return mkdocs_build(config, scratch(name) / "site", env={"DUBAN_AS_OF": as_of})


def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module", params=sorted(SITES))
def served(request):
    _require_browser()
    build = _built(request.param)
    assert build.returncode == 0, build.stderr
    for origin in _serve(build.site):
        yield request.param, build.site, origin


@pytest.fixture(scope="module")
def shipped():
    """The shipped site alone, for the tests that look at particular pages."""
    _require_browser()
    build = _built("shipped")
    assert build.returncode == 0, build.stderr
    yield from _serve(build.site)


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


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


def test_no_page_cuts_content_on_a_phone(served, phone):
    name, site, origin = served
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 40
    failures = []
    for path in pages:
        phone.goto(f"{origin}/{path}")
        failures += [f"{name} {path}: {p}" for p in problems_of(phone)]
    assert failures == []


def test_the_check_fails_on_an_uncued_scroller_and_a_wide_page(served, phone):
    _, _, origin = served
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


def test_a_hidden_cue_or_a_cut_box_fails_too(served, phone):
    _, _, origin = served
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
