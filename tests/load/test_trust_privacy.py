"""Personal data written the ways people write it: +86 / 0086, full-width digits and ＠ (read
after NFKC), dots, spaces and hyphens between groups, an ID number in groups; and what must stay
quiet: dates, document numbers, amounts, numbers in links."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from duban.load import privacy
from duban.load.privacy import findings
from duban.load.project import load_project
from helpers import BASE

MOBILE = ("a mobile phone number", "139****5678")
ID = ("a resident ID number", "11**************2X")
EMAIL = ("an e-mail address", "z***@example.com")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("手机 +8613912345678", MOBILE),
        ("手机 +86 139 1234 5678", MOBILE),
        ("手机 +86-139-1234-5678", MOBILE),
        ("手机 008613912345678", MOBILE),
        ("电话：(+86)13912345678", MOBILE),
        ("手机 １３９１２３４５６７８", MOBILE),
        ("手机 １３９－１２３４－５６７８", MOBILE),
        ("手机 139.1234.5678", MOBILE),
        ("手机 139　1234　5678", MOBILE),  # ideographic spaces
        ("手机 𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", MOBILE),  # mathematical digits
        ("身份证 110105 19491231 002X", ID),
        ("身份证 110105-19491231-002X", ID),
        ("身份证 1101 0519 4912 3100 2X", ID),
        ("身份证 110105.19491231.002x", ("a resident ID number", "11**************2x")),
        ("身份证 １１０１０５１９４９１２３１００２Ｘ", ID),
        ("邮箱 zhang＠example.com", EMAIL),
        ("邮箱 ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", EMAIL),
    ],
)
def test_personal_data_as_people_write_it(text, found):
    assert list(findings(text)) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "市办发〔2010〕8号",
        "京司发〔2010〕13912345678901号",
        "2010-05-28 2010-06-30 2010-12-31",
        "2010.05.28 至 2010.12.31",
        "投入资金 13912345678.50 元",
        "增长 3.13912345678 倍",
        "版本 1.139.1234.5678",
        "139.12345678",
        "编号 013912345678",
        "https://www.gov.cn/zhengce/content/13912345678.htm",
        "https://example.org/a?id=139-1234-5678",
        "https://example.org/@user/x @org/team",
        "身份证 110105 19491231 002Y",  # the check character is wrong
        "110 105 194 912 310 02X",  # groups of three: not how an ID number is written
        "①建立制度②完善机制③加强督查",
    ],
)
def test_no_false_positives(text):
    assert list(findings(text)) == []


def _scan(predicate) -> set[int]:
    return {
        code
        for code in range(0x80, 0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and (n := unicodedata.normalize("NFKC", chr(code))) != chr(code)
        and predicate(n)
    }


def test_the_screen_knows_every_character_nfkc_reads_as_a_digit_an_at_or_a_separator():
    """A file is walked only when its raw text may hold a finding; the screen's two sets of
    characters must hold every character NFKC turns into a digit or an @, or a separator."""
    digit_like = re.compile(f"[{privacy._DIGIT_LIKE}]")
    separator_like = re.compile(f"[{privacy._SEPARATOR_LIKE}]")
    digits = _scan(lambda n: re.search("[0-9@]", n) is not None)
    separators = _scan(lambda n: re.search("[0-9@]", n) is None and re.search("[- .]", n))
    assert not [hex(c) for c in digits if not digit_like.match(chr(c))]
    assert not [hex(c) for c in separators if not separator_like.match(chr(c))]


def _project(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    status = root / "data" / "status" / "alpha.yaml"
    body = status.read_text(encoding="utf-8")
    status.write_text(body.replace("text: 已轮训 40 人", f'text: "{text}"'), encoding="utf-8")
    return root / "data"


@pytest.mark.parametrize(
    "text",
    [
        "联系人 +8613912345678",
        "联系人 １３９１２３４５６７８",
        "联系人 139.1234.5678",
        "身份证 110105 19491231 002X",
        "邮件 zhang＠example.com",
        "联系人 139　1234　5678",
        "联系人 \\uff11\\uff13\\uff19\\uff11\\uff12\\uff13\\uff14\\uff15\\uff16\\uff17\\uff18",
    ],
)
def test_the_validator_warns_whatever_the_file_looks_like(tmp_path, text):
    project = load_project(_project(tmp_path, text))
    assert project.ok and not project.problems
    [warning] = project.warnings
    assert warning.severity == "warning"
    assert warning.field == "obligations[2].updates[0].text"
    assert "personal data must not be published" in warning.message
