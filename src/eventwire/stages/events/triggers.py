"""Triggers: the lexicon rows (``lexicon.tsv``) and how a token is matched against them.

A row names a lemma, its part of speech, an optional particle and an optional list of object lemmas; an
object list may name a class of ``object_classes.tsv`` (``@goods``, ``@weapons``) or ``@actor`` /
``@pronoun`` or ``@place`` (a name the NER calls a place), so that "sent them to Russia", "sent dual-use
goods" or "hit Kharkiv" fire like "sent weapons". The most specific row that fits wins; literal objects beat
classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from ...lang import PASSIVE_SUBJECTS, TIMES, misread_object, misread_subject, object_gap
from ...records import Coded
from ...tables import read_tsv, split
from ..actors.knowledge import knowledge
from ..actors.pronouns import PERSONAL
from ..places.resolve import country_of
from .cues import cues
from .modality import CONDITIONS, asks_a_question, complement_doers, infinitive

HERE = Path(__file__).parent
DEMAND = "100"  # "told X to act" (guards.tsv instruction)
APPEAL = "020"  # "X must Y", said by Z; "agreed that X should Y"; "X wants Y to Z"
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
STATES_OF_AFFAIRS = frozenset({"be", "have", "remain", "stay", "know", "feel"})  # what one is, not what one does
REFLEXIVES = {"itself", "themselves", "ourselves", "himself", "herself", "myself", "yourself"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
MODIFIERS = {"compound", "amod"}
LINK_LABELS = ("see also:", "related:", "read more:", "also read:", "watch:", "more:")  # a link to another story
POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
RELATIVE_PRONOUNS = {"WDT", "WP"}  # "that", "which", "who": the noun their clause qualifies
ACTOR, PRONOUN, PLACE, NAME = "@actor", "@pronoun", "@place", "@name"  # @name: a person's name the NER missed
CONTESTED_ROOTS = {"14", "18", "19", "20"}  # protests and force, which a modifier may make a contest ("a court battle")
DESTINATION_PREPS = {"to", "into", "toward", "towards"}  # their object is where an act goes, not what it moves
DESCRIPTIONS = {"@insult", "@praise"}  # object classes of what someone is called, not of things
ENVOYS = "@envoys"  # people a state sends: moved where a row sends them, guests where one hosts them
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
DISASTER_ROOTS = {"13", "17"}  # threats and restrictions that may be about the weather, not about people
SENTENCE_ENDS = '.!?"”’'


@dataclass(frozen=True)
class Rule:
    """One lexicon row: a trigger lemma, what must accompany it, and the CAMEO code it yields."""

    cameo: str
    lemma: str
    pos: str
    particle: str | None
    objects: frozenset[str]

    @property
    def specificity(self) -> float:
        """Particle + objects > objects > particle > lemma alone; objects named by class count less than a
        particle ("called on X" is an appeal, not a phone call with an actor object)."""
        return (0.5 if self.by_class else 2) * bool(self.objects) + bool(self.particle)

    @property
    def by_class(self) -> bool:
        """Whether the row's objects are classes ("@goods") rather than lemmas."""
        return any(o.startswith("@") for o in self.objects)

    def explain(self, carrier: Token | None) -> str:
        """The pattern as it fired, e.g. ``send/VERB+obj:system``."""
        return "+".join(
            filter(
                None,
                [
                    f"{self.lemma}/{self.pos}",
                    self.particle,
                    f"obj:{carrier.lemma_.lower()}" if carrier is not None else None,
                ],
            )
        )


@dataclass(frozen=True)
class Match:
    """A token that fired a lexicon row, and the object (if any) that the row needed."""

    token: Token
    rule: Rule
    carrier: Token | None
    theme: bool = False  # the carrier is what is given or moved ("sent *troops*"), not who receives it


LINKING = {"seem", "appear", "look", "sound", "remain", "prove", "become"}  # "seemed promising": an adjective


@cache
def guards() -> dict[str, frozenset[str]]:
    """The lemmas of ``guards.tsv`` by kind: the words' other senses and the sentences with no political events."""
    found: dict[str, set[str]] = {}
    for row in read_tsv(HERE / "guards.tsv"):
        found.setdefault(row["kind"], set()).add(row["lemma"])
    return {kind: frozenset(lemmas) for kind, lemmas in found.items()}


