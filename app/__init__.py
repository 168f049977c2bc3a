"""Coopmap: a map and search API of the co-operative and democratic economy."""

__version__ = "0.1.0"
