"""The outlet of a document: who published it, named alike whichever way a document says it.

The metadata's ``source`` comes first (a scraper knows the site), then the domain of the URL, then the agency
the dateline credits ("LONDON (Reuters) -", "KYIV, Ukraine (AP) —", "— AFP"); ``outlets.tsv`` turns each
spelling into one name, so that "AP", "apnews.com" and "(AP)" count as one source. A name or domain the table
does not know is kept as given (a domain without its "www."): it is still one outlet, just not merged with others.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from ..tables import read_tsv, split

OUTLETS_FILE = Path(__file__).with_name("outlets.tsv")
LEAD = 300  # characters at the head of a text where a dateline stands
TAIL = 80  # ... and at its end, where a credit line such as "— AFP" may stand instead


@cache
def _table() -> SimpleNamespace:
    rows = read_tsv(OUTLETS_FILE)
    datelines = {alias: row["outlet"] for row in rows for alias in split(row["dateline"])}
    agencies = "|".join(re.escape(a) for a in sorted(datelines, key=len, reverse=True))
    # "— AFP" / "- AFP" as a credit, with no word after it on its line; in the lead "(Reuters)" too
    credit = rf"(?:^|\s)[—–-]{{1,2}}\s*({agencies})\b(?![^\S\n]*\w)"
    return SimpleNamespace(
        names={alias.casefold(): row["outlet"] for row in rows for alias in [row["outlet"], *split(row["names"])]},
        domains={domain: row["outlet"] for row in rows for domain in split(row["domains"])},
        datelines=datelines,
        credit=re.compile(credit, re.M),
        dateline=re.compile(rf"\(\s*({agencies})\s*\)|{credit}", re.M),
    )


def outlet(source: str | None, url: str | None, text: str) -> str | None:
    """The outlet's name from the metadata, else the URL's domain, else the dateline; None if none says it. Metadata
    that is not text is passed over here (the store refuses it, and says so)."""
    table = _table()
    if isinstance(source, str) and source.strip():
        return table.names.get(source.strip().casefold(), source.strip())
    if domain := _domain(url):
        parts = domain.split(".")
        known = (table.domains.get(".".join(parts[i:])) for i in range(len(parts) - 1))
        return next((name for name in known if name), domain)
    if found := table.dateline.search(text[:LEAD]) or table.credit.search(text[-TAIL:]):
        return table.datelines[next(group for group in found.groups() if group)]
    return None


def _domain(url: str | None) -> str | None:
    if not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket): no domain to read
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")
