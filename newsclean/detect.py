"""What the input is: which encoding its bytes are in, and whether it is HTML."""

from __future__ import annotations

import codecs
import functools
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


class UnknownEncoding(ValueError):
    """An encoding name Python has no text codec for."""


class JSONLinesInput(ValueError):
    """Text that is JSON Lines: its records are cleaned one field at a time
    (--jsonl-field), not as one text."""


def check_encoding(name: str) -> str:
    """The Python codec name for `name` ("latin-1" -> "iso8859-1", "koi8_r" ->
    "koi8-r"). Raises UnknownEncoding for a name that is not a text codec."""
    try:
        # Text codecs only ("base64" and "rot13" are not): bytes.decode refuses
        # those, but only when there is a byte to decode.
        b"a".decode(name, "replace")
        return codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):
        raise UnknownEncoding(f"unknown encoding {name!r}; give a Python codec name such as "
                              "utf-8, cp1251, gb18030 or shift_jis") from None


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return bom, name
    return None


def bom_encoding(data: bytes) -> str | None:
    found = _bom(data)
    return found[1] if found else None


def _wide(encoding: str | None) -> bool:
    """UTF-16 and UTF-32, whose text is full of NUL bytes."""
    return bool(encoding) and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def is_binary(data: bytes, encoding: str | None = None) -> bool:
    """Bytes that are not text: NUL or many control bytes near the start. Text with
    a byte-order mark, or in an `encoding` of UTF-16/32, never is."""
    if bom_encoding(data) or _wide(encoding):
        return False
    sample = data[:_BINARY_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 200)


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of `data` (see decode_text)."""
    return decode_text(data, encoding)[0]


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding it was read in, as a Python codec name.

    `encoding` forces one. Otherwise: UTF-8 or UTF-16/32 by a byte-order mark, then
    UTF-8, then the detector's choice (legacy_encoding). Never a decoding error:
    undecodable bytes become U+FFFD. Raises BinaryInput for bytes that are not text
    at all, UnknownEncoding for an `encoding` Python does not know.
    """
    if encoding:
        encoding = check_encoding(encoding)
    if is_binary(data, encoding):
        raise BinaryInput("binary file (not text)")
    found = _bom(data)
    if found and (encoding is None or codecs.lookup(found[1]).name == encoding):
        return data[len(found[0]):].decode(found[1], "replace"), codecs.lookup(found[1]).name
    if encoding:
        return data.decode(encoding, "replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few bad bytes (a truncated download, one stray byte):
    # reading the whole text in a legacy encoding would garble every accented
    # letter, so the bad bytes become U+FFFD instead. Legacy text is practically
    # never valid UTF-8 by chance, so a few valid multi-byte characters settle it.
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - bad - len(text.encode("ascii", "ignore"))
    if multibyte >= 4 * bad:
        return text, "utf-8"
    encoding = legacy_encoding(data)
    # cp1252 leaves five bytes undefined; "replace" keeps them from failing.
    return data.decode(encoding, "replace"), encoding


# The legacy encodings scraped news comes in, the only ones offered to the
# detector: offered every code page it knows, charset-normalizer stops at the first
# close fit and reads Greek in cp1253 as Bulgarian in cp1251.
LEGACY = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
          "koi8_r", "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "cp874",
          "gb18030", "big5", "cp932", "euc_jp", "cp949")
WESTERN = "cp1252"
# Central European code pages: Polish, Czech, Slovak, Hungarian, Slovenian,
# Croatian and Romanian text.
CENTRAL = ("cp1250", "iso8859-2")
BALTIC = "cp1257"
# Latin-script code pages, as Python codec names. In each of them nearly every
# byte above 127 is some accented letter, so charset-normalizer barely tells them
# apart (it reads short Polish text as Baltic, Czech as Vietnamese, and all of
# them as cleanly as cp1252): the choice among them is made by _most_plausible.
LATIN = (WESTERN, *CENTRAL, "cp1254", BALTIC, "cp1258")
_DETECT_SAMPLE = 1 << 16


