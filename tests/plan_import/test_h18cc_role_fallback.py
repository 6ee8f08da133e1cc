"""Round h18cc (issue 18): when the chosen reading names nobody, the roles are read harder.

A 分工 document always names someone: a document whose tasks and sub-items name no unit in the
forms the importer reads narrowly is read again with the broad reading of roles (broad_roles.py:
every sentence that opens with unit names and a duty, 由X负责 after a topic, X为牵头单位, a line of
unit names after an item's text). Made-up plans in the forms an office writes duties in prose,
and opened corpus files whose role labels were rewritten as sentences in memory (roles_as_prose.py,
never committed as corpus files).
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from corpus_variants import CORPUS, score_text
from roles_as_prose import as_prose
from test_h18bp_batch26 import _import  # a text file imported

from duban.i18n.messages import set_language
from duban.plan_import import run_import
from helpers import tasks_by_id

HEAD = """某某市人民政府办公室关于印发某某市城市更新工作方案的通知
各区人民政府，市政府各部门：
现将《某某市城市更新工作方案》印发给你们，请认真组织实施。
某某市人民政府办公室
2022年3月1日
某某市城市更新工作方案
一、重点任务
"""
PROSE = (
    HEAD
    + """（一）推进老旧小区改造。全年完成改造小区50个。市住房城乡建设局要会同市财政局、\
市自然资源局抓好落实，2022年底前完成。
（二）完善配套设施。新建停车泊位2000个，改造结果报市政府备案。市城管局为牵头单位，\
市交通运输局为配合单位。
（三）加强物业管理。推行物业服务标准化。各区人民政府要加强日常监管，市市场监管局配合。
（四）规范资金使用。资金使用情况每季度向市财政局报送，经市政府同意后拨付。
（五）营造良好氛围。广泛开展宣传，形成共建共治共享的良好局面。
二、工作要求
各区、各部门要高度重视，加强组织领导，确保各项任务落到实处。
"""
)


def _roles(task: dict) -> dict[str, list[str]]:
    return {role: list(names) for role, names in (task.get("roles") or {}).items()}


def test_the_sentences_name_who_is_in_charge_when_no_label_does(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, PROSE))
    # 市住房城乡建设局要会同A、B…: it leads, A and B cooperate (a later sentence's subject)
    assert _roles(tasks["1-1"]) == {
        "lead": ["市住房城乡建设局"],
        "cooperate": ["市财政局", "市自然资源局"],
    }
    assert [due.get("period") for due in tasks["1-1"]["due"]] == ["2022"]
    # X为牵头单位，Y为配合单位: the role word after the names
    assert _roles(tasks["1-2"]) == {"lead": ["市城管局"], "cooperate": ["市交通运输局"]}
    # 各区人民政府要…，市市场监管局配合: the subject urged, and a clause's cooperating unit
    assert _roles(tasks["1-3"]) == {
        "responsible": ["各区人民政府"],
        "cooperate": ["市市场监管局"],
    }


def test_a_task_whose_text_names_no_unit_gets_none(tmp_path: Path) -> None:
    result = _import(tmp_path, PROSE)
    assert sorted(tasks_by_id(result)) == ["1-1", "1-2", "1-3"]
    # （五）广泛开展宣传…: nobody named, a provision as before; 各区、各部门要高度重视: a call
    provisions = [p["title"] for s in result.plan["sections"] for p in s.get("provisions", [])]
    assert "营造良好氛围" in provisions
    assert any("高度重视" in title for title in provisions)


def test_a_unit_named_as_an_object_is_no_role(tmp_path: Path) -> None:
    result = _import(tmp_path, PROSE)
    named = {n for task in result.tasks for names in _roles(task).values() for n in names}
    assert named  # the gate opened: roles were read
    # 报市政府备案, 向市财政局报送, 经市政府同意: the office a report goes to or that approves
    assert "市政府" not in named
    assert "规范资金使用" not in [task.get("title") for task in result.tasks]
    assert "市城管局" in named and "市财政局" in named  # named as actors elsewhere


UNIT_LINE = """某某县人民政府办公室关于印发某某县食品安全示范县创建工作方案的通知
各乡镇人民政府，县直各单位：
现将《某某县食品安全示范县创建工作方案》印发给你们，请认真贯彻落实。
某某县人民政府办公室
2023年4月10日
某某县食品安全示范县创建工作方案
一、工作任务
1.开展风险监测。按季度开展抽检，抽检结果及时公布。
县市场监管局 县疾控中心
2.加强农产品质量监管。推进农产品合格证制度。全县农产品抽检合格率达到98%以上。
3.强化校园食品安全。落实学校食堂负责人陪餐制度。县教育局要加强对学校食堂的日常检查。
"""


def test_a_line_of_unit_names_after_a_tasks_text_names_its_units(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, UNIT_LINE))
    assert _roles(tasks["1-1"]) == {"responsible": ["县市场监管局", "县疾控中心"]}
    assert _roles(tasks["1-3"]) == {"responsible": ["县教育局"]}
    assert "1-2" not in tasks  # 全县农产品…达到98%以上: a target, nobody named


def _review(tmp_path: Path, text: str, folder: str) -> str:
    (tmp_path / f"{folder}-source").mkdir()
    source = tmp_path / f"{folder}-source" / "plan.txt"  # the same plan id in every folder
    source.write_text(text, encoding="utf-8")
    review = tmp_path / f"{folder}-review.md"
    run_import(source, tmp_path / folder, None, None, review)
    return review.read_text(encoding="utf-8")


def test_the_review_says_once_that_the_roles_were_read_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DUBAN_LANG", "zh")
    set_language(None)
    said = _review(tmp_path, PROSE, "zh")
    assert said.count("按常规写法没有读到任何任务的承担单位") == 1
    assert "请逐项核对分工" in said
    monkeypatch.setenv("DUBAN_LANG", "en")
    set_language(None)
    try:
        said = _review(tmp_path, PROSE, "en")
    finally:
        monkeypatch.setenv("DUBAN_LANG", "zh")
        set_language(None)
    assert said.count("the roles were read from the tasks' sentences") == 1


NARROW = PROSE.replace(
    "推行物业服务标准化。各区人民政府要加强日常监管，市市场监管局配合。",
    "推行物业服务标准化，日常监管由各区人民政府具体负责。",
)
"""The same plan with one task's roles in a form the narrow rules read (由X具体负责 ending it)."""