class Lexicon:
    """The trigger rows by (lemma, part of speech), most specific first, the object classes, and the guards
    (``guards.tsv``) that tell a word's other senses and the sentences that carry no political events."""

    def __init__(self, path: Path = HERE / "lexicon.tsv", classes: Path = HERE / "object_classes.tsv"):
        self.guards = guards()
        self.classes: dict[str, set[str]] = {}
        for row in read_tsv(classes):
            self.classes.setdefault("@" + row["class"], set()).add(row["lemma"].lower())
        self.rules: dict[tuple[str, str], list[Rule]] = {}
        for row in read_tsv(path):
            rule = Rule(
                row["cameo"],
                row["lemma"].lower(),
                row["pos"].upper(),
                row["particle"].lower() or None,
                frozenset(o.lower() for o in split(row["objects"])),
            )
            self.rules.setdefault((rule.lemma, rule.pos), []).append(rule)
        for candidates in self.rules.values():
            candidates.sort(key=lambda r: (-r.specificity, r.by_class))
        # what is given or moved ("sent goods to X"), not what someone is called ("called X a disgrace"); envoys
        # only where a row sends them ("sent an envoy to X"), not where they are met or hosted
        self.themes = frozenset().union(*(v for k, v in self.classes.items() if k not in DESCRIPTIONS | {ENVOYS}))
        # the only words that may match: those with rows, and those that ask others to act or name without one
        asking = self.guards["instruction"] | self.guards["concur"] | self.guards["naming"] | cues()["wishing"]
        self.words = frozenset(lemma for lemma, _ in self.rules) | asking

    def _said_otherwise(self, token: Token, ew: Coded) -> bool:
        """Whether the word is part of something else than an act: a breach, a summing-up, a source's formula, an
        office's name, a modifier or a plan given up."""
        governor = token.head.head.lemma_.lower() if token.dep_ == "pobj" and token.head.lower_ == "of" else ""
        return (
            governor in self.guards["breach"]  # "in violation of UN sanctions": the sanctions are not imposed here
            or summing_up(token)  # "drills near Taiwan, a clear warning to Washington": what the act told means
            # "an official who was not authorized to discuss it", "insisted on anonymity": who told
            or _in_sourcing(token, self.guards)
            or _in_office_name(token, ew)  # "the special envoy for Ukraine negotiations": an office
            or _as_opposed_to(token)  # "as opposed to": "rather than"
            or _in_compound_modifier(token, ew)  # "life-threatening injuries"
            or self._names_a_kind(token)  # "attack helicopters"
            or _plan_given_up(token, self.guards)  # "dropped plans to impose tariffs"
        )

    def _asked_of_others(self, verb: Token, ew: Coded) -> str | None:
        """The code of a verb that asks others to act: an order ("told X to slash its staff", CAMEO 100), or an
        appeal agreed on ("Biden and Scholz agreed that Iran should return to the deal", 020: not their own
        promise)."""
        lemma = verb.lemma_.lower()
        if lemma in self.guards["instruction"] and told_to_act(verb):
            return DEMAND
        if lemma in self.guards["concur"] and any(_owed_by_another(c, ew) for c in verb.children if c.dep_ == "ccomp"):
            return APPEAL
        if lemma in cues()["wishing"] and any(
            _wanted_of_another(c, ew) for c in verb.children if c.dep_ in COMPLEMENTS
        ):
            return APPEAL  # "The Republicans want the White House to lift the tariffs" (not "want women to have")
        return None

    def _names_a_kind(self, token: Token) -> bool:
        """An event noun before a craft, weapon or unit says what kind it is: "attack helicopters", "aid groups"."""
        return token.dep_ == "compound" and token.head.lemma_.lower() in self.guards["equipment"]

    def codeable(self, sent: Span) -> bool:
        """Sport reports, table rows, headline fragments and links to other stories ("Hundreds of law professors
        sign letters rejecting the nomination Read more", "SEE ALSO: U.S., Russia race to deploy drones") carry no
        political events."""
        text = sent.text.strip()
        if (
            " | " in text
            or text.lower().endswith("read more")
            or text.lower().startswith(LINK_LABELS)
            or (sent.start and sent.doc[sent.start - 1].sent.text.strip().lower() in LINK_LABELS)
            or any(t.lemma_.lower() in self.guards["sports"] for t in sent)
        ):
            return False
        words = [w for w in text.split() if w[:1].isalpha()]
        capitalised = sum(w[0].isupper() for w in words)
        return not (len(words) >= 3 and text[-1:] not in SENTENCE_ENDS and capitalised >= 0.6 * len(words))

    def match(self, token: Token, ew: Coded) -> Match | None:
        """The token's most specific row, unless a guard says the word is used in another sense here."""
        if token.lemma_.lower() not in self.words or self._said_otherwise(token, ew):
            return None  # (most words: no row, no guard to ask)
        match = self._row(token, ew)
        asked = self._asked_of_others(token, ew)
        if asked is not None:
            return Match(token, Rule(asked, token.lemma_.lower(), "VERB", None, frozenset()), None)
        if token.lemma_.lower() in self.guards["naming"] and (match is None or not match.rule.particle):
            said = [c for c in token.children if c.dep_ == "oprd"] + _named_as(token)  # (not "called on X to")
            if said:  # "called X a disgrace", "called the move insulting"; "called Antifa an idea"
                return self._called(token, said)
        noun = token if token.pos_ == "NOUN" else match.carrier if match is not None else None
        if (
            noun is not None
            and match is not None
            and match.rule.cameo[:2] in CONTESTED_ROOTS  # a fight or a rally, not "trade restrictions"
            and (noun.lemma_.lower(), "NOUN") in self.rules  # an event noun, not "stormed a court building"
            and any(c.dep_ in MODIFIERS and c.lemma_.lower() in self.guards["contest"] for c in noun.children)
        ):
            return None  # "a court battle", "held a campaign rally": a contest, not force or protest
        if match is not None and match.rule.cameo.startswith("16") and _made(token) & self.guards["appointment"]:
            return None  # "designated X as the nation's security minister": an appointment, no designation
        if match is None or match.rule.objects:
            return match
        lemma = token.lemma_.lower()
        if lemma in cues()["predicate_noun"] and token.dep_ != "attr":
            return None  # "X was a critic of Y" judges Y; "critics of X marched", "X, a critic of Y," do not
        has_object = (
            any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in token.children)
            or (token.dep_ == "acl" and token.tag_ == "VBN")  # "an honour conferred by X": the noun is its object
            or _as_shown(token)  # "as demonstrated through U.S. leadership": the clause it hangs on
            or object_gap(token)  # "the determination the minister demonstrated"
        )
        met = lemma in cues()["meeting_verb"] and any(  # "met with Republic of Korea (ROK) President Yoon"
            c.dep_ == "dobj" and c.i in ew.actor_of_token for c in token.children
        )
        if (lemma in self.guards["intransitive"] and has_object and not met) or (
            lemma in self.guards["transitive"] and not has_object
        ):
            return None  # "Russia has demonstrated that ...", "the party's vote declined"
        if defends_itself(token) or (not has_object and _a_quality(token)):
            return None  # "Ukraine defended itself against Russian attacks", "the pivot seemed promising"
        if lemma in self.guards["clausal"] and not any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
            return None  # "recommended a treatment": advice on a thing, not a request that someone act
        if self._no_such_act(match.rule.cameo, token):
            return None
        if match.rule.cameo[:2] == "03" and any(c.lemma_.lower() in cues()["account_noun"] for c in _given(token)):
            return None  # "offered the troop estimate", "the justification he offered": information, no promise
        if lemma in self.guards["stepping_back"] and _person_steps_back(token, ew):
            return None  # "Bayes withdrew in March", "Hunter retreated to New Mexico": no forces pulled back
        if lemma in self.guards["directed"] and not _directs_someone(token, ew):
            return None  # "ordered three days of mourning", "ordered bigger packages": no one is told to act
        if lemma in self.guards["own_act"] and not (_helps_someone(token, ew) or self._helps_with_an_act(token)):
            return None  # "helped broker a deal": a hand in one's own act, not aid to anyone
        if lemma in self.guards["proposal"] and not _proposes(token):
            return None  # "scientists suggested the drug may help", "suggested he would not run": a view, a hint
        if lemma in self.guards["opinion"] and any(_a_view(c) for c in token.children):
            return None  # "he agreed the shooting was an attack": a view shared, not a promise
        if lemma in self.guards["warning"] and not _warns_someone(token, ew):
            return None  # "warned of a civil war", "warned that the delay could be a threat": an alarm
        if lemma in self.guards["endanger"] and _by_a_thing(token, ew):
            return None  # "reckless attacks have threatened freedom of navigation": a danger, no threat made
        if lemma in self.guards["concur"] and not _agrees_on_something(token):
            return None  # "the governor agreed, saying ...": a view shared
        return None if self._in_other_words(lemma, token, ew) else match

    def _helps_with_an_act(self, verb: Token) -> bool:
        """Whether an offered hand is with a task on an act the lexicon names ("ready to help monitor the
        truce"), not with one's own business ("to help commemorate the anniversary", "to help pass the bill")."""
        return infinitive(verb) and any(
            (o.lemma_.lower(), "NOUN") in self.rules
            for c in verb.children
            if c.dep_ == "xcomp"
            for o in c.children
            if o.dep_ == "dobj"
        )

    def _in_other_words(self, lemma: str, token: Token, ew: Coded) -> bool:
        """Whether a word of asking, striking or appealing says something else here."""
        if lemma in self.guards["attract"] and _attracts(token, ew):
            return True  # "appealing to minority voters", "appeals to middle class voters": liked, not asked
        annulled = lemma in self.guards["annulled"] and _annulled(token, ew)
        if annulled or (lemma in self.guards["retort"] and _retorts(token)):
            return True  # "the ban was struck down by the courts", "Carson shot back: ...": no blow struck
        if lemma in self.guards["question"] and asks_a_question(token):
            return True  # "asked you about your heritage", "asked whether talks would resume": a question
        return lemma in self.guards["court"] and self._in_court(token)  # "pleaded guilty": a plea to a court

    def _no_such_act(self, code: str, token: Token) -> bool:
        """Whether what the act is about shows it is no act of its code's kind."""
        made_ready = [c for c in token.children if c.dep_ == "dobj"] + (
            [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if token.pos_ == "NOUN"
            else []
        )
        if code.startswith("15") and any(c.lemma_.lower() in self.guards["civil_means"] for c in made_ready):
            return True  # "mobilizing private investment", "the deployment of renewable energy": no force made ready
        if code.startswith("08") and self._from_candidacy(token):
            return True  # "withdrew her name from consideration", "pulled out of the race": a candidate quits
        faced = token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in self.guards["faced"]
        if faced and code.startswith("13"):
            return True  # "to counter the al-Shabaab terrorist threat": a danger faced, not a threat made
        return code[:2] in DISASTER_ROOTS and any(
            t.lemma_.lower() in self.guards["disaster"]
            for t in token.subtree
            if t.i != token.i and t.pos_ != "VERB" and not (t.dep_ == "compound" and t.head.ent_type_ in {"GPE", "LOC"})
        )  # "a flood warning", "an emergency over the wildfires"; not "threatened to let refugees flood Europe"

    def _called(self, token: Token, said: list[Token]) -> Match | None:
        """What calling something by a name or quality is: blame or praise by the words of the name ("called the
        U.S. move frankly insulting", "called Biden a decent man"), else nothing done ("called Antifa an idea")."""
        for rule in self.rules.get((token.lemma_.lower(), "VERB"), ()):
            for kind in rule.objects & DESCRIPTIONS:
                name = next((p for p in said if _name_words(p) & self.classes[kind]), None)
                if name is not None:
                    return Match(token, rule, name, False)
        return None

    def _from_candidacy(self, token: Token) -> bool:
        """A withdrawal from a race, a nomination or consideration: no yielding to anyone."""
        preps = [c for c in token.children if c.dep_ in {"prep", "prt"} and c.lower_ in {"from", "out"}]
        preps += [p for c in preps for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]  # "out of"
        objects = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        return any(o.lemma_.lower() in self.guards["candidacy"] for o in objects)

    def _in_court(self, token: Token) -> bool:
        """A plea or appeal in court: one naming a verdict or charge ("pleaded not guilty", "appealed the
        conviction"), or one addressed to no one for nothing ("the office intends to appeal")."""
        words = self.guards["court_word"]
        near = [c for c in token.children] + [p for c in token.children if c.dep_ == "prep" for p in c.children]
        if any(t.lemma_.lower() in words for t in near):
            return True
        addressed = {"to", "for", "on", "upon", "with"}
        return not any(
            c.dep_ in {"dobj", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ in addressed) for c in token.children
        )

    def _row(self, token: Token, ew: Coded) -> Match | None:
        """The most specific row the token fits, or None."""
        pos = POS.get(token.pos_)
        if pos is None or (token.pos_ == "PROPN" and not token.is_lower):  # "Pillow Talk" is a title
            return None
        for rule in self.rules.get((token.lemma_.lower(), pos), ()):
            if rule.particle and not has_particle(token, rule.particle):
                continue
            phrasal = f"{rule.lemma} {rule.particle}" in self.guards["phrasal"]
            if phrasal and _particle_object(token, rule):
                continue  # "the support we can give countries in Central America": no giving in
            if not rule.objects:
                return Match(token, rule, None)
            carrier = next((o for o in object_heads(token, rule.particle) if self._fits(rule, o, ew, token)), None)
            if carrier is not None:
                # what is got is owned by the other side; what is sunk or destroyed is harmed, not moved;
                # forces trained are served
                unmoved = cues()["acquire"] | cues()["receiving"] | cues()["tending"]
                unmoved |= cues()["harm"] if pos == "VERB" else set()
                moved = carrier.lemma_.lower() in self.themes or ENVOYS in rule.objects
                theme = moved and token.lemma_.lower() not in unmoved
                return Match(token, rule, carrier, theme)
        return None

    def _fits(self, rule: Rule, head: Token, ew: Coded, trigger: Token) -> bool:
        lemma = head.lemma_.lower()
        for wanted in rule.objects:
            if wanted in {ACTOR, PRONOUN} and head.dep_ == "pobj" and rule.particle is None:
                continue  # an actor object is a direct one: "called Macron", not "called on Macron"
            if head.dep_ == "dative" and wanted not in {ACTOR, PRONOUN}:
                continue  # the dative receives: "sent the police a plan" sends no police
            if rule.particle is None and head.head.lower_ in DESTINATION_PREPS and head.head.head == trigger:
                continue  # where to, not what: "the rocket stage returned to a drone ship"
            if (
                wanted == lemma
                or (wanted == ACTOR and (head.i in ew.actor_of_token or _named_by_apposition(head, ew)))
                or (wanted == PRONOUN and head.pos_ == "PRON" and not _a_person_for_a_thing(head, rule))
                or (wanted == PLACE and _a_place(head))  # "hit Kharkiv"
                or (wanted == NAME and _untagged_name(head))
                or lemma in self.classes.get(wanted, ())
            ):
                return True
        return False


def _a_person_for_a_thing(pronoun: Token, rule: Rule) -> bool:
    """Whether a personal pronoun stands where the row wants goods: "sent them" sends goods, "delivered her
    remarks" (the possessive misread as the object) delivers none; "he was airlifted" moves a person, where the
    row also takes actors."""
    return pronoun.lower_ in PERSONAL and bool(rule.objects & {"@aid", "@goods"}) and ACTOR not in rule.objects


def _particle_object(token: Token, rule: Rule) -> bool:
    """Whether the row's particle, attached to the token, has an object of its own."""
    return any(
        c.lower_ == rule.particle and any(p.dep_ in {"pobj", "pcomp"} for p in c.children) for c in token.children
    )


def has_particle(token: Token, particle: str) -> bool:
    """Whether the particle of a row attaches to the token; a time is none ("called Macron on Tuesday" is a
    call, not "called on" him), nor a phrase put before the verb ("With tears in her eyes, she stood")."""
    words = particle.split()
    if any(
        c.dep_ in {"prt", "prep", "agent", "advmod", "dative"}
        and c.lower_ == words[0]
        and (c.i > token.i or any(p.lower_ in cues()["relative"] for p in c.children))  # "with which X agreed"
        and not _of_time(c)
        for c in token.children
    ):
        return True
    following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 1 + len(words)]]
    timed = any(c.i == token.i + 1 and _of_time(c) for c in token.children)  # "was fired on May 9"
    return following == words and not timed


