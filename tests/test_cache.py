"""Cache files built once from their inputs (eventwire.cache): named by a digest, written once, older ones removed."""

import pytest

from eventwire.cache import built, cache_path
from eventwire.errors import UserError


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_the_name_follows_the_inputs(home):
    path = cache_path("words", ".sqlite3", [b"one", b"two"])
    assert path.parent == home / "eventwire" and path.name.startswith("words-") and path.suffix == ".sqlite3"
    assert cache_path("words", ".sqlite3", [b"one", b"two"]) == path
    assert cache_path("words", ".sqlite3", [b"one", b"three"]) != path


def test_a_file_is_written_once_and_replaces_older_ones_of_its_kind(home):
    writes = []

    def write(new):
        writes.append(new)
        new.write_text(f"version {len(writes)}")

    old = built(cache_path("words", ".db", [b"old data"]), write, "word index")
    other = built(cache_path("names", ".db", [b"old data"]), write, "name index")
    new = cache_path("words", ".db", [b"new data"])
    assert built(new, write, "word index") == new
    assert built(new, write, "word index") == new  # there already: not written again
    assert len(writes) == 3 and new.read_text() == "version 3"
    assert not old.exists() and other.exists()
    assert sorted(p.name for p in (home / "eventwire").iterdir()) == sorted([new.name, other.name])  # no temp left


def test_a_cache_folder_that_cannot_be_written_is_one_clear_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    with pytest.raises(UserError, match=r"^cannot write the word index in .*\(set XDG_CACHE_HOME\)$"):
        built(cache_path("words", ".db", [b"data"]), lambda new: None, "word index")
