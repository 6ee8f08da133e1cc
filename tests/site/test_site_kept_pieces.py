"""The whole-plan downloads assembled from pieces kept by content (h24l): the open data's status
entries kept by status file (duban/site/kept_open_data.py). After edits, every download equals
a render without the memo, byte for byte, and only the edited files' pieces are made again."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.outputs import urls
from duban.outputs.open_data import export_json
from duban.plugin import handoff
from duban.plugin.handed_files import handed_files
from duban.plugin.loaded_digests import DigestedFiles, after_load, before_load, data_digests
from duban.plugin.reuse import _render_nothing
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, groups, kept_open_data, render_site
from helpers import loaded_model
from sitekit import DEMO_AS_OF, demo_data, demo_project

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


class Pieces(list[str]):
    """The status files whose open-data piece was made (not taken from the memo)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        make = kept_open_data.made_piece

        def counted(entries: Any) -> str:
            entries = list(entries)
            self.append(entries[0].source.file if entries else "")
            return make(entries)

        monkeypatch.setattr(kept_open_data, "made_piece", counted)


def _files(
    data: Path, memo: SourceMemo | None, processes: int = 1, **given: Any
) -> dict[str, bytes]:
    if memo is not None:
        memo.start(data_digests(data))
    model = loaded_model(data)
    settings = Settings(as_of=AS_OF, **given)
    evaluation = evaluate(model, AS_OF, settings.due_soon_days)
    site = render_site(model, settings, evaluation, processes=processes, memo=memo)
    if memo is not None:
        memo.finish()
    return {u: c.encode() if isinstance(c, str) else c for u, c in site.files.items()}


def _edit(data: Path, unit: str, words: str = "改动后的进展：") -> None:
    status = data / "status" / f"{unit}.yaml"
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", rf"\g<1>{words}", text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")


def _open_data(files: dict[str, bytes]) -> dict[str, Any]:
    if urls.EXPORT_JSON_GZ in files:
        return json.loads(gzip.decompress(files[urls.EXPORT_JSON_GZ]))
    return json.loads(files[urls.EXPORT_JSON])


def test_the_status_entries_given_as_json_are_the_same_bytes(demo_model):
    """export_json with the entries already JSON is export_json made whole, byte for byte."""
    pieces = kept_open_data.made_piece(demo_model.status.values())
    assert pieces and export_json(demo_model, status_json=pieces) == export_json(demo_model)
    extra = {"evaluation": {"as_of": DEMO_AS_OF, "items": [{"n": 1}]}}
    assert export_json(demo_model, extra, status_json=pieces) == export_json(demo_model, extra)


def test_open_data_from_kept_pieces_equals_a_render_without_the_memo(tmp_path, monkeypatch):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    made = Pieces(monkeypatch)
    first = _files(data, SourceMemo(cache, keep=False))  # on disk, as in CI
    every = set(made)
    assert len(every) > 5 and "status/baqiao.yaml" in every
    assert first == _files(data, None)
    # the same data, a new memo reading the folder: no piece made, the same bytes
    made.clear()
    assert _files(data, SourceMemo(cache, keep=False)) == first
    assert not made
    # two units' files changed: their pieces made again, not the others'; every download
    # equals a render without the memo, and the open data shows the edit
    _edit(data, "baqiao")
    _edit(data, "lianhu", "另一处改动：")
    made.clear()
    after = _files(data, SourceMemo(cache, keep=False))
    assert sorted(made) == ["status/baqiao.yaml", "status/lianhu.yaml"]
    assert after == _files(data, None)
    texts = json.dumps(_open_data(after)["status"], ensure_ascii=False)
    assert "改动后的进展：" in texts and "另一处改动：" in texts
    # an edit back to the first bytes: the first pieces are gone (let go), made again, equal
    shutil.rmtree(data)
    demo_data(tmp_path)
    made.clear()
    assert _files(data, SourceMemo(cache, keep=False)) == first
    assert sorted(made) == ["status/baqiao.yaml", "status/lianhu.yaml"]


def test_the_demo_as_a_province_with_a_memo_in_memory_and_two_processes(tmp_path, monkeypatch):
    """A province (group pages; the open data compressed), the memo in memory (serve), two
    processes: the pieces are made in this process, so the next build makes none."""
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    data = demo_data(tmp_path)
    memo = SourceMemo(None, keep=True)
    first = _files(data, memo, processes=2, summary_rows=5)
    assert urls.EXPORT_JSON_GZ in first  # a province's
    made = Pieces(monkeypatch)
    assert _files(data, memo, processes=2, summary_rows=5) == first
    assert not made
    _edit(data, "baqiao")
    after = _files(data, memo, processes=2, summary_rows=5)
    # h24z: compressed, a file's piece is made of its JSON and that of the file before it, so
    # the edited file's piece and the next file's are made again: three files' JSON
    files = sorted(p.relative_to(data).as_posix() for p in (data / "status").glob("*.yaml"))
    at = files.index("status/baqiao.yaml")
    assert sorted(made) == files[at - 1 : at + 2]
    assert after == _files(data, None, processes=2, summary_rows=5)
    assert "改动后的进展：" in json.dumps(_open_data(after)["status"], ensure_ascii=False)


