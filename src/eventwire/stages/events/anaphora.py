"""Reactions to an act told earlier: "Hamas fighters attacked Israeli soldiers. Germany condemned the attack." The
definite event noun ("the attack", "this invasion") refers back to the latest act of its kind in the article, so
the reaction's recipient is that act's doer (PLOVER manual: the recipient is whom the event is directed at)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ...records import Event

DEFINITE = {"the", "this", "that", "these", "those"}
REACTIONS = {"ACCUSE", "SUPPORT", "REJECT"}
NAMING = {"call", "describe", "term", "label"}  # "condemned what he called an attack"


def refer_back(
    doc: Doc,
    events: list[Event],
    kind_of: Callable[[Token], str | None],
    verbs_of: Callable[[Token], frozenset[str]],
) -> None:
    """Give each target-less reaction whose object is a definite event noun the doer of the latest earlier
    event of that noun's kind. ``kind_of`` gives the PLOVER type a noun names ("attack" -> ASSAULT), or None;
    ``verbs_of`` the verbs that name the same act ("expulsion" -> expel: "expelled 20 diplomats" is a SANCTION)."""
    for event in events:
        if event.target or event.plover not in REACTIONS:
            continue
        noun = _definite_object(doc, event)
        kind = kind_of(noun) if noun is not None else None
        if kind is None:
            continue
        verbs = verbs_of(noun)
        earlier = [  # not the reaction itself, nor an act of its own source ("attacked the investigation"), nor
            e  # one that may only happen ("warned of a response if Israel retaliated. Biden condemned the attack")
            for e in events
            if e.source
            and _names(doc, e, kind, verbs)
            and e.trigger[0] < noun.idx
            and e is not event
            and e.modality != "hypothetical"
        ]
        if not earlier:
            continue
        worded = [e for e in earlier if _same_word(doc, e, noun)]  # "welcomed the strikes": the strikes told
        act = max(worded or earlier, key=lambda e: e.trigger[0])  # before, not a later attack of another's
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
    trigger = _trigger(doc, event)
    if trigger is None:
        return None
    relative = [trigger.head] if trigger.dep_ == "relcl" else []  # "the accusations Moscow rejected"
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]  # "the attack was condemned"
    objects += [  # "spoke out against the attack"
        p
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "against"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for obj in [*relative, *objects]:
        if obj.pos_ != "NOUN":
            continue
        dets = {c.lower_ for c in obj.children if c.dep_ == "det"}
        if dets & DEFINITE and not _own_doer(obj):
            return obj
    named = what_it_called(trigger)  # "condemned what he called an attack"
    return named if named is not None and not _own_doer(named) else None


def what_it_called(verb: Token) -> Token | None:
    """The noun of "condemned what he called an attack" (or "what it called a U.S. act of aggression", "what it
    described as Israel's aggression"): the object of the verb, named by the clause that stands for it."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in NAMING):
        if any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            named = {"oprd", "attr", "xcomp", "dobj"}  # (the parser may read the name as a second object)
            nouns = [c for c in clause.children if c.dep_ in named] + [  # "what it described as ..."
                p
                for c in clause.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            return next((n for n in nouns if n.pos_ == "NOUN"), None)
    return None


def _names(doc: Doc, event: Event, kind: str | None, verbs: frozenset[str]) -> bool:
    """Whether an event is the act an event noun names: of the noun's kind, or told by one of its verbs."""
    if event.plover == kind:
        return True
    trigger = _trigger(doc, event) if verbs else None
    return trigger is not None and trigger.lemma_.lower() in verbs


def _same_word(doc: Doc, event: Event, noun: Token) -> bool:
    """Whether an event was told by the noun's own word: as its trigger ("the strikes" after "struck") or as the
    object its trigger carries ("launched missile strikes")."""
    trigger = _trigger(doc, event)
    if trigger is None:
        return False
    return any(
        t.lemma_.lower() == noun.lemma_.lower() for t in [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    )


def _trigger(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    return span.root if span is not None else None


def _own_doer(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def toll_back(doc: Doc, events: list[Event], casualty: frozenset[str]) -> None:
    """Give a death or injury told without its doer ("Fifty people were killed") the doer of the attack the
    sentence just before it in the same paragraph tells ("A gunman opened fire at a mosque."): the toll is that
    attack's; the two reports then fold into one act (``merge.across_article``)."""
    for event in events:
        trigger = _trigger(doc, event) if event.plover == "ASSAULT" and not event.source else None
        before = sentence_before(trigger.sent) if trigger is not None else None
        if before is None or trigger.lemma_.lower() not in casualty:
            continue
        attacks = [e for e in events if e.plover == "ASSAULT" and e.source and e.sentence[0] == before.start_char]
        if len({tuple(e.source) for e in attacks}) != 1:
            continue  # no attack with a doer told just before, or several doers
        act = attacks[0]
        event.source, event.source_code, event.source_span = act.source, act.source_code, act.source_span
        event.path = (event.path or "") + f"; source of the attack told before: {before.text.strip()[:60]!r}"


def sentence_before(sentence: Span) -> Span | None:
    """The sentence just before this one in the same paragraph, if there is one."""
    if sentence.start == 0:
        return None
    before = sentence.doc[sentence.start - 1].sent
    return None if "\n" in sentence.doc.text[before.start_char : sentence.start_char] else before


def claim_back(
    doc: Doc,
    events: list[Event],
    kind_of: Callable[[Token], str | None],
    verbs_of: Callable[[Token], frozenset[str]],
) -> list[Event]:
    """Give an act told without its doer ("A car bomb killed 12 people") the doer a later sentence names for it
    by a definite event noun: "The Taliban claimed responsibility for the attack", "The Houthis said they had
    carried out the attack". The later report of the act itself becomes evidence of the earlier one."""
    kept = []
    for event in events:
        noun = _claimed_act(doc, event)
        kind = kind_of(noun) if noun is not None and event.source else None
        if event.plover not in {None, kind}:
            kind = None  # "Germany condemned the attack" is a reaction to it, no claim (see refer_back)
        verbs = verbs_of(noun) if kind is not None else frozenset()
        unclaimed = [e for e in kept if e.plover and _names(doc, e, kind, verbs) and e.trigger[0] < noun.idx]
        act = unclaimed[-1] if unclaimed and kind is not None else None
        if act is None or act.source or act.source_code:
            kept.append(event)  # (an act of that kind with a doer named since: the noun may well be that one)
            continue
        act.source, act.source_code, act.source_span = event.source, event.source_code, event.source_span
        act.path = (act.path or "") + f"; source claims it later: {noun.sent.text.strip()[:60]!r}"
        act.evidence.append(list(event.sentence))
        if event.plover != act.plover or event.target:
            kept.append(event)  # the claim itself (a statement), or a report that adds a recipient
    return kept


def _claimed_act(doc: Doc, event: Event) -> Token | None:
    """The definite event noun an event claims: its own trigger ("carried out the attack") or what its doer takes
    responsibility for ("claimed responsibility for the attack"), with no doer of its own."""
    token = _trigger(doc, event)
    if token is not None and token.pos_ != "NOUN":
        objects = [o for o in token.children if o.dep_ == "dobj"]
        token = next(
            (
                p
                for o in objects
                if o.lemma_.lower() == "responsibility"
                for prep in o.children
                if prep.dep_ == "prep" and prep.lower_ == "for"
                for p in prep.children
                if p.dep_ == "pobj"
            ),
            objects[0] if objects else None,  # "carried out the attack"
        )
    if token is None or token.pos_ != "NOUN" or _own_doer(token):
        return None
    return token if {c.lower_ for c in token.children if c.dep_ == "det"} & DEFINITE else None
