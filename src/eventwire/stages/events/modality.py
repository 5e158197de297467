"""Modality: whether an act happened, is promised, threatened, requested, denied or only possible.

Read from the trigger's auxiliaries ("will", "would", "must") and from the verbs that govern its clause
("plans to", "is committed to ensuring", "refused to", "denied"). An act in the complement of a verb that is
itself an event ("agreed to", "threatened to", "urged X to") is not an event of its own: the governing verb's
event is kept and takes the act's recipient and, through ``complement_codes.tsv``, its specific code.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...records import Actor, Coded
from ..actors.pronouns import FIRST_PERSON as SPEAKER_WORDS
from .cues import cues

if TYPE_CHECKING:  # roles reads "if" clauses from here
    from .roles import RoleReader

HEAD_KINDS = (
    ("intention", "intended"),
    ("command", "intended"),  # "ordered the Navy to destroy ...": the act is commanded, not done
    ("threat", "threatened"),
    ("request", "requested"),
    ("denial", "denied"),
    ("deliberation", "hypothetical"),  # "discussed deepening ties with X", "considered imposing sanctions"
)
AUXILIARIES = {"aux", "auxpass"}
FIRST_PERSON = {"i", "we"}  # "We must defend ourselves": resolve, not a request
CONDITIONS = {"if", "unless"}  # the words that make a clause a condition
QUESTIONS = {"whether"}  # ... or an open question
BE = {"am", "is", "are", "was", "were", "'m", "'re", "'s", "be", "been"}  # "is going to meet"


@dataclass(frozen=True)
class Mood:
    """The modality of an act, whether it is negated, and whether it is an obligation ("X must Y"), which
    is a request by whoever says it."""

    modality: str
    negated: bool
    obligation: bool = False
    refused: bool = False  # negated by a verb of refusal ("ruled out sending tanks"): a refusal made
    ceased: bool = False  # the gerund complement of a verb of ceasing ("stopped shelling Gaza"): an act ended


def clause_base(token: Token) -> Token:
    """A conjoined verb without auxiliaries or subject shares the first verb's clause ("will meet X and sign
    Y", "urged X to adhere to the law and to release the detained": "to" is no auxiliary of its own)."""
    while (
        token.dep_ == "conj"
        and token.head != token
        and not any((c.dep_ in AUXILIARIES and c.lower_ != "to") or c.dep_.startswith("nsubj") for c in token.children)
    ):
        token = token.head
    return token


def refuses(verb: Token) -> bool:
    """Whether a verb says its complement is an act not done: "refused to", "failed to", "ruled out sending"."""
    refusal = cues()["refusal"]
    lemma = verb.lemma_.lower()
    return lemma in refusal or any(f"{lemma} {c.lower_}" in refusal for c in verb.children if c.dep_ == "prt")


def _next_to(verb: Token, clause: Token) -> bool:
    """Whether a clause follows a verb and its particles directly, as its object would ("ruled out sending";
    not "rejected the calls, responding with new offensives")."""
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return clause.i > verb.i and all(t.dep_ == "prt" for t in between)


def governor(token: Token) -> Token | None:
    """The word whose complement the token's clause is: "agreed to *send*", "said it would *send*",
    "committed to *ensuring*", "plans to *visit*"."""
    if (
        token.dep_ == "conj"
        and infinitive(token)
        and any(c.dep_ == "xcomp" and infinitive(c) for c in token.head.children)
    ):
        return token.head  # "urged X to adhere to the law, and to release ...": a second complement, parsed high
    base = clause_base(token)
    if base.dep_ in {"xcomp", "ccomp"} and base.head != base:
        return base.head
    if base.dep_ == "pcomp" and base.head.dep_ == "prep" and base.head.lower_ not in cues()["adjunct_prep"]:
        return base.head.head  # "accused X of attacking", not "criticised X after meeting Y": an act of its own
    if base.dep_ == "acl" and infinitive(base) and base.head.pos_ == "NOUN":
        return base.head  # "plans to visit", "threats to attack"
    if base.dep_ == "advcl" and base.tag_ == "VBG" and refuses(base.head) and _next_to(base.head, base):
        return base.head  # "ruled out sending tanks", the gerund parsed as an adverbial clause
    if base.dep_ == "advcl" and infinitive(base) and base.head.lemma_.lower() in cues()["paying"]:
        return base.head  # "paid bounties to the Taliban to kill soldiers": what the payment is for
    if base.dep_ == "advcl" and infinitive(base):  # "rejected calls to expel X", parsed as a purpose
        before = [c for c in base.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == base.left_edge.i]
        if before and before[0].pos_ == "NOUN" and before[0].lemma_.lower() in cues()["request"]:
            return before[0]
    return None


