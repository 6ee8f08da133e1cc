"""The ``duban import-plan`` subcommand (registered by ``duban.cli.main`` in one line)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_import_parser(commands) -> None:
    parser = commands.add_parser(
        "import-plan",
        help="read a plan's document (text, HTML, .docx) into a data folder to review",
        description="Read a plan (实施方案) as plain text (UTF-8 or GB18030/GBK), HTML or .docx, "
        "with or without its 通知, and write plans/<id>/, org.yaml and a review report "
        "(import-review-<id>.md) into --out; then runs the validator on the result.",
    )
    parser.add_argument("file", help="the plan's document: .txt, .html, .docx")
    parser.add_argument(
        "--out",
        required=True,
        help="the data folder to write (new, or existing: the plan is added)",
    )
    parser.add_argument(
        "--org", help="an org.yaml whose units, groups and aliases the names are matched to"
    )
    parser.add_argument("--plan-id", help="the plan's id (default: from the file name)")
    parser.add_argument(
        "--review", help="where to write the review report (default: OUT/import-review-<id>.md)"
    )
    parser.set_defaults(handler=cmd_import_plan)


def cmd_import_plan(args: argparse.Namespace) -> int:
    from duban.load.project import load_project
    from duban.plan_import import ImportError_, ReadError, run_import

    source = Path(args.file)
    if not source.is_file():
        print(f"duban import-plan: {source}: 文件不存在 / no such file", file=sys.stderr)
        return EXIT_USAGE
    began = time.perf_counter()
    try:
        written = run_import(
            source,
            Path(args.out),
            Path(args.org) if args.org else None,
            args.plan_id,
            Path(args.review) if args.review else None,
        )
    except (ImportError_, ReadError) as error:
        print(f"duban import-plan: {error}", file=sys.stderr)
        return EXIT_USAGE
    except FileExistsError as error:
        print(f"duban import-plan: {error.filename}: 已存在，不覆盖 / exists", file=sys.stderr)
        return EXIT_USAGE
    result = written.result
    elapsed = time.perf_counter() - began
    print(
        f"imported {len(result.tasks)} tasks into {Path(args.out) / 'plans' / result.plan['id']} "
        f"in {elapsed:.2f} s: {len(result.unread)} clauses not fully read, "
        f"{len(result.unmatched)} names not matched, {len(result.assumptions)} assumptions; "
        f"review: {written.review}"
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
