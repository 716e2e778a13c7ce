"""A citizen as a program: signs in, files property clues with photos through the real pages, and retries.

Each HTTP call is retried while the portal is down (connection refused or reset, timeouts). What may not be
repeated blindly is reconciled from the pages first, as a person would: before uploading a photo again the
evidence page is read, and a photo already listed there is not sent twice. Filing is repeated blindly: the
draft's token is the idempotency key, so a second POST of a filed draft must land on the same confirmation.
"""

from __future__ import annotations

import io
import re
import threading
import time
from dataclasses import dataclass, field

import requests
from PIL import Image

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
REFERENCE = re.compile(r'id="reference">(ZB-\d{4}-\d{6})<')
DRAFT = re.compile(r"/submissions/drafts/([A-Za-z0-9_-]+)/")
TIMEOUT = 20


class PortalError(AssertionError):
    """The portal answered something a working portal never answers (a 500, a refused form)."""


@dataclass
class Filed:
    token: str
    reference: str
    files: list[str]


@dataclass
class Citizen:
    base: str
    email: str
    password: str
    case_id: int
    number: int
    clues: int
    files_per_clue: int
    deadline: float
    filed: list[Filed] = field(default_factory=list)
    retries: int = 0
    errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.http = requests.Session()
        self.lock = threading.Lock()

    # -- HTTP with retries ------------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        """One request, repeated until the portal answers; a 5xx is a failure of the portal, not a crash."""
        kwargs.setdefault("allow_redirects", False)
        url = path if path.startswith("http") else self.base + path
        while True:
            try:
                response = self.http.request(method, url, timeout=TIMEOUT, **kwargs)
            except requests.RequestException:
                self.retries += 1
                if time.monotonic() > self.deadline:
                    raise
                time.sleep(0.3)
                continue
            if response.status_code >= 500:
                raise PortalError(f"{method} {path} answered {response.status_code}")
            return response

    def _page(self, path: str) -> tuple[str, str]:
        """GET a page, following redirects; its final path and its HTML."""
        response = self._call("GET", path, allow_redirects=True)
        if response.status_code != 200:
            raise PortalError(f"GET {path} answered {response.status_code}")
        return response.url.removeprefix(self.base), response.text

    def _post_form(self, path: str, data: dict, *, again: bool = True, **kwargs) -> requests.Response | None:
        """GET the form for a fresh CSRF token, then POST it; retried as a whole when the portal goes away.

        With ``again`` False a lost answer returns None instead: the caller must look before sending again.
        """
        while True:
            _final, html = self._page(path)
            token = CSRF.search(html)
            if token is None:
                raise PortalError(f"no CSRF token on {path}")
            try:
                response = self.http.post(
                    self.base + path,
                    data={"csrf_token": token.group(1), **data},
                    timeout=TIMEOUT,
                    allow_redirects=False,
                    **kwargs,
                )
            except requests.RequestException:
                self.retries += 1
                if time.monotonic() > self.deadline:
                    raise
                time.sleep(0.3)
                if not again:
                    return None
                continue
            if response.status_code >= 400:
                raise PortalError(f"POST {path} answered {response.status_code}")
            return response

    # -- the journey ------------------------------------------------------------------------------------------

    def sign_in(self) -> None:
        response = self._post_form("/accounts/sign-in", {"email": self.email, "password": self.password})
        if response.status_code != 302:
            raise PortalError(f"sign-in answered {response.status_code}")

    def photo(self, clue: int, index: int) -> tuple[str, bytes]:
        colour = (self.number * 29 % 256, clue * 53 % 256, index * 97 % 256)
        out = io.BytesIO()
        Image.new("RGB", (160, 120), colour).save(out, "JPEG")
        return f"citizen{self.number}-clue{clue}-photo{index}.jpg", out.getvalue()

    def file_clue(self, clue: int) -> Filed:
        # Opening the form again after a crash resumes the same open draft (the same token).
        path, _html = self._page(f"/submissions/new/property_clue/{self.case_id}")
        token = DRAFT.search(path).group(1)
        steps = f"/submissions/drafts/{token}"
        self._post_form(f"{steps}/clue_type", {"clue_type": "other"})
        description = f"被执行人在第{self.number}号仓库存放一批钢材，约{clue + 2}吨，编号C{self.number}-{clue}"
        self._post_form(f"{steps}/details", {"description": description})
        self._post_form(f"{steps}/urgency", {"urgent": "no"})
        names = []
        for index in range(self.files_per_clue):
            name, data = self.photo(clue, index)
            names.append(name)
            # Sent again only when the evidence page does not list it (the first upload may have committed).
            while name not in self._page(f"{steps}/evidence")[1]:
                files = {"files": (name, data, "image/jpeg")}
                self._post_form(f"{steps}/evidence", {"upload": "1"}, again=False, files=files)
        self._post_form(f"{steps}/evidence", {"continue": "1"})
        # File, then read the confirmation; a lost answer is retried by POSTing the same draft again.
        while True:
            response = self._post_form(f"{steps}/check", {})
            if response.status_code != 302:
                raise PortalError(f"filing answered {response.status_code}")
            _final, html = self._page(response.headers["Location"])
            found = REFERENCE.search(html)
            if found:
                return Filed(token=token, reference=found.group(1), files=names)

    def run(self) -> None:
        try:
            self.sign_in()
            for clue in range(self.clues):
                filed = self.file_clue(clue)
                with self.lock:
                    self.filed.append(filed)
        except Exception as error:  # the test reports it; a thread must not die silently
            self.errors.append(f"{type(error).__name__}: {error}")
