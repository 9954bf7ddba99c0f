#!/usr/bin/env python3
"""Figures for completion (issue 10), on a release build and the seed's resources:

- TAB's latency in the shell's process, from the cache and with a cold lookup on the simulator
  (`bgsh __bench-complete`, 2,000 completions each), p50 and p99;
- the round trip of a `bgsh __complete` process, as the shell completions run it (100 runs).

Usage: scripts/bench/complete.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests: nothing here fails on a slow machine.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shell import ROOT, build  # noqa: E402  (the same release build as the other figures)


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else build()
    with tempfile.TemporaryDirectory() as tmp:
        state = os.path.join(tmp, "sim.db")
        env = dict(os.environ, HOME=tmp, BGSH_STATE=state)
        subprocess.run([binary, "--state", state, os.path.join(ROOT, "scripts", "examples", "seed-setup.bgsh")],
                       cwd=os.path.join(ROOT, "scripts", "examples"), env=env, check=True, stdout=subprocess.DEVNULL)
        for text in ["tg describe g", "listener delete my", "cluster describe E"]:
            out = subprocess.run([binary, "--state", state, "__bench-complete", "2000", "--"] + text.split(" "),
                                 env=env, check=True, capture_output=True, text=True).stdout
            print(f"in-process `{text}<TAB>`: " + "; ".join(out.strip().splitlines()))
        times = []
        for _ in range(100):
            start = time.perf_counter()
            subprocess.run([binary, "__complete", "--", "-c", "tg describe g"], env=env, check=True, stdout=subprocess.DEVNULL)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"`bgsh __complete` round trip (100 runs): median {statistics.median(times):.1f} ms, p99 {times[98]:.1f} ms")


if __name__ == "__main__":
    main()
