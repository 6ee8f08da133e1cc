"""Leaders named beside the units (w-leaders): on the task pages, the task table, the led
unit's page and the 领导督办 pages; never where units are listed or counted."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from duban.load.project import load_project
from duban.model.leaders import leader_id, leader_key, leaders_of
from duban.model.model import Model
from duban.outputs import urls
from duban.site import Settings, render_site
from helpers import CASES, lay_out_case

AS_OF = dt.date(2011, 3, 15)
WANG, LI, ZHAO = leader_id("王健"), leader_id("李娜"), leader_id("赵强")


@cache
def _model(case: str, root: str) -> Model:
    folder = lay_out_case(CASES / "valid" / case, Path(root) / case)
    project = load_project(folder / "data")
    assert project.ok, project.problems[:5]
    assert project.model is not None
    return project.model


def _without_leaders(root: str) -> Model:
    """The leaders case with every ``leaders`` block taken out (the rules stay)."""
    folder = lay_out_case(CASES / "valid" / "leaders", Path(root) / "no-leaders")
    for task in (folder / "data/plans/test-plan/tasks").glob("*.yaml"):
        kept, cut = [], None
        for line in task.read_text("utf-8").splitlines():
            indent = len(line) - len(line.lstrip())
            if cut is not None and indent > cut:
                continue
            cut = indent if line.strip() == "leaders:" else None
            if cut is None:
                kept.append(line)
        task.write_text("\n".join(kept) + "\n", "utf-8")
    project = load_project(folder / "data")
    assert project.ok and project.model is not None, project.problems[:5]
    assert not any(t.leaders for t in project.model.tasks.values())
    return project.model


def leaders_model(tmp_path_factory) -> Model:  # type: ignore[no-untyped-def]
    return _model("leaders", str(tmp_path_factory.getbasetemp()))


@cache
def _pages(root: str) -> dict[str, str]:
    return render_site(_model("leaders", root), Settings(as_of=AS_OF)).pages


def pages(tmp_path_factory) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return _pages(str(tmp_path_factory.getbasetemp()))


def test_the_model_carries_leaders_with_names_as_published_and_units_resolved(tmp_path_factory):
    model = leaders_model(tmp_path_factory)
    first = model.tasks["test-plan/01"].leaders
    assert [(p.name, p.post, p.unit_id) for p in first] == [("王健", "副市长", "shiju")]
    assert first[0].text == "牵头领导：王 健（副市长）"  # the words as written are kept
    # a sub-item naming its own leader; the one naming none inherits its parent's
    assert [p.name for p in model.tasks["test-plan/03/1"].leaders] == ["赵强"]
    entries = {e.name: e for e in leaders_of(model)}
    assert set(entries) == {"王健", "李娜", "赵强"}  # 王 健 and 王健 are one person
    assert entries["王健"].task_ids == ("test-plan/01", "test-plan/02")
    assert entries["王健"].unit_ids == ("shiju",)
    assert leader_key("王\u3000健") == leader_key("王健")


def test_leaders_are_never_holders_nor_obligations(tmp_path_factory):
    model = leaders_model(tmp_path_factory)
    names = {h.name for h in model.holders.values()} | {g.name for g in model.groups.values()}
    assert not names & {"王健", "李娜", "赵强"}
    base = _model("base", str(tmp_path_factory.getbasetemp()))
    # the same obligations as the same plan without leaders: leaders add none
    assert model.obligations == base.obligations


def test_task_page_shows_the_leaders_linked_to_their_pages(tmp_path_factory):
    page = pages(tmp_path_factory)[urls.task_page("test-plan/01")]
    block = re.search(r'<div class="dbn-roles__leaders">.*?</ul></dd></div>', page, re.S)
    assert block is not None
    assert f'href="../../../leaders/{WANG}.html">王健</a>' in block.group()
    assert '<span class="dbn-muted">副市长</span>' in block.group()
    assert 'href="../../../units/shiju.html"' in block.group()
    # the words as written are in the task's text above: not repeated
    assert "原文：" not in block.group()
    two = pages(tmp_path_factory)[urls.task_page("test-plan/02")]
    # 李娜's words as written (牵头领导：李 娜（市政府秘书长）) are not in the text: shown
    assert '原文：<span class="dbn-text">牵头领导：李 娜（市政府秘书长）</span>' in two
    sub = pages(tmp_path_factory)[urls.task_page("test-plan/03")]
    assert f"leaders/{ZHAO}.html" in sub  # the sub-item's own leader
    # the plan without leaders shows no leader block
    plain = render_site(
        _model("base", str(tmp_path_factory.getbasetemp())), Settings(as_of=AS_OF)
    ).pages
    assert "dbn-roles__leaders" not in plain[urls.task_page("test-plan/01")]


def test_task_table_has_a_leader_column_only_when_a_task_names_a_leader(tmp_path_factory):
    table = pages(tmp_path_factory)[urls.plan_page("test-plan")]
    header = re.search(r"<thead>.*?</thead>", table, re.S)
    assert header is not None and '<th scope="col" data-sort="text">牵头领导</th>' in header.group()
    assert table.count('data-label="牵头领导"') == 3  # one cell per task, empty for task 03
    assert f'href="../../leaders/{LI}.html">李娜</a>' in table
    assert 'href="../../leaders/index.html">全部领导督办事项</a>' in table
    plain = render_site(
        _model("base", str(tmp_path_factory.getbasetemp())), Settings(as_of=AS_OF)
    ).pages[urls.plan_page("test-plan")]
    assert "牵头领导" not in plain and "leaders/" not in plain


def test_unit_page_of_the_led_unit_names_its_leader(tmp_path_factory):
    all_pages = pages(tmp_path_factory)
    led = all_pages[urls.unit_page("shiju")]
    assert "<dt>本单位领导</dt>" in led and f'href="../leaders/{WANG}.html">王健</a>' in led
    assert "本单位领导" not in all_pages[urls.unit_page("alpha")]


def test_leader_pages_list_each_led_task_with_its_states(tmp_path_factory):
    all_pages = pages(tmp_path_factory)
    index = all_pages[urls.LEADERS]
    rows = re.findall(r"<tr data-state.*?</tr>", index, re.S)
    assert [re.search(r">(\S+)</a></td>", r).group(1) for r in rows] == ["王健", "李娜", "赵强"]
    wang = rows[0]
    assert 'data-label="牵头任务" data-value="2"' in wang
    assert 'data-label="有逾期的任务" data-value="2"' in wang
    assert 'data-label="逾期项数" data-value="5"' in wang  # the 5 overdue occurrences on 2011-03-15
    page = all_pages[urls.leader_page(WANG)]
    assert "<h1>王健</h1>" in page
    led = re.findall(r"<tr data-state.*?</tr>", page, re.S)
    assert len(led) == 2
    assert 'href="../plans/test-plan/tasks/01.html"' in led[0]
    assert 'href="../plans/test-plan/tasks/02.html"' in led[1]
    assert 'data-label="逾期项数" data-value="2"' in led[0]  # 01: 乙县 and 市直各单位
    assert 'data-label="逾期项数" data-value="3"' in led[1]  # 02: 法规处 twice, 乙县
    assert "领导不是责任单位" in page
    zhao = all_pages[urls.leader_page(ZHAO)]
    assert 'href="../plans/test-plan/tasks/03.html#item-1"' in zhao


def test_no_leader_pages_without_leaders(tmp_path_factory):
    plain = render_site(_model("base", str(tmp_path_factory.getbasetemp())), Settings(as_of=AS_OF))
    assert not [p for p in plain.pages if p.startswith("leaders/")]


def test_leaders_are_never_listed_as_units(tmp_path_factory):
    all_pages = pages(tmp_path_factory)
    units = all_pages[urls.UNITS]
    for name in ("王健", "李娜", "赵强"):
        assert name not in units
    plain = render_site(
        _without_leaders(str(tmp_path_factory.getbasetemp())), Settings(as_of=AS_OF)
    )
    # the counts of units and occurrences on the home page and the overdue list are the same
    for page in (urls.HOME, urls.OVERDUE, urls.UNITS):
        strip = re.compile(r'<a href="[^"]*leaders/[^"]*">[^<]*</a>')
        assert _numbers(strip.sub("", all_pages[page])) == _numbers(plain.pages[page]), page


def _numbers(page: str) -> list[str]:
    return re.findall(r'data-value="[^"]*"|data-duban-sum="[^"]*"', page)


def test_leader_text_is_escaped(tmp_path):
    folder = lay_out_case(CASES / "valid" / "leaders", tmp_path / "p")
    task = folder / "data/plans/test-plan/tasks/01.yaml"
    task.write_text(
        task.read_text("utf-8").replace("post: 副市长", "post: <script>x</script>"), "utf-8"
    )
    project = load_project(folder / "data")
    assert project.ok and project.model is not None
    site = render_site(project.model, Settings(as_of=AS_OF)).pages
    for page in (urls.task_page("test-plan/01"), urls.plan_page("test-plan"), urls.LEADERS):
        assert "<script>x" not in site[page] and "&lt;script&gt;x" in site[page]


def test_escalation_steps_addressed_to_leaders_show_their_names_on_the_pages(tmp_path_factory):
    all_pages = pages(tmp_path_factory)
    overdue = all_pages[urls.OVERDUE]
    assert "提请分管领导督办（副市长王健）" in overdue  # task 01
    assert "提请分管领导督办（副市长王健、市政府秘书长李娜）" in overdue  # task 02
    plan_list = all_pages[urls.plan_page("test-plan", "overdue")]
    assert "提请分管领导督办（副市长王健）" in plan_list
