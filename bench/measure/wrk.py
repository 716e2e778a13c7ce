"""wrk against the portal with bench/wrk/portal.lua: one measurement, its latencies, errors and CPU per request."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime

from bench.measure.cpu import CpuMeter
from bench.measure.settings import BASE, CONNECTIONS, DURATION, LUA, RESULTS, WRK_THREADS, load_average, log

# Set by bench/run.py once gunicorn runs (measure_cpu_of); until then a measurement has no CPU figures.
METER: CpuMeter | None = None


def measure_cpu_of(meter: CpuMeter) -> None:
    global METER
    METER = meter


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
