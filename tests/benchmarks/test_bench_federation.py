"""Federation at scale (bench_federation.py): the benchmark works and reports its ratio, and
100 children of 15 units roll up into a parent within the issue's 30 s."""

from __future__ import annotations

from bench_federation import run


def test_the_benchmark_reports_its_ratio():
    row = run(children=4, units=15, repeat=1)
    assert row["rows"] > 4 * 15 and row["mb"] > 1
    assert row["rollup_vs_json_load"] == row["rollup_s"] / row["json_load_s"]


def test_100_children_of_15_units_roll_up_in_under_30_seconds():
    row = run(children=100, units=15, repeat=1)
    assert row["rows"] >= 100 * 15 * 10, row  # every child's obligations, under 20 tasks
    assert row["rollup_s"] < 30, row
    # reading, checking and rolling up costs a small multiple of parsing the JSON alone
    assert row["rollup_vs_json_load"] < 5, row
