#!/usr/bin/env python3
"""Drives the real bgsh binary in a pseudo-terminal (pexpect): prompt, TAB, history, Ctrl-C,
Ctrl-D, UTF-8, continuation lines, confirmation, and editing while stdout is a pipe.

libedit redraws with cursor-movement escapes, so checks look for fragments of the screen.
Usage: test_repl.py PATH/TO/bgsh [NAME-PART]
"""
import os
import stat
import subprocess
import sys
import tempfile
import time
import traceback

import pexpect

BGSH = os.path.abspath(sys.argv[1])
PROMPT = "bgsh[sim] us-east-1> "


def shell(home, extra_args=(), command=None, color=False):
    env = dict(os.environ, HOME=home, TERM="xterm", LANG="C.UTF-8", BGSH_STATE=os.path.join(home, "sim.db"), NO_COLOR="1")
    if color:
        env.pop("NO_COLOR")
    if command:
        p = pexpect.spawn("/bin/bash", ["-c", command], env=env, encoding="utf-8", timeout=10, dimensions=(30, 120), cwd=home)
    else:
        p = pexpect.spawn(BGSH, list(extra_args), env=env, encoding="utf-8", timeout=10, dimensions=(30, 120), cwd=home)
    return p


def prepare(home, commands):
    env = dict(os.environ, HOME=home, BGSH_STATE=os.path.join(home, "sim.db"))
    subprocess.run([BGSH, "-c", commands], env=env, check=True, capture_output=True)


def settle():
    time.sleep(0.15)  # let libedit finish a keystroke before a signal (notes/libedit.md, pitfall 2)


def leave(p):
    """Ctrl-D once libedit is reading again (it may flush input typed while it switches modes)."""
    settle()
    p.sendeof()
    p.expect(pexpect.EOF)


def test_prompt_shows_backend_and_context(home):
    prepare(home, "cluster create ECS-BlueGreenCluster")
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("cluster ECS-BlueGreenCluster")
    p.expect_exact("bgsh[sim] us-east-1/ECS-BlueGreenCluster> ")
    leave(p)


