"""Text cleaning and the keys derived from names: URL slugs and alphabetical sort keys (pure).

Shared by the app (slugs and sort order of stored organisations) and ingest (`ingest.normalise`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final
from urllib.parse import urlsplit

REPLACEMENT_CHAR: Final = "\ufffd"
# In the 2017 Co-ops UK file U+FFFD stands for a lost accented letter ("Caf\ufffd", "L\ufffdnasa") and
# for a lost non-breaking space ("Biggar\ufffdRoad", "EH10\ufffd7DX"); a following capital or digit marks
# the second case.
_FFFD_AS_SPACE_RE: Final = re.compile(r"(?<=[^\W_])\ufffd+(?=[A-Z0-9])")


def clean_text(raw: str | None) -> str | None:
    """Return ``raw`` NFC-normalised, stripped, whitespace-collapsed, without control characters, or None."""
    if raw is None:
        return None
    if raw.isascii():
        # Fast path for most register text: ASCII is already NFC and has no U+FFFD; only printable text
        # (no control characters left after collapsing whitespace) can skip the per-character filter.
        collapsed = " ".join(raw.split())
        if collapsed.isprintable():
            return collapsed or None
    text = unicodedata.normalize("NFC", raw)
    text = _FFFD_AS_SPACE_RE.sub(" ", text)
    text = text.replace(REPLACEMENT_CHAR, "")
    # str.split() with no argument splits on every Unicode space (NBSP, tabs, the LF inside quoted CSV
    # fields), so do it before dropping the remaining control/format characters, which would glue words.
    text = " ".join(text.split())
    # Lone surrogates (Cs) come from bytes decoded with "surrogateescape" and cannot be stored as UTF-8.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    text = " ".join(text.split())
    return text or None


# Letters NFKD does not decompose into ASCII but that appear in UK names (e.g. Scandinavian or Old English
# spellings); without this they would simply vanish from keys and slugs.
_ASCII_FOLD: Final = str.maketrans(
    {"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
     "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss"}
)  # fmt: skip


def fold(text: str) -> str:
    """Return ``text`` with accents removed and case folded, keeping only ASCII letters from Latin text."""
    if text.isascii():
        return text.casefold()  # nothing to decompose or translate: the common case, and 10x faster
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


APOSTROPHES_RE: Final = re.compile(r"['\u2018\u2019\u02bc`\u00b4]")
# Hyphens and full stops join parts of one word ("Co-op", "St.") so they are dropped, not turned into spaces.
JOINERS_RE: Final = re.compile(r"[\u002d\u2010-\u2015.\u00ad]")
NON_ALNUM_RE: Final = re.compile(r"[^a-z0-9]+")
LEADING_THE_RE: Final = re.compile(r"^the\s+(?=\S)")


def sort_key(name: str) -> str:
    """Return a key for ordering names alphabetically: folded, punctuation-free, leading "the" dropped."""
    text = fold(clean_text(name) or "")
    text = APOSTROPHES_RE.sub("", text)
    text = JOINERS_RE.sub("", text)
    text = " ".join(NON_ALNUM_RE.sub(" ", text).split())
    return LEADING_THE_RE.sub("", text)


_SLUG_MAX: Final = 80
_SLUG_FALLBACK: Final = "organisation"


def slugify(name: str) -> str:
    """Return a lower-case ASCII hyphenated slug of at most 80 characters, never empty."""
    text = fold(clean_text(name) or "")
    text = APOSTROPHES_RE.sub("", text).replace("&", " and ")
    slug = NON_ALNUM_RE.sub("-", text).strip("-")
    if len(slug) > _SLUG_MAX:
        cut = slug[: _SLUG_MAX + 1]
        # Cut at a word boundary when one exists in the last part, so slugs do not end mid-word.
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > _SLUG_MAX // 2 else slug[:_SLUG_MAX]
        slug = slug.strip("-")
    return slug or _SLUG_FALLBACK


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a stored `javascript:` URL must never become a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None
