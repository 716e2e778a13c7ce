"""The portal's HTTP API, the only backend the actions talk to.

Configuration is read when a client is built, never at import time:
  PORTAL_API_URL      base URL, default http://127.0.0.1:5000/api/v1
  PORTAL_API_TIMEOUT  seconds per request, default 5
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from typing import Any

import requests

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "http://127.0.0.1:5000/api/v1"


class PortalError(Exception):
    """The portal could not give an answer; the action tells the user so in their language."""


class NotSignedIn(PortalError):
    """No chat token, or the portal rejected it (401/403)."""


class PortalUnavailable(PortalError):
    """Timeout, connection error, 5xx, or an answer that is not the JSON we expect."""


@dataclass(frozen=True)
class PortalClient:
    base_url: str
    token: str | None
    language: str = "zh"
    timeout: float = 5.0

    @classmethod
    def from_env(cls, token: str | None, language: str) -> PortalClient:
        base = os.environ.get("PORTAL_API_URL", DEFAULT_API_URL).rstrip("/")
        try:
            timeout = float(os.environ.get("PORTAL_API_TIMEOUT", "5"))
        except ValueError:
            timeout = 5.0
        return cls(base_url=base, token=token or None, language=language, timeout=timeout)

    # ---- endpoints (contract in bot/README.md)
    async def my_cases(self) -> dict[str, Any]:
        return await self._call("GET", "/me/cases", auth_required=True)

    async def my_obligations(self) -> dict[str, Any]:
        return await self._call("GET", "/me/obligations", auth_required=True)

    async def screening(self, kind: str, answers: dict[str, Any]) -> dict[str, Any]:
        if kind not in ("judicial-relief", "debt-exit"):
            raise ValueError(kind)
        return await self._call("POST", f"/screenings/{kind}", json=answers)

    async def create_draft(self, payload: dict[str, Any]) -> dict[str, Any]:
        return await self._call("POST", "/drafts", json=payload)

    async def create_inquiry(self, payload: dict[str, Any]) -> dict[str, Any]:
        return await self._call("POST", "/inquiries", json=payload)

    # ---- plumbing
    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json", "Accept-Language": self.language}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    async def _call(self, method: str, path: str, *, json: Any = None, auth_required: bool = False) -> dict[str, Any]:
        if auth_required and not self.token:
            raise NotSignedIn(path)
        # requests is blocking; keep the action server's event loop free
        return await asyncio.to_thread(self._request, method, path, json)

    def _request(self, method: str, path: str, json: Any) -> dict[str, Any]:
        url = f"{self.base_url}{path}"
        try:
            response = requests.request(method, url, json=json, headers=self._headers(), timeout=self.timeout)
        except requests.RequestException as exc:
            logger.warning("portal %s %s failed: %s", method, path, type(exc).__name__)
            raise PortalUnavailable(path) from exc
        if response.status_code in (401, 403):
            raise NotSignedIn(path)
        if response.status_code >= 400:
            logger.warning("portal %s %s answered %s", method, path, response.status_code)
            raise PortalUnavailable(path)
        try:
            body = response.json()
        except ValueError as exc:
            raise PortalUnavailable(path) from exc
        if not isinstance(body, dict):
            raise PortalUnavailable(path)
        return body
