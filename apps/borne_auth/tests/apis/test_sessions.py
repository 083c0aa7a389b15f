"""Sessions: 5-minute access tokens, 30 minutes at most, one-use refresh, revocation at once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from apps.borne_auth.models import SessionClient, TentativeConnexion
from apps.core.tests.concurrence import en_meme_temps
from apps.souscriptions.models import Souscription

pytestmark = pytest.mark.django_db
DASHBOARD = "/api/v1/clients/CG-2024-VIE-001/dashboard/"
REFRESH = "/api/v1/auth/refresh/"


def avec_jeton(access):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def refresh(api, jeton):
    return api.post(REFRESH, {"refresh": jeton}, format="json")


def test_jeton_d_acces_de_5_minutes(connecte):
    jetons = connecte().jetons
    acces = AccessToken(jetons["access"])
    assert acces["exp"] - acces["iat"] == 300


def test_la_deconnexion_refuse_aussitot_le_jeton_d_acces(api, connecte):
    jean = connecte()
    assert jean.get(DASHBOARD).status_code == 200
    assert api.post("/api/v1/auth/logout/", {"refresh": jean.jetons["refresh"]}, format="json").status_code == 204
    reponse = jean.get(DASHBOARD)
    assert reponse.status_code == 401 and reponse.json()["code"] == "session_expiree"


def test_la_resiliation_termine_la_session_refresh_401_et_non_500(api, connecte):
    jean = connecte()
    Souscription.objects.filter(police__numero_police="CG-2024-VIE-001").update(statut="resiliee")
    assert jean.get(DASHBOARD).status_code == 401
    reponse = refresh(api, jean.jetons["refresh"])
    assert reponse.status_code == 401
    assert reponse.json()["code"] == "session_expiree" and reponse.json()["message"]


def test_un_agent_revoque_les_sessions_d_un_client(api, connecte, admin_client):
    from apps.clients.models import Client

    jean = connecte()
    kongo = Client.objects.get(telephone="+242061234567")
    reponse = admin_client.post(
        "/admin/clients/client/", {"action": "revoquer_sessions", "_selected_action": [kongo.pk]}
    )
    assert reponse.status_code == 302
    assert jean.get(DASHBOARD).status_code == 401
    assert refresh(api, jean.jetons["refresh"]).status_code == 401
    assert SessionClient.objects.get(client=kongo).motif_revocation == "agent"


def test_refresh_rejoue_refuse_et_toute_la_session_revoquee(api, connecte):
    jetons = connecte().jetons
    premier = refresh(api, jetons["refresh"])
    assert premier.status_code == 200
    assert avec_jeton(premier.json()["access"]).get(DASHBOARD).status_code == 200
    assert refresh(api, jetons["refresh"]).status_code == 401  # the replay
    # The session is over: the tokens obtained legitimately are refused too.
    assert refresh(api, premier.json()["refresh"]).status_code == 401
    assert avec_jeton(premier.json()["access"]).get(DASHBOARD).status_code == 401


def test_la_session_dure_30_minutes_au_plus_malgre_les_refresh(api, connecte):
    jetons = connecte().jetons
    session = SessionClient.objects.get()
    assert session.expire_le - session.date_debut == timedelta(minutes=30)
    nouveau = refresh(api, jetons["refresh"]).json()
    assert RefreshToken(nouveau["refresh"])["exp"] <= int(session.expire_le.timestamp())
    SessionClient.objects.update(expire_le=timezone.now() - timedelta(seconds=1))
    assert avec_jeton(nouveau["access"]).get(DASHBOARD).status_code == 401
    assert refresh(api, nouveau["refresh"]).status_code == 401


@pytest.mark.django_db(transaction=True)
def test_un_refresh_envoye_8_fois_en_meme_temps_un_seul_au_plus_et_session_revoquee(settings):
    from apps.demo.services import charger_demo

    charger_demo()
    borne = APIClient()
    borne.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    jetons = borne.post(
        "/api/v1/auth/login/", {"police": "CG-2024-VIE-001", "telephone": "+242061234567"}, format="json"
    ).json()
    reponses = en_meme_temps(lambda i: refresh(APIClient(), jetons["refresh"]), 8)
    codes = sorted(r.status_code for r in reponses)
    assert codes.count(200) <= 1 and codes.count(401) >= 7, codes
    gagnants = [r.json() for r in reponses if r.status_code == 200]
    for gagnant in gagnants:
        assert refresh(APIClient(), gagnant["refresh"]).status_code == 401
        assert avec_jeton(gagnant["access"]).get(DASHBOARD).status_code == 401
    assert SessionClient.objects.get().revoquee_le is not None


@pytest.mark.django_db(transaction=True)
def test_verrouillage_5_echecs_meme_avec_12_essais_simultanes(settings):
    from apps.demo.services import charger_demo

    charger_demo()

    def essayer(i):
        borne = APIClient()
        borne.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
        return borne.post(
            "/api/v1/auth/login/", {"police": "CG-2024-VIE-001", "telephone": "+242069999999"}, format="json"
        ).status_code

    codes = en_meme_temps(essayer, 12)
    assert sorted(codes) == [401] * 5 + [429] * 7, codes
    assert TentativeConnexion.objects.filter(police="CG-2024-VIE-001").count() == 5


def test_les_taches_periodiques_purgent_les_vieilles_sessions_et_demandes_comptees(connecte, sandbox):
    from apps.borne_auth.tasks import compteurs_purge
    from apps.core.models import DemandeLimitee

    connecte()
    connecte("CG-2024-SAN-001", "+242059876543")
    ancienne = SessionClient.objects.get(client__telephone="+242061234567")
    SessionClient.objects.filter(pk=ancienne.pk).update(expire_le=timezone.now() - timedelta(days=31))
    DemandeLimitee.objects.create(cle="test:vieille", date=timezone.now() - timedelta(days=2))
    DemandeLimitee.objects.create(cle="test:recente")
    compteurs_purge.func(timestamp=0)  # the periodic job, as a worker runs it
    assert list(SessionClient.objects.values_list("client__telephone", flat=True)) == ["+242059876543"]
    assert list(DemandeLimitee.objects.values_list("cle", flat=True)) == ["test:recente"]
