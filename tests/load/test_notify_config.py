"""``data/notify.yaml`` as ``duban validate`` reads it, and webhook keys refused in every data
file: an address whose key is in it belongs in an environment variable, never in git."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.i18n.messages import translate
from duban.load.notify_config import notify_config
from duban.load.privacy import secret_findings, secret_message
from duban.load.project import load_project
from helpers import BASE, ROOT, lay_out_case


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aoc-4bc4", "send?key=…"),
        ("见 https://oapi.dingtalk.com/robot/send?access_token=e9a8118c8a3dc", "access_token=…"),
        ("https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-4e5f", "/hook/…"),
        ("wecombot://693a91f6-7aoc-4bc4", "wecombot://…"),
        ("dingtalk://SECabc@token123", "dingtalk://…"),
        ("mailtos://office:Passw0rd@smtp.example.gov.cn", "mailtos://…"),
        ("https://example.org/api?token=abcdefgh12345678", "?token=…"),
        ("SEC10d6e79b42bd94be0d0d603843651aa2ccd7186db6edbc", "SEC…"),
    ],
)
def test_webhook_keys_and_addresses_with_a_token_are_found_and_masked(
    text: str, masked: str
) -> None:
    found = list(secret_findings(text))
    assert found and all(f.endswith("…") for f in found)
    assert any(f.endswith(masked) for f in found), found
    secret_part = text.rsplit("=", 1)[-1].rsplit("/", 1)[-1]
    assert all(secret_part not in f for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "https://www.gov.cn/zhengce/content/2010-06/30/content_1642.htm",
        "https://example.org/page?id=12",
        "2010年6月底前 SEC 检查",
        "mailto:office@example.org",  # an e-mail address: personal data, a warning of its own
        "DUBAN_NOTIFY_BAQIAO",
    ],
)
def test_ordinary_text_and_links_are_not_secrets(text: str) -> None:
    assert list(secret_findings(text)) == []


def test_validate_refuses_a_webhook_key_in_any_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = lay_out_case(BASE, tmp_path / "project")
    org = project / "data" / "org.yaml"
    key = "693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa"
    text = org.read_text(encoding="utf-8").replace(
        "    short_name: 市局\n",
        f"    short_name: 市局\n    note: 群机器人 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={key}\n",
    )
    org.write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "data/org.yaml:28:11: units[0].note: looks like a webhook key or an address" in err
    assert key not in err


def test_a_valid_notify_yaml_is_read_into_routes(tmp_path: Path) -> None:
    project = lay_out_case(BASE, tmp_path / "project")
    (project / "data" / "notify.yaml").write_text(
        "routes:\n"
        "  office:\n    kind: wecom\n    url_env: DUBAN_NOTIFY_OFFICE\n"
        "  legal:\n    kind: dingtalk\n    url_env: DUBAN_NOTIFY_LEGAL\n"
        "    secret_env: DUBAN_NOTIFY_LEGAL_SECRET\n"
        "units:\n  fagui-chu: [legal]\n"
        "office: [office]\n",
        encoding="utf-8",
    )
    loaded = load_project(project / "data")
    assert loaded.ok, loaded.problems
    document = next(d for d in loaded.documents if d.file == "notify.yaml")
    config = notify_config(document)
    assert config.routes["legal"].secret_env == "DUBAN_NOTIFY_LEGAL_SECRET"
    assert config.routes_of("fagui-chu", ()) == ("legal",)
    assert config.routes_of("shiju", ()) == ()
    assert config.office == ("office",)


def test_a_secret_for_a_platform_that_signs_nothing_is_a_problem(tmp_path: Path) -> None:
    project = lay_out_case(BASE, tmp_path / "project")
    (project / "data" / "notify.yaml").write_text(
        "routes:\n  office:\n    kind: wecom\n    url_env: A\n    secret_env: B\n"
        "office: [office]\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in load_project(project / "data").problems]
    assert [p.split(": ", 1)[1] for p in problems] == [
        "routes.office.secret_env: secret_env is only for dingtalk and feishu routes, not wecom"
    ]
    assert "notify.yaml:5:17: routes.office.secret_env:" in problems[0]


@pytest.mark.parametrize(
    "message",
    [
        secret_message("wecombot://…"),
        "there is no route x under routes (routes: a, b)",
        "secret_env is only for dingtalk and feishu routes, not email",
        "route a is not used by units, default or office: use it or remove it",
        "must be the name of an environment variable (capital letters, digits and _), never the "
        "address or key itself",
    ],
)
def test_the_messages_have_chinese_words(message: str) -> None:
    chinese = translate(message, "zh")
    assert chinese != message and re.search(r"[\u4e00-\u9fff]", chinese)


def test_the_example_of_docs_notify_md_is_valid_for_the_shipped_data(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "notify.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert example is not None
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "notify.yaml").write_text(example.group(1), encoding="utf-8")
    loaded = load_project(tmp_path / "data")
    assert loaded.ok, [str(p) for p in loaded.problems]
    document = next(d for d in loaded.documents if d.file == "notify.yaml")
    assert notify_config(document).routes_of("xincheng", ("quxian-sfj",)) == ("quxian-qun",)
