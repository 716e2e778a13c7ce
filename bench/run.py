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
"""

# ruff: noqa: T201, S607 - a command-line tool: progress on stdout, wrk/redis-server/bash found on PATH

from __future__ import annotations

import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LUA = ROOT / "bench" / "wrk" / "portal.lua"
RESULTS = ROOT / "bench" / "results"
INSTANCE = Path(os.environ.get("PORTAL_INSTANCE", ROOT / "bench" / ".instance"))
PASSWORD = "demo-portal-2026"  # noqa: S105 - the demo seed's published password
DURATION = int(os.environ.get("BENCH_DURATION", "30"))
MIXED_DURATION = int(os.environ.get("BENCH_MIXED_DURATION", "300"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
USERS = int(os.environ.get("BENCH_USERS", "100"))
PORT = int(os.environ.get("BENCH_PORT", "5099"))
RASA_PORT = int(os.environ.get("BENCH_RASA_PORT", "5305"))
ACTIONS_PORT = int(os.environ.get("BENCH_ACTIONS_PORT", "5355"))
WRK_THREADS = 2
WORKERS, THREADS = 4, 4
BASE = f"http://127.0.0.1:{PORT}"
# Flask-Login's "strong" session protection ties a session to its user agent: wrk sends the same one.
ZH = {"Accept-Language": "zh-CN,zh;q=0.9", "User-Agent": "portal-bench/1"}

TARGETS = {
    "case": "p95 < 50 ms at 32 connections and >= 0.5 x the static ceiling's throughput",
    "queue": "p95 < 100 ms",
    "chat": "p95 < 150 ms",
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def sh(command: str) -> str:
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()  # noqa: S602
    except subprocess.TimeoutExpired:
        return ""


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine(url: str) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))  # fmt: skip
    info = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "commit": sh(f"git -C {ROOT} rev-parse --short HEAD"),
        "wrk": sh("wrk --version 2>&1 | head -1"),
        "gunicorn": sh(f"{ROOT}/.venv/bin/gunicorn --version"),
        "database": "SQLite" if url.startswith("sqlite") else "PostgreSQL",
    }
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.connect() as conn:
            info["postgresql"] = conn.execute(text("SHOW server_version")).scalar()
            info["pg_settings"] = ", ".join(
                f"{name}={conn.execute(text(f'SHOW {name}')).scalar()}"
                for name in ("shared_buffers", "work_mem", "effective_cache_size", "max_connections")
            )
            info["db_size"] = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))")).scalar()
        engine.dispose()
    return info


# -- the portal under gunicorn ----------------------------------------------------------------------------


class Server:
    def __init__(self, env: dict):
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.redis: subprocess.Popen | None = None

    def start(self) -> None:
        if self.env.get("DATABASE_URL", "").startswith("postgresql") and shutil.which("redis-server"):
            # The many-machine configuration (DESIGN.md): PostgreSQL and Redis for the job queue and rate limits.
            redis_port = int(os.environ.get("BENCH_REDIS_PORT", "6391"))
            self.redis = subprocess.Popen(  # noqa: S603
                ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            self.env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            wait_port(redis_port, 20)
        log_file = open(INSTANCE / "gunicorn.log", "ab")  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv/bin/gunicorn"), "--workers", str(WORKERS), "--worker-class", "gthread",
             "--threads", str(THREADS), "--bind", f"127.0.0.1:{PORT}", "--backlog", "2048",
             "--log-level", "warning", "--chdir", str(ROOT), "wsgi:app"],
            env=self.env,
            stdout=log_file,
            stderr=log_file,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{BASE}/static/css/portal.css", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not start; see bench/.instance/gunicorn.log")

    def stop(self) -> None:
        for proc in (self.proc, self.redis):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)


def wait_port(port: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.3)
    return False


# -- sessions and prepared drafts ---------------------------------------------------------------------------

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def sign_in(email: str) -> requests.Session:
    session = requests.Session()
    session.headers.update(ZH)
    page = session.get(f"{BASE}/accounts/sign-in", timeout=30)
    token = CSRF.search(page.text).group(1)
    response = session.post(
        f"{BASE}/accounts/sign-in",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=60,
    )
    if response.status_code != 302 or "sign-in" in response.headers.get("Location", ""):
        raise RuntimeError(f"sign-in failed for {email}: {response.status_code}")
    return session


def cookie_header(session: requests.Session) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


def csrf_of(session: requests.Session, path: str) -> str:
    return CSRF.search(session.get(f"{BASE}{path}", timeout=30).text).group(1)


class Data:
    """What the measurements need from the database: case ids, users, and clue drafts ready to file."""

    def __init__(self, app):
        self.app = app

    def demo_case(self, email: str, role: str, status: str | None = None) -> int:
        from sqlalchemy import select

        from portal.extensions import db
        from portal.models import Case, CaseLink, CaseParty, User

        with self.app.app_context():
            query = (
                select(Case.id)
                .join(CaseParty, CaseParty.case_id == Case.id)
                .join(CaseLink, CaseLink.case_party_id == CaseParty.id)
                .join(User, User.id == CaseLink.user_id)
                .where(User.email == email, CaseParty.role == role)
                .order_by(Case.id)
            )
            if status:
                query = query.where(Case.status == status)
            return db.session.scalars(query).first()

    def bulk_citizens(self, role: str, count: int) -> list[tuple[str, int]]:
        """Bulk citizens linked as `role`, spread over the three courts (every n-th), with their case id."""
        from sqlalchemy import func, select

        from portal.extensions import db
        from portal.models import CaseLink, CaseParty, User

        with self.app.app_context():
            base = (
                select(User.email, CaseParty.case_id)
                .join(CaseLink, CaseLink.user_id == User.id)
                .join(CaseParty, CaseParty.id == CaseLink.case_party_id)
                .where(User.email.like("citizen%@bench.test"), CaseParty.role == role)
            )
            total = db.session.scalar(select(func.count()).select_from(base.subquery()))
            step = max(1, total // max(count, 1))
            rows = db.session.execute(base.order_by(User.id).limit(count * step)).all()
            return [(email, case_id) for email, case_id in rows[::step]][:count]

    def staff(self, count: int) -> list[str]:
        from sqlalchemy import select

        from portal.extensions import db
        from portal.models import User

        with self.app.app_context():
            return list(
                db.session.scalars(
                    select(User.email).where(User.email.like("handler%@bench.court")).order_by(User.id).limit(count)
                )
            )

    def submission_ids(self, court_email: str, count: int) -> list[int]:
        from sqlalchemy import select

        from portal.extensions import db
        from portal.models import Submission, User

        with self.app.app_context():
            court_id = db.session.scalar(select(User.court_id).where(User.email == court_email))
            return list(
                db.session.scalars(
                    select(Submission.id)
                    .where(Submission.court_id == court_id)
                    .order_by(Submission.id.desc())
                    .limit(count)
                )
            )

    def clone_drafts(self, template_token: str, count: int, path: Path) -> Path:
        """`count` copies of a draft filled through the real pages, each naming its own account (no duplicates)."""
        from sqlalchemy import insert, select

        from portal.extensions import db
        from portal.models import Draft
        from portal.models.types import utcnow

        with self.app.app_context():
            template = db.session.scalar(select(Draft).where(Draft.token == template_token))
            rows, tokens = [], []
            for _ in range(count):
                token = secrets.token_urlsafe(24)
                answers = dict(template.answers)
                answers["account_number"] = f"62{secrets.randbelow(10**17):017d}"
                rows.append({"token": token, "user_id": template.user_id, "kind": template.kind,
                             "case_id": template.case_id, "answers": answers, "created_at": utcnow(),
                             "updated_at": utcnow()})  # fmt: skip
                tokens.append(token)
            db.session.execute(insert(Draft), rows)
            db.session.commit()
        path.write_text("\n".join(tokens) + "\n", encoding="utf-8")
        return path

    def count_filed(self, tokens_file: Path) -> int:
        from sqlalchemy import func, select

        from portal.extensions import db
        from portal.models import HistoryEntry, OutboxEvent, Submission

        tokens = tokens_file.read_text(encoding="utf-8").split()
        with self.app.app_context():
            filed = 0
            ids = []
            for start in range(0, len(tokens), 1000):
                chunk = tokens[start : start + 1000]
                found = list(db.session.scalars(select(Submission.id).where(Submission.idempotency_key.in_(chunk))))
                filed += len(found)
                ids += found
            history = 0
            for start in range(0, len(ids), 1000):
                history += db.session.scalar(
                    select(func.count(HistoryEntry.id)).where(HistoryEntry.submission_id.in_(ids[start : start + 1000]))
                )
            outbox = db.session.scalar(
                select(func.count(OutboxEvent.id)).where(OutboxEvent.topic == "submission.received")
            )
            return {"submissions": filed, "history": history, "outbox_received_total": outbox}


def fill_clue_draft(session: requests.Session, case_id: int) -> str:
    """One clue through the real pages (start, what, details, urgency, evidence), stopping at the check page."""
    start = session.get(f"{BASE}/submissions/new/property_clue/{case_id}", allow_redirects=False, timeout=30)
    location = start.headers["Location"]
    token = re.search(r"/drafts/([^/]+)/", location).group(1)
    steps = (
        ("clue_type", {"clue_type": "bank_account"}),
        (
            "details",
            {"bank_name": "中国工商银行", "branch": "", "account_number": f"62{secrets.randbelow(10**17):017d}"},
        ),
        ("urgency", {"urgent": "no", "urgent_reason": ""}),
    )
    for name, data in steps:
        url = f"{BASE}/submissions/drafts/{token}/{name}"
        data["csrf_token"] = CSRF.search(session.get(url, timeout=30).text).group(1)
        response = session.post(url, data=data, allow_redirects=False, timeout=30)
        if response.status_code != 302:
            raise RuntimeError(f"clue step {name} answered {response.status_code}")
    url = f"{BASE}/submissions/drafts/{token}/evidence"
    csrf = CSRF.search(session.get(url, timeout=30).text).group(1)
    response = session.post(url, data={"csrf_token": csrf, "continue": "1"}, allow_redirects=False, timeout=30)
    if response.status_code != 302 or not response.headers["Location"].endswith("/check"):
        raise RuntimeError(f"clue evidence page answered {response.status_code}")
    if session.get(f"{BASE}/submissions/drafts/{token}/check", timeout=30).status_code != 200:
        raise RuntimeError("clue check page did not open")
    return token


# -- CPU per request ----------------------------------------------------------------------------------------

CLK_TCK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
    return found


class CpuMeter:
    """CPU seconds the portal's workers and the database's backends spent: a cost per request that, unlike
    latency, hardly depends on how many other programs share the cores."""

    def __init__(self, server_pid: int | None, url: str):
        self.server_pid = server_pid
        self.url = url.replace("postgresql+psycopg://", "postgresql://") if url.startswith("postgresql") else None

    def _db_pids(self) -> list[int]:
        if self.url is None:
            return []
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        return [row[0] for row in rows]

    def snapshot(self) -> dict:
        workers = _children(self.server_pid) if self.server_pid else []
        return {"portal": {pid: _cpu(pid) for pid in workers}, "db": {pid: _cpu(pid) for pid in self._db_pids()}}

    @staticmethod
    def spent(before: dict, after: dict) -> dict:
        return {
            side: sum(max(0.0, cpu - before[side].get(pid, 0.0)) for pid, cpu in after[side].items())
            for side in ("portal", "db")
        }


METER: CpuMeter | None = None


# -- wrk ----------------------------------------------------------------------------------------------------


def wrk(name: str, *, duration: int, connections: int, env: dict, timeout: int = 10) -> dict:
    command = ["wrk", "-t", str(WRK_THREADS), "-c", str(connections), "-d", f"{duration}s", "--timeout", f"{timeout}s",
               "-s", str(LUA), BASE]  # fmt: skip
    load_before = load_average()
    cpu_before = METER.snapshot() if METER else None
    started = datetime.now(UTC)
    result = subprocess.run(  # noqa: S603
        command,
        env={**os.environ, **env, "BENCH_THREADS": str(WRK_THREADS)},
        capture_output=True,
        text=True,
        timeout=duration + 120,
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk {name} gave no result:\n{result.stdout}\n{result.stderr}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    data.update(name=name, connections=connections, duration=duration, started=started.strftime("%H:%M:%S"),
                load_before=load_before, load_after=load_average(),
                command=" ".join(command[:-3]) + " …/portal.lua " + BASE)  # fmt: skip
    data["error_count"] = sum(data["errors"].values()) + data["unexpected_status"]
    if cpu_before is not None and data["requests"]:
        spent = CpuMeter.spent(cpu_before, METER.snapshot())
        data["cpu_ms_portal"] = 1000 * spent["portal"] / data["requests"]
        data["cpu_ms_db"] = 1000 * spent["db"] / data["requests"]
        total = data["cpu_ms_portal"] + data["cpu_ms_db"]
        # What both cores could serve if nothing else ran (wrk's own CPU left out): an estimate, not a measurement.
        data["idle_capacity_rps"] = (os.cpu_count() or 1) * 1000 / total if total else None
    log(f"{name}: {data['rps']:.1f} req/s p50 {data['p50_ms']:.1f} p95 {data['p95_ms']:.1f} p99 {data['p99_ms']:.1f} ms, "
        f"errors {data['error_count']} (load {load_before} -> {data['load_after']})")  # fmt: skip
    (RESULTS / f"wrk-{name}.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    return data


def measure_page(name: str, env: dict, duration: int = DURATION) -> dict:
    wrk(f"{name}-warmup", duration=min(5, duration), connections=CONNECTIONS, env=env)
    return wrk(name, duration=duration, connections=CONNECTIONS, env=env)


# -- the assistant ------------------------------------------------------------------------------------------


def bot_parse_bench() -> dict:
    """The bot-bench recipe (bot/bot.mk) without its bot-train prerequisite: a benchmark never trains."""
    bot = ROOT / "bot"
    if not (bot / ".venv/bin/python").exists() or not (bot / "models/bot.tar.gz").exists():
        return {"measured": False, "why": "bot/.venv or bot/models/bot.tar.gz is missing"}
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
           "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONWARNINGS": "ignore"}  # fmt: skip
    try:
        result = subprocess.run(  # noqa: S603
            [str(bot / ".venv/bin/python"), str(bot / "scripts/bench.py"), "--n", "200"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"measured": False, "why": "bot/scripts/bench.py did not finish in 15 minutes"}
    output = (result.stdout + result.stderr).strip()
    (RESULTS / "bot-bench.txt").write_text(output, encoding="utf-8")
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    return {"measured": result.returncode == 0, "output": "\n".join(lines[-6:]), "returncode": result.returncode,
            "why": "" if result.returncode == 0 else f"bench.py exited {result.returncode}"}  # fmt: skip


class Assistant:
    """A Rasa server for the portal's /chat: the one already running at RASA_URL, or one started on private ports."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None

    def start(self) -> str | None:
        if requests_ok(f"http://127.0.0.1:{RASA_PORT}/status"):
            return None
        script = ROOT / "bot/scripts/run.sh"
        if os.environ.get("BENCH_CHAT", "1") != "1":
            return "BENCH_CHAT=0"
        if not (ROOT / "bot/.venv/bin/rasa").exists() or not (ROOT / "bot/models/bot.tar.gz").exists():
            return "bot/.venv or bot/models/bot.tar.gz is missing"
        env = {**os.environ, "BOT_RASA_PORT": str(RASA_PORT), "BOT_ACTIONS_PORT": str(ACTIONS_PORT),
               "PORTAL_API_URL": f"{BASE}/api/v1"}  # fmt: skip
        log_file = open(INSTANCE / "rasa.log", "ab")  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(  # noqa: S603
            ["bash", str(script)], env=env, stdout=log_file, stderr=log_file, start_new_session=True
        )
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return f"bot/scripts/run.sh exited {self.proc.returncode} (bench/.instance/rasa.log)"
            if requests_ok(f"http://127.0.0.1:{RASA_PORT}/status"):
                return None
            time.sleep(2)
        return "the Rasa server did not answer /status within 10 minutes"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def requests_ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:
        return False


