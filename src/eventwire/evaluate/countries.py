"""Countries of actor codes, so that gold codes and the pipeline's actors are compared as countries."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..tables import read_tsv


@cache
def _old_cameo() -> dict[str, str]:
    return {row["old"]: row["iso3"] for row in read_tsv(Path(__file__).with_name("old_cameo.tsv"))}


@cache
def _organisation_kinds() -> dict[str, str]:
    """Organisation code → IGO or NGO, from the actors stage's dictionary (other kinds have a country)."""
    path = Path(__file__).parents[1] / "stages" / "actors" / "organisations.tsv"
    return {row["code"]: row["kind"] for row in read_tsv(path) if row["kind"] in ("IGO", "NGO")}


@cache
def _iso3() -> frozenset:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def iso3(code: str | None) -> str | None:
    """ISO 3166 alpha-2 or alpha-3 (or old CAMEO) code → alpha-3."""
    if not code:
        return None
    code = _old_cameo().get(code.upper(), code.upper())
    if code in _iso3():
        return code
    import pycountry

    c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return c.alpha_3 if c else None


def country_of(code: str | None, type: str | None = None, country: str | None = None) -> str | None:
    """Country of a CAMEO-style actor code: its first 3 letters when they are an ISO3 code (old CAMEO codes
    mapped), else the actor's ``country`` field; organisations and ``IGO…`` codes → ``IGO`` (NGOs → ``NGO``)."""
    if code in _organisation_kinds():  # NATO's secretary general (code NATO) speaks for an IGO
        return _organisation_kinds()[code]
    head = (code or "")[:3].upper()
    head = _old_cameo().get(head, head)
    if head in _iso3():
        return head
    if country and (c := iso3(country)):
        return c
    if head == "IGO" or type in ("organisation", "organization"):
        return "IGO"
    return head or None
