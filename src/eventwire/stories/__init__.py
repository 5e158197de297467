"""Stories: the copies of one text that outlets publish with small edits, found so that an event is counted once.

A wire story is republished with another agency's name, a new headline, a rewritten first paragraph, paragraphs
dropped or a correction appended. Each stored document gets a MinHash signature of its word shingles (persisted
in the store's ``signatures`` table); an LSH index over them finds, for a new document, the stored ones whose
shingles overlap enough (estimated Jaccard similarity at least :data:`THRESHOLD`, chosen by measurement: see
docs/EVALUATION.md), and the document joins the story of the most similar one. A document that matches none starts
a story, whose id is its own ``doc_id``: the first document seen is the story's canonical text, and the id stays
the same whatever joins later. :mod:`.clusters` then counts an event reported by many documents once.

The index is built from the store when a :class:`Stories` is first used and then kept up to date batch by batch,
so a batch is matched against everything stored before it (by earlier runs and other processes too) at ingest
speed. In memory it takes about 12 KB per stored document (datasketch's LSH at this threshold keeps 37 bands of 3
values for each; measured on 10,000 articles, docs/BENCHMARKS.md): 1.2 GB for 100,000 documents.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

from .outlets import outlet

if TYPE_CHECKING:  # imported where used: a store opened only to be read needs neither
    import numpy as np

NUM_PERM = 128  # hash functions per signature: the error of an estimated Jaccard similarity is about 1/sqrt(128)
SHINGLE = 5  # words per shingle
THRESHOLD = 0.3  # estimated Jaccard similarity from which two documents are one story
SCHEME = "affine32"  # datasketch's hashing scheme, named when a stored signature is read back
WORD = re.compile(r"\w+")
MIX = 0x9E3779B1  # an odd multiplier that spreads the words' hashes over a shingle's hash
DDL = "CREATE TABLE IF NOT EXISTS signatures (doc_id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, minhash BLOB NOT NULL);"


def shingles(text: str) -> np.ndarray:
    """32-bit hashes of the runs of :data:`SHINGLE` words of a text, lowercased (punctuation and spacing do not
    matter), each once. Each word is hashed once (CRC-32, the same in every process, as the stored signatures need)
    and a run's hash is computed from its words' with numpy: hashing each shingle's text with SHA-1, datasketch's
    default, made matching a third slower (bench/stories.py)."""
    import numpy as np

    words = np.array([zlib.crc32(w.encode()) for w in WORD.findall(text.lower())], dtype=np.uint64)
    runs = max(1, len(words) - SHINGLE + 1)
    hashes = np.zeros(runs if len(words) else 0, dtype=np.uint64)
    for i in range(min(SHINGLE, len(words))):
        hashes = hashes * np.uint64(MIX) + words[i : i + runs]
    return np.unique(hashes & np.uint64(0xFFFFFFFF))


class Stories:
    """The LSH index of a store's signatures, and the story of each indexed document; made when first used, as
    datasketch imports SciPy (a second that only an ingest pays)."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.lsh = None

    def _reset(self) -> None:
        from datasketch import MinHash, MinHashLSH

        # its permutations are shared by every signature made; the shingles come hashed already
        self._hasher = MinHash(NUM_PERM, scheme=SCHEME, hashfunc=int)
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        self.signature: dict[str, np.ndarray] = {}
        self.story: dict[str, str] = {}

    def assign(self, con, documents: list[dict]) -> None:
        """Give each document row (``doc_id``, ``source``, ``url``, ``text``) its ``outlet`` and ``story_id``, and
        write the signatures, on ``con`` in the transaction that stores the documents. Each document is matched
        against the stored ones and those before it in ``documents``."""
        import pyarrow as pa

        self._catch_up(con)
        seq = len(self.signature)
        rows = []
        for doc in documents:
            doc["outlet"] = outlet(doc["source"], doc["url"], doc["text"])
            found = shingles(doc["text"])
            if not len(found):  # no words: nothing to compare, a story of its own
                doc["story_id"] = doc["doc_id"]
                continue
            minhash = self._hasher.copy()
            minhash.update_batch(found)
            match = self._closest(minhash)
            doc["story_id"] = self.story[match] if match else doc["doc_id"]
            self._index(doc["doc_id"], minhash.hashvalues, doc["story_id"])
            rows.append({"doc_id": doc["doc_id"], "seq": seq, "minhash": minhash.hashvalues.tobytes()})
            seq += 1
        if rows:
            signatures = pa.schema([("doc_id", pa.string()), ("seq", pa.int64()), ("minhash", pa.binary())])
            con.register("new_signatures", pa.Table.from_pylist(rows, schema=signatures))
            try:
                con.execute("INSERT INTO signatures SELECT * FROM new_signatures")
            finally:
                con.unregister("new_signatures")

    def _closest(self, minhash) -> str | None:
        """The indexed document most similar to ``minhash``, if at least :attr:`threshold` similar; the LSH only
        proposes candidates, and their estimated similarity decides."""
        import numpy as np

        scores = {key: float(np.mean(self.signature[key] == minhash.hashvalues)) for key in self.lsh.query(minhash)}
        best = max(sorted(scores), key=scores.__getitem__, default=None)  # a tie goes to the first id, every time
        return best if best is not None and scores[best] >= self.threshold else None

    def _index(self, doc_id: str, hashvalues: np.ndarray, story_id: str) -> None:
        from datasketch import LeanMinHash

        self.lsh.insert(doc_id, LeanMinHash(seed=1, hashvalues=hashvalues, scheme=SCHEME), check_duplication=False)
        self.signature[doc_id] = hashvalues
        self.story[doc_id] = story_id

    def _catch_up(self, con) -> None:
        """Index the signatures stored since this index last looked (by other runs or processes); start again from
        the store if it holds fewer than indexed (a batch whose transaction was rolled back)."""
        import numpy as np

        (stored,) = con.execute("SELECT count(*) FROM signatures").fetchall()[0]
        if self.lsh is None or stored < len(self.signature):
            self._reset()
        if stored == len(self.signature):
            return
        new = con.execute(
            """SELECT s.doc_id, d.story_id, s.minhash FROM signatures s JOIN documents d USING (doc_id)
               WHERE s.seq >= ? ORDER BY s.seq""",
            [len(self.signature)],
        ).fetchall()
        for doc_id, story_id, minhash in new:
            self._index(doc_id, np.frombuffer(minhash, dtype=self._hasher.hashvalues.dtype), story_id)
