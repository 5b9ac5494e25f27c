"""Kill test of saving (issue 9): SIGKILL a process that saves a large project in a loop, many times.

After every kill the project must load completely and be one of the versions the writer wrote (the
old or the new one), a ``.bak`` must be present and load (the previous version: same or one before),
and the next start (``remove_interrupted_saves``, what opening the project runs) must leave no
temporary file. Each writer is forked from this process (no start-up cost), so hundreds of kills run
in a couple of minutes.

    QT_QPA_PLATFORM=offscreen python tests/perf/kill_save.py [KILLS] [FACTOR]     # default 500 kills, 50x

Linux/macOS only (fork). A small version runs in the test suite (tests/storage/test_saving_promise.py).
"""

from __future__ import annotations

import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from editor.storage import read_project, write_project  # noqa: E402
from editor.storage.projectfile import remove_interrupted_saves  # noqa: E402


def _marker(report) -> int:
    return int(report.organisations[0].removeprefix("第").removesuffix("版"))


def _versioned(base, n: int):
    base.organisations = [f"第{n}版"]
    return base


def run_kills(folder: Path, kills: int = 500, factor: int = 50, seed: int = 1) -> dict:
    from tests.perf.common import large_report

    rnd = random.Random(seed)
    folder = Path(folder)
    target = folder / "大项目 50倍.fzbg"
    bak = target.with_name(target.name + ".bak")
    report = large_report(factor)
    sections, metrics = len(report.sections), len(report.metrics)
    write_project(target, _versioned(report, 0))
    t0 = time.perf_counter()
    write_project(target, _versioned(report, 1))
    save_s = time.perf_counter() - t0
    failures: list[str] = []
    seen: set[int] = set()
    temporaries_seen = 0
    start = time.perf_counter()
    for round_ in range(kills):
        current = _marker(read_project(target))
        pid = os.fork()
        if pid == 0:  # the writer: saves new versions until it is killed
            try:
                n = current + 1
                while True:
                    write_project(target, _versioned(report, n))
                    n += 1
            finally:
                os._exit(0)
        time.sleep(rnd.uniform(0.0, max(0.25, 4.0 * save_s)))
        os.kill(pid, signal.SIGKILL)  # our own child
        os.waitpid(pid, 0)
        try:
            loaded = read_project(target)
            m = _marker(loaded)
            if m < current or len(loaded.sections) != sections or len(loaded.metrics) != metrics:
                failures.append(f"round {round_}: project is version {m} (was {current}) or incomplete")
            seen.add(m)
            if not bak.exists():
                failures.append(f"round {round_}: no .bak")
            else:
                b = _marker(read_project(bak))
                if b not in (m - 1, m):
                    failures.append(f"round {round_}: .bak is version {b}, project {m}")
        except Exception as e:  # noqa: BLE001 - every failure is counted, not raised
            failures.append(f"round {round_}: {type(e).__name__}: {e}")
        temporaries_seen += sum(1 for f in folder.iterdir() if f.name.endswith(".tmp"))
        remove_interrupted_saves(target)  # what the next start does
        left = [f.name for f in folder.iterdir() if f.name.endswith(".tmp")]
        if left:
            failures.append(f"round {round_}: temporary files survive the next start: {left}")
    return {
        "kills": kills,
        "factor": factor,
        "project_bytes": target.stat().st_size,
        "save_s": save_s,
        "elapsed_s": time.perf_counter() - start,
        "distinct_contents": len(seen),
        "temporaries_left_by_kills": temporaries_seen,
        "temporaries_after_next_start": sum(1 for f in folder.iterdir() if f.name.endswith(".tmp")),
        "failures": failures,
    }


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    factor = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as folder:
        result = run_kills(Path(folder), kills, factor)
    for key, value in result.items():
        if key != "failures":
            print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    print(f"failures: {len(result['failures'])}")
    kinds: dict[str, int] = {}
    for line in result["failures"]:
        kind = line.split(": ", 1)[1].split(":")[0] if ": " in line else line
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items()):
        print(f"  {count} x {kind}")
    for line in result["failures"][:20]:
        print("  " + line)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
