"""Measure the portal under gunicorn with wrk against a generated database, and write docs/benchmarks.md.

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python bench/run.py

Environment: BENCH_DURATION (seconds per page measurement, default 30), BENCH_MIXED_DURATION (the mixed load,
default 300), BENCH_CONNECTIONS (page measurements, default 32), BENCH_USERS (mixed load, default 100),
BENCH_PORT (default 5099), BENCH_OUT (default docs/benchmarks.md), BENCH_CHAT (1: start the assistant with
bot/scripts/run.sh when it is not running; default 1), BENCH_NOTE (a line for the report).

What runs, in order: gunicorn (4 gthread workers x 4 threads) on a private port; sign-in of the demo accounts
and of bulk citizens and staff; wrk on the static ceiling, the applicant's case page, the court queue and a
clue filing (each after a short warm-up); the mixed load; the assistant's parse latency (the bot-bench
script, never training) and its reply latency through /chat when a Rasa server runs or can be started.

The pieces, in bench/measure/: settings.py (the environment above), machine.py, server.py (gunicorn, Redis),
sessions.py (sign-in, CSRF, a clue draft through the pages), dataset.py (ids and drafts from the database),
cpu.py (the /proc sampler), wrk.py (the wrk driver), pages.py, mixed.py (the mixed load's mix), assistant.py.
"""

# ruff: noqa: T201 - a command-line tool: its usage error on stderr

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import wrk as wrk_driver
from bench.measure.assistant import Assistant, bot_parse_bench, measure_chat
from bench.measure.cpu import CpuMeter
from bench.measure.dataset import Data
from bench.measure.machine import machine
from bench.measure.mixed import build_mix, run_mixed
from bench.measure.pages import measure_pages
from bench.measure.server import Server
from bench.measure.sessions import cookie_header, csrf_of, fill_clue_draft, sign_in
from bench.measure.settings import (
    BASE,
    DURATION,
    INSTANCE,
    MIXED_DURATION,
    RASA_PORT,
    RESULTS,
    ROOT,
    load_average,
    log,
)


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        print("DATABASE_URL must name the generated database (bench/setup_db.sh)", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    INSTANCE.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "PORTAL_INSTANCE": str(INSTANCE),
        "RASA_URL": f"http://127.0.0.1:{RASA_PORT}",
        "PORTAL_BASE_URL": BASE,
        # The limits guard real citizens; a benchmark files thousands of clues from one account.
        "SUBMIT_RATE_LIMIT": "1000000 per hour",
        "SIGNIN_RATE_LIMIT": "100000 per hour",
        "CHAT_RATE_LIMIT": "100000 per minute",
        "CHAT_ADDRESS_RATE_LIMIT": "100000 per minute",
        "REPLY_RATE_LIMIT": "100000 per hour",
        "EVIDENCE_RATE_LIMIT": "100000 per hour",
        "MAIL_BACKEND": "file",
        # A worker died of SIGSEGV in the mixed load of 2026-12-01 without a trace: the next one prints its stacks.
        "PYTHONFAULTHANDLER": "1",
    }
    os.environ.update({k: v for k, v in env.items() if k in ("PORTAL_INSTANCE", "RASA_URL")})
    info = machine(url)
    info["load_start"] = load_average()
    log(f"machine: {info}")
    from portal import create_app

    data = Data(create_app())
    server = Server(env)
    assistant = Assistant()
    results: dict = {"machine": info, "pages": {}, "mixed": None, "bot": None, "chat": None}
    try:
        server.start()
        log("gunicorn up")
        wrk_driver.measure_cpu_of(CpuMeter(server.proc.pid, url))
        applicant = sign_in("applicant@demo.test")
        debtor = sign_in("debtor@demo.test")
        handler = sign_in("handler.futian@demo.court")
        case_id = data.demo_case("applicant@demo.test", "applicant", "terminated")
        debtor_case = data.demo_case("debtor@demo.test", "debtor", "terminated")
        for session, path in ((applicant, f"/cases/{case_id}"), (handler, "/court/queue")):
            if session.get(f"{BASE}{path}", timeout=30).status_code != 200:
                raise RuntimeError(f"{path} does not open")
        template = fill_clue_draft(applicant, case_id)
        clue_csrf = csrf_of(applicant, f"/submissions/drafts/{template}/check")
        clue_tokens = data.clone_drafts(template, max(3000, DURATION * 200), RESULTS / "clue-tokens.txt")
        mixed_tokens = data.clone_drafts(template, max(2000, MIXED_DURATION * 30), RESULTS / "mixed-tokens.txt")
        # All drafts are written before the first measurement: on SQLite a write during a run waits for the readers.
        warm = data.clone_drafts(template, 2000, RESULTS / "clue-warmup-tokens.txt")
        a_cookie, h_cookie = cookie_header(applicant), cookie_header(handler)

        measure_pages(results["pages"], data, case_id=case_id, a_cookie=a_cookie, h_cookie=h_cookie,
                      clue_csrf=clue_csrf, clue_tokens=clue_tokens, warm=warm)  # fmt: skip

        mix = build_mix(data, case_id=case_id, debtor_case=debtor_case, a_cookie=a_cookie,
                        d_cookie=cookie_header(debtor), h_cookie=h_cookie, clue_csrf=clue_csrf)  # fmt: skip
        results["mixed"] = run_mixed(data, mix, mixed_tokens)

        previous = RESULTS / "results.json"
        if os.environ.get("BENCH_ASSISTANT", "1") == "0" and previous.exists():
            # A quicker run: the assistant's numbers of the previous run, said to be from then.
            earlier = json.loads(previous.read_text(encoding="utf-8"))
            for key in ("bot", "chat"):
                results[key] = dict(earlier.get(key) or {}, from_run=earlier["machine"]["date"])
        else:
            log("assistant: parse latency (bot-bench script)")
            results["bot"] = bot_parse_bench()
            why = assistant.start()
            if why is None:
                log("assistant: reply latency through /chat")
                results["chat"] = measure_chat(applicant, rounds=int(os.environ.get("BENCH_CHAT_ROUNDS", "10")))
            else:
                results["chat"] = {"measured": False, "why": why}
    finally:
        assistant.stop()
        server.stop()
        info["load_end"] = load_average()
        (RESULTS / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str),
                                              encoding="utf-8")  # fmt: skip
    from bench.report import write_report

    out = Path(os.environ.get("BENCH_OUT", ROOT / "docs" / "benchmarks.md"))
    write_report(results, out)
    log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
