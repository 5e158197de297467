"""Titles without a name: "Ukraine's foreign minister", "the president", "Chile's deputy interior minister".

A title names the holder of that office on the document date, or the person the text already introduced with
it; an office the role table does not cover ("the deputy foreign minister", "Chile's interior minister") is
still an actor: an official of that country, coded by the title's sector.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from ...lang import fold
from .people import addressed, as_former, one_state, owner_after, standing_fields
from .phrases import QUALIFYING
from .pronouns import turn_speaker_at
from .resolution import Resolution, actor_fields

MOVEMENTS = {"PTY", "REB", "INS"}  # whose offices are their own: "the Labour leader", "the Hamas prime minister"
OWNER_KINDS = {"organisation": {"organisation"}, "country": {"name", "demonym"}}  # whose a title's office can be


def find_titles(res: Resolution, known: set[tuple]) -> None:
    for title in res.title_spans:
        if not res.free(title) or (title.end < len(res.doc) and res.doc[title.end].ent_type_ == "PERSON"):
            continue
        start, effects = res.modifiers_before(title.start)
        owner = res.phrase_before(start)
        if owner is not None:
            effects |= res.modifiers_before(owner.start)[1]  # "the former Brazilian president"
        owner = owner or res.phrase_within(title)  # "the Kremlin spokesman"
        before = res.doc[start - 1].lower_ if start else ""
        named = _apposed_name(res, title)
        if named is not None:  # the title describes a name beside it and stands for no one else
            _describe_name(res, named, title, start, owner, effects)
            continue
        if owner is None and addressed(title):  # "Thank you, Mr. Prime Minister": the prime minister named before
            key = _addressee(res, title)
            if key is not None and res.free(res.doc[title.start - 1 : title.end]):
                res.add(res.doc[title.start - 1 : title.end], key, None)
            continue
        if (owner is None and before != "the") or not res.free(res.doc[start : title.end]):
            continue
        mention = res.doc[min(owner.start, start) if owner is not None else start - 1 : title.end]
        if not effects and _named_earlier(res, mention, title, owner):
            continue
        sector, scope = res.k.titles[title.label_]
        fields = (
            res.owner_fields(res.entry(owner), sector, title.start, title)
            if owner is not None and not one_state(scope)  # "the Argentine pope" is the Holy See's
            else _last_owner(res, title, sector, scope)
        )
        if fields is None:
            continue
        holder = None
        # "the deputy foreign minister" is not the foreign minister, "the Labour leader" not the state's leader
        entry = res.entry(owner) if owner is not None else None
        party = entry is not None and entry.sector in MOVEMENTS and not res.party_member(entry, title)
        if not effects & {"former", "other"} and not party:
            holder = res.k.roles.holder(fields["country"] or fields["code"], title.text, res.day)
        if holder is not None:
            key = ("person", holder)
            res.add(mention, key, None if key in known else standing_fields(res, holder))
            known.add(key)
            continue
        if owner is None and not one_state(scope):  # "the director": an office of no country the text names
            continue  # (but "the unification minister" is South Korea's)
        office = res.doc[start : title.end].text.lower()
        if "former" in effects:
            as_former(fields)
        owner_name = res.k.country_names.get(fields["country"]) or res.entry(owner).name
        res.add(
            mention,
            ("office", fields["code"], office),
            actor_fields(f"{owner_name} {office}".strip(), "person", title=res.doc[start : title.end].text, **fields),
        )


def _addressee(res: Resolution, title: Span) -> tuple | None:
    """The person named before whom a title of address names: the one holder of that very office on the day the
    text names, other than the speaker of a transcript's turn ("thank you, Mr. President" in a press conference
    of two presidents)."""
    wanted = title.text.lower()
    holders = {
        key
        for span, key, _ in res.found
        if key[0] == "person" and span.end <= title.start and _in_office(res, key)
        if ((res.fields_of(key) or {}).get("title") or "").lower().removeprefix("acting ") == wanted
    }
    holders.discard(turn_speaker_at(res, title.start_char))
    return holders.pop() if len(holders) == 1 else None


def _before_a_name(title: Span) -> bool:
    """Whether the parse hangs a title on a name after it ("Secretary of State for Northern Ireland Karen
    Bradley", a name the NER missed)."""
    head = title.root.head
    return title.root.dep_ in {"compound", "nmod"} and head.pos_ == "PROPN" and head.i >= title.end


def _apposed_name(res: Resolution, title: Span) -> tuple | None:
    """The name a title is in apposition with or predicated of: "The prime minister, Boris Johnson, said" (the
    title is a mention of Johnson), "Friedler, formerly the president of a software firm" (a description of
    Friedler, not "the president" named before), "Al-Muhandis was the deputy commander of the PMF"; the key of its
    actor, () when the name is no actor, None when there is no name."""
    head = title.root
    if addressed(title):
        return None
    names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        names.append(head.head)
    if head.dep_ == "attr" and head.head.lemma_ in {"be", "become"}:
        names += [c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    if not names:
        return None
    return next((key for span, key, _ in res.found if span.start <= names[0].i < span.end), ())


def _describe_name(res: Resolution, named: tuple, title: Span, start: int, owner: Span | None, effects: set) -> None:
    """The title apposed to a name is a mention of that person; where nothing else coded the person, the
    title and its owner do ("Zalmay Khalilzad, a US peace envoy": USAGOV)."""
    qualifiers = (res.phrase_of[c.i] for c in title.root.lefts if c.i in res.phrase_of and c.dep_ in QUALIFYING)
    owner = owner or next(qualifiers, None) or owner_after(res, title)  # "a US peace envoy", "a spokesman for X"
    mention = res.doc[min(owner.start, start) if owner is not None else start : title.end]
    if not named or not res.free(mention):
        return
    res.add(mention, named, None)
    fields = res.fields_of(named)
    if owner is None or fields is None or fields["code"] is not None:
        return
    fields.update(res.owner_fields(res.entry(owner), res.k.titles[title.label_][0], title.start))
    fields.update(title=res.doc[start : title.end].text)
    if "former" in effects:
        as_former(fields)


def _named_earlier(res: Resolution, mention: Span, title: Span, owner: Span | None) -> bool:
    """ "the president" after "President X": a later mention of the person introduced with that title, the one in
    office where several were. In a text a state body publishes "The President" is its own (see
    :func:`_last_owner`), unless the text's title names the other ("Readout of the Vice President's Call with
    President Macron": "congratulated the President on his re-election")."""
    if owner is not None:
        return False
    found = [
        (span, key)
        for span, key, fields in reversed(res.found)
        if fields and _same_office(res, fields.get("title") or "", title.text) and span.start < title.start
    ]
    # introduced with the bare title in the text ("President Donald Trump ... his summit with Vladimir Putin ...
    # Iranian President Hassan Rouhani ... the President": Trump), the one named most (then last) first; then
    # those introduced with the title and an owner; then those the role table alone gives it
    written = title.text.lower()
    times = Counter(key for span, key, _ in res.found if span.start < title.start)
    bare = sorted(
        dict.fromkeys(key for span, key in found if span.text.lower().startswith(written)), key=lambda k: -times[k]
    )
    # then those introduced by name alone, whom the text did not need to say which office they hold ("Trump ...
    # Russian President Vladimir Putin ... the president": Trump), before those introduced with the title
    by_name = sorted(
        dict.fromkeys(key for span, key in found if written not in span.text.lower()), key=lambda k: -times[k]
    )
    titled = [key for span, key in found if written in span.text.lower() and key not in bare]
    named = list(dict.fromkeys(bare + by_name + titled + [key for _, key in found]))
    if _home_holder(res, title) is not None:
        heading = fold(res.ew.meta.title or "")
        named = [key for key in named if fold(str(key[1]).split()[-1]) in heading.split()]
    earlier = next((key for key in named if _in_office(res, key)), named[0] if named else None)
    if earlier is not None:
        res.add(mention, earlier, None)
    return earlier is not None


def _home_holder(res: Resolution, title: Span) -> tuple | None:
    """The holder of the office in the publisher's own state, when a state body publishes the text."""
    if res.publisher_state is None:
        return None
    holder = res.k.roles.holder(res.publisher_state, title.text, res.day)
    return ("person", holder) if holder else None


def _in_office(res: Resolution, key: tuple) -> bool:
    """Whether a person of the role table holds an office on the document date: "the President" after a
    mention of President Franklin Delano Roosevelt is the one in office, if the text names him."""
    standing = res.k.roles.standing(key[1], res.day) if key[0] == "person" else None
    return standing is not None and standing.sector not in {None, "ELI"}


def _same_office(res: Resolution, introduced: str, title: str) -> bool:
    """Whether a title names the office a person was introduced with: the same words, or its last words after
    the body's name ("Senate Minority Leader" → "the minority leader"; not "Vice President" → "the president")."""
    introduced, title = introduced.lower(), title.lower()
    if not introduced.endswith(title):
        return False
    body = introduced[: len(introduced) - len(title)]
    return not body or (body.endswith(" ") and not any(w in res.k.title_modifiers for w in body.split()))


def _last_owner(res: Resolution, title: Span, sector: str, scope: str) -> dict | None:
    """ "the foreign minister": of the country or organisation named last before the title; in a text a state
    body publishes, of that state where it has such an office ("The President" in a White House readout); an
    office of one state alone (scope a country code: "the pope") is that state's, one of a few states' (several
    codes: "the secretary of state") the one of them the passage is about, else the first."""
    if scope.isupper():  # "the pope": the Holy See's, wherever the passage is
        if " " in scope and _before_a_name(title):
            return None  # "Secretary of State for Northern Ireland Karen Bradley": which state's, the text says not
        state = res.office_state(scope, title.start)
        return {"code": state + sector, "country": state, "sector": sector}
    if _home_holder(res, title) is not None and not title.text.isupper():  # not a transcript's "THE PRESIDENT:"
        return res.owner_fields(res.publisher[0], sector, title.start)
    kinds = OWNER_KINDS.get(scope, {"name", "demonym", "organisation"})
    earlier = [s for s in res.dictionary if s.end <= title.start and res.entry(s).kind in kinds]
    return res.owner_fields(res.entry(earlier[-1]), sector, title.start) if earlier else None
