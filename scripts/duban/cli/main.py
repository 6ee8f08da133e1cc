"""The ``duban`` command line: one table of commands, and the edge where arguments, files, the
clock and exit codes live.

Each command is a row of :data:`COMMANDS`: its name, its help, the arguments it takes and the
function that runs it, named by module so that only the command that runs is imported
(``duban validate`` never loads the spreadsheet, Word or template libraries).

Exit codes: 0 success; 1 the data has problems (or, for ``check``, items match ``--fail-on``);
2 the command line itself is wrong (argparse's convention; also an invalid ``--as-of`` or an
unknown ``--unit``), and for ``check`` and ``report`` the data is invalid; 70 an internal error,
printed as one line (set DUBAN_DEBUG=1 for the traceback). See docs/ci.md.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from duban import __version__
from duban.cli.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    as_of_argument,
    non_negative,
)
from duban.evaluation.check_report import DEFAULT_FAIL_ON, FAIL_ON
from duban.evaluation.evaluate import DEFAULT_DUE_SOON_DAYS
from duban.i18n.languages import LANGUAGES
from duban.i18n.messages import set_language
from duban.load.gcpause import collection_paused
from duban.model.problems import printable
from duban.outputs.check_formats import CHECK_FORMATS

Arguments = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace], int]

EXPORT_FORMATS = ("csv", "ics", "json", "xlsx")
"""The formats of ``duban export`` (the keys of :data:`duban.cli.export.EXPORTERS`)."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    arguments: Arguments
    handler: str
    """``module:function`` under ``duban.cli``, imported only when this command runs."""
    description: str | None = None

    def run(self, args: argparse.Namespace) -> int:
        module, _, function = self.handler.partition(":")
        handler: Handler = getattr(importlib.import_module(f"duban.cli.{module}"), function)
        return handler(args)


# -- arguments shared by several commands --------------------------------------------------------
def data_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--data", default="data", help="the data folder (default: data)")
    sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="zh or en")


def plan_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--plan", metavar="ID", help="only this plan (default: every plan)")


def output_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("-o", "--output", help="write to this file instead of stdout")


def as_of_options(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    plan_option(sub)
    sub.add_argument("--as-of", metavar="DATE", help="evaluate as of this date (default: today)")
    sub.add_argument(
        "--due-soon-days",
        metavar="N",
        type=non_negative,
        default=DEFAULT_DUE_SOON_DAYS,
        help=f"days before a deadline that count as due soon (default: {DEFAULT_DUE_SOON_DAYS})",
    )
    sub.add_argument("--site-url", metavar="URL", help="link items to the published site")


# -- each command's own arguments ----------------------------------------------------------------
def validate_arguments(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    sub.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, e.g. personal data"
    )
    sub.add_argument(
        "--cache",
        metavar="DIR",
        help="remember clean status files in DIR and skip them while unchanged "
        "(a folder outside the repository; docs/performance.md)",
    )


def export_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("format", choices=EXPORT_FORMATS, help="output format")
    data_option(sub)
    output_option(sub)
    plan_option(sub)
    sub.add_argument("--unit", help="only this unit's deadlines (where the format supports it)")
    sub.add_argument(
        "--as-of",
        metavar="DATE",
        type=as_of_argument,
        help="ics: give each deadline's state as of this date (default: no states); "
        "xlsx, csv: the ledger as of this date (default: today); xlsx --unit: the follow-up "
        "deadlines set by this date (default: today)",
    )


def check_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    sub.add_argument("--format", choices=tuple(CHECK_FORMATS), default="text")
    sub.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=DEFAULT_FAIL_ON,
        help=f"exit 1 when anything overdue / overdue or due soon is found (default: "
        f"{DEFAULT_FAIL_ON}: report, never fail)",
    )


def report_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("kind", choices=("overdue-issue",), help="which report")
    as_of_options(sub)
    output_option(sub)


def bulletin_arguments(sub: argparse.ArgumentParser) -> None:
    as_of_options(sub)
    sub.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.docx, FILE.md or FILE.html"
    )
    sub.add_argument("--title", help="the title (default: 关于《方案》落实情况的督办通报)")
    sub.add_argument("--number", help="发文字号, e.g. 青督通〔2024〕6号 (default: no number line)")
    sub.add_argument("--issuer", help="the issuing office (default: the plan's issuer)")
    sub.add_argument("--addressees", help="主送 (default: the plan's addressees)")
    sub.add_argument(
        "--masthead",
        nargs="?",
        const="",
        metavar="NAME",
        help="红头: NAME in red over a red line (NAME default: the issuer; default: no 红头)",
    )
    sub.add_argument(
        "--no-masthead", dest="masthead", action="store_const", const=None, help="no 红头"
    )
    sub.add_argument("--cc", default="", help="抄送 in the 版记 (default: none)")
    sub.add_argument(
        "--imprint",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="版记: 抄送, 印发机关 and 印发日期 at the end (default: on)",
    )


