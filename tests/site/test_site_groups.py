"""Long lists summarised by group, group pages and unit history pages, on the demo data with the
thresholds lowered (the shipped plan's 22 units never reach the real ones)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from duban.outputs import urls
from duban.site import Settings, groups, render_site
from sitekit import DEMO_PLAN

AS_OF = dt.date(2010, 12, 15)


@pytest.fixture(scope="module")
def model(demo_model):
    return demo_model


@pytest.fixture(scope="module")
def small(model):
    """As the demo builds: nothing summarised."""
    return render_site(model, Settings(as_of=AS_OF))


@pytest.fixture(scope="module")
def summarised(model, render_as_province):
    """Every list over 5 rows naming over 5 units summarised; one report per item on unit pages."""
    return render_as_province(model, as_of=AS_OF, history_per_item=1)


@pytest.fixture(scope="module")
def long_history(model):
    """Below the threshold, one report per item on unit pages: the rest on history pages (a
    province has none, h24e: see test_site_province_bytes.py)."""
    return render_site(model, Settings(as_of=AS_OF, history_per_item=1))


def test_below_the_threshold_the_pages_list_every_row(small):
    assert not [uri for uri in small.pages if "/groups/" in uri]
    task = small.pages[urls.task_page(f"{DEMO_PLAN}/04")]
    assert 'id="status-table"' in task and "dbn-table--groups" not in task
    assert 'class="dbn-chase"' in small.pages[urls.OVERDUE]


def test_a_long_task_list_becomes_one_row_per_group_that_adds_up(summarised, model):
    task = summarised.pages[urls.task_page(f"{DEMO_PLAN}/04")]
    assert 'id="status-table"' not in task
    table = re.search(r'<table[^>]*id="status-groups".*?</table>', task, re.S).group(0)
    body, foot = table.split("<tfoot>")
    totals = [int(n) for n in re.findall(r'data-label="合计" data-value="(\d+)"', body)]
    footer = int(re.search(r'<td data-label="合计">(\d+)</td>', foot).group(1))
    rows = [i for i in summarised.evaluation.items if i.task_id == f"{DEMO_PLAN}/04"]
    assert sum(totals) == footer == len(rows)
    # the demo's district bureaus form a group; the city's divisions are in none
    assert "区县司法局" in body or model.groups["quxian-sfj"].name in body
    assert "未编入单位组的单位" in body


def test_every_group_link_leads_to_a_page_with_that_anchor(summarised):
    pages = summarised.pages
    task_uri = urls.task_page(f"{DEMO_PLAN}/04")
    links = re.findall(r'class="dbn-group-link" href="([^"]+)"', pages[task_uri])
    assert links
    for href in links:
        path, _, anchor = href.partition("#")
        target = (Path(task_uri).parent / path.replace(".html", ".md")).as_posix()
        target = re.sub(r"[^/]+/\.\./", "", target)
        assert target in pages, href
        assert f'id="{anchor}"' in pages[target], href
        assert 'search: {"exclude": true}' in pages[target]


def test_the_overdue_list_by_group_adds_up(summarised):
    page = summarised.pages[urls.OVERDUE]
    assert 'id="overdue-groups"' in page and 'class="dbn-chase"' not in page
    overdue = [i for i in summarised.evaluation.items if i.state.value == "overdue"]
    foot = re.search(r"<tfoot>.*?</tfoot>", page, re.S).group(0)
    assert f'<td data-label="逾期项数">{len(overdue)}</td>' in foot


def test_a_group_page_counts_deliverables_per_unit(summarised):
    page = summarised.pages[urls.group_page(DEMO_PLAN, "quxian-sfj")]
    section = re.search(r'id="task-19".*?</section>', page, re.S).group(0)
    assert "成果报送情况" in section
    assert re.search(r'data-label="成果报送情况">\d+/6<', section)


def test_older_reports_go_to_a_history_page_left_out_of_search(long_history, small):
    histories = [uri for uri in long_history.pages if uri.endswith("/history.md")]
    assert histories and not [uri for uri in small.pages if uri.endswith("/history.md")]
    uri = histories[0]
    holder = uri.split("/")[1]
    history = long_history.pages[uri]
    assert 'search: {"exclude": true}' in history
    unit = long_history.pages[urls.unit_page(holder)]
    assert f'href="{holder}/history.html"' in unit
    assert history.count("<li><time") > unit.count("<li><time")


def test_a_long_history_is_split_into_pages_that_link_each_other(model, long_history):
    """Pages of at most ``history_page_size`` reports, the newest first, every report on exactly one
    page, each page linking every other; page 1 keeps the address the unit page links to."""
    histories = [uri for uri in long_history.pages if uri.endswith("/history.md")]
    uri = max(histories, key=lambda u: long_history.pages[u].count("<li><time"))
    holder = uri.split("/")[1]
    whole = long_history.pages[uri]
    total = whole.count("<li><time")
    assert total >= 3
    split = render_site(model, Settings(as_of=AS_OF, history_per_item=1, history_page_size=2))
    parts = [urls.unit_history(holder, n) for n in range(1, (total + 1) // 2 + 1)]
    assert [u for u in split.pages if u.startswith(f"units/{holder}/history")] == parts
    assert parts[0] == uri and parts[1] == f"units/{holder}/history-2.md"
    entries = re.compile(r"<li><time.*?</li>", re.S)
    pieces = [entries.findall(split.pages[p]) for p in parts]
    assert all(1 <= len(piece) <= 2 for piece in pieces)
    # every report on one page (each page by task: the order is the pages', not the whole's)
    assert sorted(e for piece in pieces for e in piece) == sorted(entries.findall(whole))
    second = split.pages[parts[1]]
    assert 'search: {"exclude": true}' in second
    assert f"(2/{len(parts)})" in second.splitlines()[1]  # the title
    assert 'href="history.html" rel="prev"' in second
    if len(parts) > 2:
        assert 'href="history-3.html" rel="next"' in second
    assert '<strong aria-current="page">2</strong>' in second
    assert "history-2.html" in split.pages[parts[0]]
    assert "aria-current" not in whole  # one page: no pager


def test_each_unit_counts_under_its_smallest_group(model):
    """A group of every district listed first (各区县司法局) must not swallow a smaller one
    listed after it; among groups as small, the first in org.yaml."""
    home = groups.home_groups(model)
    biggest = max(model.groups.values(), key=lambda g: len(g.members))
    assert len(biggest.members) > 2 and home[biggest.members[0].unit_id] == biggest.id
    pair = dataclasses.replace(biggest, id="two-units", members=biggest.members[:2])
    twin = dataclasses.replace(biggest, id="two-units-again", members=biggest.members[:2])
    wider = dataclasses.replace(model, groups={**model.groups, "two-units": pair, "x": twin})
    moved = groups.home_groups(wider)
    assert [moved[m.unit_id] for m in biggest.members[:3]] == ["two-units", "two-units", biggest.id]
    assert {u: g for u, g in moved.items() if g not in ("two-units", "x")} == {
        u: g for u, g in home.items() if u not in {m.unit_id for m in biggest.members[:2]}
    }
