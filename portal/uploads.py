"""Evidence uploads: only JPEG, PNG and PDF, decided by content; images re-encoded without metadata.

The type comes from the first bytes, never from the file name or the browser's content type. Images must
fully decode in Pillow and are saved again from their pixels alone, which drops EXIF (GPS), XMP, ICC and text
chunks. PDFs are kept byte for byte but refused when they carry scripts, launch actions or embedded files.
Files get random names in a folder outside the web root; only such names can be opened again.

Rejections raise ``UploadRejected(code)``; codes: empty, too_large, bad_type, corrupt, polyglot, encrypted,
too_many_pixels, too_many_files. Logs carry the code only, never the file name.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import secrets
import struct
import tempfile
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask import current_app
from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
MAX_PIXELS = 40_000_000
CHUNK = 64 * 1024
NAME_MAX = 120
FALLBACK_NAME = "upload"

TYPES = {  # sniffed kind -> (content type, stored extension, extensions a display name may end in)
    "jpeg": ("image/jpeg", ".jpg", (".jpg", ".jpeg", ".jpe")),
    "png": ("image/png", ".png", (".png",)),
    "pdf": ("application/pdf", ".pdf", (".pdf",)),
}
_STORED_NAME = re.compile(r"[0-9a-f]{32}\.(?:jpg|png|pdf)")
_FORBIDDEN_IN_NAME = str.maketrans(dict.fromkeys('<>:"|?*', "_"))

# Markers of a second format hidden in an image or a PDF: a PDF header, or markup a browser might sniff and run.
# Each needs 6+ exact bytes, so compressed pixels match by chance about once in 150,000 photos of 10 MB.
_IMAGE_POLYGLOT = re.compile(rb"%PDF-\d|<script[\s>]|<html[\s>]|<!doctype\s+html|<\?php\s", re.IGNORECASE)
_MARKUP_IN_PDF = re.compile(rb"<script[\s>]|<html[\s>]|<!doctype\s+html", re.IGNORECASE)
# Names that run code, launch programs or smuggle files; compared after #xx unescaping. The long ones are
# looked for everywhere (compressed data never spells them by chance); short ones outside stream bodies only.
_LONG_ACTIVE_NAMES = frozenset({"JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia"})
_ACTIVE_PDF_NAMES = _LONG_ACTIVE_NAMES | {"JS", "XFA"}
_PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n")
_PDF_ENDSTREAM = b"endstream"
_PDF_EOF_WINDOW = 1024
_PDF_INFLATE_LIMIT = 50 * 1024 * 1024  # object-stream bytes inflated per PDF; more is treated as a bomb


class UploadRejected(Exception):
    """An upload that will not be stored; ``code`` picks the translated message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class StoredFile:
    """What the database keeps about one stored upload; ``original_name`` is only ever displayed."""

    stored_name: str
    original_name: str
    content_type: str
    size: int
    sha256: str


