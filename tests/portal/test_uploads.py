"""Uploads: type by content, hostile files refused with a code, metadata stripped, names and paths contained."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import struct
import warnings
import zlib

import pytest
from flask import Flask
from fpdf import FPDF
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from portal import uploads
from portal.uploads import (
    CHUNK,
    MAX_BYTES,
    MAX_FILES,
    UploadRejected,
    check_count,
    default_folder,
    delete_stored,
    is_stored_name,
    open_stored,
    read_limited,
    sanitise_name,
    sniff,
    store,
    stored_names,
)

# --- hostile and friendly files, made here -------------------------------------------------------------------


def _image(size=(40, 20), mode="RGB") -> Image.Image:
    return Image.effect_noise(size, 60).convert(mode)


def _jpeg(**save_options) -> bytes:
    out = io.BytesIO()
    _image().save(out, format="JPEG", **save_options)
    return out.getvalue()


def _png(image: Image.Image | None = None, **save_options) -> bytes:
    out = io.BytesIO()
    (image or _image()).save(out, format="PNG", **save_options)
    return out.getvalue()


def _pdf(*objects: bytes, trailer: bytes = b"<< /Root 1 0 R >>") -> bytes:
    """A small hand-made PDF; enough structure for the checks, which never need the xref table."""
    body = b"".join(
        [
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
            *objects,
            b"trailer\n",
            trailer,
            b"\nstartxref\n0\n%%EOF\n",
        ]
    )
    return body


def _stream_object(number: int, dictionary: bytes, body: bytes) -> bytes:
    return b"%d 0 obj\n<< %s /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (number, dictionary, len(body), body)


def _real_pdf() -> bytes:
    """A PDF as a scanner or a program would make it: compressed content and a JPEG of noise."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Bank statement, page 1")
    pdf.image(io.BytesIO(_jpeg(quality=95)), x=10, y=30, w=120)
    return bytes(pdf.output())


def _with_ihdr_size(png: bytes, width: int, height: int) -> bytes:
    """A PNG whose header claims another size (with a correct CRC), as a decompression bomb does."""
    ihdr = bytearray(png[12:29])  # b"IHDR" + 13 bytes of data
    ihdr[4:12] = struct.pack(">II", width, height)
    return png[:12] + bytes(ihdr) + struct.pack(">I", zlib.crc32(ihdr)) + png[33:]


class _CountingStream(io.RawIOBase):
    """An endless stream that counts what was read from it."""

    def __init__(self) -> None:
        self.read_so_far = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an upload must never be read without a size"
        self.read_so_far += size
        return b"\xff\xd8\xff" + b"\0" * (size - 3) if self.read_so_far == size else b"\0" * size


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "uploads"


def _store(data: bytes, name: str, folder):
    return store(io.BytesIO(data), name, folder=folder)


def _rejection(data: bytes, folder, name: str = "file") -> str:
    with pytest.raises(UploadRejected) as error:
        _store(data, name, folder)
    assert not folder.exists() or list(folder.iterdir()) == [], "nothing may be left behind"
    return error.value.code


# --- sniffing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg", id="SNIFF-jpeg"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "png", id="SNIFF-png"),
        pytest.param(b"%PDF-1.7\n", "pdf", id="SNIFF-pdf"),
        pytest.param(b"GIF89a", None, id="SNIFF-gif"),
        pytest.param(b"<html><script>", None, id="SNIFF-html"),
        pytest.param(b"MZ\x90\x00", None, id="SNIFF-exe"),
        pytest.param(b" %PDF-1.7", None, id="SNIFF-pdf-not-at-start"),
        pytest.param(b"", None, id="SNIFF-empty"),
    ],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


# --- the good files ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "name", "content_type", "extension"),
    [
        pytest.param(_jpeg, "照片.jpg", "image/jpeg", ".jpg", id="STORE-jpeg"),
        pytest.param(_png, "scan.png", "image/png", ".png", id="STORE-png"),
        pytest.param(_real_pdf, "statement.pdf", "application/pdf", ".pdf", id="STORE-pdf"),
    ],
)
def test_valid_files_are_stored(folder, make, name, content_type, extension):
    stored = _store(make(), name, folder)
    path = open_stored(folder, stored.stored_name)
    assert is_stored_name(stored.stored_name)
    assert stored.stored_name.endswith(extension)
    assert stored.original_name == name
    assert stored.content_type == content_type
    assert stored.size == path.stat().st_size
    assert stored.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [stored.stored_name], "no temp file left behind"


