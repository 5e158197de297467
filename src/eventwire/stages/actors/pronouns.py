"""Pronouns: "he"/"she" → the person the passage is about; "it", "its", "they", "their" → the country,
organisation or group the clause is about ("Chile said it would recall its ambassador": both are Chile);
"them" → the group named before it.

Runs after the actors are made, on the token → actor index, so that a pronoun resolved earlier in a sentence
("it") can stand for its antecedent later in the sentence ("its").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...lang import TIMES, clause_verb, fold, met_read_as_subject, zero_relative
from .groups import INSURGENTS, ORGANS
from .people import addressed, standing_fields
from .resolution import REACH, SUBJECTS, Resolution, actor_fields

PERSONAL = {"he", "she", "him", "her", "his"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
SINGULAR = {"it", "its"}
PLURAL = {"they", "their"}
STATES = SINGULAR | PLURAL
COPULAS = {"be", "seem", "appear", "remain", "become", "look"}  # "it is unclear whether": no referent
COMPLEMENTS = {"ccomp", "xcomp", "advcl", "pcomp"}  # "said it would", "agreed that it will"
CLIMB = COMPLEMENTS | {"conj", "relcl", "acl"}
BLAME_PREPS = {"for", "over", "of"}  # "condemned Russia for its strikes": the reason, the object its owner
# verbs whose "on" phrase is the reason too ("commended Kishida on his efforts"; "briefed X on his talks" is the
# briefer's)
PRAISED_ON = {"congratulate", "commend", "praise", "compliment", "applaud", "hail", "laud", "fault", "press"}
VOICE = {"we", "us", "our", "ours"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
HONORIFIC_WORDS = {"MR", "MS", "MRS", "DR"}
SILENT_TURNS = {"Q", "MODERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AIDE", "OPERATOR", "PARTICIPANT", "REPORTER"}
# a title naming one author whose "I" the text is: "Statement from President Joe Biden on ...", "Remarks by the
# Vice President at ...", "Letter from President Biden to ..."
AUTHORED = re.compile(
    r"^(?:Statement|Remarks|Message|Letter|Op-Ed)\b[^:]*?\b(?:from|by)\s+(?P<author>.+?)"
    r"(?:\s+(?:on|at|to|regarding|before|after|in|for|upon|celebrating|honoring|marking)\b|[,:;(]|$)",
    re.IGNORECASE,
)
# ... or named before the kind of text: "President Biden Statement on ...", "Presidential Message on ..." (the
# President of the day)
AUTHOR_FIRST = re.compile(
    r"^(?P<author>Presidential|(?:President|Vice President|First Lady)\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)"
    r"(?:[’']s)?\s+(?:Statement|Remarks|Message|Letter)\b"
)
# a speaker's turn in a transcript: "THE PRESIDENT: ", "MS. JEAN-PIERRE: ", a reporter's "Q "
TURN = re.compile(r"(?m)^[ \t]*(Q(?=[ \t])|[A-Z][A-Z .'’\-ÁÉÍÓÚÑÇÃÕÂÊÔ]{2,39}(?=:[ \t]))")


def link_personal_pronouns(res: Resolution) -> None:
    """ "he"/"she"/"his"/"her" → the most salient person of the last few sentences: the one the text is about
    (mentioned most, as a subject) rather than merely the last name mentioned, of the pronoun's gender where
    the text tells a person's ("Mrs. X", an earlier "he" for them); a possessive, the subject of its clause."""
    ew, doc = res.ew, res.doc
    people = [  # not a speaker's "I": "he" in a question to the president is someone else
        (s, e, a) for s, e, a in ew.mention_spans if res.by_id[a].type == "person" and doc[s].lower_ not in FIRST_PERSON
    ]
    genders = _genders(res, people)
    quoted = _quoted(res)
    unnamed = {actor.id for key, actor in res.by_key.items() if key[0] == "group"}  # "a hostage", "the man"
    for token in doc:
        if token.lower_ not in PERSONAL or token.pos_ != "PRON" or token.i in ew.actor_of_token:
            continue
        here = res.sentence_of[token.i]
        recent = [(s, e, a) for s, e, a in people if e <= token.i and here - res.sentence_of[s] <= REACH]
        if not recent:
            continue
        gender, own_subject = PRONOUN_GENDER[token.lower_], _own_subjects(res, token) | _speakers(res, token, quoted)
        candidates = [
            a
            for a in dict.fromkeys(a for _, _, a in recent)
            if genders.get(a, gender) == gender and a not in own_subject
        ]
        if not candidates:
            continue  # "she" after only men: someone the actors stage does not know
        before = [(s, e, a) for s, e, a in people if e <= token.i]
        actor_id = (
            _praised(res, token, candidates)
            or _clause_subject(res, token, candidates)
            or _reporter(res, token, candidates)
            or _named_in_sentence(res, token, candidates, recent)
            or _modified_clause_subject(res, token, candidates)
            or _coordinated_clause_subject(res, token, candidates)
            or _fronted_clause_subject(res, token, candidates)
            or _continued(res, token, candidates)
            or max(candidates, key=lambda a: _salience(doc, before, a, a not in unnamed))
        )
        ew.add_mention(res.by_id[actor_id], doc[token.i : token.i + 1])
        if token.dep_ in SUBJECTS:  # a subject tells the gender; a possessive may be anyone's
            genders.setdefault(actor_id, gender)
        people.append((token.i, token.i + 1, actor_id))
        people.sort()