def default_folder() -> Path:
    """The configured upload folder (instance/uploads unless UPLOAD_FOLDER says otherwise)."""
    configured = current_app.config.get("UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads"


def check_count(count: int) -> None:
    """Refuse a submission with more than MAX_FILES files before any of them is read."""
    if count > MAX_FILES:
        raise UploadRejected("too_many_files")


def sniff(head: bytes) -> str | None:
    """The kind ("jpeg", "png", "pdf") announced by the magic bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None


def read_limited(stream: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """Read at most ``limit`` bytes in chunks; one byte more means too_large, and reading stops there."""
    buffer = bytearray()
    while chunk := stream.read(min(CHUNK, limit + 1 - len(buffer))):
        buffer += chunk
        if len(buffer) > limit:
            raise UploadRejected("too_large")
    return bytes(buffer)


def sanitise_name(name: str | None, kind: str | None = None) -> str:
    """A display name: basename only, no control or bidi characters, no leading dots, the real type's extension."""
    text = re.split(r"[/\\]", unicodedata.normalize("NFC", name or ""))[-1]
    text = "".join(" " if unicodedata.category(c) == "Zs" else c for c in text)
    text = "".join(c for c in text if c == " " or unicodedata.category(c)[0] not in "CZ")
    text = " ".join(text.translate(_FORBIDDEN_IN_NAME).split()).strip(". ")
    if not text.strip("._ "):
        text = FALLBACK_NAME
    if kind is not None and not text.lower().endswith(TYPES[kind][2]):
        # a PNG called scan.pdf is shown as scan.pdf.png, so a download opens in the right program
        text += TYPES[kind][1]
    if len(text) > NAME_MAX:
        stem, dot, suffix = text.rpartition(".")
        if dot and stem and len(suffix) <= 8:
            text = stem[: NAME_MAX - len(suffix) - 1].rstrip(". ") + "." + suffix
        else:
            text = text[:NAME_MAX]
    return text


def store(stream: BinaryIO, original_name: str, *, folder: Path) -> StoredFile:
    """Check one upload and write it (re-encoded if an image) under a random name, atomically."""
    try:
        data = read_limited(stream)
        if not data:
            raise UploadRejected("empty")
        kind = sniff(data[:16])
        if kind is None:
            raise UploadRejected("bad_type")
        content = _check_pdf(data) if kind == "pdf" else _reencode_image(data, kind)
    except UploadRejected as rejected:
        logger.info("upload rejected: %s", rejected.code)
        raise
    content_type, extension, _ = TYPES[kind]
    stored_name = secrets.token_hex(16) + extension
    _write_atomically(folder, stored_name, content)
    return StoredFile(
        stored_name=stored_name,
        original_name=sanitise_name(original_name, kind),
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


# --- PDFs -----------------------------------------------------------------------------------------------------


def _check_pdf(data: bytes) -> bytes:
    """The PDF unchanged, once it ends properly and no dictionary (nor object stream) holds an active name."""
    if b"%%EOF" not in data[-_PDF_EOF_WINDOW:]:
        raise UploadRejected("corrupt")
    if _MARKUP_IN_PDF.search(data):
        raise UploadRejected("polyglot")
    everywhere = _names(data)
    if not _LONG_ACTIVE_NAMES.isdisjoint(everywhere):
        raise UploadRejected("polyglot")
    if "Encrypt" in everywhere:
        # encrypted object streams cannot be inspected, and court staff could not open the file anyway
        raise UploadRejected("encrypted")
    # Short names are read outside stream bodies: image data would contain a /JS or /XFA by chance.
    outside, streams = _split_streams(data)
    if not _ACTIVE_PDF_NAMES.isdisjoint(_names(outside)):
        raise UploadRejected("polyglot")
    budget = _PDF_INFLATE_LIMIT
    for head, body in streams:
        if "ObjStm" in _names(head):
            inflated = _inflate(body, budget)
            budget -= len(inflated)
            if not _ACTIVE_PDF_NAMES.isdisjoint(_names(inflated)):
                raise UploadRejected("polyglot")
    return data


def _split_streams(data: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """The bytes outside stream bodies, and each stream as (everything since the last stream, its raw body)."""
    outside: list[bytes] = []
    streams: list[tuple[bytes, bytes]] = []
    position = 0
    while match := _PDF_STREAM.search(data, position):
        end = data.find(_PDF_ENDSTREAM, match.end())
        end = len(data) if end == -1 else end
        head = data[position : match.start()]
        outside.append(head)
        # the whole head, not just the last dictionary: a string such as (obj) cannot hide /Type /ObjStm
        streams.append((head, data[match.end() : end]))
        position = end + len(_PDF_ENDSTREAM)
    outside.append(data[position:])
    return b"\n".join(outside), streams


def _names(data: bytes) -> set[str]:
    """Every PDF name token with #xx escapes decoded (``/J#61vaScript`` is ``/JavaScript``)."""
    found = set()
    for match in _PDF_NAME.finditer(data):
        raw = _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        found.add(raw.decode("latin-1"))
    return found


def _inflate(body: bytes, budget: int) -> bytes:
    """An object stream decompressed within the budget; one that cannot be read cannot be trusted."""
    try:
        inflated = zlib.decompressobj().decompress(body, budget + 1)
    except zlib.error:
        raise UploadRejected("corrupt") from None
    if len(inflated) > budget:
        raise UploadRejected("corrupt")
    return inflated


# --- images ---------------------------------------------------------------------------------------------------


def _reencode_image(data: bytes, kind: str) -> bytes:
    """The pixels alone, upright, in the same format: every metadata block of the original is left behind."""
    if _IMAGE_POLYGLOT.search(data):
        raise UploadRejected("polyglot")
    try:
        with Image.open(io.BytesIO(data), formats=[kind.upper()]) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise UploadRejected("too_many_pixels")
            image.load()
            pixels = _to_srgb(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow refuses by itself above twice its own limit; the warning is caught where a filter raises it
        raise UploadRejected("too_many_pixels") from None
    except (OSError, ValueError, SyntaxError, EOFError, struct.error, zlib.error):
        raise UploadRejected("corrupt") from None
    return _encode(pixels, kind)


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert to sRGB when an ICC profile is attached, so that dropping the profile keeps the colours."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError, TypeError):
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode)
            if converted is not None:
                return converted
    return image


def _encode(image: Image.Image, kind: str) -> bytes:
    """Save a fresh image built from raw pixels only, so no ``info`` entry can travel along."""
    if kind == "jpeg":
        mode = image.mode if image.mode in ("L", "RGB") else "RGB"
    elif image.mode in ("1", "L", "LA", "RGB", "RGBA", "I;16"):
        mode = image.mode
    elif image.mode in ("P", "PA"):
        mode = "RGBA" if image.mode == "PA" or "transparency" in image.info else "RGB"
    else:
        mode = "RGB"
    converted = image if image.mode == mode else image.convert(mode)
    fresh = Image.frombytes(mode, converted.size, converted.tobytes())
    out = io.BytesIO()
    if kind == "jpeg":
        fresh.save(out, format="JPEG", quality=90, optimize=True)
    else:
        fresh.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- the folder -----------------------------------------------------------------------------------------------


def _write_atomically(folder: Path, stored_name: str, content: bytes) -> None:
    """Temp file (0600) in the same folder, fsync, then os.replace: nobody ever sees half a file."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, temp_path = tempfile.mkstemp(prefix=".upload-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_path, 0o600)
        os.replace(temp_path, folder / stored_name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_path)
        raise


def is_stored_name(name: object) -> bool:
    """Whether ``name`` has the shape store() gives: 32 hex digits and .jpg, .png or .pdf."""
    return isinstance(name, str) and _STORED_NAME.fullmatch(name) is not None


def open_stored(folder: Path, stored_name: str) -> Path:
    """The path of a stored file; FileNotFoundError for any other name, so no path can be smuggled in."""
    if not is_stored_name(stored_name):
        raise FileNotFoundError("not a stored upload name")
    path = folder / stored_name
    if path.is_symlink() or not path.is_file():
        raise FileNotFoundError("no such stored upload")
    return path


def delete_stored(folder: Path, stored_name: str) -> bool:
    """Remove a stored file (orphan clean-up); False when the name is not ours or nothing was there."""
    if not is_stored_name(stored_name):
        return False
    try:
        (folder / stored_name).unlink()
    except FileNotFoundError:
        return False
    return True


def stored_names(folder: Path) -> Iterator[str]:
    """Names of the stored files in ``folder``, for finding orphans; temp files and strangers are skipped."""
    if folder.is_dir():
        for entry in folder.iterdir():
            if is_stored_name(entry.name) and entry.is_file():
                yield entry.name


_TEMP_NAME = re.compile(r"\.upload-[^/\\]+\.tmp")


def leftovers(folder: Path, *, older_than: float) -> list[str]:
    """Our files (stored names and our temp files) last written before ``older_than`` (a Unix time).

    A process killed between writing a file and committing its row leaves a stored file nobody points to;
    one killed while writing leaves a temp file. The caller keeps the names its rows still point to.
    """
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            if not (is_stored_name(entry.name) or _TEMP_NAME.fullmatch(entry.name)):
                continue
            with contextlib.suppress(FileNotFoundError):
                if not entry.is_symlink() and entry.is_file() and entry.stat().st_mtime < older_than:
                    found.append(entry.name)
    return found


def delete_leftover(folder: Path, name: str) -> bool:
    """Remove a stored file or one of our temp files; False for any other name or when nothing was there."""
    if not (is_stored_name(name) or _TEMP_NAME.fullmatch(name)):
        return False
    try:
        (folder / name).unlink()
    except FileNotFoundError:
        return False
    return True
