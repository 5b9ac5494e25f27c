"""Benchmark: merging a colleague's copy of a project 50x the sample (a note on every third metric, a
paragraph in every tenth item), plan + apply, against a deep copy of the same report measured in the
same run (the merge copies both reports once). Target: plan + apply <= 1 s.

Run: python tests/perf/bench_merge.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "perf"))

from common import large_report, median_time  # noqa: E402

from editor.model.merge import apply_merge, plan_merge  # noqa: E402

TARGET = 1.0


def main() -> int:
    main_report = large_report(50)
    other = main_report.model_copy(deep=True)
    for m in other.metrics[::3]:
        m.note = "同事的备注"
    for n, (_section, chain) in enumerate(other.iter_items()):
        if n % 10 == 0 and not chain[-1].body:
            chain[-1].body = ["同事补写的段落。"]
    base = median_time(lambda: main_report.model_copy(deep=True), repeat=5)
    plan = plan_merge(main_report, [("office", other)])
    t_plan = median_time(lambda: plan_merge(main_report, [("office", other)]), repeat=5)
    t_apply = median_time(lambda: apply_merge(plan, {c.key: "office" for c in plan.conflicts}), repeat=5)
    total = t_plan + t_apply
    print(f"project 50x sample: {len(main_report.metrics)} metrics; {len(plan.taken)} parts taken, "
          f"{len(plan.conflicts)} conflicts")
    print(f"baseline deep copy             median {base * 1000:7.1f} ms")
    print(f"plan_merge                     median {t_plan * 1000:7.1f} ms  ratio {t_plan / base:5.2f}x")
    print(f"apply_merge                    median {t_apply * 1000:7.1f} ms  ratio {t_apply / base:5.2f}x")
    print(f"plan + apply                   {total * 1000:7.1f} ms  target <= {TARGET * 1000:.0f} ms  "
          f"{'OK' if total <= TARGET else 'MISSED'}")
    return 0 if total <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
