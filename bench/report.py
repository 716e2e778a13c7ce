"""docs/benchmarks.md from bench/results/results.json: the machine, the date, the commands, the numbers, the targets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = (
    ("static", "Static file `/static/css/portal.css` (the ceiling)"),
    ("case", "Applicant's case page `/cases/<id>` (demo applicant, terminated case)"),
    ("queue", "Court queue `/court/queue` (handler.futian, open items by due date)"),
    ("clue", "Clue filing `POST /submissions/drafts/<token>/check`"),
)


def _ms(value) -> str:
    return f"{value:.1f}"


def _cpu(page: dict) -> str:
    if page.get("cpu_ms_portal") is None:
        return "—"
    return f"{page['cpu_ms_portal']:.1f} + {page['cpu_ms_db']:.1f}"


def _capacity(page: dict) -> str:
    return f"{page['idle_capacity_rps']:.0f}" if page.get("idle_capacity_rps") else "—"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def targets(results: dict) -> list[tuple[str, str, str]]:
    pages = results.get("pages", {})
    rows = []
    case = pages.get("case")
    if case:
        ok = case["p95_ms"] < 50 and case["ratio"] >= 0.5 and case["error_count"] == 0
        rows.append(("Case page p95 < 50 ms at 32 connections, ≥ 0.5 × the ceiling's throughput",
                     f"p95 {_ms(case['p95_ms'])} ms, {case['ratio']:.2f} × ceiling", _met(ok)))  # fmt: skip
    queue = pages.get("queue")
    if queue:
        ok = queue["p95_ms"] < 100 and queue["error_count"] == 0
        rows.append(("Queue page p95 < 100 ms", f"p95 {_ms(queue['p95_ms'])} ms", _met(ok)))
    mixed = results.get("mixed")
    if mixed:
        rows.append(("Mixed load, zero errors", f"{mixed['error_count']} errors in {mixed['requests']:,} requests",
                     _met(mixed["error_count"] == 0)))  # fmt: skip
    chat = results.get("chat") or {}
    if chat.get("measured"):
        rows.append(("Chat reply p95 < 150 ms", f"p95 {_ms(chat['p95_ms'])} ms", _met(chat["p95_ms"] < 150)))
    else:
        rows.append(("Chat reply p95 < 150 ms", f"not measured: {chat.get('why', 'not run')}", "—"))
    return rows


def render(results: dict, notes: str = "") -> str:
    info = results["machine"]
    gen = results.get("generate") or {}
    rows = gen.get("rows", {})
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py, bench/report.py); numbers from one run on the machine below.",
        "",
        "## Machine and date",
        "",
        f"- Date: {info['date']}; commit {info.get('commit', '?')}",
        f"- CPU: {info['cpu']}, {info['nproc']} cores (`nproc`); memory {info['memory']}; Linux {info['kernel']}",
        f"- Database: {info['database']}"
        + (
            f" {info['postgresql']} ({info.get('pg_settings', '')}); database size {info.get('db_size', '?')}"
            if info.get("postgresql")
            else ""
        ),
        f"- Python {info['python']}, {info['gunicorn']}, {info['wrk']}",
        f"- Load average (1, 5, 15 min) at the start {info.get('load_start', '?')}, at the end "
        f"{info.get('load_end', '?')}; per measurement below (a load start above 1 means other work shared the "
        "cores, and every number then is lower than on an idle machine).",
    ]
    if rows:
        lines += [
            "",
            "## Data",
            "",
            f"`bench/generate.py` (seed {gen.get('seed')}) on top of `flask seed-demo`, in {gen.get('seconds')} s: "
            + ", ".join(f"{table} {count:,}" for table, count in rows.items())
            + ". The bulk is spread evenly over the three demo courts, so the Futian handler's queue holds a third "
            "of the submissions.",
        ]
    lines += [
        "",
        "## How it runs",
        "",
        "- Server: gunicorn, 4 `gthread` workers × 4 threads (2 × nproc processes: Python renders the pages, so "
        "processes use both cores; threads overlap the database round trips and keep wrk's connections alive, "
        "which sync workers close after every response). Redis for the job queue and rate limits when PostgreSQL "
        "is measured (the many-machine configuration); no huey worker runs, so jobs only queue up.",
        "- Rate limits raised for the run (SUBMIT_RATE_LIMIT and friends): a benchmark files thousands of clues "
        "from one account.",
        "- Ceiling: a static file through Flask (same WSGI stack, security headers, no session, no database). "
        "`/healthz` is not trivial: it queries the database, the job queue and the assistant.",
        "- Each page: 5 s warm-up, then `wrk -t 2 -c 32 -d <BENCH_DURATION>s --timeout 10s -s bench/wrk/portal.lua`"
        " with a signed-in session cookie. The Lua script counts only 200 (or a 302 to a filing's confirmation) as "
        "good, so a lost session would show up as an error.",
        "- Clue filing: one clue is walked through the real pages (start, what, details, urgency, evidence, check); "
        "its draft is copied with a new account number for every request, and each request POSTs the check page "
        "(the filing: submission, history, outbox event, one transaction). Rows are counted afterwards.",
        f"- Mixed load: {results['mixed']['connections'] if results.get('mixed') else 100} connections (simulated "
        "users) for BENCH_MIXED_DURATION seconds over the mix below.",
        "",
        "## Pages at 32 connections",
        "",
        "| page | req/s | p50 ms | p95 ms | p99 ms | × ceiling | errors | CPU ms/req portal + db | "
        "idle 2-core estimate req/s | load before → after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    pages = results.get("pages", {})
    for key, title in PAGES:
        page = pages.get(key)
        if page:
            lines.append(
                f"| {title} | {page['rps']:.1f} | {_ms(page['p50_ms'])} | {_ms(page['p95_ms'])} | "
                f"{_ms(page['p99_ms'])} | {page['ratio']:.2f} | {page['error_count']} | {_cpu(page)} | "
                f"{_capacity(page)} | {page['load_before']} → {page['load_after']} |"
            )
    clue = pages.get("clue")
    if clue and clue.get("rows"):
        made = clue["rows"]
        lines += ["", f"Clue filing: {clue['good']:,} filings answered 302 to their confirmation; the database "
                  f"holds {made['submissions']:,} new submissions with {made['history']:,} history entries from "
                  f"those drafts (tokens left unused at the end: "
                  f"{'none needed' if not clue['tokens_exhausted'] else clue['tokens_exhausted']})."]  # fmt: skip
    mixed = results.get("mixed")
    if mixed:
        lines += [
            "",
            f"## Mixed load: {mixed['connections']} connections for {mixed['duration']} s",
            "",
            f"{mixed['requests']:,} requests, {mixed['rps']:.1f} req/s, p50 {_ms(mixed['p50_ms'])} ms, "
            f"p95 {_ms(mixed['p95_ms'])} ms, p99 {_ms(mixed['p99_ms'])} ms, max {_ms(mixed['max_ms'])} ms. "
            f"**Errors: {mixed['error_count']}** (connect {mixed['errors']['connect']}, read "
            f"{mixed['errors']['read']}, write {mixed['errors']['write']}, timeout {mixed['errors']['timeout']}, "
            f"HTTP status {mixed['errors']['status']}, unexpected status {mixed['unexpected_status']}). "
            f"Load {mixed['load_before']} → {mixed['load_after']}.",
        ]
        if mixed.get("rows"):
            lines.append(f"Clue filings during the mix: {mixed['rows']['submissions']:,} submissions created.")
        grouped: dict[str, list[int]] = {}
        for weight, method, path in mixed.get("mix", []):
            key = f"{method} {'clue filing (check page)' if path == '{token}' else path}"
            grouped.setdefault(key, []).append(weight)
        lines += ["", "| share of requests | request | sessions |", "|---:|---|---:|"]
        total = sum(sum(w) for w in grouped.values()) or 1
        for key, weights in grouped.items():
            lines.append(f"| {100 * sum(weights) / total:.0f}% | {key} | {len(weights)} |")
    lines += ["", "## The assistant", ""]
    bot = results.get("bot") or {}
    if bot.get("from_run"):
        lines += [
            f"The assistant was not measured again in this run; its numbers are from the run of {bot['from_run']}.",
            "",
        ]
    if bot.get("measured"):
        lines += ["Parse latency (`bot/scripts/bench.py --n 200`, the `make bot-bench` recipe without its training "
                  "prerequisite):", "", "```", bot.get("output", ""), "```"]  # fmt: skip
    else:
        lines.append(f"Parse latency: not measured ({bot.get('why', 'not run')}).")
    chat = results.get("chat") or {}
    if chat.get("measured"):
        lines += ["", f"Reply latency through the portal's `POST /chat` (proxy, Rasa, action server), {chat['n']} "
                  f"sequential messages in both languages, in conversations of {chat.get('per_conversation', '?')} "
                  f"messages each, after a warm-up: p50 {_ms(chat['p50_ms'])} ms, p95 {_ms(chat['p95_ms'])} ms, p99 {_ms(chat['p99_ms'])} ms, max {_ms(chat['max_ms'])} ms; "
                  f"{chat['not_ok']} answers were not from the assistant."]  # fmt: skip
    else:
        lines += ["", f"Reply latency through `/chat`: not measured ({chat.get('why', 'not run')})."]
    lines += ["", "## Targets", "", "| target | measured | |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in targets(results)]
    if notes:
        lines += ["", "## Notes", "", notes.strip()]
    lines += [
        "",
        "## Commands",
        "",
        "```",
        "make bench                      # the whole run: PostgreSQL `bench` with 1,000,000 cases and submissions",
        "BENCH_DURATION=10 BENCH_MIXED_DURATION=30 make bench   # a quick run",
        "BENCH_CASES=50000 make bench    # a smaller PostgreSQL set",
        "BENCH_SQLITE=1 make bench       # SQLite, 50,000 cases by default",
        "bench/setup_db.sh               # only (re)generate the database",
        "```",
        "",
    ]
    return "\n".join(lines)


def write_report(results: dict, out: Path) -> None:
    summary = (
        ROOT
        / "bench"
        / "results"
        / ("generate-sqlite.json" if results["machine"]["database"] == "SQLite" else "generate-postgresql.json")
    )
    if summary.exists():
        results["generate"] = json.loads(summary.read_text(encoding="utf-8"))
    notes_file = ROOT / "bench" / "notes.md"
    notes = notes_file.read_text(encoding="utf-8") if notes_file.exists() else ""
    out.write_text(render(results, notes), encoding="utf-8")


if __name__ == "__main__":
    data = json.loads((ROOT / "bench" / "results" / "results.json").read_text(encoding="utf-8"))
    write_report(data, Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "benchmarks.md")
