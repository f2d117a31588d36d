"""Time the full test command, the fast loop, a strict build (cold and warm), the slowest tests.

Run from the project root: ``python scripts/benchmark.py [--runs N]``. It prints
figures (each the median of the runs) and asserts nothing: budgets are read by
people, not enforced by a timed test.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tensornotes import project

ROOT = project.root(Path(__file__).parent)
BIN = Path(sys.executable).parent
FAST = ["-m", "not browser and not kernel"]
"""The README's fast loop: every test but the browser and the notebook kernels."""
_DURATION = re.compile(r"^([\d.]+)s (setup|call|teardown)\s+(\S+)$", re.M)


def timed(command: list[str], **variables: str) -> tuple[float, str]:
    """Run a command from the project root; return its wall time and its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    test_times, fast_times, build_times, cold_times = [], [], [], []
    per_test: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        elapsed, output = timed([str(BIN / "pytest"), "--durations=0", "--durations-min=0"])
        test_times.append(elapsed)
        totals: dict[str, float] = defaultdict(float)
        for seconds, _phase, test in _DURATION.findall(output):
            totals[test] += float(seconds)
        for test, seconds in totals.items():
            per_test[test].append(seconds)
        fast_times.append(timed([str(BIN / "pytest"), *FAST])[0])
        build = [str(BIN / "mkdocs"), "build", "--strict", "-d"]
        with tempfile.TemporaryDirectory() as site:
            # cold: every notebook rendered anew, as in a fresh clone or the test run
            elapsed, _ = timed([*build, site], NOTEBOOK_CACHE="false")
        cold_times.append(elapsed)
        with tempfile.TemporaryDirectory() as site:
            # warm: mkdocs-jupyter's renders cached (.cache/mkdocs-jupyter), a maintainer's rebuild
            elapsed, _ = timed([*build, site])
        build_times.append(elapsed)

    print(
        f"full test command (pytest): median {statistics.median(test_times):.1f} s "
        f"of {', '.join(f'{t:.1f}' for t in test_times)}"
    )
    print(
        f"fast loop (pytest {' '.join(FAST[:1])} \"{FAST[1]}\"): median "
        f"{statistics.median(fast_times):.1f} s of {', '.join(f'{t:.1f}' for t in fast_times)}"
    )
    for label, times in (("cold", cold_times), ("warm", build_times)):
        print(
            f"strict build (mkdocs build --strict), {label}: median "
            f"{statistics.median(times):.1f} s of {', '.join(f'{t:.1f}' for t in times)}"
        )
    print("slowest ten tests (median of setup + call + teardown, inside a worker):")
    slowest = sorted(per_test.items(), key=lambda item: statistics.median(item[1]), reverse=True)
    for test, seconds in slowest[:10]:
        print(f"  {statistics.median(seconds):5.2f} s  {test}")


if __name__ == "__main__":
    main()
