"""The quotes stage on whole (invented) news articles: direct, reported and mixed quotes and their speakers."""

from __future__ import annotations

import pytest

from eventwire.nlp import code_text
from eventwire.stages.quotes import CUE_LEMMAS
from eventwire.stages.quotes.lexicon import SPOKESPEOPLE, words
from eventwire.stages.quotes.marks import scan_marks

DATE = "2024-12-04"


def article(*paragraphs: str) -> str:
    """A news text: paragraphs separated by a blank line."""
    return "\n\n".join(paragraphs) + "\n"


# Straight quote marks.
BRUSSELS = article(
    (
        "BRUSSELS — NATO foreign ministers met on Wednesday to discuss air defence for Ukraine as Russian "
        "strikes on the country's power grid intensified."
    ),
    (
        "U.S. Secretary of State Antony Blinken said that the allies had agreed to send more air defence "
        'systems before the end of the year. "Every system we deliver saves lives," Blinken told reporters '
        "after the meeting."
    ),
    (
        '"Ukraine needs to go into the winter in the strongest possible position," said Blinken, who is on '
        "his last tour of European capitals before the change of administration in Washington."
    ),
    (
        "Mark Rutte, the alliance's secretary general, said: \"We are not at war with Russia. But we will not "
        'let Moscow decide who joins this alliance."'
    ),
    'Rutte said the strikes on the grid were "cynical" and had to be answered.',
    (
        'Hungarian Foreign Minister Peter Szijjarto struck a different tone. "Sanctions have not worked and '
        'they will not work," he said. "The only way out is a ceasefire and talks."'
    ),
    '"Hungary will keep its own course on this."',
    (
        "The meeting took place at the alliance's headquarters in Brussels. According to a senior diplomat, "
        "ministers will meet again in April."
    ),
)

# Typographic marks, a nested single-quoted phrase and a quote running over two paragraphs.
PARIS = article(
    (
        "PARIS — French President Emmanuel Macron urged European leaders on Thursday to spend more on "
        "defence, warning that the continent could not rely on Washington for ever."
    ),
    (
        "“Europe must be able to defend itself. That is not a slogan; it is a necessity,” Macron said in a "
        "speech at the Sorbonne. “When I say ‘strategic autonomy’, I mean factories, not speeches.”"
    ),
    "In a long passage on Ukraine, he returned to the theme:",
    (
        "“We have delivered what we promised, and we will deliver more. Our industry has doubled its output "
        "of shells in a year."
    ),
    ("“But nobody should think the war will end by itself. It will end when Russia understands that it cannot win.”"),
    (
        "Ursula von der Leyen, the president of the European Commission, welcomed the speech. She told "
        "reporters that the Commission would present a defence investment plan in the spring."
    ),
)

KYIV = article(
    (
        'KYIV — Ukrainian President Volodymyr Zelensky said "we need a just peace, not a pause that lets '
        'Russia rearm" in his nightly video address on Monday.'
    ),
    (
        '"The air defence systems promised in Brussels must arrive before the frosts," according to Andriy '
        "Yermak, the head of the presidential office."
    ),
    (
        'Zelensky, who gave an interview to the programme "Meet the Press" on Sunday, is expected to travel '
        "to Berlin next week."
    ),
)

# Two apostrophes for a double mark, as in newspaper archive text.
ARCHIVE = article(
    ("WASHINGTON — Senator Elizabeth Warren said on Monday that the banking bill would not pass in its current form."),
    (
        "''We do not have the votes, and everybody in this building knows it,'' Warren told reporters "
        "outside the Senate chamber."
    ),
)

# A bare surname after the full name.
BERLIN = article(
    ("BERLIN — German Chancellor Olaf Scholz defended his refusal to send long-range missiles to Ukraine on Friday."),
    '"We are the largest supporter of Ukraine in Europe, and we will stay that," Scholz said.',
)

# "he" after a sentence that ends with another person: the text is about Biden.
WASHINGTON = article(
    (
        "WASHINGTON — President Joe Biden defended his economic record on Tuesday in one of his last major "
        "speeches before leaving office. Speaking at the Brookings Institution, he warned against abandoning "
        "investments in clean energy and criticised the tariff plans of Donald Trump."
    ),
    '"We will leave the next administration the strongest economy in the world," he said.',
)


TEXTS = {
    "brussels": BRUSSELS,
    "paris": PARIS,
    "kyiv": KYIV,
    "archive": ARCHIVE,
    "berlin": BERLIN,
    "washington": WASHINGTON,
}


