"""Import speed of this checkout against another checkout of the editor (e.g. the main branch before a
change), in one run: each case is imported in a fresh process per checkout and the best of three CPU
times is printed with the ratio.

Run: ``python tests/perf/compare_import_with.py /path/to/other/checkout``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

CHILD = r"""
import sys, time
from editor.importing import import_file
best = min((lambda c: (import_file(sys.argv[1]), time.process_time() - c)[1])(time.process_time()) for _ in range(3))
print(best)
"""


def cases(tmp: Path) -> dict[str, Path]:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from bench_import import report_text

    out: dict[str, Path] = {}
    for n in (2000, 10000):
        p = tmp / f"r{n}.txt"
        p.write_text(report_text(n), encoding="utf-8")
        out[f"{n} paragraphs (bench text)"] = p
    for n in (10000, 40000):
        p = tmp / f"plain{n}.txt"
        p.write_text("某县司法局2023年法治政府建设年度报告\n一、主要举措\n（一）加强学习。学习。\n"
                     + "\n".join(f"推动依法行政工作第{i}段，持续提升法治水平。" for i in range(n))
                     + "\n某县司法局\n2024年1月1日\n", encoding="utf-8")
        out[f"{n} plain paragraphs after one item"] = p
    d = tmp / "dense.txt"
    d.write_text("某市司法局2023年法治政府建设年度报告\n一、主要工作\n（一）加强审查。审查"
                 + "".join(f"{i % 9 + 1}件和" for i in range(2000)) + "。\n某市司法局\n2024年1月20日\n", encoding="utf-8")
    out["14 KB paragraph, 2,000 figures in one clause"] = d
    out["seed (Dongguan 2022)"] = ROOT / "tests" / "data" / "seed-dongguan-2022.txt"
    return out


def cpu(checkout: Path, path: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, cwd=tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=1800, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    other = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in cases(Path(tmp)).items():
            before, after = cpu(other, path), cpu(ROOT, path)
            print(f"{name:48} other {before:7.3f} s | this {after:7.3f} s | ratio {after / before:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
