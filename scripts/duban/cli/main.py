"""The ``duban`` command line: the edge where arguments, files, the clock and exit codes live.

Exit codes: 0 success; 1 the data has problems (or, for ``check``, items match ``--fail-on``);
2 the command line itself is wrong (argparse's convention; also an invalid ``--as-of`` or an
unknown ``--unit``), and for ``check`` and ``report`` the data is invalid; 70 an internal error,
printed as one line (set DUBAN_DEBUG=1 for the traceback). See docs/ci.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from duban import __version__
from duban.cli import clerk as clerk_cli
from duban.cli.import_plan import add_import_parser
from duban.evaluation.check_report import DEFAULT_FAIL_ON, FAIL_ON, check_report
from duban.evaluation.evaluate import DEFAULT_DUE_SOON_DAYS, Evaluation, evaluate
from duban.i18n.messages import LANGUAGES, say, set_language
from duban.load.gcpause import collection_paused
from duban.load.maintainers import office_maintainers
from duban.load.project import Project, load_project
from duban.model.model import Model
from duban.model.problems import Problem, printable, shown
from duban.outputs.check_formats import (
    SUMMARY_BUDGET,
    issue_title,
    render_github,
    render_json,
    render_markdown,
    render_overdue_issue,
    render_text,
)
from duban.outputs.codeowners import codeowners
from duban.outputs.ics import calendar_ics
from duban.outputs.open_data import export_json

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INVALID_DATA = 2  # for check and report: 1 already means "items match --fail-on"
EXIT_INTERNAL = 70


class UsageError(Exception):
    """A wrong argument found after parsing: printed as one line, exit code 2."""


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def report_problems(problems: Sequence[Problem], stream=None) -> None:
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


def load_or_report(data_dir: Path, cache: Path | None = None) -> Project:
    project = load_project(data_dir, cache=cache)
    report_warnings(project.warnings)
    if not project.ok:
        report_problems(project.problems)
    return project


def report_warnings(warnings: Sequence[Problem]) -> None:
    """One line per warning (``warning:`` in the message); no count: they do not fail."""
    lines, more = shown(warnings)
    for warning in lines:
        print(warning, file=sys.stderr)
    if more:
        print(more.replace("problems", "warnings"), file=sys.stderr)
    if in_github_actions():
        for warning in lines:
            print(warning.github_annotation(), file=sys.stdout)


def write_output(text: str | bytes, output: str | None) -> None:
    """Write to stdout, or atomically to a file (never a half-written file). Bytes (a .docx,
    an .xlsx) are written as they are.

    The file gets the mode any new file gets (0644 under umask 022; an existing file keeps its
    own), not the 0600 of the temporary file it is written through."""
    if output in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    target = Path(output)
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".duban-", suffix=".tmp")
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
            raise UsageError(f"-o: cannot write {printable(output)}: {reason}") from None
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# -- validate ------------------------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    cache = Path(args.cache) if args.cache else None
    project = load_or_report(Path(args.data), cache)
    if project.cache_problem:
        print(
            say(
                f"note: the cache {args.cache} could not be written ({project.cache_problem}); "
                "the next run checks every file again",
                f"提示：无法写入缓存 {args.cache}（{project.cache_problem}），下次仍将检查全部文件",
            ),
            file=sys.stderr,
        )
    if not project.ok:
        return EXIT_PROBLEMS
    model = project.model
    assert model is not None
    if args.strict and project.warnings:
        count = len(project.warnings)
        print(
            say(
                f"{count} warning{'s' if count != 1 else ''}: --strict fails",
                f"{count} 条警告：--strict 时不通过",
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    files, plans, units, groups = (
        len(project.documents) + project.cached_files,
        len(model.plans),
        len(model.units),
        len(model.groups),
    )
    tasks = len(model.tasks_in_order())
    items, obligations, entries = (
        len(model.tasks) - tasks,
        len(model.obligations),
        len(model.status) + project.cached_entries,
    )
    print(
        say(
            f"ok: {files} files, {plans} plan(s), {tasks} tasks, {items} sub-items, {units} units, "
            f"{groups} groups, {obligations} obligations, {entries} status entries",
            f"通过：{files} 个文件，{plans} 个方案，{tasks} 项任务，{items} 个子项，"
            f"{units} 个单位，{groups} 个单位组，{obligations} 项职责，{entries} 条落实情况",
        )
    )
    return EXIT_OK


# -- export --------------------------------------------------------------------------------------
Exporter = Callable[[Model, argparse.Namespace], str | bytes]


def export_ledger(model: Model, args: argparse.Namespace) -> str | bytes:
    """The 任务落实台账 (xlsx) or its rows (csv), as of ``--as-of`` (default today)."""
    from duban.outputs.ledger import ledger, ledger_csv, ledger_xlsx

    if getattr(args, "unit", None) is not None:
        raise UsageError(f"--unit: not supported yet for {args.format}")
    as_of = args.as_of or as_of_date(None)
    evaluation = evaluate(model, as_of, DEFAULT_DUE_SOON_DAYS)
    book = ledger(model, evaluation, check_report(model, evaluation))
    return ledger_xlsx(book) if args.format == "xlsx" else ledger_csv(book)


EXPORTERS: dict[str, Exporter] = {
    "json": lambda model, args: export_json(model),
    "ics": lambda model, args: calendar_ics(
        model,
        evaluate(model, args.as_of) if args.as_of else None,
        unit_id=known_unit(model, args),
    ),
    # with --unit: the unit's workbook to fill in (unit_workbook.py); without: the 台账
    "xlsx": lambda model, args: (
        clerk_cli.export_xlsx(model, args) if args.unit else export_ledger(model, args)
    ),
    "csv": export_ledger,
}


def known_unit(model: Model, args: argparse.Namespace) -> str | None:
    unit = getattr(args, "unit", None)
    if unit is not None and model.entity(unit) is None:
        raise UsageError(f"--unit: {unit!r} is not a unit or group in org.yaml")
    return unit


# -- check and report ----------------------------------------------------------------------------
def as_of_date(text: str | None) -> dt.date:
    """``--as-of``, or today: the only place the clock is read."""
    if text is None:
        return dt.date.today()
    return parse_date(text)


def parse_date(text: str) -> dt.date:
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of: {text!r} is not a valid date (write YYYY-MM-DD)") from None


def evaluated(args: argparse.Namespace) -> tuple[Model, Evaluation] | None:
    """(model, evaluation), or None after printing the validator's messages."""
    as_of = as_of_date(args.as_of)
    project = load_or_report(Path(args.data))
    if not project.ok:
        return None
    assert project.model is not None
    model = narrowed(project.model, args)
    return model, evaluate(model, as_of, args.due_soon_days)


