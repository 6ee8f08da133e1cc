"""``duban import-plan`` reads a document someone sent: a hostile .docx, a huge text or a file
name made to inject lines is refused in one line naming the file (exit 2), or written safely;
never a traceback, an exit 70, gigabytes of memory or a line of YAML the name made up."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duban.cli.main import main
from duban.load.untrusted import Untrusted, ZipLimits, check_zip
from duban.plan_import import run_import
from duban.plan_import.reading import ReadError, read_document
from helpers import mutated

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
PLAN = ["某市实施方案", "一、总体要求", "（一）加强组织领导。市委办公室牵头，2024年底前完成。"]


def document_xml(paragraphs: list[str], prolog: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )


def docx_bytes(document: str | bytes | None, extra: dict[str, str] | None = None) -> bytes:
    """A minimal .docx built by hand: three parts (the document as given, or missing)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        if document is not None:
            archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


VALID = document_xml(PLAN)
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
HOSTILE = {
    "external-entity": docx_bytes(
        document_xml(
            ["&xxe;", *PLAN[1:]], '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        )
    ),
    "billion-laughs": docx_bytes(document_xml(["&lol9;", *PLAN[1:]], LAUGHS)),
    "missing-part": docx_bytes(None),
    "utf-7": docx_bytes(
        document_xml(
            ["&xxe;", *PLAN[1:]], '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        )
        .replace('encoding="UTF-8"', 'encoding="UTF-7"')
        .encode("utf-7")
        .replace(b"<!", b"+ADwAIQ-")
    ),
    "truncated": docx_bytes(VALID[: len(VALID) // 2]),
    "noncharacter": docx_bytes(document_xml(["\ufffe", *PLAN[1:]])),
    "not-a-zip": b"PK\x03\x04" + b"\x00" * 40,
}


def _import_plan(tmp_path: Path, name: str, data: bytes, capsys) -> tuple[int, str]:
    source = tmp_path / name
    source.write_bytes(data)
    capsys.readouterr()
    code = main(["import-plan", str(source), "--out", str(tmp_path / "out")])
    return code, capsys.readouterr().err


def _refused(code: int, err: str, name: str) -> None:
    assert code in (1, 2), err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert name in lines[0]
    assert "internal error" not in err and "Traceback" not in err


def test_a_hand_built_docx_is_read():
    path = _write(docx_bytes(VALID), "plan.docx")
    text, how = read_document(path)
    assert text.splitlines() == PLAN and how == "docx"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_damaged_or_hostile_docx_is_one_line(tmp_path, capsys, chinese, kind):
    name = f"{kind}.docx"
    code, err = _import_plan(tmp_path, name, HOSTILE[kind], capsys)
    _refused(code, err, name)
    assert not (tmp_path / "out").exists()
    if kind == "utf-7":  # refused for what it is, before a parser tries it
        assert "UTF-7" in err


def test_a_docx_that_inflates_far_is_refused_before_it_is_inflated(tmp_path, capsys, monkeypatch):
    docx = pytest.importorskip("docx")

    def refuse(*args, **kwargs):
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(docx, "Document", refuse)
    bomb = docx_bytes(document_xml([*PLAN, "x" * 40_000_000]))
    assert len(bomb) < 200_000
    code, err = _import_plan(tmp_path, "bomb.docx", bomb, capsys)
    _refused(code, err, "bomb.docx")
    assert "inflates" in err


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_a_document_larger_than_the_limit_is_refused_unread(tmp_path, capsys, monkeypatch, suffix):
    path = tmp_path / f"big{suffix}"
    with path.open("wb") as handle:  # sparse: 60 MB on disk costs nothing
        handle.write("\n".join(PLAN).encode("utf-8"))
        handle.truncate(60 * 1024 * 1024)

    def refuse(self):
        raise AssertionError("read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    capsys.readouterr()
    code = main(["import-plan", str(path), "--out", str(tmp_path / "out")])
    _refused(code, capsys.readouterr().err, f"big{suffix}")


# -- fuzz: nothing but the reader's own one-line error ------------------------------------------
FOLDER = Path()


@pytest.fixture(autouse=True, scope="module")
def _folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One folder for the files these tests write (hypothesis runs a test many times)."""
    global FOLDER
    FOLDER = tmp_path_factory.mktemp("trust")


def _write(data: bytes, name: str) -> Path:
    path = FOLDER / name
    path.write_bytes(data)
    return path


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        read_document(_write(data, name))
    except ReadError as error:
        assert "\n" not in str(error)


SEED_DOCX = docx_bytes(VALID)
SEED_HTML = (
    "<html><body><table><tr><td>序号</td><td>牵头单位</td></tr><tr><td>1</td>"
    "<td>市委</td></tr></table><p>" + "</p><p>".join(PLAN) + "</p></body></html>"
).encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        mutated(SEED_DOCX),
        mutated(VALID.encode("utf-8")).map(docx_bytes),  # the document's XML damaged, zipped well
    )
)
def test_fuzz_the_docx_reader(data):
    _read_or_refuse(data, "fuzz.docx")


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.binary(max_size=2000), mutated(SEED_HTML)),
    st.sampled_from(["fuzz.txt", "fuzz.html"]),
)
def test_fuzz_the_text_and_html_readers(data, name):
    _read_or_refuse(data, name)


# -- what the import writes: a file name is never a line of its own -----------------------------
CITY = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "city-plan.txt"
INJECTED = "x\ndocument_number: 注入〔2099〕1号\n#.txt"


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def test_a_file_name_with_line_breaks_injects_no_key(tmp_path, chinese):
    source = tmp_path / INJECTED
    source.write_bytes(CITY.read_bytes())
    written = run_import(source, tmp_path / "data", None, "p", None)
    files = _yaml_files(tmp_path / "data")
    assert len(files) > 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "注入" not in yaml.safe_load(text).get("document_number", ""), path
        assert "\ndocument_number: 注入" not in text, path
        assert all(line.startswith("# ") for line in text.split("\n")[:2]), path
    review = written.review.read_text(encoding="utf-8")
    assert "\ndocument_number" not in review
    line = next(line for line in review.splitlines() if line.startswith("- 原文文件："))
    assert "注入" in line  # the name is there, escaped, on its one line


def test_a_file_name_is_escaped_in_the_review_and_on_the_terminal(tmp_path, capsys, chinese):
    name = "\x1b]0;owned\x07\u202eplan`<b>.txt"
    source = tmp_path / name
    source.write_bytes(CITY.read_bytes())
    capsys.readouterr()
    main(["import-plan", str(source), "--out", str(tmp_path / "data"), "--plan-id", "p"])
    captured = capsys.readouterr()
    review = (tmp_path / "data" / "import-review-p.md").read_text(encoding="utf-8")
    heads = [path.read_text(encoding="utf-8") for path in _yaml_files(tmp_path / "data" / "plans")]
    for text in (captured.out, captured.err, review, *heads):
        for character in ("\x1b", "\x07", "\u202e"):
            assert character not in text
    assert "<b>" not in review


def test_a_missing_file_with_a_hostile_name_is_one_escaped_line(tmp_path, capsys):
    capsys.readouterr()
    code = main(["import-plan", str(tmp_path / "\x1b[2Jgone\n.txt"), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "\x1b" not in err and len(err.strip().splitlines()) == 1


def test_a_text_document_has_a_lower_limit(tmp_path, capsys):
    code, err = _import_plan(tmp_path, "big.txt", b"\n".join([b"x" * 1000] * 21_000), capsys)
    _refused(code, err, "big.txt")
    assert "more than the 20 MB" in err


def test_the_xml_parts_have_their_own_limit():
    limits = ZipLimits(file_bytes=10**6, total_bytes=10**6, xml_bytes=100)
    with pytest.raises(Untrusted, match="of XML inflated"):
        check_zip(docx_bytes(VALID), limits)
    check_zip(docx_bytes(VALID), ZipLimits(file_bytes=10**6, total_bytes=10**6, xml_bytes=10**5))


SVG = (
    '<?xml version="1.0" encoding="iso-8859-1"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>'
)


def test_a_picture_may_name_its_dtd_but_declare_no_entity():
    text, _ = read_document(_write(docx_bytes(VALID, {"word/media/image1.svg": SVG}), "p.docx"))
    assert text.splitlines() == PLAN
    entity = SVG.replace("<svg", '<!ENTITY x "y"><svg')
    with pytest.raises(ReadError, match="DTD"):
        read_document(_write(docx_bytes(VALID, {"word/media/image1.svg": entity}), "p.docx"))
    utf8 = SVG.replace("iso-8859-1", "utf-8")
    with pytest.raises(ReadError, match="DTD"):  # not a picture by its place
        read_document(_write(docx_bytes(VALID, {"word/image1.svg": utf8}), "p.docx"))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b" \r\n\t\r\n\xe3\x80\x80\n"),
        (
            "frame.html",
            b"<html><head><title></title></head><body><script>x()</script></body></html>",
        ),
    ],
)
def test_a_document_with_no_text_says_so(tmp_path, capsys, name, data):
    """An empty file or a page saved without its content is not a plan whose numbering was not
    understood: the one line says there is no text, and nothing is written."""
    code, err = _import_plan(tmp_path, name, data, capsys)
    _refused(code, err, name)
    assert "no text" in err and "numbered items" not in err
    assert not (tmp_path / "out" / "plans").exists()


def test_a_document_with_text_but_no_numbering_is_told_apart(tmp_path, capsys):
    code, err = _import_plan(tmp_path, "prose.txt", "这是一段说明文字。".encode(), capsys)
    _refused(code, err, "prose.txt")
    assert "numbered items" in err and "no text" not in err
