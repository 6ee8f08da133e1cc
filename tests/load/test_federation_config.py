"""``data/federation.yaml`` as ``duban validate`` reads it: this repository's id and its sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duban.i18n.messages import translate
from duban.load.federation_config import (
    DEFAULT_MAX_BYTES,
    FEDERATION_FILE,
    NO_FEDERATION,
    federation_config,
)
from duban.load.project import load_project
from duban.site.implementers import linked_sources
from helpers import BASE, lay_out_case


def _project(tmp_path: Path, text: str) -> Path:
    project = lay_out_case(BASE, tmp_path / "project")
    (project / "data" / FEDERATION_FILE).write_text(text, encoding="utf-8")
    return project / "data"


def test_a_valid_federation_yaml_is_read(tmp_path: Path) -> None:
    data = _project(
        tmp_path,
        "id: province\nname: 某省\nsources:\n"
        "  - id: city-a\n    name: 甲市\n    export: https://a.example.gov.cn/downloads/duban.json\n"
        "    site: https://a.example.gov.cn/\n    timeout: 5\n    stale_after_days: 3\n"
        "  - id: city-b\n    name: 乙市\n    export: ../b-data\n",
    )
    (data.parent / "b-data").mkdir()
    loaded = load_project(data)
    assert loaded.ok, loaded.problems
    document = next(d for d in loaded.documents if d.file == FEDERATION_FILE)
    config = federation_config(document, data)
    assert (config.id, config.name) == ("province", "某省")
    a, b = config.sources
    assert a.is_url and a.timeout == 5 and a.stale_after_days == 3
    assert a.max_bytes == DEFAULT_MAX_BYTES and a.site == "https://a.example.gov.cn/"
    assert not b.is_url and b.local_path.resolve() == (data.parent / "b-data").resolve()
    assert federation_config(None, data) == NO_FEDERATION


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (
            "  - {id: a, name: 甲, export: 'http://a.example.gov.cn/x.json'}\n",
            "sources[0].export: must be an https:// address or a path relative to federation.yaml",
        ),
        (
            "  - {id: a, name: 甲, export: missing.json}\n",
            "sources[0].export: missing.json does not exist "
            "(a path is relative to federation.yaml)",
        ),
        (
            "  - {id: a, name: 甲, export: 'https://a.example.gov.cn/x.json'}\n"
            "  - {id: a, name: 乙, export: 'https://b.example.gov.cn/x.json'}\n",
            "sources[1].id: another source has the id a too",
        ),
        (
            "  - {id: here, name: 甲, export: 'https://a.example.gov.cn/x.json'}\n",
            "sources[0].id: source here has the id of this repository: give it its own",
        ),
        (
            "  - {id: a, name: 甲, export: 'https://a.example.gov.cn/x.json', ca_bundle: ca.pem}\n",
            "sources[0].ca_bundle: ca.pem does not exist (a path is relative to federation.yaml)",
        ),
        (
            "  - {id: a, name: 甲, export: 'https://a.example.gov.cn/x.json', "
            "site: 'javascript:alert(1)'}\n",
            "sources[0].site: must be an https:// link without spaces or quotes",
        ),
        (
            "  - {id: a, name: 甲, export: 'https://a.example.gov.cn/x.json', timeout: 0}\n",
            "sources[0].timeout:",
        ),
    ],
)
def test_what_is_wrong_in_federation_yaml_is_one_line_each(
    tmp_path: Path, sources: str, expected: str
) -> None:
    data = _project(tmp_path, f"id: here\nsources:\n{sources}")
    problems = [str(p) for p in load_project(data).problems]
    assert len(problems) == 1, problems
    assert f"federation.yaml:{3 + sources.count(chr(10)) - 1}:" in problems[0]
    assert problems[0].split(": ", 1)[1].startswith(expected), problems[0]


def test_the_messages_have_chinese_words() -> None:
    for message in (
        "another source has the id a too",
        "source a has the id of this repository: give it its own",
        "must be an https:// address or a path relative to federation.yaml",
        "x.json does not exist (a path is relative to federation.yaml)",
        "is only for an https:// export",
    ):
        chinese = translate(message, "zh")
        assert chinese != message and re.search(r"[\u4e00-\u9fff]", chinese)


def test_upper_sites_give_the_lower_tasks_their_link_up(tmp_path: Path) -> None:
    data = _project(
        tmp_path,
        "id: city\nname: 某市\nupper:\n"
        "  - id: province\n    name: 某省\n    site: https://duban.province.example.gov.cn/\n",
    )
    loaded = load_project(data)
    assert loaded.ok, loaded.problems
    document = next(d for d in loaded.documents if d.file == FEDERATION_FILE)
    config = federation_config(document, data)
    sources = linked_sources(config)
    assert sources["province"].name == "某省"
    assert sources["province"].task_url("sx-2023/3/2") == (
        "https://duban.province.example.gov.cn/plans/sx-2023/tasks/3.html#item-2"
    )
    for upper, expected in (
        (
            "{id: city, name: 某市}",
            "upper[0].id: source city has the id of this repository: give it its own",
        ),
        (
            "{id: prov, name: 某省, site: 'javascript:alert(1)'}",
            "upper[0].site: must be an https:// link without spaces or quotes "
            "(got 'javascript:alert(1)')",
        ),
    ):
        (data / FEDERATION_FILE).write_text(f"id: city\nupper:\n  - {upper}\n", encoding="utf-8")
        problems = [str(p).split(": ", 1)[1] for p in load_project(data).problems]
        assert problems == [expected]
