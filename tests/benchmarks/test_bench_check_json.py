"""``duban check --format json`` at province scale, run small: the benchmark works, and the
document is written unit by unit, never held whole (the tree of every item and the pieces of
one big ``json.dumps`` took 415 MB at 1,500 units)."""

from __future__ import annotations

import datetime as dt
import tracemalloc

from bench_check_json import run
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.outputs.check_formats import render_json_whole
from duban.outputs.check_json import json_chunks
from generate import Repository


def test_the_json_is_written_without_holding_the_document(tmp_path):
    data = Repository(160, 2, seed=1).write(tmp_path / "repo")
    project = load_project(data)
    assert project.model is not None
    report = check_report(project.model, evaluate(project.model, dt.date(2024, 11, 30)))
    written = 0
    tracemalloc.start()
    try:
        for piece in json_chunks(report):
            written += len(piece)  # what a write to stdout does with it: nothing kept
        streamed_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        whole = len(render_json_whole(report))
        whole_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written == whole > 1_000_000, written
    # one unit's text at a time: a small part of the document, where the whole dump holds more
    # than the document itself
    assert streamed_peak < written / 4, (streamed_peak, written)
    assert whole_peak > written, (whole_peak, written)


def test_the_benchmark_reports_its_ratios():
    row = run(units=24, repeat=1, profile="heavy")
    assert row["json_s"] > 0 and row["validate_s"] > 0
    assert row["json_cpu"] > 0 and row["validate_cpu"] > 0
    assert row["json_vs_validate"] == row["json_s"] / row["validate_s"]
    assert row["json_cpu_vs_validate"] == row["json_cpu"] / row["validate_cpu"]
    # the JSON and the text are written from the same model and report (the JSON adds the
    # links' counts), one unit at a time: the JSON holds hardly more than the text
    assert row["json_mb_vs_text_mb"] < 1.15, row
