"""The clerk's commands: ``import`` (a filled-in workbook) and ``record`` (one obligation, or a
submitted issue form). Both change one status file, checked before and after (see
:mod:`duban.intake`); the unit's workbook itself is ``duban export xlsx --unit``."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from duban.cli.common import UsageError, as_of_date, report_problems
from duban.i18n.messages import say
from duban.i18n.os_errors import os_reason
from duban.intake.changes import apply_changes, describe
from duban.intake.form_reply import (
    EXIT_DATA_BROKEN,
    EXIT_PERSONAL_DATA,
    Run,
    pull_request_body,
    reply,
)
from duban.intake.issue_form import parse_issue_form
from duban.intake.rows import Row, RowProblem
from duban.intake.workbook_read import read_sheet
from duban.load.files import read_regular, write_atomically
from duban.load.project import load_project
from duban.load.untrusted import Untrusted, check_size
from duban.model.problems import printable

MAX_ISSUE_FORM_BYTES = 1_000_000
"""A submitted issue form (GitHub keeps at most 65,536 characters of an issue's body)."""


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        name = printable(args.file)
        raise UsageError(say(f"{name}: no such file", f"{name}：文件不存在"))
    try:
        sheet = read_sheet(path)
    except (RowProblem, OSError) as error:
        print(printable(f"{args.file}: {error}"), file=sys.stderr)
        return 1
    rows, units = sheet.rows, set(sheet.units)  # units: of untouched rows too
    unit = args.unit or (units.pop() if len(units) == 1 else None)
    if unit is None:
        message = say(
            "name the unit with --unit", "请用 --unit 指明单位（表中单位标识不止一个或为空）"
        )
        raise UsageError(message)
    return _apply(args, unit, rows, args.file)


def cmd_record(args: argparse.Namespace) -> int:
    cells: dict[str, Any] = {}
    if args.issue_form:
        try:
            check_size(Path(args.issue_form), MAX_ISSUE_FORM_BYTES)
            body = Path(args.issue_form).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, Untrusted) as error:
            colon = say(": ", "：")
            reason = os_reason(error) if isinstance(error, OSError) else error
            raise UsageError(
                printable(f"--issue-form{colon}{args.issue_form}{colon}{reason}")
            ) from None
        cells.update(parse_issue_form(body))
    if args.issue_event:
        cells.update(parse_issue_form(_event_body(args.issue_event)))
    options = {
        "unit": args.unit,
        "task": args.task,
        "plan": args.plan,
        "item": args.item,
        "due": args.due,
        "period": args.period,
        "state": args.state,
        "done": args.date,
        "progress": args.progress,
        "evidence": "\n".join(args.evidence) if args.evidence else None,
        "summary": args.summary,
        "problems": args.problems,
        "next_steps": args.next_steps,
        "reason": args.reason,
    }
    cells.update({k: v for k, v in options.items() if v not in (None, "")})
    for needed, word in (("unit", "UNIT"), ("task", "TASK")):
        if needed not in cells:
            raise UsageError(say(f"{word} is required", f"缺少 {word}（单位标识 / 任务）"))
    unit = str(cells["unit"]).strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", unit):
        shown = printable(unit)
        raise UsageError(say(f"{shown!r} is not a unit id", f"“{shown}”不是单位标识"))
    source = args.issue_form or args.issue_event or "duban record"
    return _apply(args, unit, [Row(0, cells)], source)


