"""Consistency checks for the CAMEO/PLOVER codebook files in src/eventwire/stages/events/.

These tests only read the TSV files (no spaCy model needed).
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

EVENTS = Path(__file__).parents[2] / "src/eventwire/stages/events"

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}
HEADERS = {
    "cameo.tsv": ["code", "name", "goldstein", "root"],
    "plover.tsv": ["type", "quad", "description", "modes"],
    "cameo_plover.tsv": ["cameo", "plover", "mode"],
    "quadclass.tsv": ["root", "gdelt", "icews", "penta"],
    "lexicon.tsv": ["cameo", "lemma", "pos", "particle", "objects", "note"],
    "object_classes.tsv": ["class", "lemma", "note"],
    "cues.tsv": ["kind", "word", "note"],
    "complement_codes.tsv": ["root", "cameo", "code", "plover", "note"],
    "guards.tsv": ["kind", "lemma", "note"],
    "negation.tsv": ["root", "code", "note"],
}


def read(name):
    """Rows of a TSV, skipping '#' comment lines, as the package code reads them."""
    with open(EVENTS / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    rows = list(reader)
    assert reader.fieldnames == HEADERS[name], (name, reader.fieldnames)
    for row in rows:
        assert None not in row and all(v is not None for v in row.values()), (name, row)
    return rows


@pytest.fixture(scope="module")
def cameo():
    return read("cameo.tsv")


@pytest.fixture(scope="module")
def codes(cameo):
    return {r["code"] for r in cameo}


@pytest.fixture(scope="module")
def plover():
    return read("plover.tsv")


@pytest.fixture(scope="module")
def lexicon():
    return read("lexicon.tsv")


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_files_are_plain_tsv(name):
    text = (EVENTS / name).read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text
    data = [line for line in text.splitlines() if not line.startswith("#")]
    width = len(HEADERS[name])
    for line in data:
        assert line.count("\t") == width - 1, (name, line)
        assert '"' not in line, (name, line)  # so any csv dialect reads the cells unchanged
        assert all(cell == cell.strip() for cell in line.split("\t")), (name, line)


def test_cameo_codes(cameo, codes):
    assert len(cameo) == 312
    assert len(codes) == 312
    assert all(re.fullmatch(r"\d{2,4}", c) for c in codes)
    roots = {c for c in codes if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert sum(len(c) == 3 for c in codes) == 147
    assert sum(len(c) == 4 for c in codes) == 145
    for r in cameo:
        assert r["root"] in roots and r["code"].startswith(r["root"]), r
        assert r["name"] and r["name"][0].isupper() and not r["name"].isupper(), r
        assert -10 <= float(r["goldstein"]) <= 10, r
        if len(r["code"]) == 4:
            assert r["code"][:3] in codes, r


def test_cameo_spot_values(cameo):
    by = {r["code"]: r for r in cameo}
    assert by["010"]["name"] == "Make statement"
    assert by["057"]["name"] == "Sign formal agreement" and float(by["057"]["goldstein"]) == 8
    assert float(by["016"]["goldstein"]) == -5  # ICEWS value (differs from GDELT's)
    assert float(by["190"]["goldstein"]) == -10
    assert by["20"]["name"] == "Use unconventional mass violence"


def test_plover_types(plover):
    assert [r["type"] for r in plover] and {r["type"] for r in plover} == PLOVER_TYPES
    assert len(plover) == 16
    for r in plover:
        assert r["quad"] in QUADS, r
        assert r["description"].endswith("."), r
        modes = [m for m in r["modes"].split("|") if m]
        assert len(modes) == len(set(modes)), r
        assert all(re.fullmatch(r"[a-z][a-zA-Z_-]*", m) for m in modes), r


def test_cameo_plover(codes, plover):
    rows = read("cameo_plover.tsv")
    mapped = [r["cameo"] for r in rows]
    assert len(mapped) == len(set(mapped))
    assert set(mapped) == codes
    modes = {r["type"]: set(filter(None, r["modes"].split("|"))) for r in plover}
    for r in rows:
        assert r["plover"] == "" or r["plover"] in PLOVER_TYPES, r
        if r["mode"]:
            assert r["plover"] and r["mode"] in modes[r["plover"]], r
        if r["cameo"] == "016":  # the manual's conversion note: a denial of responsibility may be a REJECT
            assert r["plover"] == "REJECT", r
        elif r["cameo"].startswith("01"):
            assert r["plover"] == "" and r["mode"] == "", r
        else:
            assert r["plover"], r
        if r["cameo"].startswith("02"):
            assert r["plover"] == "REQUEST", r
    by = {r["cameo"]: r["plover"] for r in rows}
    assert by["042"] == "CONSULT" and by["081"] == "CONCEDE" and by["173"] == "COERCE" and by["195"] == "ASSAULT"
    # the PLOVER manual's text where the 2021 table differs: releases and lifted sanctions are concessions,
    # apologies too, resignations are retreats, sanctions are SANCTION
    assert by["0841"] == by["085"] == by["055"] == "CONCEDE"
    assert by["0831"] == "RETREAT" and by["163"] == "SANCTION"


def test_quadclass():
    rows = read("quadclass.tsv")
    assert [r["root"] for r in rows] == [f"{i:02d}" for i in range(1, 21)]
    for r in rows:
        assert int(r["gdelt"]) in (1, 2, 3, 4), r
        assert int(r["icews"]) in (1, 2, 3, 4), r
        assert int(r["penta"]) in (0, 1, 2, 3, 4), r
    by = {r["root"]: r for r in rows}
    assert [int(by[x]["gdelt"]) for x in ("01", "05", "06", "08", "09", "13", "14", "20")] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert [int(by[x]["penta"]) for x in ("01", "02", "03", "06", "09", "14")] == [0, 0, 1, 2, 3, 4]


def test_lexicon_rows(lexicon, codes):
    assert len(lexicon) >= 350
    classes = {"@" + r["class"] for r in read("object_classes.tsv")} | {"@actor", "@pronoun", "@place", "@name"}
    for r in lexicon:
        assert r["cameo"] in codes, r
        assert r["pos"] in {"VERB", "NOUN", "ADJ"}, r
        assert all(o in classes for o in r["objects"].split("|") if o.startswith("@")), r
        assert r["lemma"] and r["lemma"] == r["lemma"].lower() and " " not in r["lemma"], r
        assert r["particle"] == r["particle"].lower() and " " not in r["particle"], r
        objects = r["objects"].split("|") if r["objects"] else []
        assert all(o and o == o.lower() and " " not in o for o in objects), r
        assert len(objects) == len(set(objects)), r


def test_lexicon_coverage(lexicon):
    roots = {r["cameo"][:2] for r in lexicon}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    three_digit = {r["cameo"][:3] for r in lexicon if len(r["cameo"]) >= 3}
    assert len(three_digit) >= 100


def test_lexicon_no_duplicates_or_ambiguity(lexicon):
    full = [tuple(r[c] for c in HEADERS["lexicon.tsv"]) for r in lexicon]
    assert len(full) == len(set(full)), "exact duplicate rows"
    keys = defaultdict(set)
    for r in lexicon:
        keys[(r["lemma"], r["pos"], r["particle"], r["objects"])].add(r["cameo"])
    clashes = {k: v for k, v in keys.items() if len(v) > 1}
    assert not clashes, f"same trigger pattern mapped to several codes: {clashes}"
    # within one (lemma, pos, particle) group, an object lemma selects at most one row
    owner = {}
    for r in lexicon:
        for o in filter(None, r["objects"].split("|")):
            key = (r["lemma"], r["pos"], r["particle"], o)
            assert key not in owner or owner[key] == r["cameo"], (key, owner.get(key), r["cameo"])
            owner[key] = r["cameo"]


def test_complement_codes_name_codes_and_types_that_exist(codes):
    rows = read("complement_codes.tsv")
    assert {r["root"] for r in rows} == {"02", "03", "10", "13"}
    for r in rows:
        assert r["cameo"] in codes and (r["code"] == "" or r["code"] in codes), r
        assert r["code"] == "" or r["code"].startswith(r["root"]), r  # a promise stays a promise
        assert r["plover"] == "" or r["plover"] in PLOVER_TYPES, r
    keys = [(r["root"], r["cameo"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_cue_kinds_are_the_ones_the_stage_reads():
    import ast

    kinds = {r["kind"] for r in read("cues.tsv")}
    source = "".join(p.read_text(encoding="utf-8") for p in EVENTS.glob("*.py"))
    read_kinds = {n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant) and n.value in kinds}
    assert kinds == read_kinds, kinds ^ read_kinds
    for r in read("cues.tsv"):
        if r["kind"] in {"folding_root", "reciprocal_code", "topic_root", "host_code"}:
            assert re.fullmatch(r"\d{2,4}", r["word"]), r


def test_guard_kinds():
    assert {r["kind"] for r in read("guards.tsv")} == {
        "sports",
        "sourcing",
        "authorized",
        "sourced_talk",
        "figurative",
        "abandoned",
        "plan_noun",
        "test",
        "ailment",
        "civilian_only",
        "clausal",
        "intransitive",
        "transitive",
        "disaster",
        "forces_only",
        "show_of_force",
        "faced",
        "opinion",
        "proposal",
        "annulled",
        "attract",
        "retort",
        "court",
        "court_word",
        "own_act",
        "contest",
        "breach",
        "warning",
        "concur",
        "naming",
        "endanger",
        "self_defence",
        "appointment",
        "instruction",
        "directed",
        "candidacy",
        "campaign",
        "civil_means",
        "stepping_back",
        "equipment",
        "question",
        "phrasal",
    }
