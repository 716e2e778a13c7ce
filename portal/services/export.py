"""The queue as CSV for supervisors: codes and dates only, no citizen's free text or identity data."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain

from portal.models import User
from portal.services import queue

COLUMNS = ("reference", "kind", "status", "case_number", "received_on", "due_on", "urgent", "assigned", "decision")
MAX_ROWS = 100_000


def rows(staff: User, filters: queue.QueueFilters, *, today: date) -> Iterator[tuple]:
    cursor = None
    sent = 0
    while sent < MAX_ROWS:
        page = queue.page(staff, filters, today=today, cursor=cursor)
        for s in page.items:
            yield (
                s.reference,
                s.kind.value,
                s.status.value,
                s.case.number if s.case else "",
                s.received_at.date().isoformat(),
                s.due_on.isoformat() if s.due_on else "",
                "yes" if s.urgent else "no",
                "yes" if s.assignee_id else "no",
                s.decision_code or "",
            )
        sent += len(page.items)
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def stream(data: Iterable[tuple]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in chain([COLUMNS], data):
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
