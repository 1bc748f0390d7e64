"""Run the data path: ``extract`` a corpus into tables (local or Dask), and read them back."""

from helpers.run.output import ExtractResult
from helpers.run.reader import Tables, load_tables, tables_dir
from helpers.run.runner import extract

__all__ = ["ExtractResult", "Tables", "extract", "load_tables", "tables_dir"]
