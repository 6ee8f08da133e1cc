"""``duban import-plan``: a plan's document becomes a data folder to review, then is validated."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from duban.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from duban.i18n.messages import say
from duban.load.project import load_project
from duban.model.problems import printable
from duban.plan_import import ImportError_, ReadError, run_import


def cmd_import_plan(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not source.is_file():
        line = say(
            f"duban import-plan: {source}: no such file", f"duban import-plan：{source}：文件不存在"
        )
        print(printable(line), file=sys.stderr)
        return EXIT_USAGE
    began = time.perf_counter()
    try:
        written = run_import(
            source,
            Path(args.out),
            Path(args.org) if args.org else None,
            args.plan_id,
            Path(args.review) if args.review else None,
            args.year,
        )
    except (ImportError_, ReadError) as error:
        print(printable(f"duban import-plan{say(': ', '：')}{error}"), file=sys.stderr)
        return EXIT_USAGE
    except FileExistsError as error:
        line = say(
            f"duban import-plan: {error.filename}: exists, not overwritten",
            f"duban import-plan：{error.filename}：已存在，不覆盖",
        )
        print(printable(line), file=sys.stderr)
        return EXIT_USAGE
    result = written.result
    elapsed = time.perf_counter() - began
    folder = Path(args.out) / "plans" / result.plan["id"]
    tasks, unread = len(result.tasks), len(result.unread)
    unmatched, assumptions = len(result.unmatched), len(result.assumptions)
    print(
        printable(
            say(
                f"imported {tasks} tasks into {folder} in {elapsed:.2f} s: {unread} clauses not "
                f"fully read, {unmatched} names not matched, {assumptions} assumptions; "
                f"review: {written.review}",
                f"已导入 {tasks} 项任务到 {folder}（用时 {elapsed:.2f} 秒）："
                f"{unread} 处条文未完全读懂，{unmatched} 个名称未匹配，{assumptions} 处推定；"
                f"请审阅：{written.review}",
            )
        )
    )
    if result.year_missing:  # h18a: imported, not refused; the dates wait for --year
        print(
            say(
                "the document names no year (no signing date, document number, period or dated "
                "text): deadlines without a year are kept as written, not dated, and the plan has "
                "no signed date or period; import again with the plan's year, e.g. --year 2024",
                "原文中找不到年份（没有落款日期、文号、实施期限或带年份的日期）：未写年份的时限照原文记录、"
                "没有换算为日期，方案没有成文日期和实施期限；请用 --year 指定方案的年份后重新导入，"
                "例如 --year 2024",
            ),
            file=sys.stderr,
        )
    project = load_project(Path(args.out))
    if not project.ok:
        for problem in project.problems[:50]:
            print(problem, file=sys.stderr)
        count = len(project.problems)
        print(
            say(
                f"duban import-plan: the result does not pass duban validate ({count} problems)",
                f"duban import-plan：导入结果未通过 duban validate（{count} 个问题）",
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(say("ok: the result passes duban validate", "通过：导入结果通过 duban validate"))
    return EXIT_OK
