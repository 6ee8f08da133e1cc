"""While serving, a group page whose members' ranks moved is the kept page with the ranks put in
(h24aa, ``site/kept_group_pages.py``): the same bytes as a fresh build's, fewer renders."""

from __future__ import annotations

import re
import shutil

from duban.evaluation.evaluate import evaluate
from duban.i18n.locale import load_locale
from duban.site import Settings, groups, kept_group_pages, page_group
from duban.site.context import Context
from sitekit import DEMO, DEMO_AS_OF, ServeRenders, fresh_texts

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


def test_the_tokens_with_the_ranks_put_in_are_the_page_rendered_with_them(demo_model, monkeypatch):
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    settings = Settings(as_of=AS_OF, summary_rows=5)
    evaluation = evaluate(demo_model, AS_OF, settings.due_soon_days)
    ctx = Context(demo_model, evaluation, settings, load_locale(settings.language), full=demo_model)
    ctx.index  # noqa: B018
    ranked = 0
    for pid in demo_model.plans:
        pctx = ctx.for_plan(pid)
        for part in page_group.group_parts(pctx):
            tokens = part.render_tokens()
            ranked += tokens.count("\ue000")
            assert kept_group_pages.ranked(tokens, part.ranks) == part.render()
    assert ranked  # some member ranked: its rank put in twice (its cell and its sort value)


def test_a_kept_page_text_that_looks_like_a_token_is_left_as_it_is():
    page = "\ue000abc:u1\ue001 " + kept_group_pages.token("u1")
    assert kept_group_pages.ranked(page, {"u1": 7}) == "\ue000abc:u1\ue001 7"


def test_a_serve_rebuild_puts_moved_ranks_in_without_rendering(tmp_path, monkeypatch):
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    settings = Settings(as_of=AS_OF, summary_rows=5)
    serve = ServeRenders(data, settings, AS_OF)
    first, _ = serve.build(None)
    kept = serve.memo.indexes.group_pages
    assert kept.rendered and len(kept.pages) == kept.rendered
    status = data / "status" / "baqiao.yaml"  # a monthly report: every task in progress done
    text = status.read_text("utf-8")
    done = r"\n\1state: done\n\1done: '2010-12-01'\n"
    status.write_text(re.sub(r"\n(\s+)state: in-progress\n", done, text), "utf-8")
    pages, _ = serve.build(["status/baqiao.yaml"])
    assert pages == fresh_texts(data, settings, AS_OF)
    moved = [u for u in pages if "/groups/" in u and pages[u] != first[u]]
    assert len(moved) > kept.rendered  # a page whose ranks moved was not rendered again