def _name_words(name: Token) -> set[str]:
    """The words of a name and the qualities given with it ("a decent man", "a clown, a racist and the worst
    president", "insulting and unacceptable"), not those of clauses inside it ("despite threats")."""
    heads = [name, *name.conjuncts, *(c for c in name.children if c.dep_ == "appos")]
    return {t.lemma_.lower() for h in heads for t in [h, *(c for c in h.children if c.dep_ in {"amod", "advmod"})]}


def _of_time(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def told_to_act(verb: Token) -> bool:
    """ "told Chinese media to slash their staff": someone addressed and an act for them to do."""
    children = list(verb.children)
    return any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "xcomp" and infinitive(c) for c in children)


def _owed_by_another(clause: Token, ew: Coded) -> bool:
    """ "that Iran should return": a clause saying what an actor named (not "we", "they", nor "the focus")
    ought to do."""
    owed = any(c.dep_ == "aux" and c.lower_ in cues()["obligation"] for c in clause.children)
    named = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}]
    return owed and any(c.i in ew.actor_of_token for c in named)


def _wanted_of_another(clause: Token, ew: Coded) -> bool:
    """ "the White House to lift the tariffs": an act wanted of an actor named (not of "them" or "it"; not a
    state of affairs: "want women to have control", "wanted Rice to be there")."""
    to = infinitive(clause) and clause.lemma_ not in STATES_OF_AFFAIRS
    named = [c for c in complement_doers(clause) if c.pos_ in {"PROPN", "NOUN"}]  # "would like *Russia* to"
    return to and any(c.i in ew.actor_of_token for c in named)


