"""Every filter's own examples (must be removed) and counterexamples (must stay)."""

import pytest

from newsclean.filters import FILTERS
from newsclean.lines import split_lines

CASES = [(f, ex) for f in FILTERS for ex in f.examples]
COUNTER = [(f, ex) for f in FILTERS for ex in f.counterexamples]


def _selected(f, text):
    lines = split_lines("\n".join(l[2:] if l.startswith("= ") else l for l in text.split("\n")))
    context = {i for i, l in enumerate(l for l in text.split("\n") if l.strip()) if l.startswith("= ")}
    return set(f.select(lines)), context, len(lines)


@pytest.mark.parametrize("f, example", CASES, ids=[f"{f.name}:{ex[:40]}" for f, ex in CASES])
def test_filter_removes_its_examples(f, example):
    chosen, context, n = _selected(f, example)
    assert chosen == set(range(n)) - context


@pytest.mark.parametrize("f, example", COUNTER, ids=[f"{f.name}:{ex[:40]}" for f, ex in COUNTER])
def test_filter_keeps_its_counterexamples(f, example):
    chosen, _, _ = _selected(f, example)
    assert chosen == set()


def test_every_filter_has_examples_and_counterexamples():
    for f in FILTERS:
        assert f.examples and f.counterexamples, f.name
        assert f.name == f.name.lower() and " " not in f.name


def test_filter_names_are_unique():
    names = [f.name for f in FILTERS]
    assert len(names) == len(set(names))


def test_readme_filter_table_lists_every_step_in_run_order():
    from pathlib import Path

    from newsclean.steps import STEPS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    names = {s.name for s in STEPS}
    table = [line for line in readme.splitlines() if line.startswith("| `")]
    listed = [line.split("`")[1] for line in table if line.split("`")[1] in names]
    assert listed == [s.name for s in STEPS], "README filter table: wrong names or order"
    for step in STEPS:
        assert f"| `{step.name}` | {step.description} |" in readme, f"README row for {step.name} differs from its description"