def narrowed(model: Model, args: argparse.Namespace) -> Model:
    """The model of ``--plan`` alone, or all of it."""
    plan = getattr(args, "plan", None)
    if plan is None:
        return model
    if plan not in model.plans:
        known = ", ".join(sorted(model.plans))
        raise UsageError(f"--plan: there is no plan {plan!r} (plans: {known})")
    return model.for_plan(plan)


def cmd_check(args: argparse.Namespace) -> int:
    found = evaluated(args)
    if found is None:
        return EXIT_INVALID_DATA
    model, evaluation = found
    report = check_report(model, evaluation)
    if args.format == "json":
        sys.stdout.write(render_json(report, args.fail_on))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(report, args.site_url))
    elif args.format == "github":
        sys.stdout.write(render_github(report))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(render_markdown(report, args.site_url, SUMMARY_BUDGET))
    else:
        sys.stdout.write(render_text(report))
    return EXIT_PROBLEMS if report.fails(args.fail_on) else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    found = evaluated(args)
    if found is None:
        return EXIT_INVALID_DATA
    model, evaluation = found
    report = check_report(model, evaluation, only_overdue=True)
    write_output(render_overdue_issue(report, args.site_url), args.output)
    outputs = os.environ.get("GITHUB_OUTPUT")
    if outputs:  # for the workflow's next steps: the count and the issue title
        with open(outputs, "a", encoding="utf-8") as handle:
            handle.write(f"overdue={report.overdue}\ntitle={issue_title(report)}\n")
    return EXIT_OK


BULLETIN_FORMATS = (".docx", ".md", ".html")


def cmd_bulletin(args: argparse.Namespace) -> int:
    suffix = Path(args.output).suffix.lower()
    if suffix not in BULLETIN_FORMATS:
        raise UsageError(
            f"-o: {printable(args.output)!r} must end in {', '.join(BULLETIN_FORMATS)}"
        )
    found = evaluated(args)
    if found is None:
        return EXIT_INVALID_DATA
    model, evaluation = found
    from duban.outputs.bulletin import bulletin, render_html
    from duban.outputs.bulletin import render_markdown as bulletin_markdown

    document = bulletin(
        model,
        check_report(model, evaluation),
        title=args.title,
        number=args.number,
        issuer=args.issuer,
        addressees=args.addressees,
    )
    if suffix == ".docx":
        from duban.outputs.bulletin_docx import render_docx

        write_output(render_docx(document), args.output)
    elif suffix == ".html":
        write_output(render_html(document), args.output)
    else:
        write_output(bulletin_markdown(document), args.output)
    return EXIT_OK


