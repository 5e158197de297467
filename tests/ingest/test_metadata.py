"""Metadata as scrapers write it: dates in their common forms, fields that are bounded scalars, front matter without
alias bombs, the user's defaults, and the language of the text. A document is never lost for its metadata: a value
that cannot be read is left out with a warning (a Notice) and the document is coded."""

import argparse
import datetime as dt
import io
import json
import sys
import time

import pytest

from eventwire.cli.options import add_inputs, read_options
from eventwire.ingest import Item, Problem, read
from eventwire.ingest.metadata import MAX_FIELD, parse_date
from eventwire.ingest.readers import Notice, Skipped

ENGLISH = (
    "Chile recalled its ambassador to Peru on Tuesday after a dispute over fishing rights in the Pacific. "
    "Peru protested the decision and summoned the Chilean envoy, officials in Lima said on Wednesday. "
    "Both governments said they would keep talking."
)
FRENCH = (
    "Le Chili a rappelé mardi son ambassadeur au Pérou après un différend sur les droits de pêche dans le "
    "Pacifique. Le Pérou a protesté contre cette décision et a convoqué l'envoyé chilien, ont indiqué mercredi "
    "des responsables à Lima. Les deux gouvernements ont dit vouloir poursuivre le dialogue."
)


def entries_of(tmp_path, rows, **options) -> list:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return list(read([str(path)], **options))


def by_kind(entries) -> dict[str, list]:
    kinds = {"items": Item, "notices": Notice, "skipped": Skipped}
    found = {name: [e for e in entries if type(e) is kind] for name, kind in kinds.items()}
    found["problems"] = [e for e in entries if type(e) is Problem]
    return found


@pytest.mark.parametrize(
    "written, day",
    [
        ("2025-01-15", dt.date(2025, 1, 15)),
        ("January 15, 2025", dt.date(2025, 1, 15)),
        ("15 Jan 2025", dt.date(2025, 1, 15)),
        ("Wed, 15 Jan 2025 10:00:00 +0000", dt.date(2025, 1, 15)),  # RFC 2822, as in RSS
        ("2025-01-15T10:00:00Z", dt.date(2025, 1, 15)),
        ("2025-01-15T23:30:00-05:00", dt.date(2025, 1, 15)),  # the day as written, not as in UTC
        ("2025-01-15 10:00", dt.date(2025, 1, 15)),
        ("Tuesday, March 5, 2024 at 10:00 AM EST", dt.date(2024, 3, 5)),
    ],
)
def test_dates_in_the_forms_scrapers_write(written, day):
    assert parse_date(written) == day


@pytest.mark.parametrize(
    "garbage", ["2024-01-01garbage", "March 6", "2024", "Jan 2025", "yesterday", "2024-02-30", 20240115, ["2024-01-15"]]
)
def test_dates_that_are_not_dates(garbage):
    with pytest.raises(ValueError, match="cannot be read as a date"):
        parse_date(garbage)


def test_a_bad_date_is_left_out_with_a_warning_and_the_document_coded(tmp_path):
    got = by_kind(
        entries_of(
            tmp_path,
            [
                {"id": "garbled", "date": "2024-01-01garbage", "text": ENGLISH},
                {"id": "rss", "date": "Wed, 15 Jan 2025 10:00:00 +0000", "text": ENGLISH + " Again."},
            ],
        )
    )
    assert not got["problems"] and not got["skipped"]
    garbled, rss = got["items"]
    assert garbled.meta.date is None and rss.meta.date == dt.date(2025, 1, 15)
    (notice,) = got["notices"]
    assert (notice.line, notice.doc_id) == (1, "garbled")
    assert str(notice) == (
        f"eventwire: {tmp_path / 'news.jsonl'}:1 (id garbled): warning: "
        "date '2024-01-01garbage' cannot be read as a date: left out"
    )


def test_a_document_without_a_date_comes_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    notice, item = read([str(tmp_path / "a.txt")])
    assert isinstance(notice, Notice) and notice.doc_id == "a" and "has no date" in notice.reason
    assert isinstance(item, Item) and item.meta.date is None
    (item,) = read([str(tmp_path / "a.txt")], date=dt.date(2024, 3, 5))  # --date: no warning
    assert item.meta.date == dt.date(2024, 3, 5)


def test_fields_are_bounded_scalars_written_as_text(tmp_path):
    got = by_kind(
        entries_of(
            tmp_path,
            [
                {"id": 7, "date": "2024-03-05", "title": 2024, "source": "  Andes\nWire ", "text": ENGLISH},
                {"id": "list", "date": "2024-03-05", "title": ["a", "b"], "url": {"href": "x"}, "text": ENGLISH + "!"},
                {"id": {"x": 1}, "date": "2024-03-05", "text": ENGLISH + "!!"},
                {
                    "id": "long",
                    "date": "2024-03-05",
                    "url": "https://x.example/" + "a" * MAX_FIELD,
                    "text": ENGLISH + "?",
                },
            ],
        )
    )
    assert not got["problems"]
    scalars, listed, bad_id, long_url = got["items"]  # every document is coded
    assert (scalars.meta.id, scalars.meta.title, scalars.meta.source) == ("7", "2024", "Andes Wire")
    assert listed.meta.title is None and listed.meta.url is None
    assert bad_id.meta.id == "news.jsonl:3" and long_url.meta.url is None
    assert {(n.doc_id, n.reason) for n in got["notices"]} == {
        ("list", "'title' is not text but ['a', 'b']: left out"),
        ("list", "'url' is not text but {'href': 'x'}: left out"),
        ("news.jsonl:3", "'id' is not text but {'x': 1}: the id is news.jsonl:3"),
        ("long", f"'url' is longer than {MAX_FIELD} characters: left out"),
    }


