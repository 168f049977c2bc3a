"""Text keys derived from names: URL slugs and alphabetical sort keys (pure)."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+")
SLUG_MAX = 80


def ascii_fold(text: str) -> str:
    """Strip accents and drop characters with no ASCII form (`Café` -> `Cafe`)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slugify(name: str) -> str:
    """A lower-case ASCII hyphenated slug of at most 80 characters, never empty."""
    folded = ascii_fold(name).lower().replace("&", " and ").replace("'", "")
    slug = _NON_ALNUM.sub("-", folded).strip("-")[:SLUG_MAX].rstrip("-")
    return slug or "organisation"


def sort_key(name: str) -> str:
    """Key for listing names alphabetically: case- and accent-blind, ignoring a leading "The"."""
    folded = ascii_fold(name).casefold().strip()
    folded = _LEADING_THE.sub("", folded)
    return " ".join(_NON_ALNUM.sub(" ", folded).split())
