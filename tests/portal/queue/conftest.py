import pytest


@pytest.fixture()
def upload_dir_for_queue(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "file")
    return tmp_path
