"""``duban fix plan-ids``: the change a second plan asks of every status and records file,
made once.

Reads each ``status/<unit>.yaml`` and ``records/<unit>.yaml`` strictly, plans every file's new
text first and writes only when every file can be changed (each atomically), so a refusal
leaves nothing half-written. A second run finds nothing to change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from duban.cli.common import UsageError, report_problems
from duban.i18n.messages import say
from duban.intake.plan_ids import PlannedFile, add_plan_ids, plan_task_ids
from duban.load.files import read_regular, write_atomically
from duban.load.layout import FOLDERS, ID_NAME, PLANS_FOLDER, display_path, folder_entries, id_files
from duban.load.strict_yaml import load_document
from duban.model.problems import Problem, printable


def plan_ids(data_dir: Path) -> list[str]:
    """The plan folders' names (each a plan id)."""
    entries, _ = folder_entries(data_dir / PLANS_FOLDER)
    return [p.name for p in entries if p.is_dir() and ID_NAME.fullmatch(p.name)]


def chosen_plan(data_dir: Path, wanted: str | None) -> str:
    known = plan_ids(data_dir)
    listed = ", ".join(known) or say("none", "无")
    if wanted is None:
        if len(known) == 1:
            return known[0]
        raise UsageError(
            say(
                f"name the plan of the entries without one with --plan (plans: {listed})",
                f"请用 --plan 指明未填写 plan 的各项属于哪个方案（现有方案：{listed}）",
            )
        )
    if wanted not in known:
        name = printable(wanted)
        raise UsageError(
            say(
                f"there is no plan {name} (plans: {listed})",
                f"没有方案 {name}（现有方案：{listed}）",
            )
        )
    return wanted


def cmd_fix(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    if not data_dir.is_dir():
        name = printable(args.data)
        raise UsageError(say(f"{name}: no such folder", f"{name}：文件夹不存在"))
    plan = chosen_plan(data_dir, args.plan)
    tasks = plan_task_ids(data_dir, plan)
    files, problems = id_files(data_dir / FOLDERS["status"])
    records, found = id_files(data_dir / FOLDERS["records"])
    files, problems = files + records, problems + found
    planned: list[PlannedFile] = []
    for path in files:
        document, found = load_document(path, display_path(path))
        if document is None:
            problems.extend(found)
            continue
        text = read_regular(path).decode("utf-8")  # the loader read it as UTF-8 already
        change = add_plan_ids(text, document, plan, tasks)
        problems.extend(change.problems)
        if change.lines:
            planned.append(change)
    if problems:
        _refuse(problems)
        return 1
    for change in planned:  # every file first, then the report (a closed pipe stops no write)
        write_atomically(change.document.path, change.text.encode("utf-8"))
    for change in planned:
        lines = say(", ", "、").join(str(n) for n in change.lines)
        count = len(change.lines)
        print(
            say(
                f"{change.document.display}: wrote plan: {plan} into {count} "
                f"entr{'y' if count == 1 else 'ies'} (lines {lines})",
                f"{change.document.display}：已为 {count} 项写入 plan: {plan}（第 {lines} 行）",
            )
        )
    total = sum(len(c.lines) for c in planned)
    if not planned:
        print(say("nothing to change: every entry names its plan", "无需修改：每项都已填写 plan"))
    else:
        print(
            say(
                f"{total} entries in {len(planned)} files now name plan {plan}; "
                "check with `duban validate`",
                f"共 {len(planned)} 个文件 {total} 项已写明方案 {plan}；请运行 duban validate 检查",
            )
        )
    return 0


def _refuse(problems: list[Problem]) -> None:
    report_problems(problems, sys.stderr)
    print(
        say(
            "nothing was changed: correct these entries, then run the command again",
            "未做任何修改：请先改正以上各项，再运行本命令",
        ),
        file=sys.stderr,
    )
