"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against `eventwire serve` over a small
store ingested from articles written for these tests, one of them hostile (script payloads in its title, text,
url, quotes, and, written into the store after coding, its actors' and places' names).

Each view must load without a console error (a Content-Security-Policy violation is one), show data, and show the
hostile strings as text: no payload may run or become an element. With EVENTWIRE_SCREENSHOTS=1, a test also
photographs each view on the demo store into docs/dashboard/ (EVENTWIRE_DEMO_DB names a demo store to use, else
`eventwire demo` builds one)."""

import json
import os
import subprocess
from pathlib import Path

import duckdb
import httpx
import pytest

from eventwire.filters import Filters, event_rows
from eventwire.ingest import run_ingest
from eventwire.store import Store
from servers import EVENTWIRE, serve, stop

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parents[2] / "docs" / "dashboard"
# each payload, if it ever ran, would set window.__xss
PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=2</script>",
    '<svg onload="window.__xss=3"></svg>',
    '"><iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
]
ARTICLES = [
    {
        "id": "grain-talks",
        "date": "2024-06-03",
        "title": "Turkey hosts grain talks",
        "url": "https://wire.example/grain-talks",
        "source": "Example Wire",
        "text": "ANKARA — Turkish President Recep Tayyip Erdogan met Ukrainian President Volodymyr Zelenskyy in "
        "Ankara on Monday to discuss grain exports across the Black Sea.\n\n"
        '"Our ports must stay open," Zelenskyy told reporters after the meeting. Turkey promised to send two '
        "patrol boats to Ukraine by August 15, Erdogan said.",
    },
    {
        "id": "border-clash",
        "date": "2024-06-20",
        "title": "Clash on the border",
        "url": "https://wire.example/border-clash",
        "source": "Example Wire",
        "text": "NEW DELHI — Indian troops clashed with Chinese soldiers in the Himalayan region of Ladakh on "
        "Wednesday, India's army said.\n\nChina accused India of crossing the line of control. "
        '"We will defend every inch of our land," Indian Defence Minister Rajnath Singh said.',
    },
    {
        "id": "aid-pledge",
        "date": "2024-07-08",
        "title": "Japan pledges aid",
        "url": "https://wire.example/aid-pledge",
        "source": "Example Wire",
        "text": "TOKYO — Japan will give 500 million dollars in reconstruction aid to Ukraine, Prime Minister "
        "Fumio Kishida announced in Tokyo on Monday.\n\nUkraine thanked Japan for its support. Russia criticised "
        "the decision.",
    },
    {
        "id": "hostile",
        "date": "2024-07-10",
        "title": f"Breaking {PAYLOADS[1]} news {PAYLOADS[0]}",
        "url": "javascript:window.__xss=5",
        "source": PAYLOADS[2],
        "text": f"KYIV — Officials said Russia attacked Ukraine {PAYLOADS[0]} on Tuesday.\n\n"
        f'"We condemn {PAYLOADS[1]} this attack {PAYLOADS[3]}," Zelenskyy said.',
    },
]
VIEWS = {
    "overview": "#/overview",
    "timeline": "#/timeline?a=UKR",
    "network": "#/network",
    "map": "#/map",
    "evidence": "#/evidence?doc=border-clash&event=e1",
    "promises": "#/promises?as_of=2024-08-10",
    "quotes": "#/quotes",
}
# the views as docs/DASHBOARD.md shows them, on the demo store
SHOWN = {
    "overview": "#/overview?from=2022-01-01",
    "timeline": "#/timeline?a=USA",
    "network": "#/network",
    "map": "#/map",
    "evidence": "#/evidence?doc=demo-001&event=e1",
    "promises": "#/promises?as_of=2025-01-24",
    "quotes": "#/quotes",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with Store(folder / "news.duckdb") as store:
        summary = run_ingest([str(source)], store, workers=1)
    assert summary.stored == len(ARTICLES) and not summary.problems
    con = duckdb.connect(str(folder / "news.duckdb"))  # names no coder would find, as a hostile feed could carry
    con.execute("UPDATE actors SET name = ? || name WHERE doc_id = 'hostile'", [PAYLOADS[0]])
    con.execute("UPDATE places SET name = ? || name WHERE doc_id = 'hostile'", [PAYLOADS[2]])
    con.execute("UPDATE quotes SET speaker_text = ? WHERE doc_id = 'hostile'", [PAYLOADS[1]])
    con.close()
    return folder / "news.duckdb"


@pytest.fixture(scope="module")
def server(db):
    process, url = serve(db, db.with_name("serve.log"))
    yield url
    stop(process)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page of the dashboard with everything the browser complained about."""

    def __init__(self, browser, server: str):
        self.server = server
        self.page = browser.new_page(viewport={"width": 1440, "height": 1000})
        self.page.set_default_timeout(10_000)
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))

    def open(self, address: str) -> str:
        """Open a view; its text once it is drawn."""
        self.page.goto(f"{self.server}/{address}")
        self.page.wait_for_selector("#view[data-state=ready]", timeout=30_000)
        return self.page.inner_text("#view")

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()


