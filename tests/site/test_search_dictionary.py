"""The words duban adds to jieba for the site search are the only ones it has added, whatever
was built before in the same process (`mkdocs serve` after an org.yaml change, or another site):
the search index is cut as a fresh build's would be."""

from __future__ import annotations

import jieba

from duban.site.search_words import use_words

TEXT = "市局办公室主任到青山县青山镇人民政府督办"


def _cuts() -> tuple[list[str], list[str]]:
    return list(jieba.cut(TEXT)), list(jieba.cut_for_search(TEXT))


def test_the_last_builds_words_leave_no_trace():
    use_words([])
    fresh = _cuts()
    # an organisation whose names include a word of jieba's own dictionary (办公室), then
    # none: taking 办公室 back with del_word left it forced apart for the rest of the process
    assert use_words(["办公室", "青山镇", "室主任"]) == ("办公室", "青山镇", "室主任")
    assert "青山镇" in _cuts()[0]
    use_words([])
    assert _cuts() == fresh


def test_words_added_by_others_in_place_are_undone():
    use_words(["青山镇"])
    with_names = _cuts()
    jieba.add_word("督办")  # e.g. a user dictionary another site's search loaded in place
    jieba.del_word("办公室")
    use_words(["青山镇"])
    assert _cuts() == with_names


def test_a_dictionary_loaded_again_is_taken_as_it_is():
    use_words([])
    jieba.dt.FREQ = dict(jieba.dt.FREQ)  # what set_dictionary's reload leaves: another object
    jieba.dt.FREQ["青山镇"] = 10_000
    jieba.dt.total += 10_000
    use_words([])
    assert "青山镇" in _cuts()[0]
    # leave the process's dictionary as the other tests find it: loaded again without the word
    again = dict(jieba.dt.FREQ)
    again.pop("青山镇")
    jieba.dt.FREQ, jieba.dt.total = again, jieba.dt.total - 10_000
    use_words([])
    assert "青山镇" not in _cuts()[0]


def test_the_same_words_again_are_not_added_again(monkeypatch):
    """h24y: serving, every edit that renders a page gave jieba the organisation's names again
    (a second at a province); the same words on the dictionary duban left are kept as they are,
    anything else changed in between puts them in again."""
    names = ["青山镇", "室主任"]
    use_words(names)
    with_names = _cuts()
    added: list[str] = []
    add_word = jieba.dt.add_word

    def counted(word: str, *args: object, **kwargs: object) -> None:
        added.append(word)
        add_word(word, *args, **kwargs)

    monkeypatch.setattr(jieba.dt, "add_word", counted)
    assert use_words(list(names)) == tuple(names) and added == []
    assert _cuts() == with_names
    use_words(["绿水乡", "青山镇"])  # other words (another org.yaml): added
    assert added == ["绿水乡", "青山镇"]
    added.clear()
    use_words(names)
    jieba.del_word("青山镇")  # changed in place since: the words are put in again
    added.clear()
    use_words(names)
    assert added == names and _cuts() == with_names
    use_words([])
