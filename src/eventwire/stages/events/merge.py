"""Merging: one event per act. Within a sentence an event without a (coded) recipient adds nothing to the same act with
one, and a statement that reports an event is not an event of its own; across the article the same act
reported again is one event with every sentence as evidence."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...records import Event

Identity = tuple[str | None, str | None]  # (the actor id if a person, the actor's code)


def kind(event: Event) -> str:
    """What an act is for merging: its PLOVER type, or its CAMEO code when it has none (statements)."""
    return event.plover or event.cameo


def within_sentence(doc: Doc, events: list[Event]) -> list[Event]:
    """One sentence, one source, one kind of act: keep the events with a coded recipient ("met Rutte ... to
    discuss support"; "goods sent to Russia ... is helping"; "visited Kharkiv with Zelensky": Ukraine, not the
    city the actors stage could not code), and one of the same dyad ("shot and killed a soldier") unless each
    of a list of verbs has an object of its own ("cut trade ties with Canada ... and expelled the Canadian
    ambassador": two acts; but "criticized Trump's refusal, accusing the president of ...": one)."""
    with_target = {(e.sentence[0], tuple(e.source), kind(e)) for e in events if e.target_code}
    events = [e for e in events if e.target_code or (e.sentence[0], tuple(e.source), kind(e)) not in with_target]
    same: dict[tuple, list[Event]] = {}
    for e in events:
        same.setdefault(_dyad(e), []).append(e)
    kept = []
    for group in same.values():
        verbs = [_verb(doc, e) for e in group]
        objects = [next((c.i for c in v.children if c.dep_ == "dobj"), None) if v is not None else None for v in verbs]
        listed = all(v is not None for v in verbs) and all(v.dep_ == "conj" for v in verbs[1:])
        distinct = listed and None not in objects and len(set(objects)) == len(objects)
        kept += group if distinct else group[:1]  # "shot and killed a soldier": one act told by two verbs
    kept_ids = {id(e) for e in kept}
    return _one_unclaimed_act([e for e in events if id(e) in kept_ids])


def _verb(doc: Doc, event: Event) -> Token | None:
    """The verb of an event's trigger, if it is one."""
    span = doc.char_span(*event.trigger, alignment_mode="expand")
    return span.root if span is not None and span.root.pos_ == "VERB" else None


def _dyad(event: Event) -> tuple:
    return event.sentence[0], tuple(event.source), tuple(event.target), kind(event), event.modality


def _one_unclaimed_act(events: list[Event]) -> list[Event]:
    """ "A car bombing in Kabul killed five people": the bombing and the killing are one act of an unknown
    actor; keep the report naming its victims over the one naming only the place."""
    best: dict[tuple, Event] = {}
    for e in events:
        if not e.source:
            k = (e.sentence[0], kind(e))
            if k not in best or _victims_named(e) > _victims_named(best[k]):
                best[k] = e
    return [e for e in events if e.source or best[(e.sentence[0], kind(e))] is e]


def _victims_named(event: Event) -> tuple[bool, float]:
    return not (event.path or "").startswith("place"), event.confidence


def drop_covering_statements(doc: Doc, events: list[Event]) -> list[Event]:
    """A statement (CAMEO 01 with no PLOVER type) whose clause reports a codeable event is not an event of its
    own; a denial ("dismissed claims that X hacked ...", CAMEO 016, PLOVER REJECT) is."""
    reported = [doc.char_span(*e.trigger) for e in events if not e.cameo.startswith("01")]
    keep = []
    for event in events:
        if event.cameo.startswith("01") and not event.plover:
            verb = doc.char_span(*event.trigger).root
            if any(verb in span.root.ancestors for span in reported if span is not None):
                continue
        keep.append(event)
    return keep


def across_article(
    events: list[Event], who: Callable[[str], str], identity: Callable[[str], Identity] = lambda i: (None, None)
) -> list[Event]:
    """The same act (same states, kind, modality and negation, on the same day or with no date of its own)
    reported in several sentences is one event: the first report, with every reporting sentence as evidence.
    ``who`` gives the state (or organisation) an actor id stands for: "Russian police" and "police in Moscow"
    are one actor here; ``identity`` tells actors of one state apart (the person, and the code), and
    acts of different ones are never one ("Biden met Xi", "Blinken met Wang"; "Trump accused Biden", "Biden
    slammed Trump", "a newspaper alleged"). Statements are never merged, nor two acts told in one sentence
    ("expelled 23 diplomats and suspended contacts"), nor reports of acts of different CAMEO roots ("stormed
    Israeli towns", "kidnapped women": two assaults), nor two reports without a recipient that name the act
    differently (CAMEO codes: "pledged that this Congress will be transparent", "agreed to support some of her
    opponents' plans" are two promises); a report without the recipient joins one with it."""
    reports: dict[tuple, list[Event]] = {}
    kept = []
    for event in events:
        event.evidence = [list(event.sentence)]
        if not event.plover:
            kept.append(event)
            continue
        key = _act(event, who) + (tuple(sorted({who(i) for i in event.target})),)
        earlier = next(
            (e for e in reports.get(key, []) if _same_report(e, event, identity) and _same_kind(e, event)),
            None,
        )
        if earlier is None:
            reports.setdefault(key, []).append(event)
            kept.append(event)
        else:
            _add_report(earlier, event)
    return _fold_partial_reports(kept, who, identity)


def _same_kind(a: Event, b: Event) -> bool:
    """Whether two reports of one dyad may tell one act: the same CAMEO root ("criticized", "accused"; not
    "stormed the towns" and "kidnapped women"), and without a recipient the same code."""
    return a.cameo[:2] == b.cameo[:2] if a.target else a.cameo == b.cameo


def _act(event: Event, who: Callable[[str], str]) -> tuple:
    return tuple(sorted({who(i) for i in event.source})), event.plover, event.modality, event.negated


def _add_report(event: Event, report: Event) -> None:
    event.evidence.append(list(report.sentence))
    event.confidence = max(event.confidence, report.confidence)


def _fold_partial_reports(
    events: list[Event], who: Callable[[str], str], identity: Callable[[str], Identity]
) -> list[Event]:
    """A report of an act without its recipient ("Iran seized the tanker") is the same act as a report with
    one elsewhere in the article ("Iran seized a British tanker"): its sentence becomes evidence of that one,
    if it names the same act or its general kind ("an attack" and "an airstrike"; not "sued" and "railed
    against", two accusations)."""
    full = [e for e in events if e.target and e.plover]
    kept = []
    for event in events:
        partial = not event.target and event.plover
        whole = next(
            (
                e
                for e in full
                if _act(e, who) == _act(event, who)
                and _same_code(e.cameo, event.cameo)
                and _same_report(e, event, identity)
            ),
            None,
        )
        if partial and whole is not None:
            _add_report(whole, event)
        else:
            kept.append(event)
    return kept


def _same_code(a: str, b: str) -> bool:
    """Whether two CAMEO codes may name one act: the same code, or one is its root's general code ("190")."""
    return a[:3] == b[:3] or (a[:2] == b[:2] and "0" in {a[2:3], b[2:3]})


def _distinct(a: Identity, b: Identity) -> bool:
    """Whether two actors of one state are different ones: two persons, a person of no office ("Donald Trump"
    in 2015, coded by his country alone) and anyone else, or two codes with different sectors (Putin and the
    Kremlin may be one; Biden and a newspaper are not)."""
    (person_a, code_a), (person_b, code_b) = a, b
    if person_a and person_b:
        return person_a != person_b
    if (person_a and len(code_a or "") <= 3) or (person_b and len(code_b or "") <= 3):
        return True
    return bool(code_a and code_b and len(code_a) > 3 and len(code_b) > 3 and code_a != code_b)


def _same_report(earlier: Event, later: Event, identity: Callable[[str], Identity]) -> bool:
    """Whether a later report may be the same act: another sentence, no two different actors of one state as
    its doers or recipients (nor a person and a body as its recipients), and the same date unless one of the
    two only has the document's date."""
    for role in ("source", "target"):
        ones, others = ([identity(i) for i in getattr(e, role)] for e in (earlier, later))
        if ones and others and all(_distinct(a, b) for a in ones for b in others):
            return False
        if role == "target" and ones and others and bool(ones[0][0]) != bool(others[0][0]):
            return False  # "hit Hamas hard", "killed Abu Jalal, a Hamas commander": a person is no body's act
    if later.sentence in earlier.evidence:
        return False
    return earlier.date == later.date or "document" in {earlier.date_source, later.date_source}