def test_pdf_is_kept_byte_for_byte(folder):
    data = _real_pdf()
    stored = _store(data, "statement.pdf", folder)
    assert open_stored(folder, stored.stored_name).read_bytes() == data


def test_each_upload_gets_its_own_random_name(folder):
    data = _png()
    names = {_store(data, "same.png", folder).stored_name for _ in range(5)}
    assert len(names) == 5


def test_multi_picture_jpeg_keeps_the_first_picture(folder):
    out = io.BytesIO()
    _image().save(out, format="MPO", save_all=True, append_images=[_image()])
    stored = _store(out.getvalue(), "camera.jpg", folder)
    with Image.open(open_stored(folder, stored.stored_name)) as clean:
        assert clean.format == "JPEG"
        assert getattr(clean, "n_frames", 1) == 1


def test_stored_image_still_decodes(folder):
    stored = _store(_jpeg(), "photo.jpg", folder)
    with Image.open(open_stored(folder, stored.stored_name)) as image:
        assert image.format == "JPEG"
        assert image.size == (40, 20)


@pytest.mark.parametrize(
    "image",
    [
        pytest.param(_image(mode="L"), id="PNG-grey"),
        pytest.param(_image(mode="RGBA"), id="PNG-alpha"),
        pytest.param(_image(mode="RGB").convert("P"), id="PNG-palette"),
        pytest.param(_image(mode="1"), id="PNG-bilevel"),
    ],
)
def test_png_modes_survive(folder, image):
    stored = _store(_png(image), "scan.png", folder)
    with Image.open(open_stored(folder, stored.stored_name)) as again:
        assert again.size == image.size


# --- type by content, not by name -------------------------------------------------------------------------------


def test_png_named_pdf_is_stored_as_png(folder):
    stored = _store(_png(), "scan.pdf", folder)
    assert stored.content_type == "image/png"
    assert stored.stored_name.endswith(".png")
    assert stored.original_name == "scan.pdf.png"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(b"just some text, not a photo\n", "photo.jpg", id="TYPE-text-as-jpg"),
        pytest.param(b"<html><body>hi</body></html>", "scan.pdf", id="TYPE-html-as-pdf"),
        pytest.param(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "x.png", id="TYPE-gif"),
        pytest.param(b"MZ\x90\x00" + b"\0" * 200, "photo.png", id="TYPE-exe"),
        pytest.param(b"PK\x03\x04" + b"\0" * 100, "scan.pdf", id="TYPE-zip"),
    ],
)
def test_wrong_content_is_bad_type(folder, data, name):
    assert _rejection(data, folder, name) == "bad_type"


