"""What the input is: which encoding its bytes are in, and whether it is HTML."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text: NUL and most C0 controls. A few in the first
# block mark a binary file (an image, a PDF, an archive).
_BINARY_SAMPLE = 8192
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class BinaryInput(ValueError):
    """The bytes are not text."""


class HTMLError(ValueError):
    """An HTML page that cannot be cleaned (beyond the documented limits); the
    message says why and what to do."""


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def is_binary(data: bytes) -> bool:
    if bom_encoding(data):
        return False
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 200)


def decode(data: bytes, fallback: str = "cp1252") -> str:
    """UTF-8 or UTF-16/32 with a BOM, then UTF-8, then `fallback` - never an error.

    Raises BinaryInput for bytes that are not text at all.
    """
    enc = bom_encoding(data)
    if enc:
        return data[len(codecs.BOM_UTF8) if enc == "utf-8" else (4 if "32" in enc else 2):].decode(enc, "replace")
    if is_binary(data):
        raise BinaryInput("binary file (not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few bad bytes (a truncated download, one stray byte):
    # reading the whole text as cp1252 would garble every accented letter, so the
    # bad bytes become U+FFFD instead. Legacy text is practically never valid
    # UTF-8 by chance, so a few valid multi-byte characters settle it.
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - bad - len(text.encode("ascii", "ignore"))
    if multibyte >= 4 * bad:
        return text
    # cp1252 leaves five bytes undefined; "replace" keeps them from failing.
    return data.decode(fallback, "replace")


_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:html|body|div|p|span|a|script|head|meta|article|section|br|li|ul|table)\b[^<>]{0,400}>", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


_ANY_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*|/[a-zA-Z]|!)")


def has_markup(text: str) -> bool:
    """Holds at least one tag, comment or doctype: "<p", "</", "<!"."""
    return _ANY_TAG.search(text) is not None


def looks_like_html(text: str, name: str | None = None) -> bool:
    """HTML by name (.html, .htm, .xhtml) or by content: a doctype or <html>/<body>
    at the start, or a high density of tags. "if x < y > z" stays text."""
    if name and name.lower().endswith(HTML_SUFFIXES):
        return True
    head = text[:4096]
    if _HTML_START.match(head.encode("utf-8", "replace")[:2048]):
        return True
    sample = text[:20000]
    tags = len(_HTML_TAG.findall(sample))
    return tags >= 5 and tags * 40 >= len(sample.split("\n"))


# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">
# and an XML declaration's encoding="x", within the first bytes as browsers look.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
_CHARSET_SNIFF = 4096
# As browsers do (the WHATWG Encoding standard): Latin-1 and ASCII labels mean
# windows-1252, and a UTF-16 label in an ASCII-compatible page means UTF-8.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8", "utf-32": "utf-8",
    "x-sjis": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030",
    "x-user-defined": "cp1252", "unicode-1-1-utf-8": "utf-8", "utf8": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB (<meta charset>, http-equiv,
    or an XML declaration), as a Python codec name; None when it declares none
    (or one Python does not know)."""
    head = data[:_CHARSET_SNIFF]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """An HTML page's bytes as text: a BOM, then the declared charset, then UTF-8,
    then cp1252. Never an error: undecodable bytes become U+FFFD.

    One exception to the declared charset: a page that declares a legacy one
    (Latin-1, windows-1252 ...) but whose bytes are valid UTF-8 with non-ASCII
    characters in it is read as UTF-8. A saved page has lost the HTTP header that
    made browsers read it right, and legacy text is practically never valid
    UTF-8 by chance."""
    if bom_encoding(data):
        return decode(data)
    declared = declared_charset(data)
    if declared and not declared.startswith("utf"):
        if not data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        return data.decode(declared, "replace")
    return decode(data)