CHAT_MESSAGES = (
    ("zh", "什么是终本？"),
    ("zh", "我想提供财产线索"),
    ("zh", "法院多久查一次财产？"),
    ("zh", "怎么解除限制消费？"),
    ("en", "What does terminated for now mean?"),
    ("en", "How do I give the court a property clue?"),
    ("en", "When is the next property search?"),
    ("en", "How can I lift the consumption restriction?"),
)


def measure_chat(session: requests.Session, rounds: int = 25) -> dict:
    """Sequential messages through the portal's /chat (proxy + Rasa + actions), after a warm-up of each."""
    csrf = csrf_of(session, "/")
    headers = {"X-CSRFToken": csrf, "Content-Type": "application/json", "Referer": BASE + "/"}
    timings, down = [], 0
    for round_ in range(rounds + 1):
        for language, text in CHAT_MESSAGES:
            started = time.perf_counter()
            response = session.post(f"{BASE}/chat", headers=headers, json={"message": text, "language": language},
                                    timeout=30)  # fmt: skip
            elapsed = (time.perf_counter() - started) * 1000
            if round_ == 0:
                continue
            body = response.json() if response.ok else {}
            if response.status_code != 200 or body.get("assistant") != "ok":
                down += 1
            timings.append(elapsed)
    timings.sort()
    return {"measured": True, "n": len(timings), "not_ok": down, "p50_ms": statistics.median(timings),
            "p95_ms": timings[int(0.95 * (len(timings) - 1))], "p99_ms": timings[int(0.99 * (len(timings) - 1))],
            "max_ms": timings[-1]}  # fmt: skip


