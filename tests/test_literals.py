"""A pattern's literal tests may only spare a text that cannot match: every Pattern
in newsclean, asked before it is compiled, answers as re does, on texts built to
slip past the tests (other cases, look-alike letters, the literals cut short)."""

import gc
import random
import re

import pytest

import newsclean  # noqa: F401 - loads every filter and its patterns
from newsclean import region  # noqa: F401
from newsclean.filters import FILTERS
from newsclean.filters.base import Pattern
from newsclean.filters import literals
from newsclean.filters.literals import UNKNOWN, analyse, guard

PATTERNS = sorted({(p._source, p._flags) for p in gc.get_objects() if isinstance(p, Pattern)})

_TWISTS = (
    lambda s: s,
    str.upper,
    str.title,
    str.swapcase,
    lambda s: s.replace("i", "ı"),
    lambda s: s.replace("i", "İ"),
    lambda s: s.replace("I", "İ"),
    lambda s: s.replace("s", "ſ"),
    lambda s: s.replace("k", "\u212a"),
    lambda s: s.replace("в", "ᲀ").replace("о", "ᲂ").replace("т", "ᲄ"),  # Cyrillic variant letters
    lambda s: s.replace("σ", "ς"),
    lambda s: s[1:],
    lambda s: s[:-1],
    lambda s: "  " + s,
)


def _texts() -> list[str]:
    texts = []
    for f in FILTERS:
        for example in f.examples + f.counterexamples:
            texts.extend(line.removeprefix("= ") for line in example.splitlines())
    texts += [
        "By Jane Doe", "Published 9:40 AM EST Mar 3, 2020", "Photo: AP", "(AP Photo/Jane Doe)",
        "Подпишитесь на нашу рассылку", "© 2020 Example News", "Read more: a story", "12 Kommentare",
        "[Related: a story]", "Also on example.com A story", "İstanbul'da yağmur", "DIŞ HABERLER",
    ]
    rng = random.Random(5)
    out = []
    for text in texts:
        for twist in _TWISTS:
            out.append(twist(text))
        words = text.split()
        rng.shuffle(words)
        out.append(" ".join(words))
    return sorted(set(out))


TEXTS = _texts()


def test_patterns_are_found():
    assert len(PATTERNS) > 50


@pytest.mark.parametrize("source,flags", PATTERNS, ids=[ascii(s[:40]) for s, _ in PATTERNS])
def test_literal_tests_never_spare_a_text_that_matches(source, flags):
    compiled = re.compile(source, flags)
    may_match = guard(source, flags)
    if may_match is None:
        return
    for text in TEXTS:
        if compiled.search(text) is not None:
            assert may_match(text, False), text
        if compiled.match(text) is not None or compiled.fullmatch(text) is not None:
            assert may_match(text, True), text


def test_a_guarded_pattern_answers_as_re_does():
    for source, flags in PATTERNS[::7]:
        compiled = re.compile(source, flags)
        for text in TEXTS[::5]:
            for method in ("search", "match", "fullmatch"):
                got = getattr(Pattern(source, flags), method)(text)
                want = getattr(compiled, method)(text)
                assert (got and got.span()) == (want and want.span()), (source, method, text)
            assert Pattern(source, flags).findall(text) == compiled.findall(text)


def test_the_literal_tests_spare_compiling():
    """Most of newsclean's patterns carry a literal test: short documents compile few."""
    known = [analyse(s, f) for s, f in PATTERNS]
    assert sum(a != UNKNOWN for a in known) >= 0.75 * len(known)


@pytest.mark.parametrize("source,flags,required,prefixes,anchored", [
    ("abc", 0, ("abc",), ("abc",), False),
    ("ads?", 0, ("ad",), ("ad",), False),
    ("ab+c", 0, ("ab",), ("ab",), False),  # "abbc": the run stops at the repeat
    (r"^(?:by|von)\b:?\s+\S", re.IGNORECASE, ("by", "von"), ("by", "von"), True),
    (r"\d+ comments?", 0, (" comment",), None, False),
    (r"(?:x|y)z", 0, ("z",), ("x", "y"), False),
    ("Foo|Bar", re.IGNORECASE, ("bar", "foo"), ("bar", "foo"), False),
    (r"a(?i:b)c", 0, ("a",), ("a",), False),
    ("(?i)abc", 0, None, None, False),  # global inline flags are not read
    (r"\x41", 0, None, None, False),
    ("a{0,3}b", 0, ("b",), None, False),
    ("(?:a|)b", 0, ("b",), None, False),
    ("^a|b", 0, ("a", "b"), ("a", "b"), False),
    ("[abc]+", 0, None, None, False),
    ("^a", re.MULTILINE, ("a",), ("a",), False),
])
def test_analyse(source, flags, required, prefixes, anchored):
    assert analyse(source, flags) == (required, prefixes, anchored)


def test_a_pattern_asked_often_is_compiled():
    p = Pattern(r"\bnever here\b")
    for _ in range(100):
        assert p.search("plain text") is None
    assert hasattr(p, "_compiled")


def test_guarded_methods_take_extra_arguments():
    p = Pattern("ab")
    assert p.search("xxab", 1).span() == (2, 4)
    assert p.sub("-", "abab") == "--"
    assert list(Pattern("zz").finditer("abc")) == []


@pytest.mark.parametrize("source,expected", [
    ("ads?", ("ad",)),
    ("(?:daily|weekly) newsletter", ("daily", "weekly")),
    (r"e-?mail \(required\)", ("e",)),
    (r"[\w ]{1,30} newsletter", ()),
    ("(?:a|b)?c", ()),
])
def test_prefixes(source, expected):
    assert literals.prefixes(source) == expected


def test_alternatives_split_only_at_the_top_level():
    assert literals.alternatives(r"a|(?:b|c)d|[|]e|\|f") == ["a", "(?:b|c)d", "[|]e", r"\|f"]