@pytest.fixture(scope="module")
def coded_texts():
    return {name: code_text(text, date=DATE, id=name) for name, text in TEXTS.items()}


def quote_starting(coded, words):
    found = [q for q in coded.quotes if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in coded.quotes]
    return found[0]


def spoken_by(coded, quote, surname):
    """Whether the quote's speaker is the actor with a mention that contains ``surname`` (names may be
    normalised by the actor stage, so the mentions are the evidence to compare)."""
    text = TEXTS[coded.meta.id]
    actor = coded.actor(quote.speaker) if quote.speaker else None
    return actor is not None and any(surname in text[s:e] for s, e in actor.mentions)


def test_said_x_and_x_told_reporters_with_straight_marks(coded_texts):
    c = coded_texts["brussels"]
    after = quote_starting(c, "Ukraine needs to go")
    assert after.direct and spoken_by(c, after, "Blinken")
    assert BRUSSELS[after.cue[0] : after.cue[1]] == "said"
    assert after.text.endswith("position,")  # inside the marks, marks excluded
    told = quote_starting(c, "Every system we deliver")
    assert spoken_by(c, told, "Blinken") and BRUSSELS[told.cue[0] : told.cue[1]] == "told"


def test_colon_introduces_a_multi_sentence_quote(coded_texts):
    c = coded_texts["brussels"]
    q = quote_starting(c, "We are not at war")
    assert q.text == "We are not at war with Russia. But we will not let Moscow decide who joins this alliance."
    assert spoken_by(c, q, "Rutte") and q.speaker_text == "Mark Rutte"


def test_pronoun_speaker_is_the_person_named_before(coded_texts):
    c = coded_texts["brussels"]
    q = quote_starting(c, "Sanctions have not worked")
    assert q.speaker_text == "he" and spoken_by(c, q, "Szijjarto")
    # the next quote in the same paragraph is the same speaker's
    assert spoken_by(c, quote_starting(c, "The only way out"), "Szijjarto")


def test_cueless_paragraph_continues_the_previous_speaker(coded_texts):
    c = coded_texts["brussels"]
    q = quote_starting(c, "Hungary will keep its own course")
    before = quote_starting(c, "The only way out")
    assert q.direct and spoken_by(c, q, "Szijjarto")
    # it shares the cue and source of the quote it continues: the fragments of one attribution
    assert (q.cue, q.source) == (before.cue, before.source) and BRUSSELS[q.cue[0] : q.cue[1]] == "said"


def test_indirect_speech_with_that(coded_texts):
    c = coded_texts["brussels"]
    q = quote_starting(c, "the allies had agreed")
    assert not q.direct
    assert q.text == "the allies had agreed to send more air defence systems before the end of the year"
    assert spoken_by(c, q, "Blinken")


def test_mixed_quote_is_one_indirect_quote(coded_texts):
    c = coded_texts["brussels"]
    q = quote_starting(c, "the strikes on the grid")
    assert not q.direct and q.text == 'the strikes on the grid were "cynical" and had to be answered'
    assert spoken_by(c, q, "Rutte")
    assert not any(x.text.strip('"') == "cynical" for x in c.quotes)


def test_according_to_a_noun_phrase_keeps_the_text_without_an_actor(coded_texts):
    c = coded_texts["brussels"]
    q = quote_starting(c, "ministers will meet again")
    assert not q.direct and q.speaker is None and q.speaker_text == "a senior diplomat"
    assert BRUSSELS[q.cue[0] : q.cue[1]] == "According to"


def test_typographic_marks_and_a_nested_single_quote(coded_texts):
    c = coded_texts["paris"]
    first = quote_starting(c, "Europe must be able")
    assert first.text == "Europe must be able to defend itself. That is not a slogan; it is a necessity,"
    assert spoken_by(c, first, "Macron")
    nested = quote_starting(c, "When I say")
    assert "‘strategic autonomy’" in nested.text and spoken_by(c, nested, "Macron")
    assert not any(q.text.startswith("strategic autonomy") for q in c.quotes)


def test_multi_paragraph_quote_is_one_quote(coded_texts):
    c = coded_texts["paris"]
    q = quote_starting(c, "We have delivered")
    assert q.direct and q.text.endswith("that it cannot win.")
    assert "Our industry has doubled" in q.text and "But nobody should think" in q.text
    assert spoken_by(c, q, "Macron")


def test_reported_speech_after_warning_and_told(coded_texts):
    c = coded_texts["paris"]
    warned = quote_starting(c, "the continent could not rely")
    assert not warned.direct and spoken_by(c, warned, "Macron")
    told = quote_starting(c, "the Commission would present")
    assert not told.direct and told.speaker_text == "She" and told.speaker is not None