def legacy_encoding(data: bytes) -> str:
    """The encoding of text that is not UTF-8, as a Python codec name.

    charset-normalizer picks among LEGACY, which settles Cyrillic, Greek and the
    CJK encodings. When its pick, or cp1252 that reads as cleanly, is a
    Latin-script code page, the one in which the text reads most plausibly wins
    among cp1252, the pick and the Central European pages (_most_plausible);
    cp1252 when nothing fits or the readings are as plausible: German or English
    text reads the same in cp1250, Polish or Czech text does not in cp1252."""
    from charset_normalizer import from_bytes  # only text that is not UTF-8 needs it

    sample = _detect_sample(data)
    matches = from_bytes(sample, cp_isolation=list(LEGACY))
    best = matches.best()
    if best is None or any(WESTERN in m.could_be_from_charset and m.chaos <= best.chaos for m in matches):
        pick = WESTERN
    else:
        pick = codecs.lookup(best.encoding).name
    if pick not in LATIN:
        return pick
    return _most_plausible(sample, (WESTERN, pick, *CENTRAL))


def _most_plausible(sample: bytes, encodings: tuple[str, ...]) -> str:
    """The one of `encodings` in which `sample` reads with the fewest odd
    characters (_odd_count), the first on a tie."""
    return min(encodings, key=lambda name: _odd_count(sample.decode(name, "replace"), name))


# Text read in the wrong Latin code page is a mix of letters that no language
# of that page writes together, or writes where they now stand. Each language is
# given by a pattern of the accented letters it writes, with the pages it is
# written in. Western languages put some letters in few places: a grave accent
# ends an Italian word ("città", "però") and the French "à" and "ù"; "è", "ò" and
# "æ" close a syllable ("très", "være"); French "œ" and Portuguese nasal "õ" and
# "ã" come before a vowel ("cœur", "lições") or end a word ("irmã"); Polish
# nasal "ą" and "ę" follow a letter and close a syllable ("mąka"). Letters read
# in the wrong page stand elsewhere: Czech "ě" and "č" in cp1252 become
# "mezipamìti", "èetrtek", Polish "ś" "wartoœci", Hungarian "ő" "erõs"; Czech
# "š" in ISO-8859-2 read in cp1250 "ąkola".
_VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ"
_CLOSING = rf"(?![{_VOWELS}])"
_FINAL = r"(?!\w)"
_BEFORE_VOWEL = rf"(?=[{_VOWELS}])"
_W, _CE, _B = (WESTERN,), CENTRAL, (BALTIC,)
_LANGUAGES = (
    ("French", rf"[âçéêëîïôûüÿ]|[àù]{_FINAL}|è{_CLOSING}|œ{_BEFORE_VOWEL}", _W),
    ("German", "[äöüß]", _W + _CE + _B),
    ("Spanish", "[áéíñóúü]", _W),  # and Galician, Basque
    ("Portuguese", rf"[áâçéêíóôú]|à{_CLOSING}|[ãõ]{_BEFORE_VOWEL}|ã(?=s?\b)", _W),
    ("Italian", rf"[éíîóú]|[àèìòù]{_FINAL}", _W),
    ("Catalan", rf"[àçéíïóúü]|[èò]{_CLOSING}", _W),  # "àudio": "à" starts diphthongs
    ("Dutch", rf"[áéêëíïóöúü]|[àè]{_CLOSING}", _W),
    ("Danish, Norwegian", rf"[øåéêóô]|[æèò]{_CLOSING}", _W),
    ("Swedish", "[åäöé]", _W + _B),
    ("Finnish", "[äöåšž]", _W + _B),
    ("Icelandic", rf"[áðéíóúýþö]|æ{_CLOSING}", _W),
    ("Faroese", rf"[áðíóúýø]|æ{_CLOSING}", _W),
    ("Albanian", "[çë]", _W + _CE),
    ("Estonian", "[äöõüšž]", _W + _B),
    ("Polish", rf"[ćłńóśźż]|(?<=\w)[ąę]{_CLOSING}", _CE),
    ("Czech", "[áčďéěíňóřšťúůýž]", _CE),
    ("Slovak", "[áäčďéíĺľňóôŕšťúýž]", _CE),
    ("Hungarian", "[áéíóöőúüű]", _CE),
    ("Slovenian, Croatian, Bosnian", "[čćđšž]", _CE),
    ("Romanian", "[ăâîşţșț]", _CE),  # with the cedilla forms cp1250 has
    ("Turkish", "[çğıöşüâîû]", ("cp1254",)),
    ("Lithuanian", "[ąčęėįšųūž]", _B),
    ("Latvian", "[āčēģīķļņšūž]", _B),
    ("Vietnamese", "", ("cp1258",)),  # its pattern is made by _languages
)
# Non-ASCII characters that stand next to letters in real text: apostrophes,
# dashes, the Catalan middle dot; the Spanish opening marks before a word; and
# quotation marks, though one that closes a quote none opened is odd ("spoji»"
# for Slovak "spojiť" read in cp1250).
_WORD_PUNCTUATION = frozenset("‘’‚–—…·")
_OPENING = frozenset("¿¡")
_QUOTES = frozenset("“”„«»‹›")
_ENDS_WORDS = frozenset(".,;:!?)]}…’'\"")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER = frozenset(("Lu", "Ll", "Lt"))


