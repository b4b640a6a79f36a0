"""Lines with no letters or digits: lone bullets, rules, separators."""

from .base import key, line_filter

RESIDUE = line_filter(
    "residue",
    "lines with no letter or digit: lone bullets, separators, rules",
    lambda text: not key(text),
    rule="no_letters",
    examples=("*", "•", "---", "|", "* * *", "»"),
    counterexamples=("A", "1.", "OK."),
)
