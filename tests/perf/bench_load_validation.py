"""Benchmark: what the load-time validation (issue 9: limits on figures and ids, duplicate ids, lone
surrogates, deep nesting, oversized texts) costs on a project 50x the sample, against the plain
json.loads + pydantic validation of the same bytes measured in the same run (target: ratio <= 1.3),
and the full walk that a file containing a surrogate escape triggers.

Run: python tests/perf/bench_load_validation.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "perf"))

from common import large_report, median_time  # noqa: E402

from editor.errors import ProjectUnencodableText  # noqa: E402
from editor.model import Report  # noqa: E402
from editor.storage import dump_project, parse_project  # noqa: E402

TARGET_RATIO = 1.3


def main() -> int:
    data = dump_project(large_report(50))
    base = median_time(lambda: Report.model_validate(json.loads(data)["report"]))
    checked = median_time(lambda: parse_project(data))
    damaged = data.replace("引言".encode(), b"\\ud800", 1) if "引言".encode() in data else \
        data.replace(b'"hint": "', b'"hint": "\\ud800', 1)

    def load_damaged():
        try:
            parse_project(damaged)
        except ProjectUnencodableText:
            return
        raise AssertionError("the surrogate was not found")

    walk = median_time(load_damaged)
    ratio = checked / base
    print(f"project 50x sample: {len(data) / 1e6:.2f} MB")
    print(f"baseline json.loads + model_validate      median {base * 1000:7.1f} ms")
    print(f"parse_project (all checks)                median {checked * 1000:7.1f} ms  ratio {ratio:5.2f}x"
          f"  target <= {TARGET_RATIO}x  {'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"parse_project, a surrogate (full walk)    median {walk * 1000:7.1f} ms  ratio {walk / base:5.2f}x")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
