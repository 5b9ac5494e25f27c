"""Benchmark: proofreading checks on a report 50x the sample must take <= 0.5 s.

Baseline in the same run: rendering all text with build_flow (what the export and preview do).
Also measured: the snapshot (serialisation) the problems panel takes on the window thread before each
check run, simulated typing with and without the panel checking in the background,
and a full run on the sample itself (what the panel does while the user types).

The wording rules and the figure finder cache their result per paragraph text, and the 50x report repeats
the sample's paragraphs, so the 50x figure is also given cold (caches cleared) and for a 50x report whose
every paragraph is different (a suffix per copy), which no cache helps. The errors-only run ``export`` does
before writing is given the same two ways (its cost in a fresh process: ``bench_checks_startup.py``). Loading the term lists and pypinyin
is measured in fresh interpreters (it happens on the first check run, in the panel's worker thread).

    python tests/perf/bench_checks.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import large_report, median_time, report_chars, sample_report  # noqa: E402

from editor.checks import run_checks  # noqa: E402
from editor.model import build_flow  # noqa: E402

LIMIT = 0.5


def typing_latency(report, keystrokes: int = 150, pause_s: float = 0.02) -> dict:
    """Simulated typing into one paragraph of ``report`` (an edit every ``pause_s``, events processed
    in between), without and with the problems panel checking in the background (debounce 0 ms, so
    checks run continuously: the worst case). Returns median, 95th percentile, worst (ms), check runs."""
    import os
    import statistics
    import time

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.model import FieldRef
    from editor.ui.document import ReportDocument
    from editor.ui.problems_panel import ProblemsPanel

    app = QApplication.instance() or QApplication([])
    item = report.sections[0].items[0]
    ref = FieldRef(item.id, "body", 0)
    out = {}
    for with_panel in (False, True):
        doc = ReportDocument(report.model_copy(deep=True))
        runs = [0]
        panel = None
        if with_panel:
            panel = ProblemsPanel(doc, delay_ms=0)
            panel.refreshed.connect(lambda runs=runs: runs.__setitem__(0, runs[0] + 1))
        base = doc.get(ref)
        times = []
        for k in range(keystrokes):
            t0 = time.perf_counter()
            doc.set_field(ref, base + "加" * (k + 1))
            app.processEvents()
            times.append(time.perf_counter() - t0)
            end = time.perf_counter() + pause_s
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.001)
        if panel is not None:
            panel.shutdown()
            app.processEvents()
            panel.deleteLater()
            app.processEvents()
        times.sort()
        out["with checks" if with_panel else "without checks"] = (
            statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000, times[-1] * 1000, runs[0])
    return out


def unique_copies(report):
    """``report`` with a different suffix on every paragraph of every copy (no two paragraphs equal)."""
    import copy

    out = copy.deepcopy(report)
    for k, s in enumerate(out.sections):
        s.intro = [p + f"（第{k}份）" for p in s.intro]
        for item in s.items:
            item.body = [p + f"（第{k}份）" for p in item.body]
    return out


def clear_caches() -> None:
    from editor.checks import rules_figures, rules_wording, terms

    rules_wording._cached_hits.cache_clear()
    rules_figures.figures.cache_clear()
    terms._matcher_for.cache_clear()
    terms.builtin_terms.cache_clear()


def load_cost() -> tuple[float, float]:
    """Median seconds of (import editor.checks) and (the same + loading the term lists and pypinyin), each
    in a fresh interpreter."""
    import statistics
    import subprocess

    def run(code: str) -> float:
        times = []
        for _ in range(5):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                 cwd=str(Path(__file__).resolve().parents[2]))
            times.append(float(out.stdout.strip()))
        return statistics.median(times)

    base = ("import time; t=time.perf_counter(); import editor.checks; "
            "print(time.perf_counter()-t)")
    terms = ("import time; t=time.perf_counter(); import editor.checks; "
             "from editor.checks.terms import matcher, readings; matcher(); readings('中'); "
             "print(time.perf_counter()-t)")
    return run(base), run(terms)


def main() -> int:
    sample = sample_report()
    big = large_report(50)
    run_checks(sample)  # warm caches (fontconfig list) once, as the running program has them
    flow_big = median_time(lambda: build_flow(big))

    def cold():
        clear_caches()
        run_checks(big)

    checks_cold = median_time(cold, repeat=3)
    distinct = unique_copies(big)
    checks_distinct = median_time(lambda: (clear_caches(), run_checks(distinct)), repeat=3)
    checks_big = median_time(lambda: run_checks(big))
    # what `export` runs before writing: the rules that can report an error, errors only
    errors_big = median_time(lambda: (clear_caches(), run_checks(big, severities={"error"})))
    errors_distinct = median_time(lambda: (clear_caches(), run_checks(distinct, severities={"error"})))
    snap_big = median_time(lambda: big.model_dump_json())
    checks_sample = median_time(lambda: run_checks(sample), repeat=15)
    snap_sample = median_time(lambda: sample.model_dump_json(), repeat=15)
    n = len(run_checks(big))
    print(f"50x sample: {len(big.sections)} sections, {len(big.metrics)} metrics, {report_chars(big)} characters")
    print(f"baseline build_flow (50x):      {flow_big * 1000:8.1f} ms")
    print(f"run_checks (50x):               {checks_big * 1000:8.1f} ms   ratio to baseline {checks_big / flow_big:5.2f}"
          f"   ({n} findings; limit {LIMIT * 1000:.0f} ms)")
    print(f"run_checks (50x, cold caches):  {checks_cold * 1000:8.1f} ms   ratio to baseline {checks_cold / flow_big:5.2f}")
    print(f"run_checks (50x, every paragraph different, cold): {checks_distinct * 1000:8.1f} ms   "
          f"ratio to baseline {checks_distinct / flow_big:5.2f}")
    print(f"errors only, as export (50x, cold caches): {errors_big * 1000:8.1f} ms; every paragraph different: "
          f"{errors_distinct * 1000:8.1f} ms")
    print(f"snapshot for the panel (50x):   {snap_big * 1000:8.1f} ms")
    print(f"run_checks (sample):            {checks_sample * 1000:8.1f} ms")
    print(f"snapshot for the panel (sample):{snap_sample * 1000:8.1f} ms")
    typing = typing_latency(big)
    for name, (median_ms, p95_ms, worst_ms, runs) in typing.items():
        print(f"keystroke {name:<22} median {median_ms:6.2f} ms  p95 {p95_ms:6.2f} ms  worst {worst_ms:7.2f} ms"
              f"  (check runs finished: {runs})")
    base_s, terms_s = load_cost()
    print(f"fresh interpreter: import editor.checks {base_s * 1000:6.1f} ms; with term lists + pypinyin loaded "
          f"{terms_s * 1000:6.1f} ms (+{(terms_s - base_s) * 1000:.1f} ms, paid on the first check run in the worker)")
    ok = checks_big <= LIMIT and checks_cold <= LIMIT and checks_distinct <= LIMIT
    print("PASS" if ok else "FAIL", f"checks of 50x sample {checks_big:.3f} s (cold {checks_cold:.3f} s, all "
          f"paragraphs different {checks_distinct:.3f} s) <= {LIMIT} s")
    with_checks = typing["with checks"][0]
    print("PASS" if with_checks <= 16 else "FAIL", f"keystroke median with checks {with_checks:.2f} ms <= 16 ms")
    ok = ok and with_checks <= 16
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
