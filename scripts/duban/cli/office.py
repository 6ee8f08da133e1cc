"""The supervising office's commands: ``check``, ``report``, ``bulletin`` and ``codeowners``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TypeVar

from duban.cli.common import (
    EXIT_INVALID_DATA,
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    as_of_date,
    load_or_report,
    narrowed,
    write_output,
)
from duban.cli.sources import warn_unhealthy
from duban.evaluation.cascade import LinkedReport, linked_report, local_implementers, merged
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import Evaluation, evaluate
from duban.federation.sources import federation_rows
from duban.i18n.messages import say
from duban.load.maintainers import office_maintainers
from duban.model.model import Model
from duban.model.problems import printable
from duban.outputs.bulletin import bulletin
from duban.outputs.bulletin_docx import bulletin_docx
from duban.outputs.bulletin_text import bulletin_html, bulletin_markdown
from duban.outputs.check_formats import CHECK_FORMATS, CHECK_STREAMS, CheckOptions
from duban.outputs.check_markdown import (
    SUMMARY_BUDGET,
    issue_title,
    render_markdown,
    render_overdue_issue,
)
from duban.outputs.codeowners import UnsafePath, codeowners
from duban.outputs.codeowners_forges import gitea_codeowners, gitlab_codeowners

_V = TypeVar("_V")


def evaluated(
    args: argparse.Namespace, links: bool = True
) -> tuple[Model, Evaluation, LinkedReport | None] | None:
    """(model, evaluation) of ``--plan`` (or all plans) and, with ``links``, the links' part of
    the report, which reads every plan (a plan's roll-ups come from the plans below it); None
    after printing the validator's messages."""
    as_of = as_of_date(args.as_of)
    project = load_or_report(Path(args.data))
    if not project.ok:
        return None
    assert project.model is not None
    full = project.model
    model = narrowed(full, args)
    evaluation = evaluate(model, as_of, args.due_soon_days)
    # h20b: the rows other repositories give (data/federation.yaml), read from their cached
    # copies unless --refresh; a source in poor health is one warning line, never a failure
    _config, federated, healths = federation_rows(
        project, as_of, refresh=getattr(args, "refresh", False)
    )
    warn_unhealthy(healths)
    if not links:
        return model, evaluation, None
    whole = evaluation if model is full else evaluate(full, as_of, args.due_soon_days)
    rows = merged(local_implementers(full, whole), federated) if federated else None
    linked = linked_report(full, whole, rows, include_late=getattr(args, "include_linked", False))
    if model is not full:  # --plan: its own tasks, and the rows under its own tasks
        linked = _of_plan(linked, model.plan.id)
    return model, evaluation, linked


def _of_plan(linked: LinkedReport, plan_id: str) -> LinkedReport:
    prefix = f"{plan_id}/"

    def mine(mapping: dict[str, _V]) -> dict[str, _V]:
        return {k: v for k, v in mapping.items() if k.startswith(prefix)}

    late = mine(linked.late) if linked.late is not None else None
    return LinkedReport(mine(linked.tasks), mine(linked.linked), late, mine(linked.headings))


def cmd_check(args: argparse.Namespace) -> int:
    # the text and Markdown lists show the links only when asked; JSON always carries the
    # counts (what a parent repository compares its roll-up with)
    found = evaluated(args, links=args.include_linked or args.format == "json")
    if found is None:
        return EXIT_INVALID_DATA
    model, evaluation, linked = found
    report = check_report(model, evaluation)
    options = CheckOptions(fail_on=args.fail_on, site_url=args.site_url, linked=linked)
    if args.format in CHECK_STREAMS:
        for piece in CHECK_STREAMS[args.format](report, options):
            sys.stdout.write(piece)
    else:
        sys.stdout.write(CHECK_FORMATS[args.format](report, options))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary:  # the run's summary page on GitHub
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(render_markdown(report, args.site_url, SUMMARY_BUDGET))
    return EXIT_PROBLEMS if report.fails(args.fail_on) else EXIT_OK


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