def _event_body(path: str) -> str:
    """The body of the issue in a GitHub event file (read from the file: an environment
    variable holding a long form would not fit the kernel's limit on one argument, E2BIG)."""
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
        body = event["issue"]["body"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        colon = say(": ", "：")
        raise UsageError(
            printable(f"--issue-event{colon}{type(error).__name__}{colon}{error}")
        ) from None
    return body if isinstance(body, str) else ""


def _apply(args: argparse.Namespace, unit: str, rows: list[Row], source: str) -> int:
    # The data is checked before and after the change; the second check re-reads only the
    # changed file (a validation cache warmed by the first: seconds, not a province's minute).
    with tempfile.TemporaryDirectory(prefix="duban-cache-") as cache:
        return _apply_checked(args, unit, rows, source, Path(cache))


def _apply_checked(
    args: argparse.Namespace, unit: str, rows: list[Row], source: str, cache: Path
) -> int:
    data = Path(args.data)
    project = load_project(data, cache=cache)  # the cache is empty: the model is whole
    if not project.ok or project.model is None:
        print(
            say(
                "the data has problems: fix them first (duban validate)",
                "数据中已有问题，请先修正（duban validate）：",
            ),
            file=sys.stderr,
        )
        report_problems(project.problems)
        untrusted = bool(getattr(args, "issue_form", None) or getattr(args, "issue_event", None))
        return EXIT_DATA_BROKEN if untrusted else 1
    model = project.model
    if unit not in model.units and unit not in model.groups:
        shown = printable(unit)
        raise UsageError(
            say(f"{shown!r} is not a unit in org.yaml", f"“{shown}”不是 org.yaml 中的单位")
        )
    path = data / "status" / f"{unit}.yaml"
    if not path.is_file():
        raise UsageError(
            say(
                f"{path} does not exist: create it with the two lines 'unit: {unit}' and 'obligations: []'",
                f"{path} 不存在：请先建立该文件，写入两行“unit: {unit}”和“obligations: []”",
            )
        )
    # today: a follow-up deadline (限期整改) the office has set by now can be reported
    text, changes, refused = apply_changes(model, unit, path, rows, as_of_date(None))
    for line in refused:
        print(printable(f"{source}{say(': ', '：')}{line}"), file=sys.stderr)
    if refused:
        print(say("nothing was changed", "文件未作任何修改"), file=sys.stderr)
        return 1
    if text is None:
        print(say(f"{path}: no changes", f"{path}：没有变化"))
        return 0
    for change in changes:
        print(printable(f"{path}{say(': ', '：')}{describe(change)}"))
    if args.dry_run:
        return 0
    original = read_regular(path)
    write_atomically(path, text.encode("utf-8"))
    after = load_project(data, cache=cache)
    untrusted = bool(getattr(args, "issue_form", None) or getattr(args, "issue_event", None))
    found = _personal_data(after.warnings, path)
    if untrusted and len(found) > len(_personal_data(project.warnings, path)):
        write_atomically(path, original)
        print(
            say(
                "the form holds personal data, which would be published; nothing was changed:",
                "表单中含有个人信息，提交后会公开发布，文件未作任何修改：",
            ),
            file=sys.stderr,
        )
        report_problems(found)
        return EXIT_PERSONAL_DATA
    if not after.ok:
        write_atomically(path, original)
        print(
            say(
                "the result would not validate; nothing was changed:",
                "修改后的数据未通过校验，文件未作任何修改：",
            ),
            file=sys.stderr,
        )
        report_problems(after.problems)
        return 1
    print(say(f"{len(changes)} entries changed in {path}", f"{path}：已更新 {len(changes)} 项"))
    return 0


def _personal_data(warnings: list[Any], path: Path) -> list[Any]:
    """The personal-data warnings (load/privacy.py) about one file."""
    return [w for w in warnings if Path(w.path).resolve() == path.resolve()]


def cmd_form_reply(args: argparse.Namespace) -> int:
    """The pull request body or the answer on the issue, from the files intake.yml's steps
    wrote in ``folder`` (a missing file: that step did not run or printed nothing)."""
    folder = Path(args.folder)

    def read(name: str) -> str:
        try:
            return (folder / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def number(name: str) -> int | None:
        text = read(name).strip()
        return int(text) if re.fullmatch(r"-?[0-9]{1,4}", text) else None

    run = Run(
        record_code=number("record-code"),
        file=read("file").strip(),
        outside=bool(read("outside").strip()),
        pr_code=number("pr-code"),
        pr_error=read("pr-err.txt"),
        url=read("url.txt").strip(),
    )
    if args.what == "pr-body":
        sys.stdout.write(pull_request_body(args.issue, run.file, read("out.txt")))
    else:
        sys.stdout.write(reply(run, args.issue, read("out.txt"), read("err.txt")))
    return 0
