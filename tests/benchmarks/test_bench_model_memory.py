"""The model loaded without what holders wrote (``load_project(texts=False)``, what ``duban
check`` and ``duban validate`` use) keeps much less memory: measured in fresh interpreters, with
the benchmarks (`.ci/run`'s second step). That it is the same model less the words, with the
same check output, is tested in tests/load/test_model_without_texts.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generate import Heavy


@pytest.fixture(scope="module")
def heavy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Heavy(12, 3, seed=1).write(tmp_path_factory.mktemp("heavy") / "repo")


_TRACED_LOAD = """
import gc, sys, tracemalloc
from pathlib import Path
from duban.load.project import load_project
data, texts = Path(sys.argv[1]), sys.argv[2] == "texts"
load_project(data, texts=texts)  # once untraced: schemas compiled, caches filled
tracemalloc.start()
project = load_project(data, texts=texts)
gc.collect()
assert project.ok
print(tracemalloc.get_traced_memory()[0])
"""


def _traced_load(data: Path, texts: bool) -> int:
    """The bytes a second load keeps, measured in a fresh interpreter: in the test process,
    caches and garbage left by earlier tests' data blur a difference of a few MB, and a first
    load also pays for what every load shares (compiled schemas, caches)."""
    run = subprocess.run(
        [sys.executable, "-c", _TRACED_LOAD, str(data), "texts" if texts else "lean"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(run.stdout.split()[-1])


def test_the_model_without_the_words_is_much_smaller(heavy):
    # three years of reports: most of what a model keeps is what holders wrote
    full, lean = _traced_load(heavy, True), _traced_load(heavy, False)
    assert lean < 0.75 * full, (lean, full)
