"""Round h18bl (issue 18): the twenty-fourth batch opened and its forms read generally.

The batch (tests/fixtures/import/corpus/, SOURCES.md 第二十四批) is a district's notice of its
major projects whose whole text and attachment table a document site ran into one line (no
separator between the notice's parts, nor between the table's cells: 项目业主, 牵头协调部门 and
牵头区领导 columns, two leaders' names run together, an owner's name glued to the department's),
and a list of deputies' suggestions with 主办/协办 brackets (read right before this round). Each
form is tested here on made-up text (another county, other projects, names and amounts), so that
the form is read, not the file's strings.
"""

from __future__ import annotations

from pathlib import Path

from duban.plan_import import import_file
from duban.plan_import.cell_rows import column_kind
from duban.plan_import.chrome import set_aside
from duban.plan_import.leader_names import name_run, read_leaders
from duban.plan_import.share_site_chrome import share_notice
from duban.plan_import.units import ImportOrg
from helpers import tasks_by_id

NOTICE = (
    "文档介绍:青府发〔2015〕12号青石县人民政府关于2015年重点推进项目有关事项的通知"
    "各乡镇人民政府,县政府各部门:为加快项目建设,扩大有效投资,根据市政府《关于2015年重点推进"
    "重大项目的通知》精神,经县政府研究,决定对城东污水处理厂项目等3个项目予以重点推进。"
    "重点推进项目实行县领导联系制度,协调解决项目推进中的困难和问题。各乡镇、各部门要明确责任人,"
    "确保项目顺利实施。附件:青石县2015年重点推进项目情况表二○一五年三月二十日主题词:项目推进通知"
    "抄送:县委办,县人大办,县政协办。青石县人民政府办公室2015年3月20日印(共印20份)"
    "附件青石县2015年重点推进项目情况表单位:万元"
)
TABLE = (
    "序号项目名称建设阶段总投资2015年计划投资项目业主牵头协调部门牵头县领导合计 4480012000 "
    "1城东污水处理厂项目新开工250005000县城投公司县住建局李建华周敏"
    "2滨河绿道工程续建180004000县交投集团、青石镇人民政府县交通运输局张立新"
    "3现代农业产业园项目前期13003000青禾家庭农场、青山村股份经济合作社县农业农村局何静"
)


def _import(tmp_path: Path, text: str) -> tuple[dict, dict[str, dict]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path, ImportOrg(), "p", None)
    return result.plan, tasks_by_id(result)


def _roles(task: dict, role: str) -> list[str]:
    return list(task.get("roles", {}).get(role, []))


def _leaders(task: dict) -> list[str]:
    return [leader["name"] for leader in task.get("leaders", [])]


# --- 1. a notice and its table run into one line (龙泉驿 2009) ---


def test_a_table_run_into_one_line_after_its_notice_is_read_row_by_row(tmp_path: Path) -> None:
    _, tasks = _import(tmp_path, NOTICE + TABLE + "\n")
    assert sorted(tasks) == ["01", "02", "03"]  # 合计 and its amounts are no task
    assert _roles(tasks["01"], "lead") == ["县住建局"]
    assert _roles(tasks["01"], "responsible") == ["县城投公司"]
    assert _roles(tasks["02"], "lead") == ["县交通运输局"]
    assert _roles(tasks["02"], "responsible") == ["县交投集团", "青石镇人民政府"]
    assert _roles(tasks["03"], "lead") == ["县农业农村局"]
    assert _roles(tasks["03"], "responsible") == ["青禾家庭农场", "青山村股份经济合作社"]
    assert "城东污水处理厂项目" in tasks["01"]["text"]
    # the amounts (250005000) are no deadlines: no row writes one
    assert all(due.get("id") == "unwritten" for task in tasks.values() for due in task["due"])


def test_two_leaders_names_run_together_in_a_cell_are_two_leaders(tmp_path: Path) -> None:
    _, tasks = _import(tmp_path, NOTICE + TABLE + "\n")
    assert _leaders(tasks["01"]) == ["李建华", "周敏"]
    assert _leaders(tasks["02"]) == ["张立新"]
    assert _leaders(tasks["03"]) == ["何静"]


def test_the_notice_run_into_the_line_gives_the_plans_head(tmp_path: Path) -> None:
    plan, _ = _import(tmp_path, NOTICE + TABLE + "\n")
    assert plan["title"] == "青石县人民政府关于2015年重点推进项目有关事项的通知"
    assert plan["document_number"] == "青府发〔2015〕12号"
    assert plan["issuer"] != "发文单位（待定）"
    assert str(plan["signed"]) == "2015-03-20"


def test_every_character_of_the_line_is_accounted_for(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(NOTICE + TABLE + "\n", encoding="utf-8")
    result = import_file(path, ImportOrg(), "p", None)
    assert result.accounting is not None and result.accounting.leftovers == []
    assert result.accounting.accounted == result.accounting.total
    assert result.accounting.chars.get("unread", 0) == 0  # the site's 文档介绍: is chrome
    assert result.accounting.chars["tasks"] > 150  # the three rows' cells are the tasks' text
    title = "青石县人民政府关于2015年重点推进项目有关事项的通知"
    assert result.accounting.chars["title"] == len(title)


def test_the_table_alone_on_one_line_after_its_title(tmp_path: Path) -> None:
    text = "某区2016年重点项目情况表单位:万元" + TABLE.replace("县", "区") + "\n"
    _, tasks = _import(tmp_path, text.replace("青石镇人民政府", "青石街道办事处"))
    assert sorted(tasks) == ["01", "02", "03"]
    assert _roles(tasks["02"], "responsible") == ["区交投集团", "青石街道办事处"]
    assert _roles(tasks["02"], "lead") == ["区交通运输局"]


# --- 2. the words of the form ---


def test_a_projects_owner_column_is_responsible() -> None:
    assert column_kind("项目业主") == "responsible"
    assert column_kind("业主单位") == "responsible"
    assert column_kind("牵头协调部门") == "lead"
    assert column_kind("牵头县领导") == "leader"


def test_names_run_together_are_cut_only_one_way() -> None:
    assert name_run("李建华周敏") == ["李建华", "周敏"]
    assert name_run("高峰") == ["高峰"]
    assert name_run("常务副县长") == []  # a post, no names
    assert name_run("欧阳晓明") == []  # no way to cut it into surnamed names: one name
    leaders = read_leaders("孙立平钱红", "牵头领导：")
    assert [p["name"] for p in leaders] == ["孙立平", "钱红"]


def test_a_document_sites_label_alone_is_chrome() -> None:
    assert share_notice("文档介绍:")
    assert not share_notice("文档介绍:本方案共十条")


def test_a_pages_time_source_and_visits_line_is_chrome_a_tasks_time_is_not() -> None:
    """The lead, session 40 (苏州 2024's page): 时间 is no page label alone (a task writes
    时间：2024年6月底前…), but over a full date, time and the page's other labels it is."""
    page = "时间: 2022-05-16 08:30 来源: 某市政府办公室 访问量:\n时间：2022年6月底前完成改造。\n"
    assert set_aside(page)[1] == ["时间: 2022-05-16 08:30 来源: 某市政府办公室 访问量:"]
    assert set_aside("浏览量：1024\n")[1] == ["浏览量：1024"]
    assert set_aside("时间：2022年6月30日 责任单位：市民政局\n")[1] == []
