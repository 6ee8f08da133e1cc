"""Benchmark: how validation scales, as ratios against baselines measured in the same run.

    python tests/benchmarks/bench_validate.py [--units 100] [--repeat 3]

Reports, for a synthetic plan (see synthetic.py):
* scaling: time to validate 10x the units divided by the time for 1x (about 10 means linear);
* loader overhead: the strict, position-keeping loader divided by plain ``yaml.load`` with the
  same C parser on the same files (the price of positions and strictness).
Absolute seconds are printed too but mean little on a shared machine; the ratios are the result.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from duban.load.project import load_project
from duban.load.strict_yaml import load_document
from synthetic import make_project  # beside this file: on sys.path as script and under pytest

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def validate_seconds(data: Path, repeat: int) -> float:
    def work():
        project = load_project(data, SCHEMAS)
        assert project.ok, project.problems[:3]

    return best_of(repeat, work)


def loader_seconds(files: list[Path], repeat: int) -> tuple[float, float]:
    def strict():
        for path in files:
            document, problems = load_document(path)
            assert document is not None, problems

    def plain():
        for path in files:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    return best_of(repeat, strict), best_of(repeat, plain)


def run(units: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        small = make_project(Path(tmp) / "small", units)
        large = make_project(Path(tmp) / "large", units * 10)
        t_small = validate_seconds(small, repeat)
        t_large = validate_seconds(large, repeat)
        files = sorted(large.rglob("*.yaml"))
        t_strict, t_plain = loader_seconds(files, repeat)
    return {
        "units_small": units,
        "seconds_small": t_small,
        "seconds_large": t_large,
        "scaling_ratio": t_large / t_small,
        "loader_strict_seconds": t_strict,
        "loader_plain_seconds": t_plain,
        "loader_overhead_ratio": t_strict / t_plain,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = run(args.units, args.repeat)
    print(f"validate {result['units_small']} units: {result['seconds_small']:.3f} s")
    print(f"validate {result['units_small'] * 10} units: {result['seconds_large']:.3f} s")
    print(f"scaling ratio (10x units): {result['scaling_ratio']:.1f} (10 = linear)")
    print(
        f"strict loader vs plain yaml.load (C parser): {result['loader_overhead_ratio']:.2f}x "
        f"({result['loader_strict_seconds']:.3f} s vs {result['loader_plain_seconds']:.3f} s)"
    )


if __name__ == "__main__":
    main()
