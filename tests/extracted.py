"""Tables of a folder of written articles, as ``python -m helpers extract --format csv`` writes them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from helpers.cli import main


def extracted_tables(
    root: Path, articles: Mapping[str, str], names: Iterable[str]
) -> dict[str, pd.DataFrame]:
    """Write each article to ``root/<name>.txt``, extract the folder and read the tables ``names`` as text."""
    for name, text in articles.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(root), "--out", str(root / "out"), "--format", "csv"]) == 0
    out = root / "out"
    return {name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False) for name in names}
