#!/usr/bin/env python3
"""Figures for the aws backend (issue 7), on a release build, against moto's server on loopback:

- the seed's setup (scripts/examples/seed-setup.bgsh without its `sim` lines) by bgsh, median of
  5 runs, each in a fresh region, after a warm-up call to every service;
- the same steps as an aws CLI script (scripts/bench/seed-setup-awscli.sh), one run;
- moto's floor for bgsh's own requests: bgsh is run once more through a recording proxy that
  sends each request on to moto with Python's http.client and times moto's answer; the floor is
  the sum of those times (the same HTTP requests, made by a minimal client), and bgsh's overhead
  per call is (bgsh's wall time - floor) / calls;
- Cloud calls per verb on the aws backend (status, shift, promote, rollback) on an EXTERNAL service;
- `bgsh -c help` start-up (40 runs, median), for comparing with the simulator-only build.

Usage: scripts/bench/aws.py [PATH/TO/bgsh]   (default: builds .build/release/bgsh)
Figures, not tests. Starts and stops its own moto_server (scripts/moto).
"""
import http.client, http.server, json, os, shutil, statistics, subprocess, sys, tempfile, threading, time, urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from shell import build, ROOT  # noqa: E402

CRED = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_MAX_ATTEMPTS": "1", "AWS_PAGER": "", "NO_COLOR": "1"}


def env_for(home, endpoint):
    e = dict(os.environ, HOME=home, AWS_ENDPOINT_URL=endpoint, AWS_CONFIG_FILE=os.path.join(home, "c"),
             AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "cr"))
    e.update(CRED)
    return e


def seed_runbook(home, region):
    src = open(os.path.join(ROOT, "scripts/examples/seed-setup.bgsh")).read().splitlines()
    keep = [l.replace("us-east-1", region) for l in src if not l.startswith(("sim ", "service describe --get runningCount", "tg health"))]
    path = os.path.join(home, f"seed-{region}.bgsh")
    open(path, "w").write("\n".join(keep) + "\n")
    if not os.path.exists(os.path.join(home, "seed")):
        shutil.copytree(os.path.join(ROOT, "scripts/examples/seed"), os.path.join(home, "seed"))
    return path


class Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = None
    times = []

    def log_message(self, *a):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        start = time.perf_counter()
        c = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port)
        c.request("POST", self.path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        c.close()
        Recorder.times.append(time.perf_counter() - start)
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST


def calls_of(debug_err):
    return [l for l in debug_err.splitlines() if l.startswith("debug: aws ")]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else build()
    home = tempfile.mkdtemp(prefix="bgsh-bench-aws-")
    moto_dir = os.path.join(home, "moto")
    subprocess.run([os.path.join(ROOT, "scripts/moto"), "start", moto_dir], check=True, stdout=subprocess.DEVNULL)
    try:
        endpoint = open(os.path.join(moto_dir, "endpoint")).read().strip()
        env = env_for(home, endpoint)
        # Warm-up: moto imports each service's code on its first call.
        subprocess.run([binary, "--backend", "aws", "--region", "us-east-2", "-c",
                        "cluster list; ecr list; vpc list; lb list; tg list; alarm list; codedeploy app create warm; context"],
                       env=env, capture_output=True)
        regions = ["us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3"]
        walls, calls = [], 0
        def warm(region):
            # moto makes a region's default VPC on its first EC2 call there: paid before timing.
            subprocess.run([binary, "--backend", "aws", "--region", region, "-c", "vpc list; cluster list; lb list; ecr list"],
                           env=env, capture_output=True)
        for region in regions + ["ap-south-1", "ca-central-1", "sa-east-1"]:
            warm(region)
        for region in regions:
            path = seed_runbook(home, region)
            start = time.perf_counter()
            r = subprocess.run([binary, "--backend", "aws", "--debug", path], env=env, capture_output=True, text=True, cwd=home)
            walls.append(time.perf_counter() - start)
            if r.returncode != 0:
                sys.exit("bgsh failed: " + r.stderr[-800:])
            calls = len(calls_of(r.stderr))
        bgsh_wall = statistics.median(walls)

        # The aws CLI script, once (it takes tens of seconds).
        start = time.perf_counter()
        r = subprocess.run([os.path.join(ROOT, "scripts/bench/seed-setup-awscli.sh"), endpoint, "ap-south-1",
                            os.path.join(ROOT, "scripts/examples/seed")], env=env, capture_output=True, text=True)
        cli_wall = time.perf_counter() - start
        if r.returncode != 0:
            sys.exit("aws CLI script failed: " + r.stderr[-800:])

        # The floor: bgsh's own requests, each timed as a minimal client makes it.
        Recorder.upstream = urllib.parse.urlsplit(endpoint)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        proxy_env = env_for(home, f"http://127.0.0.1:{server.server_address[1]}")
        subprocess.run([binary, "--backend", "aws", seed_runbook(home, "ca-central-1")], env=proxy_env, capture_output=True, cwd=home, check=True)
        server.shutdown()
        floor = sum(Recorder.times)
        per_call = (bgsh_wall - floor) / max(1, len(Recorder.times))

        # Calls per verb on an EXTERNAL service (the engine's reads, as on AWS).
        verbs = {}
        ts = tempfile.mkdtemp(dir=home)
        td = json.load(open(os.path.join(ROOT, "scripts/examples/seed/taskdef.json")))
        for c in td["containerDefinitions"]:
            c.setdefault("memory", 512)  # moto's CreateTaskSet needs it
        json.dump(td, open(os.path.join(ts, "taskdef.json"), "w"))
        setup = """cluster create bench
cluster bench
taskdef register taskdef.json
vpc create 10.3.0.0/16 --name bench --as VPC
subnet create 10.3.1.0/24 --vpc $VPC --az sa-east-1a --as S1
subnet create 10.3.2.0/24 --vpc $VPC --az sa-east-1b --as S2
sg create web --vpc $VPC --ingress tcp/80 --as SG
lb create bench --subnets $S1,$S2 --security-groups $SG
tg create bench-blue --vpc $VPC --port 80
tg create bench-green --vpc $VPC --port 80
listener create --lb bench --port 80 --forward bench-blue
service create web --taskdef ecs-bg-task-def-v1 --blue-tg bench-blue --green-tg bench-green --listener bench:80 --container php-app --port 80 --desired 1 --subnets $S1,$S2 --security-groups $SG
service web
deploy --image nginx:1.28
"""
        open(os.path.join(ts, "setup.bgsh"), "w").write(setup)
        subprocess.run([binary, "--backend", "aws", "--region", "sa-east-1", "setup.bgsh"], env=env, cwd=ts, check=True, capture_output=True)
        def count(commands):
            r = subprocess.run([binary, "--backend", "aws", "--region", "sa-east-1", "--debug", "-c", commands],
                               env=env, cwd=ts, capture_output=True, text=True)
            return len(calls_of(r.stderr))
        # Selecting the cluster and the service reads each once: not the verb's.
        context = count("cluster bench; service web")
        for verb in ["status", "shift 10% --force", "promote --force", "rollback --yes"]:
            verbs[verb.split()[0]] = count("cluster bench; service web; " + verb) - context

        # Start-up.
        times = []
        for _ in range(40):
            s = time.perf_counter()
            subprocess.run([binary, "-c", "help"], stdout=subprocess.DEVNULL, env=dict(os.environ, HOME=home))
            times.append(time.perf_counter() - s)

        print(f"seed setup on moto, bgsh:        {bgsh_wall * 1000:.0f} ms (median of 5: {', '.join(f'{w * 1000:.0f}' for w in walls)}), {calls} calls")
        print(f"seed setup on moto, aws CLI:     {cli_wall * 1000:.0f} ms (scripts/bench/seed-setup-awscli.sh, 19 calls)")
        print(f"speed-up over the aws CLI:       {cli_wall / bgsh_wall:.0f}x (goal >= 100x)")
        print(f"moto's floor for bgsh's calls:   {floor * 1000:.0f} ms for {len(Recorder.times)} requests")
        print(f"bgsh's overhead per call:        {per_call * 1000:.2f} ms (goal <= 1 ms)")
        print("Cloud calls per verb (aws):      " + ", ".join(f"{k} {v}" for k, v in verbs.items()) + " (goal: status <= 4)")
        print(f"bgsh -c help start-up:           {statistics.median(times) * 1000:.1f} ms (median of 40)")
    finally:
        subprocess.run([os.path.join(ROOT, "scripts/moto"), "stop", moto_dir], stdout=subprocess.DEVNULL)
        shutil.rmtree(home, ignore_errors=True)


main()
