"""Read files into the text the extractor works on, or refuse them with one clear reason.

Every quote the extractor emits is a slice of the text kept here, so the kept text changes the
file as little as it can: line endings become LF, a byte-order mark and control characters are
dropped, and the text is put in Unicode NFC. Quotes, dashes, bidi controls (U+202A-U+202E,
U+2066-U+2069) and every other printable character are kept as they are; error messages escape
them so a hostile file name cannot rewrite the terminal line.

Encodings, in the order they are tried (the rule is meant to be predictable):

1. A UTF-16 or UTF-32 byte-order mark decides (strictly: bytes that do not decode refuse the
   file); a UTF-8 mark is dropped and the UTF-8 rules below apply.
2. UTF-16 without a mark is recognised by its pattern of NUL bytes and decoded strictly.
3. Any other NUL byte means a binary file (refused).
4. Valid UTF-8 is UTF-8. HTML may declare another charset in a <meta> tag, which is honoured.
5. Mostly UTF-8 with a few invalid bytes (mixed copy-and-paste): UTF-8, each invalid byte read as
   Windows-1252.
6. Otherwise a single-byte file: charset-normalizer ranks the encodings; Windows-1252 wins when it
   reads the bytes about as cleanly as the best (so Latin-1 files are read as Windows-1252, which
   agrees on every printable byte); another encoding only when it is clearly better (Cyrillic,
   Greek, Japanese ...), a Windows code page first among equally clean readings. When no
   encoding fits, the file is refused as undecodable.

Readers are linear in the file size: a single 20 MB line costs no more than 20 MB of short lines.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from io import BytesIO
from pathlib import Path

from graph.facts import DocumentInfo

# The libraries' warnings about a hostile file would otherwise go to stderr through logging's
# last-resort handler and break the one-line-per-bad-file output; the DocumentError says it all.
# An application that configures logging still receives them.
for _name in ("pypdf", "trafilatura", "htmldate", "charset_normalizer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

SUPPORTED = frozenset({".txt", ".md", ".html", ".htm", ".pdf"})
# HTML is refused above this many elements (start tags), counted on the bytes before any parsing:
# the parse and the main-text search cost a fraction of a millisecond and a few KB per element
# (RELIABILITY.md), so 10^6 would take minutes and gigabytes. Real pages have a few thousand.
MAX_HTML_TAGS = 50_000
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_BYTES = 25 * 1024 * 1024

# A decoded text with more than this share (and count) of control characters is not a document;
# fewer are simply dropped.
MAX_CONTROL_SHARE = 0.02
MAX_CONTROL_FREE = 32

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "ELF executable"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"%PDF-", "PDF document"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly binary"),
)

# Removed from kept text: C0 controls but TAB and LF (CR is turned into LF first), DEL, C1
# controls and lone surrogates. FF, VT and NEL are line breaks in effect, so they become LF.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_BREAKS = re.compile("[\x0b\x0c\x85]")
# Shown escaped in messages: controls, line and paragraph separators, bidi and zero-width marks.
_UNSAFE_IN_MESSAGE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")

_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ASCII = bytes(range(128))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Mixed files beyond this many invalid bytes go to charset detection instead (bounded cost).
_MAX_MIXED_INVALID = 100_000


class DocumentError(Exception):
    """A file that cannot be read as a document; `str()` is one line, "FILE: reason".

    `skipped` is True for files that are not documents civicgraph reads (an unsupported type),
    which a load counts as skipped rather than failed."""

    skipped = False

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(path, reason)  # both in args, so the error survives pickling to workers
        self.path = Path(path)
        self.reason = _one_line(reason)

    def __str__(self) -> str:
        return f"{_one_line(str(self.path))}: {self.reason}"


class SkippedDocument(DocumentError):
    """A file of a type civicgraph does not read (counted as skipped, not failed)."""

    skipped = True


def _one_line(text: str, limit: int = 300) -> str:
    """Escape what could break or spoof a terminal line and keep messages short."""
    text = _UNSAFE_IN_MESSAGE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _human(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / (1024 * 1024):.1f} MiB"


# --------------------------------------------------------------------------------------------
# Finding the files


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, DocumentError | None]]:
    """Expand files and folders into `(path, None)` for each file to read.

    Folders are walked recursively in name order; hidden files and folders (a leading dot) inside
    them are passed over silently. Files with an unsupported suffix give `(path, SkippedDocument)`
    and a missing path or an unlistable folder gives `(path, DocumentError)`, so the caller can
    count skipped and failed paths. A file named twice (directly and through its folder) is given
    once. Symbolic links are followed, but a folder is never walked twice (no loops)."""
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[tuple[Path, DocumentError | None]]:
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen_dirs:
                return
            seen_dirs.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries)
        except OSError as exc:
            yield folder, DocumentError(folder, f"cannot list folder: {_os_reason(exc)}")
            return
        for name in names:
            if name.startswith("."):
                continue
            child = folder / name
            if child.is_dir():
                yield from walk(child)
            else:
                yield from one(child)

    def one(path: Path) -> Iterator[tuple[Path, DocumentError | None]]:
        try:
            st = path.stat()
        except OSError as exc:
            yield path, DocumentError(path, _os_reason(exc))
            return
        if (st.st_dev, st.st_ino) in seen_files:
            return
        seen_files.add((st.st_dev, st.st_ino))
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED:
            shown = suffix or "no suffix"
            yield path, SkippedDocument(path, f"unsupported file type ({shown}; reads {_supported()})")
            return
        yield path, None

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from walk(path)
        else:
            yield from one(path)


def _supported() -> str:
    return " ".join(sorted(SUPPORTED))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot read: {exc.strerror or type(exc).__name__}"


# --------------------------------------------------------------------------------------------
# Reading one file


def read_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> DocumentInfo:
    """Read one .txt/.md/.html/.htm/.pdf file into a DocumentInfo (name, sha256 of the bytes,
    kept text, path; HTML also gives `title` and `date` from its metadata when present).

    Raises DocumentError (SkippedDocument for an unsupported suffix) and nothing else: empty,
    too large (checked before reading), binary, undecodable, no main text, no PDF text layer,
    encrypted or corrupt PDF, unreadable. The file is read at most once and never past
    `max_bytes`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise SkippedDocument(path, f"unsupported file type ({suffix or 'no suffix'}; reads {_supported()})")
    raw = _read_bytes(path, max_bytes)
    sha = hashlib.sha256(raw).hexdigest()
    title = date = None
    try:
        if suffix == ".pdf":
            text = _pdf_text(path, raw)
        elif suffix in HTML_SUFFIXES:
            text, title, date = _html_text(path, raw)
        else:
            text = _decode(path, raw)
        text = _keep(path, text)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError(path, "too deeply nested to read") from None
    except MemoryError:
        raise DocumentError(path, "too large to read in the memory available") from None
    except Exception as exc:  # a library failing on a hostile file is still one bad document
        raise DocumentError(path, f"cannot read: {type(exc).__name__}: {exc}") from exc
    return DocumentInfo(name=path.name, sha256=sha, text=text, path=str(path), title=title, date=date)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing before reading anything that is not a regular file or too big."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(path, "not a regular file (a pipe, socket or device)")
    if st.st_size > max_bytes:
        raise DocumentError(path, f"too large: {_human(st.st_size)} (limit {_human(max_bytes)})")
    if st.st_size == 0:
        raise DocumentError(path, "empty")
    try:
        with open(path, "rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from None
    if len(raw) > max_bytes:  # grew after stat
        raise DocumentError(path, f"too large: over {_human(max_bytes)} (limit {_human(max_bytes)})")
    if not raw:
        raise DocumentError(path, "empty")
    return raw


def _keep(path: Path, text: str) -> str:
    """The kept text: LF line ends, no BOM or controls, NFC; refuses binary and empty text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAKS.sub("\n", text)
    cleaned = _CONTROLS.sub("", text)
    removed = len(text) - len(cleaned)
    if removed > max(MAX_CONTROL_FREE, MAX_CONTROL_SHARE * len(text)):
        raise DocumentError(path, f"binary file ({removed * 100 / len(text):.0f}% control characters)")
    if not unicodedata.is_normalized("NFC", cleaned):
        cleaned = unicodedata.normalize("NFC", cleaned)
    if not cleaned.strip():
        raise DocumentError(path, "empty (whitespace only)" if text else "empty")
    return cleaned


# --------------------------------------------------------------------------------------------
# Text and encodings


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    return None


def _decode(path: Path, raw: bytes, declared: str | None = None) -> str:
    """Bytes to str by the rule in the module docstring; refuses binary and undecodable bytes."""
    if raw.startswith(codecs.BOM_UTF8):  # then the UTF-8 rules below, stray bytes included
        raw = raw[len(codecs.BOM_UTF8) :]
    if not raw.strip():
        raise DocumentError(path, "empty (whitespace only)")
    for bom, codec, label in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ):
        if raw.startswith(bom):
            contradiction = _contradicts_bom(raw[len(bom) :], codec)
            if contradiction:
                raise DocumentError(path, f"the byte-order mark says {codec.upper()} but {contradiction}")
            try:
                return raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path, f"invalid {label} after its byte-order mark (byte {exc.start})"
                ) from None
    kind = _binary_kind(raw)
    if kind:
        raise DocumentError(path, f"binary file ({kind})")
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            raise DocumentError(
                path, "looks like UTF-16 without a byte-order mark but does not decode"
            ) from None
    if b"\x00" in raw:
        raise DocumentError(path, "binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        text = _decode_declared(raw, declared)
        if text is not None:
            return text
    valid = len(_VALID_UTF8_MULTIBYTE.findall(raw))
    invalid = len(_VALID_UTF8_MULTIBYTE.sub(b"", raw).translate(None, _ASCII))
    if valid and invalid <= valid and invalid <= _MAX_MIXED_INVALID:
        return raw.decode("utf-8", errors="civicgraph-cp1252")
    return _decode_single_byte(path, raw)


def _contradicts_bom(body: bytes, codec: str) -> str | None:
    """Why the bytes after a UTF-16 or UTF-32 byte-order mark are not in its encoding, or None.

    Decoding with the wrong byte order, or 8-bit text as UTF-16, gives valid but meaningless
    characters (mostly CJK), so it must be caught before: mostly-Latin UTF-16 has a NUL in every
    other byte, on the side its byte order says; 8-bit text has no NUL at all."""
    sample = body[:4096]
    if codec.startswith("utf-16"):
        other = _utf16_without_bom(sample)
        if other and other != codec:
            return f"its bytes are {other.upper()} (the NUL bytes of Latin text fall on the other side)"
    if b"\x00" not in sample and len(sample) >= 16:
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = sample[: exc.start].decode("utf-8") if exc.start > len(sample) - 4 else ""
        if text and sum(ch.isascii() and (ch.isprintable() or ch.isspace()) for ch in text) >= 0.9 * len(
            text
        ):
            return "its bytes are 8-bit text with no NUL byte (UTF-8 or ASCII)"
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes fall on one side of each pair, as in
    mostly-Latin UTF-16 text; None otherwise (then NUL bytes mean binary)."""
    sample = raw[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nul = sample[0 : pairs * 2 : 2].count(0)
    odd_nul = sample[1 : pairs * 2 : 2].count(0)
    if odd_nul >= 0.4 * pairs and even_nul <= 0.02 * pairs:
        return "utf-16-le"
    if even_nul >= 0.4 * pairs and odd_nul <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode_declared(raw: bytes, declared: str) -> str | None:
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in {"latin-1", "iso8859-1", "ascii", "cp1252"}:  # as browsers do (WHATWG)
        return raw.decode("cp1252", errors="civicgraph-cp1252")
    if name.startswith(("utf-16", "utf-32")):  # a meta tag cannot be read in those anyway
        return None
    try:
        return raw.decode(name)
    except UnicodeDecodeError:
        return None


def _decode_single_byte(path: Path, raw: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise DocumentError(path, "undecodable text: not UTF-8 and no other encoding fits")
    best = matches[0]
    for match in matches:
        if match.encoding in {"cp1252", "latin_1", "iso8859_15"} and match.chaos <= best.chaos + 0.1:
            return raw.decode("cp1252", errors="civicgraph-cp1252")
    # Among equally clean readings, a Windows code page is the likeliest for a saved document.
    for match in matches:
        if match.encoding.startswith("cp125") and match.chaos <= best.chaos + 0.01:
            return str(match)
    return str(best)


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read undecodable bytes as Windows-1252; its five unassigned bytes
    as Latin-1 (C1 controls, which the kept text then drops)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    return "".join(_CP1252_CHARS[b] for b in chunk), exc.end


_CP1252_CHARS = tuple(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))
try:
    codecs.lookup_error("civicgraph-cp1252")
except LookupError:
    codecs.register_error("civicgraph-cp1252", _cp1252_bytes)


# --------------------------------------------------------------------------------------------
# HTML


def _html_text(path: Path, raw: bytes) -> tuple[str, str | None, str | None]:
    """Main text (navigation, banners, share links, footers dropped) with a blank line between
    blocks, and the page's title and date from its metadata when it has them."""
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.xml import xmltotxt

    # Counted on the bytes first, before any copy is decoded (tags are ASCII in every encoding
    # but UTF-16 and UTF-32, which the count on the decoded text below catches).
    if _count_tags(raw, MAX_HTML_TAGS + 1) > MAX_HTML_TAGS:
        raise DocumentError(path, _too_many_tags())
    found = _META_CHARSET.search(raw[:4096])
    declared = found.group(1).decode("ascii") if found else None
    html = _decode(path, raw, declared)
    # lxml refuses str input that carries an XML encoding declaration; it is moot once decoded.
    html = re.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", html, count=1)
    if _count_tags(html, MAX_HTML_TAGS + 1) > MAX_HTML_TAGS:
        raise DocumentError(path, _too_many_tags())
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # Dates from the page's metadata only; dates in the text are the extractor's business.
        date_extraction_params=set_date_params(extensive=False),
        config=_trafilatura_config(),
    )
    if doc is None:
        raise DocumentError(path, _no_html_text(html))
    body = getattr(doc, "body", None)
    blocks = [xmltotxt(child, False) for child in body] if body is not None else []
    text = "\n\n".join(b.strip("\n") for b in blocks if b and b.strip())
    if not text.strip():
        text = doc.text or ""
    if not text.strip():
        raise DocumentError(path, _no_html_text(html))
    title = (doc.title or "").strip() or None
    date = (doc.date or "").strip() or None
    return text, title, date


_TAG = re.compile(r"<[A-Za-z]")
_TAG_BYTES = re.compile(rb"<[A-Za-z]")


def _count_tags(html: str | bytes, stop: int) -> int:
    """Start tags (`<` then a letter: elements, not their end tags), counted up to `stop`:
    linear, no parse."""
    count = 0
    for _ in (_TAG_BYTES if isinstance(html, bytes) else _TAG).finditer(html):
        count += 1
        if count >= stop:
            break
    return count


def _too_many_tags() -> str:
    return f"too many HTML elements: over {MAX_HTML_TAGS:,} (limit {MAX_HTML_TAGS:,}); not a page of text"


@functools.cache
def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    # Our own size limit (max_bytes) applies; trafilatura's would silently give nothing past 20 MB.
    config.set("DEFAULT", "MAX_FILE_SIZE", str(2**40))
    return config


def _no_html_text(html: str) -> str:
    """Why a page gave no text; names the parser's depth limit, which silently cuts deep pages."""
    from lxml import etree

    parser = etree.HTMLParser(recover=True)
    with contextlib.suppress(etree.LxmlError, ValueError):
        etree.fromstring(html, parser)
    if any("depth" in entry.message.lower() for entry in parser.error_log):
        return "no text (elements nested deeper than the HTML parser's limit of 255 levels)"
    return "no text (no main text found in the page)"


# --------------------------------------------------------------------------------------------
# PDF


def _pdf_text(path: Path, raw: bytes) -> str:
    """The text layer of every page, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    head = raw[:1024]
    if b"%PDF-" not in head:
        kind = _binary_kind(raw)
        raise DocumentError(path, f"not a PDF ({kind})" if kind else "not a PDF (no %PDF header)")
    try:
        reader = PdfReader(BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise DocumentError(path, f"encrypted PDF that cannot be decrypted here ({exc})") from None
            if not opened:
                raise DocumentError(path, "encrypted PDF (a password is needed)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError(path, "encrypted PDF (a password is needed)") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise DocumentError(path, f"corrupt PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise DocumentError(path, "PDF has no pages")
    if not any(p.strip() for p in pages):
        raise DocumentError(path, "no text layer (scanned PDF?)")
    return "\n\n".join(p.strip("\n") for p in pages)
