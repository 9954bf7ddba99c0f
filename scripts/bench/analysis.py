#!/usr/bin/env python3
"""Figures for canary analysis (issue 13), on a release build and the simulator:

- a verdict's cost per interval: the Cloud calls `analysis run` makes (from --debug) and its
  wall time in a bgsh process;
- how many one-minute samples a compare judge (Mann-Whitney at 98 %) needs to catch a green whose
  p99 is 20 % worse than blue's (blue's p99 is 120 ms: green answers 24 ms slower), at a few
  request rates with a 50/50 split.

Usage: scripts/bench/analysis.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests: nothing here fails on a slow machine.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shell import ROOT, build  # noqa: E402

SETUP = os.path.join(ROOT, "Tests", "TranscriptTests", "Transcripts", "lib", "web-setup.bgsh")


def bgsh(binary, state, commands, *flags):
    env = dict(os.environ, BGSH_STATE=state, HOME=os.path.dirname(state))
    return subprocess.run([binary, *flags, "-c", commands], env=env, capture_output=True, text=True, cwd=os.path.dirname(SETUP))


def prepare(binary, folder, rate, slower):
    state = os.path.join(folder, f"s{rate}-{slower}.db")
    setup = open(SETUP).read()
    runbook = os.path.join(os.path.dirname(SETUP), f".bench-{os.getpid()}.bgsh")
    fault = f"sim fail --next green --latency {slower}ms\n" if slower else ""
    with open(runbook, "w") as f:
        f.write(setup + f"\ncluster web\nservice web\n{fault}deploy --image nginx:1.29\nwait healthy\nshift 50%\nsim load {rate}/s\nsim advance 20m\n")
    try:
        env = dict(os.environ, BGSH_STATE=state, HOME=folder)
        subprocess.run([binary, runbook], env=env, check=True, capture_output=True)
    finally:
        os.remove(runbook)
    return state


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else build()
    with tempfile.TemporaryDirectory() as folder:
        state = prepare(binary, folder, 20, 0)
        run = bgsh(binary, state, "cluster web; service web; analysis run latency:p99 error-rate --judge compare", "--debug")
        calls = [line for line in run.stderr.splitlines() if line.startswith("debug: ")]
        times = []
        for _ in range(20):
            start = time.perf_counter()
            bgsh(binary, state, "cluster web; service web; analysis run latency:p99 error-rate --judge compare")
            times.append((time.perf_counter() - start) * 1000)
        print(f"analysis run (compare, 2 metrics, 5 samples): {len(calls)} Cloud calls in all, "
              f"{sum('GetMetricData' in c for c in calls)} of them GetMetricData; "
              f"process wall time median {statistics.median(times):.1f} ms (20 runs)")
        for rate in [5, 20, 100]:
            state = prepare(binary, folder, rate, 24)
            needed = None
            for count in range(2, 21):
                out = bgsh(binary, state, f"cluster web; service web; analysis run latency:p99 --judge compare --analysis-count {count}")
                if "fail" in out.stderr:
                    needed = count
                    break
            print(f"{rate} requests/s (half to green): a 20 % worse p99 is caught after "
                  + (f"{needed} one-minute samples" if needed else "more than 20 samples"))


if __name__ == "__main__":
    main()
