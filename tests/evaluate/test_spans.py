"""Scoring primitives of `eventwire eval`: P/R/F1, span matching and trimming, on cases worked out by hand."""

import pytest

from eventwire.evaluate.scoring import confusion, macro, prf, share
from eventwire.evaluate.spans import SpanRow, match, show_spans, span_figures, trim


def approx(x):
    return pytest.approx(x, abs=1e-9)


def test_prf_math():
    r = prf(tp=2, n_pred=4, n_gold=3)
    assert r["precision"] == approx(0.5)
    assert r["recall"] == approx(2 / 3)
    assert r["f1"] == approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))  # 4/7


def test_prf_empty_is_zero_not_an_error():
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(0, 3, 0)["precision"] == 0.0
    assert share(1, 0) == 0.0 and macro([], "f1") == 0.0


def test_macro_is_the_unweighted_mean():
    assert macro([{"f1": 1.0}, {"f1": 0.0}, {"f1": 0.5}], "f1") == approx(0.5)


def test_confusion_table():
    assert confusion([0, 1, 1, 2], [0, 1, 2, 2], [0, 1, 2]) == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]


def test_exact_versus_overlap_matching():
    gold = [(0, 5), (10, 20)]
    pred = [(0, 5), (12, 15), (30, 35)]
    assert match(gold, pred, "exact") == [(0, 0)]
    assert match(gold, pred, "overlap") == [(0, 0), (1, 1)]


def test_touching_spans_do_not_overlap():
    assert match([(0, 5)], [(5, 9)], "overlap") == []


def test_overlap_is_one_to_one_largest_first():
    # one long prediction covers two gold spans: it may match only one, the one it shares most with
    assert match([(0, 5), (6, 10)], [(0, 10)], "overlap") == [(0, 0)]
    # two predictions compete for one gold span: the larger overlap wins, the other stays unmatched
    assert match([(0, 10)], [(8, 12), (2, 9)], "overlap") == [(0, 1)]


def test_matching_respects_compatibility():
    same_role = lambda g, p: g[2] == p[2]  # noqa: E731
    assert match([(0, 5, "source")], [(0, 5, "target")], "exact", same_role) == []


def test_trim_ignores_quote_marks_and_punctuation_at_span_ends():
    text = "She said: “We will win.” Then she left."
    gold = (text.index("“"), text.index("”") + 1)  # with the quotation marks
    pred = (text.index("We"), text.index("win") + 3)  # without them or the full stop
    assert trim(text, gold) == pred
    assert match([trim(text, gold)], [trim(text, pred)], "exact") == [(0, 0)]
    assert trim(text, (8, 9)) == (8, 9)  # a span of punctuation alone is left whole
    assert trim(text, (0, 3, "source")) == (0, 3, "source")
    assert trim(text, None) is None


def test_span_row_counts_errors():
    row = SpanRow()
    # one exact match, one boundary (overlap-only) match, one miss, one spurious prediction: 3 errors
    errors = row.add([(0, 3), (5, 9), (20, 25)], [(0, 3), (6, 9), (40, 44)])
    assert errors == 3
    r = row.row()
    assert r["exact"]["precision"] == approx(1 / 3)
    assert r["overlap"]["recall"] == approx(2 / 3)


def test_pooled_rows_give_micro_figures():
    a, b = SpanRow(), SpanRow()
    a.add([(0, 3)], [(0, 3)])
    b.add([(0, 3), (5, 8)], [(9, 12)])
    micro = SpanRow.pooled([a, b]).row()
    assert (micro["gold"], micro["pred"]) == (3, 2)
    assert micro["exact"]["precision"] == approx(1 / 2) and micro["exact"]["recall"] == approx(1 / 3)
    figures = span_figures({"a": a.row(), "b": b.row(), "micro": micro}, ["a", "b"])
    assert figures["exact_macro_f1"] == approx(0.5) and figures["b_exact_f1"] == 0.0


def test_show_spans_marks_and_puts_unmatched_first():
    text = "Ruritania blamed Freedonia for the flood"
    expected, predicted = show_spans(text, [(0, 9), (17, 26)], [(0, 9), (17, 22)])
    assert expected == ["~ 'Freedonia'", "= 'Ruritania'"]
    assert predicted == ["~ 'Freed'", "= 'Ruritania'"]
