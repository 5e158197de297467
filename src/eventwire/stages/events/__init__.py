"""Events: CAMEO/PLOVER-coded actions with source and target taken from the dependency parse.

A trigger is a verb or noun from ``lexicon.tsv`` (lemma, optional particle, optional object heads); the
most specific row that fits wins. Source and target come from the clause structure (subject, object,
prepositional object, passive agent, control verbs, possessives of nominal events), never from mere
proximity. Modality, negation, reporting speaker, date, place and deadline come from the clause and
the records the earlier stages left on the Doc.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import places, quotes
from ..timex import timex_for_sentence
from ...records import Actor, Coded, Event, Place, coded
from ...tables import read_tsv, split
from .codebook import Codebook, codebook

HERE = Path(__file__).parent

TARGET_PREPS = {"to", "with", "against", "on", "at", "toward", "towards", "into", "for", "from", "over"}
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
RELATIVE = {"which", "who", "that", "whom"}
MODIFIERS = {"compound", "amod", "poss", "nmod", "pobj", "appos"}
# verbs that carry a nominal event in their object: "launched an attack", "held talks", "imposed sanctions"
LIGHT_VERBS = {"launch", "carry", "conduct", "hold", "stage", "make", "mount", "impose", "begin", "start",
               "continue", "resume", "step", "announce", "order", "take", "give", "sign", "pay", "deliver"}
# verbs whose complement clause is an intention, a threat, a request or a denial of its event
MODAL_HEADS = {
    "intended": {"vow", "pledge", "promise", "plan", "intend", "agree", "commit", "aim", "prepare", "decide",
                 "expect", "seek", "offer", "want", "be"},  # "be": "troops are to withdraw"
    "threatened": {"threaten", "warn"},
    "requested": {"urge", "call", "ask", "demand", "request", "press", "appeal", "invite"},
    "denied": {"deny"},
}
NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "reluctant"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}
FUTURE_AUX = {"will", "shall", "'ll"}
DEADLINE_MARKERS = {"by", "before", "until", "within"}
VIOLENT_ROOTS = {"18", "19", "20"}
CRITICIZE = "111"
DURATION = re.compile(r"^P(\d+)([DWMY])$")
CALENDAR = re.compile(r"^\d{3,4}(-(W\d\d|Q\d|SP|SU|FA|WI|H\d|\d\d))?")  # weeks, quarters, seasons, ...


@dataclass(frozen=True)
class Rule:
    """One lexicon row: a trigger lemma, what must accompany it, and the CAMEO code it yields."""

    cameo: str
    lemma: str
    pos: str
    particle: str | None
    objects: frozenset[str]

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particle)

    def explain(self, carrier: Token | None) -> str:
        """The pattern as it fired, e.g. ``send/VERB+obj:system``."""
        return "+".join(filter(None, [f"{self.lemma}/{self.pos}", self.particle,
                                      f"obj:{carrier.lemma_.lower()}" if carrier is not None else None]))


def load_lexicon(path: Path = HERE / "lexicon.tsv") -> dict[tuple[str, str], list[Rule]]:
    rules: dict[tuple[str, str], list[Rule]] = {}
    for row in read_tsv(path):
        rule = Rule(row["cameo"], row["lemma"].lower(), row["pos"].upper(), row["particle"].lower() or None,
                    frozenset(o.lower() for o in split(row["objects"])))
        rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    for candidates in rules.values():
        candidates.sort(key=lambda r: -r.specificity)
    return rules


class EventStage:
    """spaCy component: codes events into ``coded(doc).events``."""

    def __init__(self, nlp: Language, convention: str = "gdelt"):
        self.codebook: Codebook = codebook()
        self.rules = load_lexicon()
        self.convention = convention
        self.rejections = {r["root"]: r["code"] for r in read_tsv(HERE / "negation.tsv")}
        guards = read_tsv(HERE / "guards.tsv")
        self.sports = {r["lemma"] for r in guards if r["kind"] == "sports"}
        self.figurative = {r["lemma"] for r in guards if r["kind"] == "figurative"}

    def __call__(self, doc: Doc) -> Doc:
        ew = coded(doc)
        found: dict[tuple, Event] = {}
        object_triggers: set[int] = set()
        quiet = {sent.start for sent in doc.sents if not self._codeable(sent)}
        for token in doc:
            if token.i in object_triggers or token.sent.start in quiet:
                continue
            match = self._match(token)
            if match is None:
                continue
            rule, carrier = match
            if carrier is not None:
                object_triggers.add(carrier.i)  # "launched an attack": the noun is not a second event
            for event in self._events(doc, ew, token, rule, carrier):
                key = (event.sentence[0], tuple(event.source), tuple(event.target), event.cameo)
                if key not in found or found[key].confidence < event.confidence:
                    found[key] = event
        events = _merge(sorted(found.values(), key=lambda e: e.trigger[0]))
        events = _drop_covering_statements(doc, events)
        for n, event in enumerate(events, 1):
            event.id = f"e{n}"
        ew.events.extend(events)
        for quote in ew.quotes:
            quote.events = [e.id for e in events if quote.content[0] <= e.trigger[0] < quote.content[1]]
        return doc

    def _codeable(self, sent: Span) -> bool:
        """Sport reports, table rows and headline fragments carry no political events."""
        text = sent.text.strip()
        if " | " in text or any(t.lemma_.lower() in self.sports for t in sent):
            return False
        words = [w for w in text.split() if w[:1].isalpha()]
        headline = len(words) >= 3 and text[-1:] not in '.!?"”’' and \
            sum(w[0].isupper() for w in words) >= 0.6 * len(words)
        return not headline

    # -- triggers --------------------------------------------------------------------------------------

    def _match(self, token: Token) -> tuple[Rule, Token | None] | None:
        pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else None
        if pos is None:
            return None
        for rule in self.rules.get((token.lemma_.lower(), pos), ()):
            if rule.particle and not _has_particle(token, rule.particle):
                continue
            if rule.objects:
                carrier = next((o for o in _object_heads(token) if o.lemma_.lower() in rule.objects), None)
                if carrier is None:
                    continue
                return rule, carrier
            return rule, None
        return None

    # -- roles -----------------------------------------------------------------------------------------

    def _events(self, doc: Doc, ew: Coded, trigger: Token, rule: Rule, carrier: Token | None) -> list[Event]:
        def fill(roles):
            return [(role, actor, f"{role} {via} {phrase.text!r}") for role, phrase, via in roles
                    for actor in _actors_in(ew, phrase)]

        filled = fill(_roles(trigger, carrier))
        if not any(role == "source" for role, _, _ in filled):
            filled += fill(_light_verb_subjects(trigger))
        sources = _unique([a for role, a, _ in filled if role == "source" and a.code])
        targets = _unique([a for role, a, _ in filled if role == "target"])
        path = "; ".join(dict.fromkeys(how for role, a, how in filled if a in sources or a in targets))
        if not sources:
            return []  # an event needs someone who did it
        targets = [a for a in targets if a not in sources]
        code = self.codebook[rule.cameo]
        sent = trigger.sent
        modality, negated = _modality(trigger)
        pattern = rule.explain(carrier)
        if negated and code.root in self.rejections:
            refusal = trigger.head if trigger.dep_ in {"xcomp", "ccomp"} else None
            if refusal is not None and refusal != trigger and self._match(refusal) is not None:
                return []  # "refused to release": the refusal verb is coded by the lexicon
            code, negated = self.codebook[self.rejections[code.root]], False
            pattern += f" (negated → {code.code})"
        elif code.root in VIOLENT_ROOTS and carrier is None and any(
                o.lemma_.lower() in self.figurative for o in _object_heads(trigger)):
            code = self.codebook[CRITICIZE]  # "attacked the budget" is criticism
            pattern += f" (figurative object → {CRITICIZE})"
        date, date_source = _date(doc, ew, trigger)
        place = _object_place(ew, trigger) or places.place_for_sentence(doc, sent) or places.dateline_place(doc)
        reporter = _reporter(ew, trigger)
        confidence = round(0.55 + 0.1 * rule.specificity + (0.1 if targets else 0.0), 2)
        events = []
        for source in sources:
            for target in targets or [None]:
                events.append(Event(
                    id="", source=[source.id], target=[target.id] if target else [],
                    source_code=source.code, target_code=target.code if target else None,
                    cameo=code.code, plover=code.plover, mode=code.mode,
                    quad=self.codebook.quad_class(code.code, self.convention), goldstein=code.goldstein,
                    date=date, date_source=date_source, modality=modality, negated=negated,
                    reported_by=reporter.id if reporter else None,
                    deadline=_deadline(doc, ew, sent) if modality == "intended" else None,
                    place=place.id if place else None,
                    trigger=[trigger.idx, trigger.idx + len(trigger.text)], sentence=[sent.start_char, sent.end_char],
                    confidence=confidence, pattern=pattern, path=path))
        return events


def _object_place(ew: Coded, trigger: Token) -> Place | None:
    """A place the act is done to ("attacked the city of Kharkiv", "shelled Bakhmut") is where it happened."""
    for head in _object_heads(trigger):
        subtree = list(head.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
        place = next((p for p in ew.places if start <= p.start and p.end <= end and p.lat is not None), None)
        if place is not None:
            return place
    return None


def _has_particle(token: Token, particle: str) -> bool:
    words = particle.split()
    if any(c.dep_ in {"prt", "prep", "agent", "advmod"} and c.lower_ == words[0] for c in token.children):
        return True
    following = [t.lower_ for t in token.doc[token.i + 1:token.i + 1 + len(words)]]
    return following == words


def _object_heads(token: Token) -> list[Token]:
    """What a lexicon row's ``objects`` may name: direct and prepositional objects (and a passive subject),
    the verb after "to" ("refused to meet"), and for a noun trigger its modifiers ("air strike")."""
    heads = []
    for child in token.children:
        if child.dep_ in OBJECTS or child.dep_ in PASSIVE_SUBJECTS or child.dep_ == "xcomp":
            heads.append(child)
            heads.extend(child.conjuncts)
        elif child.dep_ in {"prep", "agent", "prt"}:
            heads.extend(c for c in child.children if c.dep_ == "pobj")
        elif token.pos_ != "VERB" and child.dep_ in {"compound", "amod"}:
            heads.append(child)
    return heads


def _actors_in(ew: Coded, token: Token) -> list[Actor]:
    """Actors a phrase refers to: its head's mention, else a mention among its modifiers ("officials from
    Russia", "the country's army"), plus conjoined phrases ("the United States and Jordan")."""
    found: list[Actor] = []
    for head in [token, *token.conjuncts]:
        actor = ew.actor_at(head)
        frontier = [head]
        while frontier and actor is None:
            frontier = [c for t in frontier for c in t.children
                        if c.dep_ in MODIFIERS or (c.dep_ == "prep" and c.lower_ in {"of", "from"})]
            actor = next((ew.actor_at(t) for t in frontier if t.i in ew.actor_of_token), None)
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def _clause_subject(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb and whether they are passive, climbing control verbs and conjoined verbs."""
    current = verb
    for _ in range(4):
        for deps, passive in ((SUBJECTS, False), (PASSIVE_SUBJECTS, True)):
            subjects = [c for c in current.children if c.dep_ in deps]
            if subjects:
                # "the militia, which attacked the town": the relative pronoun stands for the noun
                return [current.head if s.lower_ in RELATIVE and current.dep_ == "relcl" else s
                        for s in subjects], passive
        if current.dep_ in {"xcomp", "conj", "advcl"} and current.head != current:
            current = current.head
        else:
            break
    return [], False


def _roles(trigger: Token, carrier: Token | None) -> list[tuple[str, Token, str]]:
    """The phrases that fill a trigger's roles, as (role, phrase head, dependency path) triples; a light
    verb's object noun may hold the target ("imposed sanctions on Belarus")."""
    roles: list[tuple[str, Token, str]] = []

    def objects_of(prep: Token, role: str, via: str) -> None:
        roles.extend((role, pobj, f"{via}:{prep.lower_}>pobj") for pobj in prep.children if pobj.dep_ == "pobj")

    if carrier is not None and carrier.pos_ in {"NOUN", "PROPN"}:
        for child in carrier.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                objects_of(child, "target", f"{carrier.dep_}>prep")
    if trigger.pos_ == "VERB":
        subjects, passive = _clause_subject(trigger)
        own_passive = any(c.dep_ in PASSIVE_SUBJECTS for c in trigger.children)
        for subject in subjects:
            via = subject.dep_ if subject.head == trigger else f"{trigger.dep_}^{subject.dep_}"
            roles.append(("target" if passive and own_passive else "source", subject, via))
        for child in trigger.children:
            if child.dep_ == "agent":  # passive "by X"
                objects_of(child, "source", "agent")
            elif child.dep_ in OBJECTS:
                roles.append(("target", child, child.dep_))
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                objects_of(child, "target", "prep")
    else:
        of = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"]
        for child in trigger.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                roles.append(("source", child, child.dep_))
            elif child.dep_ == "prep" and child.lower_ == "by":
                objects_of(child, "source", "prep")
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                objects_of(child, "target", "prep")
        # "the invasion of Ukraine": "of" names the target; "the visit of Xi to Serbia": with another target
        # and no other source, it names the source
        for pobj in (p for prep in of for p in prep.children if p.dep_ == "pobj"):
            for child in pobj.children:  # the parse often hangs "to Serbia" on "Xi", not on "visit"
                if child.dep_ == "prep" and child.lower_ in TARGET_PREPS and child.lower_ != "of":
                    objects_of(child, "target", "prep")
        has_source = any(role == "source" for role, _, _ in roles)
        has_target = any(role == "target" for role, _, _ in roles)
        for prep in of:
            objects_of(prep, "source" if has_target and not has_source else "target", "prep")
    return roles


def _light_verb_subjects(trigger: Token) -> list[tuple[str, Token, str]]:
    """The source of a nominal event from the verb that carries it: "Russia launched an attack"."""
    if trigger.pos_ == "VERB" or trigger.dep_ not in OBJECTS or trigger.head.lemma_.lower() not in LIGHT_VERBS:
        return []
    subjects, passive = _clause_subject(trigger.head)
    return [] if passive else [("source", s, f"{trigger.dep_}^{s.dep_}") for s in subjects]


def _unique(actors: list[Actor]) -> list[Actor]:
    return list(dict.fromkeys(actors))


def _modality(trigger: Token) -> tuple[str, bool]:
    """(modality, negated) from auxiliaries, negation and the verb that governs the trigger's clause."""
    negated = any(c.dep_ == "neg" for c in trigger.children)
    modality = "asserted"
    aux = {c.lower_ for c in trigger.children if c.dep_ in {"aux", "auxpass"}}
    if aux & FUTURE_AUX:
        modality = "intended"
    elif aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in trigger.children):
        modality = "hypothetical"
    head = trigger.head
    if trigger.dep_ in {"xcomp", "ccomp"} and head != trigger:
        lemma = head.lemma_.lower()
        for kind, heads in MODAL_HEADS.items():
            if lemma in heads and (lemma != "be" or trigger.dep_ == "xcomp"):  # "are to withdraw", not "is that"
                modality = kind
        if lemma in NEGATING_HEADS:
            negated = True
        if any(c.dep_ == "neg" for c in head.children):
            negated = True
        if {c.lower_ for c in head.children if c.dep_ == "aux"} & FUTURE_AUX and modality == "asserted":
            modality = "intended"
    return modality, negated


