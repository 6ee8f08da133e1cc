"""The supervising office's commands: ``report``, ``bulletin`` and ``codeowners`` (``check``:
check.py)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from duban.cli.check import evaluated
from duban.cli.common import (
    EXIT_INVALID_DATA,
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    load_or_report,
    write_output,
)
from duban.evaluation.check_report import check_report
from duban.i18n.messages import say
from duban.load.maintainers import office_maintainers
from duban.model.problems import printable
from duban.outputs.bulletin import bulletin
from duban.outputs.bulletin_docx import bulletin_docx
from duban.outputs.bulletin_text import bulletin_html, bulletin_markdown
from duban.outputs.check_markdown import issue_title, render_overdue_issue
from duban.outputs.codeowners import UnsafePath, codeowners
from duban.outputs.codeowners_forges import gitea_codeowners, gitlab_codeowners


def cmd_report(args: argparse.Namespace) -> int:
    found = evaluated(args, links=False)
    if found is None:
        return EXIT_INVALID_DATA
    model, evaluation, _ = found
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
        shown, endings = printable(args.output), ", ".join(BULLETIN_FORMATS)
        raise UsageError(
            say(
                f"-o: {shown!r} must end in {endings}",
                f"-o：“{shown}”的扩展名须为 {'、'.join(BULLETIN_FORMATS)}",
            )
        )
    found = evaluated(args, links=args.include_linked)
    if found is None:
        return EXIT_INVALID_DATA
    model, evaluation, linked = found
    document = bulletin(
        model,
        check_report(model, evaluation),
        title=args.title,
        number=args.number,
        issuer=args.issuer,
        addressees=args.addressees,
        masthead=args.masthead,
        cc=args.cc,
        imprint=args.imprint,
        linked=linked,
    )
    if suffix == ".docx":
        write_output(bulletin_docx(document), args.output)
    elif suffix == ".html":
        write_output(bulletin_html(document), args.output)
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
    try:
        office = office_maintainers(org)
        forge = getattr(args, "forge", "github")
        if forge == "gitlab":
            text = gitlab_codeowners(project.model, data.as_posix(), office, entries)
        elif forge == "gitea":
            text = gitea_codeowners(project.model, data.as_posix(), office)
        else:
            text = codeowners(project.model, data.as_posix(), office, entries)
    except UnsafePath as error:
        raise UsageError(f"codeowners{say(': ', '：')}{error}") from None
    write_output(text, args.output)
    return EXIT_OK
