#!/usr/bin/env python3
"""A stand-in partner system for trying the hub: receives webhook deliveries, checks the
X-Hub-Signature-256 HMAC with the partner's secret, prints them, and answers 200.

    python3 tools/partner-receiver.py [--port 8089] [--secret-prefix demo-secret-]

The demo partners post to http://127.0.0.1:8089/hooks/<CODE> and sign with "demo-secret-<CODE>".
Only the Python standard library is used.
"""
import argparse
import hashlib
import hmac
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--secret-prefix", default="demo-secret-",
                        help="secret of partner CODE is PREFIX+CODE (the demo district's convention)")
    parser.add_argument("--secret", help="one secret for every partner instead")
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            code = self.path.rstrip("/").split("/")[-1]
            secret = args.secret or (args.secret_prefix + code)
            expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            given = self.headers.get("X-Hub-Signature-256", "")
            ok = hmac.compare_digest(expected, given)
            print(f"--- {self.path}  event={self.headers.get('X-Hub-Event')}  "
                  f"idempotency-key={self.headers.get('Idempotency-Key')}  signature={'valid' if ok else 'INVALID'}")
            try:
                print(json.dumps(json.loads(body), ensure_ascii=False, indent=2))
            except ValueError:
                print(body[:2000])
            self.send_response(200 if ok else 401)
            self.end_headers()

        def log_message(self, *a):
            pass

    print(f"partner receiver on http://127.0.0.1:{args.port}/hooks/<PARTNER-CODE>")
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