def test_a_piece_half_written_cut_short_or_misplaced_is_made_again(tmp_path, monkeypatch):
    data = demo_data(tmp_path)
    cache = tmp_path / "cache"
    first = _files(data, SourceMemo(cache, keep=False))
    kept = [
        p
        for p in sorted((cache / "src").glob("*/*.duban-src.json"))
        if f'"{kept_open_data.CHECK}"' in p.read_text("utf-8")
    ]
    assert len(kept) > 3
    kept[0].write_text(kept[0].read_text("utf-8")[:-9], "utf-8")  # half-written
    stored = json.loads(kept[1].read_text("utf-8"))
    piece = stored["pages"][kept_open_data.PIECE]
    stored["pages"][kept_open_data.PIECE] = piece[: len(piece) // 2]  # cut short, still JSON
    kept[1].write_text(json.dumps(stored, ensure_ascii=False), "utf-8")
    kept[2].write_text('{"format": 1, "key": "other", "pages": {}}', "utf-8")  # misplaced
    made = Pieces(monkeypatch)
    assert _files(data, SourceMemo(cache, keep=False)) == first
    assert len(made) == 3


def test_the_keys_digest_the_bytes_loaded_not_those_found_later(tmp_path):
    """The data files' digests (h24l, duban/plugin/loaded_digests.py): a status file's is of
    the bytes the loader read, so a file changed after its load is not kept under the key of
    its new content; any other data file changed during the load stops the build."""
    data = demo_data(tmp_path)
    parsed = DigestedFiles(tmp_path / "cache")
    for _ in range(2):  # a cold load (every file parsed), then one taking them as parsed
        parsed.start()
        others = before_load(data)
        assert load_project(data, parsed=parsed).ok
        assert after_load(data, others, parsed.read) == data_digests(data)
    loaded = data_digests(data)
    parsed.start()
    others = before_load(data)
    assert load_project(data, parsed=parsed).ok
    _edit(data, "baqiao")  # after the loader read it
    digests = after_load(data, others, parsed.read)
    assert digests == loaded != data_digests(data)
    (data / "org.yaml").write_text((data / "org.yaml").read_text("utf-8") + "\n", "utf-8")
    with pytest.raises(PluginError, match=r"org\.yaml"):
        after_load(data, others, parsed.read)


def test_a_page_the_cache_gives_whole_is_never_made_into_a_placeholder(monkeypatch):
    """A generated page's placeholder (handoff.py) is made when MkDocs reads the page (h24l,
    duban/plugin/handed_files.py); a page the page cache gives whole is handed its front
    matter in on_pre_page, so its placeholder is never made."""
    made: list[str] = []
    real = handoff.placeholder

    def counted(page: str) -> tuple[str, Any]:
        made.append(page)
        return real(page)

    monkeypatch.setattr(handoff, "placeholder", counted)
    config = SimpleNamespace(
        site_dir="/nonexistent", use_directory_urls=True, plugins=SimpleNamespace()
    )
    config.plugins._current_plugin = None
    page = "---\ntitle: 甲\n---\n\n## 一\n\n<div>表</div>\n"
    hand = handoff.Handoff()
    read, reused, other = handed_files(config, hand, {"a.md": page, "b.md": page, "c.csv": "x"})
    assert not made  # nothing made before MkDocs reads
    assert "## 一" in read.content_string and "<div>表</div>" not in read.content_string
    assert made == [page] and set(hand.held) == {"a.md"}
    reused.content_string = "---\ntitle: 甲\n---\n"  # what on_pre_page gives a hit
    assert reused.content_string == "---\ntitle: 甲\n---\n" and made == [page]
    assert other.content_string == "x"


def test_an_editors_swap_file_changing_during_the_load_does_not_stop_the_build(tmp_path):
    data = demo_data(tmp_path)
    swap = data / ".org.yaml.swp"
    swap.write_bytes(b"1")
    others = before_load(data)
    swap.write_bytes(b"2")
    assert after_load(data, others, {})[".org.yaml.swp"] == data_digests(data)[".org.yaml.swp"]


def test_a_reused_page_is_rendered_as_mkdocs_renders_an_empty_page(tmp_path):
    """A page the page cache gives whole is handed "" to render (h24l, reuse.py): its render
    is what MkDocs' own render of "" gives (content, table of contents, title, anchors,
    links), without a Markdown instance of every extension for it."""
    project = demo_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    files = Files([])
    pages = []
    for render in (None, _render_nothing):
        file = File("units/x.md", None, str(tmp_path / "site"), config.use_directory_urls)
        page = Page(None, file, config)
        page.markdown = ""
        if render is None:
            page.render(config, files)
        else:
            render(page, config, files)
        pages.append(page)
    made, given = pages
    assert (given.content, given._title_from_render) == (made.content, made._title_from_render)
    assert list(given.toc) == list(made.toc) == []
    assert given.present_anchor_ids == made.present_anchor_ids == set()
    assert given.links_to_anchors == made.links_to_anchors
