"""The package's shape: only cli.py knows click, and nothing cli.py loads imports it back."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newsclean"
IMPORTS_CLICK = re.compile(r"^\s*(?:import click\b|from click\b)", re.MULTILINE)
IMPORTS_CLI = re.compile(r"^\s*(?:from \.+ import [^\n]*\bcli\b|from \.+cli\b|import newsclean\.cli\b|from newsclean\.cli\b"
                         r"|from newsclean import [^\n]*\bcli\b)", re.MULTILINE)


def modules() -> dict[str, Path]:
    return {"newsclean." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts): p for p in PACKAGE.rglob("*.py")}


def test_no_module_but_cli_imports_click():
    importers = sorted(name for name, path in modules().items() if IMPORTS_CLICK.search(path.read_text(encoding="utf-8")))
    assert importers == ["newsclean.cli"]


def test_nothing_cli_loads_imports_cli():
    code = "import sys, newsclean.cli; print('\\n'.join(m for m in sys.modules if m.startswith('newsclean')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "newsclean.command" in loaded and "newsclean.cli" in loaded
    paths = modules()
    back = sorted(name for name in loaded if name != "newsclean.cli" and name in paths
                  and IMPORTS_CLI.search(paths[name].read_text(encoding="utf-8")))
    assert back == []


def test_the_runner_and_the_library_load_without_click():
    code = ("import sys, newsclean, newsclean.command, newsclean.corpus, newsclean.steps\n"
            "print('click' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
