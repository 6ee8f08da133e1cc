"""Round h18bv (issue 18): the twenty-ninth batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十九批): a county notice whose (一) names a
class of bodies over 1、…6、 lines each saying 由Y全面负责 (how fully the body answers is no part
of its name), and a city's division of duties whose sub-headings each name one body alone, its
duties in the lines below ((一)某市政府 / (三)乡镇政府(街道办事处)). Each form is tested here on
made-up text (other units, subjects and numbers), so that the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from test_h18bp_batch26 import _import, _roles  # a text file imported, a role's units

from helpers import tasks_by_id

SITES = """某县人民政府办公室关于落实水利工程安全管理责任的通知
某政办发〔2015〕21号
各镇人民政府,县人民政府各有关工作部门:
现就落实水利工程安全管理责任有关事项通知如下:
一、明确工程安全责任
(一)全县3处由水利部门设置的专门管理单位,全面负责各自工程的安全管理工作。
1、东湖水库,由某县东湖水库管理站全面负责工程的安全管理工作。
2、西河闸,由某县西河闸管理所全面负责工程的安全管理工作。
3、南渠灌区,由某县南渠灌区管理处具体负责工程的安全管理工作。
(二)其它小型工程未专门设置管理单位的,由所在镇人民政府负责,开展安全巡查。
"""


def test_by_a_body_fully_in_charge_names_the_body_alone(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, SITES))
    items = {item["id"]: item for item in tasks["1-1"].get("items", [])}
    assert _roles(items["1"], "responsible") == ["某县东湖水库管理站"]  # not …管理站全面
    assert _roles(items["2"], "responsible") == ["某县西河闸管理所"]
    assert _roles(items["3"], "responsible") == ["某县南渠灌区管理处"]  # 具体负责 the same
    assert _roles(tasks["1-2"], "responsible") == ["所在镇人民政府"]


LEVELS = """某市政府关于明确消防安全责任划分的通知
(某市政发〔2011〕9号)
各县(市)区人民政府,市政府各部门:
为落实消防安全责任,现就有关事宜通知如下:
一、消防安全责任划分
(一)某市政府
对全市行政区域内消防安全全面监管,并负全责。
(二)县(市)区政府
具体负责本行政区域内消防安全的全面监管,并负全面监管责任。
(三)乡镇政府(街道办事处)
具体负责本行政区域内消防安全的直接监管,并负直接监管责任。
(四)市消防综合监管部门
在市政府的领导下,按其职能职责,对全市消防综合监管工作负全责。
"""


def test_a_heading_naming_one_body_over_its_duties_makes_it_responsible(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, LEVELS))
    assert sorted(tasks) == ["1-1", "1-2", "1-3", "1-4"]
    assert _roles(tasks["1-1"], "responsible") == ["某市政府"]
    assert _roles(tasks["1-2"], "responsible") == ["县(市)区政府"]  # one group, not three
    assert _roles(tasks["1-3"], "responsible") == ["乡镇政府(街道办事处)"]  # with its alias
    assert _roles(tasks["1-4"], "responsible") == ["市消防综合监管部门"]
    assert not _roles(tasks["1-4"], "lead")  # 在市政府的领导下: who leads it, no role here


TOPICS = """一、重点工作
(一)加强组织领导
各单位要建立工作机制,明确专人负责,按月报送进展。
(二)强化督促检查
市政府督查室定期开展督查,通报进展情况。
"""


def test_a_heading_that_names_a_subject_names_no_body(tmp_path: Path) -> None:
    result = _import(tmp_path, TOPICS, 2020)
    for task in tasks_by_id(result).values():
        assert "加强组织领导" not in _roles(task, "responsible")
        assert "强化督促检查" not in _roles(task, "responsible")


CALLS = """一、各地自查
各市、县要按照督查的内容,对本地区落实情况开展自查,7月10日前报送自查报告。
二、市环保局牵头的工作
加强污染源监管,全面落实环境保护责任制。
"""


def test_a_heading_that_calls_on_everyone_or_names_a_lead_is_no_body_alone(
    tmp_path: Path,
) -> None:
    result = _import(tmp_path, CALLS, 2020)
    for task in tasks_by_id(result).values():
        for role in ("responsible", "lead"):
            assert "各地自查" not in _roles(task, role)
            assert "市环保局牵头的工作" not in _roles(task, role)
