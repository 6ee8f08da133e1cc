"""Agreement of import-plan with plan texts whose expected results were encoded by hand before
the importer first ran on them (tests/fixtures/import/blind/*.expected.yaml). Printed by
tests/plan_import/test_import_plan.py; run alone with
``python3 tests/plan_import/blind_agreement.py``."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "fixtures" / "import" / "blind"
sys.path.insert(0, str(ROOT / "scripts"))

from duban.load.project import load_project  # noqa: E402
from duban.plan_import import run_import  # noqa: E402
from duban.plan_import.agreement import Agreement, compare  # noqa: E402
from duban.plan_import.units import ImportOrg  # noqa: E402


def measure(source: Path, work: Path) -> tuple[Agreement, bool, float]:
    out = work / source.stem
    began = time.perf_counter()
    written = run_import(source, out, None, source.stem, None)
    elapsed = time.perf_counter() - began
    valid = load_project(out).ok
    expected = yaml.safe_load(source.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    org = ImportOrg.from_data(yaml.safe_load((out / "org.yaml").read_text(encoding="utf-8")))
    got = {task["id"]: task for task in written.result.tasks}
    return compare(got, {str(t["id"]): t for t in expected}, org), valid, elapsed


def main() -> list[tuple[str, Agreement, bool, float]]:
    results = []
    with tempfile.TemporaryDirectory() as work:
        for source in sorted(BLIND.glob("*.txt")):
            agreement, valid, elapsed = measure(source, Path(work))
            results.append((source.stem, agreement, valid, elapsed))
            print(f"{agreement.line(source.stem)}; valid: {valid}; {elapsed:.3f} s")
            for difference in agreement.differences:
                print("    " + difference[:240])
    return results


if __name__ == "__main__":
    main()
