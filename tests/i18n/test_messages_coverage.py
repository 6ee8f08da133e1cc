"""Every problem a clerk or the office can meet is printed in Chinese by default: the case
folders' expected lines, and the messages of rules that no case folder reaches."""

from __future__ import annotations

import re

import pytest

from duban.i18n.messages import translate
from helpers import CASES

CJK = re.compile(r"[\u4e00-\u9fff]")

# Messages of the many-plans layout, organisation and supervision rules, written as the code
# makes them (values filled in).
MESSAGES = [
    "'beta' has no maintainers: list the office's GitHub accounts there",
    "2013-06-30 is outside the plan period 2010-01-01..2012-12-31 (write after_period: true if "
    "the text sets it so)",
    "'x' is not a kind of org.yaml (a, b)",
    "'x' is not a unit: a body's duties are carried by one unit",
    "lists 3 members but expected_count is 4",
    "holds more than 10,000 files: split the data or remove files",
    "this data folder uses the first layout: move it to plans/<plan-id>/plan.yaml (<plan-id> is "
    "the plan's id; see docs/data-format.md)",
    "'beta' does not answer for follow-up 'rectification' of task 05, so no rectification "
    "deadline can be set for it",
    "'2010' is not a quarter period (rule 'k' ranks every quarter)",
    "rule id 'x' is already used by plan 'p': records name rules by id, so ids are unique "
    "across plans",
    "rules.yaml has no grading rule 'g' (grading rules: none)",
    "rules.yaml has no ladder that covers task 05",
    "there is no section 9 in plan.yaml (sections: 1, 2)",
    "nobody holds this deadline: name responsible or lead units (or applies_to)",
    "plan is required: this folder holds several plans (a, b)",
    "there is no plan 'x' (plans: a, b)",
    "task 2-1 has no sub-item '9' (its sub-items: 1, 2)",
    "is ignored: plans/ holds one folder per plan, plans/<plan-id>/",
    "is ignored: name a plan folder by the plan's id (a-z, 0-9, -)",
    "a year has 12 month(s): use 1..12",
    "is required: the duty counts 学时",
    "is required: give the task, or at least one of its sub-items, a deadline",
    "2024-01-01 is outside the period 2023 (2023-01-01..2023-12-31)",
    "has more than 500 items",
]


@pytest.mark.parametrize("message", MESSAGES)
def test_the_message_has_chinese_words(message):
    translated = translate(message, "zh")
    assert translated != message and CJK.search(translated), translated


def test_every_expected_problem_of_the_case_folders_is_in_chinese():
    english = [
        line
        for expected in sorted(CASES.glob("invalid/*/expected.txt"))
        for line in expected.read_text(encoding="utf-8").splitlines()
        if not CJK.search(line.split(": ", 2)[-1])
    ]
    assert english == []
