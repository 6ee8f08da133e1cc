"""``duban export FORMAT``: the resolved data in another format (one entry of ``EXPORTERS``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from duban.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    as_of_date,
    known_unit,
    load_or_report,
    narrowed,
    write_output,
)
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import DEFAULT_DUE_SOON_DAYS, evaluate
from duban.federation.sources import federation_rows
from duban.i18n.messages import say
from duban.intake.workbook_export import unit_workbook
from duban.load.project import Project
from duban.model.model import Model
from duban.outputs.federation import rolled_up_rows
from duban.outputs.ics import calendar_ics
from duban.outputs.ledger import ledger
from duban.outputs.ledger_files import ledger_csv, ledger_xlsx
from duban.outputs.open_data import export_json

Exporter = Callable[[Model, argparse.Namespace], str | bytes]


def export_ledger(model: Model, args: argparse.Namespace) -> str | bytes:
    """The 任务落实台账 (xlsx) or its rows (csv), as of ``--as-of`` (default today)."""
    if getattr(args, "unit", None) is not None:
        raise UsageError(
            say(
                f"--unit: not supported yet for {args.format}",
                f"--unit：{args.format} 格式暂不支持按单位导出",
            )
        )
    as_of = args.as_of or as_of_date(None)
    evaluation = evaluate(model, as_of, DEFAULT_DUE_SOON_DAYS)
    book = ledger(model, evaluation, check_report(model, evaluation))
    return ledger_xlsx(book) if args.format == "xlsx" else ledger_csv(book)


EXPORTERS: dict[str, Exporter] = {
    "json": lambda model, args: export_json(
        model, evaluation=evaluate(model, args.as_of or as_of_date(None))
    ),
    "ics": lambda model, args: calendar_ics(
        model,
        evaluate(model, args.as_of) if args.as_of else None,
        unit_id=known_unit(model, args),
    ),
    # with --unit: the unit's workbook to fill in (intake/workbook_export.py); without: the 台账
    "xlsx": lambda model, args: (
        unit_workbook_of(model, args) if args.unit else export_ledger(model, args)
    ),
    "csv": export_ledger,
}


def cmd_export(args: argparse.Namespace) -> int:
    project = load_or_report(Path(args.data))
    if not project.ok:
        return EXIT_PROBLEMS
    assert project.model is not None
    model = narrowed(project.model, args)
    if args.format == "json":  # h20b: format 4 carries this repository's id and its sources' rows
        write_output(open_data_of(project, model, args), args.output)
        return EXIT_OK
    write_output(EXPORTERS[args.format](model, args), args.output)
    return EXIT_OK


def open_data_of(project: Project, model: Model, args: argparse.Namespace) -> str:
    """The open-data export as of ``--as-of`` (default today), with this repository's id and
    the rows its sources give, read from their cached copies (never the network)."""
    evaluation = evaluate(model, args.as_of or as_of_date(None))
    config, rows, _healths = federation_rows(project, evaluation.as_of)
    return export_json(
        model,
        evaluation=evaluation,
        repository=(config.id, config.name) if config.id else None,
        # with --plan, the rows under that plan's tasks only
        linked=[r for r in rolled_up_rows(rows) if r.target.partition("/")[0] in model.plans],
    )


def unit_workbook_of(model: Model, args: argparse.Namespace) -> bytes:
    """The workbook a unit fills in (``export xlsx --unit``)."""
    unit = known_unit(model, args)
    if unit is None:
        raise UsageError(say("xlsx needs --unit for now", "xlsx 需要 --unit"))
    # a row for each follow-up deadline (限期整改) set by --as-of (default today)
    return unit_workbook(model, unit, args.as_of or as_of_date(None))