def _reporter(ew: Coded, trigger: Token) -> Actor | None:
    """Who reports the event: the subject of a speech verb governing its clause, or the quote's speaker."""
    current = trigger
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in quotes.CUE_LEMMAS:
            subjects, _ = _clause_subject(current.head)
            actors = [a for s in subjects for a in _actors_in(ew, s)]
            if actors:
                return actors[0]
        if current.head == current:
            break
        current = current.head
    quote = next((q for q in ew.quotes if q.content[0] <= trigger.idx < q.content[1]), None)
    return ew.actor(quote.speaker) if quote and quote.speaker else None


def _date(doc: Doc, ew: Coded, trigger: Token) -> tuple[str | None, str]:
    """The date of the time expression governing the trigger's clause, else one of an enclosing clause of the
    sentence, else the document date. A deadline ("by January 20") dates the promise's limit, not the event."""
    clause = _clause_verb(trigger)

    def governed(how):
        def keep(timex) -> bool:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            verb = _clause_verb(span.root) if span is not None else None
            return verb is not None and how(verb) and not _after_deadline_marker(doc, timex.start)
        return keep

    for source, how in (("clause", lambda verb: verb == clause),
                        ("sentence", lambda verb: verb in clause.ancestors)):
        keep = governed(how)
        timex = timex_for_sentence(doc, trigger.sent, keep)
        if timex is not None:
            return timex.value.split("T")[0], source  # the day of a TIME value
        # a coarser calendar value of the clause itself ("last week" → 2024-W48) still beats other clauses'
        coarse = next((t for t in ew.timexes if t.type == "DATE" and CALENDAR.match(t.value)
                       and trigger.sent.start_char <= t.start < trigger.sent.end_char and keep(t)), None)
        if coarse is not None and source == "clause":
            return coarse.value, source
    if ew.meta.date:
        return ew.meta.date.isoformat(), "document"
    return None, "none"


