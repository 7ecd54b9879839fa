"""The layers of ARCHITECTURE.md hold: imports point down only, and the domain
imports no UI, storage or format library, not even through another module.

The contracts live in pyproject.toml (`[tool.importlinter]`) and `.ci/run` checks
them too; this test makes the ordinary test run fail the moment an import sneaks
across a layer, and shows that the contracts can fail at all (a contract that
names a misspelt module, or lists no layers, passes everything).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import vaworkspace

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
PACKAGE = Path(vaworkspace.__file__).resolve().parent


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts, over the package found in
    `package_parent` (first on the import path, ahead of any installed copy)."""
    script = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(script), "--no-cache", "--no-logo", str(PYPROJECT)],
        cwd=package_parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_package_keeps_its_layer_contracts() -> None:
    result = lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_layer_import_that_sneaks_in_breaks_the_contracts(tmp_path: Path) -> None:
    copy = tmp_path / "vaworkspace"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    # The domain reaching up into the service (a layer violation), and down into
    # TinyDB through a module of its own (the forbidden contract, indirectly).
    dates = copy / "domain" / "dates.py"
    dates.write_text(dates.read_text() + "\nimport vaworkspace.service\n")
    (copy / "domain" / "sneaky.py").write_text("import vaworkspace.domain.stored\n")
    (copy / "domain" / "stored.py").write_text("import tinydb\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert "vaworkspace.domain.dates -> vaworkspace.service" in result.stdout
    assert "vaworkspace.domain.stored -> tinydb" in result.stdout
    assert "2 broken" in result.stdout
