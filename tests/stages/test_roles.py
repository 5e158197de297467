"""The role table's own checks: valid dates, no overlapping terms for one office, every person resolvable."""

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

from eventwire.stages.actors import knowledge
from eventwire.records import Document
from eventwire.nlp import load_model
from eventwire.nlp import make_doc
from eventwire.tables import read_tsv

ROLES = Path(__file__).parents[2] / "src/eventwire/stages/actors/roles.tsv"
ROLE_NAMES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "secretary_general",
              "leader"}
QUALIFIERS = re.compile(r"^(Acting|Caretaker|Interim) |-(elect|designate)$")


@pytest.fixture(scope="module")
def rows():
    return read_tsv(ROLES)


def test_size_and_fields(rows):
    assert len(rows) >= 1500
    countries = {r["iso3"] for r in read_tsv(ROLES.parent / "countries.tsv")}
    organisations = {r["code"] for r in read_tsv(ROLES.parent / "organisations.tsv")}
    for r in rows:
        assert r["role"] in ROLE_NAMES, r
        assert r["status"] in {"", "acting", "elect"}, r
        assert bool(r["country"]) != bool(r["org"]) or r["sector"] == "REB", r
        assert not r["country"] or r["country"] in countries, r
        assert not r["org"] or r["org"] in organisations, r
        start = dt.date.fromisoformat(r["start"])
        if r["end"]:
            assert start <= dt.date.fromisoformat(r["end"]), r


def test_every_name_means_its_person_while_in_office():
    roles = knowledge().roles
    wrong = [(p, roles.person(p, t[0].start)) for p, t in roles.terms.items() if roles.person(p, t[0].start) != p]
    assert not wrong


def test_no_overlapping_terms_for_one_office(rows):
    offices = defaultdict(list)
    for r in rows:
        if r["status"] != "elect":
            title = QUALIFIERS.sub("", r["title"])
            offices[(r["country"], r["org"], r["role"], title if r["role"] == "leader" else "")].append(r)
    overlaps = []
    for office, terms in offices.items():
        terms.sort(key=lambda r: r["start"])
        for a, b in zip(terms, terms[1:]):
            if a["end"] == "" or b["start"] < a["end"]:
                if not (a["title"] != b["title"] and QUALIFIERS.sub("", a["title"]) != QUALIFIERS.sub("", b["title"])):
                    overlaps.append((office, a["person"], a["start"], a["end"], b["person"], b["start"]))
    assert not overlaps, overlaps[:10]


def test_every_person_is_resolvable_in_office():
    """Each person, named in a sentence dated inside one of their terms, gets that term's code."""
    nlp = load_model()
    nlp.add_pipe("eventwire_actors")
    roles = knowledge().roles
    cases = []
    for person, terms in roles.terms.items():
        term = next((t for t in terms if t.status == ""), terms[0])
        day = term.start + dt.timedelta(days=1) if term.end is None or term.end > term.start else term.start
        expected = roles.standing(person, day)
        cases.append((person, day, expected))
    docs = nlp.pipe(make_doc(nlp, f"{person} spoke on the phone.", Document(id=person, date=day))
                    for person, day, _ in cases)
    failures = []
    for (person, day, expected), doc in zip(cases, docs):
        actor = next((a for a in doc._.ew.actors if a.name == person), None)
        if actor is None or actor.code != expected.code:
            failures.append((person, day.isoformat(), expected.code, actor and actor.code))
    assert not failures, f"{len(failures)} people not resolved: {failures[:15]}"
