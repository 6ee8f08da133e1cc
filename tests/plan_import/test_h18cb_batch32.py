"""Round h18cb (issue 18): the thirty-second batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第三十二批, sampled by topic, not chosen by
form): a task text naming a half-year before the same year's end (2012年上半年前…，2012年底前…);
a one-cell-a-line table whose numbered task cell spans several content rows, each with its own
unit cell. Each form is tested here on made-up text (other units, subjects and numbers), so that
the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from test_h18bp_batch26 import _import, _roles  # a text file imported, a role's units

from helpers import tasks_by_id

HALF_YEAR = """(1)完善林地保护体系。2019年下半年前会同有关部门出台林地保护办法,2019年底前完成林地落界。\
2021年前建立林地管理数据库。(资源处、各市林业主管部门负责,各有关单位配合)
(2)加强林地监测。2020年底前建成林地监测网络。(监测处负责)
"""


def test_a_half_year_before_the_same_years_end_is_a_deadline_of_its_own(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, HALF_YEAR, year=2019))
    periods = [due.get("period") for due in tasks["01"]["due"]]
    assert periods == ["2019-H2", "2019", "2021"]
    assert [due.get("period") for due in tasks["02"]["due"]] == ["2020"]
