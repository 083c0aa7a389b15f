"""Fixtures of the payment tests."""

import pytest


@pytest.fixture
def jean(connecte, settings, sandbox):
    client = connecte()
    client.credentials(
        HTTP_AUTHORIZATION=client._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    return client
