#!/usr/bin/env python3
"""Figures for deployments (issue 4), on a release build under `sim pace instant`:

- wall time of `deploy --strategy linear:10%:1m --bake 5m --wait`, start to done
  (median of 10, each on a fresh copy of a prepared state; the process start is included);
- the number of Cloud calls each verb makes (counted from --debug's lines).

Usage: scripts/bench/deploy.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from shell import build  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SETUP = os.path.join(ROOT, "Tests", "TranscriptTests", "Transcripts", "lib", "web-setup.bgsh")


def bgsh(binary, state, *args, debug=False):
    argv = [binary, "--state", state] + (["--debug"] if debug else []) + list(args)
    return subprocess.run(argv, capture_output=True, text=True, env=dict(os.environ, HOME=os.path.dirname(state)))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else build()
    home = tempfile.mkdtemp(prefix="bgsh-bench-deploy-")
    prepared = os.path.join(home, "prepared.db")
    assert bgsh(binary, prepared, SETUP).returncode == 0
    bgsh(binary, prepared, "-c", "cluster list")  # checkpoint the WAL into the file
    times = []
    for i in range(10):
        state = os.path.join(home, f"run{i}.db")
        shutil.copy(prepared, state)
        start = time.perf_counter()
        result = bgsh(binary, state, "-c", "cluster web; service web; deploy --image nginx:1.28 --strategy linear:10%:1m --bake 5m --wait")
        times.append(time.perf_counter() - start)
        assert result.returncode == 0, result.stderr
    print(f"linear:10%:1m with a 5m bake, start to done (sim pace instant): median {statistics.median(times) * 1000:.0f} ms wall (10 runs, process start included)")

    state = os.path.join(home, "calls.db")
    shutil.copy(prepared, state)
    base = bgsh(binary, state, "-c", "cluster web; service web", debug=True).stderr.count("debug: sim ")
    for verb in ["status", "deploy --image nginx:1.29", "wait healthy", "shift 10%", "shift +40%", "promote", "status", "rollback --yes", "deployments"]:
        calls = bgsh(binary, state, "-c", f"cluster web; service web; {verb}", debug=True).stderr.count("debug: sim ") - base
        print(f"  {verb:<28} {calls:>3} Cloud calls")


if __name__ == "__main__":
    main()
