"""Sitrep tests (a package, so that its conftest does not clash with the notebooks' one)."""
