#!/usr/bin/env python3
"""A local HTTPS endpoint standing in for the Kubernetes API server in the benchmarks: `kubectl get --raw /whoami`
gets 200 only with `Authorization: Bearer <a token listed in TOKEN_FILE>` (one a line, read on every request, the
bench adds each sign-in's token), else 401, so a run that did not deliver a signed-in token fails instead of being
timed. Every kubectl variant in a benchmark talks to
this same endpoint, so its cost cancels out of the differences.

    usage: api-endpoint.py CERT_PEM KEY_PEM TOKEN_FILE PORT_FILE      (writes the chosen port to PORT_FILE)
"""
import http.server
import json
import ssl
import sys

cert, key, token_file, port_file = sys.argv[1:5]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's delayed
    # ACK hold the body back about 40 ms, on some requests and not others
    disable_nagle_algorithm = True

    def do_GET(self):
        with open(token_file, encoding="ascii") as f:
            accepted = {"Bearer " + line.strip() for line in f if line.strip()}
        ok = self.headers.get("Authorization") in accepted
        body = json.dumps({"kind": "Whoami", "path": self.path} if ok else
                          {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "Unauthorized", "code": 401}).encode()
        self.send_response(200 if ok else 401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
with open(port_file, "w", encoding="ascii") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
