"""Saved web content read from disk: HTML pages, RSS/Atom feeds and WARC archives, each optionally gzip; nothing is
ever fetched."""

import datetime as dt
import gzip
import io
import socket

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import Item, Problem, read
from eventwire.ingest.readers import READERS, Notice, Skipped

BODY = (
    "<p>SANTIAGO — Chile <b>recalled</b> its ambassador to <a href='/peru'>Peru</a> on Tuesday after a dispute "
    "over fishing rights in the Pacific, the foreign ministry said.</p>"
    "<p>Peru protested the decision and summoned the Chilean envoy to explain the move, officials in Lima said "
    "on Wednesday.</p>"
)
TEXT = (
    "SANTIAGO — Chile recalled its ambassador to Peru on Tuesday after a dispute over fishing rights in the "
    "Pacific, the foreign ministry said.\n\nPeru protested the decision and summoned the Chilean envoy to explain "
    "the move, officials in Lima said on Wednesday."
)
FRENCH = (
    "<p>Le Chili a rappelé mardi son ambassadeur au Pérou après un différend sur les droits de pêche dans le "
    "Pacifique, a indiqué le ministère des affaires étrangères.</p><p>Le Pérou a protesté contre cette décision "
    "et a convoqué l'envoyé chilien, ont indiqué mercredi des responsables à Lima.</p>"
)


def page(body: str = BODY, head: str = "", lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World news</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Chile recalls its envoy</h1>{body}</article>"
        "<footer>Copyright 2024 Andes Wire. All rights reserved. Subscribe to our newsletter.</footer>"
        "</body></html>"
    ).encode()


HEAD = (
    "<title>Chile recalls its envoy | Andes Wire</title>"
    '<meta property="og:site_name" content="Andes Wire"><meta name="author" content="Ana Ruiz">'
    '<meta property="article:published_time" content="2024-03-05T21:00:00-03:00">'
    '<link rel="canonical" href="https://andes.example/chile-envoy">'
)


def items(entries) -> list[Item]:
    return [e for e in entries if isinstance(e, Item)]


def problems(entries) -> list[Problem]:
    return [e for e in entries if type(e) is Problem]


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Any attempt to reach the network fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_an_html_page_gives_its_main_text_and_metadata(tmp_path):
    path = tmp_path / "envoy.html"
    path.write_bytes(page(head=HEAD))
    (item,) = read([str(path)])
    assert item.text == "Chile recalls its envoy\n\n" + TEXT  # no menu, no footer; a blank line between paragraphs
    meta = item.meta
    assert (meta.id, meta.title, meta.date, meta.source) == (
        "envoy",
        "Chile recalls its envoy",
        dt.date(2024, 3, 5),
        "Andes Wire",
    )
    assert (meta.url, meta.author, meta.language) == ("https://andes.example/chile-envoy", "Ana Ruiz", "en")


def test_html_without_date_gzip_and_not_html(tmp_path):
    (tmp_path / "undated.htm.gz").write_bytes(gzip.compress(page()))
    (tmp_path / "empty.html").write_bytes(
        b"<html><head><title>Gallery</title></head><body><img src='a.png'></body></html>"
    )
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02")
    got = list(read([str(tmp_path)]))
    notice, item = [e for e in got if e.source.endswith("undated.htm.gz")]
    assert isinstance(notice, Notice) and "has no date" in notice.reason
    assert item.meta.id == "undated.htm" and item.meta.date is None and item.text.endswith(TEXT)
    assert {(p.source.rsplit("/", 1)[-1], p.reason) for p in problems(got)} == {
        ("binary.html", "is not an HTML page"),
        ("empty.html", "has no main text"),
    }


def test_a_page_not_in_english_is_skipped(tmp_path):
    (tmp_path / "chili.html").write_bytes(page(FRENCH, lang="fr"))
    (skipped,) = read([str(tmp_path / "chili.html")])
    assert type(skipped) is Skipped and skipped.doc_id == "chili" and skipped.reason == "not English (detected: fr)"


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://SECRET">]>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Andes Wire</title><link>https://andes.example/</link><language>en-us</language>
<item><title>Chile recalls its envoy</title><link>https://andes.example/chile-envoy</link><guid>andes-1</guid>
<pubDate>Tue, 05 Mar 2024 22:30:00 -0500</pubDate><author>ana@andes.example (Ana Ruiz)</author>
<description>Chile recalled its ambassador.</description>
<content:encoded><![CDATA[{BODY}<script>alert("x")</script>]]></content:encoded></item>
<item><title>Peru protests &secret;</title><link>https://andes.example/peru</link>
<pubDate>2024-03-06</pubDate>
<description>&lt;p&gt;Peru &lt;b&gt;protested&lt;/b&gt; the decision.&lt;/p&gt;</description></item>
<item><title>No text</title><link>https://andes.example/empty</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_each_feed_entry_is_a_document(tmp_path):
    (tmp_path / "secret.txt").write_text("TOPSECRET", encoding="utf-8")
    path = tmp_path / "andes.rss"
    path.write_text(RSS.replace("SECRET", str(tmp_path / "secret.txt")), encoding="utf-8")
    got = list(read([str(path)]))
    envoy, peru = items(got)
    assert envoy.text == TEXT  # the full content, not the summary; markup and scripts gone
    assert (envoy.meta.id, envoy.meta.url, envoy.meta.title) == (
        "andes-1",
        "https://andes.example/chile-envoy",
        "Chile recalls its envoy",
    )
    assert envoy.meta.date == dt.date(2024, 3, 5)  # as written, not in UTC (where it is the 6th)
    assert (envoy.meta.source, envoy.meta.author, envoy.meta.language) == (
        "Andes Wire",
        "ana@andes.example (Ana Ruiz)",
        "en",
    )
    assert peru.text == "Peru protested the decision." and peru.meta.id == "https://andes.example/peru"
    assert peru.meta.title.startswith("Peru protests") and "TOPSECRET" not in peru.meta.title  # no external entity
    (problem,) = problems(got)
    assert (problem.doc_id, problem.reason) == ("https://andes.example/empty", "has no text")


