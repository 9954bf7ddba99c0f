#!/usr/bin/env python3
"""A loopback HTTP/1.1 server for the transport's tests: answers every request with the client's
port (so two requests on one kept-alive connection show the same port). `--silent` accepts
connections and never answers. Prints its port, then serves until stdin closes."""
import http.server, socket, sys, threading

silent = "--silent" in sys.argv


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        self.rfile.read(length)
        if silent:
            threading.Event().wait(30)
            return
        body = str(self.client_address[1]).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