def purposeful(verb: Token) -> bool:
    """Whether a verb with an object does what the infinitive after it says, itself: "used Twitter to thank X",
    "called President Milei to congratulate him" (a call to someone named; not "calling a halt to rescue work")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    lemma, words = verb.lemma_.lower(), cues()
    named = bool(objects) and objects[0].pos_ in {"PROPN", "PRON"}
    return bool(objects) and (lemma in words["subject_control"] or (lemma in words["purpose_verb"] and named))


def asks_a_question(verb: Token) -> bool:
    """Whether "ask" wants to know, not to have: about something, or whether, if, what or how something is, or
    nothing at all ('"Why here?" the minister asked'), with no act asked for ("to withdraw", "that troops leave")
    and nothing asked for ("for aid", "a favour of X")."""
    if verb.pos_ != "VERB" or any(
        c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in {"for", "of"}) for c in verb.children
    ):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    about = any(  # "asked X about Y" (also as the parse hangs "about" on X), "asked a question"
        c.dep_ == "prep" and c.lower_ == "about" for t in [verb, *objects] for c in t.children
    ) or any(o.lemma_.lower() == "question" for o in objects)
    wondered = any(
        c.dep_ == "ccomp" and any(m.lower_ in {"whether", "if"} or m.tag_ in {"WDT", "WP", "WRB"} for m in c.children)
        for c in verb.children
    )
    bare = not objects and not any(c.dep_ in {"ccomp", "dative", "nsubjpass", "auxpass"} for c in verb.children)
    return about or wondered or bare


def infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to send"), whatever the parse hung it on."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def conditional(token: Token) -> bool:
    """Whether the act is in an "if", "unless" or "whether" clause, its own or one it is conjoined to ("if there
    are riots and people defy ...", "it is unclear whether Russia will expel the diplomats"), or the clause its
    infinitive completes ("asked whether Democrats would look to launch an inquiry")."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS | QUESTIONS for c in token.children):
            return True
        carried = token.dep_ == "dobj" and token.pos_ == "NOUN"  # "launch an inquiry": the verb's clause
        if not (token.dep_ in {"conj", "xcomp"} or carried or (token.dep_ == "advcl" and infinitive(token))):
            return False
        if token.head == token:
            return False
        token = token.head


def irrealis(token: Token) -> bool:
    """Whether a complement clause is an act not (yet) done: "to meet", "that Russia withdraw", "that it
    would attack" — not "that Russia had attacked"."""
    base = clause_base(token)
    if base.dep_ != "ccomp":
        return True
    words = cues()
    modal = words["future"] | words["conditional"] | words["hypothetical"] | words["obligation"] | {"to"}
    mandative = base.tag_ == "VBP" and base.head.lemma_.lower() in words["request"]  # "demanded that troops leave"
    return base.tag_ == "VB" or mandative or bool(auxiliaries(base) & modal)


def owed(verb: Token) -> bool:
    """ "X must / should Y", "X has to / needs to Y": an obligation. "We must Y" is the speakers' own resolve,
    not a request to anyone (see :func:`self_bound`)."""
    words = cues()
    if auxiliaries(verb) & words["obligation"]:
        return True
    head = governor(verb)
    return (
        head is not None
        and clause_base(verb).dep_ == "xcomp"
        and head.lemma_.lower() in words["obligation_verb"]
        and not (head.lemma_.lower() == "have" and head.tag_ == "VBD")  # "police had to open fire": they did
        and not unneeded(verb)
    )


def unneeded(verb: Token) -> bool:
    """ "Women do not have to justify ...", "Russia does not need to attack": no obligation, and no act either
    done, refused or asked for, so no event."""
    head = governor(verb)
    return (
        head is not None
        and clause_base(verb).dep_ == "xcomp"
        and head.lemma_.lower() in cues()["obligation_verb"]
        and any(c.dep_ == "neg" for c in head.children)
    )


def _no_longer(verb: Token) -> bool:
    """ "Iran can no longer arm its proxies": an act that has stopped."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "longer" and any(n.dep_ == "neg" for n in c.children) for c in verb.children
    )


def _or_not(neg: Token) -> bool:
    """ "whether or not he supported it": an open question, no denial."""
    return neg.i > 0 and neg.doc[neg.i - 1].lower_ == "or"


def _a_possibility(verb: Token) -> bool:
    """ "an opportunity for Israel to strike", "has the right to respond": an act that may happen (but "took
    the opportunity to praise X" and "had the opportunity to meet X" did)."""
    base = clause_base(verb)
    noun = base.head
    words = cues()
    if base.dep_ == "xcomp" and noun.pos_ == "ADJ" and noun.lemma_.lower() in words["possibility"]:
        return True  # "was unable to speak on the phone", "are able to fly abroad": no act told
    holder = noun.head if noun.dep_ == "dobj" else None
    taken = holder is not None and (
        holder.lemma_.lower() in words["seizing"] or (holder.lemma_ == "have" and holder.tag_ == "VBD")
    )  # "had the opportunity to meet X" (but "has the right to respond")
    return base.dep_ in {"acl", "advcl"} and noun.lemma_.lower() in words["possibility"] and not taken


def self_bound(verb: Token) -> bool:
    """Whether the one obliged is the speaker ("We must defend ourselves", "I have to answer"): an intention."""
    base = clause_base(verb)
    head = governor(verb) if base.dep_ == "xcomp" else None
    clauses = [verb, base] + ([head] if head is not None else [])
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON for t in clauses for c in t.children)


def complement_doers(clause: Token) -> list[Token]:
    """Who is to do a complement clause's act: its own subject ("hopes *Russia* will withdraw"), and for an
    infinitive the object of the verb it completes ("would like *Russia* to withdraw")."""
    base = clause_base(clause)
    own = [c for c in base.children if c.dep_ == "nsubj"]
    if base.dep_ == "xcomp":
        own += [c for c in base.head.children if c.dep_ == "dobj"]
    return own


def _another_doer(act: Token, head: Token) -> bool:
    """Whether the act's clause names a doer of its own other than the subject of the verb governing it ("France
    hopes *Russia* will withdraw", "expected *Congress* to back the deal"); a pronoun is taken for the same."""
    own = [c for c in complement_doers(act) if c.pos_ != "PRON"]
    theirs = {c.lower_ for c in clause_base(head).children if c.dep_ == "nsubj"}
    return bool(own) and own[0].lower_ not in theirs


def _past(verb: Token) -> bool:
    """Whether a clause tells a past act of its own: a past tense or a perfect ("attacked", "has sent")."""
    base = clause_base(verb)
    return base.tag_ == "VBD" or bool(auxiliaries(base) & {"have", "has", "had"})


def auxiliaries(token: Token) -> set[str]:
    """The clause's auxiliaries; not a name the parser took for one ("Theresa May confronted X"). A clipped "'d" is
    "would" before a bare verb ("he'd back a candidate"), else "had" ("he'd backed")."""
    base = clause_base(token)
    found = {c.lower_ for t in {token, base} for c in t.children if c.dep_ in AUXILIARIES and c.ent_type_ != "PERSON"}
    if "'d" in found or "’d" in found:
        found = (found - {"'d", "’d"}) | {"would" if token.tag_ == "VB" else "had"}
    return found


class ModalityReader:
    """Reads the mood of an act (see :class:`Mood`); ``speech`` are the verbs that report speech."""

    def __init__(self, speech: frozenset[str]):
        self.cues = cues()
        self.speech = speech

    def read(self, trigger: Token) -> Mood:
        base = clause_base(trigger)
        stopper = base.head if base.dep_ == "xcomp" and base.tag_ == "VBG" else None
        if stopper is not None and stopper.lemma_.lower() in self.cues["ceasing"]:
            return replace(self._read(stopper), ceased=True)  # "will stop deporting migrants": the stopper's mood
        return self._read(trigger)

    def _read(self, trigger: Token) -> Mood:
        aux = auxiliaries(trigger)
        negated = any(c.dep_ == "neg" and not _or_not(c) for c in trigger.children) or _no_longer(trigger)
        obligation = owed(trigger)
        modality = "requested" if obligation else "asserted"
        if obligation and self_bound(trigger):
            obligation, modality = False, "intended"
        if aux & self.cues["future"]:
            modality = "intended"
        elif aux & self.cues["conditional"] and trigger.lemma_.lower() not in self.cues["wishing"]:
            modality = "intended" if self._reported(trigger) else "hypothetical"  # (not "would like Russia to")
        elif aux & self.cues["hypothetical"]:
            modality = "hypothetical"
        questioned = conditional(trigger)  # "not clear whether X pledged": the "not" is not X's
        if questioned or _a_possibility(trigger):
            modality = "hypothetical"
        elif modality == "asserted" and self._in_time_to_come(trigger):
            modality = "intended"  # "will defuse the situation when they meet": the meeting is to come
        current, first, refused = trigger, True, False
        possible = self.cues["conditional"] | self.cues["hypothetical"]
        while (head := governor(current)) is not None:
            lemma = head.lemma_.lower()
            denied = first and not questioned and any(c.dep_ == "neg" for c in head.children)
            refusing = refuses(head)
            failed = head.pos_ == "NOUN" and any(  # "failed efforts by Senate Republicans to repeal the law"
                c.dep_ == "amod" and c.lower_ in self.cues["failure"] for c in head.children
            )
            if refusing or denied or failed:
                negated = True  # "failed to reach a deal": not done; "refused to", "ruled out": a refusal made
                refused = refused or (refusing and lemma not in self.cues["failure"])
            base = clause_base(current)  # ("from conducting or supporting attacks")
            if lemma in self.cues["hindrance"] and base.dep_ == "pcomp" and base.head.lower_ == "from":
                return Mood("hypothetical", negated, obligation, refused)  # "deter Iran from supporting attacks"
            paid = base.dep_ == "advcl" or (base.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children))
            if lemma in self.cues["paying"] and paid and infinitive(base):  # "paid X to kill": may not happen (not
                return Mood("hypothetical", negated, obligation, refused)  # "offered to mediate": an offer)
            kind = self._kind(head, current)
            if kind == "intended" and lemma in self.cues["hoping"] and _another_doer(trigger, head):
                return Mood("hypothetical", negated, obligation, refused)  # "France hopes Russia will withdraw": a wish
            if kind:
                return Mood(kind if modality in {"asserted", "requested"} else modality, negated, obligation, refused)
            if first and modality == "asserted" and auxiliaries(head) & self.cues["future"] and not _past(current):
                modality = "intended"  # (not "will say that Russia attacked the city": a past act reported)
            elif first and modality == "asserted" and owed(head) and self_bound(head):
                modality = "intended"  # "we must continue to support X": the speakers' resolve
            if modality == "asserted" and lemma in self.cues["pass_through"] and auxiliaries(head) & possible:
                modality = "hypothetical"  # "a bill that would have allowed China to extradite people"
            means = current.dep_ == "pcomp" and current.head.lower_ == "by"  # "offers to trim it by buying goods":
            if lemma not in self.cues["pass_through"] and not means:  # what the act it serves is
                break
            current, first = head, False
        return Mood(modality, negated, obligation, refused)

    def _kind(self, head: Token, complement: Token) -> str | None:
        """What a governing verb makes of its complement: an intended, threatened, requested or denied act.
        Only a denial covers a plain past ("denied that it had attacked"); "be" only "is to withdraw"."""
        lemma = head.lemma_.lower()
        kind = next((k for words, k in HEAD_KINDS if lemma in self.cues[words]), None)
        if lemma == "go" and not (head.tag_ == "VBG" and auxiliaries(head) & BE):
            return None  # "is going to meet": to come; "went to meet": done
        if kind == "denied":
            return kind
        if kind == "requested" and asks_a_question(head):
            return "hypothetical"  # "asked him about supporting a tax rise": a question, nothing asked of him
        if lemma in self.cues["wishing"] and complement.lemma_.lower() in self.cues["performative"]:
            return None  # "I want to thank you": thanks given, not intended
        if purposeful(head):
            return None  # "called President Milei to congratulate him": the call's purpose, done in it
        if kind is None or not irrealis(complement):
            return None
        return kind if lemma != "be" or clause_base(complement).dep_ == "xcomp" else None

    def _in_time_to_come(self, trigger: Token) -> bool:
        """Whether the act's clause is a "when", "after" or "before" clause of a future one ("will defuse the
        situation when they meet"), whose present tense tells the time of that clause."""
        base = clause_base(trigger)
        timed = base.dep_ == "advcl" and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in self.cues["temporal_mark"] for c in base.children
        )
        return timed and bool(auxiliaries(base.head) & self.cues["future"])

    def _reported(self, trigger: Token) -> bool:
        """Whether the act is said by someone ("X said it would Y"): future in the past, not a condition."""
        current = clause_base(trigger)
        for _ in range(4):
            if current.dep_ != "ccomp" or current.head == current:
                return False
            if current.head.lemma_.lower() in self.speech:
                return True
            current = clause_base(current.head)
        return False


