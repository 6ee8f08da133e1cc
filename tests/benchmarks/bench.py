"""Province scale: validate and check against the floor, and how they grow with units.

    python tests/benchmarks/bench.py [--sizes 250,500,1000,1500] [--plans 2] [--repeat 1]

For each size, a repository from generate.py is measured in separate processes (so each peak
memory is its own):

* floor: libyaml's C parser + jsonschema-rs over the same files, in one process (no positions,
  no messages, no cross-file rules: the least any validator must do);
* validate: ``duban validate``;
* check: ``duban check`` as of the generator's "today";
* one file: ``duban validate --cache`` after one status file changed, the cache warm from a run
  before the change (a pull request that changes one unit's file).

It prints a table of seconds, peak MB and the ratios validate/floor, check/validate and, across
sizes, largest/smallest. Absolute seconds mean little on a shared machine; ratios measured in the
same run are the result (docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measured(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of a command run in its own process."""
    wrapped = [
        sys.executable,
        "-c",
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
        "r.returncode)",
        *command,
    ]
    out = subprocess.run(wrapped, capture_output=True, text=True, check=True).stdout.split()
    seconds, peak_kb, code = float(out[0]), int(out[1]), int(out[2])
    if code not in (0, 1):
        raise RuntimeError(f"{command} exited {code}")
    return seconds, peak_kb / 1024


def best(repeat: int, command: list[str]) -> tuple[float, float]:
    runs = [measured(command) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def one_file_change(repeat: int, duban: list[str], data: Path, cache: Path) -> tuple[float, float]:
    """``validate --cache`` after one status file changed (its text, not its meaning)."""
    command = [*duban, "validate", "--data", str(data), "--cache", str(cache)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # warm the cache
    changed = sorted((data / "status").glob("*.yaml"))[0]
    original = changed.read_bytes()
    runs = []
    for turn in range(repeat):
        changed.write_bytes(original + f"# change {turn}\n".encode())
        runs.append(measured(command))
    changed.write_bytes(original)
    return min(r[0] for r in runs), max(r[1] for r in runs)


def run(sizes: list[int], plans: int, repeat: int) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for units in sizes:
            out = Path(tmp) / f"u{units}"
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "generate.py"),
                    "--units",
                    str(units),
                    "--plans",
                    str(plans),
                    "--out",
                    str(out),
                ],
                check=True,
                capture_output=True,
            )
            data, schemas = out / "data", out / "schemas"
            duban = [sys.executable, "-m", "duban"]
            floor = best(repeat, [sys.executable, str(HERE / "floor.py"), str(data), str(schemas)])
            validate = best(repeat, [*duban, "validate", "--data", str(data)])
            check = best(repeat, [*duban, "check", "--as-of", "2024-11-30", "--data", str(data)])
            one_file = one_file_change(repeat, duban, data, Path(tmp) / f"cache{units}")
            rows.append(
                {
                    "units": units,
                    "floor_s": floor[0],
                    "floor_mb": floor[1],
                    "validate_s": validate[0],
                    "validate_mb": validate[1],
                    "check_s": check[0],
                    "check_mb": check[1],
                    "validate_vs_floor": validate[0] / floor[0],
                    "check_vs_validate": check[0] / validate[0],
                    "one_file_s": one_file[0],
                    "one_file_mb": one_file[1],
                    "one_file_vs_validate": one_file[0] / validate[0],
                }
            )
    return rows


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| units | floor s | validate s | validate MB | check s | check MB | one file s "
        "| validate/floor | check/validate | one file/validate |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['units']} | {r['floor_s']:.1f} | {r['validate_s']:.1f} | {r['validate_mb']:.0f} "
            f"| {r['check_s']:.1f} | {r['check_mb']:.0f} | {r['one_file_s']:.2f} "
            f"| {r['validate_vs_floor']:.2f} | {r['check_vs_validate']:.2f} "
            f"| {r['one_file_vs_validate']:.2f} |"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        lines.append(
            f"\n{last['units']} vs {first['units']} units: validate "
            f"{last['validate_s'] / first['validate_s']:.2f}x "
            f"time, {last['validate_mb'] / first['validate_mb']:.2f}x memory; check "
            f"{last['check_s'] / first['check_s']:.2f}x time, "
            f"{last['check_mb'] / first['check_mb']:.2f}x memory "
            f"(units {last['units'] / first['units']:.1f}x)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,1500")
    parser.add_argument("--plans", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = run([int(s) for s in args.sizes.split(",")], args.plans, args.repeat)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(measured in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    raise SystemExit(code)
