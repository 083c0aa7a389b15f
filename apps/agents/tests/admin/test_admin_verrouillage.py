"""Staff sign-in: 5 wrong passwords lock the account from that address for 15 minutes."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

CONNEXION = "/admin/login/"


@pytest.fixture
def agent():
    return get_user_model().objects.create_user(username="agent7", password="bon-mot-de-passe-7", is_staff=True)


def essayer(mot_de_passe, adresse="203.0.113.5"):
    client = Client(REMOTE_ADDR=adresse)
    reponse = client.post(CONNEXION, {"username": "agent7", "password": mot_de_passe, "next": "/admin/"})
    return reponse, client


def test_cinq_echecs_puis_le_bon_mot_de_passe_refuse(agent):
    for _ in range(5):
        reponse, _client = essayer("faux")
        assert reponse.status_code in (200, 429)  # the form again, then the lockout
    reponse, client = essayer("bon-mot-de-passe-7")
    assert reponse.status_code == 429
    assert "_auth_user_id" not in client.session


def test_quatre_echecs_puis_le_bon_mot_de_passe_connecte(agent):
    for _ in range(4):
        essayer("faux")
    reponse, client = essayer("bon-mot-de-passe-7")
    assert reponse.status_code == 302 and client.session["_auth_user_id"] == str(agent.pk)


def test_le_verrou_vise_le_compte_depuis_cette_adresse(agent):
    for _ in range(5):
        essayer("faux")
    reponse, _client = essayer("bon-mot-de-passe-7", adresse="198.51.100.9")
    assert reponse.status_code == 302


def test_chemin_de_l_admin_reglable():
    from django.conf import settings

    assert settings.DJANGO_ADMIN_URL == "admin/"
