#!/usr/bin/env python3
"""Figures for the seed as one runbook (issue 11), on a release build:

- the wall time of scripts/examples/seed-pipeline.bgsh on a fresh simulator state, process
  start included (20 runs: median and worst; goal 200 ms);
- its number of Cloud calls, by service and operation (`--debug` logs each simulated call).

Usage: scripts/bench/seed-pipeline.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests: nothing here fails on a slow machine.
"""
import collections
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shell import ROOT, build  # noqa: E402  (the same release build as the other figures)

RUNBOOK = os.path.join(ROOT, "scripts", "examples", "seed-pipeline.bgsh")


def run(binary, tmp, n, debug=False):
    state = os.path.join(tmp, f"sim{n}.db")
    env = dict(os.environ, HOME=tmp)
    args = [binary, "--state", state] + (["--debug"] if debug else []) + [RUNBOOK]
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    took = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit(f"the runbook failed ({done.returncode}): {done.stderr[-2000:]}")
    return took, done.stderr


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else build()
    with tempfile.TemporaryDirectory() as tmp:
        run(binary, tmp, 0)  # warm the page cache
        times = sorted(run(binary, tmp, i + 1)[0] for i in range(20))
        print(f"seed-pipeline.bgsh on a fresh state (20 runs): median {statistics.median(times):.0f} ms, worst {times[-1]:.0f} ms")
        _, log = run(binary, tmp, 99, debug=True)
        calls = collections.Counter(line.split()[2] for line in log.splitlines() if line.startswith("debug: sim ") and len(line.split()) > 3)
        print(f"Cloud calls: {sum(calls.values())} ({len(calls)} operations)")
        for op, count in calls.most_common(12):
            print(f"  {count:4d}  {op}")


if __name__ == "__main__":
    main()
