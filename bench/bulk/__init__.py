"""The bulk generator behind bench/generate.py: distributions, row builders, and the sinks that load the rows."""

import time


def log(message: str) -> None:
    print(f"[generate {time.strftime('%H:%M:%S')}] {message}", flush=True)  # noqa: T201 - progress of a command-line tool