def _own_subjects(res: Resolution, pronoun: Token) -> set[str]:
    """The actors an object pronoun cannot stand for: the subject of its own verb, also one shared with a verb
    before ("Sirhan shot him": not Sirhan, who would be "himself")."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if pronoun.dep_ not in {"dobj", "dative", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return set()
    for _ in range(4):
        if met_read_as_subject(verb):
            verb = verb.head  # "spoke with X to congratulate him": him is X, not the one who spoke
            continue
        if any(c.dep_ in SUBJECTS for c in verb.children) or verb.head == verb:
            break
        if verb.dep_ == "conj":
            verb = verb.head  # "he had spoken to X and thanked him": the shared subject
        elif verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VB"}:
            verb = verb.head  # "X called Y, urging him to ...": the participle's subject is X
        else:
            break
    subjects = (c.i for c in verb.children if c.dep_ in SUBJECTS)
    return {a for i in subjects if (a := res.ew.actor_of_token.get(i))}


def _speakers(res: Resolution, pronoun: Token, quoted: list[tuple[int, int]]) -> set[str]:
    """The people a pronoun in a quotation cannot stand for: its speakers, the subjects of the sentences the
    quotation opens or closes in, outside any quotation ('Schumer said: "We told the president. He resisted."');
    for a quotation with no speaker of its own, those of the quotation just before it, which it continues
    ('"Trump treats the law with contempt," said Becerra. "He knows there is no crisis."': not Becerra)."""
    quote = next(((o, c) for o, c in quoted if o <= pronoun.idx < c), None)
    if quote is None:
        return set()
    doc = res.doc
    ends = (doc.char_span(i, i + 1, alignment_mode="expand") for i in (quote[0], quote[1] - 1))
    sentences = {span[0].sent for span in ends if span is not None and len(span)}
    speakers = {
        actor_id
        for sentence in sentences
        for t in sentence
        if t.dep_ in SUBJECTS
        and not any(o <= t.idx < c for o, c in quoted)
        and (actor_id := res.ew.actor_of_token.get(t.i)) is not None
    }
    first = min(sentences, key=lambda s: s.start) if sentences else None
    before = [(o, c) for o, c in quoted if c <= quote[0]]
    if speakers or first is None or first.start == 0 or not before:
        return speakers
    previous = doc[first.start - 1].sent
    if not (previous.start_char <= before[-1][0] < previous.end_char):
        return speakers  # no quotation in the sentence just before: a quotation of its own
    opening = doc.char_span(before[-1][0], before[-1][0] + 1, alignment_mode="expand")
    return _speakers(res, opening[0], quoted) if opening is not None and len(opening) else speakers


def _praised(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "The President commended Prime Minister Kishida on his efforts", "thanked X for his leadership": the
    person praised or blamed, not the subject."""
    found = [a for o in _reason_objects(pronoun) if (a := res.ew.actor_of_token.get(o.i)) in candidates]
    return found[0] if found else None


