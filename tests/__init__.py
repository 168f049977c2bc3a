"""Coopmap test suite: real SQLite and PostGIS, real HTTP, a real browser."""
