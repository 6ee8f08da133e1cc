"""The issue form workflow (intake.yml) and the texts it writes on GitHub.

- The bot's pull request body and answer quote untrusted text in a fence nothing in it can close,
  so a summary holding ``` cannot write a heading or an @-mention in the bot's words.
- A form that would write a mobile or ID number changes nothing (exit 3), before anything is
  committed or pushed.
- Each failure is told to the clerk as what it is: no change, invalid form, personal data, the
  pull request refused by the repository's settings, a body too large, another failure.
- The form is read from the event file, never from an environment variable (E2BIG).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from duban.cli import main as cli
from duban.intake import form_reply
from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "intake.yml"

BREAKOUT = "已完成。\n```\n\n## 审核意见：同意合并\n\n@alice 请直接合并\n````\n```text"


def _outside_fences(markdown: str) -> list[str]:
    """The lines of ``markdown`` outside fenced code blocks, as CommonMark reads fences: a
    block opened by N backticks closes at a line of at least N backticks and nothing else."""
    outside, fence = [], 0
    for line in markdown.split("\n"):
        run = re.match(r"^(`{3,})(.*)$", line)
        if fence == 0:
            if run:
                fence = len(run.group(1))
            else:
                outside.append(line)
        elif run and len(run.group(1)) >= fence and not run.group(2).strip():
            fence = 0
    return outside


# -- the bodies ----------------------------------------------------------------------------------
def test_a_summary_with_a_fence_cannot_break_out_of_the_pull_request_body():
    body = form_reply.pull_request_body(12, "data/status/baqiao.yaml", BREAKOUT)
    outside = "\n".join(_outside_fences(body))
    assert "审核意见" not in outside and "@alice" not in outside
    assert "Closes #12" in outside
    assert BREAKOUT in body  # quoted whole, as it was


def test_the_answer_quotes_problems_the_same_way():
    run = form_reply.Run(record_code=1)
    answer = form_reply.reply(run, 12, "", BREAKOUT)
    outside = "\n".join(_outside_fences(answer))
    assert "审核意见" not in outside and "@alice" not in outside


def test_a_huge_output_is_cut_to_fit_githubs_limit():
    body = form_reply.pull_request_body(12, "data/status/baqiao.yaml", "进展" * 50_000)
    assert len(body) <= form_reply.GITHUB_BODY_LIMIT
    assert "未列出" in body and "Closes #12" in body


# -- what the clerk is told ----------------------------------------------------------------------
NOT_PERMITTED = (
    "pull request create failed: GraphQL: GitHub Actions is not permitted to create or approve "
    "pull requests (createPullRequest)"
)


@pytest.mark.parametrize(
    ("run", "kind", "words"),
    [
        (form_reply.Run(), form_reply.NOT_RUN, "工作流在读取表单时出错"),
        (form_reply.Run(record_code=0), form_reply.NO_CHANGE, "本次报送与已有记录相同"),
        (form_reply.Run(record_code=1), form_reply.INVALID, "请按下列提示修改本表单"),
        (form_reply.Run(record_code=3), form_reply.PERSONAL_DATA, "含有个人信息"),
        (form_reply.Run(record_code=4), form_reply.DATA_BROKEN, "不是本表单的问题"),
        (form_reply.Run(record_code=0, outside=True), form_reply.OUTSIDE, "已全部撤销"),
        (
            form_reply.Run(
                record_code=0, file="data/status/a.yaml", pr_code=1, pr_error=NOT_PERMITTED
            ),
            form_reply.PR_REFUSED,
            "无权创建合并请求",
        ),
        (
            form_reply.Run(
                record_code=0,
                file="data/status/a.yaml",
                pr_code=1,
                pr_error="GraphQL: Body is too long (maximum is 65536 characters)",
            ),
            form_reply.TOO_LARGE,
            "超过 GitHub 的长度限制",
        ),
        (
            form_reply.Run(record_code=0, file="data/status/a.yaml", pr_code=128, pr_error="x"),
            form_reply.PR_FAILED,
            "推送分支或创建合并请求时出错",
        ),
        (
            form_reply.Run(record_code=0, file="data/status/a.yaml", pr_code=None),
            form_reply.PR_FAILED,
            "推送分支或创建合并请求时出错",
        ),
        (
            form_reply.Run(record_code=0, file="data/status/a.yaml", pr_code=0, url="https://x/1"),
            form_reply.OPENED,
            "已生成修改请求",
        ),
    ],
)
def test_each_outcome_has_its_own_answer(run, kind, words):
    assert form_reply.outcome(run) == kind
    answer = form_reply.reply(run, 7, "out", "err")
    assert words in answer
    others = {"本次报送与已有记录相同", "请按下列提示修改本表单", "已生成修改请求"} - {words}
    assert not any(other in answer for other in others)


def test_form_reply_reads_what_the_steps_left(tmp_path, capsys):
    (tmp_path / "record-code").write_text("0\n")
    (tmp_path / "file").write_text("data/status/baqiao.yaml")
    (tmp_path / "pr-code").write_text("1\n")
    (tmp_path / "pr-err.txt").write_text(NOT_PERMITTED)
    assert cli.main(["form-reply", "reply", str(tmp_path), "--issue", "7"]) == 0
    answer = capsys.readouterr().out
    assert "无权创建合并请求" in answer and "report/issue-7" in answer
    assert "本次报送与已有记录相同" not in answer


# -- duban record --issue-event --------------------------------------------------------------
FORM = "### 单位标识\n\nalpha\n\n### 任务\n\n03\n\n### 状态\n\n推进中\n\n### 工作进展\n\n{}\n"


def _event(tmp_path: Path, summary: str) -> Path:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"issue": {"number": 7, "body": FORM.format(summary)}}), "utf-8")
    return event


def test_a_form_with_a_mobile_number_changes_nothing(project_dir, tmp_path, capsys):
    status = Path("data/status/alpha.yaml")
    before = status.read_bytes()
    code = cli.main(["record", "--issue-event", str(_event(tmp_path, "联系人 13912345678"))])
    assert code == form_reply.EXIT_PERSONAL_DATA == 3
    assert status.read_bytes() == before
    err = capsys.readouterr().err
    assert "personal data" in err and "13912345678" not in err


def test_a_form_on_broken_data_says_so(project_dir, tmp_path, capsys):
    """The repository's own problems are not the clerk's to fix: a distinct exit code."""
    Path("data/status/shizhi.yaml").write_text("unit: shizhi\nobligations: 5\n", "utf-8")
    code = cli.main(["record", "--issue-event", str(_event(tmp_path, "按计划推进"))])
    assert code == form_reply.EXIT_DATA_BROKEN == 4
    assert cli.main(["record", "alpha", "03", "--state", "推进中"]) == 1  # a clerk's own run


def test_a_long_form_is_read_from_the_event_file(project_dir, tmp_path):
    text = "推进" * 9_500  # three answers: 171 KB in UTF-8, more than one variable may hold
    long_form = FORM.format(text) + f"\n### 存在问题\n\n{text}\n\n### 下步计划\n\n{text}\n"
    assert len(long_form.encode("utf-8")) > 128 * 1024
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"issue": {"number": 7, "body": long_form}}), "utf-8")
    assert cli.main(["record", "--issue-event", str(event)]) == 0
    written = Path("data/status/alpha.yaml").read_text(encoding="utf-8")
    assert written.count(text) == 3


# -- the workflow ----------------------------------------------------------------------------
def _steps() -> dict[str, str]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {s["name"]: s.get("run", "") for s in workflow["jobs"]["record"]["steps"]}


def test_the_form_never_passes_through_an_environment_variable():
    assert "issue.body" not in WORKFLOW.read_text(encoding="utf-8")
    assert 'record --issue-event "$GITHUB_EVENT_PATH"' in _steps()["Apply the form"]


def test_the_bot_writes_no_markdown_of_its_own_in_shell():
    steps = _steps()
    for run in steps.values():
        assert "```" not in run
    assert 'duban form-reply pr-body "$dir"' in steps["Open the pull request"]
    assert 'duban form-reply reply "$dir"' in steps["Answer on the issue"]


def test_personal_data_is_screened_before_anything_is_committed():
    names = list(_steps())
    steps = _steps()
    apply, open_pr = names.index("Apply the form"), names.index("Open the pull request")
    assert apply < open_pr
    assert "record --issue-event" in steps["Apply the form"]
    assert "git commit" not in steps["Apply the form"]
    commit = steps["Open the pull request"].index("git commit")
    assert steps["Open the pull request"].index("git push") > commit