def codeowners_arguments(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    output_option(sub)


def import_plan_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", help="the plan's document: .txt, .html, .docx")
    sub.add_argument(
        "--out",
        required=True,
        help="the data folder to write (new, or existing: the plan is added)",
    )
    sub.add_argument(
        "--org", help="an org.yaml whose units, groups and aliases the names are matched to"
    )
    sub.add_argument("--plan-id", help="the plan's id (default: from the file name)")
    sub.add_argument(
        "--review", help="where to write the review report (default: OUT/import-review-<id>.md)"
    )


def import_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", help="the workbook or CSV, as exported by export xlsx --unit")
    data_option(sub)
    sub.add_argument("--unit", help="the unit (default: the sheet's 单位标识 column)")
    sub.add_argument("--dry-run", action="store_true", help="print the changes only")


def record_arguments(sub: argparse.ArgumentParser) -> None:
    data_option(sub)
    sub.add_argument("unit", nargs="?", help="the unit id (as on its page)")
    sub.add_argument("task", nargs="?", help="the task id or number (as on the unit's page)")
    sub.add_argument("--plan", help="the plan id (needed when there are several plans)")
    sub.add_argument("--item", help="the sub-item, for a task with sub-items")
    sub.add_argument("--due", metavar="ID", help="the deadline id, when the task has several")
    sub.add_argument(
        "--period",
        metavar="P",
        help="the period of a recurring duty (2011, 2011-Q2) or of a follow-up deadline (限期整改)",
    )
    sub.add_argument("--state", help="not-started, in-progress, done, not-applicable (or 已完成 …)")
    sub.add_argument("--date", help="the day it was done (YYYY-MM-DD)")
    sub.add_argument("--progress", metavar="N", help="progress in percent (0-100)")
    sub.add_argument("--evidence", metavar="URL", action="append", help="an https:// link")
    sub.add_argument("--summary", "--note", dest="summary", metavar="TEXT", help="工作进展")
    sub.add_argument("--problems", metavar="TEXT", help="存在问题")
    sub.add_argument("--next", dest="next_steps", metavar="TEXT", help="下步计划")
    sub.add_argument("--reason", metavar="TEXT", help="不适用理由 (for not-applicable)")
    sub.add_argument(
        "--issue-form", metavar="BODY.md", help="read all of the above from a submitted issue form"
    )
    sub.add_argument(
        "--issue-event",
        metavar="EVENT.json",
        help="the same, from the issue in a GitHub event file ($GITHUB_EVENT_PATH); a form that "
        "would write personal data changes nothing (exit 3)",
    )
    sub.add_argument("--dry-run", action="store_true", help="print the changes only")


def form_reply_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("what", choices=("pr-body", "reply"), help="which text to print")
    sub.add_argument("folder", help="the folder where intake.yml's steps left their results")
    sub.add_argument("--issue", type=int, required=True, help="the issue's number")


COMMANDS = (
    Command(
        "validate",
        "check every data file; print each problem as path:line:col",
        validate_arguments,
        "validate:cmd_validate",
    ),
    Command(
        "export",
        "print the resolved plan in another format",
        export_arguments,
        "export:cmd_export",
    ),
    Command(
        "check",
        "list overdue and due-soon obligations by unit (exit 1 per --fail-on)",
        check_arguments,
        "office:cmd_check",
    ),
    Command(
        "report",
        "write a report for the supervising office",
        report_arguments,
        "office:cmd_report",
    ),
    Command(
        "bulletin",
        "write the 督办通报 (.docx, .md or .html by the file's extension): the same figures as "
        "`duban check --format json` for the same date",
        bulletin_arguments,
        "office:cmd_bulletin",
    ),
    Command(
        "codeowners",
        "print .github/CODEOWNERS from org.yaml: the supervising office owns every file by "
        "default, each unit's maintainers (and the office) its status and records files",
        codeowners_arguments,
        "office:cmd_codeowners",
    ),
    Command(
        "import-plan",
        "read a plan's document (text, HTML, .docx) into a data folder to review",
        import_plan_arguments,
        "import_plan:cmd_import_plan",
        description="Read a plan (实施方案) as plain text (UTF-8 or GB18030/GBK), HTML or .docx, "
        "with or without its 通知, and write plans/<id>/, org.yaml and a review report "
        "(import-review-<id>.md) into --out; then runs the validator on the result.",
    ),
    Command(
        "import",
        "apply a filled-in unit workbook (.xlsx, or .csv in UTF-8 or GBK) to data/status/",
        import_arguments,
        "clerk:cmd_import",
    ),
    Command(
        "record",
        "record the status of one obligation in data/status/<unit>.yaml",
        record_arguments,
        "clerk:cmd_record",
    ),
    Command(
        "form-reply",
        "print the pull request body or the answer on the issue for the issue form workflow "
        "(intake.yml), from what its steps left in a folder",
        form_reply_arguments,
        "clerk:cmd_form_reply",
    ),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="duban",
        description="督办: validate, check and export an implementation plan kept as YAML.",
    )
    parser.add_argument("--version", action="version", version=f"duban {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of problem messages: zh (default) or en (env DUBAN_LANG)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.description)
        command.arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    try:
        # one command, then the process ends: its data has no cycles to collect (gcpause.py)
        with collection_paused():
            result: int = args.run(args)
            return result
    except UsageError as error:
        print(printable(f"duban {args.command}: {error}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `duban export json | head`): not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # the promise is one line and no traceback, even for our bugs
        if os.environ.get("DUBAN_DEBUG"):
            raise
        print(printable(f"duban: internal error: {type(error).__name__}: {error}"), file=sys.stderr)
        print("duban: please report this; DUBAN_DEBUG=1 shows the traceback", file=sys.stderr)
        return EXIT_INTERNAL
