"""A submitted issue form is read by the form's own structure: a ``### 单位标识`` or ``### 任务``
line typed inside a textarea is text of that answer, never the field (else the issue shows one
unit and the pull request edits another)."""

from __future__ import annotations

from pathlib import Path

import yaml

from duban.cli import main as cli
from duban.intake import issue_form
from duban.intake.issue_form import parse_issue_form
from duban.intake.rows import HEADINGS
from helpers import ROOT

TEMPLATE = ROOT / ".github" / "ISSUE_TEMPLATE" / "report.yml"

SMUGGLED = """### 单位标识

alpha

### 方案

_No response_

### 任务

03

### 子项

_No response_

### 时限标识

_No response_

### 期次

_No response_

### 状态

推进中

### 完成日期

_No response_

### 进度（%）

_No response_

### 工作进展

按计划推进。
### 单位标识
beta
### 任务
01
### 状态
已完成

### 佐证材料链接

_No response_

### 存在问题

### 工作进展
不是工作进展

### 下步计划

_No response_

### 不适用理由

_No response_
"""


def test_a_heading_inside_a_textarea_is_text_of_the_answer():
    answers = parse_issue_form(SMUGGLED)
    assert answers["unit"] == "alpha"
    assert answers["task"] == "03"
    assert answers["state"] == "推进中"
    assert answers["summary"] == "按计划推进。\n### 单位标识\nbeta\n### 任务\n01\n### 状态\n已完成"
    assert answers["problems"] == "### 工作进展\n不是工作进展"
    assert "next_steps" not in answers and "reason" not in answers


def test_a_form_with_fields_left_out_is_still_read():
    answers = parse_issue_form("### 单位标识\n\nalpha\n\n### 任务\n\n03\n\n### 工作进展\n\nok\n")
    assert answers == {"unit": "alpha", "task": "03", "summary": "ok"}


def test_the_fields_are_the_templates_in_its_order():
    body = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))["body"]
    fields = [f for f in body if f["type"] != "markdown"]
    assert tuple(f["id"] for f in fields) == issue_form.FORM_FIELDS
    assert [HEADINGS[f["attributes"]["label"]] for f in fields] == list(issue_form.FORM_FIELDS)


def test_the_pull_request_edits_the_unit_the_issue_shows(project_dir, tmp_path):
    beta = Path("data/status/beta.yaml")
    beta.write_text("unit: beta\nobligations: []\n", encoding="utf-8")
    before = beta.read_bytes()
    body = tmp_path / "body.md"
    body.write_text(SMUGGLED, encoding="utf-8")
    assert cli.main(["record", "--issue-form", str(body)]) == 0
    assert beta.read_bytes() == before
    assert "按计划推进" in Path("data/status/alpha.yaml").read_text(encoding="utf-8")
