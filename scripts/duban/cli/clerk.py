"""The clerk's commands: ``export xlsx --unit``, ``import`` and ``record`` (see unit_workbook.py).

Registered in cli.py with two lines; this module holds their arguments and handlers.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from duban.i18n.messages import say
from duban.intake.workbook import (
    HEADINGS,
    Row,
    RowProblem,
    apply_changes,
    describe,
    read_rows,
    unit_workbook,
)
from duban.load.project import load_project
from duban.model.model import Model

# The form's "no answer" (GitHub writes it for an empty optional field).
_NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###\s+(.+?)\s*$")


def export_xlsx(model: Model, args: argparse.Namespace) -> bytes:
    from duban.cli.main import UsageError, known_unit

    unit = known_unit(model, args)
    if unit is None:
        raise UsageError("xlsx needs --unit for now")
    return unit_workbook(model, unit)


def add_commands(commands: Any, data_option: Any) -> None:
    importer = commands.add_parser(
        "import",
        help="apply a filled-in unit workbook (.xlsx, or .csv in UTF-8 or GBK) to data/status/",
    )
    importer.add_argument("file", help="the workbook or CSV, as exported by export xlsx --unit")
    data_option(importer)
    importer.add_argument("--unit", help="the unit (default: the sheet's 单位标识 column)")
    importer.add_argument("--dry-run", action="store_true", help="print the changes only")
    importer.set_defaults(handler=cmd_import)

    record = commands.add_parser(
        "record", help="record the status of one obligation in data/status/<unit>.yaml"
    )
    data_option(record)
    record.add_argument("unit", nargs="?", help="the unit id (as on its page)")
    record.add_argument("task", nargs="?", help="the task id or number (as on the unit's page)")
    record.add_argument("--plan", help="the plan id (needed when there are several plans)")
    record.add_argument("--item", help="the sub-item, for a task with sub-items")
    record.add_argument("--due", metavar="ID", help="the deadline id, when the task has several")
    record.add_argument(
        "--period", metavar="P", help="the period of a recurring duty (2011, 2011-Q2)"
    )
    record.add_argument(
        "--state", help="not-started, in-progress, done, not-applicable (or 已完成 …)"
    )
    record.add_argument("--date", help="the day it was done (YYYY-MM-DD)")
    record.add_argument("--progress", metavar="N", help="progress in percent (0-100)")
    record.add_argument("--evidence", metavar="URL", action="append", help="an https:// link")
    record.add_argument("--summary", "--note", dest="summary", metavar="TEXT", help="工作进展")
    record.add_argument("--problems", metavar="TEXT", help="存在问题")
    record.add_argument("--next", dest="next_steps", metavar="TEXT", help="下步计划")
    record.add_argument("--reason", metavar="TEXT", help="不适用理由 (for not-applicable)")
    record.add_argument(
        "--issue-form", metavar="BODY.md", help="read all of the above from a submitted issue form"
    )
    record.add_argument("--dry-run", action="store_true", help="print the changes only")
    record.set_defaults(handler=cmd_record)


def cmd_import(args: argparse.Namespace) -> int:
    from duban.cli.main import UsageError

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(say(f"{args.file}: no such file", f"{args.file}：文件不存在"))
    try:
        rows = read_rows(path)
    except (RowProblem, OSError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    units = {str(r.cells["unit"]).strip() for r in rows if "unit" in r.cells}
    unit = args.unit or (units.pop() if len(units) == 1 else None)
    if unit is None:
        message = say(
            "name the unit with --unit", "请用 --unit 指明单位（表中单位标识不止一个或为空）"
        )
        raise UsageError(message)
    return _apply(args, unit, rows, args.file)


def parse_issue_form(text: str) -> dict[str, str]:
    """The answers of a submitted issue form: ``### 标题`` followed by the answer."""
    answers: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            label = re.sub(r"[（(].*?[)）]$", "", heading.group(1)).strip()
            current = HEADINGS.get(heading.group(1).strip()) or HEADINGS.get(label)
            if current is not None:
                answers[current] = []
            continue
        if current is not None:
            answers[current].append(line)
    result = {}
    for key, lines in answers.items():
        value = "\n".join(lines).strip()
        if value and value != _NO_RESPONSE:
            result[key] = value
    return result


def cmd_record(args: argparse.Namespace) -> int:
    from duban.cli.main import UsageError

    cells: dict[str, Any] = {}
    if args.issue_form:
        try:
            body = Path(args.issue_form).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"--issue-form: {error}") from None
        cells.update(parse_issue_form(body))
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
        raise UsageError(say(f"{unit!r} is not a unit id", f"“{unit}”不是单位标识"))
    return _apply(args, unit, [Row(0, cells)], args.issue_form or "duban record")


def _apply(args: argparse.Namespace, unit: str, rows: list[Row], source: str) -> int:
    # The data is checked before and after the change; the second check re-reads only the
    # changed file (a validation cache warmed by the first: seconds, not a province's minute).
    with tempfile.TemporaryDirectory(prefix="duban-cache-") as cache:
        return _apply_checked(args, unit, rows, source, Path(cache))


def _apply_checked(
    args: argparse.Namespace, unit: str, rows: list[Row], source: str, cache: Path
) -> int:
    from duban.cli.main import UsageError, report_problems

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
        return 1
    model = project.model
    if unit not in model.units and unit not in model.groups:
        raise UsageError(
            say(f"{unit!r} is not a unit in org.yaml", f"“{unit}”不是 org.yaml 中的单位")
        )
    path = data / "status" / f"{unit}.yaml"
    if not path.is_file():
        raise UsageError(say(f"{path} does not exist", f"{path} 不存在"))
    text, changes, refused = apply_changes(model, unit, path, rows)
    for line in refused:
        print(f"{source}: {line}", file=sys.stderr)
    if refused:
        print(say("nothing was changed", "文件未作任何修改"), file=sys.stderr)
        return 1
    if text is None:
        print(say(f"{path}: no changes", f"{path}：没有变化"))
        return 0
    for change in changes:
        print(f"{path}: {describe(change)}")
    if args.dry_run:
        return 0
    original = path.read_bytes()
    _write(path, text.encode("utf-8"))
    after = load_project(data, cache=cache)
    if not after.ok:
        _write(path, original)
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


def _write(path: Path, content: bytes) -> None:
    """Replace a file atomically, keeping its mode."""
    mode = path.stat().st_mode & 0o7777
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".duban-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