def test_empty_file(folder):
    assert _rejection(b"", folder) == "empty"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xff\xd8\xff\xe0" + b"\0" * 50, id="CORRUPT-jpeg-header-only"),
        pytest.param(_png()[:60], id="CORRUPT-png-truncated"),
        pytest.param(_jpeg()[: len(_jpeg()) // 2], id="CORRUPT-jpeg-truncated"),
        pytest.param(_png()[:-40], id="CORRUPT-png-cut-in-pixel-data"),
        pytest.param(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n", id="CORRUPT-pdf-without-eof"),
        pytest.param(
            _pdf(_stream_object(5, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", b"not deflate")),
            id="CORRUPT-pdf-unreadable-object-stream",
        ),
    ],
)
def test_corrupt_files(folder, data):
    assert _rejection(data, folder) == "corrupt"


# --- size limits ------------------------------------------------------------------------------------------------


def test_oversized_stream_is_refused(folder):
    big = _jpeg() + b"\0" * (11 * 1024 * 1024)
    assert _rejection(big, folder) == "too_large"


def test_reading_stops_at_the_limit():
    stream = _CountingStream()
    with pytest.raises(UploadRejected) as error:
        read_limited(stream)
    assert error.value.code == "too_large"
    assert stream.read_so_far <= MAX_BYTES + CHUNK


def test_exactly_the_limit_is_read_whole():
    data = b"x" * 1000
    assert read_limited(io.BytesIO(data), limit=1000) == data
    with pytest.raises(UploadRejected):
        read_limited(io.BytesIO(data + b"y"), limit=1000)


def test_file_count():
    check_count(MAX_FILES)
    with pytest.raises(UploadRejected) as error:
        check_count(MAX_FILES + 1)
    assert error.value.code == "too_many_files"


def test_limits_are_the_documented_ones():
    assert MAX_BYTES == 10 * 1024 * 1024
    assert MAX_FILES == 10


def test_decompression_bomb_header(folder):
    bomb = _with_ihdr_size(_png(Image.new("L", (1, 1))), 100_000, 100_000)
    assert _rejection(bomb, folder) == "too_many_pixels"


def test_more_pixels_than_the_portal_allows(folder, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PIXELS", 40 * 20 - 1)
    assert _rejection(_png(), folder) == "too_many_pixels"


def test_pillow_bomb_warning_counts_as_too_many_pixels(folder, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 500)  # warns above 500, refuses above 1000
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        assert _rejection(_png(), folder) == "too_many_pixels"


def test_pillow_bomb_error_counts_as_too_many_pixels(folder, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 300)
    assert _rejection(_png(), folder) == "too_many_pixels"


# --- polyglots and active PDFs ----------------------------------------------------------------------------------


def _jpeg_with_comment(comment: bytes) -> bytes:
    jpeg = _jpeg()
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return jpeg[:2] + segment + jpeg[2:]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_jpeg() + _pdf(), id="POLY-jpeg-then-pdf"),
        pytest.param(_jpeg_with_comment(_pdf()), id="POLY-pdf-in-jpeg-comment"),
        pytest.param(_jpeg_with_comment(b"<script>alert(1)</script>"), id="POLY-script-in-jpeg"),
        pytest.param(_jpeg_with_comment(b"<HTML><body>"), id="POLY-html-in-jpeg"),
        pytest.param(_jpeg_with_comment(b"<?php system($_GET['c']); ?>"), id="POLY-php-in-jpeg"),
        pytest.param(_png() + b"<!DOCTYPE html><p>", id="POLY-html-after-png"),
        pytest.param(_pdf(b"% <script>alert(1)</script>\n"), id="POLY-script-in-pdf"),
    ],
)
def test_polyglots_are_refused(folder, data):
    assert _rejection(data, folder) == "polyglot"


def test_script_in_png_text_chunk_is_refused(folder):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>fetch('//evil')</script>")
    assert _rejection(_png(pnginfo=info), folder) == "polyglot"


_JS_ACTION = b"3 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_pdf(_JS_ACTION), id="PDF-javascript"),
        pytest.param(_pdf(b"3 0 obj\n<< /S /J#61vaScript /J#53 (x) >>\nendobj\n"), id="PDF-escaped-name"),
        pytest.param(_pdf(b"3 0 obj\n<</JS 4 0 R>>\nendobj\n"), id="PDF-js-no-spaces"),
        pytest.param(_pdf(b"3 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n"), id="PDF-launch"),
        pytest.param(_pdf(_stream_object(3, b"/Type /EmbeddedFile", b"MZ\x90\x00")), id="PDF-embedded-file"),
        pytest.param(_pdf(b"3 0 obj\n<< /EmbeddedFiles 4 0 R >>\nendobj\n"), id="PDF-embedded-files-tree"),
        pytest.param(_pdf(b"3 0 obj\n<< /RichMedia 4 0 R >>\nendobj\n"), id="PDF-rich-media"),
        pytest.param(_pdf(b"3 0 obj\n<< /XFA 4 0 R >>\nendobj\n"), id="PDF-xfa"),
        pytest.param(
            _pdf(
                _stream_object(
                    5,
                    b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
                    zlib.compress(b"3 0 << /S /JavaScript /JS (app.alert(1)) >>"),
                )
            ),
            id="PDF-javascript-in-object-stream",
        ),
        pytest.param(
            _pdf(
                _stream_object(
                    5,
                    b"/Type /ObjStm /Note (obj) /N 1 /First 4 /Filter /FlateDecode",
                    zlib.compress(b"3 0 << /S /XFA >>"),
                )
            ),
            id="PDF-object-stream-disguised-by-a-string",
        ),
        pytest.param(
            _pdf(b"3 0 obj\n<< /T (a stream\n) /S /JavaScript /JS (app.alert(1)) /U (endstream) >>\nendobj\n"),
            id="PDF-javascript-behind-fake-stream-keywords",
        ),
    ],
)
def test_active_pdfs_are_refused(folder, data):
    assert _rejection(data, folder) == "polyglot"