@pytest.fixture
def visit(browser, server):
    visit = Visit(browser, server)
    yield visit
    visit.page.close()
    assert not visit.problems, visit.problems


def test_overview_and_places_count_the_events_the_store_has(server, db):
    with Store(db, read_only=True) as store:
        everything = len(event_rows(store, Filters()).fetchall())
        assaults = len(event_rows(store, Filters(plover="ASSAULT")).fetchall())
        placed = store.con.execute(
            "SELECT count(*) FROM events e JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place"
            " WHERE p.lat IS NOT NULL"
        ).fetchall()[0][0]
    overview = httpx.get(f"{server}/api/overview").json()
    assert overview["events"] == sum(r["events"] for r in overview["series"]) == everything > 0
    assert overview["documents"] == len(ARTICLES)
    assert httpx.get(f"{server}/api/overview", params={"type": "assault"}).json()["events"] == assaults > 0
    places = httpx.get(f"{server}/api/places").json()
    assert sum(p["events"] for p in places["items"]) == places["events"] - places["unplaced"] == placed > 0
    refused = httpx.get(f"{server}/api/places", params={"type": "BOMB"})
    assert refused.status_code == 422 and "not a PLOVER type" in refused.json()["detail"]


def test_overview_counts_types_actors_and_speakers(visit):
    text = visit.open(VIEWS["overview"])
    assert visit.count("#view svg.plot rect") > 0 and visit.count("#view svg.plot circle") > 0
    for label in ("top actors", "top dyads", "most quoted speakers", "assault", "indmil → chnmil", "rajnath singh"):
        assert label in text.lower()  # headings are upper case on screen


def test_timeline_draws_periods_and_completes_actor_names(visit):
    text = visit.open(VIEWS["timeline"])
    assert "(UKR)" in text and visit.count("g.periods rect") > 0 and visit.count("g.scores circle") > 0
    visit.page.fill("input[name=a]", "japa")
    visit.page.wait_for_selector("#actors-a option[value=JPN]", state="attached")


def test_network_draws_actors_and_lists_an_edges_events(visit):
    visit.open(VIEWS["network"])
    graph = "document.getElementById('view').networkGraph"
    assert visit.page.evaluate(f"{graph}.nodes().length") >= 4 and visit.count("#network canvas") > 0
    visit.page.evaluate(f"void {graph}.edges('[source = \"INDMIL\"][target = \"CHNMIL\"]').emit('tap')")
    visit.page.wait_for_selector("#panel-body ol.events li")
    assert "clashed" in visit.page.inner_text("#panel-body")


def test_map_draws_countries_and_places(visit):
    visit.open(VIEWS["map"])
    assert visit.count("svg.map path.country") > 100 and visit.count("svg.map circle.place") >= 3
    visit.page.locator("svg.map circle.place").last.click()  # the smallest, drawn on top
    assert visit.count(".place-details a.evidence-link") > 0


