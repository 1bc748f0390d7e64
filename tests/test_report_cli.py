"""The user's commands around the reports: ``make lab`` as root, a misspelt model name."""

import asyncio
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import config


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_lab_starts_jupyter_as_root_only_when_run_as_root():
    shown = subprocess.run(
        ["make", "--no-print-directory", "-n", "lab", "VENV=/nonexistent-venv"],
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


def test_make_notebooks_refreshes_outputs_quietly(tmp_path, capfd):
    import nbformat
    from jupyter_core.paths import jupyter_runtime_dir
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from helpers.views.report import refresh_notebooks

    notebook = new_notebook(
        cells=[new_markdown_cell("# 01 · Sum\n\nA test notebook."), new_code_cell("40 + 2")]
    )
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, tmp_path / "01-sum.ipynb")
    logs_before = set(Path(jupyter_runtime_dir()).glob("sitrep-kernel-*.log"))
    assert refresh_notebooks(tmp_path) == 0
    captured = capfd.readouterr()
    assert set(Path(jupyter_runtime_dir()).glob("sitrep-kernel-*.log")) <= logs_before
    assert captured.err == ""
    assert re.fullmatch(r"notebook 1/1: 01-sum … done in \d+ s\n", captured.out)
    stored = nbformat.read(tmp_path / "01-sum.ipynb", as_version=4)
    assert stored.cells[1].outputs[0]["data"]["text/plain"] == "42"


def test_a_kernel_log_with_more_than_the_shutdown_race_is_kept_and_named(tmp_path, caplog):
    from helpers.views.execute import QuietKernelManager, only_shutdown_noise

    race = (
        "ERROR:tornado.general:Uncaught exception in ZMQStream callback\n"
        "Traceback (most recent call last):\n"
        '  File "kernelbase.py", line 1, in dispatch_control\n'
        "    await self.process_control(msg)\n"
        "zmq.error.ZMQError: Socket operation on non-socket\n"
    )
    assert only_shutdown_noise(race + race)
    assert only_shutdown_noise("Assertion failed: pfd.revents & POLLIN (src/signaler.cpp:238)\n")
    assert not only_shutdown_noise(race + "Fatal Python error: Segmentation fault\n")
    manager = QuietKernelManager(ip=str(tmp_path / "kernel-ipc"))
    manager.kernel_log.write_text(race + "Fatal Python error: Segmentation fault\n")
    with caplog.at_level("WARNING", logger="sitrep.kernel"):
        asyncio.run(manager._async_cleanup_resources())
    assert manager.kernel_log.exists() and str(manager.kernel_log) in caplog.text
    manager.kernel_log.write_text(race)
    asyncio.run(manager._async_cleanup_resources())
    assert not manager.kernel_log.exists()
