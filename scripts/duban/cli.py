"""The ``duban`` command line: the edge where arguments, files, the clock and exit codes live.

Exit codes: 0 success; 1 the data has problems (or, for ``check``, items match ``--fail-on``);
2 the command line itself is wrong (argparse's convention); 70 an internal error, printed as one
line (set DUBAN_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .export import export_json
from .model import Model
from .problems import Problem
from .project import Project, load_project

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INTERNAL = 70


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def report_problems(problems: Sequence[Problem], stream=None) -> None:
    """Print each problem on its own line; in GitHub Actions also as an annotation."""
    stream = stream or sys.stderr
    for problem in problems:
        print(problem, file=stream)
    if in_github_actions():
        for problem in problems:
            print(problem.github_annotation(), file=sys.stdout)
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}", file=stream)


def load_or_report(data_dir: Path) -> Project:
    project = load_project(data_dir)
    if not project.ok:
        report_problems(project.problems)
    return project


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a file (never a half-written file)."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
    ) as handle:
        handle.write(text)
    os.replace(handle.name, target)


# -- validate ------------------------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    project = load_or_report(Path(args.data))
    if not project.ok:
        return EXIT_PROBLEMS
    model = project.model
    assert model is not None
    entries = len(model.status)
    print(
        f"ok: {len(project.documents)} files, {len(model.tasks)} tasks, "
        f"{len(model.units)} units, {len(model.groups)} groups, "
        f"{len(model.obligations)} obligations, {entries} status entries"
    )
    return EXIT_OK


# -- export --------------------------------------------------------------------------------------
Exporter = Callable[[Model, argparse.Namespace], str]
EXPORTERS: dict[str, Exporter] = {
    "json": lambda model, args: export_json(model),
}


def cmd_export(args: argparse.Namespace) -> int:
    project = load_or_report(Path(args.data))
    if not project.ok:
        return EXIT_PROBLEMS
    assert project.model is not None
    write_output(EXPORTERS[args.format](project.model, args), args.output)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="duban",
        description="督办: validate, check and export an implementation plan kept as YAML.",
    )
    parser.add_argument("--version", action="version", version=f"duban {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--data", default="data", help="the data folder (default: data)")

    validate = commands.add_parser(
        "validate", help="check every data file; print each problem as path:line:col"
    )
    data_option(validate)
    validate.set_defaults(handler=cmd_validate)

    export = commands.add_parser("export", help="print the resolved plan in another format")
    export.add_argument("format", choices=sorted(EXPORTERS), help="output format")
    data_option(export)
    export.add_argument("-o", "--output", help="write to this file instead of stdout")
    export.add_argument("--unit", help="only this unit's deadlines (where the format supports it)")
    export.set_defaults(handler=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
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