def _odd_count(text: str, encoding: str) -> int:
    """How many characters of `text`, read in `encoding`, would be odd in the
    language of that code page that fits it best: the characters odd in any
    language (_odd_characters), and the accented letters that language does not
    write, or not where they stand."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)  # cp1258 writes tones as combining marks
    odd, letters = _odd_characters(text)
    return odd + min(letters - len(pattern.findall(text))
                     for pattern, pages in _languages() if encoding in pages)


def _odd_characters(text: str) -> tuple[int, int]:
    """How many non-ASCII characters of `text` would be odd in any language:
    control characters, U+FFFD (a byte the code page does not define), symbols
    touching a letter ("otworzy³" for Polish "otworzył") and quotation marks that
    close no quote; and how many are letters."""
    import unicodedata

    def letter(at: int) -> bool:
        return 0 <= at < len(text) and unicodedata.category(text[at]) in _LETTER

    odd = letters = quotes = 0
    for m in _NON_ASCII.finditer(text):
        char, at = m.group(), m.start()
        category = unicodedata.category(char)
        if category in _LETTER:
            letters += 1
        elif category in ("Cc", "Co", "Cn") or char == "\ufffd":
            odd += 1
        elif char in _QUOTES:
            if at and (text[at - 1].isalnum() or text[at - 1] in _ENDS_WORDS):  # closes a quote
                if quotes:
                    quotes -= 1
                else:
                    odd += 1
            elif at + 1 < len(text) and not text[at + 1].isspace():  # opens one
                quotes += 1
        elif category[0] in "SPN" or category in ("Lm", "Lo"):
            if char not in _WORD_PUNCTUATION and (letter(at - 1) or (letter(at + 1) and char not in _OPENING)):
                odd += 1
    return odd, letters


@functools.cache
def _languages() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """_LANGUAGES compiled, capitals included (but not the ASCII letters Turkish
    "ı" is a case of); Vietnamese's pattern holds its vowels with each tone mark."""
    import unicodedata

    tones = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    vietnamese = "[đăâêôơư" + "".join(unicodedata.normalize("NFC", vowel + tone)
                                     for vowel in "aăâeêioôơuưy" for tone in tones) + "]"
    return tuple((re.compile(rf"(?=[^\x00-\x7f])(?:{pattern or vietnamese})", re.IGNORECASE), pages)
                 for _, pattern, pages in _LANGUAGES)