def test_atom_feeds_and_files_that_are_no_feeds(tmp_path):
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        '<entry><title>Envoy</title><id>urn:wire:1</id><link href="https://w.example/1"/>'
        "<published>2024-03-05T23:30:00+02:00</published><updated>2024-03-07T10:00:00Z</updated>"
        "<summary>Chile recalled its ambassador.</summary></entry></feed>"
    )
    (tmp_path / "wire.atom.gz").write_bytes(gzip.compress(atom.encode()))
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://w.example/</loc></url></urlset>'
    )
    (tmp_path / "broken.rss").write_text("this is no feed")
    got = list(read([str(tmp_path)]))
    (item,) = items(got)
    assert (item.meta.id, item.meta.date, item.meta.source, item.text) == (
        "urn:wire:1",
        dt.date(2024, 3, 5),
        "Wire",
        "Chile recalled its ambassador.",
    )
    (skipped,) = [e for e in got if type(e) is Skipped]
    assert skipped.source.endswith("sitemap.xml") and skipped.reason == "is not an RSS or Atom feed"
    (problem,) = problems(got)
    assert problem.source.endswith("broken.rss") and problem.reason == "is not an RSS or Atom feed"


def warc(records: list[tuple], gzip_records: bool = True) -> bytes:
    """A WARC of (record type, URI, HTTP status, content type, body, WARC-Date) written with warcio."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    for kind, uri, status, content_type, body, when in records:
        http = (
            StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            if kind == "response"
            else None
        )
        record = writer.create_warc_record(
            uri, kind, payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": when}
        )
        writer.write_record(record)
    return out.getvalue()


CRAWL = [
    (
        "request",
        "https://andes.example/chile-envoy",
        None,
        None,
        b"GET /chile-envoy HTTP/1.1\r\n\r\n",
        "2024-03-09T12:00:00Z",
    ),
    (
        "response",
        "https://andes.example/chile-envoy",
        "200 OK",
        "text/html; charset=utf-8",
        page(head=HEAD),
        "2024-03-09T12:00:00Z",
    ),
    ("response", "https://andes.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n", "2024-03-09T12:00:01Z"),
    ("response", "https://andes.example/gone", "404 Not Found", "text/html", page(), "2024-03-09T12:00:02Z"),
    (
        "response",
        "https://andes.example/undated",
        "200 OK",
        "text/html",
        page(BODY.replace("Tuesday", "Monday")),
        "2024-03-09T12:00:03Z",
    ),
]


@pytest.mark.parametrize("name, gzip_records", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_html_page_of_a_warc_is_a_document(tmp_path, name, gzip_records):
    path = tmp_path / name
    path.write_bytes(warc(CRAWL, gzip_records))
    got = list(read([str(path)]))
    assert not [e for e in got if isinstance(e, Problem)]  # images, requests and a 404 are passed over in silence
    dated, crawled = items(got)
    assert (dated.meta.id, dated.meta.url, dated.meta.date) == ("https://andes.example/chile-envoy",) * 2 + (
        dt.date(2024, 3, 5),
    )
    assert (dated.meta.title, dated.meta.source) == ("Chile recalls its envoy", "Andes Wire")
    assert (crawled.meta.id, crawled.meta.url) == ("https://andes.example/undated",) * 2
    assert crawled.meta.date == dt.date(2024, 3, 9)  # the page gives none: the crawl's
    assert "Monday" in crawled.text


def test_a_damaged_warc_keeps_the_pages_before_the_damage(tmp_path):
    whole = warc(CRAWL[:2] + CRAWL[4:] + CRAWL[1:2])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) - 200])
    got = list(read([str(path)]))
    assert [i.meta.id for i in items(got)] == ["https://andes.example/chile-envoy", "https://andes.example/undated"]
    (problem,) = problems(got)
    assert (problem.doc_id, problem.reason) == (
        "https://andes.example/chile-envoy",
        "page 3 is cut short (the archive ends inside it)",
    )
    (tmp_path / "junk.warc").write_bytes(b"this is no archive\n" * 10)
    (problem,) = read([str(tmp_path / "junk.warc")])
    assert problem.reason.startswith("cannot be read (")


def test_a_folder_reads_every_known_format(tmp_path):
    (tmp_path / "a.html").write_bytes(page(head=HEAD))
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "c.warc.gz").write_bytes(warc(CRAWL))
    (tmp_path / "d.txt").write_text("Chile recalled its envoy.", encoding="utf-8")
    (tmp_path / "e.png").write_bytes(b"\x89PNG\r\n")
    sources = {e.source.rsplit("/", 1)[-1] for e in items(read([str(tmp_path)]))}
    assert sources == {"a.html", "b.rss", "c.warc.gz", "d.txt"}
    assert {".html", ".htm", ".rss", ".atom", ".xml", ".warc", ".txt", ".md", ".jsonl"} <= set(READERS)
