"""Tests of the source modules: one file per source, with inline CSVs and the real shared files."""