def _clause_subject(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "Mohr discussed his role", "Maduro said his government would ...": a possessive stands for the person
    who is the subject of its clause or of a clause above it."""
    if pronoun.dep_ != "poss":
        return None
    verb = pronoun.head
    for _ in range(6):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and pronoun not in c.subtree]
        found = [a for c in subjects if (a := res.ew.actor_of_token.get(c.i)) in candidates]
        if found or (subjects and verb.pos_ in {"VERB", "AUX"}) or verb.head == verb:
            return found[0] if found else None
        verb = verb.head
    return None


def _reporter(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "Schumer tweeted that he had spoken to X", "Schumer said he told X": the subject of a reported clause
    is the one who reports it (not after "told Y that he ...", where it may be Y); that of a relative clause, the
    person the clauses above it are told of."""
    verb = pronoun.head
    if pronoun.dep_ in SUBJECTS and verb.dep_ == "relcl":  # "the explosion, which he called a terrorist act"
        return _teller(res, verb, candidates)
    if pronoun.dep_ not in SUBJECTS or verb.dep_ != "ccomp" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    reporting = verb.head
    if any(c.dep_ in {"dobj", "dative"} for c in reporting.children):
        return None
    while reporting.dep_ in {"advcl", "conj"} and reporting.tag_ == "VBG" and _subject_actor(res, reporting) is None:
        reporting = reporting.head  # "Biden rejected the idea, saying he would act": Biden says it
    found = _subject_actor(res, reporting) or _relative_subject(res, reporting)
    return found if found in candidates else None


def _relative_subject(res: Resolution, verb: Token) -> str | None:
    """The actor a relative clause's "who" stands for: "Erdogan, who said that he would never declare a
    ceasefire": Erdogan."""
    who = any(c.dep_ in SUBJECTS and c.lower_ in {"who", "that"} for c in verb.children)
    return res.ew.actor_of_token.get(verb.head.i) if verb.dep_ == "relcl" and who else None


def _teller(res: Resolution, clause: Token, candidates: list[str]) -> str | None:
    """The person subject of the nearest clause above a relative clause ("Putin said the strikes were a response to
    the explosion, which he called a terrorist act": Putin)."""
    for token in clause.ancestors:
        found = _subject_actor(res, token) if token.pos_ in {"VERB", "AUX"} else None
        if found in candidates:
            return found
    return None


def _named_in_sentence(res: Resolution, pronoun: Token, candidates: list[str], recent: list) -> str | None:
    """ "continued his bid against Hillary Clinton ... and didn't endorse her", "spoke to X and thanked him": an
    object pronoun stands for the one person its sentence named before it who may be meant."""
    if pronoun.dep_ not in {"dobj", "pobj", "dative"}:
        return None
    start = pronoun.sent.start
    named = {a for s, _, a in recent if s >= start and a in candidates}
    return named.pop() if len(named) == 1 else None


def _fronted_clause_subject(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "When President Putin started this war, he thought ...": the subject of a clause stands for the subject
    of the adverbial clause before it, if that may be the one."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECTS or verb.pos_ not in {"VERB", "AUX"}:
        return None
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < pronoun.i):
        found = _subject_actor(res, clause)
        if found in candidates:
            return found
    return None


def _subject_actor(res: Resolution, verb: Token) -> str | None:
    """The actor a clause's subject names, if one does."""
    return next((a for c in verb.children if c.dep_ in SUBJECTS and (a := res.ew.actor_of_token.get(c.i))), None)


def _modified_clause_subject(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "Bush made six trips, the first two years after he ordered ...", "Rubio left before he could vote": the
    subject of an adverbial clause stands for the subject of the clause it modifies, if that may be the one."""
    if pronoun.dep_ not in SUBJECTS or pronoun.head.dep_ != "advcl":
        return None
    token = pronoun.head.head
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS] if token.pos_ in {"VERB", "AUX"} else []
        if subjects:
            actor_id = res.ew.actor_of_token.get(subjects[0].i)
            return actor_id if actor_id in candidates else None
        if token.dep_ not in {"pobj", "prep", "advcl", "pcomp", "npadvmod"} or token.head == token:
            return None
        token = token.head
    return None


def _coordinated_clause_subject(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "Mr. Putin called the downing a stab in the back, and he warned ...": the subject of a clause joined to
    another stands for that clause's subject, if that may be the one."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECTS or verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    if not subjects or subjects[0].lower_ in FIRST_PERSON | VOICE | {"you"}:
        return None  # "I am clear: Putin started this war, and he could end it": not the speaker
    found = res.ew.actor_of_token.get(subjects[0].i)
    return found if found in candidates else None


def _continued(res: Resolution, pronoun: Token, candidates: list[str]) -> str | None:
    """ "McMaster said ... He added": the main subject of a sentence continues the person the sentence before
    was about (its main subject), however often the passage named someone else."""
    sentence = pronoun.sent
    if pronoun.dep_ not in SUBJECTS or pronoun.head != sentence.root or sentence.start == 0:
        return None
    before = res.doc[sentence.start - 1].sent
    for subject in (c for c in before.root.children if c.dep_ in SUBJECTS):
        actor_id = res.ew.actor_of_token.get(subject.i)
        if actor_id in candidates:
            return actor_id
    return None


def _genders(res: Resolution, people: list[tuple[int, int, str]]) -> dict[str, str]:
    """The gender a person's mentions tell: a word before, in or beside a name ("Mrs. X", "Queen X", "X, the
    spokeswoman"; genders.tsv); the first word found wins."""
    words, doc, found = res.k.genders, res.doc, {}
    for start, end, actor_id in people:
        span = doc[start:end]
        near = [*span, *(doc[start - 1 : start]), *(c for t in span for c in t.children if c.dep_ == "appos")]
        if span.root.dep_ == "appos":
            near.append(span.root.head)
        for token in near:
            gender = words.get(token.lower_) or words.get(token.lemma_.lower())
            if gender:
                found.setdefault(actor_id, gender)
                break
    return found


def _salience(doc: Doc, before: list[tuple[int, int, str]], actor_id: str, named: bool) -> tuple[int, bool, bool]:
    """How much the passage before a pronoun is about a person: mentions, as a subject, and the last one; of
    two as salient, one known by name before someone a noun describes ("Trump ... a hostage ... he")."""
    mentions = [(s, e) for s, e, a in before if a == actor_id]
    as_subject = any(doc[s:e].root.dep_ in SUBJECTS for s, e in mentions)
    last = before[-1][2] == actor_id
    return len(mentions) + 2 * as_subject + last, named, last


def find_publisher_voice(res: Resolution) -> None:
    """ "We", "us", "our" outside quotation marks in a text its publisher speaks in ("The White House": "We
    condemn the attack") are the publisher, when the dictionaries know it as a state body; not in a joint
    statement, where "we" are several, nor in a transcript, where each speaker's "we" is their own."""
    entry, name = res.publisher
    if entry is None or entry.kind not in {"capital", "metonym"} or "joint" in (res.ew.meta.title or "").lower():
        return
    if _transcript(res):
        return  # a transcript: each turn's "we" is its speaker's (find_turn_speakers)
    quoted = _quoted(res)
    for token in res.doc:
        if token.lower_ in VOICE and token.pos_ == "PRON" and token.i not in res.taken:
            if not any(start <= token.idx < end for start, end in quoted):
                fields = actor_fields(name, "group", country=entry.code, sector="GOV")
                res.add(res.doc[token.i : token.i + 1], ("group", entry.code, "GOV"), fields)


def transcript_turns(text: str) -> list[tuple[int, int, str]]:
    """The turns of a transcript, (start, end, label) by character: none in a text with fewer than two labels."""
    turns = [(m.start(), m.group(1)) for m in TURN.finditer(text)]
    if len(turns) < 2:
        return []
    return [(start, end, label) for (start, label), (end, _) in zip(turns, [*turns[1:], (len(text), "")], strict=True)]


def turn_speaker_at(res: Resolution, char: int) -> tuple | None:
    """The key of the speaker of the transcript's turn at a character offset, if the turn's label names one."""
    for start, end, label in transcript_turns(res.doc.text):
        if start <= char < end:
            speaker = _turn_speaker(res, label, res.publisher_state)
            return speaker[0] if speaker is not None else None
    return None


def find_turn_speakers(res: Resolution) -> None:
    """In a transcript ("THE PRESIDENT: ...", "Q ...", "MS. PSAKI: ..."), "I", "me", "my" outside quotation marks
    are the speaker of their turn, and "we", "us", "our" the speaker's government. The speaker is read from the
    turn's label: a name ("PRESIDENT BIDEN", "PRIME MINISTER KISHIDA"; "MS. PSAKI" is staff of the publishing
    state), or a title alone held on the document's date ("THE PRESIDENT" of a White House transcript);
    questions, moderators and the audience are left alone."""
    doc = res.doc
    home = res.publisher_state
    quoted = _quoted(res)
    for start, end, label in transcript_turns(doc.text):
        speaker = _turn_speaker(res, label, home)
        span = doc.char_span(start, end, alignment_mode="expand")
        if speaker is None or span is None:
            continue
        key, fields, country = speaker
        for token in span:
            voice = token.lower_ in VOICE
            if not (voice or token.lower_ in FIRST_PERSON) or token.pos_ != "PRON" or token.i in res.taken:
                continue
            if any(open_ <= token.idx < close for open_, close in quoted) or (voice and country is None):
                continue
            mention = doc[token.i : token.i + 1]
            if voice:
                name = f"{res.k.country_names.get(country, country)} government"
                res.add(mention, ("group", country, "GOV"), actor_fields(name, "group", country, "GOV"))
            else:
                res.add(mention, key, fields)


def find_author_voice(res: Resolution) -> None:
    """ "I", "me", "my" outside quotation marks in a text whose title names its one author ("Statement from
    President Joe Biden on ...": "I congratulate President Mulino") are that author, when the role table knows
    who it is on the document's date; a transcript's turns and a joint statement's several authors are left
    to their own readings."""
    title = res.ew.meta.title or ""
    found = AUTHORED.match(title) or AUTHOR_FIRST.match(title)
    if found is None or " and " in found["author"] or _transcript(res):
        return
    author = "President" if found["author"] == "Presidential" else found["author"]
    speaker = _turn_speaker(res, author.upper(), res.publisher_state)
    if speaker is None or speaker[0][0] != "person" or speaker[0][1] not in res.k.roles.terms:
        return
    key, fields, _ = speaker
    quoted = _quoted(res)
    for token in res.doc:
        if token.lower_ in FIRST_PERSON and token.pos_ == "PRON" and token.i not in res.taken:
            if not any(start <= token.idx < end for start, end in quoted):
                res.add(res.doc[token.i : token.i + 1], key, fields)
                fields = None  # introduced once; later mentions point to it


def _transcript(res: Resolution) -> bool:
    """Whether the text is a transcript: several speakers' turns ("THE PRESIDENT: ...", "Q ...")."""
    return len(TURN.findall(res.doc.text)) > 1


def _turn_speaker(res: Resolution, label: str, home: str | None) -> tuple[tuple, dict | None, str | None] | None:
    """(key, fields, country) of the speaker a turn's label names, or None for questions and moderators."""
    words = label.split()
    words = words[1:] if words and words[0] == "THE" else words
    if not words or " ".join(words) in SILENT_TURNS:
        return None
    if words[-1] == "OFFICIAL":  # "SENIOR ADMINISTRATION OFFICIAL"
        name = f"{res.k.country_names.get(home, home)} official"
        return (("group", home, "GOV", "official"), actor_fields(name, "person", home, "GOV"), home) if home else None
    title = None
    if words[0].rstrip(".") in HONORIFIC_WORDS:
        name = words[1:]
    else:
        size = next((n for n in range(len(words), 0, -1) if " ".join(words[:n]).lower() in res.k.titles), 0)
        title, name = (" ".join(words[:size]).lower(), words[size:]) if size else (None, words)
    if not name:  # a title alone: who held it on the day
        person = res.k.roles.holder(home, title, res.day) if home and title else None
        return _role_person(res, person) if person else None
    family = " ".join(w.title() for w in name)
    known = res.names.get(tuple(fold(w) for w in family.split()))
    if known is not None:
        fields = res.fields_of(known)
        return known, None, fields["country"] if fields else None
    person = res.k.roles.person(family, res.day) or res.k.roles.by_family_name(family, res.day)
    if person is not None:
        return _role_person(res, person)
    country = home if title is None else None  # "MS. PSAKI" at the White House; a titled guest is from anywhere
    sector = res.k.titles[title][0] if title else ("GOV" if country else None)
    return ("person", family), actor_fields(family, "person", country, sector), country


def _role_person(res: Resolution, person: str) -> tuple[tuple, dict, str | None]:
    fields = standing_fields(res, person)
    return ("person", person), fields, fields["country"]


def _quoted(res: Resolution) -> list[tuple[int, int]]:
    """Character spans inside quotation marks."""
    from ..quotes.marks import scan_marks  # here: the quotes package imports this stage
    from ..quotes.page import Page

    page = Page(res.doc)
    return [(m.open, m.close or m.end) for m in scan_marks(page.text, page.paragraphs)]


def link_state_pronouns(res: Resolution) -> None:
    """ "it"/"they" as a subject and "its"/"their" as a possessor → the subject of the clause that governs them
    ("Chile said it would ..."), else the subject of the sentence before ("Russia ... It said ...")."""
    ew, doc = res.ew, res.doc
    for token in doc:
        if token.lower_ not in STATES or token.pos_ != "PRON" or token.dep_ not in SUBJECTS | {"poss"}:
            continue
        if token.i in ew.actor_of_token or _expletive(token):
            continue
        actor_id = _governing_subject(res, token) or _plural_before(res, token) or _subject_before(res, token)
        if actor_id is not None:
            ew.add_mention(res.by_id[actor_id], doc[token.i : token.i + 1])


def _plural_before(res: Resolution, pronoun: Token) -> str | None:
    """ "support for Ukraine's armed forces as they defend themselves": "they" opening an "as" or "while" clause is
    the nearest plural group of a state's forces or rulers its sentence named before it."""
    verb = pronoun.head
    marked = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"as", "while"} for c in verb.children)
    if pronoun.lower_ != "they" or pronoun.dep_ not in SUBJECTS or not marked:
        return None
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        actor = res.by_id.get(res.ew.actor_of_token.get(token.i, ""))
        named = any(c.dep_ == "appos" for c in token.children)  # "two senators—X and Y—": the two named
        if token.tag_ in {"NNS", "NNPS"} and actor is not None and actor.sector in ORGANS | INSURGENTS and not named:
            return actor.id
    return None


