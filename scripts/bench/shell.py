#!/usr/bin/env python3
"""Figures for the shell foundation (issue 2), on a release build:

- median time from start to the first prompt on a pseudo-terminal (40 runs);
- median time of `bgsh -c 'help' >/dev/null` (40 runs);
- replaying a 10,000-line runbook of set/echo/cluster commands on the simulator:
  commands per second and peak RSS.

Usage: scripts/bench/shell.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests: nothing here fails on a slow machine.
"""
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def build():
    # The same build as scripts/bgsh: the Swift runtime linked in, which halves start-up.
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "bgsh"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "bgsh")


def time_to_prompt(binary, home):
    env = dict(os.environ, HOME=home, TERM="xterm", BGSH_STATE=os.path.join(home, "sim.db"))
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary], env)
    seen = b""
    while b"> " not in seen:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            raise RuntimeError("no prompt within 5 s: " + repr(seen))
        seen += os.read(fd, 4096)
    elapsed = time.perf_counter() - start
    # Ctrl-D until it leaves: libedit may drop a key typed while it switches terminal modes.
    for _ in range(50):
        os.write(fd, b"\x04")
        time.sleep(0.02)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def time_command(argv, env):
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else build()
    home = tempfile.mkdtemp(prefix="bgsh-bench-")
    env = dict(os.environ, HOME=home, BGSH_STATE=os.path.join(home, "sim.db"))
    subprocess.run([binary, "-c", "cluster create bench-a; cluster create bench-b"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    time_to_prompt(binary, home)  # warm the page cache
    prompts = [time_to_prompt(binary, home) for _ in range(40)]
    helps = [time_command([binary, "-c", "help"], env) for _ in range(40)]
    print(f"first prompt on a pty: median {statistics.median(prompts) * 1000:.1f} ms (40 runs)")
    print(f"bgsh -c 'help' >/dev/null: median {statistics.median(helps) * 1000:.1f} ms (40 runs)")

    runbook = os.path.join(home, "replay.bgsh")
    with open(runbook, "w") as f:
        for i in range(10000):
            kind = i % 4
            if kind == 0:
                f.write(f"set V{i % 50} value-{i}\n")
            elif kind == 1:
                f.write(f"echo step {i} $V{(i - 1) % 50}\n")
            elif kind == 2:
                f.write("cluster bench-a\n" if i % 8 == 2 else "cluster bench-b\n")
            else:
                f.write("cluster\n")
    start = time.perf_counter()
    with open(os.devnull, "w") as null:
        child = subprocess.Popen([binary, runbook], env=env, stdout=null)
        _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"replay failed: {status}")
    print(f"replay of 10,000 set/echo/cluster commands: {elapsed * 1000:.0f} ms, {10000 / elapsed:,.0f} commands/s")
    print(f"peak RSS of the replay: {usage.ru_maxrss / 1024:.1f} MB")

if __name__ == "__main__":
    main()
