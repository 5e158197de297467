"""Definite descriptions: "the alliance", "the bloc" → the organisation of that kind named last before them;
"the country", "the nation" → the country the passage is about; "the North" → North Korea in a passage on Korea.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .phrases import noun_sector
from .resolution import Resolution, actor_fields

COUNTRY_NOUNS = {"country", "nation"}
DEFINITE = {"the", "this"}


def find_descriptions(res: Resolution) -> None:
    for token in res.doc:
        if token.i in res.taken or (token.pos_ != "NOUN" and token.text not in res.k.halves):
            continue
        if not any(c.lower_ in DEFINITE and c.dep_ == "det" for c in token.children):
            continue
        if token.text in res.k.halves:
            _half(res, token)
            continue
        codes = res.k.descriptions.get(token.lower_)
        if codes:
            _organisation(res, token, codes)
        elif (
            token.lemma_.lower() in COUNTRY_NOUNS
            and token.tag_ == "NN"
            and not res.locative(_mention(res, token))
            and not any(c.dep_ in {"amod", "compound", "prep"} for c in token.children)
        ):
            _country(res, token)


def _country(res: Resolution, token: Token) -> None:
    """ "the country" → the country of the passage; "the country's rebels" → that country's rebels."""
    country = res.country_about(token.i)
    if country is None:
        return
    name = res.k.country_names.get(country, country)
    sector = noun_sector(res.k, token.head) if token.dep_ == "poss" else None
    if sector is not None and res.free(res.doc[token.i : token.head.i + 1]):
        res.add(
            res.doc[_mention(res, token).start : token.head.i + 1],
            ("group", country, sector, token.head.lemma_.lower()),
            actor_fields(f"{name} {token.head.lemma_.lower()}", "group", country=country, sector=sector),
        )
    else:
        res.add(_mention(res, token), ("country", country), actor_fields(name, "country", country=country))


def _half(res: Resolution, token: Token) -> None:
    """ "the North's nuclear test" → North Korea, where the passage is about Korea (halves.tsv)."""
    code, nation = res.k.halves[token.text]
    if res.country_about(token.i, among=nation) is not None:
        name = res.k.country_names.get(code, code)
        res.add(_mention(res, token), ("country", code), actor_fields(name, "country", country=code))


def _organisation(res: Resolution, token: Token, codes: list[str]) -> None:
    earlier = [
        (span.start, code)
        for span, key, fields in res.found
        if span.start < token.i and (code := key[1] if key[0] == "org" else (fields or {}).get("code")) in codes
    ] + [  # an organisation named in a title: "Houthi military spokesperson X said the group ..."
        (span.start, res.entry(span).code)
        for span in res.dictionary
        if span.start < token.i and res.entry(span).kind == "organisation" and res.entry(span).code in codes
    ]
    if earlier:
        code = max(earlier)[1]
        entry = res.k.organisations[code]
        fields = actor_fields(
            entry.name,
            "organisation",
            country=entry.country,
            sector=entry.sector,
            code=None if entry.country else entry.code,
        )
        res.add(_mention(res, token), ("org", code), fields)


def _mention(res: Resolution, token: Token) -> Span:
    start = token.i - 1 if token.i and res.doc[token.i - 1].lower_ in DEFINITE else token.i
    return res.doc[start : token.i + 1]