def link_addressed_pronouns(res: Resolution) -> None:
    """ "you", "your" → the one the sentence addresses by a title ("I want to thank you, Mr. Prime Minister")."""
    ew, doc = res.ew, res.doc
    by_sentence: dict[int, set[str]] = {}
    for title in res.title_spans:
        if addressed(title) and title.start in ew.actor_of_token:
            by_sentence.setdefault(res.sentence_of[title.start], set()).add(ew.actor_of_token[title.start])
    for token in doc:
        one = by_sentence.get(res.sentence_of[token.i], set())
        if token.lower_ in {"you", "your"} and token.i not in ew.actor_of_token and len(one) == 1:
            ew.add_mention(res.by_id[next(iter(one))], doc[token.i : token.i + 1])


def link_object_pronouns(res: Resolution) -> None:
    """ "them" as an object → the last plural noun in that sentence or the one before, other than the subject
    or object of its own verb, where it names a group, organisation or state ("Protesters gathered; police fired
    tear gas at them"; not "obtained the messages and released them"); "it" as the object of a participle → its
    head verb's object ("rejected the government, calling it a puppet")."""
    ew, doc = res.ew, res.doc
    for token in doc:
        if token.lower_ == "it" and token.i not in ew.actor_of_token:
            actor_id = _object_named_again(res, token)
            if actor_id is not None:
                ew.add_mention(res.by_id[actor_id], doc[token.i : token.i + 1])
            continue
        if token.lower_ != "them" or token.dep_ not in {"dobj", "pobj", "dative"} or token.i in ew.actor_of_token:
            continue
        verb = token.head.head if token.dep_ == "pobj" else token.head
        # not the verb's own subject or object: "police, who fired at them", "called in troops against them"
        arguments = [c for c in verb.children if c.dep_ in SUBJECTS | {"dobj", "dative", "attr"}]
        own = {t.i for d in arguments + ([verb.head] if verb.dep_ == "relcl" else []) for t in d.subtree}
        start = token.sent.start
        start = doc[start - 1].sent.start if start > 0 else start  # the sentence before too
        plurals = [
            t
            for t in doc[start : token.i]
            if (t.tag_ in {"NNS", "NNPS"} or t.lower_ == "they") and t.i not in own and t.ent_type_ not in TIMES
        ]
        actor_id = ew.actor_of_token.get(plurals[-1].i) if plurals else None
        if actor_id is not None and res.by_id[actor_id].type != "person":
            ew.add_mention(res.by_id[actor_id], doc[token.i : token.i + 1])


