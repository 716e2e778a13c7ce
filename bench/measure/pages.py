"""The page measurements: the static ceiling, the applicant's case page, the court queue and a clue filing."""

from __future__ import annotations

from pathlib import Path

from bench.measure.dataset import Data
from bench.measure.settings import CONNECTIONS, DURATION
from bench.measure.wrk import measure_page, wrk


def measure_pages(
    pages: dict,
    data: Data,
    *,
    case_id: int,
    a_cookie: str,
    h_cookie: str,
    clue_csrf: str,
    clue_tokens: Path,
    warm: Path,
) -> None:
    """Each page after a short warm-up, into `pages` as it goes (a failed run keeps what it measured); every
    page's throughput also as a ratio of the static ceiling's."""
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
