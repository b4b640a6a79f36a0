"""Examples, fixtures, samples and comments are written from scratch: none shares a
run of eight words with the corpora newsclean is measured on.

The development corpus is read from NEWSCLEAN_DEV or from the shared bench beside
the checkout; the wide and snippet corpora from where their unpack scripts put them
(NEWSCLEAN_WIDE, NEWSCLEAN_SNIPPETS; see training/corpora.py). A corpus that is not
there is skipped, with how to get it.
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from pathlib import Path

import pytest

from newsclean.filters import FILTERS

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("NEWSCLEAN_DEV", ROOT.parent / "shared" / "bench" / "dev"))
RUN = 8
_WORD = re.compile(r"\w+")
# The forms whose words a fixture could have been taken from.
_FORMS = ("expected.txt", "container.txt", "page.txt")


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN words of the text, case-folded."""
    words = _WORD.findall(text.casefold())
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _texts_of(path: Path, strings: bool) -> list[str]:
    """The comments and docstrings of a module, and with `strings` every string in
    it (a test's fixtures). The package's other strings are patterns and word lists
    (month names, function words), which any calendar or page may hold."""
    source = path.read_text(encoding="utf-8")
    nodes = list(ast.walk(ast.parse(source)))
    if strings:
        out = [node.value for node in nodes if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    else:
        out = [node.value.value for node in nodes
               if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)]
    out += [tok.string for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type == tokenize.COMMENT]
    return out


def ours() -> dict[tuple[str, ...], str]:
    """Every run of words the project wrote, with where it stands."""
    found: dict[tuple[str, ...], str] = {}

    def add(text: str, where: str) -> None:
        for run in runs(text):
            found.setdefault(run, where)

    for f in FILTERS:
        for text in f.examples + f.counterexamples:
            add(text, f"filter {f.name}")
    for folder in ("newsclean", "tests", "benchmarks", "training"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for text in _texts_of(path, strings=folder == "tests"):
                add(text, str(path.relative_to(ROOT)))
    for path in sorted((ROOT / "samples").iterdir()):
        add(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        add(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    return found


def _corpus_roots() -> list[Path]:
    roots = [DEV]
    for env, default in (("NEWSCLEAN_WIDE", "/tmp/newsclean-wide"), ("NEWSCLEAN_SNIPPETS", "/tmp/newsclean-snippets")):
        roots.append(Path(os.environ.get(env, default)) / "dev")
    return roots


def shared_runs(mine: dict[tuple[str, ...], str], root: Path) -> list[tuple[str, str]]:
    """The runs of ours that stand in a text of the corpus at `root`, with the file."""
    firsts = {run[0] for run in mine}
    hits = []
    for path in root.rglob("*.txt"):
        if path.name not in _FORMS:
            continue
        words = _WORD.findall(path.read_text(encoding="utf-8", errors="replace").casefold())
        for i in range(len(words) - RUN + 1):
            if words[i] in firsts:
                run = tuple(words[i:i + RUN])
                if run in mine:
                    hits.append((mine[run], f"{' '.join(run)!r} in {path}"))
    return hits


def test_runs_are_found_in_a_text_that_holds_them():
    mine = {run: "here" for run in runs("one two three four five six seven eight nine")}
    assert len(mine) == 2
    assert ("one", "two", "three", "four", "five", "six", "seven", "eight") in mine


_HOW_TO_GET = {
    "dev": "development corpus not found: set NEWSCLEAN_DEV to it, or place the shared bench beside the checkout",
    "wide": "wide corpus not found: run the shared bench's wide/unpack and set NEWSCLEAN_WIDE to where it put it",
    "snippets": "snippet corpus not found: run the shared bench's snippets/unpack and set NEWSCLEAN_SNIPPETS "
                "to where it put it",
}


@pytest.mark.parametrize("root,name", list(zip(_corpus_roots(), _HOW_TO_GET)), ids=list(_HOW_TO_GET))
def test_nothing_we_wrote_shares_eight_words_with_a_corpus(root, name):
    if not root.is_dir():
        pytest.skip(_HOW_TO_GET[name])
    hits = shared_runs(ours(), root)
    assert not hits, "\n".join(f"{where}: {what}" for where, what in hits[:40])
