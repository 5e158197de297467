"""Reactions to an act told earlier: "Hamas fighters attacked Israeli soldiers. Germany condemned the attack." The
definite event noun ("the attack", "this invasion") refers back to the latest act of its kind in the article, so
the reaction's recipient is that act's doer (PLOVER manual: the recipient is whom the event is directed at)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...records import Event

DEFINITE = {"the", "this", "that", "these", "those"}
REACTIONS = {"ACCUSE", "SUPPORT", "REJECT"}
NAMING = {"call", "describe", "term", "label"}  # "condemned what he called an attack"


def refer_back(doc: Doc, events: list[Event], kind_of: Callable[[Token], str | None]) -> None:
    """Give each target-less reaction whose object is a definite event noun the doer of the latest earlier
    event of that noun's kind. ``kind_of`` gives the PLOVER type a noun names ("attack" -> ASSAULT), or None."""
    for event in events:
        if event.target or event.plover not in REACTIONS:
            continue
        noun = _definite_object(doc, event)
        kind = kind_of(noun) if noun is not None else None
        if kind is None:
            continue
        earlier = [  # not the reaction itself, nor an act of its own source ("attacked the investigation"), nor
            e  # one that may only happen ("warned of a response if Israel retaliated. Biden condemned the attack")
            for e in events
            if e.source
            and e.plover == kind
            and e.trigger[0] < noun.idx
            and e is not event
            and e.modality != "hypothetical"
        ]
        if not earlier:
            continue
        act = max(earlier, key=lambda e: e.trigger[0])
        if set(act.source) & set(event.source) or _one_state(act.source_code, event.source_code):
            continue  # one's own act defended or regretted ("Iran denied the accusation" it made): no recipient
        phrase = doc[noun.left_edge.i : noun.right_edge.i + 1]
        event.target = act.source[:1]
        event.target_code = act.source_code
        event.target_span = [phrase.start_char, phrase.end_char]
        event.path = (event.path or "") + f"; target refers back {phrase.text!r} -> {act.id or 'earlier act'}"


def _one_state(a: str | None, b: str | None) -> bool:
    """Two codes of one state where one is the state itself ("IRN" and "IRNGOV"), not two of its bodies
    ("USAGOV" and "USALEG": the president may attack the House's inquiry)."""
    return bool(a and b) and a[:3] == b[:3] and min(len(a), len(b)) == 3


def _definite_object(doc: Doc, event: Event) -> Token | None:
    """The trigger's direct object or passive subject (or the noun its relative clause qualifies) when it is a
    definite noun with no doer of its own ("the attack", "the attack was condemned", "the accusations Moscow
    rejected"; not "the attack by Hamas" nor "Russia's attack", which the role reader already reads), or the noun
    of "what he called an attack"."""
    trigger = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if trigger is None:
        return None
    relative = [trigger.root.head] if trigger.root.dep_ == "relcl" else []  # "the accusations Moscow rejected"
    objects = [c for c in trigger.root.children if c.dep_ in {"dobj", "nsubjpass"}]  # "the attack was condemned"
    for obj in [*relative, *objects]:
        if obj.pos_ != "NOUN":
            continue
        dets = {c.lower_ for c in obj.children if c.dep_ == "det"}
        if dets & DEFINITE and not _own_doer(obj):
            return obj
    for clause in (c for c in trigger.root.children if c.dep_ == "ccomp" and c.lemma_.lower() in NAMING):
        if any(
            c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children
        ):  # "condemned what he called an attack"
            named = [c for c in clause.children if c.dep_ in {"oprd", "attr", "xcomp"} and c.pos_ == "NOUN"]
            return next((n for n in named if not _own_doer(n)), None)
    return None


def _own_doer(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)
