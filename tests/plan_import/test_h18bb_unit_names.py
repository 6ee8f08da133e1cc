"""Round h18bb (issue 18): one reader of what a unit's name is (plan_import.unit_names).

Each test shows two readers that used to disagree on a made-up name now reading it alike: the
lists of a unit's name's endings were merged into one, and the groups of levels of government
(各县、市、区政府 / 各市（州）、县（市、区）/ 相关市、县政府) are read by one function."""

from __future__ import annotations

from duban.plan_import.clauses import split_names
from duban.plan_import.subject_units import subject_clause
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
