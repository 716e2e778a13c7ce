"""Streamed responses read their rows after the view has returned, as a real server sends them.

The ``client`` fixture keeps the request context open (``with app.test_client()``), which hides a stream
that needs it; these tests use a plain client, as gunicorn would.
"""

from __future__ import annotations

from tests import factories


def test_the_queue_export_streams_outside_the_view(app, world):
    client = app.test_client()
    factories.sign_in(client, world.users["admin"])
    response = client.get("/court/queue.csv")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert world.submission.reference in body