def test_evidence_marks_spans_and_explains_the_event(visit):
    text = visit.open(VIEWS["evidence"])
    assert "Clash on the border" in text and "pattern" in text and "parse" in text
    assert "clashed" in visit.page.inner_text(".text .chosen .k-trigger")
    assert visit.count(".text .k-actor") >= 3 and visit.count(".text .k-quote") > 0 and visit.count(".text .k-place")
    visit.page.locator(".text .k-quote", has_text="every inch").first.click()
    assert "Rajnath Singh" in visit.page.inner_text(".span-details")


def test_promises_judge_deadlines_on_the_day_chosen(visit):
    assert "Turkey" in visit.open(VIEWS["promises"]) and visit.count("#view svg.plot circle") == 1
    assert visit.page.inner_text("table.grid .state") == "due"  # 15 August, seen on 10 August: within a week
    for day, state in (("2024-06-05", "open"), ("2024-09-01", "past due")):
        visit.open(f"#/promises?as_of={day}")
        assert visit.page.inner_text("table.grid .state") == state


def test_quotes_by_speaker(visit):
    text = visit.open(VIEWS["quotes"])
    assert "Our ports must stay open" in text and visit.count("#view svg.plot rect") > 0
    assert "Rajnath Singh" in visit.open("#/quotes?speaker=Singh") and "ports" not in visit.page.inner_text("#view")


def test_one_click_from_an_event_to_its_evidence(visit):
    visit.open("#/timeline?a=INDMIL")
    visit.page.locator("g.periods rect").first.click()
    visit.page.locator("#panel-body a.evidence-link").first.click()
    visit.page.wait_for_selector("#view[data-view=evidence][data-state=ready]")
    assert "clashed" in visit.page.inner_text(".text .chosen") and "190 ASSAULT" in visit.page.inner_text(".explain")


def test_a_bad_choice_is_said_in_one_line(visit):
    for address, said in (
        ("#/evidence?doc=no-such-article", "no document 'no-such-article' in the store"),
        ("#/overview?type=BOMB", "'type': 'BOMB' is not a PLOVER type"),
    ):
        visit.page.goto(f"{visit.server}/{address}")
        visit.page.wait_for_selector("#view[data-state=error]")
        assert visit.page.inner_text("#view p.error").startswith(said)
    assert all("status of 4" in problem for problem in visit.problems)  # the browser notes the 404 and 422
    visit.problems.clear()


def test_no_payload_runs_and_all_are_shown_as_text(visit):
    hostile = {**VIEWS, "timeline": "#/timeline?a=RUS", "evidence": "#/evidence?doc=hostile", "quotes": "#/quotes"}
    shown = ""
    for view, address in hostile.items():
        shown += visit.open(address)
        clickable = visit.page.locator("g.periods rect, svg.map circle.place, .text span.k-quote")
        if clickable.count():  # what a click shows: the events of a period or place, a quote's speaker
            clickable.last.click()
            shown += visit.page.inner_text("body")
        assert visit.page.evaluate("window.__xss") is None, view
        assert visit.count("#view img, #view script, #view iframe, [onerror], [onload]") == 0, view
    for payload in PAYLOADS[:3]:
        assert payload in shown
    assert "Breaking" in shown and visit.count("a[href^=javascript]") == 0


@pytest.mark.skipif(not os.environ.get("EVENTWIRE_SCREENSHOTS"), reason="set EVENTWIRE_SCREENSHOTS=1 to take them")
def test_screenshots_of_the_demo_store(browser, tmp_path):
    demo = Path(os.environ.get("EVENTWIRE_DEMO_DB") or tmp_path / "demo.duckdb")
    if not demo.exists():
        subprocess.run([EVENTWIRE, "demo", "--db", str(demo)], check=True, capture_output=True)
    process, url = serve(demo, tmp_path / "serve.log")
    try:
        visit = Visit(browser, url)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name, address in SHOWN.items():
            visit.open(address)
            if name == "timeline":  # a period's events
                visit.page.locator("g.periods rect").nth(3).click()
                visit.page.wait_for_selector("#panel-body ol.events li")
            if name == "evidence":  # what a quote is
                visit.page.locator(".text .k-quote").first.click()
            visit.page.screenshot(path=SCREENSHOTS / f"{name}.png")
        assert not visit.problems, visit.problems
    finally:
        stop(process)
