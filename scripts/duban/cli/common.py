"""What every command shares: exit codes, one-line usage errors, printing problems, reading
``--as-of`` (the one place the clock is read), narrowing to ``--plan`` and writing ``-o``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from duban.evaluation.evaluate import Evaluation, evaluate
from duban.i18n.dates import iso_date
from duban.i18n.messages import say
from duban.i18n.os_errors import os_reason
from duban.load.files import write_atomically
from duban.load.project import Project, load_project
from duban.model.model import Model
from duban.model.problems import Problem, printable, shown

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INVALID_DATA = 2  # for check and report: 1 already means "items match --fail-on"
EXIT_INTERNAL = 70


class UsageError(Exception):
    """A wrong argument found after parsing: printed as one line, exit code 2."""


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def report_problems(problems: Sequence[Problem], stream: TextIO | None = None) -> None:
    """Print each problem on its own line; in GitHub Actions also as an annotation."""
    stream = stream or sys.stderr
    lines, more = shown(problems)
    for problem in lines:
        print(problem, file=stream)
    if more:
        print(more, file=stream)
    if in_github_actions():
        for problem in lines:
            print(problem.github_annotation(), file=sys.stdout)
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    english = f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}"
    print(say(english, f"{files} 个文件中共 {len(problems)} 个问题"), file=stream)


def report_warnings(warnings: Sequence[Problem]) -> None:
    """One line per warning (``warning:`` in the message); no count: they do not fail."""
    lines, more = shown(warnings)
    for warning in lines:
        print(warning, file=sys.stderr)
    if more:
        print(more.replace("problems", "warnings").replace("问题", "警告"), file=sys.stderr)
    if in_github_actions():
        for warning in lines:
            print(warning.github_annotation(), file=sys.stdout)


def load_or_report(data_dir: Path, cache: Path | None = None, texts: bool = True) -> Project:
    """The project, its warnings and problems printed; ``texts`` False: a model without what
    holders wrote (``Model.texts``), for a command that never shows it."""
    project = load_project(data_dir, cache=cache, texts=texts)
    report_warnings(project.warnings)
    if not project.ok:
        report_problems(project.problems)
    return project


def write_output(text: str | bytes, output: str | None) -> None:
    """Write to stdout, or atomically to a file (never a half-written file). Bytes (a .docx,
    an .xlsx) are written as they are."""
    if output in (None, "-"):
        if isinstance(text, bytes):
            if sys.stdout.isatty():  # a workbook's bytes would garble the clerk's terminal
                raise UsageError(
                    say(
                        "this format is a binary file: write it with -o FILE",
                        "该格式是二进制文件，不能显示在终端上：请用 -o 文件名 写入文件",
                    )
                )
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    target = Path(output)
    content = text if isinstance(text, bytes) else text.encode("utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, content)
    except OSError as error:
        reason = os_reason(error)
        shown = printable(output)
        raise UsageError(
            say(f"-o: cannot write {shown}: {reason}", f"-o：无法写入 {shown}：{reason}")
        ) from None
    report_written(output, len(content))


def report_written(path: str, size: int) -> None:
    """One line on stderr after a file is written: its path as typed and its size."""
    shown = printable(path)
    print(
        say(f"wrote {shown} ({size:,} bytes)", f"已写入 {shown}（{size:,} 字节）"),
        file=sys.stderr,
    )


def as_of_date(text: str | None) -> dt.date:
    """``--as-of``, or today: the only place the clock is read."""
    if text is None:
        return dt.date.today()
    return parse_as_of(text)


def parse_as_of(text: str) -> dt.date:
    found = iso_date(text)
    if found is None:
        shown = text  # main prints it escaped (printable)
        raise UsageError(
            say(
                f"--as-of: {shown!r} is not a valid date (write YYYY-MM-DD)",
                f"--as-of：“{shown}”不是有效日期（请写成 YYYY-MM-DD，如 2011-03-15）",
            )
        )
    return found


def as_of_argument(text: str) -> dt.date:
    """``--as-of`` read by argparse (its own message on a wrong date)."""
    try:
        return parse_as_of(text)
    except UsageError as error:
        message = str(error).removeprefix("--as-of: ").removeprefix("--as-of：")
        raise argparse.ArgumentTypeError(message) from None


def site_url_argument(text: str) -> str:
    """``--site-url``: the published site's address, put into links of issues, reports and
    reminders; https only, no spaces, quotes or control characters (never ``javascript:``)."""
    if not re.fullmatch(r"https://[^\s\"'<>\x00-\x1f\x7f]+", text):
        raise argparse.ArgumentTypeError(
            say(
                "must be the site's https:// address, e.g. https://owner.github.io/repo/",
                "须为网站的 https:// 地址，例如 https://owner.github.io/repo/",
            )
        )
    return text


def non_negative(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,4}", text):
        shown = text  # the parser prints it escaped (cli/parser.py)
        raise argparse.ArgumentTypeError(
            say(
                f"{shown!r} is not a whole number of days (0-9999)",
                f"“{shown}”不是天数（0-9999 的整数）",
            )
        )
    return int(text)


def narrowed(model: Model, args: argparse.Namespace) -> Model:
    """The model of ``--plan`` alone, or all of it."""
    plan = getattr(args, "plan", None)
    if plan is None:
        return model
    if plan not in model.plans:
        known = ", ".join(sorted(model.plans))
        shown = plan  # main prints it escaped (printable)
        raise UsageError(
            say(
                f"--plan: there is no plan {shown!r} (plans: {known})",
                f"--plan：没有方案“{shown}”（现有方案：{known}）",
            )
        )
    return model.for_plan(plan)


def evaluated(args: argparse.Namespace) -> tuple[Model, Evaluation] | None:
    """(model, evaluation), or None after printing the validator's messages."""
    as_of = as_of_date(args.as_of)
    project = load_or_report(Path(args.data))
    if not project.ok:
        return None
    assert project.model is not None
    model = narrowed(project.model, args)
    return model, evaluate(model, as_of, args.due_soon_days)


def known_unit(model: Model, args: argparse.Namespace) -> str | None:
    """``--unit``, checked against org.yaml (None when not given)."""
    unit = getattr(args, "unit", None)
    if unit is not None and model.entity(unit) is None:
        shown = unit  # main prints it escaped (printable)
        raise UsageError(
            say(
                f"--unit: {shown!r} is not a unit or group in org.yaml",
                f"--unit：“{shown}”不是 org.yaml 中的单位或单位组",
            )
        )
    return unit
