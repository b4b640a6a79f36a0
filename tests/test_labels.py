"""Label matching by set and case-sensitive patterns must agree with the plain
case-insensitive pattern it stands for, on every kind of key."""

import importlib
import random

import pytest

from newsclean.filters import FILTERS
from newsclean.filters.base import Labels, key

MODULES = sorted({f.select.__module__ for f in FILTERS if f.select.__module__.startswith("newsclean.filters")}
                 | {"newsclean.filters." + m for m in ("ads", "comments", "related", "subscribe", "share", "media",
                                                       "navigation", "legal", "byline")})


def _label_sets():
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, Labels):
                found.append((f"{name.rsplit('.', 1)[1]}.{attr}", value))
    return found


LABEL_SETS = _label_sets()

# Characters that case-insensitive matching pairs with others (dotless i, long s,
# Kelvin sign), capitals, Cyrillic look-alikes, and plain noise.
_TWISTS = (
    lambda s: s,
    str.upper,
    str.title,
    lambda s: s.replace("i", "ı"),
    lambda s: s.replace("s", "ſ"),
    lambda s: s.replace("k", "\u212a"),
    lambda s: s.replace("e", "е").replace("a", "а"),  # Cyrillic е and а
    lambda s: s + "s",
    lambda s: s[:-1],
    lambda s: "- " + s + " -",
)


def test_there_are_label_sets_to_check():
    assert len(LABEL_SETS) >= 8


@pytest.mark.parametrize("name, labels", LABEL_SETS, ids=[n for n, _ in LABEL_SETS])
def test_label_matching_agrees_with_the_case_insensitive_pattern(name, labels):
    rng = random.Random(name)
    seeds = sorted(labels._words)[:200] + ["advertisement", "share this", "read more", "photo 1 of 3", "comments"]
    checked = 0
    for seed in seeds:
        for twist in _TWISTS:
            low = key(twist(seed))
            assert labels.matches(low) == (labels._any_case.fullmatch(low) is not None), (name, low)
            checked += 1
    for _ in range(200):
        low = key("".join(rng.choice("aeiıkſsntrlo ÄÖÜéñ") for _ in range(rng.randint(1, 12))))
        assert labels.matches(low) == (labels._any_case.fullmatch(low) is not None), (name, low)
    assert checked > 0
