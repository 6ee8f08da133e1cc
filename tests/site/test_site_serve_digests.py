"""`mkdocs serve`'s occurrences' digests carried over whole from the last build (h24v,
site/serve_digests.py): after edits every page and download equals a fresh build's, the
digests carried are those of the same objects, and past the share of stale entries the
digests start again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from duban.load.cache import parts_digest
from duban.site import Settings, serve_digests
from duban.site.fact_bytes import fact_bytes
from sitekit import DEMO, DEMO_AS_OF, ServeRenders, fresh_texts

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)
EDITED = "status/baqiao.yaml"


def _edit(data: Path, done: str) -> None:
    status = data / EDITED
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+done: )\S+", rf"\g<1>{done}", text, count=1), "utf-8")


@pytest.mark.parametrize("stale", [serve_digests.MOST_STALE, float("-inf")])
def test_serve_edits_with_carried_digests_serve_what_a_full_build_makes(
    tmp_path, monkeypatch, stale
):
    monkeypatch.setattr(serve_digests, "MOST_STALE", stale)  # -inf: never carried
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    settings = Settings(as_of=AS_OF, summary_rows=5)
    serve = ServeRenders(data, settings, AS_OF)
    memo = serve.memo  # in memory, as while serving
    carried: list[Any] = []
    real = serve_digests.carried

    def counted(*args: Any) -> Any:
        found = real(*args)
        carried.append(found)
        return found

    monkeypatch.setattr(serve_digests, "carried", counted)

    serve.build(None)
    first = dict(memo.occurrences)
    assert first and memo.indexes.made is not None and len(memo.indexes.made) == len(first)
    for done in ("2010-12-01", "2010-11-02"):
        _edit(data, done)
        pages, evaluation = serve.build([EDITED])
        # every occurrence of the evaluation has its own digest, that of its object
        entries = memo.occurrences
        for item in evaluation.items:
            kept = entries[id(item)]
            assert kept[0] is item
            want = parts_digest(fact_bytes((item, evaluation.escalations.get(item.ref))))
            assert kept[2] == want == memo.indexes.made[id(item)]
        assert pages == fresh_texts(data, settings, AS_OF)
    assert carried[0] is None  # the first build: nothing to carry
    if stale < 0:
        assert carried[1:] == [None, None]
    else:
        assert all(c is not None for c in carried[1:])
        # the unchanged occurrences' entries are the first build's, carried
        same = [k for k, v in first.items() if memo.occurrences.get(k) is v]
        assert len(same) > len(first) / 2
