"""The store of the story tests."""

import pytest

from eventwire.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "stories.duckdb") as s:
        yield s
