#!/usr/bin/env python3
"""A loopback proxy in front of moto that injects faults, for the aws backend's retry tests.

  fault_proxy.py --upstream http://127.0.0.1:PORT --plan PLAN.json --log LOG --port-file FILE [--max-seconds 120]

PLAN is a list of rules {"operation": "CreateRepository", "fault": F, "times": N}; the first rule
that matches a request's operation (X-Amz-Target's suffix or the form's Action) and has times
left applies to it. Faults:
  throttle   answers 400 ThrottlingException (or Throttling in XML) without forwarding
  aws500     answers 500 with the protocol's InternalFailure body, without forwarding
  html500    answers 500 with an HTML page, without forwarding
  slow       forwards after 1.5 s
  drop       reads the request, then closes the connection without forwarding it
  lose       forwards it (moto acts), then closes the connection without answering
Every request is logged to LOG as a JSON line: operation, fault applied, clientToken if any.
It listens on 127.0.0.1 only, and stops by itself after --max-seconds.
"""
import argparse, http.client, http.server, json, os, threading, time, urllib.parse

args = argparse.ArgumentParser()
args.add_argument("--upstream", required=True)
args.add_argument("--plan", required=True)
args.add_argument("--log", required=True)
args.add_argument("--port-file", required=True)
args.add_argument("--max-seconds", type=float, default=120)
opts = args.parse_args()
plan = json.load(open(opts.plan))
lock = threading.Lock()
upstream = urllib.parse.urlsplit(opts.upstream)


def operation_of(headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1], "json"
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    return form.get("Action", [""])[0], "xml"


def take_fault(operation):
    with lock:
        for rule in plan:
            if rule["operation"] == operation and rule.get("times", 1) > 0:
                rule["times"] = rule.get("times", 1) - 1
                return rule["fault"]
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def answer(self, status, body, content_type):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(length) if length else b""
        operation, kind = operation_of(self.headers, body)
        fault = take_fault(operation)
        token = None
        if kind == "json":
            try:
                token = json.loads(body or b"{}").get("clientToken")
            except ValueError:
                pass
        with lock, open(opts.log, "a") as log:
            log.write(json.dumps({"operation": operation, "fault": fault, "clientToken": token}) + "\n")
        if fault == "throttle":
            if kind == "json":
                return self.answer(400, json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}), "application/x-amz-json-1.1")
            return self.answer(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>", "text/xml")
        if fault == "aws500":
            if kind == "json":
                return self.answer(500, json.dumps({"__type": "InternalFailure", "message": "We encountered an internal error"}), "application/x-amz-json-1.1")
            return self.answer(500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>internal error</Message></Error></ErrorResponse>", "text/xml")
        if fault == "html500":
            return self.answer(500, "<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>", "text/html")
        if fault == "drop":
            self.close_connection = True
            return
        if fault == "slow":
            time.sleep(1.5)
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        connection.request(self.command, self.path, body=body, headers=headers)
        reply = connection.getresponse()
        data = reply.read()
        connection.close()
        if fault == "lose":
            self.close_connection = True
            return
        self.send_response(reply.status)
        for k, v in reply.getheaders():
            if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_GET = do_PUT = do_DELETE = handle_any


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(opts.port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(opts.port_file + ".tmp", opts.port_file)
threading.Timer(opts.max_seconds, server.shutdown).start()
server.serve_forever()
