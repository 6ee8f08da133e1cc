"""``duban check`` (text) is written a unit at a time, like the JSON: the same text as a whole."""

from __future__ import annotations

import datetime as dt

from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.outputs.check_formats import CHECK_STREAMS, CheckOptions, render_text, text_chunks


def test_the_text_comes_a_unit_at_a_time(demo_model):
    report = check_report(demo_model, evaluate(demo_model, dt.date(2010, 12, 15)))
    pieces = list(text_chunks(report))
    assert len(report.units) > 5 and len(pieces) == len(report.units) + 2
    whole = render_text(report)
    assert "".join(pieces) == whole and whole.endswith("\n") and "\n\n\n" not in whole
    for piece, (holder, items) in zip(pieces[1:], report.units, strict=False):
        assert piece.startswith(f"\n{holder.name} ({holder.id})\n")
        assert piece.count("\n") == len(items) + 2
    streamed = "".join(CHECK_STREAMS["text"](report, CheckOptions()))
    assert streamed == whole