def _object_named_again(res: Resolution, pronoun: Token) -> str | None:
    """ "rejected the government, calling it a puppet", "sanctioned the company, accusing it of ...": "it" as the
    object of a participle that goes on about its head verb's object stands for that object."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.pos_ != "VERB":
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.tag_ in {"NN", "NNP"}]
    return next(filter(None, (_fits(res, pronoun, o) for o in objects)), None)


def _expletive(token: Token) -> bool:
    """ "it is unclear whether ...", "it seems that ...": an "it" that stands for the clause after it; "It comes
    after Britain raised the threat level": the news told, not an actor."""
    head = token.head
    if token.lower_ == "it" and head.lemma_ in {"come", "follow"}:
        return any(c.dep_ in {"advcl", "prep"} and c.i > head.i for c in head.children)
    if token.lower_ != "it" or head.lemma_ not in COPULAS:
        return False
    predicates = [head, *(c for c in head.children if c.dep_ in {"acomp", "attr"})]
    return any(c.dep_ in {"ccomp", "csubj"} for p in predicates for c in p.children)


def _fits(res: Resolution, pronoun: Token, subject: Token) -> str | None:
    """The actor a subject names if the pronoun can stand for it: no person, and the same number."""
    actor_id = res.ew.actor_of_token.get(subject.i)
    actor = res.by_id.get(actor_id) if actor_id else None
    if actor is None or actor.type == "person":
        return None
    plural = subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in PLURAL
    if pronoun.lower_ in PLURAL and not (plural or actor.type == "organisation"):
        return None
    if pronoun.lower_ in SINGULAR and plural:
        return None
    return actor_id


