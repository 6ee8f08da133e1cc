"""Round h18cb (issue 18): the thirty-second batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第三十二批, sampled by topic, not chosen by
form): a task text naming a half-year before the same year's end (2012年上半年前…，2012年底前…);
a one-cell-a-line table whose numbered task cell spans several content rows, each with its own
unit cell. Each form is tested here on made-up text (other units, subjects and numbers), so that
the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_h18bp_batch26 import _import  # a text file imported, a role's units

from duban.i18n.messages import set_language
from duban.plan_import import ImportError_, run_import
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


PAGE = """对符合条件的困难家庭,各区要落实临时救助政策,做到应救尽救。
(四)健全基层养老服务网络
社区卫生服务中心负责辖区内老年人健康档案的建立和管理工作,定期开展上门随访。
所需服务经费由各区、县财政部门根据服务人数核定。区、县政府要把养老服务设施纳入公共服务设施建设规划。
村(居)委会受镇政府的委托,协助做好老年人信息登记工作。每个村(居)委会应配备1名养老服务联络员。
三、提高养老服务质量
(一)完善服务标准
要尽快制定居家养老服务标准,规范服务流程。
(二)加强从业人员培训
人社部门要会同教育、卫健等有关部门制定养老护理员培训计划;
"""


def test_a_page_from_a_bracketed_point_before_the_next_chapter(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, PAGE, year=2021))
    # （四） before 三、 whose own list starts over at （一）: chapter 二's fourth point
    assert sorted(tasks) == ["2-4", "3-2"]
    assert tasks["2-4"]["section"] == 2 and tasks["3-2"]["section"] == 3
    assert tasks["3-2"]["roles"] == {"lead": ["人社部门"], "cooperate": ["教育", "卫健"]}


def test_roles_said_only_in_a_points_sentences_under_a_heading_line(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, PAGE, year=2021))
    roles = tasks["2-4"]["roles"]
    # X负责…, 由Y根据…核定, Z要…: responsible (区、县 groups whole); 受…委托,协助: cooperate;
    # 每个…应配备 is a staffing standard, no actor
    assert roles.get("responsible") == ["社区卫生服务中心", "各区、县财政部门", "区、县政府"]
    assert roles.get("cooperate") == ["村(居)委会"]


CHUNKS = """政策汇编:
(五)优化跨境贸易服务。推进国际贸易单一窗口建设和口岸通关便利化相
五、强化组织保障(十二)落实工作责任。各区要细化工作措施,加强督促检查,确保各项任务落地见效。
(六)提升不动产登记便利度。推行不动产登记线上办理,压缩办理时限。(责任单位:市规划局、市税务局)
2.推进工程建设项目审批改革。精简审批环节,压缩审批时限。(责任部门:市住房城乡建设委、市规划局)
"""


def test_a_chunks_bracketed_point_before_another_texts_chapter_stays_apart(
    tmp_path: Path,
) -> None:
    tasks = tasks_by_id(_import(tmp_path, CHUNKS, year=2023))
    # 五、 runs on into another text's (十二), no list starting over at (一): (五) is no
    # point of a chapter 四 the page does not show, and the chunks keep their own numbers
    assert sorted(tasks) == ["02", "06"]


ROWS = """某市2019年文化旅游工作要点实施方案
目标
任务
主要内容
责任单位
一、以文旅融合助力消费升级
(一)丰富文旅产品供给
围绕全市重点景区提质扩容,推出一批精品旅游线路,组织开展文旅消费季活动。
市文旅局牵头落实
围绕乡村旅游发展,培育一批乡村旅游重点村,完善游客服务设施。
市农业农村局牵头落实
加强文旅消费金融支持,推出文旅消费信贷产品,开展景区门票优惠活动。
市金融办、人民银行某市中心支行、某市银保监分局分别牵头落实
加强文旅市场秩序整治,开展不合理低价游专项治理,维护游客合法权益。
"""


def test_rows_of_work_and_units_under_a_task_cell_are_its_items(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, ROWS))
    task = tasks["1-1"]
    assert not task.get("roles")  # the task cell names no unit: its rows do
    items = {item["id"]: item for item in task["items"]}
    assert list(items) == ["1", "2", "3"]  # the last row, cut before its units, is no item
    assert items["1"]["roles"] == {"lead": ["市文旅局"]}
    assert items["2"]["roles"] == {"lead": ["市农业农村局"]}
    assert items["3"]["roles"] == {
        "lead": ["市金融办", "人民银行某市中心支行", "某市银保监分局"]  # 分别牵头落实: each
    }


CLOSING = """某县2020年河湖管护工作方案
一、主要任务
(一)开展河道清理
组织开展河道清障行动,清理河道垃圾和违章建筑。
县水利局牵头落实
(二)加强巡河管理
落实河长巡河制度,建立问题台账。
县河长办牵头落实
各乡镇、各部门要高度重视,加强协调配合,确保各项任务按时完成。
"""


def test_a_closing_paragraph_after_the_last_unit_line_stays_the_closing(tmp_path: Path) -> None:
    result = _import(tmp_path, CLOSING)
    tasks = tasks_by_id(result)
    assert sorted(tasks) == ["1-1", "1-2"]
    assert "items" not in tasks["1-2"] and tasks["1-2"]["roles"] == {"lead": ["县河长办"]}
    assert "高度重视" not in tasks["1-2"]["text"]


EACH = """某市2021年金融工作要点
一、加强金融服务
1.扩大普惠金融覆盖面,推广小微企业信用贷款。市金融办、人民银行某市中心支行分别牵头落实。
2.开展金融知识宣传月活动。市金融办牵头落实。
"""


def test_each_leads_with_its_verb_after_a_name_without_a_place(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, EACH))
    assert tasks["1-1"]["roles"] == {"lead": ["市金融办", "人民银行某市中心支行"]}


def _wrapped(text: str, width: int = 32) -> str:
    """``text`` with its lines longer than ``width`` cut every ``width`` characters (a PDF's)."""
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def test_a_long_unit_cell_line_in_a_wrapped_text_is_no_wrapped_line(tmp_path: Path) -> None:
    tasks = tasks_by_id(_import(tmp_path, _wrapped(ROWS)))
    items = {item["id"]: item for item in tasks["1-1"]["items"]}
    assert list(items) == ["1", "2", "3"]
    # the 31-character unit cell is as long as the wrapped lines, but ends the row
    assert items["3"]["roles"] == {"lead": ["市金融办", "人民银行某市中心支行", "某市银保监分局"]}
    assert "加强文旅市场秩序整治" not in items["3"]["text"]


SCRAMBLED = (
    "附件 2 某市水污染防治2022年工作计划 完成 序号 重点任务 工作措施 牵头部门 责任单位 配合单位 "
    "时限 市农业农村局 , 在完成省定目标基础上 各县区 1 水质目标 市生态环境局 各县区政府 "
    "力争 年底前 市水利局 , 巩固提升 ( ) 、 。 2 城镇污水 市住房城乡建设局 加快管网建设 "
    "各县区政府 年底前 市财政局\n"
)


def test_a_table_whose_cells_are_out_of_order_is_refused_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DUBAN_LANG", "zh")
    set_language(None)
    source = tmp_path / "preview.txt"
    source.write_text(SCRAMBLED, encoding="utf-8")
    with pytest.raises(ImportError_) as refused:
        run_import(source, tmp_path / "out", None, None, None, 2022)
    message = str(refused.value)
    assert "未找到编号条目" in message and "第 1 行像是任务分工表的表头" in message
    assert "请导入原件" in message
    # guard (as on main): a text with neither items nor a table's header, the plain refusal
    source.write_text("某市关于做好水污染防治工作的说明\n各县区要高度重视。\n", encoding="utf-8")
    with pytest.raises(ImportError_) as plain:
        run_import(source, tmp_path / "out", None, None, None, 2022)
    assert "未找到编号条目" in str(plain.value) and "表头" not in str(plain.value)
