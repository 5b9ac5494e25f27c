"""Whole-process start-up benchmark (plain script, not part of the test run):

    python tests/perf/bench_startup.py [--frozen PATH] [--repeat N] [--baseline DIR] [--no-window]

Measures, in this one run, the wall time of fresh processes:
- ``report-editor export`` of the sample and of a report 50x the sample, as the pip-installed command (the
  console script of this environment, running this checkout) and as the frozen application of the .deb
  (/usr/bin/report-editor when the package is installed, else build/deb/frozen/ after build-deb.sh, or --frozen);
- pandoc converting the same text (Markdown) to .docx, the baseline;
- the window opening the sample offscreen, from the start of the process to the window shown and painted
  (the moment the application prints "shown after", REPORT_EDITOR_EXIT_WHEN_SHOWN=1).
With ``--baseline DIR`` (another checkout, e.g. ``git archive`` of main unpacked there) that checkout's command
is measured in the same run, for before/after figures with pandoc's. Prints medians and ratios. Targets: export of the sample <= 0.1 s; 50x faster than pandoc (ratio < 1.0);
window shown <= 0.8 s from the package.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT)]

from bench_export import markdown_of  # noqa: E402
from common import large_report, sample_report  # noqa: E402

from editor.storage import write_project  # noqa: E402


CPU: dict[float, float] = {}  # wall median -> CPU median of the same measurement (user + system)


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def wall(cmd: list[str], env: dict, cwd: Path, repeat: int) -> float:
    """Median wall time of the command (exit code 0, or 1 for ``check`` finding errors); the median CPU time
    is kept in CPU (less disturbed than wall time when other work shares the machine)."""
    times, cpu = [], []
    for i in range(repeat + 1):
        c0 = _children_cpu()
        t0 = time.perf_counter()
        r = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True)
        t1 = time.perf_counter()
        if r.returncode not in (0, 1) or (r.returncode == 1 and "check" not in cmd):
            raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr.decode('utf-8', 'replace')[-1000:]}")
        if i:  # the first run warms the disk cache
            times.append(t1 - t0)
            cpu.append(_children_cpu() - c0)
    med = statistics.median(times)
    CPU[med] = statistics.median(cpu)
    return med


def until_shown(cmd: list[str], env: dict, cwd: Path, repeat: int) -> float:
    """Median time from starting the process to its "shown after" line (window shown and painted)."""
    times = []
    for i in range(repeat + 1):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        shown = None
        for line in proc.stdout:
            if line.startswith(b"shown after"):
                shown = time.perf_counter() - t0
        if proc.wait() != 0 or shown is None:
            raise SystemExit(f"the window did not open: {' '.join(cmd)}")
        if i:  # the first run warms the disk cache
            times.append(shown)
    return statistics.median(times)


def pip_command() -> list[str]:
    script = Path(sys.executable).with_name("report-editor")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "editor"]


def frozen_command(given: str | None) -> list[str] | None:
    for candidate in (given, "/usr/bin/report-editor", ROOT / "build" / "deb" / "frozen" / "report-editor" /
                      "report-editor"):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    return None


def ms(t: float) -> str:
    return f"{t * 1000:7.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frozen", help="the frozen application's executable")
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--baseline", metavar="DIR", help="another checkout to measure in the same run (before/after)")
    ap.add_argument("--no-window", action="store_true", help="leave out the window start")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        tmp = Path(tmp)
        home = tmp / "home"
        home.mkdir()
        write_project(tmp / "sample.fzbg", sample_report(), backup=False)
        write_project(tmp / "large.fzbg", large_report(50), backup=False)
        (tmp / "sample.md").write_text(markdown_of(sample_report()), encoding="utf-8")
        (tmp / "large.md").write_text(markdown_of(large_report(50)), encoding="utf-8")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
        pip_env = dict(env, PYTHONPATH=str(ROOT))  # this checkout, as the console script runs it
        win_env = {"QT_QPA_PLATFORM": "offscreen", "REPORT_EDITOR_EXIT_WHEN_SHOWN": "1"}
        n = args.repeat

        rows: dict[str, dict[str, float]] = {}
        pandoc = shutil.which("pandoc")
        if pandoc:
            rows["pandoc md->docx"] = {
                "sample": wall([pandoc, "-o", "p.docx", "sample.md"], env, tmp, n),
                "50x": wall([pandoc, "-o", "p.docx", "large.md"], env, tmp, max(3, n // 2)),
            }
        commands = {}
        if args.baseline:
            commands["baseline (" + Path(args.baseline).name + ")"] = (
                pip_command(), dict(env, PYTHONPATH=str(Path(args.baseline).resolve())))
        commands["pip-installed command"] = (pip_command(), pip_env)
        frozen = frozen_command(args.frozen)
        if frozen:
            commands["package (frozen)"] = (frozen, env)
        for label, (cmd, cenv) in commands.items():
            rows[label] = {
                "python start": wall(cmd + ["--version"], cenv, tmp, n),
                "sample": wall(cmd + ["export", "sample.fzbg", "-o", "s.docx"], cenv, tmp, n),
                "50x": wall(cmd + ["export", "large.fzbg", "-o", "l.docx"], cenv, tmp, max(3, n // 2)),
                "check": wall(cmd + ["check", "sample.fzbg"], cenv, tmp, n),
            }
            if not args.no_window:
                rows[label]["window"] = until_shown(cmd + ["sample.fzbg"], dict(cenv, **win_env), tmp, max(3, n // 2))

    print(f"whole-process wall times, medians of {n} runs (50x and window: {max(3, n // 2)}); "
          f"in brackets the CPU time (user + system) of the same runs")
    keys = ("python start", "sample", "50x", "check", "window")
    print(f"{'':24s}" + "".join(f"{h:>18s}" for h in ("--version", "export", "export 50x", "check", "window")))
    for label, r in rows.items():
        cells = []
        for k in keys:
            c = r.get(k)
            cells.append("" if c is None else f"{c * 1000:.0f} ms" + (f" ({CPU[c] * 1000:.0f})" if c in CPU else ""))
        print(f"{label:24s}" + "".join(f"{c:>18s}" for c in cells))
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (2 cores here; above ~1 the figures are inflated)")
    print()
    ok = True
    base = rows.get("pandoc md->docx")
    for label, r in rows.items():
        if label.startswith("pandoc"):
            continue
        met = r["sample"] <= 0.1
        ok &= met
        line = f"{label}: export of the sample {ms(r['sample']).strip()} (target <= 100 ms: {'MET' if met else 'MISSED'})"
        if base:
            ratio = r["50x"] / base["50x"]
            ok &= ratio < 1.0
            line += (f"; 50x/pandoc {ratio:.2f} (target < 1.0: {'MET' if ratio < 1.0 else 'MISSED'})"
                     f"; sample/pandoc {r['sample'] / base['sample']:.2f}")
        print(line)
    if "window" in rows.get("package (frozen)", {}):
        w = rows["package (frozen)"]["window"]
        ok &= w <= 0.8
        print(f"package (frozen): window shown with the sample {ms(w).strip()} "
              f"(target <= 800 ms: {'MET' if w <= 0.8 else 'MISSED'})")
    else:
        print("package not built or installed: no figures for the frozen application "
              "(bash resources/packaging/build-deb.sh)")
    if not base:
        print("pandoc not installed: no pandoc baseline")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
