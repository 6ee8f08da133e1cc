"""Round h18cb (issue 18): the thirty-second batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第三十二批, sampled by topic, not chosen by
form): a task text naming a half-year before the same year's end (2012年上半年前…，2012年底前…);
a one-cell-a-line table whose numbered task cell spans several content rows, each with its own
unit cell. Each form is tested here on made-up text (other units, subjects and numbers), so that
the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from test_h18bp_batch26 import _import  # a text file imported, a role's units

from helpers import tasks_by_id

HALF_YEAR = """(1)完善林地保护体系。2019年下半年前会同有关部门出台林地保护办法,\
2019年底前完成林地落界。2021年前建立林地管理数据库。(资源处、各市林业主管部门负责,各有关单位配合)
(2)加强林地监测。2020年底前建成林地监测网络。(监测处负责)
"""


def test_a_half_year_before_the_same_years_end_is_a_deadline_of_its_own(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, HALF_YEAR, year=2019))
    periods = [due.get("period") for due in tasks["01"]["due"]]
    assert periods == ["2019-H2", "2019", "2021"]
    assert [due.get("period") for due in tasks["02"]["due"]] == ["2020"]


RHYTHM = """2018年3月5日
附件
重点工作分工表
序号 |
工作任务 |
责任单位 |
时间进度 |
1 |
健全全市养老服务联席会议制度,每季度召开一次会议,研究解决养老服务发展中的重要问题。 |
市民政局 |
持续实施 |
2 |
每半年开展一次养老机构安全检查。 |
市应急局 |
持续实施 |
3 |
制定养老护理员培训计划。 |
市人社局 |
2018年6月底前 |
"""


def test_a_rhythm_inside_the_work_leaves_the_written_ongoing(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, RHYTHM))
    # 健全…制度,每季度召开一次会议: the meetings are the mechanism's, the cell's 持续实施 stands
    assert [due["kind"] for due in tasks["01"]["due"]] == ["ongoing"]
    # guard (as on main): a task that is itself done every half-year is recurring
    assert [(d["kind"], d.get("every")) for d in tasks["02"]["due"]] == [("recurring", "half-year")]
    assert [due["kind"] for due in tasks["03"]["due"]] == ["date"]


JOINED = """某县关于加强农产品质量安全工作的意见
一、健全监管体系
(一)完善检测制度
农业农村部门要会同卫健、商务等有关部门建立农产品抽检结果通报制度;
(二)加强基层站所建设
乡镇政府要配齐农产品质量安全监管员,会同有关部门做好日常巡查。
"""


def test_a_subject_working_with_named_bodies_leads_them(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, JOINED, year=2020))
    roles = tasks["1-1"]["roles"]
    assert roles.get("lead") == ["农业农村部门"]
    assert roles.get("cooperate") == ["卫健", "商务"]  # 等有关部门: the named ones
    # guard (as on main): 会同有关部门 names nobody, the subject alone is responsible
    assert tasks["1-2"]["roles"] == {"responsible": ["乡镇政府"]}