def test_encrypted_pdf_is_refused(folder):
    data = _pdf(trailer=b"<< /Root 1 0 R /Encrypt 9 0 R >>")
    assert _rejection(data, folder) == "encrypted"


def test_active_names_inside_image_data_are_not_mistaken(folder):
    # a raw image stream may contain /JS or /Launch by chance; only dictionaries and object streams count
    noise = b"\x00\x01/JS /Launch\x00/JavaScript\xff" * 4
    data = _pdf(_stream_object(3, b"/Type /XObject /Subtype /Image /Filter /DCTDecode", noise))
    stored = _store(data, "scan.pdf", folder)
    assert stored.content_type == "application/pdf"


# --- metadata is stripped ---------------------------------------------------------------------------------------


def _gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Artist] = "Zhang San"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (22.0, 32.0, 10.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (113.0, 56.0, 2.25)
    return exif


def test_gps_exif_is_gone_from_a_jpeg(folder):
    data = _jpeg(exif=_gps_exif(), xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">home address</x:xmpmeta>')
    with Image.open(io.BytesIO(data)) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test file must carry GPS to begin with"
    stored = _store(data, "photo.jpg", folder)
    content = open_stored(folder, stored.stored_name).read_bytes()
    with Image.open(io.BytesIO(content)) as clean:
        assert not clean.getexif()
        assert not clean.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "exif" not in clean.info
        assert "xmp" not in clean.info
    for secret in (b"Exif\0\0", b"PhoneMaker", b"Zhang San", b"home address", b"adobe:ns:meta"):
        assert secret not in content


def test_orientation_is_applied_before_stripping(folder):
    data = _jpeg(exif=_gps_exif(orientation=6))  # 40x20 pixels, to be shown turned a quarter
    stored = _store(data, "photo.jpg", folder)
    with Image.open(open_stored(folder, stored.stored_name)) as clean:
        assert clean.size == (20, 40)


def test_png_text_exif_and_icc_are_gone(folder):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Zhang San")
    info.add_itxt("Location", "深圳市福田区某某路1号")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = _png(pnginfo=info, exif=_gps_exif(), icc_profile=icc)
    stored = _store(data, "scan.png", folder)
    content = open_stored(folder, stored.stored_name).read_bytes()
    with Image.open(io.BytesIO(content)) as clean:
        assert {"Author", "Location", "exif", "icc_profile"}.isdisjoint(clean.info)
        assert not clean.getexif()
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"):
        assert chunk not in content


def test_jpeg_icc_profile_is_gone(folder):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stored = _store(_jpeg(icc_profile=icc), "photo.jpg", folder)
    with Image.open(open_stored(folder, stored.stored_name)) as clean:
        assert "icc_profile" not in clean.info


# --- display names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "shown"),
    [
        pytest.param("../../etc/passwd", None, "passwd", id="NAME-unix-traversal"),
        pytest.param("../../etc/passwd", "png", "passwd.png", id="NAME-unix-traversal-png"),
        pytest.param("..\\..\\win.ini", None, "win.ini", id="NAME-windows-traversal"),
        pytest.param("C:\\Users\\li\\Desktop\\判决书.pdf", "pdf", "判决书.pdf", id="NAME-windows-path"),
        pytest.param("\x00evil.png", "png", "evil.png", id="NAME-nul"),
        pytest.param("\u202ecod.exe.png", "png", "cod.exe.png", id="NAME-right-to-left-override"),
        pytest.param("zero\u200bwidth.png", "png", "zerowidth.png", id="NAME-zero-width"),
        pytest.param("line\r\nbreak.jpg", "jpeg", "linebreak.jpg", id="NAME-newline"),
        pytest.param(".htaccess", None, "htaccess", id="NAME-leading-dot"),
        pytest.param("...", "pdf", "upload.pdf", id="NAME-only-dots"),
        pytest.param("", "png", "upload.png", id="NAME-empty"),
        pytest.param(None, None, "upload", id="NAME-none"),
        pytest.param("   ", None, "upload", id="NAME-blank"),
        pytest.param("dir/", None, "upload", id="NAME-trailing-slash"),
        pytest.param("e\u0301.png", "png", "\u00e9.png", id="NAME-nfc"),
        pytest.param("判决书\u3000扫描件.PDF", "pdf", "判决书 扫描件.PDF", id="NAME-chinese-fullwidth-space"),
        pytest.param('a<b>:"c"|?*.png', "png", "a_b___c____.png", id="NAME-reserved-characters"),
        pytest.param("photo.JPEG", "jpeg", "photo.JPEG", id="NAME-jpeg-spelling-kept"),
        pytest.param("scan.pdf", "png", "scan.pdf.png", id="NAME-wrong-extension"),
        pytest.param("report. ", None, "report", id="NAME-trailing-dot"),
    ],
)
def test_sanitise_name(name, kind, shown):
    assert sanitise_name(name, kind) == shown


def test_long_names_are_cut_keeping_the_extension():
    shown = sanitise_name("很" * 300 + ".png", "png")
    assert len(shown) == 120
    assert shown.endswith("很.png")


def test_long_name_without_extension_is_cut():
    assert sanitise_name("a" * 300) == "a" * 120


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..\\..\\win.ini",
        "\x00evil.png",
        "\u202ecod.exe.png",
        "/var/www/static/x.png",
        "~/.ssh/id.png",
    ],
)
def test_hostile_names_never_choose_the_path(folder, name):
    stored = _store(_png(), name, folder)
    assert [p.name for p in folder.iterdir()] == [stored.stored_name]
    assert "/" not in stored.original_name
    assert "\\" not in stored.original_name
    assert stored.original_name.isprintable()