def cmd_codeowners(args: argparse.Namespace) -> int:
    project = load_or_report(Path(args.data))
    if not project.ok:
        return EXIT_PROBLEMS
    assert project.model is not None
    org = next((d for d in project.documents if d.file == "org.yaml"), None)
    data = Path(args.data)
    entries = [f"{p.name}/" if p.is_dir() else p.name for p in data.iterdir()]
    text = codeowners(project.model, data.as_posix(), office_maintainers(org), entries)
    write_output(text, args.output)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    project = load_or_report(Path(args.data))
    if not project.ok:
        return EXIT_PROBLEMS
    assert project.model is not None
    write_output(EXPORTERS[args.format](narrowed(project.model, args), args), args.output)
    return EXIT_OK


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

    def data_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--data", default="data", help="the data folder (default: data)")
        sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="zh or en")

    def plan_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--plan", metavar="ID", help="only this plan (default: every plan)")

    validate = commands.add_parser(
        "validate", help="check every data file; print each problem as path:line:col"
    )
    data_option(validate)
    validate.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, e.g. personal data"
    )
    validate.add_argument(
        "--cache",
        metavar="DIR",
        help="remember clean status files in DIR and skip them while unchanged "
        "(docs/performance.md)",
    )
    validate.set_defaults(handler=cmd_validate)

    export = commands.add_parser("export", help="print the resolved plan in another format")
    export.add_argument("format", choices=sorted(EXPORTERS), help="output format")
    data_option(export)
    export.add_argument("-o", "--output", help="write to this file instead of stdout")
    plan_option(export)
    export.add_argument("--unit", help="only this unit's deadlines (where the format supports it)")
    export.add_argument(
        "--as-of",
        metavar="DATE",
        type=parse_date_argument,
        help="ics: give each deadline's state as of this date (default: no states); "
        "xlsx, csv: the ledger as of this date (default: today)",
    )
    export.set_defaults(handler=cmd_export)

    def as_of_options(sub: argparse.ArgumentParser) -> None:
        data_option(sub)
        plan_option(sub)
        sub.add_argument(
            "--as-of", metavar="DATE", help="evaluate as of this date (default: today)"
        )
        sub.add_argument(
            "--due-soon-days",
            metavar="N",
            type=non_negative,
            default=DEFAULT_DUE_SOON_DAYS,
            help=f"days before a deadline that count as due soon "
            f"(default: {DEFAULT_DUE_SOON_DAYS})",
        )
        sub.add_argument("--site-url", metavar="URL", help="link items to the published site")

    check = commands.add_parser(
        "check", help="list overdue and due-soon obligations by unit (exit 1 per --fail-on)"
    )
    as_of_options(check)
    check.add_argument("--format", choices=("text", "json", "markdown", "github"), default="text")
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=DEFAULT_FAIL_ON,
        help=f"exit 1 when anything overdue / overdue or due soon is found (default: "
        f"{DEFAULT_FAIL_ON}: report, never fail)",
    )
    check.set_defaults(handler=cmd_check)

    report = commands.add_parser("report", help="write a report for the supervising office")
    report.add_argument("kind", choices=("overdue-issue",), help="which report")
    as_of_options(report)
    report.add_argument("-o", "--output", help="write to this file instead of stdout")
    report.set_defaults(handler=cmd_report)

    bulletin = commands.add_parser(
        "bulletin",
        help="write the 督办通报 (.docx, .md or .html by the file's extension): the same "
        "figures as `duban check --format json` for the same date",
    )
    as_of_options(bulletin)
    bulletin.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.docx, FILE.md or FILE.html"
    )
    bulletin.add_argument("--title", help="the title (default: 关于《方案》落实情况的督办通报)")
    bulletin.add_argument(
        "--number", help="the document number (default: a placeholder 督办通报〔YEAR〕　号)"
    )
    bulletin.add_argument("--issuer", help="the issuing office (default: the plan's issuer)")
    bulletin.add_argument("--addressees", help="主送 (default: the plan's addressees)")
    bulletin.set_defaults(handler=cmd_bulletin)

    owners = commands.add_parser(
        "codeowners",
        help="print .github/CODEOWNERS from org.yaml: the supervising office owns every file by "
        "default, each unit's maintainers (and the office) its status and records files",
    )
    data_option(owners)
    owners.add_argument("-o", "--output", help="write to this file instead of stdout")
    owners.set_defaults(handler=cmd_codeowners)
    add_import_parser(commands)
    clerk_cli.add_commands(commands, data_option)  # import, record
    return parser


def parse_date_argument(text: str) -> dt.date:
    try:
        return parse_date(text)
    except UsageError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--as-of: ")) from None


def non_negative(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,4}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days (0-9999)")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    try:
        # one command, then the process ends: its data has no cycles to collect (gcpause.py)
        with collection_paused():
            return args.handler(args)
    except UsageError as error:
        print(f"duban {args.command}: {error}", file=sys.stderr)
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
        print(f"duban: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("duban: please report this; DUBAN_DEBUG=1 shows the traceback", file=sys.stderr)
        return EXIT_INTERNAL
