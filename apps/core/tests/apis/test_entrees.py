"""Bad input at the door: oversized, deeply nested, NUL bytes, invalid UTF-8 → a 4xx error body."""

import io
import json

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.test import RequestFactory

from apps.core.entrees import EntreesApiMiddleware

pytestmark = pytest.mark.django_db

LOGIN = "/api/v1/auth/login/"


def corps_erreur(reponse, statut, code):
    assert reponse.status_code == statut, reponse.content[:300]
    assert reponse["Content-Type"].startswith("application/json")
    corps = json.loads(reponse.content)
    assert corps["code"] == code and corps["message"]


def test_corps_json_de_plus_de_64_ko_413(borne_api):
    corps = json.dumps({"police": "x" * (65 * 1024), "telephone": "+242061234567"})
    reponse = borne_api.post(LOGIN, corps, content_type="application/json")
    corps_erreur(reponse, 413, "corps_trop_volumineux")


def test_corps_a_64_ko_pile_accepte_a_la_lecture(borne_api):
    corps = json.dumps({"police": "CG-2024-VIE-001", "telephone": "+242061234567", "x": ""})
    corps = corps[:-2] + '"' + " " * (64 * 1024 - len(corps)) + "}"
    assert len(corps) == 64 * 1024
    assert borne_api.post(LOGIN, corps, content_type="application/json").status_code == 200


def test_corps_annonce_trop_gros_refuse_sans_etre_lu(borne_api):
    """The Content-Length alone decides: nothing is read from a 100 MB announcement."""
    reponse = borne_api.post(LOGIN, "{}", content_type="application/json", CONTENT_LENGTH=str(100 * 1024 * 1024))
    corps_erreur(reponse, 413, "corps_trop_volumineux")


def _fragmente(corps: bytes):
    """A request sent with Transfer-Encoding: chunked, as gunicorn hands it over (no CONTENT_LENGTH).

    The Django test client always sets a Content-Length, so the request is built by hand and
    given to the middleware; the view behind it echoes the body Django reads.
    """
    environ = RequestFactory().post(LOGIN, b"", content_type="application/json").environ
    environ.pop("CONTENT_LENGTH", None)
    environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    environ["wsgi.input"] = io.BytesIO(corps)
    return EntreesApiMiddleware(lambda request: HttpResponse(request.body))(WSGIRequest(environ))


def test_corps_fragmente_trop_gros_413():
    reponse = _fragmente(b'{"police": "' + b"x" * (70 * 1024) + b'"}')
    corps_erreur(reponse, 413, "corps_trop_volumineux")


def test_corps_fragmente_lu_normalement():
    corps = b'{"police": "CG-2024-VIE-001", "telephone": "+242061234567"}'
    assert _fragmente(corps).content == corps


@pytest.mark.parametrize("profondeur", [21, 100_000])
def test_json_trop_imbrique_400(borne_api, profondeur):
    corps = '{"police": ' + "[" * profondeur + "]" * profondeur + ', "telephone": "+242061234567"}'
    reponse = borne_api.post(LOGIN, corps[: 64 * 1024], content_type="application/json")
    corps_erreur(reponse, 400, "donnees_illisibles")


def test_json_imbrique_a_20_niveaux_lu(borne_api):
    corps = '{"police": ' + "[" * 19 + "]" * 19 + ', "telephone": "+242061234567"}'
    corps_erreur(borne_api.post(LOGIN, corps, content_type="application/json"), 400, "donnees_invalides")


def test_crochets_dans_une_chaine_ne_comptent_pas(borne_api):
    corps = json.dumps({"police": "CG-2024-VIE-009", "telephone": "+242061234567", "note": "[" * 50 + '\\"{'})
    corps_erreur(borne_api.post(LOGIN, corps, content_type="application/json"), 401, "identifiants_invalides")


@pytest.mark.parametrize(
    "corps",
    [
        b'{"police": "CG\x00", "telephone": "+242061234567"}',
        b'{"police": "CG\\u0000", "telephone": "+242061234567"}',
        b'{"police": "CG\xff\xfe", "telephone": "+242061234567"}',
    ],
    ids=["nul", "nul_echappe", "utf8_invalide"],
)
def test_corps_nul_ou_utf8_invalide_400(borne_api, corps):
    corps_erreur(borne_api.post(LOGIN, corps, content_type="application/json"), 400, "donnees_illisibles")


@pytest.mark.parametrize(
    "chemin",
    ["/api/v1/produits/KIMIA%00/", "/api/v1/produits/KIMIA%FF/", "/api/v1/produits/?q=%00", "/api/v1/produits/?q=%C3"],
)
def test_chemin_ou_parametres_nul_ou_utf8_invalide_400(api, produits, chemin):
    corps_erreur(api.get(chemin), 400, "requete_illisible")


@pytest.mark.parametrize(
    "entete", ["HTTP_X_BORNE_ID", "HTTP_X_BORNE_KEY", "HTTP_AUTHORIZATION", "HTTP_IDEMPOTENCY_KEY"]
)
def test_entete_avec_nul_ou_utf8_invalide_400(api, demo, entete):
    for valeur in ["BZV\x00", "BZV\xff"]:
        reponse = api.post(LOGIN, {"police": "CG-2024-VIE-001"}, format="json", **{entete: valeur})
        corps_erreur(reponse, 400, "requete_illisible")


def test_rappel_mtn_avec_nul_dans_external_id_jamais_500(api, demo):
    corps = json.dumps({"externalId": "PAY\u0000", "referenceId": "x\u0000", "status": "SUCCESSFUL"})
    reponse = api.put("/api/v1/mtn/callback/", corps, content_type="application/json")
    corps_erreur(reponse, 400, "donnees_illisibles")
