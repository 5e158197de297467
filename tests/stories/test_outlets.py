"""The outlet of a document: metadata first, then the URL's domain, then the dateline, one name for each outlet."""

import pytest

from eventwire.stories.outlets import outlet

LEAD = "The ministers met on Tuesday and signed the agreement, officials said."


@pytest.mark.parametrize(
    ("source", "url", "text", "expected"),
    [
        ("The Associated Press", None, LEAD, "Associated Press"),  # metadata, in any spelling the table knows
        ("reuters", "https://apnews.com/x", LEAD, "Reuters"),  # metadata before the URL
        ("Harbour Gazette", None, LEAD, "Harbour Gazette"),  # an outlet the table does not know: as given
        (None, "https://www.reuters.com/world/europe/talks", LEAD, "Reuters"),
        (None, "https://uk.reuters.com/article/x", LEAD, "Reuters"),  # a subdomain is its site
        (None, "https://www.harbour-gazette.example/news/1", LEAD, "harbour-gazette.example"),
        (None, None, f"KYIV, Ukraine (AP) — {LEAD}", "Associated Press"),
        (None, None, f"LONDON, March 3 (Reuters) - {LEAD}", "Reuters"),
        (None, None, f"PARIS — AFP\n\n{LEAD}", "AFP"),
        (None, None, f"{LEAD}\n\n— AFP", "AFP"),  # a credit line at the end
        (None, "not a url", f"OSLO (Xinhua) -- {LEAD}", "Xinhua"),
        (None, None, LEAD, None),
        (None, None, f"BRUSSELS (eventwire) — {LEAD}", None),  # not an agency
        (None, None, f"The union - AP Moller workers among them - went on strike. {LEAD}", None),  # not a credit
        (None, None, f"{LEAD} " * 10 + "Ships (AP) were seen.", None),  # past the dateline: not a credit
        (["Reuters"], {"a": 1}, f"OSLO (AP) - {LEAD}", "Associated Press"),  # metadata that is no text: passed over
    ],
)
def test_the_outlet_comes_from_the_metadata_else_the_url_else_the_dateline(source, url, text, expected):
    assert outlet(source, url, text) == expected
