"""The package type-checks: strict on domain/ and service/, the default elsewhere.

`.ci/run` runs mypy too; running it in the test suite as well means a change that
breaks the types fails the suite its author runs before landing, not only CI.
The configuration (and its temporary exceptions) lives in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error_in_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,  # pyproject.toml's [tool.mypy]; its cache makes later runs quick
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
