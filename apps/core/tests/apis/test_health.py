from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_health_dit_que_la_base_va_bien(client):
    reponse = client.get("/health/")
    assert reponse.status_code == 200
    assert reponse.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_health_repond_503_quand_la_base_ne_repond_pas(client):
    # Stopping the shared PostgreSQL would break the other tests running on it: the failure
    # is simulated at the cursor, the one place a down database shows itself.
    with mock.patch("apps.core.selectors.connection.cursor", side_effect=OperationalError("down")):
        reponse = client.get("/health/")
    assert reponse.status_code == 503
    assert reponse.json() == {"status": "degrade", "database": "indisponible"}
