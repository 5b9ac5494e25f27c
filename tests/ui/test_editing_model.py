"""The model-based editing test in CI (issue 8): random sequences of selections, typing, deletions, clipboard
operations, drops, input-method commits, figure insertions, undo and redo over fields of the sample that hold
figures, driven with real key and mouse events in the real main window; after every step the model of
:mod:`editing_model` and the program agree, undoing everything returns every field to its start and redo
replays it. 4 seeds x 550 steps; the long run is ``tests/perf/run_editing_model.py``."""

from __future__ import annotations

import pytest

from editing_model import EditingRun
from editor.templates import load_template
from editor.ui.document import ReportDocument

# items of the sample with figures: 四、（二） (2041件, 4 figures), 五、（二） (11 figures), 六、（三） (7)
ITEMS = ["i-04-02", "i-05-02", "i-06-03"]
STEPS = 550


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_editing_keeps_model_and_window_in_step(make_window, seed):
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.resize(1100, 800)
    w.show()
    w.activateWindow()
    items = [i for i in ITEMS if w.doc.report.find_node(i) is not None]
    assert len(items) >= 2
    run = EditingRun(w, items, seed=seed, checkpoint_every=275)
    stats = run.run(STEPS)
    assert stats.steps == STEPS and stats.undo_all == STEPS // 275 + 1
    assert stats.checks > STEPS * 10
    # every kind of operation ran
    assert set(stats.ops) == set(EditingRun.OPS), set(EditingRun.OPS) - set(stats.ops)
