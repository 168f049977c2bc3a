"""Pure normalisers for postcodes, registration numbers, names, URLs, dates, phones and e-mail addresses.

Every function is total over ``str | None`` input unless its docstring says it raises, has no I/O and uses
the standard library only, so adapters, the matcher and the web form share one definition of "the same value".
The rules follow the real quirks recorded in ``shared/data/FORMATS.md`` (sections 1.5, 2, 2.1 and 3).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urlsplit

from app.domain.postcode import (
    extract_postcode,
    normalise_postcode,
    parse_postcode_district,
    postcode_area,
    postcode_district,
)
from app.domain.text import (
    APOSTROPHES_RE,
    NON_ALNUM_RE,
    clean_text,
    fold,
    slugify,
    sort_key,
)

__all__ = [
    "RegistrationKind",
    "RegistrationNumber",
    "clean_text",
    "extract_postcode",
    "fca_number_key",
    "name_key",
    "normalise_companies_house_number",
    "normalise_email",
    "normalise_fca_number",
    "normalise_phone",
    "normalise_postcode",
    "normalise_url",
    "parse_postcode_district",
    "parse_uk_date",
    "postcode_area",
    "postcode_district",
    "registration_from_cuk",
    "slugify",
    "sort_key",
    "split_fca_number",
    "website_domain",
]

# ------------------------------------------------------------------------------------------------------------
# Text
# ------------------------------------------------------------------------------------------------------------

# "c.i.c." / "u.k." / "c.i.o" are single tokens once their dots go; otherwise they would become "c i c".
_DOTTED_ABBREVIATION_RE: Final = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")
# Every spelling of co-operative seen in the registers (dedupe-anchors section 1): co-operative, cooperative,
# co operative, co-op, coop, co op, plus plurals (matched once punctuation is spaces); "cooperation" and
# "coopers" are left alone.
_COOP_RE: Final = re.compile(r"\bco ?op(?:erative)?s?\b")
# A parenthesised acronym or place tag such as "(WREN)", "(HCC)", "(NI)": trading names in the 2023 extract
# drop or keep it independently of the registered name.
_PAREN_ACRONYM_RE: Final = re.compile(r"\(\s*[A-Z&]{2,6}\s*\)")
# Working men's clubs affiliated to the CIU are registered as "... Club and Institute Limited" (612 of 6,674
# 2017 registered names) but trade as "... Club".
_CLUB_AND_INSTITUTE: Final = ("club", "and", "institute")
# Legal-form phrases removed from the END of a name only, longest first, repeatedly ("X Society Limited" ->
# "X"). A final "society" is included because registers disagree on it for one organisation (Co-ops UK
# "Fane Valley Co-operative Society Limited", trading name "Fane Valley Co-operative Society").
_LEGAL_SUFFIXES: Final[tuple[tuple[str, ...], ...]] = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in (
                "limited",
                "ltd",
                "plc",
                "llp",
                "lp",
                "cic",
                "cio",
                "scio",
                "public limited company",
                "limited liability partnership",
                "limited partnership",
                "community interest company",
                "charitable incorporated organisation",
                "scottish charitable incorporated organisation",
                "community benefit society",
                "industrial and provident society",
                "registered society",
                "society",
            )
        ),
        key=len,
        reverse=True,
    )
)


def name_key(name: str) -> str:
    """Return a matching key for a name: folded, co-op spellings unified, legal suffixes removed.

    Steps: a parenthesised acronym ("(WREN)", "(NI)") dropped; accents stripped and case folded; apostrophes
    dropped; ``&`` -> ``and``; dotted abbreviations joined (``C.I.C.`` -> ``cic``); every spelling of
    co-operative/co-op -> ``coop``; punctuation -> spaces; a leading ``the`` dropped; then, at the end only
    and repeatedly, legal-form phrases (limited, ltd, plc, llp, cic, community interest company, community
    benefit society, society, ...) are removed and "club and institute" becomes "club", never removing the
    last word. A final ``society`` counts as a legal form, so "Fane Valley Co-operative Society Limited", its
    trading name "Fane Valley Co-operative Society" and a webform "Fane Valley Co-op" all give ``fane valley
    coop``; ``society`` elsewhere is kept. ``company`` is never removed: it is part of many distinctive names.
    """
    text = _PAREN_ACRONYM_RE.sub(" ", clean_text(name) or "")
    text = fold(text)
    text = APOSTROPHES_RE.sub("", text)
    text = text.replace("&", " and ")
    text = _DOTTED_ABBREVIATION_RE.sub(lambda match: match.group(0).replace(".", ""), text)
    # Unify co-op spellings after punctuation became spaces, so "Co. Op" and "co-op" meet the same pattern and
    # the key is a fixed point (its own key).
    text = _COOP_RE.sub("coop", " ".join(NON_ALNUM_RE.sub(" ", text).split()))
    tokens = text.split()
    changed = True
    while changed:
        changed = False
        if len(tokens) > 1 and tokens[0] == "the":
            tokens, changed = tokens[1:], True
            continue
        if len(tokens) > len(_CLUB_AND_INSTITUTE) and tuple(tokens[-3:]) == _CLUB_AND_INSTITUTE:
            tokens, changed = tokens[:-2], True
            continue
        for suffix in _LEGAL_SUFFIXES:
            if len(tokens) > len(suffix) and tuple(tokens[-len(suffix) :]) == suffix:
                tokens, changed = tokens[: -len(suffix)], True
                break
    return " ".join(tokens)


# ------------------------------------------------------------------------------------------------------------
# Registration numbers
# ------------------------------------------------------------------------------------------------------------

RegistrationKind = Literal["fca", "companies_house"]


def _compact_number(raw: str | None) -> str:
    return "".join((raw or "").split()).upper()


# Northern Ireland register prefixes (IP industrial & provident society, CU credit union) and the "RS" form
# the FCA/Companies House use for post-2014 society numbers (2016 "RS004055" is 2017 "4055CS", same society).
_FCA_PREFIXES: Final = ("IP", "CU", "RS")
_FCA_PREFIX_DIGITS: Final = 6
# Society numbers have at most five significant digits (the R series is around 32,000; six allows headroom);
# a longer bare number is a Companies House number in the wrong column (2016 "8562208", registrar FCA, is
# "Hungry Fungi Ltd").
_FCA_MAX_DIGITS: Final = 6
# Suffixes are 1-4 letters: R, RS, C, CS, CBS, CUS, F, SA in Co-ops UK; the FCA glossary adds friendly-society
# ones such as AOF or AOFI and building-society B, BS, so the suffix is checked for shape, not from a list.
_FCA_SUFFIX_RE: Final = re.compile(rf"0*(\d{{1,{_FCA_MAX_DIGITS}}})([A-Z]{{1,4}})?")
_FCA_PREFIX_RE: Final = re.compile(rf"({'|'.join(_FCA_PREFIXES)})0*(\d{{1,{_FCA_MAX_DIGITS}}})")


def normalise_fca_number(raw: str | None) -> str | None:
    """Return an FCA (Mutuals Register) society number in canonical form, or None if it cannot be one.

    Canonical forms: suffix style is the integer without leading zeros plus the suffix (``07334CBS`` ->
    ``7334CBS``, ``26814R``; a bare ``7334`` stays ``7334`` because some releases dropped the suffix).
    Prefix style (Northern Ireland ``IP``/``CU``, post-2014 ``RS``) keeps the prefix and zero-pads the digits
    to six, which leaves ``IP000348`` as written and repairs the 2016 ``CU00012`` to 2017's ``CU000012``.
    Suffix typos are kept as written (2016 ``7309CSB`` was 2017 ``7309CBS``); ``fca_number_key`` matches them.
    """
    compact = _compact_number(raw)
    prefixed = _FCA_PREFIX_RE.fullmatch(compact)
    if prefixed is not None:
        prefix, digits = prefixed.groups()
        if int(digits) == 0:
            return None
        return prefix + digits.zfill(_FCA_PREFIX_DIGITS)
    suffixed = _FCA_SUFFIX_RE.fullmatch(compact)
    if suffixed is None or int(suffixed.group(1)) == 0:
        return None
    return suffixed.group(1) + (suffixed.group(2) or "")


def split_fca_number(value: str) -> tuple[str, int, str]:
    """Return (prefix, integer, suffix) of an FCA number: ``7334CBS`` -> ("", 7334, "CBS"); ValueError."""
    canonical = normalise_fca_number(value)
    if canonical is None:
        raise ValueError(f"not an FCA society number: {value!r}")
    prefixed = _FCA_PREFIX_RE.fullmatch(canonical)
    if prefixed is not None:
        return prefixed.group(1), int(prefixed.group(2)), ""
    # normalise_fca_number returned a suffix-style value, so its digits and letters split cleanly.
    letters = canonical.lstrip("0123456789")
    return "", int(canonical[: len(canonical) - len(letters)]), letters


def fca_number_key(value: str) -> str:
    """Return a join key (prefix + integer, suffix dropped) so ``7334``, ``7334CBS``, ``07334CBS`` are equal.

    The ``RS`` prefix is dropped too, because ``RS004055`` and ``4055CS`` are one society. The key is loose:
    numbers from different suffix series can share it (``4198CS`` and ``4198R``), so treat a key match as
    strong evidence only with agreeing suffixes or when one side has no suffix. ValueError if not FCA.
    """
    prefix, number, _suffix = split_fca_number(value)
    return ("" if prefix == "RS" else prefix) + str(number)


# Companies House company-number prefixes (two letters, or R0 for pre-1922 Northern Ireland companies).
# fmt: off
_CH_PREFIXES: Final = frozenset({
    "AC", "BR", "CE", "CS", "ES", "FC", "FE", "GE", "GN", "GS", "IC", "IP", "LP", "NA", "NC", "NF", "NI",
    "NL", "NO", "NP", "NR", "NV", "NZ", "OC", "OE", "PC", "R0", "RC", "RS", "SA", "SC", "SE", "SF", "SG",
    "SI", "SL", "SO", "SP", "SR", "SZ", "ZC",
})
# fmt: on
_CH_LENGTH: Final = 8
_CH_RE: Final = re.compile(r"([A-Z][A-Z0-9])?(\d{1,8})")


def normalise_companies_house_number(raw: str | None) -> str | None:
    """Return a Companies House number as 8 characters (``4518100`` -> ``04518100``), or None.

    Pure digits are zero-padded to eight; a known two-character prefix (SC, NI, OC, SO, NC, R0, FC, LP, ...)
    is followed by its digits padded so the total is eight (``SC12345`` -> ``SC012345``). Anything else, a
    number needing more than eight characters, or all zeros gives None. Society mirror numbers such as
    ``IP00525R`` are not accepted.
    """
    match = _CH_RE.fullmatch(_compact_number(raw))
    if match is None:
        return None
    prefix, digits = match.group(1) or "", match.group(2)
    if prefix and prefix not in _CH_PREFIXES:
        return None
    significant = digits.lstrip("0")
    width = _CH_LENGTH - len(prefix)
    if not significant or len(significant) > width:
        return None
    return prefix + significant.zfill(width)


@dataclass(frozen=True, slots=True)
class RegistrationNumber:
    """A canonical registration number and the register it belongs to."""

    kind: RegistrationKind
    value: str

    def __post_init__(self) -> None:
        normalise = normalise_fca_number if self.kind == "fca" else normalise_companies_house_number
        if self.kind not in ("fca", "companies_house") or normalise(self.value) != self.value:
            raise ValueError(f"not a canonical {self.kind} number: {self.value!r}")


_REGISTRARS_WITHOUT_NUMBERS: Final = frozenset({"oscr", "charity commission"})
_FCA_REGISTRARS: Final = frozenset({"fca", "detini"})
_CH_REGISTRARS: Final = frozenset({"companies house"})
_SOCIETY_FORMS: Final = frozenset({"society"})
_COMPANY_FORMS: Final = frozenset({"company", "community interest company", "llp", "limited partnership"})
_FCA_SHAPE_RE: Final = re.compile(r"(?:IP|CU|RS)\d+|\d+[A-Z]{1,4}")
_CH_BARE_DIGITS_RE: Final = re.compile(r"\d{7,8}")


def registration_from_cuk(
    registered_number: str | None, registrar: str | None, legal_form: str | None
) -> RegistrationNumber | None:
    """Return the registration number of a Co-operatives UK row, deciding the register, or None.

    ``FCA`` and ``DETINI`` (the Northern Ireland registrar whose societies the FCA took over in 2018) mean an
    FCA number and ``Companies House`` a company number, unless the number's shape only fits the other
    register (DETINI ``NI606891`` is an NI company; Companies House ``4242CS`` is a society). ``OSCR`` and
    ``Charity Commission`` numbers are not kept. For other registrar values (``Legal Form is not defined``,
    ``Unknown legal form``, blank) the shape decides: suffix or IP/CU/RS forms are FCA, 7-8 bare digits or a
    CH prefix are Companies House, and shorter bare digits follow ``legal_form`` (Society vs company forms)
    or give None.
    """
    registrar_key = (clean_text(registrar) or "").casefold()
    if registrar_key in _REGISTRARS_WITHOUT_NUMBERS:
        return None
    fca = normalise_fca_number(registered_number)
    company = normalise_companies_house_number(registered_number)
    as_fca = RegistrationNumber("fca", fca) if fca is not None else None
    as_company = RegistrationNumber("companies_house", company) if company is not None else None
    if registrar_key in _FCA_REGISTRARS:
        return as_fca or as_company
    if registrar_key in _CH_REGISTRARS:
        return as_company or as_fca
    compact = _compact_number(registered_number)
    form = (clean_text(legal_form) or "").casefold()
    if as_fca is not None and (_FCA_SHAPE_RE.fullmatch(compact) or form in _SOCIETY_FORMS):
        return as_fca
    if as_company is not None and (
        not compact[:1].isdigit() or _CH_BARE_DIGITS_RE.fullmatch(compact) or form in _COMPANY_FORMS
    ):
        return as_company
    # Short bare digits with no registrar or legal form could be either register; a wrong guess would feed
    # the deterministic matcher a false key, so give up.
    return None


# ------------------------------------------------------------------------------------------------------------
# URLs
# ------------------------------------------------------------------------------------------------------------

_ALLOWED_SCHEMES: Final = frozenset({"http", "https"})
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
_SCHEME_RE: Final = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
# Schemes written without "//" that must never be mistaken for "host:port".
_OPAQUE_SCHEME_RE: Final = re.compile(
    r"^(?:javascript|data|mailto|tel|sms|file|about|vbscript|blob):", re.IGNORECASE
)
_LABEL_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TLD_RE: Final = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


def _normalise_host(host: str) -> str | None:
    """Return a lower-case ASCII domain name with at least two labels besides ``www``, or None."""
    host = host.rstrip(".").lower()
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = host.split(".")
    if not all(_LABEL_RE.fullmatch(label) for label in labels) or not _TLD_RE.fullmatch(labels[-1]):
        return None
    # "http://www.http" and "http://www.alcesterunionistclub" are real 2023 values: "www." plus one word is
    # not a domain anyone can visit.
    meaningful = labels[1:] if labels[0] == "www" else labels
    return host if len(meaningful) >= 2 else None


def normalise_url(raw: str | None) -> str | None:
    """Return an absolute http(s) URL with a lower-case host and no default port, or None if unusable.

    A bare domain (``www.example.org/about``) gets ``https://``. Other schemes (``javascript:``, ``data:``,
    ``mailto:``, ``ftp://``), whitespace or control characters inside, user info (``user@host``, a phishing
    trick), IP-address or single-word hosts and bad ports give None. Path, query and fragment are kept as
    written, except that a bare ``/`` path is dropped so ``example.org/`` equals ``example.org``.
    """
    text = (raw or "").strip()
    if not text or any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
        return None
    if "\\" in text or _OPAQUE_SCHEME_RE.match(text):
        return None
    scheme_match = _SCHEME_RE.match(text)
    if scheme_match is None:
        text = "https:" + text if text.startswith("//") else "https://" + text
    try:
        # urlsplit rejects unbalanced "[" (IPv6 syntax) and .port rejects non-numeric or out-of-range ports.
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _ALLOWED_SCHEMES or parts.username is not None or parts.password is not None:
        return None
    host = _normalise_host(parts.hostname or "")
    if host is None:
        return None
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = "" if parts.path == "/" else parts.path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{scheme}://{netloc}{path}{query}{fragment}"


# Hosts where the path, not the host, identifies the organisation; 480 of the 3,668 websites in the 2023 DCC
# file are facebook.com pages and 92 are pitchero.com club pages, so their host is no evidence of identity.
_SHARED_HOSTS: Final = frozenset(
    {
        "facebook.com",
        "fb.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "linkedin.com",
        "youtube.com",
        "tiktok.com",
        "linktr.ee",
        "pitchero.com",
        "sites.google.com",
        "google.com",
        "groups.google.com",
        "meetup.com",
        "eventbrite.co.uk",
        "eventbrite.com",
        "bit.ly",
    }
)


# Labels platforms put in front of their own host: mobile ("m"), language or country ("en-gb", "uk").
_PLATFORM_VARIANT_RE: Final = re.compile(r"m|mobile|[a-z]{2}(?:-[a-z]{2})?")


def website_domain(url: str | None) -> str | None:
    """Return the host of a website without ``www.`` for matching, or None for unusable or shared hosts.

    Subdomains are kept (``foo.wordpress.com`` and ``yorkshirerfu.pitchero.com`` stay distinct); a social or
    shared platform host (facebook.com, pitchero.com, sites.google.com, ...) gives None, also behind a mobile
    or locale label (``m.facebook.com``, ``en-gb.facebook.com``), because every organisation on it shares it.
    """
    normalised = normalise_url(url)
    if normalised is None:
        return None
    host = (urlsplit(normalised).hostname or "").removeprefix("www.")
    first, _, rest = host.partition(".")
    if host in _SHARED_HOSTS or (rest in _SHARED_HOSTS and _PLATFORM_VARIANT_RE.fullmatch(first)):
        return None
    return host


# ------------------------------------------------------------------------------------------------------------
# Dates, phone numbers, e-mail
# ------------------------------------------------------------------------------------------------------------

# Day first, 1-2 digit day and month (2017 is not zero-padded, 2016 is), same separator twice, 4-digit year.
_UK_DATE_RE: Final = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
# ISO date, optionally with the midnight time the economic file writes ("2012-03-31 00:00:00").
_ISO_DATE_RE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def parse_uk_date(raw: str | None) -> datetime.date | None:
    """Return the date in a day-first ``d/m/yyyy`` or ISO ``yyyy-mm-dd`` string, None if blank, or ValueError.

    Month-first is never tried: ``11/8/1863`` is 11 August. Two-digit years are refused as ambiguous.
    """
    text = (raw or "").strip()
    if not text:
        return None
    uk = _UK_DATE_RE.fullmatch(text)
    iso = _ISO_DATE_RE.fullmatch(text)
    if uk is not None:
        day, month, year = int(uk.group(1)), int(uk.group(3)), int(uk.group(4))
    elif iso is not None:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    else:
        raise ValueError(f"not a day-first UK date (d/m/yyyy) or ISO date (yyyy-mm-dd): {text!r}")
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise ValueError(f"not a real calendar date ({error}): {text!r}") from None


_PHONE_ALLOWED_RE: Final = re.compile(r"\+?[\d\s().\-/]+")
_PHONE_TRUNK_IN_BRACKETS_RE: Final = re.compile(r"\(\s*0\s*\)")
# A bracketed remark with letters, e.g. "01507 523 385 (24 hours)" in the 2019 outlets file.
_PHONE_REMARK_RE: Final = re.compile(r"\([^()]*[A-Za-z][^()]*\)\s*$")
_UK_NATIONAL_LENGTHS: Final = (10, 11)
# Longer than any number plus remark seen in the data; also bounds the regex work on hostile input.
_PHONE_MAX_CHARS: Final = 60


def normalise_phone(raw: str | None) -> str | None:
    """Return a UK phone number as national digits starting with 0, or None.

    International form (+44 or 0044, with or without the bracketed trunk 0: ``+44 (0)1865 123456`` ->
    ``01865123456``) is converted, a trailing bracketed remark ("(24 hours)") ignored, and a 10-digit number
    that lost its leading 0 in a spreadsheet (``2088742843``) gets it back. Other country codes, text ("TBC",
    "Shop"), extensions, several numbers in one field, and anything else that is not 10 or 11 digits starting
    with 0 give None.
    """
    text = (raw or "").strip()
    if len(text) > _PHONE_MAX_CHARS:
        return None
    text = _PHONE_REMARK_RE.sub("", text).strip()
    if not text or _PHONE_ALLOWED_RE.fullmatch(text) is None:
        return None
    international = text.startswith("+")
    text = _PHONE_TRUNK_IN_BRACKETS_RE.sub("", text)
    digits = re.sub(r"\D", "", text)
    if digits.startswith("00"):
        international, digits = True, digits[2:]
    if international:
        if not digits.startswith("44"):
            return None
        digits = "0" + digits[2:].removeprefix("0")
    elif len(digits) == 10 and not digits.startswith("0"):
        # Same loss as Companies House numbers in the 2016 file: 13 outlet phones are 10 digits, 0 dropped.
        digits = "0" + digits
    if len(digits) not in _UK_NATIONAL_LENGTHS or not digits.startswith("0") or digits.startswith("00"):
        return None
    return digits


_EMAIL_LOCAL_RE: Final = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*"
)


def normalise_email(raw: str | None) -> str | None:
    """Return an e-mail address trimmed, ``mailto:`` removed and domain lower-cased, or None if malformed."""
    text = (raw or "").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    if text.count("@") != 1 or any(ch.isspace() for ch in text):
        return None
    local, domain = text.split("@")
    if len(local) > 64 or _EMAIL_LOCAL_RE.fullmatch(local) is None:
        return None
    host = domain.lower()
    if "." not in host or host.endswith("."):
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if not all(_LABEL_RE.fullmatch(label) for label in labels) or not _TLD_RE.fullmatch(labels[-1]):
        return None
    return f"{local}@{host}"
