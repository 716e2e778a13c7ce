"""A fake portal API for trying the assistant without the portal (manual testing only).

    bot/.venv/bin/python bot/scripts/stub_portal.py --port 5099
    PORTAL_API_URL=http://127.0.0.1:5099/api/v1 make bot-run

Any bearer token is accepted; no token gets 401. Answers follow the contract in bot/README.md.
"""

from __future__ import annotations

import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CASES = {
    "cases": [
        {
            "number": "（2023）粤0304执1234号",
            "role": "applicant",
            "status": "terminated",
            "status_label": "终结本次执行程序（终本）",
            "court": "深圳市福田区人民法院",
            "next_search_due": "2026-12-01",
            "conditions_unmet": ["investigation_exhausted"],
            "url": "/cases/123",
        }
    ]
}
OBLIGATIONS = {
    "debtor_cases": [
        {
            "number": "（2024）粤0304执77号",
            "outstanding": "123456.78",
            "interest": "1234.56",
            "restrictions": [{"kind": "consumption", "label": "限制消费", "since": "2024-01-02"}],
            "url": "/cases/124/obligations",
        }
    ]
}


class Handler(BaseHTTPRequestHandler):
    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _signed_in(self) -> bool:
        return self.headers.get("Authorization", "").startswith("Bearer ")

    def do_GET(self) -> None:
        if self.path.endswith("/me/cases") or self.path.endswith("/me/obligations"):
            if not self._signed_in():
                self._send(401, {"code": "unauthorized"})
                return
            self._send(200, CASES if self.path.endswith("/me/cases") else OBLIGATIONS)
            return
        self._send(404, {"code": "not_found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        json.loads(self.rfile.read(length) or b"{}")
        if "/screenings/" in self.path:
            self._send(
                200, {"outcome": "possibly_eligible", "summary": "初步看，您可能符合条件。", "url": "/screening/r/1"}
            )
        elif self.path.endswith("/drafts"):
            self._send(200, {"url": "/submissions/drafts/demo-token"})
        elif self.path.endswith("/inquiries"):
            self._send(200, {"reference": "ZB-2026-000123", "answer_by": "2026-11-25"})
        else:
            self._send(404, {"code": "not_found"})

    def log_message(self, format: str, *args) -> None:  # keep the console quiet
        return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=5099)
    args = parser.parse_args()
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
