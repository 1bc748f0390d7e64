"""The Dask engine writes the same tables as the local engine (order aside)."""

import shutil

import pandas as pd
import pytest

from helpers import config
from helpers.run import Tables, extract
from helpers.tables import SCHEMAS

pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask-corpus")
    shutil.copy(next((config.PROJECT_DIR / "seeds").glob("*.txt")), root / "seed.txt")
    (root / "copy.txt").write_text((root / "seed.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    lines = [
        f'{{"id": {i}, "title": "Report {i}", "text": "Gunmen killed {i} civilians in Kirkuk on Monday, '
        'police said. The Iraqi army arrested two suspects."}'
        for i in range(1, 7)
    ]
    (root / "feed.jsonl").write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    return root


def sorted_table(directory, table):
    frame = Tables(directory).read(table)
    keys = [c for c in SCHEMAS[table].names if c in frame.columns]
    return frame.sort_values(keys, ignore_index=True).astype(str)


def test_dask_matches_local(corpus, tmp_path):
    local, dask = tmp_path / "local", tmp_path / "dask"
    extract(corpus, local, progress=False)
    from helpers.run.dask import extract_on_dask

    result = extract_on_dask(corpus, dask, partition_size=3, n_workers=2)
    assert (dask / "mentions").is_dir()
    assert len(list((dask / "articles").glob("part-*.parquet"))) >= 3
    assert result.manifest["inputs"] == {"total": 10, "loaded": 8, "skipped": 2}
    for table in SCHEMAS:
        pd.testing.assert_frame_equal(sorted_table(local, table), sorted_table(dask, table))
    articles = sorted_table(dask, "articles")
    assert articles.loc[articles["path"] == "seed.txt", "duplicate_of"].item() == "copy"