# --- the folder -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("../secret.png", id="OPEN-traversal"),
        pytest.param("0123456789abcdef0123456789abcdef", id="OPEN-no-extension"),
        pytest.param("0123456789abcdef0123456789abcdef.exe", id="OPEN-other-extension"),
        pytest.param("0123456789ABCDEF0123456789ABCDEF.png", id="OPEN-upper-case"),
        pytest.param("0123456789abcdef0123456789abcde.png", id="OPEN-short"),
        pytest.param("/etc/passwd", id="OPEN-absolute"),
        pytest.param("0123456789abcdef0123456789abcdef.png/../../x", id="OPEN-suffix-traversal"),
        pytest.param("0123456789abcdef0123456789abcdef.png\n", id="OPEN-newline"),
        pytest.param("", id="OPEN-empty"),
    ],
)
def test_open_stored_refuses_other_names(folder, name):
    folder.mkdir()
    with pytest.raises(FileNotFoundError):
        open_stored(folder, name)
    assert delete_stored(folder, name) is False


def test_open_stored_missing_file(folder):
    folder.mkdir()
    with pytest.raises(FileNotFoundError):
        open_stored(folder, "0123456789abcdef0123456789abcdef.png")


def test_open_stored_refuses_a_symlink(folder, tmp_path):
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    os.symlink(secret, folder / "0123456789abcdef0123456789abcdef.pdf")
    with pytest.raises(FileNotFoundError):
        open_stored(folder, "0123456789abcdef0123456789abcdef.pdf")


def test_delete_stored(folder):
    stored = _store(_png(), "a.png", folder)
    assert delete_stored(folder, stored.stored_name) is True
    assert delete_stored(folder, stored.stored_name) is False
    with pytest.raises(FileNotFoundError):
        open_stored(folder, stored.stored_name)


def test_stored_names_skips_temp_files_and_strangers(folder):
    stored = _store(_png(), "a.png", folder)
    (folder / ".upload-abc.tmp").write_bytes(b"half")
    (folder / "notes.txt").write_text("x")
    assert list(stored_names(folder)) == [stored.stored_name]
    assert list(stored_names(folder / "missing")) == []


def test_failed_write_leaves_no_temp_file(folder, monkeypatch):
    def broken_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(uploads.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        _store(_png(), "a.png", folder)
    assert list(folder.iterdir()) == []


def test_default_folder_comes_from_the_configuration(tmp_path):
    app = Flask(__name__, instance_path=str(tmp_path / "instance"))
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "elsewhere")
    with app.app_context():
        assert default_folder() == tmp_path / "elsewhere"
    app.config["UPLOAD_FOLDER"] = None
    with app.app_context():
        assert default_folder() == tmp_path / "instance" / "uploads"


def test_rejections_log_the_code_but_not_the_name(folder, caplog):
    caplog.set_level("INFO", logger="portal.uploads")
    with pytest.raises(UploadRejected):
        _store(b"plain text", "张三身份证.jpg", folder)
    assert "bad_type" in caplog.text
    assert "张三" not in caplog.text