def _detect_sample(data: bytes) -> bytes:
    """The first 64 KB, ending at a line break or a space: no character of the
    multi-byte encodings (GBK, Big5, Shift-JIS ...) holds either byte, so none is
    cut in half."""
    if len(data) <= _DETECT_SAMPLE:
        return data
    head = data[:_DETECT_SAMPLE]
    cut = max(head.rfind(b"\n"), head.rfind(b" "))
    return head[:cut] if cut > 0 else head


# The first records looked at, and how many field names a message lists at most.
_JSONL_PROBE = 3
_FIELDS_SHOWN = 12
_JSON_OBJECT_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*\{")


def jsonl_fields(data: bytes) -> dict[str, int] | None:
    """When `data` looks like JSON Lines, each of its first non-blank lines (three
    at most) a JSON object with text in it: the fields that hold strings, with the
    length of the longest. None for anything else, at the cost of a pattern match
    for text that does not start with "{"."""
    if not _JSON_OBJECT_START.match(data):
        return None
    import json  # only text that starts like a JSON object needs it

    fields: dict[str, int] = {}
    records = pos = 0
    while records < _JSONL_PROBE and pos < len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        line, pos = data[pos:end].strip(), end + 1
        if not line:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if not isinstance(record, dict):
            return None
        records += 1
        for name, value in record.items():
            if isinstance(value, str):
                fields[name] = max(fields.get(name, 0), len(value))
    return fields or None


def jsonl_advice(fields: dict[str, int]) -> str:
    """"(fields: url, title, body); use --jsonl-field body": the string fields of
    some records and the one with the longest text, the likeliest body."""
    if not fields:
        return "(no field holds a string)"
    import shlex

    names = list(fields)
    shown = ", ".join(names[:_FIELDS_SHOWN]) + (", ..." if len(names) > _FIELDS_SHOWN else "")
    return f"(fields: {shown}); use --jsonl-field {shlex.quote(max(names, key=fields.__getitem__))}"


_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:html|body|div|p|span|a|script|head|meta|article|section|br|li|ul|table)\b[^<>]{0,400}>", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# What may stand before a page's first tag: white space and a byte order mark,
# also one decoded as Latin-1.
_LEADING = " \t\r\n\ufeff\u00ef\u00bb\u00bf"


_ANY_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*|/[a-zA-Z]|!)")


def has_markup(text: str) -> bool:
    """Holds at least one tag, comment or doctype: "<p", "</", "<!"."""
    return _ANY_TAG.search(text) is not None


def looks_like_html(text: str, name: str | None = None) -> bool:
    """HTML by name (.html, .htm, .xhtml, gzipped or not) or by content: a doctype
    or <html>/<body> at the start, or a text that opens with a tag and holds a high
    density of them. "if x < y > z" stays text, and so does a page's text that
    carries a widget's markup on a line of its own (it opens with words)."""
    if name and name.lower().removesuffix(".gz").endswith(HTML_SUFFIXES):
        return True
    head = text[:4096]
    if _HTML_START.match(head.encode("utf-8", "replace")[:2048]):
        return True
    if not head.lstrip(_LEADING).startswith("<"):
        return False
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


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """An HTML page's text (see decode_html_text)."""
    return decode_html_text(data, encoding)[0]


def decode_html_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """An HTML page's bytes as text, and the encoding they were read in: `encoding`
    when given, else a BOM, then the declared charset, then as plain text
    (decode_text). Never an error: undecodable bytes become U+FFFD.

    One exception to the declared charset: a page that declares a legacy one
    (Latin-1, windows-1252 ...) but whose bytes are valid UTF-8 with non-ASCII
    characters in it is read as UTF-8. A saved page has lost the HTTP header that
    made browsers read it right, and legacy text is practically never valid
    UTF-8 by chance."""
    if encoding or bom_encoding(data):
        return decode_text(data, encoding)
    declared = declared_charset(data)
    if declared and not declared.startswith("utf"):
        if not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        return data.decode(declared, "replace"), declared
    return decode_text(data)
