"""Round h18bb (issue 18): one reader of what a unit's name is (plan_import.unit_names).

Each test shows two readers that used to disagree on a made-up name now reading it alike: the
lists of a unit's name's endings were merged into one, and the groups of levels of government
(各县、市、区政府 / 各市（州）、县（市、区）/ 相关市、县政府) are read by one function."""

from __future__ import annotations

from duban.plan_import.cell_rows import cell_type
from duban.plan_import.clauses import find_clause, split_names
from duban.plan_import.label_colons import colons_restored
from duban.plan_import.leading_by import unit_name
from duban.plan_import.long_lists import names_with_verbs as long_names
from duban.plan_import.role_cells import role_cell
from duban.plan_import.subject_units import subject_clause
from duban.plan_import.trailing_roles import trailing_roles
from duban.plan_import.unit_brackets import names_only

# --- groups of levels of government: one reader for a clause's names and a sentence's subject ---


def test_a_sentence_subject_keeps_a_bracketed_group_of_levels_whole() -> None:
    """subject_units read only 各X、Y… groups that open with 各 and hold nothing after them;
    the clause's names (split_names) read 相关县（市、区） and a group followed by 和 already."""
    text = "相关县（市、区）要于每年6月底前报送整改台账。"
    assert split_names("相关县（市、区）") == ["相关县（市、区）"]
    clause = subject_clause(text)
    assert clause is not None
    assert clause.roles == {"responsible": ["相关县（市、区）"]}


def test_a_sentence_subject_reads_a_group_of_levels_before_another_unit() -> None:
    text = "各市（州）、县（市、区）人民政府和省直有关部门要于每季度末报送进展。"
    clause = subject_clause(text)
    assert clause is not None
    assert clause.roles == {"responsible": ["各市（州）、县（市、区）人民政府", "省直有关部门"]}
    assert split_names("各市（州）、县（市、区）人民政府和省直有关部门") == [
        "各市（州）、县（市、区）人民政府",
        "省直有关部门",
    ]


def test_a_bracket_of_names_reads_its_groups_as_the_clause_does() -> None:
    assert names_only("各县、市、区政府、市交通局")
    assert names_only("相关市、县政府")


# --- the endings of a unit's name: one list, each reader's variant a named part of it ---


def test_a_clause_without_role_words_reads_a_name_a_bracket_of_names_reads() -> None:
    """clauses.NAME_SUFFIX lacked 署 (海关总署), which unit_brackets.UNIT_NAME and the long
    bracket's list knew: the names with no role word were left unread."""
    assert names_only("海关总署、市商务局")
    clause = find_clause("（分管领导：张三；海关总署、市商务局，6月底完成）")
    assert clause is not None
    assert clause.roles == {"responsible": ["海关总署", "市商务局"]}
    assert clause.unread == []


def test_a_name_before_he_is_cut_where_every_reader_sees_a_name_end() -> None:
    assert split_names("审计署和市财政局") == ["审计署", "市财政局"]


def test_a_label_without_its_colon_reads_the_same_names() -> None:
    """label_colons kept a list of its own, without 署."""
    assert colons_restored("牵头单位海关总署；配合单位市商务局") == (
        "牵头单位：海关总署；配合单位：市商务局"
    )


def test_the_last_name_after_huitong_ends_where_a_name_ends() -> None:
    """step_actors.LAST_NAME lacked 所 (and 处 室 站 队 …): the verb's words were read as part of
    the last unit's name (县卫生监督所对学校食堂进行)."""
    clause = subject_clause(
        "加强学校食堂监管。县教育局会同县疾控中心、县卫生监督所对学校食堂进行指导。"
    )
    assert clause is not None
    assert clause.roles == {"supervise": ["县教育局"], "cooperate": ["县疾控中心", "县卫生监督所"]}


def test_a_cell_of_one_unit_reads_as_a_bracket_does() -> None:
    """cell_rows.UNIT_END lacked 台 (气象台, 电视台), which unit_brackets.UNIT_NAME knew."""
    for name in ("县气象台", "市广播电视台"):
        assert names_only(name)
        assert cell_type(name) == "unit"
    assert cell_type("召开全县动员大会") == "text"  # a cell of work: no loose 会


def test_an_open_list_is_one_pattern_for_brackets_and_labels() -> None:
    """unit_brackets kept its own copy of the open list's tail, with 等各部门, which
    open_lists.OPEN_SUFFIX lacked: the label kept 市发改委等各部门 as one unit."""
    assert names_only("市发改委等各部门")
    clause = find_clause("（牵头单位：市发改委等各部门）")
    assert clause is not None
    assert clause.roles == {"lead": ["市发改委"]}
    assert clause.open_list == ["市发改委等各部门"]


def test_a_bracket_after_a_task_ending_in_a_loose_word_is_the_task_s_units() -> None:
    """The text before a closing bracket may be a task's words: it names a unit only when it
    ends with a word no ordinary phrase ends with (大会 ends a phrase, not a 会's name)."""
    clause = find_clause("召开全县安全生产动员大会（县应急局）")
    assert clause is not None
    assert clause.roles == {"responsible": ["县应急局"]}
    assert find_clause("各县（市、区）政府（管委会）") is None


def test_a_long_bracket_reads_the_names_a_short_one_reads() -> None:
    """long_lists.UNIT_END lacked 关 (海关), which unit_brackets.UNIT_NAME knew."""
    names = "、".join(f"{place}海关" for place in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未")
    assert names_only(names)
    assert long_names(names + "按职责分工负责")


def test_a_sentence_subject_is_no_unit_for_a_loose_ending() -> None:
    """leading_by.unit_name reads a sentence's words: 出庭 (庭) or 大会 (会) end no unit there,
    where a list of names (clauses) takes them (人民法庭, 市交委会)."""
    assert unit_name("严格落实行政机关负责人出庭") is None
    assert unit_name("县人民法庭") == "县人民法庭"
    assert split_names("县人民法庭和县司法局") == ["县人民法庭", "县司法局"]


def test_a_closing_sentence_reads_a_group_of_levels_as_a_clause_does() -> None:
    """trailing_roles cut 各县、市、区政府 at its 、 and found 市 no unit: the sentence was not
    read, though a clause's names (split_names) keep the group whole."""
    found = trailing_roles("推进老旧小区改造。市住建局牵头，相关市、县政府配合。")
    assert found is not None
    assert found[2] == "市住建局牵头，相关市、县政府配合"
    assert split_names("相关市、县政府") == ["相关市、县政府"]


def test_a_unit_cell_in_traditional_characters_reads_as_its_bracket_does() -> None:
    """role_cells passed the names as written to a reader of folded names (縣財政廳: 廳)."""
    assert role_cell("縣財政廳牵头，縣審計廳配合")
    clause = find_clause("（縣財政廳牵头，縣審計廳配合）")
    assert clause is not None
    assert clause.roles == {"lead": ["縣財政廳"], "cooperate": ["縣審計廳"]}
