"""While serving, the big tables' rows are pieces kept by what each row shows (h24ad,
``site/kept_pieces.py``, ``site/piece_keys.py``): a rebuild renders only the rows whose key
changed and puts the others in from the last build. Every page so assembled is a fresh full
build's, byte for byte, after reports, ranks moving, a unit's reports all dropped, an org and a
plan edited (the pieces' base changed), also when forked processes render the pages."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, kept_pieces, render_site, split
from sitekit import (
    DEMO_AS_OF,
    DEMO_PLAN,
    ServeRenders,
    ci_province_site,
    fresh_texts,
    site_texts,
)

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)
SETTINGS = Settings(as_of=AS_OF, summary_rows=5)  # the demo as a province: tables by group


def _report(text: str, rng: random.Random) -> str:
    """One obligation of a status file changed as a monthly report changes it: done on a day,
    or its done date moved, or its progress moved."""
    choices = [
        (
            r"\n(\s+)state: in-progress\n",
            rf"\n\1state: done\n\1done: '2010-12-{rng.randint(1, 14):02d}'\n",
        ),
        (r"(\n\s+done: )'\S+'", rf"\g<1>'2010-{rng.randint(6, 12):02d}-0{rng.randint(1, 9)}'"),
        (r"(\n\s+progress: )\d+", rf"\g<1>{rng.randint(1, 99)}"),
    ]
    rng.shuffle(choices)
    for pattern, new in choices:
        edited = re.sub(pattern, new, text, count=1)
        if edited != text:
            return edited
    return text + "\n"


def _rows_kept(serve: ServeRenders) -> kept_pieces.KeptPieces:
    return serve.memo.indexes.pieces


def test_a_page_assembled_from_kept_rows_is_the_page_rendered_whole(province_data):
    serve = ServeRenders(province_data, SETTINGS, AS_OF)
    first, _ = serve.build(None)
    assert first == fresh_texts(province_data, SETTINGS, AS_OF)
    kept = _rows_kept(serve)
    assert kept.rendered and not kept.reused
    pieced = [uri for uri, rows in kept.pages.items() if rows]
    # the task pages' tables by group, the progress page's tables, the overdue lists by group,
    # the group pages' units
    assert urls_of(pieced) >= {"progress", "task", "overdue", "group"}
    assert not any(marker in page for page in first.values() for marker in "\ue002\ue003\ue004")

    rng = random.Random(24)
    status = sorted((province_data / "status").glob("*.yaml"))
    for round in range(6):
        path = rng.choice(status)
        path.write_text(_report(path.read_text("utf-8"), rng), "utf-8")
        pages, _ = serve.build([f"status/{path.name}"])
        assert pages == fresh_texts(province_data, SETTINGS, AS_OF), (round, path.name)
        assert kept.reused > kept.rendered, (round, kept.reused, kept.rendered)


def urls_of(pieced: list[str]) -> set[str]:
    found = set()
    for uri in pieced:
        if uri.endswith("/progress.md"):
            found.add("progress")
        elif "/tasks/" in uri:
            found.add("task")
        elif uri.endswith("overdue.md"):
            found.add("overdue")
        elif "/groups/" in uri:
            found.add("group")
    return found


def test_a_unit_dropped_an_org_and_a_plan_edited_give_a_fresh_builds_pages(province_data):
    serve = ServeRenders(province_data, SETTINGS, AS_OF)
    serve.build(None)
    kept = _rows_kept(serve)
    # a unit's reports all dropped: its rows and its groups' rows, every tally they are in
    unit = province_data / "status" / "baqiao.yaml"
    unit.write_text("unit: baqiao\nobligations: []\n", "utf-8")
    pages, _ = serve.build(["status/baqiao.yaml"])
    assert pages == fresh_texts(province_data, SETTINGS, AS_OF)
    assert kept.reused
    # a group renamed: its name is in rows whose keys read only its id (the base changed)
    org = province_data / "org.yaml"
    renamed = "name: 区县司法行政局\n    aliases:\n      - 区县司法局\n"  # the plan's name kept
    text = org.read_text("utf-8")
    org.write_text(text.replace("name: 区县司法局\n    aliases:\n", renamed), "utf-8")
    pages, _ = serve.build(["org.yaml"])
    assert "区县司法行政局" in "".join(pages.values())
    assert pages == fresh_texts(province_data, SETTINGS, AS_OF)
    # a task's title edited: the deadline rows and timeline cite it by its id
    task = province_data / "plans" / DEMO_PLAN / "tasks" / "04.yaml"
    text = task.read_text("utf-8")
    task.write_text(
        re.sub(r"\ntitle: .*", "\ntitle: 切实抓好教育培训工作（改）", text, count=1), "utf-8"
    )
    pages, _ = serve.build([f"plans/{DEMO_PLAN}/tasks/04.yaml"])
    assert "切实抓好教育培训工作（改）" in pages[f"plans/{DEMO_PLAN}/progress.md"]
    assert pages == fresh_texts(province_data, SETTINGS, AS_OF)
    # after a base change every piece is rendered once again, then kept
    status = province_data / "status" / "beilin.yaml"
    status.write_text(_report(status.read_text("utf-8"), random.Random(3)), "utf-8")
    pages, _ = serve.build(["status/beilin.yaml"])
    assert pages == fresh_texts(province_data, SETTINGS, AS_OF)
    assert kept.reused > kept.rendered


def test_rows_rendered_by_forked_processes_are_kept_where_the_memo_is(province_data):
    if split.processes_for(2) < 2:
        pytest.skip("no fork here")
    serve = ServeRenders(province_data, SETTINGS, AS_OF)
    serve.build(None)
    kept = _rows_kept(serve)
    rng = random.Random(5)
    for name in ("lianhu.yaml", "xincheng.yaml"):
        path = province_data / "status" / name
        path.write_text(_report(path.read_text("utf-8"), rng), "utf-8")
        project = serve.live.load(province_data, changed=[f"status/{name}"])
        assert project.model is not None
        serve.memo.start(data_digests(province_data))
        evaluation = serve.evaluations.evaluate(project.model, AS_OF, SETTINGS.due_soon_days)
        site = render_site(project.model, SETTINGS, evaluation, processes=2, memo=serve.memo)
        assert site_texts(site) == fresh_texts(province_data, SETTINGS, AS_OF), name
        assert kept.reused > kept.rendered


def test_a_ci_build_joins_its_tables_from_rows_kept_in_its_page_cache(
    province_data, tmp_path, monkeypatch
):
    made: list[kept_pieces.KeptPieces | None] = []
    of_build = kept_pieces.of_build

    def spied(memo, serving):  # the build's pieces, to count what it rendered
        made.append(of_build(memo, serving))
        return made[-1]

    monkeypatch.setattr(kept_pieces, "of_build", spied)
    cache = tmp_path / "cache"
    rng = random.Random(10)
    status = sorted((province_data / "status").glob("*.yaml"))
    for build, processes in enumerate((1, 1, 2, 1)):
        if build:  # a day's reports: three units'
            for path in rng.sample(status, 3):
                path.write_text(_report(path.read_text("utf-8"), rng), "utf-8")
        memo = SourceMemo(cache, keep=False)  # a new process, as each CI build is
        site = ci_province_site(province_data, memo, AS_OF, processes)
        pieces = made[-1]
        assert site_texts(site) == fresh_texts(province_data, SETTINGS, AS_OF), build
        assert pieces is not None and pieces.memo is memo
        if build == 0:
            assert pieces.rendered and not pieces.reused
        elif processes == 1:  # (a forked process's count is lost; its rows are kept here)
            assert pieces.reused > pieces.rendered, (build, pieces.reused, pieces.rendered)


def test_a_text_like_a_marker_without_the_processs_number_is_left_as_it_is():
    kept = kept_pieces.KeptPieces()
    kept.start("base")
    row = kept.kept("a.md")(
        ("row", 1), caller=lambda: "<tr>\ue002abc:" + "0" * 32 + "\ue004abc</tr>"
    )
    page = "<table>" + str(row) + "</table>"
    assert kept.assembled({"a.md": page}) == {
        "a.md": "<table><tr>\ue002abc:" + "0" * 32 + "\ue004abc</tr></table>"
    }
    again = kept.kept("a.md")(("row", 1), caller=lambda: pytest.fail("rendered again"))
    assert kept.assembled({"a.md": "<table>" + str(again) + "</table>"})["a.md"].count("<tr>") == 1
    kept.start("another base")  # the code, settings or plan changed: nothing kept
    assert not kept.pages
