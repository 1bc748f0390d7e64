"""The user's commands around the reports: ``make lab`` as root, a misspelt model name."""

import os
import shutil
import subprocess
import sys

import pytest

from helpers import config


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_lab_starts_jupyter_as_root_only_when_run_as_root():
    shown = subprocess.run(
        ["make", "-n", "lab", "VENV=/nonexistent-venv"],
        cwd=config.PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    command = shown.stdout.strip().splitlines()[-1]
    assert command.startswith("/nonexistent-venv/bin/jupyter lab notebooks/")
    assert ("--allow-root" in command) == (os.getuid() == 0)


def test_a_misspelt_model_name_gets_the_installed_close_match(tmp_path):
    misspelt = config.default_model()[:-1] + "x"
    run = subprocess.run(
        [sys.executable, "-m", "helpers", "extract", "seeds", "--out", str(tmp_path), "--model", misspelt],
        cwd=config.PROJECT_DIR,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(config.PROJECT_DIR)},
    )
    assert run.returncode == 2
    assert f"did you mean '{config.default_model()}'?" in run.stderr
    assert "pip install" not in run.stderr and "Traceback" not in run.stderr
