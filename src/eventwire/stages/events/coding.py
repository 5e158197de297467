"""Coding: which CAMEO code and PLOVER type an act gets, from its lexicon row and what the sentence says of it.

The row gives the code; the sentence refines it: a refused cooperation is a rejection (``negation.tsv``), a
violent verb aimed at a plan is criticism, a weapon "test-fired" is a show of force, a threat or appeal that
only states a fact is a comment, troops "arriving" are deployed, a generic promise or threat takes the code
of the act it promises ("threatened to cut gas" → 1312 style codes), and an act that is promised, threatened
or owed is AGREE, THREATEN or REQUEST as the PLOVER manual says (``complement_codes.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from ...tables import read_tsv
from .acts import Act
from .codebook import VIOLENT_ROOTS, Code, Codebook
from .cues import cues
from .modality import Mood, infinitive, irrealis
from .triggers import REFLEXIVES, Match, framed, guards, object_heads

HERE = Path(__file__).parent
HARMING_ROOTS = VIOLENT_ROOTS | {"17"}  # and coercion: "could destroy the economy"
AIMING_PREPS = {"on", "against", "with", "at", "for", "off"}  # "attack on the plan", "battled with cancer", "fight off"
HOSTILE_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
VERBAL_ROOTS = {"01", "02", "03", "10", "12", "13"}  # already a statement, promise, request or threat
CRITICIZE, WEAPONS_TEST, DEPLOY, PROTECTION, ARMS = "111", "150", "154", "074", "072"
DEFENCES = {"defense", "defence"}  # what a state strengthens: its own (a deployment) or another's (military aid)
VISITS = {"042", "043"}
APPEAL = "020"
STATED = {"130": "012", "020": "010"}  # a threat or appeal whose clause states a fact is a comment


@dataclass
class Coding:
    """What an act is coded as; ``plover`` may differ from the code's own type (an announced retreat is
    CONCEDE); ``pattern`` tells how the code came about."""

    code: Code
    plover: str | None
    pattern: str


class Coder:
    """Codes acts; reads ``negation.tsv``, ``ceased.tsv``, ``complement_codes.tsv`` and the sense guards of
    ``guards.tsv``."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.cues = cues()
        self.rejections = {r["root"]: r["code"] for r in read_tsv(HERE / "negation.tsv")}
        self.endings = {r["code"]: r["stopped"] for r in read_tsv(HERE / "ceased.tsv")}
        self.complement_codes = {
            (r["root"], r["cameo"]): (r["code"], r["plover"] or None) for r in read_tsv(HERE / "complement_codes.tsv")
        }
        senses = guards()
        self.figurative, self.tests = senses["figurative"], senses["test"]
        self.forces_only, self.show_of_force = senses["forces_only"], senses["show_of_force"]
        self.ailments, self.campaigning = senses["ailment"], senses["campaign"]

    def code(self, act: Act, mood: Mood, forces_act: bool, armed: bool) -> Coding | None:
        """The act's coding before its roles and modality are known (:meth:`with_roles`, :meth:`modal`), or
        None when the word is used in no political sense here; ``forces_act``: its actor is troops or police;
        ``armed``: or an armed group, an army, rebels."""
        match = act.match
        if match.token.lemma_.lower() in self.forces_only and not forces_act:
            return None  # troops leave a country; a minister leaving a city is no retreat
        if self._ails(match) or any(self._ails(c) for c in act.complements):
            return None  # "battled cancer", "fought the blaze", "tried to kill himself" (not "jailed for fraud")
        if match.token.lemma_.lower() in self.campaigning and not armed and _strives_for(match.token):
            return None  # "spent 15 years fighting for a federal holiday", "will fight for every vote"
        coding = self._sense(match, mood, forces_act)
        for complement in act.complements:
            refined = self.under(coding.code.root, self.codebook[complement.rule.cameo])
            if refined and not match.rule.objects and refined[0].plover == coding.plover and refined[0] != coding.code:
                coding = Coding(
                    refined[0],
                    refined[0].plover,
                    coding.pattern + f" (complement {complement.rule.lemma} → {refined[0].code})",
                )
        return coding

    def _ails(self, match: Match) -> bool:
        """Whether a violent or coercive act is aimed at an ailment or at the one who does it ("killed himself"),
        not at anyone (coercion only by its direct object: "jailed for fraud" jails someone)."""
        root, token = self.codebook[match.rule.cameo].root, match.token
        if root not in HARMING_ROOTS:
            return False
        aimed = _aimed_at(token) if root in VIOLENT_ROOTS else [o for o in token.children if o.dep_ == "dobj"]
        aimed = [o for o in aimed if o != match.carrier]  # "opened fire", "exchanged fire": the act itself
        aimed += framed(aimed, cues()["quantity"])  # "fight the thousands of fires"
        return any(o.lemma_.lower() in self.ailments or o.lower_ in REFLEXIVES for o in aimed)

    def with_roles(
        self, coding: Coding, match: Match, targets: list, to_state: bool, near: bool = False, partisan: bool = False
    ) -> Coding:
        """What the recipient says of the act: a missile fired at no one is a show of force (a test), though a
        missile strike is still an attack; forces sent to a state, or another's defences bolstered, are military
        assistance (PLOVER AID: "arms and personnel"); weapons sent to no one but ``near`` a place are deployed
        there ("sent military aircraft near the island"); an attack that is ``partisan`` (by or on a party or by a
        civil society group, no armed actor on either side) is criticism ("relentless Republican attacks",
        "Trump's attacks on Democratic lawmakers")."""
        carrier = match.carrier.lemma_.lower() if match.carrier is not None else ""
        fired = match.token.lemma_.lower() in cues()["launching"]  # "fired a missile"; "missile strikes" attack
        if coding.code.root == "19" and not targets and fired and carrier in self.show_of_force:
            new, why = WEAPONS_TEST, "at no one"
        elif coding.code.code in {"153", DEPLOY} and to_state:
            new, why = PROTECTION, "to a state"
        elif coding.code.code == DEPLOY and carrier in DEFENCES and targets and not _its_own(match.carrier):
            new, why = PROTECTION, "another's defences"  # "will bolster Syria's air defenses"
        elif coding.code.code == ARMS and near and not targets:
            new, why = DEPLOY, "near a place"
        elif coding.code.root in VIOLENT_ROOTS and partisan:
            new, why = CRITICIZE, "a party's fight"
        else:
            return coding
        code = self.codebook[new]
        return Coding(code, code.plover, coding.pattern + f" ({why} → {new})")

    def under(self, root: str, act: Code) -> tuple[Code, str | None] | None:
        """(code, PLOVER type replacing the code's own or None) of an act promised (root 03), threatened (13),
        requested (02) or demanded (10): the row of the longest prefix of the act's code."""
        for n in range(len(act.code), 1, -1):
            row = self.complement_codes.get((root, act.code[:n]))
            if row is not None:
                code, plover = row
                return (self.codebook[code] if code else act), plover
        return None

    def _sense(self, match: Match, mood: Mood, forces_act: bool) -> Coding:
        """The row's code, or the code of the sense the sentence shows."""
        code = self.codebook[match.rule.cameo]
        pattern = match.rule.explain(match.carrier)
        token = match.token
        if (
            code.root in VIOLENT_ROOTS
            and match.carrier is None
            and (any(o.lemma_.lower() in self.figurative for o in _aimed_at(token)) or _blamed_for(token))
        ):
            new, why = CRITICIZE, "figurative object"  # "attacked the budget" is criticism
        elif code.root in VIOLENT_ROOTS and _word_before(token).lower() in self.tests:
            new, why = WEAPONS_TEST, "test"  # "test-fired a missile" is a show of force
        elif code.code in STATED and _states_a_fact(token):
            new, why = STATED[code.code], "a fact, not an act"  # "warned that allies face a threat"
        elif code.code in VISITS and forces_act:
            new, why = DEPLOY, "forces"  # troops arriving are not a visit
        else:
            return Coding(code, code.plover, pattern)
        code = self.codebook[new]
        return Coding(code, code.plover, pattern + f" ({why} → {new})")

    def modal(self, coding: Coding, mood: Mood) -> Coding:
        """A refused cooperation is a rejection (``negation.tsv``, whatever its recipient made of its code); a
        promised cooperation is AGREE, a promised or threatened hostile act THREATEN, an owed act a REQUEST
        (PLOVER manual: AGREE, THREATEN, REQUEST); acts that are already verbal keep their code."""
        code = coding.code
        if mood.negated and code.root in self.rejections and not mood.obligation:  # a refused cooperation, also
            new = self.codebook[self.rejections[code.root]]  # a future one ("will not send troops to Ukraine")
            return Coding(new, new.plover, coding.pattern + f" (negated → {new.code})")
        if code.root in VERBAL_ROOTS:
            return coding
        if mood.negated and not mood.obligation and code.root in HOSTILE_ROOTS:
            return coding  # "will not send troops": no threat; the act, marked negated
        if mood.obligation and mood.negated:  # "must not send weapons": an appeal to refrain
            code = self.codebook[APPEAL]
            return Coding(code, code.plover, coding.pattern + f" (must not → {APPEAL})")
        if mood.obligation:
            root = "02"
        elif mood.modality == "threatened" or (mood.modality == "intended" and code.root in HOSTILE_ROOTS):
            root = "13"
        elif mood.modality == "intended":
            root = "03"
        else:
            return coding
        refined = self.under(root, code)
        if refined is None:
            return coding
        new, plover = refined
        why = f" ({mood.modality} → {new.code}" + (f" {plover}" if plover else "") + ")"
        return Coding(new, plover or new.plover, coding.pattern + why)

    def stopped(self, coding: Coding, mood: Mood) -> tuple[Coding, Mood]:
        """An act that is stopped ("stopped shelling Gaza") is what ``ceased.tsv`` says ending it is (a
        de-escalation), or, with no row, the act marked negated: no longer done. Not stopping it ("did not
        stop shelling Gaza") is doing it still; refusing to stop it is refusing to yield (``negation.tsv``)."""
        if not mood.ceased:
            return coding, mood
        if mood.negated and not mood.refused:
            return coding, replace(mood, negated=False, ceased=False)
        code = coding.code.code
        prefix = next((code[:n] for n in range(len(code), 1, -1) if code[:n] in self.endings), None)
        if prefix is None:
            return coding, replace(mood, negated=not mood.negated, ceased=False)
        new = self.codebook[self.endings[prefix]]
        return Coding(new, new.plover, coding.pattern + f" (stopped → {new.code})"), replace(mood, ceased=False)


