"""Synthetic plans of any size, for benchmarks and scaling tests (never shipped as data).

The plan has the shape of the shipped one: one group of ``units`` bureaus responsible for
``tasks`` tasks (one-off, yearly and half-yearly deadlines), and every unit reporting on every
occurrence, so the work grows with units x tasks as it would in real use.
"""

from __future__ import annotations

from pathlib import Path

KINDS = (
    "  - kind: date\n    date: 2010-06-30\n",
    "  - kind: recurring\n    every: year\n",
    "  - kind: recurring\n    every: half-year\n",
)
PERIODS = ([""], ["2010", "2011", "2012"], ["2010-H1", "2010-H2", "2011-H1", "2011-H2"])


def make_project(root: Path, units: int, tasks: int = 12, group_size: int = 0) -> Path:
    """Write a synthetic data folder under ``root`` and return it. ``group_size``: the units
    also form groups of that many (a province's cities), listed before the group of all."""
    data = root / "data"
    plan = data / "plans" / "synthetic"
    (plan / "tasks").mkdir(parents=True)
    (data / "status").mkdir()
    (plan / "plan.yaml").write_text(
        "id: synthetic\ntitle: 合成测试方案\nissuer: shiju\nsigned: 2010-05-11\n"
        "period: {start: 2010-01-01, end: 2012-12-31}\n"
        "sections:\n  - {number: 1, title: 第一部分}\n",
        encoding="utf-8",
    )
    lines = [
        "kinds:",
        "  - {id: city-bureau, name: 市局}",
        "  - {id: district-bureau, name: 区司法局}",
        "units:",
        "  - {id: shiju, name: 合成市局, kind: city-bureau}",
    ]
    lines += [
        f"  - {{id: u{i:04d}, name: 合成第{i}区司法局, kind: district-bureau}}"
        for i in range(units)
    ]
    lines += ["groups:"]
    for start in range(0, units, group_size) if group_size else ():
        lines += [f"  - id: city-{start:04d}", f"    name: 合成第{start}市", "    members:"]
        lines += [f"      - u{i:04d}" for i in range(start, min(start + group_size, units))]
    lines += ["  - id: all", "    name: 全部区县", "    members:"]
    lines += [f"      - u{i:04d}" for i in range(units)]
    (data / "org.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for t in range(1, tasks + 1):
        (plan / "tasks" / f"{t:02d}.yaml").write_text(
            f'id: "{t:02d}"\nnumber: {t}\nsection: 1\ntitle: 任务{t}\n'
            f"text: 第{t}项任务的原文。<script>alert({t})</script>\n"
            f"roles:\n  lead: [shiju]\n  responsible: [全部区县]\n"
            f"deadline_as_written: 按期\ndue:\n{KINDS[t % 3]}",
            encoding="utf-8",
        )
    for i in range(units):
        entries = []
        for t in range(1, tasks + 1):
            for period in PERIODS[t % 3]:
                if period and t % 3 == 2 and period.startswith("2012"):
                    continue
                period_line = f'    period: "{period}"\n' if period else ""
                entries.append(
                    f'  - task: "{t:02d}"\n{period_line}    state: done\n    done: 2010-06-01\n'
                    f"    updates:\n      - {{date: 2010-05-20, text: 第{i}单位进展}}\n"
                )
        (data / "status" / f"u{i:04d}.yaml").write_text(
            f"unit: u{i:04d}\nobligations:\n" + "".join(entries), encoding="utf-8"
        )
    return data
