"""What a `mkdocs serve` rebuild no longer does again for every page (h24y).

* The front matter's meta: a page put in place by duban (plugin/kept_pages.py) is given the meta
  of its front matter. The first build of a session has every generated page read by MkDocs; the
  meta MkDocs read is kept, so the first rebuild, which puts nearly every page in place, parses
  none of them again (it parsed every page's YAML: the first edit after the server started was
  the slowest).
* The page sources' digests (plugin/page_cache.py ``SourceDigests``): a source the memo gives
  again is the last build's very string, so its digest is the last one.
"""

from __future__ import annotations

import shutil
from typing import Any

from mkdocs.utils.meta import get_data

import duban.plugin.kept_pages as kept_pages
from duban.plugin.page_cache import SourceDigests, source_digest
from sitekit import (
    assert_served_as_built,
    demo_served,
    serve_rebuild,
    serve_started,
    text_edited,
)


def test_the_first_rebuild_parses_no_kept_pages_front_matter(monkeypatch):
    monkeypatch.setenv("DUBAN_LANG", "en")
    work, project, served = demo_served("serve-per-page")
    parsed: list[str] = []  # the front matters kept_pages parsed itself

    def counted(front: str) -> tuple[str, dict[str, Any]]:
        parsed.append(front)
        return get_data(front)

    monkeypatch.setattr(kept_pages, "get_data", counted)
    config = serve_started(project, served)
    plugin = config.plugins["duban"]
    try:
        serve_rebuild(project, served)  # the first build: MkDocs reads every page
        kept = plugin.cache.kept
        assert kept.metas  # what MkDocs read of each generated page, kept
        for front, meta in kept.metas.items():
            assert meta == get_data(front)[1]
            assert "template" not in meta  # taken before a reused page's meta is changed
        statuses = sorted((project / "data" / "status").glob("*.yaml"))
        for round, status in enumerate(statuses[:2]):
            text_edited(status, f"元数据沿用{round}：")
            serve_rebuild(project, served)
            assert kept.written  # pages were put in place by duban, not read by MkDocs ...
            assert parsed == []  # ... and none of their front matters was parsed again
            # the sources digested: those of the pages rendered again, a few of them
            assert 0 < plugin.cache.digests.made < len(plugin.cache.digests.last) // 4
            plugin.later.wait()
            assert_served_as_built(project, served, work / f"full-{round}")
    finally:
        config.plugins.on_shutdown()
    shutil.rmtree(work, ignore_errors=True)


def test_a_build_keeps_no_metas():
    kept = kept_pages.KeptPages()
    kept.read('---\ntitle: "a"\n---\n', {"title": "a"})
    assert kept.metas == {}  # `mkdocs build`: one build, nothing to keep it for
    kept.command = "serve"
    meta = {"title": "b", "hide": ["toc"]}
    kept.read('---\ntitle: "b"\n---\n', meta)
    meta["template"] = "changed later"
    assert kept.metas == {'---\ntitle: "b"\n---\n': {"title": "b", "hide": ["toc"]}}


def test_a_source_given_again_is_not_digested_again():
    digests = SourceDigests()
    first = {"a.md": "---\ntitle: a\n---\n甲", "b.md": "---\ntitle: b\n---\n乙"}
    made = digests.of(first, keep=True)
    assert made == {uri: source_digest(text) for uri, text in first.items()}
    assert digests.made == 2
    # the same objects: nothing digested; an equal text of another object, or another text,
    # is digested (by its own bytes)
    equal = "".join(["---\ntitle: b\n---\n", "乙"])
    again = {"a.md": first["a.md"], "b.md": equal, "c.md": "丙"}
    assert digests.of(again, keep=True) == {u: source_digest(t) for u, t in again.items()}
    assert digests.made == 2
    assert digests.of(again, keep=True)["b.md"] == made["b.md"] and digests.made == 0
    digests.of(again, keep=False)  # `mkdocs build`: nothing kept
    assert digests.last == {}
