"""`mkdocs serve`'s calendar keys and holders' facts (h24p, site/page_keys.py): an unchanged
unit's calendar key, and a holder's facts' digest (its page's and history pages' keys), are reused
from the last build when made from the very same obligations and status entries (the live load
keeps them the same objects), the same occurrence digests and equal flags, so a rebuild after
one edited status file pickles only the changed units'; every key equals a fresh one."""

from __future__ import annotations

import re
import shutil

from duban.evaluation.evaluate import evaluate
from duban.evaluation.update import LiveEvaluation
from duban.load.project import load_project
from duban.load.update import LiveLoad
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, page_keys, render_site
from duban.site.reports import ReportEntry
from sitekit import DEMO, DEMO_AS_OF

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


def _keys(memo: SourceMemo) -> dict[str, str]:
    return {uri: kept[5] for uri, kept in memo.calendar_keys.items()}


def test_a_rebuild_reuses_unchanged_calendar_keys_and_each_equals_a_fresh_one(
    tmp_path, monkeypatch
):
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    pickled: list[object] = []
    real = page_keys._pickled

    facts: list[object] = []

    def counted(value: object) -> bytes:
        if isinstance(value, list) and len(value) == 4 and isinstance(value[3], bool):
            pickled.append(value)  # a calendar's facts
        elif (
            isinstance(value, list)
            and len(value) >= 3
            and isinstance(value[0], list)
            and all(isinstance(d, str) for d in value[0])
            and isinstance(value[1], list)
            and all(isinstance(r, ReportEntry) for r in value[1])
            and not isinstance(value[-1], (str, type(None)))
        ):
            facts.append(value)  # a holder's facts (its page and history pages' keys)
        return real(value)

    monkeypatch.setattr(page_keys, "_pickled", counted)
    live, evaluations = LiveLoad(), LiveEvaluation()
    memo = SourceMemo(None, keep=True)  # in memory, as while serving
    settings = Settings(as_of=AS_OF)

    def build(changed: list[str] | None) -> None:
        project = live.load(data, changed=changed)
        assert project.model is not None
        memo.start(data_digests(data))
        evaluation = evaluations.evaluate(project.model, AS_OF, settings.due_soon_days)
        render_site(project.model, settings, evaluation, processes=1, memo=memo)

    build(None)
    first, holders = len(pickled), len(facts)
    assert holders > 10
    before = _keys(memo)
    assert first > 10 and len(before) == first
    status = data / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+done: )\S+", r"\g<1>2010-12-01", text, count=1), "utf-8")
    pickled.clear()
    facts.clear()
    build(["status/baqiao.yaml"])
    assert live.updated and 0 < len(pickled) < first / 3, (len(pickled), first)
    assert 0 < len(facts) < holders / 3, (len(facts), holders)  # the unit and its groups
    after = _keys(memo)
    assert after != before  # the edited unit's calendar has another key
    # every key, reused or made, is the key a fresh load and a memo without history give
    model = load_project(data).model
    assert model is not None
    fresh = SourceMemo(None, keep=True)
    fresh.start(data_digests(data))
    evaluation = evaluate(model, AS_OF, settings.due_soon_days)
    render_site(model, settings, evaluation, processes=1, memo=fresh)
    assert _keys(fresh) == after
    assert {h: kept[5] for h, kept in fresh.holder_facts.items()} == {
        h: kept[5] for h, kept in memo.holder_facts.items()
    }
