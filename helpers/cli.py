"""Command line: ``python -m helpers`` (or ``sitrep``) with ``extract``, ``report`` and ``notebooks``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from helpers import config
from helpers.ingest import CorpusNotFoundError
from helpers.nlp.pipeline import ModelNotFoundError
from helpers.run import Tables, extract
from helpers.run.reader import nothing_loaded

EXIT_USAGE = 2
#: Exit code when the corpus holds no article that could be loaded.
EXIT_NOTHING_LOADED = 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Sitrep: actors, places and casualty figures from conflict news, with evidence.",
        epilog="Environment: SITREP_MODEL (spaCy pipeline), SITREP_ACTORS (user actor "
        "dictionaries, separated by ':'), SITREP_CACHE (cache folder), "
        "SITREP_PROGRESS=0 (no progress bars).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract the tables (articles, mentions, ...) from a corpus",
        description="Load a corpus, parse it (cached) and write every table to --out.",
    )
    extract.add_argument(
        "corpus",
        help="folder (searched recursively) or file of articles: .txt, .md, .html, .pdf, "
        ".docx, or records in .json, .jsonl or .csv with a text column",
    )
    extract.add_argument("--out", required=True, help="output folder for the tables")
    extract.add_argument(
        "--format", choices=("parquet", "csv"), default="parquet", help="table file format (default: parquet)"
    )
    extract.add_argument(
        "--model", default=None, help=f"spaCy pipeline name (default: {config.DEFAULT_MODEL})"
    )
    extract.add_argument(
        "--processes", type=positive_int, default=1, help="parsing processes, 1 or more (default: 1)"
    )
    extract.add_argument(
        "--batch-size", type=positive_int, default=64, help="nlp.pipe batch size, 1 or more (default: 64)"
    )
    extract.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the parsed-document cache"
    )
    extract.add_argument(
        "--force",
        action="store_true",
        help="extract even if --out already holds current tables of this corpus",
    )
    extract.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local (default), or dask: partitions on a Dask cluster, tables as "
        "partitioned Parquet folders (needs the dask extra)",
    )
    extract.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    _add_actors_option(extract)

    report = commands.add_parser(
        "report",
        help="run the notebooks on a corpus and render static HTML reports",
        description="Execute the numbered notebooks with papermill and render HTML + index.html.",
    )
    report.add_argument("corpus", nargs="?", default=None, help="corpus (default: seeds/)")
    report.add_argument("--out", default="reports", help="report folder (default: reports)")
    report.add_argument("--model", default=None, help="spaCy pipeline name")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    _add_actors_option(report)

    commands.add_parser(
        "notebooks",
        help="re-execute every notebook in place on seeds/ (refresh stored outputs)",
        description="Re-run notebooks/NN-*.ipynb in place so their stored outputs match the code.",
    )
    return parser


def positive_int(value: str) -> int:
    """An option value that must be a whole number of at least 1 (argparse ``type``).

    >>> positive_int("3")
    3
    """
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _add_actors_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--actors",
        action="append",
        default=None,
        metavar="CSV",
        help="extra actor dictionary (same columns as helpers/data/actors.csv); "
        "repeatable; default SITREP_ACTORS",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the process exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        if args.command == "extract":
            return _extract(args)
        # The report commands need Jupyter's libraries (seconds to import): loaded only for them.
        from helpers.views import report

        if args.command == "report":
            return report.build_reports(
                args.corpus, args.out, model=args.model, show_code=args.show_code, actors=_actors(args)
            )
        return report.refresh_notebooks()
    except KeyboardInterrupt:
        print("interrupted; no partial table was left in place", file=sys.stderr)
        return 130
    except Exception as error:  # one line for the user, not a traceback
        if isinstance(error, (CorpusNotFoundError, ModelNotFoundError, OSError, ValueError)):
            print(f"error: {error}", file=sys.stderr)
            return EXIT_USAGE
        raise


def _actors(args: argparse.Namespace) -> list[str]:
    """The user's actor dictionaries: ``--actors``, else ``SITREP_ACTORS``."""
    return args.actors if args.actors is not None else config.default_actors()


def _extract(args: argparse.Namespace) -> int:
    result = extract(
        args.corpus,
        args.out,
        model=args.model,
        fmt=args.format,
        processes=args.processes,
        use_cache=not args.no_cache,
        extra_dictionaries=_actors(args),
        batch_size=args.batch_size,
        engine=args.engine,
        scheduler=args.scheduler,
        force=args.force,
    )
    print(result.summary())
    if result.manifest["inputs"]["loaded"] == 0:
        print(f"error: {nothing_loaded(args.corpus, Tables(result.out))}", file=sys.stderr)
        return EXIT_NOTHING_LOADED
    return 0


if __name__ == "__main__":
    sys.exit(main())
