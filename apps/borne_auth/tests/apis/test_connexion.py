"""Kiosk sign-in: who may sign in, the single refusal, tokens, lockout, kiosk devices."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.borne_auth.models import Borne, TentativeConnexion
from apps.souscriptions.models import Souscription

pytestmark = pytest.mark.django_db
LOGIN = "/api/v1/auth/login/"


def login(client, police, telephone):
    return client.post(LOGIN, {"police": police, "telephone": telephone}, format="json")


@pytest.mark.parametrize(
    ("police", "telephone", "nom"),
    [
        ("CG-2024-VIE-001", "+242061234567", "KONGO"),
        ("CG-2024-EPG-001", "+242061234567", "KONGO"),
        ("CG-2024-SAN-001", "+242059876543", "MOUKOKO"),
        ("CG-2024-VIE-002", "+242042345678", "NGOUABI"),  # expiré: must still be able to renew
        ("cg-2024-vie-001", "+242061234567", "KONGO"),  # typed in lower case at the kiosk
    ],
)
def test_connexion_reussie(borne_api, police, telephone, nom):
    reponse = login(borne_api, police, telephone)
    assert reponse.status_code == 200
    corps = reponse.json()
    assert set(corps) == {"access", "refresh", "expires_in", "client", "police"}
    assert corps["expires_in"] == 300  # 5 minutes; the kiosk refreshes silently
    assert corps["client"]["nom"] == nom and corps["client"]["telephone"] == telephone
    assert corps["police"] == police.upper()


def test_aucun_utilisateur_django_cree_pour_un_client(borne_api, django_user_model):
    avant = django_user_model.objects.count()
    login(borne_api, "CG-2024-VIE-001", "+242061234567")
    assert django_user_model.objects.count() == avant


def refus_attendu(reponse):
    assert reponse.status_code == 401
    return reponse.json()


def test_un_seul_refus_pour_toute_erreur(borne_api):
    Souscription.objects.filter(police__numero_police="CG-2024-SAN-001").update(statut="resiliee")
    corps = [
        refus_attendu(login(borne_api, "CG-2024-VIE-001", "+242059876543")),  # another client's phone
        refus_attendu(login(borne_api, "CG-2024-VIE-777", "+242061234567")),  # unknown police
        refus_attendu(login(borne_api, "PASS-KIMIA-2026-900002", "+242066667788")),  # no police yet
        refus_attendu(login(borne_api, "CG-2024-SAN-001", "+242059876543")),  # résilié
    ]
    assert all(c == corps[0] for c in corps)
    assert corps[0]["code"] == "identifiants_invalides"
    assert "incorrect" in corps[0]["message"]


@pytest.mark.parametrize(
    "telephone", ["061234567", "+242 06 123 45 67", "+24306123456", "", "+242O61234567", "9" * 500, 242061234567]
)
def test_telephone_mal_forme_400_avec_message_clair(borne_api, telephone):
    reponse = login(borne_api, "CG-2024-VIE-001", telephone)
    assert reponse.status_code == 400
    corps = reponse.json()
    assert corps["code"] == "donnees_invalides"
    assert "telephone" in corps["details"]
    assert TentativeConnexion.objects.count() == 0


@pytest.mark.parametrize(
    "corps",
    [
        {},
        {"police": "CG-2024-VIE-001"},
        {"police": ["x"], "telephone": "+242061234567"},
        {"police": "C" * 5000, "telephone": "+242061234567"},
    ],
)
def test_champs_manquants_ou_de_mauvais_type(borne_api, corps):
    reponse = borne_api.post(LOGIN, corps, format="json")
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "donnees_invalides"


def test_json_illisible(borne_api):
    reponse = borne_api.post(LOGIN, "{pas du json", content_type="application/json")
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "donnees_illisibles"


def test_verrouillage_apres_5_echecs_meme_avec_la_bonne_paire(borne_api):
    for _ in range(5):
        assert login(borne_api, "CG-2024-VIE-001", "+242069999999").status_code == 401
    reponse = login(borne_api, "CG-2024-VIE-001", "+242061234567")
    assert reponse.status_code == 429
    assert reponse.json()["code"] == "trop_de_tentatives"
    attente = int(reponse["Retry-After"])
    assert 14 * 60 < attente <= 15 * 60 + 1
    assert reponse.json()["details"]["retry_after"] == attente
    # Another police is not locked by these failures.
    assert login(borne_api, "CG-2024-SAN-001", "+242059876543").status_code == 200


def test_le_verrouillage_finit_avec_la_fenetre(borne_api):
    for _ in range(5):
        login(borne_api, "CG-2024-VIE-001", "+242069999999")
    assert login(borne_api, "CG-2024-VIE-001", "+242061234567").status_code == 429
    TentativeConnexion.objects.update(date=timezone.now() - timedelta(minutes=15, seconds=1))
    assert login(borne_api, "CG-2024-VIE-001", "+242061234567").status_code == 200


def test_verrouillage_par_borne_apres_20_echecs(borne_api):
    for i in range(20):
        login(borne_api, f"CG-2024-VIE-{100 + i}", "+242069999999")
    reponse = login(borne_api, "CG-2024-SAN-001", "+242059876543")
    assert reponse.status_code == 429
    assert int(reponse["Retry-After"]) > 0


def test_sans_borne_401_borne_inconnue(api, demo, settings):
    reponse = login(api, "CG-2024-VIE-001", "+242061234567")
    assert reponse.status_code == 401
    assert reponse.json()["code"] == "borne_inconnue"
    api.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY="mauvaise-cle")
    assert login(api, "CG-2024-VIE-001", "+242061234567").json()["code"] == "borne_inconnue"
    Borne.objects.update(actif=False)
    api.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    assert login(api, "CG-2024-VIE-001", "+242061234567").json()["code"] == "borne_inconnue"


def test_borne_facultative_si_le_reglage_est_coupe(api, demo, settings):
    settings.BORNE_REQUIRED = False
    assert login(api, "CG-2024-VIE-001", "+242061234567").status_code == 200


def test_la_borne_est_vue_et_son_heartbeat_enregistre(borne_api):
    Borne.objects.update(derniere_activite=None)
    login(borne_api, "CG-2024-VIE-001", "+242061234567")
    assert Borne.objects.get(identifiant="BZV-DEMO-01").derniere_activite is not None
    reponse = borne_api.post("/api/v1/borne/heartbeat/", {"version": "1.2.0", "statut": "ok"}, format="json")
    assert reponse.status_code == 200
    borne = Borne.objects.get(identifiant="BZV-DEMO-01")
    assert (borne.version_app, borne.statut_rapporte) == ("1.2.0", "ok")


def test_cle_de_borne_stockee_hachee(demo, settings):
    borne = Borne.objects.get(identifiant="BZV-DEMO-01")
    assert settings.DEMO_BORNE_KEY not in borne.cle_hash
    assert borne.verifier_cle(settings.DEMO_BORNE_KEY) and not borne.verifier_cle("autre")


def test_refresh_tourne_et_l_ancien_ne_sert_plus(borne_api, api, connecte):
    jetons = connecte().jetons
    reponse = api.post("/api/v1/auth/refresh/", {"refresh": jetons["refresh"]}, format="json")
    assert reponse.status_code == 200
    nouveau = reponse.json()
    assert set(nouveau) == {"access", "refresh"} and nouveau["refresh"] != jetons["refresh"]
    rejoue = api.post("/api/v1/auth/refresh/", {"refresh": jetons["refresh"]}, format="json")
    assert rejoue.status_code == 401 and rejoue.json()["code"] == "session_expiree"


def test_logout_rend_le_refresh_inutilisable(api, connecte):
    jetons = connecte().jetons
    assert api.post("/api/v1/auth/logout/", {"refresh": jetons["refresh"]}, format="json").status_code == 204
    assert api.post("/api/v1/auth/refresh/", {"refresh": jetons["refresh"]}, format="json").status_code == 401
    assert api.post("/api/v1/auth/logout/", {"refresh": jetons["refresh"]}, format="json").status_code == 401


def test_un_access_token_ne_sert_pas_de_refresh(api, connecte):
    jetons = connecte().jetons
    assert api.post("/api/v1/auth/refresh/", {"refresh": jetons["access"]}, format="json").status_code == 401


def test_x_forwarded_for_ignore_sans_proxy_de_confiance(api, demo, settings):
    """Without a trusted proxy, a forged X-Forwarded-For does not escape the per-address lockout."""
    settings.BORNE_REQUIRED = False
    for i in range(20):
        api.post(
            LOGIN,
            {"police": f"CG-2024-VIE-{200 + i}", "telephone": "+242069999999"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}",
        )
    reponse = api.post(
        LOGIN,
        {"police": "CG-2024-VIE-001", "telephone": "+242061234567"},
        format="json",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert reponse.status_code == 429


def test_les_taches_periodiques_purgent_les_echecs_sortis_de_la_fenetre(borne_api, sandbox):
    from apps.borne_auth.tasks import tentatives_purge

    login(borne_api, "CG-2024-VIE-001", "+242069999999")
    login(borne_api, "CG-2024-VIE-002", "+242069999999")
    TentativeConnexion.objects.filter(police="CG-2024-VIE-001").update(date=timezone.now() - timedelta(minutes=16))
    tentatives_purge.func(timestamp=0)  # the periodic job, as a worker runs it
    assert list(TentativeConnexion.objects.values_list("police", flat=True)) == ["CG-2024-VIE-002"]
