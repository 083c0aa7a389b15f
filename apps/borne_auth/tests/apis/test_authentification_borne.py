"""One kiosk check for every API a borne calls (BorneAuthentication): same answers everywhere.

docs/securite.md, « Limites anonymes et clés de borne ».
"""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

BORNE_INCONNUE = {
    "code": "borne_inconnue",
    "message": "Cette borne n'est pas reconnue. Merci de vous adresser à un agent NSIA.",
}
JEAN = {"police": "CG-2024-VIE-001", "telephone": "+242061234567"}

# (method, path, needs the client's token): the kiosk is required when BORNE_REQUIRED is on.
SELON_REGLAGE = [
    ("post", "/api/v1/auth/login/", False),
    ("post", "/api/v1/souscriptions/", False),
    ("post", "/api/v1/souscriptions/SOUS-INCONNUE/paiement/", False),
    ("post", "/api/v1/preuves/telephone/", False),
    ("post", "/api/v1/preuves/telephone/verifier/", False),
    ("post", "/api/v1/contrats/CG-2024-VIE-001/paiements/", True),
]
# Required even when BORNE_REQUIRED is off.
REQUISE = [("post", "/api/v1/borne/heartbeat/"), ("post", "/api/v1/borne/appel-agent/")]


def _client(jeton=None, **en_tetes):
    client = APIClient()
    if jeton:
        en_tetes["HTTP_AUTHORIZATION"] = f"Bearer {jeton}"
    client.credentials(**en_tetes)
    return client


@pytest.fixture
def jeton(borne_api):
    return borne_api.post("/api/v1/auth/login/", JEAN, format="json").json()["access"]


@pytest.mark.parametrize("en_tetes", [{}, {"HTTP_X_BORNE_ID": "BZV-DEMO-01", "HTTP_X_BORNE_KEY": "fausse"}])
@pytest.mark.parametrize(("methode", "chemin", "avec_jeton"), SELON_REGLAGE)
def test_borne_requise_par_le_reglage_meme_refus_partout(jeton, methode, chemin, avec_jeton, en_tetes):
    client = _client(jeton if avec_jeton else None, **en_tetes)
    reponse = getattr(client, methode)(chemin, {}, format="json")
    assert reponse.status_code == 401 and reponse.json() == BORNE_INCONNUE


@pytest.mark.parametrize(("methode", "chemin", "avec_jeton"), SELON_REGLAGE)
def test_reglage_coupe_pas_de_refus_de_borne(jeton, settings, methode, chemin, avec_jeton):
    settings.BORNE_REQUIRED = False
    reponse = getattr(_client(jeton if avec_jeton else None), methode)(chemin, {}, format="json")
    assert reponse.json().get("code") != "borne_inconnue"


@pytest.mark.parametrize(("methode", "chemin"), REQUISE)
def test_heartbeat_et_appel_agent_exigent_une_borne_meme_reglage_coupe(demo, settings, methode, chemin):
    settings.BORNE_REQUIRED = False
    reponse = getattr(_client(), methode)(chemin, {}, format="json")
    assert reponse.status_code == 401 and reponse.json() == BORNE_INCONNUE


def test_le_client_sans_jeton_est_refuse_avant_la_borne(demo):
    """A client API checks the token first (as before): the same 401 as without any kiosk."""
    reponse = _client(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY="fausse").post(
        "/api/v1/contrats/CG-2024-VIE-001/paiements/", {"montant": 1000}, format="json"
    )
    assert reponse.status_code == 401 and reponse.json()["code"] == "non_authentifie"


def test_borne_facultative_une_cle_fausse_ne_donne_pas_acces(demo):
    """The statut of a paiement: a wrong key is no kiosk (404, as for a stranger), never a 401."""
    reponse = _client(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY="fausse").get("/api/v1/paiements/PAY-X/")
    assert reponse.status_code == 404 and reponse.json()["code"] == "paiement_introuvable"


def test_borne_facultative_verrouillee_429(demo, settings):
    settings.BORNE_ECHECS_MAX = 1
    client = _client(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY="fausse")
    client.get("/api/v1/paiements/PAY-X/")
    reponse = client.get("/api/v1/paiements/PAY-X/")
    assert reponse.status_code == 429 and reponse.json()["code"] == "borne_verrouillee"


def test_les_en_tetes_de_borne_documentes_la_ou_la_borne_est_lue():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    avec_borne = {
        (chemin, methode)
        for chemin, operations in schema["paths"].items()
        for methode, operation in operations.items()
        if {"X-Borne-Id", "X-Borne-Key"} <= {p["name"] for p in operation.get("parameters", [])}
    }
    assert avec_borne == {
        ("/api/v1/auth/login/", "post"),
        ("/api/v1/borne/heartbeat/", "post"),
        ("/api/v1/borne/appel-agent/", "post"),
        ("/api/v1/souscriptions/", "post"),
        ("/api/v1/souscriptions/{numero}/paiement/", "post"),
        ("/api/v1/preuves/telephone/", "post"),
        ("/api/v1/preuves/telephone/verifier/", "post"),
        ("/api/v1/contrats/{police}/paiements/", "post"),
        ("/api/v1/paiements/{reference}/", "get"),
        ("/api/v1/paiements/{reference}/recu.pdf", "get"),
        ("/api/v1/clients/{police}/releve.pdf", "get"),
    }