def test_a_document_whose_roles_are_read_normally_is_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from duban.plan_import import role_fallback

    said = _review(tmp_path, NARROW, "as-read")
    assert "按常规写法没有读到任何任务的承担单位" not in said
    monkeypatch.setattr(role_fallback, "names_nobody", lambda tasks: False)  # no gate at all
    _review(tmp_path, NARROW, "no-gate")
    ours, theirs = tmp_path / "as-read", tmp_path / "no-gate"
    files = sorted(p.relative_to(ours) for p in ours.rglob("*") if p.is_file())
    assert files
    assert files == sorted(p.relative_to(theirs) for p in theirs.rglob("*") if p.is_file())
    for name in files:
        assert filecmp.cmp(ours / name, theirs / name, shallow=False), name
    assert (tmp_path / "as-read-review.md").read_bytes() == (
        tmp_path / "no-gate-review.md"
    ).read_bytes()
    # the other tasks of this plan, in forms only the broad reading reads, stay provisions
    tasks = tasks_by_id(_import(tmp_path, NARROW))
    assert sorted(tasks) == ["1-3"]


def test_an_opened_file_with_its_labels_written_as_sentences_is_read(tmp_path: Path) -> None:
    """An opened corpus file, its bracket labels rewritten in memory as X要会同Y抓好落实 (main's
    importer finds none of its 3 tasks: each became a non-task provision)."""
    source = CORPUS / "shaanxi-xingping-2022-shisiwu-bumen-inline.txt"
    text = as_prose(source.read_text(encoding="utf-8"), "together")
    assert "牵头部门" in source.read_text(encoding="utf-8")
    assert "牵头部门" not in text and "抓好落实" in text
    score = score_text(text, source, tmp_path)
    assert score.found == score.expected == 3
    assert score.roles[0] >= 4  # of 6 role fields


def test_a_plan_naming_nobody_but_a_later_sentences_subject_is_read_harder(
    tmp_path: Path,
) -> None:
    """局办公室要建立… in a later sentence: no step while the plan names units elsewhere
    (test_h18ax's guard), read when nothing else in the plan names anyone."""
    urged = "某局政务公开工作要点\n一、工作要点\n1.强化制度建设。局办公室要建立信息公开制度。\n"
    tasks = _import(tmp_path, urged).tasks
    assert [_roles(task) for task in tasks] == [{"responsible": ["局办公室"]}]
