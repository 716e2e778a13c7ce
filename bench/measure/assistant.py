"""The assistant's latencies: Rasa's parse time (the bot-bench script, never training) and replies through /chat."""

# ruff: noqa: S607 - bash found on PATH

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import time

import requests

from bench.measure.settings import ACTIONS_PORT, BASE, INSTANCE, RASA_PORT, RESULTS, ROOT


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


WIDGET_CSRF = re.compile(r'data-csrf="([^"]+)"')


def widget_csrf(session: requests.Session) -> str:
    """The token the chat widget sends: on every page, a visitor's too (who has no other form)."""
    return WIDGET_CSRF.search(session.get(f"{BASE}/", timeout=30).text).group(1)


def measure_chat(session: requests.Session, rounds: int = 25) -> dict:
    """Sequential messages through the portal's /chat (proxy + Rasa + actions), after a warm-up round.

    Each round is a conversation of its own, as a visitor's is (a new browser session, so a new sender id):
    Rasa replays a conversation's events on every message, so one conversation of 200 messages would
    measure a visitor nobody is. The first round warms up with the signed-in applicant's session.
    """
    timings, down = [], 0
    for round_ in range(rounds + 1):
        if round_ > 0:
            session = requests.Session()
        csrf = widget_csrf(session)
        headers = {"X-CSRFToken": csrf, "Content-Type": "application/json", "Referer": BASE + "/"}
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
    return {"measured": True, "n": len(timings), "per_conversation": len(CHAT_MESSAGES), "not_ok": down, "p50_ms": statistics.median(timings),
            "p95_ms": timings[int(0.95 * (len(timings) - 1))], "p99_ms": timings[int(0.99 * (len(timings) - 1))],
            "max_ms": timings[-1]}  # fmt: skip
