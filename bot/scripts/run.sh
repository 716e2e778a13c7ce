#!/usr/bin/env bash
# Run the assistant in the foreground: action server on :5055 and Rasa on 127.0.0.1:5005 (REST channel,
# --enable-api). The Procfile's `assistant` line runs it next to the portal. No CORS: browsers never talk
# to Rasa, only the portal's chat proxy does.
# Environment (all optional):
#   PORTAL_API_URL      portal API for the actions (default http://127.0.0.1:5000/api/v1)
#   BOT_TRACKER_URL     SQLAlchemy URL of the tracker store (default sqlite file bot/instance/tracker.db);
#                       e.g. postgresql://user:password@db:5432/rasa
#   REDIS_URL           redis://[:password@]host:port/db -> Redis lock store (endpoints.redis.yml)
#   BOT_RASA_PORT / BOT_ACTIONS_PORT  (defaults 5005 / 5055), BOT_HOST (default 127.0.0.1)
set -euo pipefail
BOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BOT_DIR"
VENV="$BOT_DIR/.venv"
MODEL="$BOT_DIR/models/bot.tar.gz"
[[ -x "$VENV/bin/rasa" ]] || { echo "bot: no venv, run make bot-venv" >&2; exit 3; }
[[ -f "$MODEL" ]] || { echo "bot: no model, run make bot-train" >&2; exit 3; }

HOST="${BOT_HOST:-127.0.0.1}"
RASA_PORT="${BOT_RASA_PORT:-5005}"
ACTIONS_PORT="${BOT_ACTIONS_PORT:-5055}"
mkdir -p "$BOT_DIR/instance"

export ACTION_SERVER_URL="${ACTION_SERVER_URL:-http://127.0.0.1:${ACTIONS_PORT}/webhook}"
export BOT_TRACKER_URL="${BOT_TRACKER_URL:-sqlite:///$BOT_DIR/instance/tracker.db}"
export BOT_TRACKER_DIALECT="${BOT_TRACKER_URL%%:*}"          # sqlite | postgresql | ...
export BOT_TRACKER_DIALECT="${BOT_TRACKER_DIALECT%%+*}"      # postgresql+psycopg2 -> postgresql
export BOT_TRACKER_DB="${BOT_TRACKER_DB:-rasa}"
# no telemetry or error reports: this machine (and production) must not call out
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 PYTHONWARNINGS=ignore

ENDPOINTS="$BOT_DIR/endpoints.yml"
if [[ -n "${REDIS_URL:-}" ]]; then
  # split redis://[:password@]host[:port][/db] into the variables endpoints.redis.yml expects
  eval "$("$VENV/bin/python" - <<'PY'
import os, shlex
from urllib.parse import urlsplit
u = urlsplit(os.environ["REDIS_URL"])
values = {"REDIS_HOST": u.hostname or "127.0.0.1", "REDIS_PORT": str(u.port or 6379),
          "REDIS_PASSWORD": u.password or "", "REDIS_DB": (u.path or "/0").lstrip("/") or "0"}
print("\n".join(f"export {k}={shlex.quote(v)}" for k, v in values.items()))
PY
)"
  ENDPOINTS="$BOT_DIR/endpoints.redis.yml"
fi

"$VENV/bin/rasa" run actions --actions actions --port "$ACTIONS_PORT" &
ACTIONS_PID=$!
# rasa_server.py is `rasa` with two per-message costs of Rasa 3.6 removed (see its docstring)
"$VENV/bin/python" "$BOT_DIR/scripts/rasa_server.py" run --enable-api -i "$HOST" -p "$RASA_PORT" -m "$MODEL" \
  --endpoints "$ENDPOINTS" --credentials "$BOT_DIR/credentials.yml" &
RASA_PID=$!
# stop both when either exits or when we are told to stop, so a process manager restarts a whole pair
trap 'kill "$ACTIONS_PID" "$RASA_PID" 2>/dev/null || true' EXIT INT TERM
wait -n "$ACTIONS_PID" "$RASA_PID"