def _clause_verb(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the sentence root if none)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head != current:
        current = current.head
    return current


def _deadline(doc: Doc, ew: Coded, sent: Span) -> str | None:
    """The limit of a promise: a date after "by/before/until", or "within" a duration from the document date."""
    for timex in ew.timexes:
        if not (sent.start_char <= timex.start < sent.end_char):
            continue
        if not _after_deadline_marker(doc, timex.start):
            continue
        if timex.type == "DATE" and re.match(r"^\d{4}(-\d\d){0,2}$", timex.value):
            return timex.value
        duration = DURATION.match(timex.value)
        if timex.type == "DURATION" and duration and ew.meta.date:
            return _add(ew.meta.date, int(duration[1]), duration[2]).isoformat()
    return None


def _after_deadline_marker(doc: Doc, start: int) -> bool:
    """ "by January 20", "within six weeks", "by the end of March"."""
    before = [w.lower() for w in doc.text[max(0, start - 30):start].split()]
    while before and before[-1] in {"of", "the", "end", "beginning", "start", "middle"}:
        before.pop()
    return bool(before) and before[-1] in DEADLINE_MARKERS


def _add(day: dt.date, n: int, unit: str) -> dt.date:
    if unit in "DW":
        return day + dt.timedelta(days=n * (7 if unit == "W" else 1))
    months = day.month - 1 + n * (12 if unit == "Y" else 1)
    year, month = day.year + months // 12, months % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def _merge(events: list[Event]) -> list[Event]:
    """One sentence, one source, one code: an event without a target adds nothing to one with a target
    ("met Rutte ... to discuss support")."""
    with_target = {(e.sentence[0], tuple(e.source), e.cameo) for e in events if e.target}
    return [e for e in events if e.target or (e.sentence[0], tuple(e.source), e.cameo) not in with_target]


def _drop_covering_statements(doc: Doc, events: list[Event]) -> list[Event]:
    """A statement (CAMEO 01) whose clause reports a codeable event is not an event of its own."""
    reported = [doc.char_span(*e.trigger) for e in events if not e.cameo.startswith("01")]
    keep = []
    for event in events:
        if event.cameo.startswith("01"):
            verb = doc.char_span(*event.trigger).root
            if any(verb in span.root.ancestors for span in reported if span is not None):
                continue
        keep.append(event)
    return keep


@Language.factory("eventwire_events", requires=["doc._.ew", "token.dep", "token.lemma"], assigns=["doc._.ew"],
                  default_config={"quad": "gdelt"})
def make_event_stage(nlp: Language, name: str, quad: str) -> EventStage:
    """The events stage; ``quad`` is the QuadClass convention of the events' ``quad`` field."""
    return EventStage(nlp, quad)
