"""The long run of the model-based editing test (issue 8): many seeds of random editing in the real main
window, each checked step by step against the model of ``tests/ui/editing_model.py``.

Run: QT_QPA_PLATFORM=offscreen python tests/perf/run_editing_model.py [--steps 50000] [--per-seed 2500]
     [--first-seed 1000]

Prints, per seed and in total: steps, invariants checked, undo-everything/redo checkpoints, operations by
kind, time per step; and every mismatch (seed and step, the last operations) -- the run goes on with the
next seed. Exit code 1 when any seed failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))

ITEMS = ["i-04-02", "i-05-02", "i-06-03"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=50_000)
    parser.add_argument("--per-seed", type=int, default=2_500)
    parser.add_argument("--first-seed", type=int, default=1000)
    parser.add_argument("--checkpoint", type=int, default=250)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from editing_model import EditingRun, ModelMismatch

    from editor.templates import load_template
    from editor.ui.document import ReportDocument
    from editor.ui.main_window import MainWindow

    errors: list[str] = []
    sys.excepthook = lambda *exc: errors.append("".join(traceback.format_exception(*exc)))  # slot exceptions
    tmp = Path(tempfile.mkdtemp(prefix="editing-model-"))
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    total_steps = total_checks = total_undo_all = 0
    ops: dict[str, int] = {}
    failures: list[str] = []
    seed = args.first_seed
    t0 = time.perf_counter()
    while total_steps < args.steps:
        steps = min(args.per_seed, args.steps - total_steps)
        window = MainWindow(ReportDocument(load_template("sample-dongguan-2022")), settings,
                            recovery_folder=tmp / "recovery")
        window.resize(1100, 800)
        window.show()
        run = EditingRun(window, ITEMS, seed=seed, checkpoint_every=args.checkpoint)
        t = time.perf_counter()
        status = "ok"
        try:
            run.run(steps)
        except ModelMismatch as e:
            failures.append(str(e))
            status = "MISMATCH: " + str(e).splitlines()[0]
        except Exception:  # noqa: BLE001 - report and go on with the next seed
            failures.append(f"seed {seed}, step {run.stats.steps}: " + traceback.format_exc())
            status = "ERROR: " + traceback.format_exc().splitlines()[-1]
        if errors:
            failures.extend(f"seed {seed}: exception in a slot:\n{e}" for e in errors)
            status += f" ({len(errors)} slot exceptions)"
            errors.clear()
        dt = time.perf_counter() - t
        s = run.stats
        total_steps += s.steps
        total_checks += s.checks
        total_undo_all += s.undo_all
        for k, v in s.ops.items():
            ops[k] = ops.get(k, 0) + v
        print(f"seed {seed}: {s.steps} steps, {s.checks} invariants checked, {s.undo_all} undo-all/redo "
              f"checkpoints, {dt / max(1, s.steps) * 1000:.1f} ms/step: {status}", flush=True)
        window.doc.undo_stack.setClean()
        window.close()
        window.deleteLater()
        app.processEvents()
        seed += 1
        if status != "ok" and s.steps == 0:
            total_steps += 1  # never loop forever on a seed that fails at once
    elapsed = time.perf_counter() - t0
    print(f"\nTOTAL: {total_steps} steps over {seed - args.first_seed} seeds, {total_checks} invariants checked, "
          f"{total_undo_all} undo-everything/redo checkpoints, {elapsed:.0f} s "
          f"({elapsed / max(1, total_steps) * 1000:.1f} ms/step); failures: {len(failures)}")
    print("operations: " + ", ".join(f"{k} {v}" for k, v in sorted(ops.items(), key=lambda kv: -kv[1])))
    for f in failures:
        print("\n" + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
