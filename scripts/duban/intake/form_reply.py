"""What the 报送进展 workflow (``.github/workflows/intake.yml``) writes on GitHub: the body of the
pull request it opens, and its answer on the issue, chosen by what really happened.

Everything quoted from the form or from duban's output is untrusted text. It is put in a fenced
code block whose fence is longer than any run of backticks in it (CommonMark: a fence closes
only with at least as many backticks as opened it), so it cannot close the block and write a
heading or a link in the bot's words; inside code GitHub finds no @-mention. Both bodies are cut
to fit GitHub's limit (65,536 characters), the cut said in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GITHUB_BODY_LIMIT = 65_536
"""GitHub refuses a pull request body or a comment longer than this (in characters)."""
_QUOTE_LIMIT = 60_000
_BACKTICKS = re.compile(r"`+")

# What happened, in the order the workflow finds it out.
NOT_RUN = "not-run"
DATA_BROKEN = "data-broken"
NO_CHANGE = "no-change"
INVALID = "invalid"
PERSONAL_DATA = "personal-data"
OUTSIDE = "outside"
PR_REFUSED = "pr-refused"
TOO_LARGE = "too-large"
PR_FAILED = "pr-failed"
OPENED = "opened"
OUTCOMES = (
    NOT_RUN,
    NO_CHANGE,
    INVALID,
    PERSONAL_DATA,
    OUTSIDE,
    PR_REFUSED,
    TOO_LARGE,
    PR_FAILED,
    OPENED,
)

EXIT_PERSONAL_DATA = 3
"""``duban record``'s exit code for a form whose change would write personal data (cli/clerk.py)."""
EXIT_DATA_BROKEN = 4
"""``duban record``'s exit code for a form when the repository's data is invalid before it."""


def code_block(text: str, limit: int = _QUOTE_LIMIT) -> str:
    """``text`` as a fenced code block nothing in it can close (cut to ``limit`` characters)."""
    if len(text) > limit:
        text = text[:limit] + f"\n…（以下 {len(text) - limit} 个字符未列出）"
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def pull_request_body(issue: int, file: str, output: str) -> str:
    """The bot's pull request: which form, which file, and duban's account of the change."""
    body = "\n".join(
        [
            f"由报送表单 #{issue} 自动生成，只修改 `{_plain(file)}`。",
            "",
            code_block(output),
            "",
            f"Closes #{issue}",
            "",
        ]
    )
    return _fit(body)


@dataclass(frozen=True)
class Run:
    """What the workflow's steps left behind (each empty or 0 when the step did not run)."""

    record_code: int | None = None
    """``duban record``'s exit code (None: the step did not get that far)."""
    file: str = ""
    """The one status file it changed ("" if none)."""
    outside: bool = False
    """It changed something other than one status file (refused, undone)."""
    pr_code: int | None = None
    """Pushing the branch and opening (or updating) the pull request: exit code, None if it
    was not tried."""
    pr_error: str = ""
    """What ``git push`` or ``gh pr create`` / ``gh pr edit`` printed on failure."""
    url: str = ""


def outcome(run: Run) -> str:
    """Which of :data:`OUTCOMES` the run is: each has its own answer to the clerk."""
    if run.record_code is None:
        return NOT_RUN
    if run.record_code == EXIT_PERSONAL_DATA:
        return PERSONAL_DATA
    if run.record_code == EXIT_DATA_BROKEN:
        return DATA_BROKEN
    if run.record_code != 0:
        return INVALID
    if run.outside:
        return OUTSIDE
    if not run.file:
        return NO_CHANGE
    if run.pr_code is None or run.pr_code != 0 or not run.url:
        return pr_failure(run.pr_error)
    return OPENED


def pr_failure(error: str) -> str:
    """Why the pull request could not be opened, from what git or gh printed."""
    text = error.lower()
    if "not permitted to create or approve pull requests" in text or (
        "resource not accessible by integration" in text
    ):
        return PR_REFUSED
    if "too long" in text or "argument list too long" in text or "e2big" in text:
        return TOO_LARGE
    return PR_FAILED


def reply(run: Run, issue: int, output: str, errors: str) -> str:
    """The answer on the issue, in Chinese, saying what happened and what to do next."""
    kind = outcome(run)
    branch = f"report/issue-{issue}"
    if kind == NOT_RUN:
        lines = [
            "未能处理本次报送：工作流在读取表单时出错，没有写入任何内容（这不是表单填写的问题）。"
            "请稍后编辑本表单重试；仍不成功时请联系督办部门的维护人员查看工作流日志。",
        ]
    elif kind == DATA_BROKEN:
        lines = [
            "未能报送：仓库中的数据本身已有问题（不是本表单的问题），任何报送都无法写入。"
            "请督办部门的维护人员先修正下列问题；修正后编辑本表单即可重试，表单内容无需改动。",
            "",
            code_block(errors),
        ]
    elif kind == OPENED:
        lines = [
            f"已生成修改请求，等待本单位维护人员和督办机构审核：{_plain(run.url)}",
            "",
            code_block(output),
        ]
    elif kind == NO_CHANGE:
        lines = ["本次报送与已有记录相同，没有需要修改的内容。", "", code_block(output)]
    elif kind == INVALID:
        lines = [
            "未能报送，请按下列提示修改本表单（编辑后会自动重试）：",
            "",
            code_block(errors),
        ]
    elif kind == PERSONAL_DATA:
        lines = [
            "未能报送：表单中含有个人信息（手机号码、身份证号码或电子邮箱），这些内容会公开发布，"
            "因此没有写入任何文件，也没有推送。请删除这些内容后编辑本表单（编辑后会自动重试）：",
            "",
            code_block(errors),
        ]
    elif kind == OUTSIDE:
        lines = [
            "未能报送：这次报送改动了本单位状态文件以外的内容，已全部撤销。"
            "这不是表单填写的问题，请联系督办部门的维护人员处理。",
        ]
    elif kind == PR_REFUSED:
        lines = [
            f"报送内容已通过校验，但工作流无权创建合并请求（GitHub 设置未允许 GitHub Actions 创建合并请求），"
            f"修改已推送到分支 `{branch}`（如推送也被拒绝则未推送）。请督办部门的维护人员据此手动创建合并请求，"
            "或在 Settings → Actions → General 中调整设置后编辑本表单重试。无需修改表单内容。",
            "",
            code_block(run.pr_error),
        ]
    elif kind == TOO_LARGE:
        lines = [
            "未能创建合并请求：内容超过 GitHub 的长度限制。请缩短“工作进展”“存在问题”“下步计划”等文字"
            "（详细材料请以佐证链接提供）后编辑本表单重试。",
            "",
            code_block(run.pr_error),
        ]
    else:
        lines = [
            "报送内容已通过校验，但推送分支或创建合并请求时出错（见下）。请稍后编辑本表单重试；"
            "仍不成功时请联系督办部门的维护人员。",
            "",
            code_block(run.pr_error),
        ]
    return _fit("\n".join([*lines, ""]))


def _plain(text: str) -> str:
    """A file name or URL we made ourselves, as one line without backticks or @."""
    return re.sub(r"[`@\s]", "", text)


def _fit(body: str) -> str:
    """At most GitHub's limit (the quoted blocks are cut first, so this rarely cuts)."""
    if len(body) <= GITHUB_BODY_LIMIT:
        return body
    return body[: GITHUB_BODY_LIMIT - 40] + "\n\n…（内容过长，以下未列出）\n"
