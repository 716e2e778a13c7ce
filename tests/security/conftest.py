from __future__ import annotations

import pytest

from tests import factories
from tests.security import world as world_module


@pytest.fixture()
def world(session, upload_dir):
    return world_module.build()


@pytest.fixture()
def clients(app, world):
    """A signed-in test client per actor (the anonymous one signs in as nobody)."""
    made = []

    def client_for(actor: str):
        client = app.test_client()
        made.append(client)
        user = world.users[actor]
        if user is not None:
            factories.sign_in(client, user)
        return client

    yield client_for
    for client in made:
        client.__exit__(None, None, None)
