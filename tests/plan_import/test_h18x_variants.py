"""The same forms as other offices write them (issue 18, fourteenth round, branch h18x): each
test takes a real corpus line transformed by one of tests/plan_import/corpus_variants.py's
transformations (another label word, another mark, another line break: the oracle unchanged) and
one variant written for the test. Texts marked "real" are quoted (shortened where "…" says so)
from tests/fixtures/import/corpus/ (SOURCES.md gives each file's address) and then transformed as
the comment says; "made up" texts are written for this test. A last test runs a small fixed part
of the harness itself, so that the robustness cannot regress silently."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from corpus_variants import TRANSFORMS, blank_doubled, chapter_dot, number_wide_digits, run

from duban.plan_import import import_file
from duban.plan_import.label_colons import colons_restored
from duban.plan_import.label_words import label_words
from duban.plan_import.units import ImportOrg
from duban.plan_import.wrapped_lines import rejoin_wrapped, single_spaced
from helpers import import_whole

pytestmark = pytest.mark.usefixtures("chinese")
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "corpus"


def _tasks(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {task["id"]: task for task in result.tasks}


# --- label words: 责任牵头单位 leads as 牵头责任单位 does ------------------------------------

# Real: chongqing-yuzhong-2023-news-lead-lines.txt, 牵头单位 written 责任牵头单位 (label_lead).
YUZHONG = (
    "2023年区政府工作报告重点工作目标任务分解\n"
    "一、主要预期指标\n"
    "1.地区生产总值增长5%左右,争取实现更好的发展。\n"
    "责任牵头单位:区发改委\n"
    "责任单位:各产业主管部门\n"
    "2.区级一般公共预算收入增长5%。\n"
    "责任牵头单位:区财政局\n"
    "责任单位:区税务局、区国资委等\n"
)
# Made up: the same order in a bracket, with 协同责任单位 (which cooperates).
BRACKETED = (
    "某县2024年重点工作分工\n"
    "一、经济发展\n"
    "（一）推进园区建设。（责任牵头单位：县发改局；协同责任单位：县财政局）\n"
    "（二）抓好项目招引。（牵头责任单位：县商务局；责任单位：县经开区管委会）\n"
)


def test_label_words_let_qiantou_lead_wherever_it_stands() -> None:
    words = "牵头|责任|配合|协同"
    assert label_words("责任牵头", words) == ["牵头"]
    assert label_words("牵头责任", words) == ["牵头"]
    assert label_words("协同责任", words) == ["协同"]
    assert label_words("牵头、配合", words) == ["牵头", "配合"]


def test_zeren_qiantou_danwei_is_the_lead(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, YUZHONG, 2023))
    assert tasks["1-1"]["roles"] == {"lead": ["区发改委"], "responsible": ["各产业主管部门"]}
    assert tasks["1-2"]["roles"]["lead"] == ["区财政局"]


def test_zeren_qiantou_in_a_bracket(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, BRACKETED, 2024))
    assert tasks["1-1"]["roles"] == {"lead": ["县发改局"], "cooperate": ["县财政局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["县商务局"], "responsible": ["县经开区管委会"]}


# --- a table whose only role column is 主责单位 -------------------------------------------

# Real: zhejiang-cangnan-2022-progress-cells.txt (shortened), 牵头单位 written 主责单位.
CANGNAN = (
    "2022年度市县民生实事未完成项目进度表(截至10月31日)\n\n"
    "序号\n\n项目内容\n\n当前进度\n\n主责单位\n\n备注\n\n"
    "1\n\n新(改、扩)建公办园5所,新增公办幼儿学位1000个。\n\n80%(新区实验幼儿园进度滞后)\n\n"
    "县教育局\n\n市民生实事\n\n"
    "2\n\n建设四好农村路55公里。\n\n90%\n\n县交通局\n\n市民生实事\n"
)
# Made up: 承办单位 as the only role column, | rows.
CHENGBAN = (
    "某区2023年民生实事项目表\n\n"
    "序号 | 项目名称 | 承办单位 | 备注\n"
    "1 | 新建口袋公园6个 | 区住建局 | 续建\n"
    "2 | 改造农贸市场3家 | 区商务局 | 新建\n"
)


def test_a_zhuze_column_makes_the_table(tmp_path: Path) -> None:
    result = import_whole(tmp_path, CANGNAN, 2022)
    assert "任务分工表" in result.reading
    tasks = _tasks(result)
    assert tasks["01"]["roles"] == {"lead": ["县教育局"]}
    assert tasks["02"]["roles"] == {"lead": ["县交通局"]}


def test_a_chengban_column_makes_the_table(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CHENGBAN, 2023))
    assert tasks["01"]["roles"] == {"responsible": ["区住建局"]}
    assert tasks["02"]["roles"] == {"responsible": ["区商务局"]}


# --- 列第一位为牵头单位: a unit alone under any responsible label stays responsible ------------

# Real: zhejiang-haishu-2024-leader-headings.txt (shortened), 责任单位 written 承办单位.
HAISHU = (
    "2024年政府工作报告重点工作责任分解\n\n"
    "(列第一位者为牵头或汇总单位,下同)\n\n"
    "一、叶枝利区长牵头重点工作\n\n"
    "1.一般公共预算收入与经济增长基本同步。\n\n"
    "承办单位:区财政局\n\n"
    "2.推进镇(乡)街道财权事权体制调整。\n\n"
    "承办单位:区财政局、区发改局\n"
)
# Made up: 落实单位 alone and with a second unit.
LUOSHI = (
    "某县2023年重点工作分工\n"
    "列第一位的为牵头单位,下同。\n"
    "一、城乡建设\n"
    "1.推进老旧小区改造。落实单位:县住建局\n"
    "2.建设城市书房。落实单位:县文旅局、县财政局\n"
)


def test_a_unit_alone_under_chengban_stays_responsible(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, HAISHU, 2024))
    assert tasks["1-1"]["roles"] == {"responsible": ["区财政局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["区财政局"], "responsible": ["区发改局"]}


def test_a_unit_alone_under_luoshi_stays_responsible(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, LUOSHI, 2023))
    assert tasks["1-1"]["roles"] == {"responsible": ["县住建局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["县文旅局"], "responsible": ["县财政局"]}


# --- A，B分别牵头: the units written with commas -------------------------------------------

# Real: zhejiang-lishui-2023-zeren-lines-fenbie-qiantou.txt, 、 between units written ，.
LISHUI = (
    "2023年政府工作报告主要目标任务责任分解\n\n"
    "一、主要预期目标\n\n"
    "1.城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。\n\n"
    "责任单位:市人力社保局，市农业农村局分别牵头\n"
)
# Made up: three units with half-width commas, 共同牵头.
JOINTLY = (
    "某市2023年重点工作分工\n"
    "一、社会事业\n"
    "1.推进托育服务体系建设。责任单位:市卫健委,市教育局,市妇联共同牵头\n"
)


def test_fenbie_qiantou_after_commas(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, LISHUI, 2023))
    assert tasks["1-1"]["roles"] == {"lead": ["市人力社保局", "市农业农村局"]}


def test_gongtong_qiantou_after_commas(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, JOINTLY, 2023))
    assert tasks["1-1"]["roles"] == {"lead": ["市卫健委", "市教育局", "市妇联"]}


# --- lines hard-wrapped at a fixed width ---------------------------------------------------

# Real: shaanxi-xingping-2022-shisiwu-bumen-inline.txt (shortened), wrapped at 30–40 characters
# (hard_wrap): a role bracket and a unit's name cut in two.
XINGPING = (
    "兴平市国民经济和社会发展第十四个五年规划和二O三五年远景纲要任务分工方案\n"
    "一、目标定位\n"
    "1.聚力建设西安都市圈核心区。(牵头部门:市发改局,配合部门:\n"
    "市级相关部门,各镇办)\n"
    "2.争创产业聚焦转型先行区。(牵头部门:市招商局,配合部门:市发改局、工\n"
    "信局、农业农村局、商务局、工业园区等,各镇办)\n"
    "3.争创改革高效集成先行区。(牵头部门:市委改革办,配合部门:市级相关部门)\n"
    "4.争创城乡融合发展示范区。统筹推进新型城镇化和乡村振兴，(牵头部门:市住\n"
    "建局,配合部门:市农业农村局)\n"
)
# Made up: every line at 34 characters, a label cut after its first word.
WRAPPED = (
    "某县2023年重点工作任务分工方案\n"
    "一、产业发展\n"
    "（一）加快推进县经济开发区标准厂房建设，年内新建标准厂房\n"
    "10万平方米，引进规模以上企业5家以上。（牵头单位：县经济开\n"
    "发区管委会；责任单位：县发改局、县自然资源局、县住建局）\n"
    "（二）推进农业产业化龙头企业培育，新增市级以上龙头企业3家\n"
    "，农产品加工产值增长8%以上。（牵头单位：县农业农村局；责\n"
    "任单位：县财政局、县市场监管局）\n"
)


def test_rejoin_wrapped_joins_only_a_wrapped_text() -> None:
    assert rejoin_wrapped(WRAPPED).split("\n")[2].endswith("县住建局）")
    assert rejoin_wrapped(BRACKETED) == BRACKETED  # short lines ending sentences: not wrapped
    paragraph = "一、总体要求\n" + "这是一个很长的段落，写完了一句话。" * 4 + "\n"
    assert rejoin_wrapped(paragraph) == paragraph
    rows = "序号 工作任务 牵头负责部门\n" + "1 居民消费价格涨幅3%左右 发展改革委\n" * 6
    assert rejoin_wrapped(rows) == rows  # a table's rows, cells between spaces (国办 2016)


def test_wrapped_role_brackets_are_read(tmp_path: Path) -> None:
    result = import_whole(tmp_path, XINGPING, 2022)
    assert "按固定宽度断开的行已拼回段落" in result.reading
    tasks = _tasks(result)
    assert tasks["1-1"]["roles"] == {"lead": ["市发改局"], "cooperate": ["市级相关部门", "各镇办"]}
    assert tasks["1-2"]["roles"]["cooperate"][:2] == ["市发改局", "工信局"]
    assert tasks["1-4"]["roles"] == {"lead": ["市住建局"], "cooperate": ["市农业农村局"]}


def test_a_label_cut_in_two_is_read(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, WRAPPED, 2023))
    assert tasks["1-1"]["roles"] == {
        "lead": ["县经济开发区管委会"],
        "responsible": ["县发改局", "县自然资源局", "县住建局"],
    }
    assert tasks["1-2"]["roles"] == {
        "lead": ["县农业农村局"],
        "responsible": ["县财政局", "县市场监管局"],
    }


# --- a label's colon dropped ------------------------------------------------------------

# Real: liaoning-lishan-2023-lead-lines.txt (shortened), each label's colon dropped
# (label_no_colon).
LISHAN = (
    "立山区2023年政府工作报告重点任务分解\n"
    "一、经济发展\n"
    "1.地区生产总值增长6%左右。\n"
    "牵头单位区发改局\n"
    "责任单位立山经济开发区,全区经济运行各专班\n"
    "2.规模以上工业增加值增长6%。\n"
    "牵头单位区工信局\n"
    "责任单位立山经济开发区\n"
)
# Made up: brackets, a name with 和 and a bracket, a deadline label, and sentences that only use
# the words (left alone).
NO_COLONS = (
    "某市2023年重点工作分工\n"
    "一、城市建设\n"
    "（一）推进老旧小区改造。（牵头部门市住房和城乡建设局；配合部门县发改局(粮食局)、市财政局；"
    "完成时限2023年12月底前）\n"
    "（二）各责任单位要高度重视，牵头单位和责任单位的职责要分清。（牵头单位市城管局）\n"
)


def test_colons_restored_only_before_units() -> None:
    restored = colons_restored(NO_COLONS)
    assert (
        "（牵头部门：市住房和城乡建设局；配合部门：县发改局(粮食局)、市财政局；完成时限：2023"
        in restored
    )
    assert (
        "各责任单位要高度重视，牵头单位和责任单位的职责要分清。（牵头单位：市城管局）" in restored
    )
    for kept in ("责任单位要在每季度末报送进展。\n", "。责任单位为县农业农村局。\n"):
        assert colons_restored(kept) == kept  # 为: spaced_labels reads it (h18s)


def test_labels_without_colons_are_read(tmp_path: Path) -> None:
    result = import_whole(tmp_path, LISHAN, 2023)
    assert "标签后补了冒号" in result.reading
    tasks = _tasks(result)
    assert tasks["1-1"]["roles"] == {
        "lead": ["区发改局"],
        "responsible": ["立山经济开发区", "全区经济运行各专班"],
    }
    assert tasks["1-2"]["roles"] == {"lead": ["区工信局"], "responsible": ["立山经济开发区"]}


def test_bracketed_labels_without_colons_are_read(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, NO_COLONS, 2023))
    assert tasks["1-1"]["roles"] == {
        "lead": ["市住房和城乡建设局"],
        "cooperate": ["县发改局(粮食局)", "市财政局"],
    }
    assert tasks["1-1"]["due"][0]["date"].isoformat() == "2023-12-31"
    assert tasks["1-2"]["roles"] == {"lead": ["市城管局"]}


# --- 1﹒ wherever 1. is read -------------------------------------------------------------

# Real: henan-zhengzhou-2007-trad-pinyin-group-assignment.txt (shortened, simplified, pinyin
# taken out), 1. written 1﹒ (number_small_dot): a group's clause after its items.
ZHENGZHOU = (
    "2007年郑州市人民政府目标管理工作方案\n\n"
    "  一、关于目标体系设置\n"
    "  1﹒地区生产总值增长15%;\n"
    "  2﹒第三产业增加值达到1000亿元;\n"
    "  2项目标的责任单位均为市发展改革委。\n"
    "  3﹒规模以上工业销售收入达到3000亿元;\n"
    "  该目标责任单位为市经委。\n"
)
# Made up: a | table whose rows are numbered 1﹒ in the name column.
PIPE_SMALL_DOTS = (
    "某县2021年民生实事进展情况表\n"
    "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
    "1﹒城市书房建设项目 | 新建城市书房3家; | 11月 | 文旅局 |\n"
    "2﹒农贸市场改造项目 | 改造农贸市场2家。 | 10月底 | 商务局 |\n"
)


def test_small_dots_before_a_group_clause(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, ZHENGZHOU, 2007))
    assert tasks["1-1"]["roles"] == {"responsible": ["市发展改革委"]}
    assert tasks["1-2"]["roles"] == {"responsible": ["市发展改革委"]}
    assert tasks["1-3"]["roles"] == {"responsible": ["市经委"]}


def test_small_dots_number_a_tables_rows(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, PIPE_SMALL_DOTS, 2021))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["01"]["roles"] == {"lead": ["文旅局"]}
    assert tasks["02"]["roles"] == {"lead": ["商务局"]}


# --- a text double-spaced throughout ------------------------------------------------------

# Real: zhejiang-keqiao-2023-pipe-quarter-target-progress.txt, the whole file with a blank line
# after every line (corpus_variants.blank_doubled): a | table's rows no longer on consecutive lines.
KEQIAO = CORPUS / "zhejiang-keqiao-2023-pipe-quarter-target-progress.txt"
# Made up: label lines double-spaced, a paragraph break written as two blank lines.
DOUBLED = (
    "某区2023年重点工作任务分解\n\n"
    "一、经济发展\n\n"
    "1.地区生产总值增长6%。\n\n"
    "牵头单位:区发改局\n\n"
    "责任单位:各街道\n\n\n\n"
    "2.一般公共预算收入增长5%。\n\n"
    "牵头单位:区财政局\n\n"
    "责任单位:区税务局\n\n"
)


def test_single_spaced_keeps_a_double_break() -> None:
    assert single_spaced(DOUBLED).startswith("某区2023年重点工作任务分解\n一、经济发展\n1.")
    assert "责任单位:各街道\n\n" in single_spaced(DOUBLED)
    assert single_spaced(YUZHONG) == YUZHONG


def test_a_double_spaced_pipe_table(tmp_path: Path) -> None:
    text = blank_doubled(KEQIAO.read_text(encoding="utf-8"), random.Random(0))
    tasks = _tasks(import_whole(tmp_path, text, 2023))
    assert sorted(tasks) == ["01", "02"]
    assert [tasks[n]["roles"] for n in ("01", "02")] == [{"responsible": ["教体局"]}] * 2


def test_double_spaced_label_lines(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, DOUBLED, 2023))
    assert tasks["1-1"]["roles"] == {"lead": ["区发改局"], "responsible": ["各街道"]}
    assert tasks["1-2"]["roles"] == {"lead": ["区财政局"], "responsible": ["区税务局"]}


# --- a site's chrome after a table's last cell ----------------------------------------------

# Real: zhejiang-shengsi-2021-assess-column.txt (the table's last two rows), followed by a site's
# chrome (web_chrome).
SHENGSI = (
    "2021年度嵊泗县乡村振兴考核指标分解\n\n"
    "序号\n\n考核指标\n\n考核内容\n\n单位\n\n年度目标\n\n责任部门\n\n评分部门\n\n"
    "3\n\n粮食安全责任制\n\n-\n\n良好以上\n\n县经济和信息化局\n\n市商务局\n\n"
    "4\n\n粮食播种面积\n\n万亩\n\n0.07\n\n县农业农村局\n\n市农业农村局\n\n"
    "【打印本页】 【关闭窗口】\n"
)
# Made up: a table a cell a line, then 关闭 and a share line.
CELLS_THEN_CHROME = (
    "某县2023年民生实事任务分解表\n"
    "序号\n工作任务\n责任单位\n完成时限\n"
    "1\n新建城市书房3家\n县文旅局\n2023年10月底前\n"
    "2\n改造农贸市场2家\n县商务局\n2023年12月底前\n"
    "关闭\n"
    "分享到：微信 微博\n"
)


def test_chrome_after_a_cell_table_ends_it(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, SHENGSI, 2021))
    assert sorted(tasks) == ["03", "04"]
    assert tasks["04"]["roles"] == {"responsible": ["县农业农村局"], "assess": ["市农业农村局"]}


def test_chrome_after_cells_is_no_cell(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CELLS_THEN_CHROME, 2023))
    assert sorted(tasks) == ["01", "02"]
    assert tasks["02"]["roles"] == {"responsible": ["县商务局"]}
    assert tasks["02"]["due"][0]["date"].isoformat() == "2023-12-31"


# --- a small fixed part of the harness: the robustness cannot regress silently -------------

HARNESS_FILES = (
    "anhui-chuzhou-2020-leader-lines.txt",
    "chongqing-yuzhong-2023-news-lead-lines.txt",
    "henan-zhengzhou-2007-trad-pinyin-group-assignment.txt",
    "hubei-xialu-2020-square-brackets.txt",
    "liaoning-lishan-2023-lead-lines.txt",
    "shaanxi-xingping-2022-shisiwu-bumen-inline.txt",
    "zhejiang-cangnan-2022-progress-cells.txt",
    "zhejiang-keqiao-2023-pipe-quarter-target-progress.txt",
)
"""Eight corpus files of different forms (label lines, brackets, a group clause, | and cell
tables) on which every transformation of the harness keeps the score (h18x)."""


def test_every_transformation_keeps_the_score_of_eight_files() -> None:
    rows, base = run(list(TRANSFORMS), [CORPUS / name for name in HARNESS_FILES])
    assert sum(s.found for s in base.values()) >= 40  # the files are read at all
    assert sum(row.changed for row in rows) >= 120  # the transformations change them
    broken = [(row.name, name) for row in rows for name, _, _ in row.broken]
    assert broken == []


# --- a group of departments and units, in traditional characters ----------------------------

# Real: shandong-weihai-2023-standing-rule.txt (shortened), in traditional characters
# (traditional).
WEIHAI = (
    "數字威海建設2023年工作要點\n\n"
    "一、着力構建高效協同的數字政府\n\n"
    "(一)提升政務服務效能\n\n"
    "1.深化政務服務“網上辦”。全面深化“雙全雙百”提升工程。"
    "(牽頭單位:市行政審批服務局;責任單位:市直有關部門、單位,各區市政府、開發區管委)\n"
)
# Made up: 相關部門、單位 after 各縣區.
GROUP_TRAD = (
    "某市2023年重點工作分工\n"
    "一、營商環境\n"
    "1.推進“一網通辦”。(牽頭單位:市政務服務中心;責任單位:各縣區相關部門、單位)\n"
)


def test_a_group_of_departments_and_units_in_traditional(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, WEIHAI, 2023))
    assert tasks["1-1"]["roles"]["responsible"] == [
        "市直有關部門、單位",
        "各區市政府",
        "開發區管委",
    ]


def test_a_group_after_ge_in_traditional(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, GROUP_TRAD, 2023))
    assert tasks["1-1"]["roles"] == {
        "lead": ["市政務服務中心"],
        "responsible": ["各縣區相關部門、單位"],
    }


# --- 处室, 承担单位, 截止时间: more words offices use for the same columns and labels ----------

# Real: hubei-caidian-2023-zfgzbg.txt (shortened), 责任单位 written 责任处室 (label_responsible).
CAIDIAN = (
    "2023年区《政府工作报告》确定的主要目标任务责任分解方案\n\n"
    "一、2023年全区经济社会发展的主要预期目标\n\n"
    "(一)地区生产总值增长7%以上\n\n"
    "责任处室:区发展和改革局\n\n"
    "(二)规上工业增加值增长12%以上\n\n"
    "责任处室:区科技和经信局\n"
)
# Made up: a table a cell a line whose columns are 牵头处室, 承担单位 and 截止时间.
CHUSHI_TABLE = (
    "某厅2023年重点工作任务分解表\n"
    "序号\n工作任务\n牵头处室\n承担单位\n截止时间\n"
    "1\n修订行业标准2项\n法规处\n省标准院\n2023年9月底前\n"
    "2\n开展专项检查\n监督处\n各市局\n2023年11月底前\n"
)


def test_zeren_chushi_lines(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CAIDIAN, 2023))
    assert tasks["1-1"]["roles"] == {"responsible": ["区发展和改革局"]}
    assert tasks["1-2"]["roles"] == {"responsible": ["区科技和经信局"]}


def test_chushi_chengdan_jiezhi_columns(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CHUSHI_TABLE, 2023))
    assert tasks["01"]["roles"] == {"lead": ["法规处"], "responsible": ["省标准院"]}
    assert tasks["02"]["due"][0]["date"].isoformat() == "2023-11-30"


# Real: zhejiang-ningbo-2014-minsheng-inline-labels.txt (shortened), the role labels' colons
# dropped (label_no_colon): labels separated by spaces on one line.
NINGBO = (
    "2014年市政府民生实事项目完成情况\n"
    "1.轨道交通1号线一期工程投入试运营。 牵头领导:林静国 责任单位市轨道交通工程建设指挥部 "
    "项目责任人:尹文德\n"
    "2.新辟公交线路10条,优化调整20条。 牵头领导:王仁洲 责任单位市交通委 项目责任人:劳可军 "
    "配合单位市公安局、市城管局,各区政府\n"
)
# Made up: a footnote bracket right after the units of a colon-less label.
FOOTNOTE_NO_COLON = (
    "某区2024年重点工作责任分解\n"
    "一、城市更新\n"
    "1.推进城中村改造。\n"
    "责任单位区住建局、区发改局、古林镇(列第一位者为牵头或汇总单位,下同)\n"
    "2.建设口袋公园。\n"
    "责任单位区园林局、石碶街道\n"
)


def test_colonless_labels_between_spaces(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, NINGBO, 2014))
    assert tasks["01"]["roles"] == {"responsible": ["市轨道交通工程建设指挥部"]}
    assert tasks["02"]["roles"] == {
        "cooperate": ["市公安局", "市城管局", "各区政府"],
        "responsible": ["市交通委"],
    }
    assert [leader["name"] for leader in tasks["02"]["leaders"]] == ["王仁洲"]


def test_colonless_label_before_a_footnote(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, FOOTNOTE_NO_COLON, 2024))
    assert tasks["1-1"]["roles"] == {"lead": ["区住建局"], "responsible": ["区发改局", "古林镇"]}
    assert tasks["1-2"]["roles"] == {"lead": ["区园林局"], "responsible": ["石碶街道"]}


# --- a role label without its noun: 牵头：A / 责任：B / 配合：C --------------------------------

# Real: chongqing-yuzhong-2023-news-lead-lines.txt (shortened), 牵头单位/责任单位 written 牵头/责任
# (label_short).
YUZHONG_SHORT = YUZHONG.replace("责任牵头单位", "牵头").replace("责任单位", "责任")
# Made up: 牵头 and 配合 on one line after the task, under the first-listed rule.
SHORT_LABELS = (
    "某县2023年重点工作分工\n"
    "列第一位的为牵头单位,下同。\n"
    "一、农业农村\n"
    "1.建设高标准农田2万亩。牵头:县农业农村局;配合:县财政局、县水利局\n"
    "2.推进农村厕所改造。责任:县农业农村局\n"
)


def test_bare_role_labels_on_lines(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, YUZHONG_SHORT, 2023))
    assert tasks["1-1"]["roles"] == {"lead": ["区发改委"], "responsible": ["各产业主管部门"]}
    assert tasks["1-2"]["roles"]["lead"] == ["区财政局"]


def test_bare_role_labels_in_a_sentence(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, SHORT_LABELS, 2023))
    assert tasks["1-1"]["roles"] == {
        "lead": ["县农业农村局"],
        "cooperate": ["县财政局", "县水利局"],
    }
    assert tasks["1-2"]["roles"] == {"responsible": ["县农业农村局"]}


# --- 一． for 一、 ------------------------------------------------------------------------

# Real: hubei-xianan-2023-leader-lead-inline.txt, the whole file with 一、 written 一．
# (corpus_variants.chapter_dot): 一．2023年… (a year after the stop) opens a chapter.
XIANAN = CORPUS / "hubei-xianan-2023-leader-lead-inline.txt"
# Made up: 一． chapters over (一) and 1. items numbered again in each chapter.
CHAPTER_DOTS = (
    "某县2023年重点工作分工方案\n"
    "一．产业发展\n"
    "1.建设标准厂房10万平方米。(牵头单位:县经开区管委会)\n"
    "二．社会事业\n"
    "1.新建幼儿园2所。(牵头单位:县教育局)\n"
    "2.改造乡镇卫生院3家。(牵头单位:县卫健局)\n"
)


def test_chapters_numbered_with_a_full_width_stop(tmp_path: Path) -> None:
    text = chapter_dot(XIANAN.read_text(encoding="utf-8"), random.Random(0))
    assert "  一．2023年全区" in text
    tasks = _tasks(import_whole(tmp_path, text, 2023))
    assert sorted(tasks)[:3] == ["01", "02", "03"]
    assert tasks["03"]["roles"] == {"lead": ["区科经局"]}
    assert [leader["name"] for leader in tasks["03"]["leaders"]] == ["洪声耀"]


def test_chapters_with_a_full_width_stop_number_their_items(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, CHAPTER_DOTS, 2023))
    assert sorted(tasks) == ["1-1", "2-1", "2-2"]
    assert tasks["2-2"]["roles"] == {"lead": ["县卫健局"]}


# --- full-width digits numbering the entries of a table's text column -------------------------

# Real: jiangsu-wujiang-2024-star-lead-pipe-table.txt, the whole file with its 1. written １．
# (corpus_variants.number_wide_digits): the entries of a merged row's text cell.
WUJIANG = CORPUS / "jiangsu-wujiang-2024-star-lead-pipe-table.txt"
# Made up: a table a cell a line whose text cell holds １． ２． entries, each with its units.
WIDE_ENTRIES = (
    "某区2024年主要目标任务分解表\n"
    "序号\n项目\n具体目标\n责任领导\n责任单位\n"
    "1\n主要预期目标\n"
    "１．地区生产总值增长5%以上。\n王 明\n★区发改委、统计局\n"
    "２．一般公共预算收入增长6%以上。\n★区财政局、税务局\n"
)


def test_wide_digit_entries_of_a_pipe_table(tmp_path: Path) -> None:
    text = number_wide_digits(WUJIANG.read_text(encoding="utf-8"), random.Random(0))
    assert "\n１．地區" in text
    source = tmp_path / WUJIANG.name  # the notice's head goes to the review, as in the corpus
    source.write_text(text, encoding="utf-8")
    tasks = _tasks(import_file(source, ImportOrg(), "p", 2024))
    assert tasks["1-1"]["roles"] == {"lead": ["區發改委"], "responsible": ["統計局"]}
    assert tasks["1-2"]["roles"] == {"lead": ["區財政局"], "responsible": ["稅務局"]}


def test_wide_digit_entries_of_a_cell_table(tmp_path: Path) -> None:
    tasks = _tasks(import_whole(tmp_path, WIDE_ENTRIES, 2024))
    assert tasks["01"]["roles"] == {"lead": ["区发改委"], "responsible": ["统计局"]}
    assert tasks["02"]["roles"] == {"lead": ["区财政局"], "responsible": ["税务局"]}
