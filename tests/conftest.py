"""Shared by the command's tests."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsclean.cli import main


@pytest.fixture
def invoke():
    """Run the command in-process: invoke("--format", "json", input=text) -> click's Result,
    with exit_code, stdout and stderr apart."""

    def run(*args: str, input: str | bytes | None = None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return run
