"""Round 21 (branch h18ag, issue 18): role forms the opened files still missed, read as general
rules. Each with a few lines of the real text (file named) and a variant written here that the
same code must also read (other units, other numbers, other wording)."""

from __future__ import annotations

from pathlib import Path

from helpers import import_whole, tasks_by_id

# --- a responsibility letter names the party that answers for every item -----------------------

# town-undated-mubiao-zerenshu-assess-lead-in.txt (第十批 oracle: each item responsible 各村(社区),
# the 由X负责考核 of the item assess). Items shortened.
TOWN = (
    "农村工作年度目标责任书\n"
    "为进一步加快社会主义新农村建设,推进农村各项工作的开展,镇党委与各村(社区)签订年度目标"
    "管理责任书。具体内容、分数构成及考核部门如下:\n"
    "1、招商引资项目建设及全民创业25分,其中招商引资项目建设20分,全民创业5分。由镇工办负责考核。\n"
    "2、党建工作20分。其中:组织8分、纪检8分、宣传4分,具体考核细则由镇组织办、纪检办、宣传办负责。\n"
)


def test_the_party_a_letter_is_signed_with_answers_for_each_item(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, TOWN, 2020))
    assert tasks["01"]["roles"] == {"responsible": ["各村(社区)"], "assess": ["镇工办"]}
    assert tasks["02"]["roles"] == {
        "responsible": ["各村(社区)"],
        "assess": ["镇组织办", "纪检办", "宣传办"],
    }


def test_a_made_up_letter_with_other_parties_and_an_item_with_no_clause(tmp_path: Path) -> None:
    """Made up: a county signs a 责任状 with its bureaus; one item names who supervises it
    (督导单位), one names nobody: both answer to the party signed with."""
    text = (
        "2024年安全生产目标责任状\n"
        "县政府与县直各部门签订安全生产目标责任状,目标任务如下:\n"
        "1.全年不发生较大以上生产安全事故。(督导单位:县应急管理局)\n"
        "2.完成本行业领域隐患排查整治。\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2024))
    assert tasks["01"]["roles"] == {"responsible": ["县直各部门"], "supervise": ["县应急管理局"]}
    assert tasks["02"]["roles"] == {"responsible": ["县直各部门"]}


def test_items_with_their_own_units_keep_them_under_a_signed_letter(tmp_path: Path) -> None:
    """Made up: an item that names who does it (牵头) is not given the letter's party."""
    text = (
        "目标管理责任书\n"
        "乡党委与各村签订目标管理责任书,具体内容如下:\n"
        "1.完成村级道路硬化10公里。(乡规划办牵头)\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2023))
    assert tasks["01"]["roles"] == {"lead": ["乡规划办"]}


# --- a later sentence names who checks the work: that unit supervises ---------------------------

# shaanxi-pingli-undated-zhenggai-yaoqiu-supervise.txt (第九批 oracle: “X对上述工作开展实效进行抽查”
# is supervise X). Shortened.
PINGLI = (
    "5、陈家坝药妇沟口至西大桥入口沿线商户出店占道经营问题较为突出。\n"
    "整改要求:由陈家坝沿线包片单位县职教中心、县消防大队负责对各自片区出店商户开展经常性劝阻教育。"
    "县双创办对上述工作开展实效进行抽查。\n"
)


def test_who_spot_checks_the_work_above_supervises_it(tmp_path: Path) -> None:
    tasks = tasks_by_id(import_whole(tmp_path, PINGLI, 2018))
    assert tasks["05"]["roles"] == {
        "responsible": ["县职教中心", "县消防大队"],
        "supervise": ["县双创办"],
    }


def test_a_made_up_check_by_two_units_and_a_sentence_that_names_no_unit(tmp_path: Path) -> None:
    """Made up: two checkers (对以上工作进行督查); a sentence opening with no unit's name
    (群众对上述工作…) names nobody."""
    text = (
        "1.城南农贸市场周边流动摊点占道经营。\n"
        "整改要求:由城南街道负责组织清理。市城管局、市市场监管局对以上工作进行督查。\n"
        "2.滨河路绿化带内有建筑垃圾。\n"
        "整改要求:由市园林局负责清运。群众对上述工作进行监督检查。\n"
    )
    tasks = tasks_by_id(import_whole(tmp_path, text, 2022))
    assert tasks["01"]["roles"] == {
        "responsible": ["城南街道"],
        "supervise": ["市城管局", "市市场监管局"],
    }
    assert tasks["02"]["roles"] == {"responsible": ["市园林局"]}
