"""Saved web content: HTML pages, RSS/Atom feeds and WARC archives, read from disk. Nothing is ever fetched.

A page's text is its main text as trafilatura finds it (not its menus, footers or comments), with its title, date,
author and site (the document's ``source``); paragraphs are separated by a blank line, as in the other inputs.
A feed entry's content is the article already, so all of its text is kept. A WARC archive holds whole crawls:
each HTML page fetched (a 2xx response) is a document, and every other record (requests, images, scripts,
redirects, errors) is passed over without a word, as it is no document.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .entries import Item, Problem, Skipped
from .files import READ_ERRORS, TooLarge, read_bounded, reason, whole_file
from .metadata import Defaults, document, parse_date

# trafilatura's own bound on a page it downloads; a saved page over it is refused rather than parsed
PAGE_BYTES = 20_000_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_ONLY = (".rss", ".atom")  # other suffixes read by read_feed (.xml) may hold anything, and are skipped if so


def read_html(path: Path, defaults: Defaults) -> Iterator[Item | Problem]:
    """A saved page (``.html``, ``.htm``; optionally ``.gz``): one document."""
    content = whole_file(path, PAGE_BYTES)
    if isinstance(content, Problem):
        yield content
        return
    yield from _page(content, str(path), path.stem, defaults)


def read_feed(path: Path, defaults: Defaults) -> Iterator[Item | Problem]:
    """A saved RSS or Atom feed (``.rss``, ``.atom``, ``.xml``; optionally ``.gz``): a document per entry, with
    the entry's link, date, title and author, and the feed's title as its source."""
    import feedparser

    where = str(path)
    content = whole_file(path)
    if isinstance(content, Problem):
        yield content
        return
    try:  # given a stream: a string that looks like a URL would be fetched
        feed = feedparser.parse(io.BytesIO(content))
    except Exception as exc:  # feedparser means never to raise; hostile input is this file's problem all the same
        yield Problem(where, f"could not be read as a feed ({reason(exc)})")
        return
    if not feed.get("version") and not feed.entries:
        claimed = path.name.lower().removesuffix(".gz").endswith(FEED_ONLY)
        yield (Problem if claimed else Skipped)(where, "is not an RSS or Atom feed")
        return
    shared = defaults.shared()
    for n, entry in enumerate(feed.entries, 1):
        raw = {
            "id": entry.get("id") or entry.get("link"),
            "title": entry.get("title"),
            "date": _entry_date(entry),
            "source": feed.feed.get("title"),
            "url": entry.get("link"),
            "author": entry.get("author"),
            "language": feed.feed.get("language"),
        }
        yield from document(_fragment_text(_entry_html(entry)), where, f"{path.name}#{n}", raw, shared)


def read_warc(path: Path, defaults: Defaults) -> Iterator[Item | Problem]:
    """A web archive (``.warc``, ``.warc.gz``): a document per HTML page fetched, with its URL as id and url, and
    the crawl's date (``WARC-Date``) where the page gives none. A damaged archive keeps every page before the
    damage."""
    from warcio.archiveiterator import ArchiveIterator

    where, shared, pages = str(path), defaults.shared(), 0
    try:
        stream = open(path, "rb")  # warcio reads .warc.gz itself, a record at a time
    except READ_ERRORS as exc:
        yield Problem(where, f"cannot be read ({reason(exc)})")
        return
    with stream:
        records = ArchiveIterator(stream)
        while True:
            try:
                found = _next_page(records)
            except Exception as exc:  # warcio meets hostile input with more than its own ArchiveLoadFailed
                said = f"cannot be read after page {pages}" if pages else "cannot be read"
                yield Problem(where, f"{said} ({reason(exc)})")
                return
            if found is None:
                return
            pages += 1
            url, crawled, content = found
            if isinstance(content, str):
                yield Problem(where, f"page {pages} {content}", doc_id=url)
            else:
                yield from _page(content, where, url or f"{path.name}#{pages}", shared, url, crawled)


def _next_page(records) -> tuple[str | None, dt.date | None, bytes | str] | None:
    """(URL, crawl date, content) of the archive's next HTML page, the content being the reason if it cannot be
    read; None at the end of the archive."""
    for record in records:
        if not _is_page(record):
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        crawled = _crawl_date(record.rec_headers.get_header("WARC-Date"))
        try:
            content = read_bounded(record.content_stream(), PAGE_BYTES)
        except TooLarge as exc:
            return url, crawled, str(exc)
        if getattr(record.raw_stream, "limit", 0):  # bytes the record declared but the archive does not hold
            return url, crawled, "is cut short (the archive ends inside it)"
        return url, crawled, content
    return None


def _page(
    content: bytes, where: str, doc_id: str, defaults: Defaults, url: str | None = None, crawled: dt.date | None = None
) -> Iterator[Item | Problem]:
    """One HTML page as a document: trafilatura's main text and metadata; its ``lang`` as declared language."""
    try:
        extracted = _extract(content, url)
    except Exception as exc:  # a parser of hostile input: whatever it raises is this page's problem, not the run's
        yield Problem(where, f"could not be read as HTML ({reason(exc)})", doc_id=doc_id)
        return
    if extracted is None:
        yield Problem(where, "is not an HTML page", doc_id=doc_id)
        return
    language, found = extracted
    if found is None or not (found.text or "").strip():
        yield Problem(where, "has no main text", doc_id=doc_id)
        return
    raw = {
        "id": doc_id,
        "title": found.title,
        "date": found.date or crawled,
        "source": found.sitename,
        "url": found.url or url,
        "author": found.author,
        "language": language,
    }
    yield from document(_paragraphs(found.text), where, doc_id, raw, defaults)


