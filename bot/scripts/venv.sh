#!/usr/bin/env bash
# Create bot/.venv with Rasa 3.6 (needs Python 3.10). Idempotent: re-installs only
# when bot/requirements.txt changes (stamp keyed on its hash).
# Exit codes: 0 ok, 3 no Python 3.10 available (caller may continue without the assistant).
set -euo pipefail
BOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$BOT_DIR/.venv"
REQ="$BOT_DIR/requirements.txt"
STAMP="$BOT_DIR/.stamp-venv"

find_python() {
  local cand
  # 1. an explicit override
  if [[ -n "${BOT_PYTHON:-}" ]] && "$BOT_PYTHON" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null; then
    echo "$BOT_PYTHON"; return 0
  fi
  # 2. python3.10 on PATH (a pyenv shim needs PYENV_VERSION to resolve)
  if cand="$(command -v python3.10 2>/dev/null)"; then
    if "$cand" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null; then
      echo "$cand"; return 0
    fi
  fi
  # 3. pyenv's newest 3.10.x
  local root="${PYENV_ROOT:-}"
  if [[ -z "$root" ]] && command -v pyenv >/dev/null 2>&1; then root="$(pyenv root)"; fi
  [[ -z "$root" ]] && root="$HOME/.pyenv"
  if [[ -d "$root/versions" ]]; then
    for cand in $(ls -d "$root"/versions/3.10.* 2>/dev/null | sort -t. -k3 -n -r); do
      if [[ -x "$cand/bin/python" ]] && "$cand/bin/python" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null; then
        echo "$cand/bin/python"; return 0
      fi
    done
  fi
  return 1
}

HASH="$(cat "$REQ" "$BOT_DIR/components/embedding_files.py" | sha256sum | cut -d' ' -f1)"
if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$HASH" ]]; then
  echo "bot venv up to date ($VENV)"
  exit 0
fi

if ! PY="$(find_python)"; then
  cat >&2 <<'MSG'
bot: Python 3.10 not found — the Rasa 3.6 assistant needs Python 3.8–3.10.
     Install Python 3.10, for example:
       apt-get install python3.10 python3.10-venv      (where Debian ships it)
       pyenv install 3.10.13
     or point BOT_PYTHON at a python3.10 binary. Continuing without the assistant.
MSG
  exit 3
fi

echo "bot: using $PY ($("$PY" --version 2>&1))"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null; then
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi
# the machine's pip config lists local mirrors that may not hold every package; its
# "Location ... is ignored" notes are noise, real errors still fail the pipeline
quiet_pip() { "$VENV/bin/python" -m pip "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }
quiet_pip install --quiet --upgrade "pip<25" "setuptools<70" wheel
start=$(date +%s)
quiet_pip install --quiet -r "$REQ"
# the static word vectors of bot/components/static_embeddings.py, and bot/ on the venv's path so
# the model's custom component imports from any directory (rasa itself only adds the cwd)
"$VENV/bin/python" "$BOT_DIR/scripts/static_embeddings.py" "$VENV" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
echo "$BOT_DIR" > "$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/enforcement_bot.pth"
echo "bot: installed requirements in $(( $(date +%s) - start ))s"
echo "$HASH" > "$STAMP"
