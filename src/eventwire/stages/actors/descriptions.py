"""Definite descriptions: "the alliance", "the bloc" → the organisation of that kind named last before them;
"the country", "the nation" → the country the passage is about, and so "the Middle Eastern nation", "the war-torn
country", "the reclusive state" among the states such words describe (epithets.tsv); "the North" → North Korea in a
passage on Korea.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .phrases import noun_sector
from .resolution import Resolution, actor_fields

COUNTRY_NOUNS = {"country", "nation"}
DESCRIBED_NOUNS = COUNTRY_NOUNS | {"state", "kingdom", "republic"}  # the last three only with an epithet
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
            token.lemma_.lower() in DESCRIBED_NOUNS
            and token.tag_ == "NN"
            and not res.locative(_mention(res, token))
            and not any(c.dep_ == "prep" for c in token.children)
        ):
            _described(res, token)


def _described(res: Resolution, token: Token) -> None:
    """ "the country", or "the war-torn country" where every word before the noun is an epithet of a state."""
    det = next(c for c in token.children if c.lower_ in DEFINITE and c.dep_ == "det")
    words = res.doc[det.i + 1 : token.i].text.lower().split()
    if not words:
        if token.lemma_.lower() in COUNTRY_NOUNS:
            _country(res, token, res.doc[det.i : token.i + 1])
        return
    among = _epithets(res, words)
    if among is not False and res.free(res.doc[det.i : token.i + 1]):
        _country(res, token, res.doc[det.i : token.i + 1], among, _subject_states(res, token))


def _epithets(res: Resolution, words: list[str]) -> frozenset | None | bool:
    """The states a run of epithets can describe (None: any; False: a word that is no epithet of a state)."""
    among, i = None, 0
    while i < len(words):
        n = next((n for n in range(len(words) - i, 0, -1) if " ".join(words[i : i + n]) in res.k.epithets), 0)
        if not n:
            return False
        states = res.k.epithets[" ".join(words[i : i + n])]
        if states is not None:  # "the impoverished West African nation": West Africa's
            among = states if among is None else among & states
        i += n
    return among


def _subject_states(res: Resolution, token: Token) -> frozenset:
    """The states of the subject of the verb a description is an object of: "Washington imposed sanctions on the
    rogue state" is not about the United States."""
    verb = next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb else None
    if subject is None or token in subject.subtree:
        return frozenset()
    return frozenset(c for t in subject.subtree if (c := res.country_of_mention(t.i)))


def _country(
    res: Resolution, token: Token, mention: Span, among: frozenset | None = None, besides: frozenset = frozenset()
) -> None:
    """ "the country" → the country of the passage; "the country's rebels" → that country's rebels."""
    country = res.country_about(token.i, among=among, besides=besides)
    if country is None:
        return
    name = res.k.country_names.get(country, country)
    sector = noun_sector(res.k, token.head) if token.dep_ == "poss" else None
    if sector is not None and res.free(res.doc[token.i : token.head.i + 1]):
        res.add(
            res.doc[mention.start : token.head.i + 1],
            ("group", country, sector, token.head.lemma_.lower()),
            actor_fields(f"{name} {token.head.lemma_.lower()}", "group", country=country, sector=sector),
        )
    else:
        res.add(mention, ("country", country), actor_fields(name, "country", country=country))


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