def _extract(content: bytes, url: str | None):
    """(declared language, trafilatura's findings) of a page, or None if it is no HTML."""
    import trafilatura
    from trafilatura.settings import set_date_params

    tree = trafilatura.load_html(content)
    if tree is None:
        return None
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=set_date_params(extensive=False),  # dates from markup and URL, not guessed from text
    )
    return tree.get("lang"), found


def _paragraphs(text: str) -> str:
    """trafilatura's text, one paragraph (or heading, or list item) a line, with a blank line between them."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


@cache
def _fragment_config():
    """trafilatura's settings for feed content: keep text however short (a one-line summary is all there is)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def _fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content): markup and scripts gone, paragraphs kept."""
    import trafilatura

    if not html.strip():
        return ""
    try:
        found = trafilatura.bare_extraction(
            f"<html><body><article>{html}</article></body></html>",
            config=_fragment_config(),
            include_comments=False,
            favor_recall=True,
        )
    except Exception:  # hostile markup: the entry is then reported as having no text
        return ""
    return _paragraphs(found.text) if found is not None and found.text else ""


def _entry_html(entry) -> str:
    """An entry's fullest text: the longest of its contents (Atom ``content``, RSS ``content:encoded``), else
    its summary."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    return max(contents, key=len, default="") or entry.get("summary") or ""


def _entry_date(entry):
    """The date an entry was published (else updated), as written; where the string is in a form only feedparser
    reads, its reading (in UTC); None if there is none. (Read with ``dict.get``: feedparser's own ``get`` maps a
    missing ``updated`` to ``published`` with a deprecation warning.)"""
    for key in ("published", "updated"):
        written = dict.get(entry, key)
        if not written:
            continue
        try:
            return parse_date(written)
        except ValueError:
            pass
        try:
            return dt.date(*dict.get(entry, f"{key}_parsed")[:3])
        except (TypeError, ValueError):  # none, or not on the calendar
            return written  # left out with a notice
    return None


def _is_page(record) -> bool:
    """A WARC record of an HTML page fetched successfully."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _crawl_date(value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None
