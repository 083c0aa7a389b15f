"""The kiosk's hot reads check the session in their own SQL (docs/securite-identite.md, « Sessions »).

Whatever ended the session (logout, résiliation of the contrat used to sign in, an agent, its
30 minutes), every such read answers exactly the 401 of every other view, with no data; a token
never reads another client's contrats; a view that defers the check and never makes it still
refuses a closed session before answering.
"""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory

from apps.borne_auth.models import SessionClient
from apps.souscriptions.apis import ClientApi
from apps.souscriptions.models import Souscription

pytestmark = pytest.mark.django_db

LECTURES = [
    "/api/v1/clients/{police}/dashboard/",
    "/api/v1/clients/{police}/contrats/",
    "/api/v1/contrats/{police}/",
    "/api/v1/clients/{police}/cotisations/",
    "/api/v1/clients/{police}/paiements/",
]
JEAN = "CG-2024-VIE-001"
MARIE = "CG-2024-SAN-001"  # another client of the demo


def _deconnecter(api, jean):
    assert api.post("/api/v1/auth/logout/", {"refresh": jean.jetons["refresh"]}, format="json").status_code == 204


def _resilier(api, jean):
    Souscription.objects.filter(police__numero_police=JEAN).update(statut="resiliee")


def _revoquer_par_un_agent(api, jean):
    SessionClient.objects.update(revoquee_le=timezone.now(), motif_revocation="agent")


def _laisser_expirer(api, jean):
    SessionClient.objects.update(expire_le=timezone.now() - timedelta(seconds=1))


FINS = [_deconnecter, _resilier, _revoquer_par_un_agent, _laisser_expirer]


def _refus_de_session(reponse):
    assert reponse.status_code == 401, reponse.content[:300]
    assert json.loads(reponse.content) == {
        "code": "session_expiree",
        "message": "Votre session a expiré. Veuillez vous identifier à nouveau.",
    }
    assert reponse["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("fin", FINS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("route", LECTURES)
def test_session_terminee_401_sans_donnees_sur_chaque_lecture(api, connecte, route, fin):
    jean = connecte()
    assert jean.get(route.format(police=JEAN)).status_code == 200
    fin(api, jean)
    reponse = jean.get(route.format(police=JEAN))
    _refus_de_session(reponse)
    assert b"KONGO" not in reponse.content.upper() and JEAN.encode() not in reponse.content


@pytest.mark.parametrize("route", LECTURES)
def test_un_jeton_ne_lit_jamais_les_contrats_d_un_autre_client(connecte, route):
    jean = connecte()
    reponse = jean.get(route.format(police=MARIE))
    assert reponse.status_code == 404, reponse.content[:300]
    assert MARIE.encode() not in reponse.content
    # Session closed: the same 401 as on its own contrats, never a 404 that would say more.
    SessionClient.objects.update(revoquee_le=timezone.now())
    _refus_de_session(jean.get(route.format(police=MARIE)))
    _refus_de_session(jean.get(route.format(police="CG-0000-XXX-000")))


@pytest.mark.parametrize("route", LECTURES)
def test_la_lecture_verifie_la_session_dans_sa_propre_requete(connecte, route):
    """One round trip for the token's session and the read: no separate session query."""
    jean = connecte()
    with CaptureQueriesContext(connection) as requetes:
        assert jean.get(route.format(police=JEAN)).status_code == 200
    assert not any(q["sql"].lstrip().startswith("SELECT 1 FROM sessions_clients") for q in requetes.captured_queries)


class _LectureOublieuse(ClientApi):
    """Opts in and never checks the session in its read."""

    session_verifiee_par_la_lecture = True

    def get(self, request):
        return Response({"secret": "donnée du client"})


def test_une_vue_qui_oublie_la_verification_la_fait_quand_meme_avant_de_repondre(connecte):
    jean = connecte()
    usine = APIRequestFactory()
    entete = {"HTTP_AUTHORIZATION": f"Bearer {jean.jetons['access']}"}
    vue = _LectureOublieuse.as_view()
    with CaptureQueriesContext(connection) as requetes:
        reponse = vue(usine.get("/oubli/", **entete))
    assert reponse.status_code == 200
    assert len(requetes) == 1  # the check, made before answering
    SessionClient.objects.update(revoquee_le=timezone.now())
    reponse = vue(usine.get("/oubli/", **entete))
    reponse.render()
    _refus_de_session(reponse)
    assert b"secret" not in reponse.content