def defends_itself(verb: Token) -> bool:
    """ "Ukraine defended itself": a self-defence verb (``guards.tsv``) with a reflexive object."""
    reflexive = any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)
    return reflexive and verb.lemma_.lower() in guards()["self_defence"]


def _made(verb: Token) -> set[str]:
    """What a verb makes its object ("as"): "designated X as minister", also where the parse hangs "as" on X."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return {
        p.lemma_.lower()
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
        if p.dep_ == "pobj"
    }


def object_heads(token: Token, particle: str | None = None) -> list[Token]:
    """What a lexicon row's ``objects`` may name: direct and prepositional objects (and a passive subject), the
    verb of a complement ("refused to meet"), the noun a passive participle modifies ("goods sent to Russia"),
    and for a noun or adjective trigger its modifiers ("air strike") or the object of its particle."""
    heads = []
    colon = next((c.i for c in token.children if c.lower_ == ":" and c.dep_ == "punct" and c.i > token.i), None)
    listed = colon is not None and any(c.dep_ == "dobj" and token.i < c.i < colon for c in token.children)
    for child in token.children:
        if listed and child.dep_ == "dobj" and child.i > colon:
            continue  # "received the nomination over two contenders: candidate X and Y": a list, no object
        if child.dep_ in OBJECTS or child.dep_ in PASSIVE_SUBJECTS or child.dep_ in {"xcomp", "ccomp"}:
            relative = child.tag_ in RELATIVE_PRONOUNS and token.dep_ == "relcl"
            heads.append(token.head if relative else child)  # "the speeches that he's delivered": speeches
            heads.extend(child.conjuncts)
        elif child.dep_ in {"prep", "agent", "prt", "dative"} and (
            particle is None or child.lower_ == particle or token.pos_ == "VERB"
        ):  # the verb of a particle's clause counts only for that particle ("accused X of spying")
            heads.extend(
                c
                for c in child.children
                if (c.dep_ == "pobj" and not _framing_as(child, c, particle))
                or (c.dep_ == "pcomp" and child.lower_ == particle)
            )
        elif token.pos_ != "VERB" and child.dep_ in {"compound", "amod"} and particle is None:
            heads.append(child)  # "air strike"; with a particle only its object: "the U.S. commitment to X"
    if (token.dep_ == "acl" and token.tag_ == "VBN") or misread_subject(token) is not None:
        heads.append(token.head)  # "goods sent to Russia"; "ECOWAS imposed sanctions" misread
    if not heads and (misread := misread_object(token)) is not None:
        heads.append(misread)  # "killed top Iranian general Qassem Soleimani, militants have ..." misread
    if token.pos_ == "VERB":
        objects = [h for h in heads if h.dep_ in OBJECTS]
        heads += [  # "dispatched a ship carrying supplies": the cargo
            o
            for h in objects
            for acl in h.children
            if acl.dep_ == "acl" and acl.lemma_.lower() in cues()["carrying"]
            for o in acl.children
            if o.dep_ == "dobj"
        ]
    quantities = framed(heads, cues()["quantity"] | {"one"})  # "an amount of aid", "one of its waves of strikes"
    if token.pos_ == "VERB":
        heads += [  # "imposed export controls", "used chemical weapons", "hundreds of artillery rounds"
            m
            for h in [*objects, *quantities]
            if h.lemma_.lower() not in cues()["account_noun"]  # "offered the troop estimate": no troops offered
            for m in h.children
            if m.dep_ == "compound" or (m.dep_ == "amod" and m.lemma_.lower() in cues()["weapon_kind"])
        ]
    return [h for h in heads + quantities if h.ent_type_ not in TIMES]  # "held since early March": no march


def _framing_as(prep: Token, noun: Token, particle: str | None) -> bool:
    """ "as part of our effort", "as a sign of support": a frame around the act, not its object."""
    return (
        prep.lower_ == "as" and particle != "as" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def framed(nouns: list[Token], frames: frozenset[str] | set[str]) -> list[Token]:
    """The nouns that frame nouns hold through "of", two deep: "a package of sanctions", "one of its heaviest
    waves of strikes" (``frames``: the lemmas that frame)."""
    found, level = [], nouns
    for _ in range(2):
        level = [
            p
            for h in level
            if h.lemma_.lower() in frames
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        found += level
    return found


def _untagged_name(head: Token) -> bool:
    """A proper name the NER left untagged, heading its phrase ("release Pablo Emilio Moncayo"; not "the CentOS
    replacement", nor a title in quotation marks: 'released a "Strategic Approach to China"')."""
    edge = head.left_edge.i
    quoted = any(t.is_quote for t in head.doc[max(edge - 1, 0) : edge + 1])
    return head.pos_ == "PROPN" and not head.ent_type_ and head.dep_ != "compound" and not _a_place(head) and not quoted


def _a_place(head: Token) -> bool:
    """A name the NER calls a place, or a proper name the gazetteer settles ("Kharkiv" the NER missed)."""
    if head.ent_type_ in PLACE_ENTITIES:
        return True
    return head.pos_ == "PROPN" and country_of(proper_name(head).text) is not None


def proper_name(head: Token) -> Span:
    """A proper noun with the proper nouns compounded before it ("Kryvyi Rih")."""
    start = min((c.i for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"), default=head.i)
    return head.doc[start : head.i + 1]


def _helps_someone(token: Token, ew: Coded) -> bool:
    """Whether a verb of helping is aid to someone: one named in its object or complement ("helped Ukraine
    rebuild", "helped establish an Afghan government", "helped them"), or the purpose of another act ("sent
    doctors to help"); not "helped broker a deal" nor "stopped in Poland to help commemorate the anniversary"."""
    parts = [c for c in token.children if c.dep_ in {"dobj", "dative", "xcomp", "ccomp"}]
    if infinitive(token) and not any(c.dep_ == "xcomp" for c in parts):
        return True  # (but "to help commemorate": a task shared, with no one helped)
    named = [  # the object, or the complement's subject or object: not "helped broker a deal between X and Y"
        t
        for part in parts
        for head in [part, *(c for c in part.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"})]
        for t in [head, *head.conjuncts]
    ]
    return any(t.pos_ == "PRON" or t.i in ew.actor_of_token for t in named)


def summing_up(noun: Token) -> bool:
    """Whether a noun sums up the act told before it as a message: ", a veiled warning to India", "— a signal to
    Moscow", ", in a rebuke to Beijing"."""
    doc = noun.doc
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues()["message_noun"]:
        return False
    start = noun.left_edge.i
    if doc[start].lower_ not in {"a", "an"} or start == 0:
        return False
    before = doc[start - 1]
    framed_in = before.lower_ == "in" and noun.dep_ == "pobj" and start > 1 and doc[start - 2].text in {",", "—", "–"}
    return before.text in {",", "—", "–"} or framed_in


def _in_office_name(token: Token, ew: Coded) -> bool:
    """An event noun that names what an office holder is for ("the US special envoy for Ukraine negotiations",
    "the UN envoy for Syria talks"): the title's noun is part of a person's mention."""
    title = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "for" else None
    if title is None or title.pos_ != "NOUN" or token.pos_ != "NOUN":
        return False
    actor = ew.actor(ew.actor_of_token[title.i]) if title.i in ew.actor_of_token else None
    return actor is not None and actor.type == "person"


def _directs_someone(token: Token, ew: Coded) -> bool:
    """Whether an order is given to someone: a clause says who is to act ("ordered troops to withdraw", "ordered
    the flags be lowered") or an actor is its object or whom it is asked "from" ("ordered the army into Gaza",
    "ordered heightened alert from troops"); not a thing ordered ("ordered a new trial")."""
    if any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
        return True
    heads = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
    heads += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children]
    heads += framed(heads, cues()["quantity"])  # "ordered tens of thousands of federal employees back to work"
    return any(
        t.pos_ == "PRON" or t.i in ew.actor_of_token or t.lemma_.lower() in cues()["forces"]
        for head in heads
        for t in (head, *head.conjuncts)
    )


def _a_quality(token: Token) -> bool:
    """A present participle used as an adjective: "seemed promising", "a threatening tone" (no act)."""
    linked = token.dep_ == "xcomp" and token.head.lemma_.lower() in LINKING
    return token.tag_ == "VBG" and (token.dep_ in {"amod", "acomp", "oprd"} or linked)


def _person_steps_back(token: Token, ew: Coded) -> bool:
    """Whether a person withdraws from nothing named: a candidate quits or a man moves house; a retreat pulls
    back forces or leaves a place ("withdrew its troops", "pulled out of Kherson")."""
    if any(
        c.dep_ == "dobj" or (c.dep_ in {"prep", "prt"} and c.lower_ in {"from", "out", "back"}) for c in token.children
    ):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj":  # "sought the nomination but withdrew"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return any(
        ((actor := ew.actor_at(s)) is not None and actor.type == "person") or s.ent_type_ == "PERSON" for s in subjects
    )


def _warns_someone(token: Token, ew: Coded) -> bool:
    """Whether a warning is a threat: addressed to an actor ("warned Iran", "a warning to Beijing") or saying
    what is to come ("warned that it would retaliate"), not an alarm ("warned of a civil war")."""
    carrier = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token  # "gave Putin a warning"
    heads = [c for t in {token, carrier} for c in t.children if c.dep_ in {"dobj", "dative"} and c != token]
    heads += [  # "a warning to Beijing", "sent a warning to Iran"
        p
        for t in {token, carrier}
        for c in t.children
        if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "against"}
        for p in c.children
    ]
    clauses = [c for c in token.children if c.dep_ in {"ccomp", "xcomp", "acl"}]  # "a warning that it would"
    if any(t.i in ew.actor_of_token for h in heads for t in [h, *h.conjuncts]):
        return not any(_about_another(c, token, heads, ew) for c in clauses)
    to_come = cues()["future"] | cues()["conditional"]  # (not "warned that moderators would be unacceptable", but
    return any(  # "that Russia's response would be harsh if attacks continued": a condition set on the warned)
        a.dep_ == "aux" and a.lower_ in to_come
        for c in clauses
        if c.lemma_ != "be" or _on_condition(c)
        for a in c.children
    )


def _on_condition(clause: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in clause.children
    )


def someones(noun: Token) -> bool:
    """A noun of someone's relation or role: "his counterpart", "Trump's lawyer", "the CNN anchor", "the EU
    members", "rivals" (not "a familiar roadblock")."""
    owned = any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)
    return owned or noun.lemma_.lower() in cues()["relational"]


def apposed(noun: Token) -> list[Token]:
    """The phrases apposed to a noun, also a name the parse hung on the verb after a comma ("criticized his
    rival, Senator Ted Cruz, on Monday": "Cruz" an adverbial of "criticized")."""
    found = [c for c in noun.children if c.dep_ == "appos"]
    after = noun.right_edge.i + 1
    if not found and noun.dep_ == "dobj" and after < len(noun.doc) and noun.doc[after].text == ",":
        found = [
            c for c in noun.head.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.left_edge.i == after + 1
        ]
    return found


def _named_by_apposition(noun: Token, ew: Coded) -> bool:
    """ "met his counterpart, Chinese President Xi Jinping": someone's relation an actor's name is apposed to
    (not "hit a familiar roadblock: Republicans")."""
    named = any(c.i in ew.actor_of_token for c in apposed(noun))
    return noun.pos_ == "NOUN" and named and someones(noun)


def _about_another(clause: Token, warner: Token, warned: list[Token], ew: Coded) -> bool:
    """Whether what a warning says is about someone who is neither warner nor warned: "warned the
    administration that Giuliani could be a conduit" (an alarm; not "warned Iran that it would pay a price")."""

    def state(t: Token) -> str | None:  # "Biden warned Putin that the United States would": one side
        actor = ew.actor_at(t)
        return (actor.country or actor.code or actor.id) if actor is not None else None

    verb = warner
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "Putin ordered a mobilisation and warned the West that Moscow ...": Putin warns
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    sides = {state(t) for t in [*warned, *(c for c in verb.children if c.dep_ == "nsubj")]} - {None}
    named = [state(s) for s in subjects if s.pos_ == "PROPN" or ew.actor_at(s) is not None]  # not "our targets"
    return bool(named) and all(a not in sides for a in named)


def given_up_acts(verb: Token, guards: dict[str, frozenset[str]]) -> list[Token]:
    """The acts of the plans a verb gives up: "dropped plans to *impose* tariffs", "scrapped its threat to
    *expel* the envoys", "the plan to *close* the base was shelved"."""
    if verb.lemma_.lower() not in guards["abandoned"]:
        return []
    return [
        act
        for plan in verb.children
        if plan.dep_ in {"dobj", "nsubjpass"} and plan.lemma_.lower() in guards["plan_noun"]
        for act in plan.children
        if act.dep_ in {"acl", "xcomp"} and act.pos_ == "VERB"
    ]


def _plan_given_up(token: Token, guards: dict[str, frozenset[str]]) -> bool:
    """Whether an act (or the object of its verb: "plans to impose *tariffs*") is what a plan given up was to do."""
    act = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
    return act in given_up_acts(act.head.head, guards)


def _named_as(verb: Token) -> list[Token]:
    """The name the parse hangs on the object as an apposition without a comma ("called Kishida his friend"),
    not an apposition set off by one ("called Kishida, his counterpart"), or as an adjective after it ("called
    Trump's order swift and decisive")."""
    return [
        a
        for obj in verb.children
        if obj.dep_ == "dobj"
        for a in obj.children
        if a.i > obj.i
        and (
            (a.dep_ == "appos" and a.pos_ == "NOUN" and a.doc[a.left_edge.i - 1].text != ",")
            or (a.dep_ == "amod" and a.pos_ == "ADJ" and a.i == obj.i + 1)
        )
    ]


def _in_compound_modifier(token: Token, ew: Coded) -> bool:
    """An adjective or "-ing" participle joined by a hyphen to a word that names no actor, or a past participle
    joined to an adverb: "life-threatening", "well-funded" (not "Iran-backed", "date-raped")."""
    doc, i = token.doc, token.i
    return (
        i >= 2
        and (token.tag_ in {"VBG", "JJ"} or (token.tag_ == "VBN" and doc[i - 2].pos_ == "ADV"))
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and i - 2 not in ew.actor_of_token
    )


def _by_a_thing(verb: Token, ew: Coded) -> bool:
    """Whether a verb's subject (or a passive's agent) is a thing, not an actor ("the attacks threatened ...",
    "activities that threaten ...", "could be threatened by contact with X"; not "Russia threatened ...", "it
    threatened ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "relcl" and all(s.lower_ in {"that", "which"} for s in subjects):
        subjects = [verb.head]
    return bool(subjects) and all(s.pos_ == "NOUN" and s.i not in ew.actor_of_token for s in subjects)


def _agrees_on_something(token: Token) -> bool:
    """ "agreed to a ceasefire", "agreed on maritime borders", "agreed with the NCAA", "agreed that talks would
    resume", "Israel and Hamas agreed", a nominal "agreement"; not "Carroll agreed and cautioned ..." (concurring
    with no one named)."""
    if token.pos_ != "VERB" or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in token.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in {"to", "on", "upon", "over", "in", "with"} for c in token.children):
        return True
    together = any(c.dep_ in {"nsubj", "nsubjpass"} and c.conjuncts for c in token.children)  # "X and Y agreed"
    return together or token.dep_ in {"xcomp", "acl", "relcl"}


def _attracts(verb: Token, ew: Coded) -> bool:
    """Whether "appeal to" is liked by people, not asked of anyone: a verb with no act asked ("to intervene",
    "for calm") whose "to" names civilians or no actor ("appealing to minority voters", "appeals to the religious
    Right"; not "appealed to the UN", "appealed to Sanders", "appealed to citizens to stay home")."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    to = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    actors = [ew.actor(ew.actor_of_token[t.i]) for t in to if t.i in ew.actor_of_token]
    return bool(to) and all(a.sector == "CVL" for a in actors)


def _annulled(verb: Token, ew: Coded) -> bool:
    """Whether "struck down" or "shot down" is done to a thing (a law, a ban, an argument), not to an actor or a
    person."""
    if not has_particle(verb, "down"):
        return False
    done_to, clause = [], verb
    for _ in range(3):  # "was withdrawn after being struck down": the ban, the subject of the clause it hangs on
        done_to = [c for c in clause.children if c.dep_ in {"dobj", "nsubjpass"}]
        if done_to or clause.head == clause:
            break
        clause = clause.head
    quantity = cues()["quantity"]  # "shot down all of the arguments": the arguments
    done_to = [t for t in done_to + framed(done_to, quantity) if t.lemma_.lower() not in quantity]
    craft = knowledge().equipment.keys() | cues()["craft"]  # "shot down a helicopter": someone's craft, violence
    return bool(done_to) and all(
        t.pos_ == "NOUN" and t.i not in ew.actor_of_token and t.lemma_.lower() not in craft for t in done_to
    )


def _as_opposed_to(token: Token) -> bool:
    """ "as opposed to": a connective meaning "rather than"."""
    doc = token.doc
    return (
        token.lower_ == "opposed"
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].lower_ == "as"
        and doc[token.i + 1].lower_ == "to"
    )


