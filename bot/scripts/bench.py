"""Parse latency of the trained NLU model: p50/p95 over N held-out messages (both languages).

bot/.venv/bin/python bot/scripts/bench.py [--n 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlu_eval_lib import DEFAULT_MODEL, LANGUAGES, load_agent, read_holdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args()

    texts = []
    per_lang = {lang: [t for t, _ in read_holdout(lang)] for lang in LANGUAGES}
    while len(texts) < args.n and any(per_lang.values()):
        for lang in LANGUAGES:  # alternate zh/en
            if per_lang[lang] and len(texts) < args.n:
                texts.append(per_lang[lang].pop(0))

    agent = load_agent(args.model)

    async def measure():
        await agent.parse_message("warm up")
        timings = []
        for text in texts:
            start = time.perf_counter()
            await agent.parse_message(text)
            timings.append((time.perf_counter() - start) * 1000)
        return timings

    timings = sorted(asyncio.run(measure()))
    p50 = statistics.median(timings)
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(
        f"parse latency over {len(timings)} held-out messages: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
