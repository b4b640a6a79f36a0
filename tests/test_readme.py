"""Every command the README shows is run, against the installed `newsclean`.

How the README's code blocks are read:

- ```sh: each line is a command (a `#` line is a comment), run in order in one
  scratch folder that holds a copy of samples/, and must exit 0. A block that
  starts with `#!` is a script: it is run whole, with `samples clean` as its
  arguments. Install and test commands are checked for their form instead of
  being run (the tests cannot reinstall themselves or run themselves); what
  follows the install in the same line is run.
- ```console: `$ command` lines, each followed by exactly what it prints on stdout.
- ```text before / ```text after: cleaning the first on stdin prints the second.

Commands that use jq are skipped when jq is not installed. `.venv/bin/` in a
command stands for the folder of the Python running the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.S | re.M)
INSTALL = ".venv/bin/pip install"
TESTS = ".venv/bin/python -m pytest"


def blocks(kind: str) -> list[tuple[int, str, str]]:
    """(line number, info after the language, body) of every block of a kind."""
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(2).strip(), m.group(3))
            for m in FENCE.finditer(text) if m.group(1) == kind]


def commands(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def first_commands() -> tuple[str, str]:
    """The install command and the test command: the first two sh blocks."""
    (_, _, install), (_, _, tests) = blocks("sh")[:2]
    return install.strip(), tests.strip()


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    return tmp_path


def run(command: str, cwd: Path, stdin: str | None = None, args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    if "jq " in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed; the README's jq examples need it")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", NO_COLOR="1")
    command = command.replace(".venv/bin/", f"{BIN}/")
    return subprocess.run(["bash", "-o", "pipefail", "-c", command, "readme", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120)


def check(result: subprocess.CompletedProcess, command: str) -> None:
    assert result.returncode == 0, f"{command!r} exited {result.returncode}:\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr


# ---------------------------------------------------------------- the two first commands

def test_the_install_command_installs_only_what_running_needs_then_runs_newsclean(scratch):
    install, _ = first_commands()
    steps = install.split(" && ")
    assert steps[0] == "python3 -m venv .venv"
    assert steps[1] == f"{INSTALL} ."
    assert "[test]" not in install and "[dask]" not in install
    rest = " && ".join(steps[2:])
    assert rest.startswith(".venv/bin/newsclean ")
    check(run(rest, scratch), rest)
    assert sorted(p.stem for p in (scratch / "out").iterdir()) == sorted(p.stem for p in (ROOT / "samples").iterdir())


def test_the_test_command_installs_the_test_extras_itself():
    _, tests = first_commands()
    assert tests == f"{INSTALL} '.[test]' && {TESTS} -q"


def test_ci_runs_the_readmes_install_and_test_commands():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    install, tests = first_commands()
    assert install in lines and tests in lines
    assert lines.index(install) < lines.index(tests)


# ---------------------------------------------------------------- every other command

def _runnable() -> list[tuple[int, str, str]]:
    return [(n, info, body) for n, info, body in blocks("sh")[2:]]


@pytest.mark.parametrize("line,info,body", _runnable(), ids=[f"README.md:{n}" for n, _, _ in _runnable()])
def test_each_sh_block_runs(line, info, body, scratch):
    assert INSTALL not in body and TESTS not in body, "install and test commands belong in the first two blocks"
    if body.startswith("#!"):
        if "jq " in body and shutil.which("jq") is None:
            pytest.skip("jq is not installed; the README's script needs it")
        script = scratch / "script.sh"
        script.write_text(body, encoding="utf-8")
        result = run(f"sh {script} \"$@\"", scratch, args=("samples", "clean"))
        check(result, body)
        assert sorted(p.stem for p in (scratch / "clean").iterdir()) == sorted(p.stem for p in (scratch / "samples").iterdir())
        return
    for command in commands(body):
        check(run(command, scratch), command)


def _console() -> list[tuple[int, str, str]]:
    return blocks("console")


@pytest.mark.parametrize("line,info,body", _console(), ids=[f"README.md:{n}" for n, _, _ in _console()])
def test_each_console_block_prints_what_it_shows(line, info, body, scratch):
    shown: list[tuple[str, list[str]]] = []
    for text in body.splitlines():
        if text.startswith("$ "):
            shown.append((text[2:], []))
        else:
            shown[-1][1].append(text)
    for command, output in shown:
        result = run(command, scratch)
        check(result, command)
        assert result.stdout.splitlines() == output, command


def test_the_before_and_after_example(scratch):
    texts = {info: body for _, info, body in blocks("text")}
    result = run("newsclean", scratch, stdin=texts["before"])
    check(result, "newsclean")
    assert result.stdout == texts["after"]


def test_the_readme_shows_commands_of_every_kind():
    # A fence renamed by mistake would silently take its commands out of these tests.
    assert len(blocks("sh")) >= 5 and blocks("console") and {"before", "after"} <= {i for _, i, _ in blocks("text")}
    other = {kind for kind, _, _ in FENCE.findall(README.read_text(encoding="utf-8"))} - {"sh", "console", "text"}
    assert other == set(), f"code blocks of a kind these tests do not run: {other}"


def test_the_readmes_links_lead_to_files_in_the_repository():
    text = README.read_text(encoding="utf-8")
    targets = {t.split("#")[0] for t in re.findall(r"\]\(([^)#][^)]*)\)", text) if "://" not in t}
    assert targets, "the README links to its docs pages"
    missing = sorted(t for t in targets if not (ROOT / t).is_file())
    assert missing == []