def test_source_author_and_language_are_kept(tmp_path):
    row = {"id": "a", "date": "2024-03-05", "source": "Andes Wire", "author": "Ana Ruiz", "language": "en-GB"}
    (item,) = entries_of(tmp_path, [{**row, "text": ENGLISH}])
    assert (item.meta.source, item.meta.author, item.meta.language) == ("Andes Wire", "Ana Ruiz", "en")


ALIAS_BOMB = """---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
title: *g
---
Chile recalled its envoy.
"""


def test_a_front_matter_alias_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.md"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    start = time.monotonic()
    (problem,) = read([str(path)])
    assert time.monotonic() - start < 5  # expanded, the title would be 9**7 strings (and its message as long)
    assert str(problem) == f"eventwire: {path}: has unreadable front matter (aliases (*name) are not allowed)"


def test_front_matter_dates_and_fields(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: No\ndate: January 15, 2025\nid: 007\ntags: [a, b]\n---\nChile recalled its envoy.",
        encoding="utf-8",
    )
    (item,) = read([str(path)])
    assert (item.meta.date, item.meta.title, item.meta.id) == (dt.date(2025, 1, 15), "No", "007")  # as written
    path.write_text('---\n{"title": "Envoy", "date": "2025-01-15"}\n---\nChile recalled its envoy.', encoding="utf-8")
    (item,) = read([str(path)])
    assert (item.meta.title, item.meta.date) == ("Envoy", dt.date(2025, 1, 15))


def parse(*argv) -> dict:
    parser = argparse.ArgumentParser()
    add_inputs(parser)
    return read_options(parser.parse_args(list(argv)))


def test_text_inputs_take_date_title_source_and_url_options(tmp_path, monkeypatch):
    options = parse(
        "a.txt", "--date", "2024-03-05", "--title", "Envoy", "--source", "Andes Wire", "--url", "https://a.example/1"
    )
    assert options == {
        "date": dt.date(2024, 3, 5),
        "title": "Envoy",
        "source": "Andes Wire",
        "url": "https://a.example/1",
    }
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (item,) = read([str(tmp_path / "a.txt")], **options)
    assert (item.meta.date, item.meta.title, item.meta.source, item.meta.url) == tuple(options.values())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode()), encoding="utf-8"))
    (item,) = read(["-"], **options)
    assert (item.meta.date, item.meta.title, item.meta.source, item.meta.url) == tuple(options.values())


def test_a_collection_takes_date_and_source_but_not_one_title_or_url_for_all(tmp_path):
    options = parse(
        "news.jsonl", "--date", "2024-03-05", "--title", "Envoy", "--source", "Wire", "--url", "https://a.example/1"
    )
    first, second = entries_of(
        tmp_path, [{"id": "a", "text": ENGLISH}, {"id": "b", "title": "Own", "text": ENGLISH + "!"}], **options
    )
    assert (first.meta.date, first.meta.source, first.meta.title, first.meta.url) == (
        dt.date(2024, 3, 5),
        "Wire",
        None,
        None,
    )
    assert second.meta.title == "Own"


def test_documents_not_in_english_are_skipped_with_their_id(tmp_path):
    got = by_kind(
        entries_of(
            tmp_path,
            [
                {"id": "fr", "date": "2024-03-05", "text": FRENCH},
                {"id": "en", "date": "2024-03-05", "text": ENGLISH},
                {
                    "id": "short",
                    "date": "2024-03-05",
                    "text": "Le Chili rappelle son ambassadeur.",
                },  # too short to judge
                {
                    "id": "declared",
                    "date": "2024-03-05",
                    "language": "fr",
                    "text": "Le Chili rappelle son ambassadeur.",
                },
                {"id": "mislabelled", "date": "2024-03-05", "language": "fr", "text": ENGLISH + " Again."},
            ],
        )
    )
    assert [i.meta.id for i in got["items"]] == ["en", "short", "mislabelled"]
    assert all(i.meta.language == "en" for i in got["items"])
    assert [(s.doc_id, s.line, s.reason) for s in got["skipped"]] == [
        ("fr", 1, "not English (detected: fr)"),
        ("declared", 4, "not English (declared: fr)"),
    ]
    assert not got["problems"] and not got["notices"]


MEMO = (
    "MEMORANDUM FOR THE SECRETARY OF STATE\nTHE SECRETARY OF THE TREASURY\nTHE SECRETARY OF DEFENSE\n"
    "THE ATTORNEY GENERAL\nTHE SECRETARY OF COMMERCE\nTHE DIRECTOR OF NATIONAL INTELLIGENCE\n"
    "THE CHAIRMAN OF THE JOINT CHIEFS OF STAFF\n\nSUBJECT: Partial Revocation of NSM-12"
)
NAMES = (
    "Present: Abdullah Abdullah, Ashraf Ghani, Hamid Karzai, Zalmay Khalilzad, Mullah Baradar, Sirajuddin "
    "Haqqani, Amrullah Saleh, Atta Mohammad Noor, Abdul Rashid Dostum, Gulbuddin Hekmatyar, Mohammad Mohaqiq."
)


@pytest.mark.parametrize("text", [MEMO, NAMES], ids=["capitals", "names"])
def test_an_unsure_guess_does_not_skip_a_document(tmp_path, text):
    """The detector's best guesses for these English texts are Nigerian Pidgin and Uzbek, with little confidence."""
    assert len(text) >= 200
    (item,) = entries_of(tmp_path, [{"id": "a", "date": "2024-03-05", "text": text}])
    assert isinstance(item, Item) and item.meta.language == "en"
