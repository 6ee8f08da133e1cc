"""``duban import-plan``: a plan's document becomes a data folder to review, then is validated."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from duban.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, as_of_date
from duban.load.project import load_project
from duban.model.problems import printable
from duban.plan_import import ImportError_, ReadError, run_import


def cmd_import_plan(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not source.is_file():
        print(printable(f"duban import-plan: {source}: 文件不存在 / no such file"), file=sys.stderr)
        return EXIT_USAGE
    began = time.perf_counter()
    try:
        written = run_import(
            source,
            Path(args.out),
            Path(args.org) if args.org else None,
            args.plan_id,
            Path(args.review) if args.review else None,
            as_of_date(None),
        )
    except (ImportError_, ReadError) as error:
        print(printable(f"duban import-plan: {error}"), file=sys.stderr)
        return EXIT_USAGE
    except FileExistsError as error:
        line = f"duban import-plan: {error.filename}: 已存在，不覆盖 / exists"
        print(printable(line), file=sys.stderr)
        return EXIT_USAGE
    result = written.result
    elapsed = time.perf_counter() - began
    folder = Path(args.out) / "plans" / result.plan["id"]
    print(
        printable(
            f"imported {len(result.tasks)} tasks into {folder} "
            f"in {elapsed:.2f} s: {len(result.unread)} clauses not fully read, "
            f"{len(result.unmatched)} names not matched, {len(result.assumptions)} assumptions; "
            f"review: {written.review}"
        )
    )
    project = load_project(Path(args.out))
    if not project.ok:
        for problem in project.problems[:50]:
            print(problem, file=sys.stderr)
        count = len(project.problems)
        print(
            f"duban import-plan: the result does not pass duban validate ({count} problems)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print("ok: the result passes duban validate")
    return EXIT_OK