def _as_shown(verb: Token) -> bool:
    """ "a commitment, as demonstrated through its leadership": a subjectless "as" clause, a passive whose object
    is the clause it hangs on."""
    children = {(c.dep_, c.lower_) for c in verb.children}
    return verb.dep_ == "advcl" and ("mark", "as") in children and not any(d.startswith("nsubj") for d, _ in children)


def _in_sourcing(token: Token, guards: dict[str, frozenset[str]]) -> bool:
    """Whether a word belongs to the formula that says how a report's unnamed source may speak ("an official who
    was not authorized to discuss the talks", "who insisted on anonymity to discuss them", "speaking on condition
    of anonymity"): no act of the source's. Climbs the clauses the word is the purpose or complement of; an
    authorization counts only as a passive with no one authorized by it and a word of speaking under it
    ("the council is authorized to impose sanctions" is an act)."""
    words = guards["sourcing"] | guards["authorized"]
    if not any(t.lemma_.lower() in words for t in token.sent):
        return False  # (most sentences: no climb)
    node = token
    for _ in range(4):
        if any(t.lemma_.lower() in guards["sourcing"] for t in [node, *_asked_for(node)]):
            return True
        if (
            node.lemma_.lower() in guards["authorized"]
            and node is not token
            and token.lemma_.lower() in guards["sourced_talk"]
            and not any(c.dep_ == "dobj" for c in node.children)
        ):
            return True
        if node.dep_ not in {"xcomp", "advcl", "acl", "pobj", "prep"}:
            return False
        node = node.head
    return False


