"""Reliability (issue 18): options, unreadable paths, a lock on --out, the caches, hostile values.

Each test here failed on the main branch before the fix it guards.
"""

from __future__ import annotations

import pytest

from helpers.cli import main
from helpers.run import extract

# --- item 1: option validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--batch-size", "0", "must be 1 or more, not 0"),
        ("--processes", "0", "must be 1 or more, not 0"),
        ("--processes", "-3", "must be 1 or more, not -3"),
        ("--batch-size", "many", "'many' is not a whole number"),
    ],
)
def test_bad_counts_are_refused_naming_the_option(tmp_path, capsys, option, value, message):
    """A zero or negative count is a usage error (exit 2) naming the option; nothing is written."""
    (tmp_path / "a.txt").write_text("Ten soldiers were killed in Mosul.\n")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), option, value])
    assert exit_.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert option in error and message in error
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", ["processes", "batch_size", "chunk_articles"])
def test_extract_refuses_counts_below_one(tmp_path, option):
    (tmp_path / "a.txt").write_text("Ten soldiers were killed in Mosul.\n")
    with pytest.raises(ValueError, match=f"{option} must be a whole number of at least 1, not 0"):
        extract(tmp_path / "a.txt", tmp_path / "out", **{option: 0})
    assert not (tmp_path / "out").exists()