def _aimed_at(token: Token) -> list[Token]:
    """What a violent word is aimed at: its objects, not the time of a prepositional phrase ("stormed a base
    hours before the announcement"); a violent noun's "of" ("the killing of 300,000 pigs")."""
    aiming = AIMING_PREPS | ({"of"} if token.pos_ == "NOUN" else set())
    return [o for o in object_heads(token) if o.dep_ != "pobj" or o.head.lower_ in aiming]


def _strives_for(token: Token) -> bool:
    """Whether a fight is only "for" something or to do something: a cause striven for, with no one fought
    ("fought for a federal holiday", "governors have been fighting to preserve it")."""
    aimed = _aimed_at(token)
    if not aimed:
        return any(c.dep_ in {"xcomp", "advcl"} and infinitive(c) for c in token.children)
    return all(o.dep_ == "pobj" and o.head.lower_ == "for" for o in aimed)


def _blamed_for(token: Token) -> bool:
    """ "attacked Biden for accumulating wealth": an attack for what someone did is criticism."""
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in token.children
    )


def _word_before(token: Token) -> str:
    """The word before a token, across a hyphen ("test-fired")."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == "-":
        i -= 1
    return token.doc[i].text if i >= 0 else ""


def _states_a_fact(verb: Token) -> bool:
    """ "warned that allies face", "suggested there were not enough votes": a clause that says what is, with no
    one addressed and nothing to do."""
    children = list(verb.children)
    return any(c.dep_ == "ccomp" for c in children) and not any(
        c.dep_ in {"dobj", "xcomp", "dative"} or (c.dep_ == "ccomp" and irrealis(c)) for c in children
    )


def _its_own(noun: Token) -> bool:
    """ "its defenses", "their forces": what the doer owns."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