def _asked_for(verb: Token) -> list[Token]:
    """What a verb asks for or is done on: its object, and the objects of its prepositions and theirs ("insisted on
    anonymity", "spoke on condition of anonymity"), not whole clauses ("according to officials who ...")."""
    first = [c for c in verb.children if c.dep_ == "dobj"] + _prep_objects(verb)
    return first + [p for o in first for p in _prep_objects(o)]


def _prep_objects(token: Token) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]


def _retorts(verb: Token) -> bool:
    """Whether "shot back", "fired back" or "hit back" comes with what was said: a clause ("shot back that ..."),
    a quote or colon right after it, or a saying ("fired back, saying ...")."""
    from ..quotes.lexicon import CUE_LEMMAS  # here: the quotes package imports this stage

    if not has_particle(verb, "back"):
        return False
    said = any(c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.lemma_.lower() in CUE_LEMMAS) for c in verb.children)
    after = verb.doc[verb.i + 2 : verb.i + 4]  # "shot back: ...", "shot back, “..."
    return said or (len(after) > 0 and (after[0].text == ":" or any(t.is_quote for t in after)))


def _proposes(verb: Token) -> bool:
    """Whether a suggestion asks for something: a thing to do ("suggested talks"), an act ("suggested expanding
    the Court") or what someone should do ("that the president should sign", "that he resign")."""
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
    if not clauses:  # (an object beside a clause is a misparse: "suggested X might be spared, a shift that ...")
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
    for c in clauses:
        subjects = [s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        auxiliaries = {a.lower_ for a in c.children if a.dep_ in {"aux", "auxpass"}}
        if (c.tag_ == "VBG" and not subjects) or auxiliaries & cues()["obligation"]:
            return True
        singular = any(s.tag_ in {"NN", "NNP"} or s.lower_ in {"he", "she", "it"} for s in subjects)
        if subjects and not auxiliaries and (c.tag_ == "VB" or (c.tag_ == "VBP" and singular)):
            return True  # the subjunctive: "suggested that he resign", "that Germany withdraw"
    return False


def _a_view(clause: Token) -> bool:
    """A clausal complement that states how things are ("that the shooting was an attack"), not an act to come
    ("that talks would resume", "to withdraw")."""
    subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
    if clause.dep_ != "ccomp" or not (subject or clause.tag_ in {"VBZ", "VBP"}):  # "agreed the legitimacy depends"
        return False
    to_come = cues()["future"] | cues()["conditional"] | cues()["obligation"]
    return not any(c.dep_ == "aux" and c.lower_ in to_come for c in clause.children)


def _given(verb: Token) -> list[Token]:
    """What a verb of giving gives: its object, or the noun its relative clause leaves the object out of ("the
    justification the President offered")."""
    return [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if object_gap(verb) else [])
