"""A page cache entry's final HTML in a file of its own, read only when the page is written
(duban/plugin/page_cache.py, h24g): what is held between MkDocs' read and write passes is the
small part."""

from __future__ import annotations

import pytest

from duban.plugin.page_cache import HTML_SUFFIX, SUFFIX, CacheChanged, Entry, PageCache


def test_an_entry_read_from_the_folder_holds_no_html_until_it_is_written(tmp_path):
    cache = PageCache(tmp_path, keep=False)
    key = cache.key("context", "units/a.md", "source")
    search = ({"location": "a.html", "title": "a", "text": ""},)
    cache.put(key, Entry("<html>页</html>", search, frozenset({"x"})))
    html = tmp_path / key[:2] / f"{key}{HTML_SUFFIX}"
    assert html.read_text("utf-8") == "<html>页</html>"
    assert "<html>" not in (tmp_path / key[:2] / f"{key}{SUFFIX}").read_text("utf-8")
    found = PageCache(tmp_path, keep=False).get(key)
    assert found is not None and found.text == "" and found.file == html
    assert found.output == "<html>页</html>"  # read now
    assert found == Entry("<html>页</html>", search, frozenset({"x"}))


def test_a_missing_shortened_or_replaced_html_file_is_never_served(tmp_path):
    cache = PageCache(tmp_path, keep=False)
    key = cache.key("context", "units/a.md", "source")
    cache.put(key, Entry("<html>aaaa</html>", (), frozenset()))
    html = tmp_path / key[:2] / f"{key}{HTML_SUFFIX}"
    found = PageCache(tmp_path).get(key)
    assert found is not None
    html.write_text("<html>bbbb</html>", "utf-8")  # the same size, other bytes
    with pytest.raises(CacheChanged):
        found.output  # noqa: B018
    html.write_text("<html>a</html>", "utf-8")  # another size: no entry
    assert PageCache(tmp_path).get(key) is None
    html.unlink()
    assert PageCache(tmp_path).get(key) is None


def test_what_a_build_did_not_use_is_removed_with_its_html(tmp_path):
    cache = PageCache(tmp_path, keep=False)
    old, new = cache.key("c", "a.md", "1"), cache.key("c", "a.md", "2")
    cache.put(old, Entry("<p>1</p>", (), frozenset()))
    cache.start()
    cache.put(new, Entry("<p>2</p>", (), frozenset()))
    cache.finish()
    left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert left == sorted([f"{new}{SUFFIX}", f"{new}{HTML_SUFFIX}"])
