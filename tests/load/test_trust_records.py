"""Who may record an action: a records file (kept by its unit's maintainers) may record a
reminder or notice against a unit only on a task its unit supervises (its supervising units,
else its lead units), as a unit the plan names to take the ladder's actions (rules.yaml
``recorded_by``), or as the supervising office (org.yaml). Otherwise a district could record
a 通报批评 against a peer, and CODEOWNERS would let the district's maintainers approve it alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from duban.i18n.messages import translate
from duban.load.project import load_project
from helpers import CASES, ROOT, lay_out_case

NOTICE = """unit: {keeper}
actions:
  - action: notice
    date: 2010-08-15
    unit: beilin
    task: "08"
    document: 市司办发〔2010〕9号
"""


def _data(tmp_path: Path, keeper: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "records" / f"{keeper}.yaml").write_text(NOTICE.format(keeper=keeper), "utf-8")
    return data


def test_a_district_may_not_record_a_notice_against_a_peer(tmp_path):
    project = load_project(_data(tmp_path, "baqiao"))
    assert project.model is None
    [problem] = project.problems
    assert problem.path.endswith("records/baqiao.yaml")
    assert problem.field == "actions[0].unit"
    assert "'baqiao' does not supervise task 08" in problem.message
    assert "only 'jijian-jiancha', 'fagui-chu' may" in problem.message
    chinese = translate(problem.message, "zh")
    assert "不是任务 08 的监督单位" in chinese and "'jijian-jiancha', 'fagui-chu'" in chinese


def test_the_tasks_supervisor_may_record_it(tmp_path):
    project = load_project(_data(tmp_path, "fagui-chu"))
    assert project.problems == []
    assert project.model is not None
    [action] = project.model.records.actions
    assert (action.by, action.holder_id, action.action) == ("fagui-chu", "beilin", "notice")


def test_the_supervising_office_may_record_it(tmp_path):
    data = _data(tmp_path, "bangongshi")
    org = data / "org.yaml"
    text = org.read_text("utf-8")
    keeper = "  - id: bangongshi\n"
    text = text.replace(keeper, keeper + "    maintainers: [office-clerk]\n")
    org.write_text("supervising_office: bangongshi\n" + text, "utf-8")
    project = load_project(data)
    assert project.problems == []
    assert project.model is not None and len(project.model.records.actions) == 1


def test_a_unit_the_ladder_names_may_record_it(tmp_path):
    data = _data(tmp_path, "bangongshi")
    assert load_project(data).problems  # not a supervisor of task 08
    rules = next((data / "plans").glob("*/rules.yaml"))
    text = rules.read_text("utf-8").replace(
        "    stages:\n", "    recorded_by:\n      - bangongshi\n    stages:\n", 1
    )
    rules.write_text(text, "utf-8")
    assert load_project(data).problems == []


FOLLOW_UP = """unit: {keeper}
follow_ups:
  - task: "05"
    due: rectification
    unit: 甲示范单位
    period: "2012"
    date: 2012-05-01
    deadline: 2012-06-30
"""


def test_a_district_may_not_set_a_follow_up_deadline_either(tmp_path):
    """A 限期整改 deadline makes the unit late when it passes: the same rule as an action."""
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    records = project / "data" / "records"
    (records / "alpha.yaml").write_text(FOLLOW_UP.format(keeper="alpha"), "utf-8")
    loaded = load_project(project / "data")
    [problem] = loaded.problems
    assert problem.path.endswith("records/alpha.yaml")
    assert "'alpha' does not supervise task 05" in problem.message
    assert "may not record a follow-up deadline against 'shifan-a'" in problem.message
    assert "设定整改期限" in translate(problem.message, "zh")
    (records / "alpha.yaml").unlink()
    text = (records / "fagui-chu.yaml").read_text("utf-8")
    entry = FOLLOW_UP.split("follow_ups:\n")[1]  # the task's supervisor may set it
    (records / "fagui-chu.yaml").write_text(
        text.replace("follow_ups:\n", "follow_ups:\n" + entry, 1), "utf-8"
    )
    assert load_project(project / "data").problems == []
