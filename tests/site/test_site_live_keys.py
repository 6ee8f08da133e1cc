"""`mkdocs serve`'s page keys (h24m): the live evaluation keeps an unchanged holder's
occurrences as the same objects, and the memo kept while serving keeps their digests, so a
rebuild after one edited status file pickles only the changed occurrences again; the pages are
those a render without the memo gives."""

from __future__ import annotations

import re
import shutil

from duban.load.project import load_project
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.site import Settings, page_keys, render_site
from sitekit import DEMO, DEMO_AS_OF, ServeRenders, fresh_texts

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


def test_a_rebuild_pickles_only_the_changed_occurrences_and_gives_the_same_pages(
    tmp_path, monkeypatch
):
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    pickled: list[object] = []
    real = page_keys._pickled

    def counted(value: object) -> bytes:
        pickled.append(value)
        return real(value)

    monkeypatch.setattr(page_keys, "_pickled", counted)
    settings = Settings(as_of=AS_OF)
    serve = ServeRenders(data, settings, AS_OF)
    serve.build(None)
    first = sum(isinstance(v, tuple) for v in pickled)  # (occurrence, escalation) pairs
    status = data / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+text: )", r"\g<1>服务中改动：", text, count=1), "utf-8")
    pickled.clear()
    after, _ = serve.build(["status/baqiao.yaml"])
    again = sum(isinstance(v, tuple) for v in pickled)
    assert serve.live.updated and 0 < again < first / 5, (again, first)
    assert after == fresh_texts(data, settings, AS_OF)
    assert "服务中改动：" in after[urls.unit_page("baqiao")]
    # a new date: every occurrence is another object, every digest made again
    pickled.clear()
    later = AS_OF.replace(year=AS_OF.year + 1)
    model = load_project(data).model
    assert model is not None
    serve.memo.start(data_digests(data))
    evaluation = serve.evaluations.evaluate(model, later)
    render_site(model, Settings(as_of=later), evaluation, memo=serve.memo)
    assert sum(isinstance(v, tuple) for v in pickled) >= first / 2
