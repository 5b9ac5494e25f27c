"""Benchmark: save and load of a project 50x the sample (target <= 0.2 s each), against plain json.dumps /
json.loads of the same data measured in the same run; and a cold ``report-editor export`` of the sample as a
subprocess (target <= 1 s) against ``python -c pass``.

Run: python tests/perf/bench_storage.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "perf"))

from common import large_report, median_time  # noqa: E402

from editor.storage import dump_project, parse_project, read_project, write_project  # noqa: E402

SAVE_TARGET = 0.2
LOAD_TARGET = 0.2
EXPORT_TARGET = 1.0


def main() -> int:
    report = large_report(50)
    n_metrics = len(report.metrics)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.fzbg"
        write_project(path, report)
        size = path.stat().st_size
        plain = report.model_dump(mode="json")
        text = json.dumps(plain, ensure_ascii=False)

        base_dump = median_time(lambda: json.dumps(plain, ensure_ascii=False, indent=1).encode("utf-8"))
        base_load = median_time(lambda: json.loads(text))
        t_dump = median_time(lambda: dump_project(report))
        t_save = median_time(lambda: write_project(path, report))
        data = path.read_bytes()
        t_parse = median_time(lambda: parse_project(data))
        t_load = median_time(lambda: read_project(path))

        print(f"project 50x sample: {n_metrics} metrics, {size / 1e6:.2f} MB")
        print(f"baseline json.dumps (dict -> bytes)  median {base_dump * 1000:7.1f} ms")
        print(f"dump_project (model -> bytes)         median {t_dump * 1000:7.1f} ms  ratio {t_dump / base_dump:5.2f}x")
        print(f"write_project (atomic, fsync, .bak)   median {t_save * 1000:7.1f} ms  ratio {t_save / base_dump:5.2f}x"
              f"  target <= {SAVE_TARGET * 1000:.0f} ms  {'OK' if t_save <= SAVE_TARGET else 'MISSED'}")
        print(f"baseline json.loads (text -> dict)    median {base_load * 1000:7.1f} ms")
        print(f"parse_project (bytes -> model)        median {t_parse * 1000:7.1f} ms  ratio {t_parse / base_load:5.2f}x")
        print(f"read_project (file -> model)          median {t_load * 1000:7.1f} ms  ratio {t_load / base_load:5.2f}x"
              f"  target <= {LOAD_TARGET * 1000:.0f} ms  {'OK' if t_load <= LOAD_TARGET else 'MISSED'}")

        sample = ROOT / "templates" / "sample-dongguan-2022.fzbg"
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
        out = Path(tmp) / "sample.docx"

        def run(args):
            subprocess.run(args, check=True, env=env, cwd=tmp, stdout=subprocess.DEVNULL)

        base_py = median_time(lambda: run([sys.executable, "-c", "pass"]), repeat=5)
        t_export = median_time(lambda: run([sys.executable, "-m", "editor", "export", str(sample), "-o", str(out)]),
                               repeat=5)
        print(f"baseline python -c pass               median {base_py * 1000:7.1f} ms")
        print(f"report-editor export sample (cold)    median {t_export * 1000:7.1f} ms  ratio {t_export / base_py:5.2f}x"
              f"  target <= {EXPORT_TARGET * 1000:.0f} ms  {'OK' if t_export <= EXPORT_TARGET else 'MISSED'}")
    ok = t_save <= SAVE_TARGET and t_load <= LOAD_TARGET and t_export <= EXPORT_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
