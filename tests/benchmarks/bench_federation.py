"""Federation at scale: 100 child sources of 15 units each rolled up into a parent, against
reading the same exports with ``json.load`` alone, same run.

    python tests/benchmarks/bench_federation.py [--children 100] [--units 15] [--repeat 3]

A child repository from generate.py (one plan, 15 units) is exported in format 4 as of the
generator's "today", each of its tasks made to implement the parent's task of the same id
(``parent:<plan>/<task>``), and the export is kept as the cached copy of ``--children`` sources
of a parent (another generated repository whose data/federation.yaml lists them), each under its
own repository id. Measured in this process, best of ``--repeat``:

* ``json.load`` of every copy: the floor, what any reader of the exports must do;
* the roll-up: ``duban.federation.sources.federation_rows`` on the loaded parent, as a build or
  ``duban check`` does it: each copy read from the cache, parsed, checked against the export
  schema, its texts cleaned, its links followed into rows, each source's health.

The target (issue 20): the roll-up of 100 children of 15 units in under 30 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from duban.evaluation.evaluate import evaluate
from duban.federation.sources import federation_rows
from duban.load.project import load_project
from duban.load.source_cache import CopyMeta, cache_dir, write_copy
from duban.outputs.open_data import export_data
from generate import Repository  # beside this file: on sys.path as script and under pytest

TODAY = dt.date(2024, 11, 30)


def child_export(root: Path, units: int) -> dict[str, Any]:
    """One generated child's export 4, its tasks implementing the parent's of the same id."""
    project = load_project(Repository(units, 1, seed=2).write(root / "child"))
    assert project.model is not None, project.problems[:3]
    data = export_data(project.model, evaluation=evaluate(project.model, TODAY))
    for task in data["tasks"]:
        if task["parent"] is None:
            task["implements"] = [{"to": f"parent:{task['id']}", "as_written": None}]
    return data


def prepare(root: Path, children: int, units: int) -> tuple[Path, list[Path], int]:
    """(the parent's data folder, every cached copy, the rows expected in all)."""
    data = child_export(root, units)
    parent = Repository(units, 1, seed=1).write(root / "parent")
    lines = ["id: parent", "name: 省级", "sources:"]
    folder = cache_dir(parent)
    copies = []
    for index in range(children):
        source = f"child-{index:03d}"
        url = f"https://{source}.example.gov.cn/downloads/duban.json"
        lines += [f"  - id: {source}", f"    name: 下级{index}", f"    export: {url}"]
        data["repository"] = {"id": source, "name": f"下级{index}"}
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_copy(folder, source, raw, CopyMeta(fetched=f"{TODAY}T00:00:00Z", url=url))
        copies.append(folder / f"{source}.json")
    (parent / "federation.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = sum(1 for o in data["obligations"] if o["bucket"] is not None) * children
    return parent, copies, rows


def run(children: int = 100, units: int = 15, repeat: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        parent, copies, expected = prepare(Path(tmp), children, units)
        project = load_project(parent)
        assert project.ok, project.problems[:3]
        floors, rollups = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            for path in copies:
                with path.open("rb") as handle:
                    json.load(handle)
            floors.append(time.perf_counter() - started)
            started = time.perf_counter()
            _config, rows, healths = federation_rows(project, TODAY)
            rollups.append(time.perf_counter() - started)
        counted = {id(r) for found in rows.values() for r in found if "/" in r.target}
        assert all(h.healthy for h in healths) and len(healths) == children
        assert len(counted) >= expected, (len(counted), expected)
        megabytes = sum(p.stat().st_size for p in copies) / 1e6
    floor, rollup = min(floors), min(rollups)
    return {
        "children": children,
        "units": units,
        "mb": megabytes,
        "rows": len(counted),
        "json_load_s": floor,
        "rollup_s": rollup,
        "rollup_vs_json_load": rollup / floor,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=100)
    parser.add_argument("--units", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    row = run(args.children, args.units, args.repeat)
    print("| children | units | MB of exports | rows | json.load s | roll-up s | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {row['children']} | {row['units']} | {row['mb']:.1f} | {row['rows']} | "
        f"{row['json_load_s']:.2f} | {row['rollup_s']:.2f} | {row['rollup_vs_json_load']:.2f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