def _governing_subject(res: Resolution, pronoun: Token) -> str | None:
    """The subject of the clause a pronoun's clause complements: "Chile said [it would ...]"; a possessive may
    also stand for its own clause's subject ("Chile recalled its ambassador"). A subject pronoun in a clause
    merely conjoined to another with an object ("Iran hosted the games and it was boycotted") is left alone."""
    blamed = _blamed(res, pronoun)  # "condemned Russia for its strikes": Russia's
    if blamed is not None:
        return blamed
    verb = pronoun.head
    while verb.dep_ != "ROOT" and verb.pos_ not in {"VERB", "AUX"}:  # "its ambassador" → "recall"
        verb = verb.head
    if pronoun.dep_ in SUBJECTS and verb.dep_ == "acl" and any(c.dep_ == "mark" for c in verb.children):
        owners = [c for c in verb.head.children if c.dep_ == "poss"]  # "Australia's announcement that it will"
        return next(filter(None, (_fits(res, pronoun, o) for o in owners)), None)
    if pronoun.dep_ in SUBJECTS and zero_relative(verb):
        verb = clause_verb(verb.head)  # "China returned the drone it seized": the clause on the object is China's
    elif pronoun.dep_ in SUBJECTS and verb.dep_ not in COMPLEMENTS and not _same_subject_goes_on(verb):
        return None
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and pronoun not in c.subtree]
        for subject in subjects:
            actor_id = _fits(res, pronoun, subject) or _represented(res, subject)
            if actor_id is not None:
                return actor_id
        if verb.dep_ not in CLIMB or verb.head == verb:
            return None
        verb = verb.head
    return None


