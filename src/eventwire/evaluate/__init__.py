"""Accuracy against gold sets: ``eventwire eval TASK [GOLD.jsonl]`` (method and figures: docs/EVALUATION.md).

Reads gold records (formats: ``../shared/eval/README.md``), runs the real pipeline on each record's text (with
the record's document date where the gold gives one), turns the output into the task's predictions and scores
them. One module per task (:mod:`.quad`, :mod:`.actors`, :mod:`.events`, :mod:`.quotes`, :mod:`.timex`,
:mod:`.places`); shared ones for P/R/F1 (:mod:`.scoring`), span matching (:mod:`.spans`), actor codes as
countries (:mod:`.countries`), running (:mod:`.runner`), printing (:mod:`.report`), the ratchet (:mod:`.floors`)
and the command line (:mod:`.command`).
"""

from .command import add_parser, run
from .runner import evaluate

__all__ = ["add_parser", "evaluate", "run"]
