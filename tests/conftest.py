"""Shared test material: short news texts written for these tests."""

import pytest

ARTICLE = """BRUSSELS (eventwire) — U.S. Secretary of State Antony Blinken met NATO Secretary General Mark Rutte in Brussels on Wednesday to discuss support for Ukraine.

The United States will send more air defence systems to Ukraine by January 20, Blinken told reporters after the meeting. "We will not walk away from our friends," he said.

Mr. Blinken also accused Russia of prolonging the war. Russian troops attacked the city of Kharkiv last week, according to Ukrainian officials.

Rutte praised the commitment of the allies. "The alliance stands united," Rutte said."""  # noqa: E501 (paragraphs are one line each, as in wire copy)

ARTICLE_DATE = "2024-12-05"


@pytest.fixture(scope="session")
def article():
    from eventwire.nlp import code_text

    return code_text(ARTICLE, date=ARTICLE_DATE, id="brussels-visit", title="Blinken meets Rutte")