def test_x_said_quote_and_quote_according_to_x(coded_texts):
    c = coded_texts["kyiv"]
    said = quote_starting(c, "we need a just peace")
    assert said.direct and said.text == "we need a just peace, not a pause that lets Russia rearm"
    assert spoken_by(c, said, "Zelensky")
    according = quote_starting(c, "The air defence systems promised")
    assert according.direct and spoken_by(c, according, "Yermak")
    assert not any(q.text.startswith("Meet the Press") for q in c.quotes)  # a quoted name is no quote


def test_archive_double_apostrophe_marks(coded_texts):
    c = coded_texts["archive"]
    q = quote_starting(c, "We do not have the votes")
    assert q.direct and q.text.endswith("knows it,") and spoken_by(c, q, "Warren")
    assert ARCHIVE[q.cue[0] : q.cue[1]] == "told"


def test_bare_surname_speaker_is_the_person_named_before(coded_texts):
    c = coded_texts["berlin"]
    q = quote_starting(c, "We are the largest supporter")
    assert q.speaker_text == "Scholz" and BERLIN[q.cue[0] : q.cue[1]] == "said"
    assert spoken_by(c, q, "Olaf Scholz")


def test_pronoun_trap_speaker_is_who_the_text_is_about(coded_texts):
    c = coded_texts["washington"]
    q = quote_starting(c, "We will leave the next administration")
    assert spoken_by(c, q, "Biden")


def test_offsets_slice_to_the_records(coded_texts):
    for name, c in coded_texts.items():
        text = TEXTS[name]
        assert [q.id for q in c.quotes] == [f"q{i}" for i in range(1, len(c.quotes) + 1)]
        assert [q.content[0] for q in c.quotes] == sorted(q.content[0] for q in c.quotes)
        for q in c.quotes:
            assert text[q.content[0] : q.content[1]] == q.text
            assert q.text == q.text.strip() and q.text[0] not in "\"“'" and q.text[-1] not in "\"”'"
            if q.source is not None:
                assert text[q.source[0] : q.source[1]] == q.speaker_text
            if q.speaker is not None:
                assert c.actor(q.speaker) is not None


def test_cue_lemmas_are_speech_verbs_only():
    assert {"say", "tell", "warn", "tweet"} <= CUE_LEMMAS
    assert not {"accuse", "threaten", "according to"} & CUE_LEMMAS


def test_quote_points_to_the_events_it_reports():
    from eventwire.nlp import code_text

    text = "NATO Secretary General Mark Rutte spoke in Brussels on Tuesday. Rutte said that China is helping Russia."
    c = code_text(text, date="2024-12-03")
    (q,) = [q for q in c.quotes if "China is helping Russia" in q.text]
    (e,) = [e for e in c.events if e.id in q.events]
    assert (e.source_code, e.target_code) == ("CHN", "RUS")
    assert c.actor(e.reported_by).name == "Mark Rutte" and q.speaker == e.reported_by


def test_spokesperson_speaks_for_the_person():
    from eventwire.nlp import code_text

    text = (
        "Chancellor Olaf Scholz met farmers in Berlin on Monday. Scholz's spokesman said the talks were constructive."
    )
    c = code_text(text, date="2024-01-15")
    (q,) = c.quotes
    assert c.actor(q.speaker).name == "Olaf Scholz" and q.speaker_text == "Scholz's spokesman"


def test_parenthetical_cue_reports_the_clause_around_it():
    from eventwire.nlp import code_text

    text = "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. In the east, Zelenskyy said, the front is holding."
    c = code_text(text, date="2024-06-01")
    (q,) = c.quotes
    assert q.text == "the front is holding" and not q.direct
    assert c.actor(q.speaker).name == "Volodymyr Zelenskyy" and text[q.cue[0] : q.cue[1]] == "said"


def test_marks_pair_across_a_paragraph_that_opens_with_a_mark_again():
    text = '“We will rebuild.\n\n“And we will not forget,” she said. "Unclosed\n\nNext paragraph.'
    paragraphs = [0, text.index("“And"), text.index("Next")]
    opened, unclosed = scan_marks(text, paragraphs)
    assert text[opened.start : opened.end] == "We will rebuild.\n\n“And we will not forget,"
    assert text[opened.close - 1] == "”"
    assert text[unclosed.start : unclosed.end] == "Unclosed" and unclosed.close is None