# -- the report ---------------------------------------------------------------------------------------------


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
        "REPLY_RATE_LIMIT": "100000 per hour",
        "EVIDENCE_RATE_LIMIT": "100000 per hour",
        "MAIL_BACKEND": "file",
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
        global METER
        METER = CpuMeter(server.proc.pid, url)
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

        pages = results["pages"]
        pages["static"] = measure_page("static", {"BENCH_MODE": "get", "BENCH_PATH": "/static/css/portal.css"})
        pages["case"] = measure_page("case", {"BENCH_MODE": "get", "BENCH_PATH": f"/cases/{case_id}",
                                              "BENCH_COOKIE": a_cookie})  # fmt: skip
        pages["queue"] = measure_page("queue", {"BENCH_MODE": "get", "BENCH_PATH": "/court/queue",
                                                "BENCH_COOKIE": h_cookie})  # fmt: skip
        wrk("clue-warmup", duration=5, connections=CONNECTIONS,
            env={"BENCH_MODE": "clue", "BENCH_COOKIE": a_cookie, "BENCH_CSRF": clue_csrf, "BENCH_TOKENS": str(warm)})  # fmt: skip
        pages["clue"] = wrk("clue", duration=DURATION, connections=CONNECTIONS,
                            env={"BENCH_MODE": "clue", "BENCH_COOKIE": a_cookie, "BENCH_CSRF": clue_csrf,
                                 "BENCH_TOKENS": str(clue_tokens)})  # fmt: skip
        pages["clue"]["rows"] = data.count_filed(clue_tokens)
        ceiling = pages["static"]["rps"]
        for page in pages.values():
            page["ratio"] = page["rps"] / ceiling if ceiling else 0

        # The mixed load: citizens (demo and bulk), debtors, staff of the three courts, the public.
        log("signing in the mixed load's users")
        mix = []
        mix.append((6, "GET", f"/cases/{case_id}", a_cookie, ""))
        mix.append((3, "GET", f"/cases/{debtor_case}/obligations", cookie_header(debtor), ""))
        for email, bulk_case in data.bulk_citizens("applicant", int(os.environ.get("BENCH_MIX_CITIZENS", "12"))):
            mix.append((1, "GET", f"/cases/{bulk_case}", cookie_header(sign_in(email)), ""))
        for email, bulk_case in data.bulk_citizens("debtor", int(os.environ.get("BENCH_MIX_DEBTORS", "4"))):
            mix.append((1, "GET", f"/cases/{bulk_case}/obligations", cookie_header(sign_in(email)), ""))
        staff_cookies = [h_cookie] + [
            cookie_header(sign_in(email)) for email in data.staff(int(os.environ.get("BENCH_MIX_STAFF", "3")))
        ]
        for n, staff_cookie in enumerate(staff_cookies):
            mix.append((2, "GET", "/court/queue", staff_cookie, ""))
            mix.append((1, "GET", ("/court/queue?kind=property_clue", "/court/queue?assignee=me",
                                   "/court/queue?overdue=1")[n % 3], staff_cookie, ""))  # fmt: skip
        for submission_id in data.submission_ids("handler.futian@demo.court", 6):
            mix.append((1, "GET", f"/court/items/{submission_id}", h_cookie, ""))
        mix.append((4, "GET", "/", "", ""))
        mix.append((4, "GET", "/guides/", "", ""))
        mix.append((4, "GET", "/static/css/portal.css", "", ""))
        mix.append((2, "GET", "/accounts/", a_cookie, ""))
        mix.append((2, "GET", "/submissions/", a_cookie, ""))
        mix.append((3, "POST", "{token}", a_cookie, clue_csrf))
        mix_file = RESULTS / "mixed.tsv"
        mix_file.write_text("\n".join("\t".join(map(str, row)) for row in mix) + "\n", encoding="utf-8")
        for path, cookie in {(p, c) for _, m, p, c, _ in mix if m == "GET"}:
            status = requests.get(f"{BASE}{path}", headers={**ZH, "Cookie": cookie}, allow_redirects=False,
                                  timeout=30).status_code  # fmt: skip
            if status != 200:
                raise RuntimeError(f"mixed load path {path} answers {status}")
        results["mixed"] = wrk("mixed", duration=MIXED_DURATION, connections=USERS, timeout=30,
                               env={"BENCH_MODE": "mixed", "BENCH_MIX": str(mix_file),
                                    "BENCH_TOKENS": str(mixed_tokens)})  # fmt: skip
        results["mixed"]["rows"] = data.count_filed(mixed_tokens)
        results["mixed"]["mix"] = [(w, m, re.sub(r"\d{4,}", "<id>", p)) for w, m, p, _, _ in mix]

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
