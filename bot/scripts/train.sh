#!/usr/bin/env bash
# Train bot/models/bot.tar.gz only when the training inputs changed (hash stamp in bot/.stamp-train).
# FORCE=1 retrains regardless. Prints the measured wall time.
set -euo pipefail
BOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BOT_DIR"
RASA="$BOT_DIR/.venv/bin/rasa"
MODEL="$BOT_DIR/models/bot.tar.gz"
STAMP="$BOT_DIR/.stamp-train"
[[ -x "$RASA" ]] || { echo "bot: no venv, run make bot-venv" >&2; exit 3; }

HASH="$(cat config.yml $(find domain data jieba_dict -type f -name '*.yml' -o -type f -name '*.txt' | LC_ALL=C sort) requirements.txt components/*.py | sha256sum | cut -d' ' -f1)"
if [[ "${FORCE:-0}" != 1 && -f "$MODEL" && -f "$STAMP" && "$(cat "$STAMP")" == "$HASH" ]]; then
  echo "bot model up to date ($MODEL)"
  exit 0
fi

# no training cache (scripts/rasa_train.py says why): nothing is written to ~/.rasa/cache
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 RASA_MAX_CACHE_SIZE=0
start=$(date +%s)
LOG="$BOT_DIR/models/train.log"
mkdir -p "$BOT_DIR/models"
if ! "$BOT_DIR/.venv/bin/python" scripts/rasa_train.py train --force --domain domain --data data --config config.yml \
    --out models --fixed-model-name bot --num-threads 2 --skip-validation >"$LOG" 2>&1; then
  tail -30 "$LOG" >&2
  echo "bot: training failed (full log: $LOG)" >&2
  exit 1
fi
echo "bot: trained $MODEL in $(( $(date +%s) - start ))s"
echo "$HASH" > "$STAMP"
