"""Benchmark: import of a .docx 50x the sample (target <= 2 s), against a baseline measured in the
same run: python-docx just opening the same file (``docx.Document(path)``).

Run: ``python tests/perf/bench_import.py``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from common import large_report, median_time, sample_report  # noqa: E402

from editor.export import write_docx  # noqa: E402
from editor.importing import import_file  # noqa: E402

TARGET_S = 2.0


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        small = write_docx(sample_report(), Path(tmp) / "sample.docx")
        big = write_docx(large_report(50), Path(tmp) / "large.docx")
        result = import_file(big)
        r = result.report
        items = sum(1 for _ in r.iter_items())
        print(f"file: {big.stat().st_size / 1024:.0f} KB; imported {len(r.sections)} sections, {items} items, "
              f"{len(r.metrics)} metrics")
        base_small = median_time(lambda: docx.Document(str(small)), repeat=7)
        imp_small = median_time(lambda: import_file(small), repeat=7)
        base = median_time(lambda: docx.Document(str(big)), repeat=5)
        imp = median_time(lambda: import_file(big), repeat=5)
        imp_nometrics = median_time(lambda: import_file(big, metrics=False), repeat=5)
        print(f"sample 1x : python-docx open {base_small * 1000:7.1f} ms | import {imp_small * 1000:7.1f} ms "
              f"| ratio {imp_small / base_small:5.1f}x")
        print(f"sample 50x: python-docx open {base * 1000:7.1f} ms | import {imp * 1000:7.1f} ms "
              f"| ratio {imp / base:5.1f}x | without metrics {imp_nometrics * 1000:7.1f} ms")
        print(f"target <= {TARGET_S:.1f} s: {'OK' if imp <= TARGET_S else 'MISSED'}")
        return 0 if imp <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