def reporter(reader: RoleReader, ew: Coded, trigger: Token, speech: frozenset[str]) -> Actor | None:
    """Who reports the event: the subject of a speech verb governing its clause, or the quote's speaker."""
    current = trigger
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in speech:
            subjects, _ = reader.subjects(current.head)
            actors = [a for s in subjects for a, _ in reader.actors_in(s, trigger)]
            if actors:
                return actors[0]
        if current.head == current:
            break
        current = current.head
    quote = next((q for q in ew.quotes if q.content[0] <= trigger.idx < q.content[1]), None)
    return reader.actors.get(quote.speaker) if quote and quote.speaker else None


def turn_speaker(reader: RoleReader, ew: Coded, trigger: Token) -> Actor | None:
    """In a transcript, whose turn the act is told in: the one the actors stage made the turn's "I" ("PRESIDENT
    BIDEN: I am glad ... It's an honor to welcome ..."); none in a reporter's question ("Q ...") or a turn whose
    label it could not read."""
    turn = next((t for t in reader.turns if t.start_char <= trigger.idx < t.end_char), None)
    speaker = next(
        (ew.actor_of_token[t.i] for t in turn or () if t.lower_ in SPEAKER_WORDS and t.i in ew.actor_of_token), None
    )
    return reader.actors.get(speaker) if speaker else None