def test_archive_marks_pair_like_straight_ones():
    text = "He said: ''We are ready.'' Then he left."
    (q,) = scan_marks(text, [0])
    assert text[q.start : q.end] == "We are ready."


def test_word_classes_come_from_the_data_file():
    assert {"spokesman", "spokeswoman"} <= SPOKESPEOPLE
    with pytest.raises(KeyError):
        words("no such class")


def quotes_of(text):
    c = code_text(text, date="2024-05-01")
    return c, {q.text: q for q in c.quotes}


def test_quote_interrupted_by_its_cue_is_one_attribution():
    from eventwire.evaluate.quotes import predict

    text = '"The talks are over," the German chancellor said, "and we will go home tonight."'
    c, quotes = quotes_of(text)
    first, second = quotes["The talks are over,"], quotes["and we will go home tonight."]
    assert first.cue == second.cue and first.source == second.source and first.speaker_text == "the German chancellor"
    (attribution,) = predict(c.to_json())
    assert attribution["content"] == (first.content[0], second.content[1])


def test_belief_and_expectation_verbs_attribute_what_follows():
    text = (
        "The Italian finance minister believes that inflation will fall next year. "
        "The central bank expects to raise rates again. The parliament is expected to vote on the budget on Friday."
    )
    c, quotes = quotes_of(text)
    assert quotes["inflation will fall next year"].speaker_text == "The Italian finance minister"
    assert quotes["to raise rates again"].speaker_text == "The central bank"
    passive = quotes["The parliament is expected to vote on the budget on Friday"]
    assert passive.speaker is None and passive.source is None  # expected by no one named
    assert not any(q.text.startswith("inflation will fall") and q.direct for q in c.quotes)


def test_findings_judgements_and_directives_are_attributions():
    text = (
        "A new poll shows the governing party with a ten-point lead. Senator Maria Lopez called the plan reckless. "
        "The minister declined to comment on the report."
    )
    _, quotes = quotes_of(text)
    assert quotes["the governing party with a ten-point lead"].speaker_text == "A new poll"
    assert quotes["the plan reckless"].speaker_text == "Senator Maria Lopez"
    assert quotes["to comment on the report"].speaker_text == "The minister"


def test_the_subject_of_a_hedge_is_content_not_a_source():
    _, quotes = quotes_of("The ceasefire in the south seems to be holding for now.")
    (q,) = quotes.values()
    assert q.text == "The ceasefire in the south seems to be holding for now" and q.source is None


def test_noun_cues_take_their_possessor_or_the_verb_as_speaker():
    text = (
        "The Chinese foreign ministry said in a statement that the naval drills were routine. "
        "Residents were angered by the governor's assertion that the bridge was safe."
    )
    _, quotes = quotes_of(text)
    drills = quotes["the naval drills were routine"]
    assert text[drills.cue[0] : drills.cue[1]] == "said" and drills.speaker_text == "The Chinese foreign ministry"
    bridge = quotes["the bridge was safe"]
    assert text[bridge.cue[0] : bridge.cue[1]] == "assertion" and bridge.speaker_text.startswith("the governor")


def test_relative_pronoun_is_the_source_and_its_antecedent_the_speaker():
    text = "Chancellor Olaf Scholz, who spoke in Berlin on Monday, said that the grid was safe."
    text += " Scholz met Finance Minister Christian Lindner, who said that the budget would pass."
    c, quotes = quotes_of(text)
    q = quotes["the budget would pass"]
    assert q.speaker_text == "who" and text[q.source[0] : q.source[1]] == "who"
    assert c.actor(q.speaker).name == "Christian Lindner"


def test_unnamed_official_speaks_with_a_country():
    c, quotes = quotes_of("A senior U.S. official said the talks would resume next week.")
    q = quotes["the talks would resume next week"]
    assert q.speaker_text == "A senior U.S. official" and c.actor(q.speaker).code.startswith("USA")


def test_an_attribution_inside_what_someone_said_is_part_of_their_words():
    text = "The Italian finance minister said that she thinks the deficit will shrink next year."
    _, quotes = quotes_of(text)
    (q,) = quotes.values()
    assert q.text == "she thinks the deficit will shrink next year" and text[q.cue[0] : q.cue[1]] == "said"


def test_stances_are_attributed_to_who_holds_them():
    _, quotes = quotes_of("The governor of Texas wants to cut property taxes. The mayor supports the new stadium.")
    assert quotes["to cut property taxes"].speaker_text.startswith("The governor")
    assert quotes["the new stadium"].speaker_text == "The mayor"
