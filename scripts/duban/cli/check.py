"""``duban check``: the office's list of overdue and due-soon obligations, and the evaluation
the office's other commands share (``evaluated``).

Its own module, apart from ``office.py``: a check imports neither python-docx nor lxml (the
bulletin's), 8 MB of a province's peak memory (docs/performance.md)."""

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
    as_of_date,
    load_or_report,
    narrowed,
)
from duban.cli.sources import warn_unhealthy
from duban.evaluation.cascade import LinkedReport, linked_report, local_implementers, merged
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import Evaluation, evaluate
from duban.federation.sources import federation_rows
from duban.model.model import Model
from duban.outputs.check_formats import CHECK_FORMATS, CHECK_STREAMS, CheckOptions
from duban.outputs.check_markdown import SUMMARY_BUDGET, render_markdown

_V = TypeVar("_V")


def evaluated(
    args: argparse.Namespace, links: bool = True, texts: bool = True
) -> tuple[Model, Evaluation, LinkedReport | None] | None:
    """(model, evaluation) of ``--plan`` (or all plans) and, with ``links``, the links' part of
    the report, which reads every plan (a plan's roll-ups come from the plans below it); None
    after printing the validator's messages. ``texts`` False: the model leaves out what
    holders wrote (``Model.texts``)."""
    as_of = as_of_date(args.as_of)
    project = load_or_report(Path(args.data), texts=texts)
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
    # no format shows what holders wrote (update texts, summaries, evidence): the model is
    # loaded without it, 50 MB less at 1,500 units of three years' reports
    found = evaluated(args, links=args.include_linked or args.format == "json", texts=False)
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
            handle.write(render_markdown(report, args.site_url, SUMMARY_BUDGET, linked))
    return EXIT_PROBLEMS if report.fails(args.fail_on) else EXIT_OK