def _same_subject_goes_on(verb: Token) -> bool:
    """ "Israeli leaders have said ..., and they blame Hamas": a clause conjoined to one with no object goes on
    about that one's subject (not "Iran hosted the games and it was boycotted")."""
    return verb.dep_ == "conj" and not any(c.dep_ in {"dobj", "dative", "attr"} for c in verb.head.children)


def _blamed(res: Resolution, pronoun: Token) -> str | None:
    """The state or organisation a possessive's phrase gives the reason for blaming or praising."""
    return next(filter(None, (_fits(res, pronoun, o) for o in _reason_objects(pronoun))), None)


def _reason_objects(pronoun: Token) -> list[Token]:
    """The objects of the verb a possessive's phrase gives the reason for, whom the possessive stands for:
    "condemned Russia for its strikes", "thanked the US for its support", "criticized Iran over its nuclear
    programme", "commended Kishida on his efforts"."""
    owned = pronoun.head
    prep = owned.head if pronoun.dep_ == "poss" and owned.dep_ == "pobj" else None
    if prep is None or prep.head.pos_ != "VERB":
        return []
    if prep.lower_ not in BLAME_PREPS and not (prep.lower_ == "on" and prep.head.lemma_ in PRAISED_ON):
        return []
    return [c for c in prep.head.children if c.dep_ == "dobj"]


