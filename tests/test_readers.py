"""Document readers: what text is kept from each kind of file, and how bad files are refused.

Every document here is made by the test in a temporary folder; nothing is committed as a blob.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import pickle
import random
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import readers
from loaders.readers import (
    SUPPORTED,
    DocumentError,
    SkippedDocument,
    iter_documents,
    read_document,
)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def refused(path: Path, **kwargs) -> DocumentError:
    """The error reading `path` raises, checked to be one line that names the file."""
    with pytest.raises(DocumentError) as caught:
        read_document(path, **kwargs)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message and caught.value.reason
    assert caught.value.path == path
    return caught.value


def pdf_bytes(pages: list[list[str]] | list[str | None]) -> bytes:
    """A minimal valid PDF; each page shows its lines in Helvetica, or draws a line when None."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, lines in enumerate(pages):
        if lines is None:
            content = b"0 0 m 200 200 l S"
        else:
            lines = [lines] if isinstance(lines, str) else lines
            shown = " 0 -16 Td ".join(
                "(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj"
                for ln in lines
            )
            content = f"BT /F1 12 Tf 72 720 Td {shown} ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_ids[i] + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted(pdf: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Borough launches bridge inspection programme | Testville News</title>
<meta property="article:published_time" content="2025-03-14T09:00:00Z">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
Accept all cookies or manage your cookie preferences.</p><button>Accept cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">Latest news</a></li>
<li><a href="/about">About the council</a></li></ul></nav></header>
<main><article>
<h1>Borough launches bridge inspection programme</h1>
<p>The leader of Testville Council has asked the Transport Board to inspect every bridge in the
borough, starting with the oldest crossings built before 1900.</p>
<p>“We owe residents safe crossings,” said Councillor Dana Whitlock. The inspection will be led
by the chief engineer and will report to the council by the end of the year.</p>
<p>The board will receive £1.2m for the work from the capital budget agreed in February.</p>
</article>
<div class="share-links"><a href="https://twitter.example/share">Share on Twitter</a>
<a href="https://facebook.example/share">Share on Facebook</a></div>
</main>
<footer><p>Copyright Testville Council 2025. Privacy policy. Accessibility statement.</p></footer>
</body></html>
"""


# ------------------------------------------------------------------------------------------
# Plain text and encodings


def test_utf8_text_is_kept_exactly_with_name_hash_and_path(tmp_path):
    content = "MAYOR OF TESTVILLE\n\nDate: 3 March 2025\n\n“Quotes” – dashes — and ‘apostrophes’ stay.\n"
    path = write(tmp_path, "letter.txt", content)
    doc = read_document(path)
    assert doc.text == content
    assert doc.name == "letter.txt"
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(content.encode()).hexdigest()
    assert doc.title is None and doc.date is None and doc.genre == "generic"


def test_utf8_byte_order_mark_is_dropped_but_hashed(tmp_path):
    raw = codecs.BOM_UTF8 + "Motion 1 – Supporting victims\n".encode()
    doc = read_document(write(tmp_path, "bom.txt", raw))
    assert doc.text == "Motion 1 – Supporting victims\n"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_windows_1252_smart_quotes_and_pound_sign_are_decoded(tmp_path):
    content = "The Mayor said “we will act” and pledged £5m — the Assembly’s motion was agreed.\n"
    doc = read_document(write(tmp_path, "cp1252.txt", content.encode("cp1252")))
    assert doc.text == content


def test_short_windows_1252_text_is_not_mistaken_for_an_asian_encoding(tmp_path):
    doc = read_document(write(tmp_path, "price.txt", "Price £5\n".encode("cp1252")))
    assert doc.text == "Price £5\n"


def test_latin1_text_is_decoded(tmp_path):
    content = "Déjà vu at the café in São Paulo: a naïve façade in Zürich, Straße 5.\n"
    doc = read_document(write(tmp_path, "latin1.txt", content.encode("latin-1")))
    assert doc.text == content


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(tmp_path, codec):
    content = "Sir Mark said “enough” — £800,000 a year.\n"
    raw = content.encode(codec) if codec != "utf-16-be" else codecs.BOM_UTF16_BE + content.encode(codec)
    doc = read_document(write(tmp_path, f"{codec}.txt", raw))
    assert doc.text == content


def test_utf16_without_byte_order_mark_is_recognised(tmp_path):
    content = "A letter saved as UTF-16 without a mark: “quoted”.\n"
    assert read_document(write(tmp_path, "le.txt", content.encode("utf-16-le"))).text == content
    assert read_document(write(tmp_path, "be.txt", content.encode("utf-16-be"))).text == content


def test_non_latin_single_byte_encoding_is_detected(tmp_path):
    content = "Привет, это письмо мэра о бюджете на следующий год. " * 5
    doc = read_document(write(tmp_path, "cyrillic.txt", content.encode("cp1251")))
    assert doc.text == content


def test_utf8_with_a_few_stray_windows_1252_bytes_reads_those_bytes_as_windows_1252(tmp_path):
    raw = "“Quoted” in UTF-8, ".encode() + b"and caf\xe9 typed in Windows-1252.\n"
    doc = read_document(write(tmp_path, "mixed.txt", raw))
    assert doc.text == "“Quoted” in UTF-8, and café typed in Windows-1252.\n"


def test_utf8_mark_followed_by_a_stray_byte_follows_the_same_rule(tmp_path):
    raw = codecs.BOM_UTF8 + "“Quoted”, ".encode() + b"caf\xe9\n"
    assert read_document(write(tmp_path, "bom-mixed.txt", raw)).text == "“Quoted”, café\n"


def test_kept_text_normalises_line_ends_controls_and_composition_only(tmp_path):
    raw = "Line one\r\nLine two\rLine\x1b three\x07\tend\x0cnext page\ne\u0301 \u202eevil\u202c “q” – x\n"
    doc = read_document(write(tmp_path, "messy.txt", raw.encode()))
    assert doc.text == "Line one\nLine two\nLine three\tend\nnext page\né \u202eevil\u202c “q” – x\n"


def test_nul_characters_decoded_from_utf16_are_dropped(tmp_path):
    raw = "Name\x00 with a NUL\n".encode("utf-16")
    assert read_document(write(tmp_path, "nul16.txt", raw)).text == "Name with a NUL\n"


def test_a_nul_byte_in_an_8_bit_file_means_binary(tmp_path):
    assert "contains NUL bytes" in refused(write(tmp_path, "nul.txt", b"Some text\x00 and more\n")).reason


def test_markdown_is_kept_as_written(tmp_path):
    content = "# Motion 2 — Policing\n\n* **Agreed** by the Assembly\n* [link](https://example.org)\n"
    assert read_document(write(tmp_path, "notes.md", content)).text == content


def test_a_single_20_mb_line_is_read_in_linear_time(tmp_path):
    content = "The Mayor said “yes” — " * (20 * 1024 * 1024 // 25)
    path = write(tmp_path, "one-line.txt", content)
    started = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - started < 15
    assert doc.text == content


# ------------------------------------------------------------------------------------------
# HTML


def test_html_keeps_the_article_and_drops_navigation_banner_share_links_and_footer(tmp_path):
    doc = read_document(write(tmp_path, "news.html", ARTICLE_PAGE))
    assert "asked the Transport Board to inspect every bridge" in doc.text
    assert "“We owe residents safe crossings,” said Councillor Dana Whitlock." in doc.text
    assert "£1.2m" in doc.text
    for boilerplate in ("cookies", "Latest news", "About the council", "Share on", "Copyright", "Privacy"):
        assert boilerplate not in doc.text
    assert "\n\n“We owe residents" in doc.text, "paragraphs are separated by a blank line"


def test_html_gives_title_and_date_from_its_metadata(tmp_path):
    doc = read_document(write(tmp_path, "news.htm", ARTICLE_PAGE))
    assert doc.title == "Borough launches bridge inspection programme"
    assert doc.date == "2025-03-14"


def test_html_in_a_declared_windows_1252_charset(tmp_path):
    page = ARTICLE_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    doc = read_document(write(tmp_path, "legacy.html", page.encode("cp1252")))
    assert "“We owe residents safe crossings,”" in doc.text and "£1.2m" in doc.text


def test_xhtml_with_an_xml_declaration_is_read(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + ARTICLE_PAGE.replace("<!DOCTYPE html>", "")
    assert "inspect every bridge" in read_document(write(tmp_path, "x.html", page)).text


# ------------------------------------------------------------------------------------------
# PDF


def test_pdf_text_layer_is_read_page_by_page(tmp_path):
    pdf = pdf_bytes([["Dear Chair,", "The Mayor has agreed the motion."], ["Yours sincerely"]])
    doc = read_document(write(tmp_path, "letter.pdf", pdf))
    assert "Dear Chair," in doc.text and "The Mayor has agreed the motion." in doc.text
    assert doc.text.index("agreed the motion.") < doc.text.index("\n\nYours sincerely")
    assert doc.sha256 == hashlib.sha256(pdf).hexdigest()


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path):
    pdf = encrypted(pdf_bytes([["Printing restricted, reading allowed."]]), user_password="")
    doc = read_document(write(tmp_path, "restricted.pdf", pdf))
    assert "Printing restricted, reading allowed." in doc.text


# ------------------------------------------------------------------------------------------
# Bad input: each is one line naming the file and the reason


BAD_FILES = {
    "empty": ("empty.txt", b"", "empty"),
    "whitespace only": ("blank.txt", b" \n\t\r\n  \n", "empty"),
    "utf-16 whitespace only": ("blank16.txt", " \n \n".encode("utf-16"), "empty"),
    "random bytes": ("random.txt", random.Random(7).randbytes(4096), "binary"),
    "ELF header": ("program.txt", b"\x7fELF\x02\x01\x01" + bytes(64), "ELF"),
    "PNG header": ("picture.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20), "PNG"),
    "zip archive": ("report.html", b"PK\x03\x04" + bytes(30), "ZIP"),
    "control characters": ("controls.txt", bytes(range(1, 32)) * 20 + b"some text", "control characters"),
    "invalid UTF-8 that fits no encoding": (
        "garbage.txt",
        bytes(b % 128 + 128 for b in random.Random(3).randbytes(2000)),
        "undecodable",
    ),
    "invalid UTF-16 after its mark": ("bad16.txt", codecs.BOM_UTF16_LE + b"A\x00\x00\xdc", "invalid UTF-16"),
    "HTML with scripts only": (
        "scripts.html",
        b"<html><head><script>var a = 1;</script></head><body><script>track()</script></body></html>",
        "no text",
    ),
    "deeply nested HTML": (
        "deep.html",
        b"<html><body>" + b"<div>" * 20_000 + b"<p>deep</p>" + b"</div>" * 20_000 + b"</body></html>",
        "no text",
    ),
    "PDF without a text layer": ("scan.pdf", pdf_bytes([None, None]), "no text layer (scanned PDF?)"),
    "PDF needing a password": (
        "secret.pdf",
        encrypted(pdf_bytes([["Hidden"]]), user_password="pw"),
        "encrypted",
    ),
    "corrupt PDF": ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R", "PDF"),
    "PNG named .pdf": ("fake.pdf", b"\x89PNG\r\n\x1a\n" + bytes(20), "not a PDF (PNG image)"),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_bad_file_is_refused_with_one_line_naming_file_and_reason(tmp_path, case):
    name, raw, reason = BAD_FILES[case]
    error = refused(write(tmp_path, name, raw))
    assert reason in str(error)


def test_file_over_the_size_limit_is_refused_with_size_and_limit(tmp_path):
    error = refused(write(tmp_path, "big.txt", "x" * 5000), max_bytes=4096)
    assert str(error).endswith("too large: 4.9 KiB (limit 4.0 KiB)")


def test_50_mb_file_is_refused_without_being_opened(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written

    def no_open(*args, **kwargs):
        raise AssertionError("read_document opened a file over the limit")

    monkeypatch.setattr(readers, "open", no_open, raising=False)
    started = time.perf_counter()
    error = refused(path)
    assert time.perf_counter() - started < 1
    assert "too large: 50.0 MiB (limit 25.0 MiB)" in str(error)


def test_missing_path_is_refused(tmp_path):
    assert refused(tmp_path / "gone.txt").reason == "no such file or folder"


def test_folder_with_a_document_suffix_is_refused(tmp_path):
    (tmp_path / "x.txt").mkdir()
    assert refused(tmp_path / "x.txt").reason == "is a folder, not a file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert "not a regular file" in refused(tmp_path / "pipe.txt").reason


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_is_refused(tmp_path):
    path = write(tmp_path, "locked.txt", "secret")
    path.chmod(0)
    try:
        assert refused(path).reason == "cannot read: permission denied"
    finally:
        path.chmod(0o600)


def test_unsupported_suffix_is_skipped_not_failed(tmp_path):
    error = refused(write(tmp_path, "minutes.docx", b"PK\x03\x04"))
    assert isinstance(error, SkippedDocument) and error.skipped
    assert "unsupported file type (.docx" in str(error)


def test_error_message_escapes_control_and_bidi_characters_in_file_names(tmp_path):
    path = write(tmp_path, "evil\nname\u202e.txt", b"")
    error = refused_quietly(path)
    assert "\n" not in str(error) and "\u202e" not in str(error)
    assert "evil\\nname\\u202e.txt: empty" in str(error)


def refused_quietly(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    return caught.value


def test_document_error_survives_pickling_for_worker_processes(tmp_path):
    error = SkippedDocument(tmp_path / "a.doc", "unsupported file type (.doc)")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is SkippedDocument and str(copy) == str(error) and copy.skipped


# ------------------------------------------------------------------------------------------
# Finding documents in folders


def test_iter_documents_walks_folders_in_order_and_reports_skipped_and_missing(tmp_path):
    write(tmp_path, "b.txt", "b")
    write(tmp_path, "a.md", "a")
    write(tmp_path, "sub/c.PDF", b"%PDF")
    write(tmp_path, "sub/d.html", "<p>d</p>")
    write(tmp_path, "sub/image.png", b"\x89PNG")
    write(tmp_path, ".hidden.txt", "h")
    write(tmp_path, ".git/config.txt", "h")
    missing = tmp_path / "nope.txt"
    found = list(iter_documents([tmp_path, missing, tmp_path / "b.txt"]))
    ok = [p.relative_to(tmp_path).as_posix() for p, problem in found if problem is None]
    assert ok == ["a.md", "b.txt", "sub/c.PDF", "sub/d.html"], "sorted, hidden ignored, each file once"
    problems = {p.name: problem for p, problem in found if problem is not None}
    assert set(problems) == {"image.png", "nope.txt"}
    assert problems["image.png"].skipped and "unsupported file type (.png" in str(problems["image.png"])
    assert not problems["nope.txt"].skipped
    assert str(problems["nope.txt"]) == f"{missing}: no such file or folder"


def test_iter_documents_follows_links_without_looping(tmp_path):
    write(tmp_path, "docs/a.txt", "a")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    found = list(iter_documents([tmp_path / "docs"]))
    assert [(p.name, problem) for p, problem in found] == [("a.txt", None)]


def test_supported_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".pdf"} == SUPPORTED


# ------------------------------------------------------------------------------------------
# Properties: nothing but DocumentError escapes, and kept text is clean


def _check_kept_text(text: str) -> None:
    assert "\x00" not in text and "\r" not in text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


ENCODED_TEXT = st.tuples(
    st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"])
).map(lambda t: t[0].encode(t[1], errors="ignore"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=2000), ENCODED_TEXT))
def test_any_bytes_as_txt_give_clean_text_or_a_document_error(tmp_path, raw):
    path = write(tmp_path, "fuzz.txt", raw)
    try:
        doc = read_document(path)
    except DocumentError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
        return
    _check_kept_text(doc.text)
    assert doc.text.strip()
    assert read_document(path).text == doc.text, "deterministic"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=400), wrap=st.booleans())
def test_any_html_gives_clean_text_or_a_document_error(tmp_path, body, wrap):
    page = f"<html><body><article><p>{body}</p></article></body></html>" if wrap else body
    path = write(tmp_path, "fuzz.html", page.encode("utf-8", errors="surrogatepass"))
    try:
        doc = read_document(path)
    except DocumentError:
        return
    _check_kept_text(doc.text)


def test_library_warnings_about_a_bad_file_do_not_reach_stderr(tmp_path):
    """Only the DocumentError speaks for a bad file (pypdf would print 'EOF marker not found')."""
    import subprocess

    path = write(tmp_path, "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R")
    code = "import sys; from loaders.readers import read_document, DocumentError\n"
    code += "try:\n    read_document(sys.argv[1])\nexcept DocumentError as e:\n    print(e)\n"
    run = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=60,
    )
    assert run.stderr == ""
    assert run.stdout.startswith(f"{path}: corrupt PDF")
