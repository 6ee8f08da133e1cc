"""The pages of cascading plans, rendered without MkDocs from the cascade fixture (the city's
tasks implement the province's): the upper task's 下级落实情况, the lower task's link up, the
roll-up column of the task table and the progress page; rows from another repository escaped
and linked only over https; a long list summarised by source and plan, out of search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

import pytest

from duban.evaluation.cascade import local_implementers, merged
from duban.evaluation.evaluate import evaluate
from duban.evaluation.rollup import Implementer
from duban.load.project import load_project
from duban.model.links import parse_link
from duban.site import LinkedSource, Settings, render_site
from sitekit import read_page, shared_build

DATA = Path(__file__).parents[1] / "fixtures" / "cascade" / "data"
AS_OF = dt.date(2024, 9, 30)
PROV_2 = "plans/prov/tasks/2.md"


@pytest.fixture(scope="module")
def loaded():
    project = load_project(DATA)
    assert project.model is not None
    return project.model, evaluate(project.model, AS_OF)


@pytest.fixture(scope="module")
def pages(loaded):
    model, evaluation = loaded
    return render_site(model, Settings(as_of=AS_OF), evaluation, processes=1).pages


def _section(page: str, heading: str) -> str:
    start = page.index(f"## {heading}")
    end = page.find("\n## ", start + 1)
    return page[start : end if end > 0 else None]


def test_the_upper_task_shows_its_roll_up_and_every_row_below(pages):
    below = _section(pages[PROV_2], "下级落实情况")
    counts = re.findall(r'data-bucket="(\w+)">[^<]*</span> <strong>(\d+)', below)
    assert counts[:4] == [("done", "1"), ("not_reported", "1"), ("ongoing", "1"), ("open", "1")]
    rows = re.findall(r'<tr data-bucket="(\w+)">', below)
    assert rows == ["not_reported", "done", "ongoing", "open"]
    assert 'href="../../city/tasks/2.html"' in below  # the lower task's page
    assert 'href="../../city/tasks/3.html#item-1"' in below  # a sub-item below, at its anchor
    assert 'href="../../../units/qu-a.html"' in below
    assert "落实《省方案》第（二）项" in below  # how the lower document cites it
    assert "<table" in below and "data-search-exclude" in below
    assert "数据截至" not in below  # every row is as of this build


def test_a_sub_item_target_has_its_own_block_in_its_section(pages):
    page = pages[PROV_2]
    item = page[page.index('id="item-1"') : page.index('id="item-2"')]
    assert 'id="below-item-1"' in item
    assert re.findall(r'<tr data-bucket="(\w+)">', item) == ["not_reported", "done"]
    assert 'id="below-item-2"' not in page  # nothing implements the second sub-item alone


def test_the_lower_task_links_up(pages):
    page = pages["plans/city/tasks/1.md"]
    up = re.search(r'<p class="dbn-sub dbn-up">.*?</p>', page)
    assert up is not None
    assert 'href="../../prov/tasks/1.html">《省方案》（1）健全制度</a>' in up.group()
    assert "落实《省方案》第（一）项" in up.group()
    sub = pages["plans/city/tasks/3.md"]
    assert sub.count('class="dbn-sub dbn-up"') == 2  # each sub-item names its own upper task
    assert "下级落实情况" not in sub  # nothing implements the city's tasks


def test_the_task_table_and_progress_page_show_the_roll_up_only_where_there_is_one(pages):
    table = pages["plans/prov/index.md"]
    assert '<th scope="col" data-sort="num">下级落实</th>' in table
    assert table.count('data-label="下级落实"') == 2
    assert "3 项" in table and "4 项" in table
    assert "下级落实" not in pages["plans/city/index.md"]
    progress = _section(pages["plans/prov/progress.md"], "下级落实情况")
    assert progress.count('<tr><th scope="row">') == 2
    assert "下级落实情况" not in pages["plans/city/progress.md"]


def test_a_site_without_links_is_unchanged(loaded):
    """No implements: no column, no section (the demo's goldens hold the bytes)."""
    model, evaluation = loaded
    bare = {k: dataclasses.replace(t, implements=()) for k, t in model.tasks.items()}
    plain = dataclasses.replace(model, tasks=bare)
    pages = render_site(plain, Settings(as_of=AS_OF), evaluation, processes=1).pages
    assert not any("下级落实" in p or "落实上级任务" in p for p in pages.values())


def _foreign(model, evaluation) -> Implementer:
    local = local_implementers(model, evaluation)
    return dataclasses.replace(
        local["prov/2"][0],
        target="prov/2",
        source_id="county-x",
        source_name="<script>alert(1)</script>",
        plan_title="县<b>方案</b>",
        task_title='评查" onmouseover="alert(1)',
        holder_id="qu-a",
        holder_name="某县<i>局</i>",
        bucket="overdue",
        as_of=dt.date(2024, 8, 31),
        url="javascript:alert(1)",
    )


def test_rows_from_another_repository_are_escaped_dated_and_linked_only_over_https(loaded):
    model, evaluation = loaded
    foreign = _foreign(model, evaluation)
    safe = dataclasses.replace(foreign, holder_id="x", url="https://county.example/t/1.html")
    rows = merged(local_implementers(model, evaluation), {"prov/2": [foreign, safe]})
    pages = render_site(
        model, Settings(as_of=AS_OF), evaluation, processes=1, implementers=rows
    ).pages
    below = _section(pages[PROV_2], "下级落实情况")
    assert "<script>" not in below and "<b>" not in below and "<i>" not in below
    assert "&lt;script&gt;alert(1)&lt;/script&gt; · 县&lt;b&gt;方案&lt;/b&gt;" in below
    assert '" onmouseover="' not in below
    assert "javascript:" not in below
    assert 'href="https://county.example/t/1.html" class="dbn-out"' in below
    assert 'href="../../../units/qu-a.html">某县' not in below  # another source's unit: no link
    assert "<time>2024-08-31</time>" in below and "数据截至" in below
    # the known source's name wins over the name in its rows
    named = render_site(
        model,
        Settings(as_of=AS_OF),
        evaluation,
        processes=1,
        implementers=rows,
        sources={"county-x": LinkedSource("county-x", "某县", "https://county.example/")},
    ).pages
    assert "某县 · 县&lt;b&gt;方案&lt;/b&gt;" in _section(named[PROV_2], "下级落实情况")


def test_many_rows_are_summarised_by_source_and_plan(loaded):
    model, evaluation = loaded
    rows = merged(local_implementers(model, evaluation), {"prov/2": [_foreign(model, evaluation)]})
    settings = Settings(as_of=AS_OF, summary_rows=3)
    pages = render_site(model, settings, evaluation, processes=1, implementers=rows).pages
    below = _section(pages[PROV_2], "下级落实情况")
    assert "按来源和方案汇总" in below
    assert '<tr data-bucket="' not in below  # no row by row table
    lines = re.findall(
        r"<tr><td data-label=\"来源 / 方案\"><span class=\"dbn-text\">(.*?)</span>", below
    )
    assert lines == [
        "市分工方案",
        "&lt;script&gt;alert(1)&lt;/script&gt; · 县&lt;b&gt;方案&lt;/b&gt;",
    ]
    assert "data-search-exclude" in below


def test_a_link_up_to_another_repository(loaded):
    model, evaluation = loaded
    task = model.tasks["city/1"]
    link = parse_link("province:sx-2023/3/2", "落实《省方案》第三（二）项")
    bare = parse_link("other:p/1")
    assert link is not None and bare is not None
    tasks = {**model.tasks, "city/1": dataclasses.replace(task, implements=(link, bare))}
    changed = dataclasses.replace(model, tasks=tasks)
    source = LinkedSource("province", "省司法厅", "https://province.example/duban/")
    pages = render_site(
        changed,
        Settings(as_of=AS_OF),
        evaluation,
        processes=1,
        sources={"province": source},
    ).pages
    up = re.search(r'<p class="dbn-sub dbn-up">.*?</p>', pages["plans/city/tasks/1.md"])
    assert up is not None
    assert (
        '<a href="https://province.example/duban/plans/sx-2023/tasks/3.html#item-2" class="dbn-out"'
        in up.group()
    )
    assert ">落实《省方案》第三（二）项</a>" in up.group()
    assert '<span class="dbn-text">other:p/1</span>' in up.group()  # no site known: no link
    insecure = LinkedSource("province", "省", "http://province.example/")
    assert insecure.task_url("sx-2023/3") is None


def test_english_pages_use_the_english_words(loaded):
    model, evaluation = loaded
    settings = Settings(as_of=AS_OF, language="en")
    pages = render_site(model, settings, evaluation, processes=1).pages
    assert "## Implementation below" in pages[PROV_2]
    assert "Overdue, not reported" in pages[PROV_2]
    assert "Implements" in pages["plans/city/tasks/1.md"]


GOLDEN = Path(__file__).parents[1] / "golden" / "pages" / "cascade-prov-2.zh.html.md"


def test_the_upper_task_page_matches_its_golden_file(pages):
    """``DUBAN_UPDATE_GOLDEN=1`` rewrites it (review the diff)."""
    if os.environ.get("DUBAN_UPDATE_GOLDEN"):
        GOLDEN.write_text(pages[PROV_2], encoding="utf-8")
    assert pages[PROV_2] == GOLDEN.read_text(encoding="utf-8")


def test_the_fixture_builds_strictly_and_every_link_of_its_task_pages_resolves():
    """``mkdocs build --strict`` of the cascade fixture; the links of the rows below and the
    links up lead to pages and anchors that exist."""
    build = shared_build(DATA.parent / "mkdocs.yml")
    assert build.returncode == 0, build.stderr[-2000:]
    site = build.site
    followed = 0
    for path in sorted((site / "plans").rglob("tasks/*.html")):
        for _, _, url in read_page(path).urls():
            if "/tasks/" not in url or re.match(r"^[a-z]+:", url):
                continue
            target, _, anchor = url.partition("#")
            file = (path.parent / target).resolve()
            assert file.is_file(), (path, url)
            ids = {e.attrs.get("id") for e in read_page(file).elements}
            assert not anchor or anchor in ids, (path, url)
            followed += 1
    assert followed >= 8