def _represented(res: Resolution, subject: Token) -> str | None:
    """ "Representatives from Iran acknowledged their government had ...": a subject that names no actor but
    speaks for a state or organisation ("from X", "of X") stands for it."""
    if res.ew.actor_of_token.get(subject.i) is not None:
        return None
    for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            actor_id = res.ew.actor_of_token.get(pobj.i)
            if actor_id is not None and res.by_id[actor_id].type in {"country", "organisation"}:
                return actor_id
    return None


def _subject_before(res: Resolution, pronoun: Token) -> str | None:
    """The previous sentence's main subject, where the pronoun starts its own clause ("It said ...")."""
    if pronoun.lower_ == "it" and pronoun.head.lemma_ in COPULAS:  # "It was a sunny day."
        return None
    sentence = pronoun.sent
    if sentence.start == 0 or (pronoun.head != sentence.root and pronoun.head.head != sentence.root):
        return None
    before = res.doc[sentence.start - 1].sent
    subjects = [c for c in before.root.children if c.dep_ in SUBJECTS]
    for subject in subjects:
        actor_id = _fits(res, pronoun, subject)
        if actor_id is not None and (res.by_id[actor_id].country or res.by_id[actor_id].type != "group"):
            return actor_id  # not "police ... They asked me": a group of no known country is too vague
    return None