def test_tab_completes_a_command_prefix(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.send("cont\t")
    p.expect_exact("ext ")
    p.send("\r")
    p.expect(r"backend\s+sim")
    p.expect_exact(PROMPT)
    leave(p)


def test_tab_lists_several_candidates(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.send("s\t")
    settle()
    p.send("\t")
    p.expect(r"service\s+set\s+sg\s+shift\s+sim\s+sleep\s+source\s+status\s+subnet")
    p.send("\x15")  # Ctrl-U
    leave(p)


def test_tab_completes_cluster_names_from_the_simulator(home):
    prepare(home, "cluster create alpha-prod; cluster create beta")
    p = shell(home)
    p.expect_exact(PROMPT)
    p.send("cluster al\t")
    p.expect_exact("pha-prod ")
    p.send("\r")
    p.expect_exact("bgsh[sim] us-east-1/alpha-prod> ")
    leave(p)


def test_up_arrow_recalls_and_history_file_is_written(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("echo first-entry")
    p.expect_exact("first-entry\r\n")
    p.expect_exact(PROMPT)
    p.send("\x1b[A")
    p.expect_exact("echo first-entry")
    p.send("\r")
    p.expect_exact("first-entry\r\n")
    p.expect_exact(PROMPT)
    leave(p)
    p.close()
    assert p.exitstatus == 0, p.exitstatus
    path = os.path.join(home, ".bgsh_history")
    text = open(path).read()
    assert text.startswith("_HiStOrY_V2_\n"), text
    assert "echo\\040first-entry" in text, text
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode)
    # A new shell sees it: Up recalls the entry of the earlier session.
    p = shell(home)
    p.expect_exact(PROMPT)
    p.send("\x1b[A")
    p.expect_exact("echo first-entry")
    p.send("\x15")
    leave(p)


def test_ctrl_c_cancels_the_line_not_the_shell(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.send("cluster create half-typ")
    p.expect_exact("half-typ")
    settle()
    p.sendintr()
    p.expect_exact("^C")
    p.expect_exact(PROMPT)
    p.sendline("echo alive")
    p.expect_exact("alive\r\n")
    leave(p)
    p.close()
    assert p.exitstatus == 0
    # The half-typed line never ran.
    out = subprocess.run([BGSH, "--state", os.path.join(home, "sim.db"), "-c", "output text; cluster list"],
                         capture_output=True, text=True, env=dict(os.environ, HOME=home))
    assert "half-typ" not in out.stdout, out.stdout


def test_ctrl_d_exits_zero(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    leave(p)
    p.close()
    assert p.exitstatus == 0, (p.exitstatus, p.signalstatus)


def test_errors_show_a_caret_and_keep_the_shell(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("clustr list")
    p.expect_exact("<stdin>:1:1: error: unknown command 'clustr' (did you mean 'cluster'?)")
    p.expect_exact("^~~~~~")
    p.expect_exact(PROMPT)
    p.sendline("echo $?")
    p.expect_exact("2\r\n")
    leave(p)


def test_errors_are_coloured_on_a_terminal_unless_no_color(home):
    p = shell(home, color=True)
    p.expect_exact(PROMPT)
    p.sendline("clustr")
    p.expect_exact("<stdin>:1:1: \x1b[1;31merror:\x1b[0m unknown command")
    p.expect_exact(PROMPT)
    leave(p)


def test_ctrl_c_during_wait_asks_and_rolls_back(home):
    setup = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TranscriptTests", "Transcripts", "lib", "web-setup.bgsh")
    prepare(home, open(setup).read() + "\nsim pace 60\n")
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("cluster web; service web")
    p.expect_exact("bgsh[sim] us-east-1/web/web> ")
    p.sendline("deploy --image nginx:1.29 --strategy canary:10%:5m --wait")
    p.expect_exact("shifted green to 10%", timeout=20)
    settle()
    p.sendintr()
    p.expect_exact("[d]etach, [h]old or [r]ollback? ")
    p.sendline("r")
    p.expect_exact("rolled back: blue takes all production traffic")
    p.expect_exact("bgsh[sim] us-east-1/web/web> ")
    p.sendline("status")
    p.expect_exact("state rolled-back")
    leave(p)


def test_ctrl_c_ends_sleep_and_wait_at_once_under_pace_real(home):
    setup = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TranscriptTests", "Transcripts", "lib", "web-setup.bgsh")
    prepare(home, open(setup).read() + "\nsim pace real\n")
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("sleep 10m")
    time.sleep(0.5)
    start = time.monotonic()
    p.sendintr()
    p.expect_exact("sleep interrupted")
    p.expect_exact(PROMPT)
    assert time.monotonic() - start < 5, "sleep took %.1f s to answer Ctrl-C" % (time.monotonic() - start)
    p.sendline("cluster web; service web")
    p.expect_exact("bgsh[sim] us-east-1/web/web> ")
    p.sendline("deploy --image nginx:1.29 --strategy canary:10%:5m --wait")
    p.expect_exact("deployment d-1: green runs web:2")  # shown before the wait, not after it
    time.sleep(1.5)  # green's tasks start on a real-time clock: minutes of waiting ahead
    start = time.monotonic()
    p.sendintr()
    p.expect_exact("[d]etach, [h]old or [r]ollback? ")
    assert time.monotonic() - start < 5, "wait took %.1f s to ask" % (time.monotonic() - start)
    p.sendline("r")
    p.expect_exact("rolled back")
    leave(p)


def test_ctrl_c_in_every_waiting_command_asks_only_what_the_state_allows(home):
    """wait, status --watch and (baking) wait done under sim pace real: the question within a
    generous 5 s, offering hold only where the schedule can pause; a key not offered rings the
    bell and the question stands; one key answers."""
    setup = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TranscriptTests", "Transcripts", "lib", "web-setup.bgsh")
    prepare(home, open(setup).read())
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("cluster web; service web; deploy --image nginx:1.29 --strategy canary:10%:5m; sim pace real")
    p.expect_exact("bgsh[sim] us-east-1/web/web [blue 100 | green 0]> ")
    for command in ("wait healthy", "status --watch"):
        p.sendline(command)
        time.sleep(1.0)
        start = time.monotonic()
        p.sendintr()
        p.expect_exact("[d]etach, [h]old or [r]ollback? ")
        assert time.monotonic() - start < 5, "%s took %.1f s to ask" % (command, time.monotonic() - start)
        p.sendline("d")
        p.expect_exact("detached: deployment d-1 holds at its current step")
        p.expect_exact("[blue 100 | green 0]> ")
    p.sendline("sim pace instant; wait healthy; promote; sim pace real")
    p.expect_exact("[green 100 | blue ends in ")
    p.sendline("wait done")
    time.sleep(1.0)
    start = time.monotonic()
    p.sendintr()
    p.expect_exact("is baking [blue 0 | green 100]. [d]etach or [r]ollback? ")
    assert time.monotonic() - start < 5, "wait done took %.1f s to ask" % (time.monotonic() - start)
    p.send("h")  # not offered while baking: the terminal's bell, and the question stands
    p.expect_exact("\x07")
    p.send("r")  # a single key answers, no Enter needed
    p.expect_exact("rolled back: blue takes all production traffic")
    p.expect_exact("bgsh[sim] us-east-1/web/web> ")
    p.sendline("status")
    p.expect_exact("state rolled-back")
    leave(p)


def test_utf8_input(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("echo café ünïcode")
    p.expect_exact("café ünïcode\r\n")
    leave(p)


def test_open_quote_reads_a_continuation_line(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("echo 'two")
    p.expect_exact("> ")
    p.sendline("lines'")
    p.expect_exact("two\r\nlines\r\n")
    p.expect_exact(PROMPT)
    leave(p)


def test_delete_asks_for_confirmation(home):
    prepare(home, "cluster create doomed")
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("cluster delete doomed")
    p.expect_exact("delete cluster doomed? [y/N] ")
    p.sendline("n")
    p.expect_exact("not deleted: cluster doomed (answered no)")
    p.expect_exact(PROMPT)
    assert "error" not in p.before and "^" not in p.before, "answering no is a notice, not an error: %r" % p.before
    p.sendline("echo $?")
    p.expect_exact("0")
    p.expect_exact(PROMPT)
    p.sendline("cluster delete doomed")
    p.expect_exact("[y/N] ")
    p.sendline("y")
    p.expect_exact("deleted cluster doomed")
    leave(p)


def test_editing_works_when_stdout_is_a_pipe(home):
    p = shell(home, command=f"{BGSH} | cat")
    p.expect_exact(PROMPT)
    p.send("ech\t")
    p.expect_exact("o ")
    p.send("piped\r")
    p.expect_exact("piped\r\n")
    leave(p)


def test_sighup_keeps_history(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("echo before-hangup")
    p.expect_exact("before-hangup\r\n")
    p.expect_exact(PROMPT)
    p.kill(1)  # SIGHUP, as when the terminal closes
    p.expect(pexpect.EOF)
    p.close()
    text = open(os.path.join(home, ".bgsh_history")).read()
    assert "echo\\040before-hangup" in text, text


def test_ctrl_c_abandons_an_aws_request_in_flight(home):
    """The aws backend at a server that accepts and never answers: Ctrl-C gives the prompt back
    at once, with the aws prompt and a clear message, and the shell carries on."""
    import socket
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # accepted by the kernel, never answered
    port = listener.getsockname()[1]
    env = dict(os.environ, HOME=home, TERM="xterm", LANG="C.UTF-8", NO_COLOR="1", AWS_ACCESS_KEY_ID="testing",
               AWS_SECRET_ACCESS_KEY="testing", AWS_EC2_METADATA_DISABLED="true",
               AWS_CONFIG_FILE=os.path.join(home, "none"), AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "none"))
    p = pexpect.spawn(BGSH, ["--backend", "aws", "--region", "eu-west-1", "--endpoint-url", f"http://127.0.0.1:{port}"],
                      env=env, encoding="utf-8", timeout=10, dimensions=(30, 120), cwd=home)
    p.expect_exact("bgsh[aws:default] eu-west-1> ")
    p.sendline("cluster list")
    time.sleep(0.5)
    start = time.monotonic()
    p.sendintr()
    p.expect_exact("cancelled")
    p.expect_exact("bgsh[aws:default] eu-west-1> ")
    assert time.monotonic() - start < 5, "Ctrl-C took too long"
    p.sendline("echo still here")
    p.expect_exact("still here")
    leave(p)
    listener.close()

WEB_SETUP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TranscriptTests", "Transcripts", "lib", "web-setup.bgsh")
WEB_PROMPT = "bgsh[sim] us-east-1/web/web> "


def test_tab_completes_live_names_strategies_and_continuation_lines(home):
    prepare(home, open(WEB_SETUP).read())
    p = shell(home)
    p.expect_exact(PROMPT)
    p.send("cluster we\t")
    p.expect_exact("b ")
    p.send("\r")
    p.expect_exact("bgsh[sim] us-east-1/web> ")
    # A service after `service`.
    p.send("service w\t")
    p.expect_exact("eb ")
    p.send("\r")
    p.expect_exact(WEB_PROMPT)
    # A target group after --forward.
    p.send("listener create --lb web-alb --port 81 --forward web-g\t")
    p.expect_exact("reen ")
    p.send("\x15")
    settle()
    # A strategy after --strategy.
    p.send("deploy --strategy cana\t")
    p.expect_exact("ry:10%:5m ")
    p.send("\x15")
    settle()
    # A word on a continuation line: the first line's command decides.
    p.send("listener create --lb web-alb --port 82 \\\r")
    p.expect_exact("> ")
    p.send("--forward web-b\t")
    p.expect_exact("lue ")
    p.send("\x03")
    p.expect_exact(WEB_PROMPT)
    leave(p)


def test_status_watch_redraws_in_place(home):
    prepare(home, open(WEB_SETUP).read() + "\nsim pace 120\n")
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("cluster web; service web")
    p.expect_exact(WEB_PROMPT)
    p.sendline("deploy --image nginx:1.29 --strategy canary:10%:1m")
    p.expect(r"us-east-1/web/web \[blue 100 \| green 0\]> ")
    p.sendline("status --watch")
    p.expect_exact("blue ")
    p.expect(r"green\s+100% \| 0%|green\s+\d+% \| \d+%")
    # Redrawn: the cursor goes back up over the panel and each line is cleared.
    p.expect_exact("\x1b[2K", timeout=10)
    p.expect(r"\x1b\[\d+A", timeout=20)
    p.expect_exact("shifted green to 10%", timeout=30)
    p.expect(r"step 1/2", timeout=10)
    p.expect_exact("deployment d-1 succeeded", timeout=60)
    p.expect(r"us-east-1/web/web.*> ")
    leave(p)


def test_record_start_stop_replays_to_the_same_state(home):
    p = shell(home)
    p.expect_exact(PROMPT)
    p.sendline("set IMAGE nginx:1.27")
    p.expect_exact(PROMPT)
    p.sendline("record start made.bgsh")
    p.expect_exact("recording to")
    p.expect_exact(PROMPT)
    p.sendline("cluster create rec-web")
    p.expect_exact("bgsh[sim] us-east-1/rec-web> ")  # made and selected (none was)
    p.sendline("taskdef register --family rec --container web --image $IMAGE --port 80")
    p.expect_exact("bgsh[sim] us-east-1/rec-web> ")
    p.sendline("clustr list")
    p.expect_exact("did you mean")
    p.expect_exact("bgsh[sim] us-east-1/rec-web> ")
    p.sendline("record stop")
    p.expect_exact("recorded 2 commands to")
    p.expect_exact("bgsh[sim] us-east-1/rec-web> ")
    leave(p)
    text = open(os.path.join(home, "made.bgsh")).read()
    assert "set IMAGE nginx:1.27\n" in text and "# failed (status 2), left out:\n#   clustr list\n" in text, text
    # Replayed on a fresh state, it makes the same.
    other = os.path.join(home, "other.db")
    env = dict(os.environ, HOME=home, BGSH_STATE=other)
    subprocess.run([BGSH, os.path.join(home, "made.bgsh")], env=env, check=True, capture_output=True)
    def listing(state):
        e = dict(os.environ, HOME=home, BGSH_STATE=state)
        return subprocess.run([BGSH, "-c", "cluster list --output text; taskdef list --output text"], env=e, check=True, capture_output=True, text=True).stdout
    assert listing(other) == listing(os.path.join(home, "sim.db")), (listing(other), listing(os.path.join(home, "sim.db")))
    journal = os.path.join(home, ".bgsh", "journal")
    assert os.listdir(journal), "each command is journaled"


def main():
    only = sys.argv[2] if len(sys.argv) > 2 else ""  # a part of a test's name: run just those
    tests = [(name, fn) for name, fn in sorted(globals().items()) if name.startswith("test_") and only in name and callable(fn)]
    passed = failed = 0
    for name, fn in tests:
        home = tempfile.mkdtemp(prefix="bgsh-pty-")
        try:
            fn(home)
            passed += 1
            print(f"ok   {name}")
        except Exception:
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
    print(f"pty: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
