"""The dashboard's pages as the server hands them out, without a browser: the Content-Security-Policy, no inline
script or style for it to refuse, no HTML built from strings in the modules, and the token let in once by
`/?token=` and then carried by an HttpOnly cookie that the API accepts as its bearer token."""

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.store import Store
from eventwire.web import COOKIE

TOKEN = "open-sesame-for-tests"
STATIC = resources.files("eventwire.web") / "static"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "empty.duckdb"
    Store(path).close()
    return path


def test_the_page_allows_only_its_own_scripts_and_styles(db):
    answer = TestClient(create_app(db)).get("/")
    assert answer.status_code == 200 and '<main id="view">' in answer.text
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "unsafe" not in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_no_inline_script_or_style_and_no_html_from_strings():
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts and all(" src=" in tag for tag in scripts) and "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+=", page)
    modules = [STATIC / "app.js", STATIC / "lib.js", *(STATIC / "views").iterdir()]
    for module in modules:
        code = module.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", ".html("):
            assert sink not in code, f"{module.name} uses {sink}"


def test_every_vendored_file_is_recorded_with_its_licence():
    folder = STATIC / "vendor"
    rows = re.findall(r"^\| `([^`]+)` \| (\S+) \| (\S+) \|", (folder / "VENDORED.md").read_text(encoding="utf-8"), re.M)
    assert {file for file, _, _ in rows} == {f.name for f in folder.iterdir() if not f.name.endswith((".md", ".txt"))}
    pinned = json.loads((Path(__file__).parents[2] / "tools" / "web" / "package.json").read_text())["dependencies"]
    for _, package, version in rows:  # the versions tools/vendor_web.sh installs
        assert pinned[package] == version and (folder / f"{package.split('/')[-1]}.LICENSE.txt").exists(), package


def test_a_token_lets_the_browser_in_once_then_rides_in_a_cookie(db):
    client = TestClient(create_app(db, token=TOKEN), follow_redirects=False)
    assert client.get("/").status_code == 401 and "?token=" in client.get("/").text
    assert client.get("/", params={"token": "wrong"}).status_code == 401
    assert client.get("/api/health").status_code == 401
    answer = client.get("/", params={"token": TOKEN})
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/").status_code == 200 and client.get("/api/health").status_code == 200  # the cookie kept
    client.cookies.set(COOKIE, "wrong")
    assert client.get("/api/health").status_code == 401
    client.cookies.clear()
    assert client.get("/api/health", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
