"""Long fuzz run of damaged project files (issue 9): the generator of tests/storage/test_fuzz_load.py
with many more cases. Prints the outcomes per mutation and every failure (a traceback, a generic or
non-Chinese message, a loaded file that does not save and reload); exit 1 on any failure.

    QT_QPA_PLATFORM=offscreen python tests/perf/fuzz_projects.py [--count 20000] [--seed 1] [--no-export]
Failing inputs are written to --keep (default: a temporary folder) for a regression case.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from damage import run_fuzz  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument("--keep", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        outcomes, failures = run_fuzz(args.count, args.seed, Path(tmp), export=not args.no_export)
        elapsed = time.perf_counter() - t0
    total: dict[str, int] = {}
    print(f"{'mutation':28s} outcomes")
    for kind in sorted(outcomes):
        by = outcomes[kind]
        print(f"{kind:28s} " + ", ".join(f"{o} {n}" for o, n in sorted(by.items(), key=lambda x: -x[1])))
        for o, n in by.items():
            total[o] = total.get(o, 0) + n
    print()
    print(f"{args.count} damaged files (seed {args.seed}) in {elapsed:.1f} s "
          f"({elapsed / args.count * 1000:.2f} ms per file)")
    for o, n in sorted(total.items(), key=lambda x: -x[1]):
        print(f"  {o:40s} {n:6d}")
    print(f"failures (tracebacks, generic or non-Chinese messages, save/reload mismatches): {len(failures)}")
    if failures:
        keep = Path(args.keep or tempfile.mkdtemp(prefix="fuzz-failures-"))
        keep.mkdir(parents=True, exist_ok=True)
        for i, seed, kind, msg, data in failures[:50]:
            (keep / f"case-{seed}-{i}.fzbg").write_bytes(data)
            print(f"  case {i} ({kind}): {msg[:300]}")
        print(f"failing inputs written to {keep}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
