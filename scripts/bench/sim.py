#!/usr/bin/env python3
"""Figures for the simulator (issue 3), on a release build: a 10,000-command mutating runbook
(clusters, VPCs, subnets, target groups; every command creates something, each API call one
SQLite transaction) on a fresh state file — commands per second, peak RSS, and the state
file's size afterwards.

Usage: scripts/bench/sim.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from shell import build  # noqa: E402  (the same release build as the shell benchmark)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else build()
    home = tempfile.mkdtemp(prefix="bgsh-bench-sim-")
    runbook = os.path.join(home, "mutate.bgsh")
    with open(runbook, "w") as f:
        n = 0
        group = 0
        while n < 10000:
            a, b = divmod(group, 256)
            f.write(f"cluster create c{group}\n")
            f.write(f"vpc create 10.{a}.{b}.0/24 --name v{group} --as V\n")
            f.write(f"subnet create 10.{a}.{b}.0/26 --vpc $V --az us-east-1a\n")
            f.write(f"tg create t{group} --vpc $V\n")
            n += 4
            group += 1
    env = dict(os.environ, HOME=home)
    runs = []
    for i in range(5):
        state = os.path.join(home, f"sim{i}.db")
        start = time.perf_counter()
        with open(os.devnull, "w") as null:
            child = subprocess.Popen([binary, "--state", state, runbook], env=env, stdout=null)
            _, status, usage = os.wait4(child.pid, 0)
        runs.append((time.perf_counter() - start, usage.ru_maxrss))
        if status != 0:
            raise RuntimeError(f"the runbook failed: {status}")
    elapsed = sorted(r[0] for r in runs)[2]
    size = sum(os.path.getsize(state + suffix) for suffix in ("", "-wal", "-shm") if os.path.exists(state + suffix))
    print(f"10,000 mutating commands on the simulator: median of 5 {elapsed:.2f} s, {10000 / elapsed:,.0f} commands/s "
          f"(runs: {', '.join(f'{10000 / r[0]:,.0f}' for r in runs)})")
    print(f"peak RSS: {max(r[1] for r in runs) / 1024:.1f} MB")
    print(f"state file after it (db + wal): {size / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
