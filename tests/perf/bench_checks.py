"""Benchmark: proofreading checks on a report 50x the sample must take <= 0.5 s.

Baseline in the same run: rendering all text with build_flow (what the export and preview do).
Also measured: the snapshot the problems panel takes on the window thread before each check run,
and a full run on the sample itself (what the panel does while the user types).

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


def main() -> int:
    sample = sample_report()
    big = large_report(50)
    run_checks(sample)  # warm caches (fontconfig list) once, as the running program has them
    flow_big = median_time(lambda: build_flow(big))
    checks_big = median_time(lambda: run_checks(big))
    snap_big = median_time(lambda: big.model_copy(deep=True))
    checks_sample = median_time(lambda: run_checks(sample), repeat=15)
    snap_sample = median_time(lambda: sample.model_copy(deep=True), repeat=15)
    n = len(run_checks(big))
    print(f"50x sample: {len(big.sections)} sections, {len(big.metrics)} metrics, {report_chars(big)} characters")
    print(f"baseline build_flow (50x):      {flow_big * 1000:8.1f} ms")
    print(f"run_checks (50x):               {checks_big * 1000:8.1f} ms   ratio to baseline {checks_big / flow_big:5.2f}"
          f"   ({n} findings; limit {LIMIT * 1000:.0f} ms)")
    print(f"snapshot for the panel (50x):   {snap_big * 1000:8.1f} ms")
    print(f"run_checks (sample):            {checks_sample * 1000:8.1f} ms")
    print(f"snapshot for the panel (sample):{snap_sample * 1000:8.1f} ms")
    ok = checks_big <= LIMIT
    print("PASS" if ok else "FAIL", f"checks of 50x sample {checks_big:.3f} s <= {LIMIT} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
