"""What the proofreading costs a cold ``report-editor export`` (plain script, not part of the test run):

    python tests/perf/bench_checks_startup.py [--repeat N] [--baseline DIR]

``export`` runs the errors-only checks (``run_checks(severities={"error"})``) before writing, in a fresh
process. Measured here, each in fresh processes (clean environment, as ``bench_startup.py``), this checkout
and, with ``--baseline DIR`` (another checkout, e.g. ``git archive`` of main unpacked there), that one in the
same run, the two alternating run by run so that a change of load hits both alike:

- ``import editor.checks`` after ``editor.model`` (CPU time of the import alone, measured in the process);
- the errors-only run (after the import) on the sample, on the report 50x the sample
  (``common.large_report(50)``) and on the same 50x report with every paragraph made different (no cache keyed
  on a paragraph's text helps), each the first run in its process (what ``export`` pays: patterns compiled on
  first use included);
- the full run (every rule, what ``check`` and the window do) on the sample, first run in the process;
- whole ``report-editor export`` of the sample and of the 50x report (wall time).

Prints medians (CPU milliseconds from ``time.process_time`` for the in-process figures) and the ratio to the
baseline.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# Run in a fresh interpreter with the checkout first on the path; prints one figure (CPU seconds).
_PROBE = r"""
import sys, time
sys.path[:0] = [{root!r}, {perf!r}]
what = {what!r}
import editor.model
if what == "import":
    t = time.process_time()
    import editor.checks
    print(time.process_time() - t)
    raise SystemExit
from common import large_report, sample_report
report = sample_report() if what.startswith("sample") else large_report(50)
if what == "50x-distinct":
    for k, s in enumerate(report.sections):
        s.intro = [p + f"（第{{k}}份）" for p in s.intro]
        for item in s.items:
            item.body = [p + f"（第{{k}}份）" for p in item.body]
from editor.checks import run_checks
t = time.process_time()
found = run_checks(report) if what == "sample-full" else run_checks(report, severities={{"error"}})
print(time.process_time() - t, len(found))
"""

PROBES = {
    "import editor.checks": "import",
    "errors-only, sample": "sample",
    "errors-only, 50x": "50x",
    "errors-only, 50x all different": "50x-distinct",
    "full run, sample": "sample-full",
}


def probe(root: Path, what: str, env: dict) -> tuple[float, str]:
    code = _PROBE.format(root=str(root), perf=str(root / "tests" / "perf"), what=what)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    first, *rest = out.stdout.split()
    return float(first), " ".join(rest)


def wall(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall time, CPU time user + system) of the command."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True)
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr.decode('utf-8', 'replace')[-1000:]}")
    return t1 - t0, (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--baseline", metavar="DIR", help="another checkout measured in the same run (before/after)")
    args = ap.parse_args()
    trees = {}
    if args.baseline:
        trees["baseline"] = Path(args.baseline).resolve()
    trees["this checkout"] = ROOT
    env0 = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    results: dict[str, dict[str, list[float]]] = {t: {} for t in trees}
    counts: dict[str, dict[str, str]] = {t: {} for t in trees}
    sys.path[:0] = [str(HERE), str(ROOT)]
    from common import large_report, sample_report

    from editor.storage import write_project

    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="bench-checks-startup-") as tmp:
        tmp = Path(tmp)
        (tmp / "home").mkdir()
        write_project(tmp / "sample.fzbg", sample_report(), backup=False)
        write_project(tmp / "large.fzbg", large_report(50), backup=False)
        envs = {t: dict(env0, HOME=str(tmp / "home"), PYTHONPATH=str(root)) for t, root in trees.items()}
        exports = {"export sample": "sample.fzbg", "export 50x": "large.fzbg"}
        for i in range(args.repeat + 1):  # the first round warms the disk cache and the skeleton cache
            for label, what in PROBES.items():
                for t, root in trees.items():
                    cpu, rest = probe(root, what, envs[t])
                    if i:
                        results[t].setdefault(label, []).append(cpu)
                        counts[t][label] = rest
            for label, name in exports.items():
                for t in trees:
                    w, cpu = wall([sys.executable, "-m", "editor", "export", name, "-o", "out.docx"], envs[t], tmp)
                    if i:
                        results[t].setdefault(label + " (wall)", []).append(w)
                        results[t].setdefault(label + " (CPU of the process)", []).append(cpu)
            load.append(os.getloadavg()[0])

    print(f"medians of {args.repeat} fresh processes per figure, ms (CPU time measured in the process; "
          "exports: the whole process)")
    labels = list(PROBES) + [e + k for e in exports for k in (" (wall)", " (CPU of the process)")]
    head = "".join(f"{t:>18s}" for t in trees) + ("      ratio" if len(trees) > 1 else "")
    print(f"{'':40s}{head}")
    for label in labels:
        meds = [statistics.median(results[t][label]) for t in trees]
        line = f"{label:40s}" + "".join(f"{m * 1000:18.1f}" for m in meds)
        if len(meds) > 1:
            line += f"{meds[1] / meds[0]:11.2f}"
        print(line)
    for t in trees:
        shown = {k: v for k, v in counts[t].items() if v}
        print(f"findings ({t}): " + ", ".join(f"{k}: {v}" for k, v in shown.items()))
    print(f"load average (1 min) during the run: {min(load):.2f}–{max(load):.2f} (2 shared cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
