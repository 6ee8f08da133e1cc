"""``duban check --format json`` against ``duban validate`` and the text format, same run.

    python tests/benchmarks/bench_check_json.py [--units 1500] [--repeat 3] [--scripts DIR]

A repository from generate.py (two plans) is measured in separate processes, one command after
the other in each round so that a busy machine slows them alike: ``validate``, ``check`` (text)
and ``check --format json`` as of the generator's "today", each with its output thrown away.
It prints the best seconds and the peak MB of each, and the ratios check-json/validate and
check-json/check-text (the targets, issue 24: json at most 1.1x validate, under 250 MB at 1,500
units). ``--scripts`` runs another checkout's code (its ``scripts`` folder first on the path),
to measure before and after in the same run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import measured  # beside this file: on sys.path as script and under pytest

HERE = Path(__file__).resolve().parent
AS_OF = "2024-11-30"


def run(
    units: int, repeat: int, scripts: Path | None = None, profile: str = "light"
) -> dict[str, float]:
    if scripts is not None:
        os.environ["PYTHONPATH"] = str(scripts.resolve())
    duban = [sys.executable, "-m", "duban"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "repo"
        generate = [sys.executable, str(HERE / "generate.py"), "--units", str(units)]
        generate += ["--profile", profile]
        subprocess.run([*generate, "--out", str(out)], check=True, capture_output=True)
        data = str(out / "data")
        commands = {
            "validate": [*duban, "validate", "--data", data],
            "text": [*duban, "check", "--as-of", AS_OF, "--data", data],
            "json": [*duban, "check", "--format", "json", "--as-of", AS_OF, "--data", data],
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                runs[name].append(measured(command))
    row: dict[str, float] = {"units": units}
    for name, measures in runs.items():
        row[f"{name}_s"] = min(m[0] for m in measures)
        row[f"{name}_mb"] = max(m[1] for m in measures)
    row["json_vs_validate"] = row["json_s"] / row["validate_s"]
    row["json_vs_text"] = row["json_s"] / row["text_s"]
    row["json_mb_vs_text_mb"] = row["json_mb"] / row["text_mb"]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scripts", type=Path, help="another checkout's scripts folder")
    parser.add_argument("--profile", choices=("light", "heavy"), default="light")
    args = parser.parse_args(argv)
    r = run(args.units, args.repeat, args.scripts, args.profile)
    print(
        f"{r['units']:.0f} units: validate {r['validate_s']:.2f} s {r['validate_mb']:.0f} MB; "
        f"check text {r['text_s']:.2f} s {r['text_mb']:.0f} MB; "
        f"check json {r['json_s']:.2f} s {r['json_mb']:.0f} MB\n"
        f"json/validate {r['json_vs_validate']:.2f}, json/text {r['json_vs_text']:.2f}, "
        f"json MB/text MB {r['json_mb_vs_text_mb']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
