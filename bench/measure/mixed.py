"""The mixed load: citizens (demo and bulk), debtors, staff of the three courts and the public, at once."""

from __future__ import annotations

import os
import re
from pathlib import Path

import requests

from bench.measure.dataset import Data
from bench.measure.sessions import cookie_header, sign_in
from bench.measure.settings import BASE, MIXED_DURATION, RESULTS, USERS, ZH, log
from bench.measure.wrk import wrk


def build_mix(
    data: Data, *, case_id: int, debtor_case: int, a_cookie: str, d_cookie: str, h_cookie: str, clue_csrf: str
) -> list[tuple]:
    """Rows of (weight, method, path, cookie, csrf) for bench/wrk/portal.lua; signs in the bulk users it names."""
    log("signing in the mixed load's users")
    mix = []
    mix.append((6, "GET", f"/cases/{case_id}", a_cookie, ""))
    mix.append((3, "GET", f"/cases/{debtor_case}/obligations", d_cookie, ""))
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
    return mix


def run_mixed(data: Data, mix: list[tuple], tokens: Path) -> dict:
    """Every GET of the mix answers 200 first; then wrk with the mix, and the rows its clue filings created."""
    mix_file = RESULTS / "mixed.tsv"
    mix_file.write_text("\n".join("\t".join(map(str, row)) for row in mix) + "\n", encoding="utf-8")
    for path, cookie in {(p, c) for _, m, p, c, _ in mix if m == "GET"}:
        status = requests.get(f"{BASE}{path}", headers={**ZH, "Cookie": cookie}, allow_redirects=False,
                              timeout=30).status_code  # fmt: skip
        if status != 200:
            raise RuntimeError(f"mixed load path {path} answers {status}")
    result = wrk("mixed", duration=MIXED_DURATION, connections=USERS, timeout=30,
                 env={"BENCH_MODE": "mixed", "BENCH_MIX": str(mix_file), "BENCH_TOKENS": str(tokens)})  # fmt: skip
    result["rows"] = data.count_filed(tokens)
    result["mix"] = [(w, m, re.sub(r"\d{4,}", "<id>", p)) for w, m, p, _, _ in mix]
    return result
