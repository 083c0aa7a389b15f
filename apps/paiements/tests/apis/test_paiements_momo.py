"""Premium payments through the MoMo sandbox over real HTTP: every outcome, credited once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.mtn_integration.models import TransactionMomo
from apps.mtn_integration.momo.reasons import MOTIFS
from apps.paiements import operateurs as momo
from apps.paiements.models import Paiement
from apps.souscriptions.models import Contrat, NumeroPolice, Souscription
from conftest import travaux_en_file, travaux_executer

pytestmark = pytest.mark.django_db
URL = "/api/v1/contrats/{police}/paiements/"


def payer(client, police="CG-2024-EPG-001", montant=10000, numero_payeur=None, cle=None, **extra):
    corps = {"montant": montant, **extra}
    if numero_payeur:
        corps["numero_payeur"] = numero_payeur
    en_tetes = {"HTTP_IDEMPOTENCY_KEY": cle} if cle else {}
    return client.post(URL.format(police=police), corps, format="json", **en_tetes)


def jusqu_au_statut_final(reference, essais=40):
    """What a worker does: run the queued jobs (sending, checks) until the paiement is final."""
    paiement = Paiement.objects.get(reference=reference)
    for _ in range(essais):
        travaux_executer(jusqu_a=timezone.now() + timedelta(days=1))
        paiement.refresh_from_db()
        if paiement.statut != "en_attente":
            return paiement
        threading.Event().wait(0.1)
    return paiement


def test_paiement_des_arrieres_reussi(jean):
    reponse = payer(jean)
    assert reponse.status_code == 202, reponse.content
    corps = reponse.json()
    assert (corps["statut"], corps["type_paiement"], corps["montant"]) == ("en_attente", "rattrapage", 10000)
    paiement = jusqu_au_statut_final(corps["reference"])
    assert paiement.statut == "succes" and paiement.reference_operateur
    contrat = Contrat.objects.get(numero_police="CG-2024-EPG-001")
    assert (contrat.solde, contrat.arrieres) == (0, 0)
    statut = jean.get(f"/api/v1/paiements/{corps['reference']}/").json()
    assert statut["statut"] == "succes" and statut["motif_echec"] is None


ECHECS = {
    "46733123450": "INTERNAL_PROCESSING_ERROR",
    "46733123451": "APPROVAL_REJECTED",
    "46733123452": "EXPIRED",
    "46733123455": "PAYER_NOT_FOUND",
    "46733123456": "PAYEE_NOT_ALLOWED_TO_RECEIVE",
    "46733123457": "NOT_ALLOWED",
    "46733123458": "NOT_ALLOWED_TARGET_ENVIRONMENT",
    "46733123459": "INVALID_CALLBACK_URL_HOST",
    "46733123460": "INVALID_CURRENCY",
    "46733123461": "INTERNAL_PROCESSING_ERROR",
    "46733123462": "SERVICE_UNAVAILABLE",
    "46733123463": "COULD_NOT_PERFORM_TRANSACTION",
}


@pytest.mark.parametrize(("numero", "raison"), list(ECHECS.items()))
def test_chaque_numero_de_test_en_echec(jean, numero, raison):
    reference = payer(jean, numero_payeur=numero).json()["reference"]
    paiement = jusqu_au_statut_final(reference)
    assert paiement.statut == "echec"
    assert paiement.motif_echec == MOTIFS[raison]
    assert Contrat.objects.get(numero_police="CG-2024-EPG-001").arrieres == 10000
    corps = jean.get(f"/api/v1/paiements/{reference}/").json()
    assert corps["statut"] == "echec" and corps["motif_echec"] == MOTIFS[raison]


def test_paiement_en_cours_puis_reussi(jean, sandbox):
    sandbox.state.ongoing_seconds = 0.3
    reference = payer(jean, numero_payeur="46733123453").json()["reference"]
    assert Paiement.objects.get(reference=reference).statut == "en_attente"
    assert jusqu_au_statut_final(reference).statut == "succes"


def test_operateur_sans_reponse_finale_reste_en_attente_puis_a_verifier(jean):
    """D4: past the old 10-minute window and past 7 days, still en_attente, never echec by our clock."""
    reference = payer(jean, numero_payeur="46733123454").json()["reference"]
    assert jusqu_au_statut_final(reference, essais=3).statut == "en_attente"
    TransactionMomo.objects.filter(paiement__reference=reference).update(
        date_creation=timezone.now() - timedelta(days=8)
    )
    travaux_executer(jusqu_a=timezone.now() + timedelta(days=1))
    paiement = Paiement.objects.get(reference=reference)
    assert paiement.statut == "en_attente"
    transaction_momo = TransactionMomo.objects.get(paiement=paiement)
    assert transaction_momo.anomalie == "sans_reponse"
    assert [t["task_name"] for t in travaux_en_file()] == ["momo.verifier"]  # checks go on


def test_operateur_injoignable_au_dela_de_l_ancienne_expiration_puis_reussi(jean, sandbox):
    """D4 reproduced: MTN's status endpoint down past the expiry window, then SUCCESSFUL: credited."""
    sandbox.pannes(status="error500")
    reference = payer(jean).json()["reference"]
    TransactionMomo.objects.filter(paiement__reference=reference).update(
        date_creation=timezone.now() - timedelta(minutes=30)
    )
    for _ in range(3):
        travaux_executer(jusqu_a=timezone.now() + timedelta(days=1))
    assert Paiement.objects.get(reference=reference).statut == "en_attente"
    sandbox.pannes()
    assert jusqu_au_statut_final(reference).statut == "succes"


@pytest.mark.parametrize(
    ("corps", "code"),
    [
        ({"montant": 50}, "montant_trop_faible"),
        ({"montant": 10**9}, "donnees_invalides"),
        ({"montant": "10000"}, "donnees_invalides"),
        ({"montant": 100.5}, "donnees_invalides"),
        ({"montant": True}, "donnees_invalides"),
        ({"montant": 10000, "numero_payeur": "+242221234567"}, "operateur_non_disponible"),
        ({"montant": 10000, "numero_payeur": "+242051234567", "operateur": "mtn_momo"}, "operateur_incoherent"),
        ({"montant": 10000, "numero_payeur": "+242061234567", "operateur": "airtel_money"}, "operateur_incoherent"),
        ({"montant": 10000, "operateur": "orange"}, "operateur_invalide"),
        ({"montant": 10000, "numero_payeur": "0612"}, "numero_payeur_invalide"),
        ({"montant": 10000, "renouvellement": True}, "renouvellement_impossible"),
    ],
)
def test_paiement_refuse_sans_rien_creer(jean, corps, code):
    reponse = jean.post(URL.format(police="CG-2024-EPG-001"), corps, format="json")
    assert reponse.status_code in {400, 409}
    assert reponse.json()["code"] == code
    assert not Paiement.objects.filter(statut="en_attente").exists()


def test_numeros_de_test_refuses_hors_bac_a_sable(jean, settings):
    settings.MOMO_TARGET_ENVIRONMENT = "mtncongo"
    reponse = payer(jean, numero_payeur="46733123451")
    assert reponse.status_code == 400 and reponse.json()["code"] == "numero_payeur_invalide"


def test_paiement_d_un_contrat_d_un_autre_client_404(jean):
    assert payer(jean, police="CG-2024-SAN-001").status_code == 404


def test_paiement_sans_borne_401(connecte, sandbox):
    reponse = payer(connecte())
    assert reponse.status_code == 401 and reponse.json()["code"] == "borne_inconnue"


def test_statut_visible_seulement_par_son_client_ou_sa_borne(jean, api, connecte, settings):
    reference = payer(jean).json()["reference"]
    marie_claire = connecte("CG-2024-SAN-001", "+242059876543")
    assert marie_claire.get(f"/api/v1/paiements/{reference}/").status_code == 404
    assert api.get(f"/api/v1/paiements/{reference}/").status_code == 404
    api.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    assert api.get(f"/api/v1/paiements/{reference}/").status_code == 200


def test_meme_idempotency_key_une_seule_transaction(jean, sandbox):
    premiere = payer(jean, cle="borne-1-tap-42")
    seconde = payer(jean, cle="borne-1-tap-42")
    assert premiere.status_code == seconde.status_code == 202
    assert premiere.json() == seconde.json()
    assert Paiement.objects.filter(type_paiement="rattrapage").count() == 1
    travaux_executer()
    assert len(sandbox.transactions()) == 1
    autre = payer(jean, montant=5000, cle="borne-1-tap-42")
    assert autre.status_code == 409 and autre.json()["code"] == "idempotency_key_reutilisee"


def test_renouvellement_de_pierre(connecte, settings, sandbox):
    pierre = connecte("CG-2024-VIE-002", "+242042345678")
    pierre.credentials(
        HTTP_AUTHORIZATION=pierre._credentials["HTTP_AUTHORIZATION"],
        HTTP_X_BORNE_ID="BZV-DEMO-01",
        HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY,
    )
    avant = Souscription.objects.get(police__numero_police="CG-2024-VIE-002").date_expiration
    assert payer(pierre, police="CG-2024-VIE-002", montant=500).json()["code"] == "contrat_expire"
    assert (
        payer(pierre, police="CG-2024-VIE-002", montant=400, renouvellement=True).json()["code"]
        == "montant_trop_faible"
    )
    # Pierre's own number is Azur (04): a relative's MTN number pays.
    reponse = payer(pierre, police="CG-2024-VIE-002", montant=500, renouvellement=True, numero_payeur="+242061234567")
    assert reponse.json().get("type_paiement") == "renouvellement", reponse.json()
    assert jusqu_au_statut_final(reponse.json()["reference"]).statut == "succes"
    contrat = Contrat.objects.get(numero_police="CG-2024-VIE-002")
    assert contrat.date_expiration == avant.replace(year=avant.year + 1)
    assert contrat.etat == "actif"


# --- callbacks ------------------------------------------------------------------------------------


def callback(api, transaction_momo, corps=None, methode="put"):
    corps = corps or {
        "externalId": transaction_momo.paiement.reference,
        "status": "SUCCESSFUL",
        "financialTransactionId": "123",
    }
    return getattr(api, methode)("/api/v1/mtn/callback/", corps, format="json")


def paiement_envoye(jean, **kwargs):
    reference = payer(jean, **kwargs).json()["reference"]
    return TransactionMomo.objects.select_related("paiement").get(paiement__reference=reference)


def test_le_meme_callback_10_fois_credite_une_fois(jean, api):
    transaction_momo = paiement_envoye(jean)
    for i in range(10):
        assert callback(api, transaction_momo, methode="put" if i % 2 else "post").status_code == 200
        travaux_executer()
    paiement = Paiement.objects.get(pk=transaction_momo.paiement_id)
    assert paiement.statut == "succes"
    transaction_momo.refresh_from_db()
    assert transaction_momo.callback_recu
    assert [h["statut"] for h in transaction_momo.historique].count("SUCCESSFUL") == 1
    assert Contrat.objects.get(numero_police="CG-2024-EPG-001").total_paye == 150000


def test_un_callback_menteur_ne_credite_rien(jean, api):
    transaction_momo = paiement_envoye(jean, numero_payeur="46733123451")
    callback(
        api,
        transaction_momo,
        {"externalId": transaction_momo.paiement.reference, "status": "SUCCESSFUL", "financialTransactionId": "999"},
    )
    travaux_executer()
    paiement = Paiement.objects.get(pk=transaction_momo.paiement_id)
    assert (paiement.statut, paiement.motif_echec) == ("echec", MOTIFS["APPROVAL_REJECTED"])


def test_callback_inconnu_ou_illisible_ne_change_rien(api, demo, sandbox):
    assert (
        api.put(
            "/api/v1/mtn/callback/", {"externalId": "PAY-INCONNU", "status": "SUCCESSFUL"}, format="json"
        ).status_code
        == 404
    )
    assert api.put("/api/v1/mtn/callback/", "pas du json", content_type="application/json").status_code == 404
    assert api.post("/api/v1/mtn/callback/", [1, 2], format="json").status_code == 404
    assert not Paiement.objects.filter(statut="en_attente").exists()


def test_callback_avant_la_reponse_a_la_demande(jean, api, sandbox):
    """MTN's callback arrives before our request-to-pay call has even returned."""
    from apps.parcours.services import paiement_initier_sur_contrat

    contrat = Contrat.objects.get(numero_police="CG-2024-EPG-001")
    paiement = paiement_initier_sur_contrat(
        contrat=contrat, montant=10000, numero_payeur=None, renouvellement=False, borne=None
    )  # on_commit not run: not sent
    transaction_momo = TransactionMomo.objects.get(paiement=paiement)
    from apps.mtn_integration import passerelle

    passerelle.client().request_to_pay(
        reference_id=str(transaction_momo.reference_id),
        amount=10000,
        external_id=paiement.reference,
        payer_msisdn="242061234567",
    )
    assert callback(api, transaction_momo).status_code == 200
    travaux_executer()
    assert Paiement.objects.get(pk=paiement.pk).statut == "succes"
    # Our own (late) sending step then finds a final transaction and does nothing.
    momo.transaction_envoyer(reference_id=transaction_momo.reference_id)
    assert len(sandbox.transactions()) == 1
    assert Paiement.objects.get(pk=paiement.pk).statut == "succes"


def test_travail_d_envoi_perdu_la_reconciliation_regle(jean, sandbox):
    """The sending job is lost (worker killed between the commit and the send, callback never
    sent): the periodic sweep gives the transaction a check, which sends it with the same id."""
    sandbox.pannes(callback="never")
    transaction_momo = paiement_envoye(jean)
    with connection.cursor() as curseur:
        curseur.execute("DELETE FROM procrastinate_jobs")
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(prochaine_verification=timezone.now())
    assert momo.reconcilier() == 1
    travaux_executer(jusqu_a=timezone.now() + timedelta(minutes=1))
    assert Paiement.objects.get(pk=transaction_momo.paiement_id).statut == "succes"
    assert not TransactionMomo.objects.get(pk=transaction_momo.pk).callback_recu


def test_requesttopay_expire_mais_cree_pas_de_second_debit(jean, sandbox, settings):
    settings.MOMO_TIMEOUT_SECONDS = 0.5
    sandbox.pannes(requesttopay="accept_then_hang", hang_seconds=1.5, count=1)
    transaction_momo = paiement_envoye(jean)
    assert TransactionMomo.objects.get(pk=transaction_momo.pk).statut == "a_envoyer"  # outcome unknown
    paiement = jusqu_au_statut_final(transaction_momo.paiement.reference)
    assert paiement.statut == "succes"
    assert [t["referenceId"] for t in sandbox.transactions()] == [str(transaction_momo.reference_id)]


def test_requesttopay_jamais_cree_renvoye_avec_le_meme_identifiant(jean, sandbox):
    sandbox.pannes(requesttopay="error500", count=1)
    transaction_momo = paiement_envoye(jean)
    assert sandbox.transactions() == []
    paiement = jusqu_au_statut_final(transaction_momo.paiement.reference)
    assert paiement.statut == "succes"
    assert [t["referenceId"] for t in sandbox.transactions()] == [str(transaction_momo.reference_id)]


@pytest.mark.django_db(transaction=True)
def test_vingt_attributions_automatiques_simultanees(settings):
    from apps.core.tests.factories import SouscriptionFactory
    from apps.souscriptions.services import police_attribuer

    souscriptions = [
        SouscriptionFactory(code_produit="SALISA", montant_prime=7500, periodicite="annuelle") for _ in range(20)
    ]
    depart = threading.Barrier(20)
    erreurs = []

    def attribuer(souscription):
        try:
            depart.wait()
            police_attribuer(souscription=souscription)
        except Exception as exc:  # noqa: BLE001 - checked below
            erreurs.append(exc)
        finally:
            connection.close()

    fils = [threading.Thread(target=attribuer, args=(s,)) for s in souscriptions]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    assert erreurs == []
    numeros = list(NumeroPolice.objects.values_list("numero_police", flat=True))
    assert len(numeros) == len(set(numeros)) == 20
    assert all(n.split("-")[2] == "SAN" for n in numeros)


# --- money is never lost (docs/paiements.md) ------------------------------------------------------


def test_l_api_repond_sans_appeler_mtn(jean, sandbox):
    """D5: initiation and GET /paiements/{ref}/ only queue jobs; MTN is called by the worker."""
    sandbox.pannes(requesttopay="hang", status="hang", hang_seconds=3)
    reference = payer(jean).json()["reference"]
    TransactionMomo.objects.filter(paiement__reference=reference).update(
        derniere_verification=None, date_creation=timezone.now() - timedelta(minutes=1)
    )
    assert jean.get(f"/api/v1/paiements/{reference}/").json()["statut"] == "en_attente"
    assert sandbox.appels() == {} or sum(sandbox.appels().values()) == 0
    assert [t["task_name"] for t in travaux_en_file()] == ["momo.envoyer", "momo.verifier"]


def test_callback_forge_ne_change_rien(api, jean, sandbox):
    """D6: unknown references and junk: 404; NUL bytes: 400 at the edge; nothing stored, no job."""
    reference = payer(jean).json()["reference"]
    for corps, attendu in (
        ({"externalId": "PAY-INCONNU", "status": "SUCCESSFUL"}, 404),
        ({"externalId": "PAY-\x00", "referenceId": "\x00"}, 400),
        ({"externalId": ["x"], "referenceId": 12}, 404),
    ):
        assert api.put("/api/v1/mtn/callback/", corps, format="json").status_code == attendu
    assert not TransactionMomo.objects.filter(callback_recu=True).exists()
    assert [t["task_name"] for t in travaux_en_file()] == ["momo.envoyer"]
    assert Paiement.objects.get(reference=reference).statut == "en_attente"


def test_callbacks_repetes_une_seule_verification_en_attente(api, jean, sandbox):
    transaction_momo = paiement_envoye(jean)
    for _ in range(5):
        assert callback(api, transaction_momo).status_code == 200
    assert [t["task_name"] for t in travaux_en_file()].count("momo.verifier") == 1


def test_rappels_forges_sur_un_paiement_regle_n_ecrivent_rien(api, jean, sandbox):
    """A flood of callbacks naming a settled payment (its reference is on the receipt): reads only.

    Each write is a WAL flush that the kiosks' own payments then wait behind.
    """
    transaction_momo = paiement_envoye(jean)
    travaux_executer()
    jusqu_au_statut_final(transaction_momo.paiement.reference)
    callback(api, transaction_momo)  # the genuine one: recorded
    travaux_executer()
    transaction_momo.refresh_from_db()
    avant = (transaction_momo.date_dernier_callback, transaction_momo.derniere_verification)
    with CaptureQueriesContext(connection) as requetes:
        for _ in range(5):
            assert callback(api, transaction_momo).status_code == 200
    ecritures = [
        r["sql"] for r in requetes.captured_queries if r["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]
    assert ecritures == []
    transaction_momo.refresh_from_db()
    assert (transaction_momo.date_dernier_callback, transaction_momo.derniere_verification) == avant


def test_succes_apres_notre_echec_credite_et_audite(api, jean, sandbox):
    transaction_momo = paiement_envoye(jean, numero_payeur="46733123454")
    travaux_executer()
    sandbox.regler(str(transaction_momo.reference_id), "FAILED", "EXPIRED")
    jusqu_au_statut_final(transaction_momo.paiement.reference)
    assert Paiement.objects.get(pk=transaction_momo.paiement_id).statut == "echec"
    sandbox.regler(str(transaction_momo.reference_id), "SUCCESSFUL")
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(
        derniere_verification=None, date_creation=timezone.now() - timedelta(minutes=5)
    )
    assert callback(api, transaction_momo).status_code == 200
    travaux_executer()
    assert Paiement.objects.get(pk=transaction_momo.paiement_id).statut == "succes"
    transaction_momo.refresh_from_db()
    assert transaction_momo.anomalie == "succes_apres_echec"
    assert [h["statut"] for h in transaction_momo.historique][-2:] == ["FAILED", "SUCCESSFUL"]
    assert Contrat.objects.get(numero_police="CG-2024-EPG-001").arrieres == 0


def test_echec_apres_notre_succes_jamais_decredite(api, jean, sandbox):
    transaction_momo = paiement_envoye(jean, numero_payeur="46733123454")
    travaux_executer()
    sandbox.regler(str(transaction_momo.reference_id), "SUCCESSFUL")
    jusqu_au_statut_final(transaction_momo.paiement.reference)
    sandbox.regler(str(transaction_momo.reference_id), "FAILED", "INTERNAL_PROCESSING_ERROR")
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(
        derniere_verification=None, date_creation=timezone.now() - timedelta(minutes=5)
    )
    callback(api, transaction_momo)
    travaux_executer()
    assert Paiement.objects.get(pk=transaction_momo.paiement_id).statut == "succes"
    transaction_momo.refresh_from_db()
    assert transaction_momo.anomalie == "echec_apres_succes"


def test_404_ne_renvoie_pas_une_transaction_deja_acceptee(jean, sandbox):
    """The 404 branch checks the current state: an accepted (PENDING) request is never re-sent."""
    transaction_momo = paiement_envoye(jean, numero_payeur="46733123454")
    travaux_executer()
    assert TransactionMomo.objects.get(pk=transaction_momo.pk).statut == "PENDING"
    from apps.mtn_integration import passerelle

    passerelle.consulter_statut = lambda t, _vrai=passerelle.consulter_statut: passerelle.StatutMomo(inconnue=True)
    try:
        momo.transaction_verifier(reference_id=transaction_momo.reference_id)
    finally:
        passerelle.consulter_statut = passerelle.consulter_statut.__defaults__[0]
    assert TransactionMomo.objects.get(pk=transaction_momo.pk).statut == "PENDING"
    assert len(sandbox.transactions()) == 1


def test_un_seul_paiement_en_attente_par_contrat(jean, sandbox):
    premiere = payer(jean).json()["reference"]
    seconde = payer(jean, montant=5000)
    assert seconde.status_code == 409
    assert seconde.json()["code"] == "paiement_en_cours"
    assert seconde.json()["details"]["reference"] == premiere


def test_sur_un_404_seule_une_demande_jamais_acceptee_est_renvoyee(jean, sandbox):
    """The one resend rule (transaction_verifier, docs/paiements.md): MTN answers 404 for our id.
    Never seen accepted (a_envoyer): sent again with the same id. Seen accepted (pending): never
    sent twice, only checked again."""
    sandbox.pannes(requesttopay="error500", count=2)
    transaction_momo = paiement_envoye(jean)
    assert sandbox.transactions() == []
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(statut="pending")
    assert momo.transaction_verifier(reference_id=transaction_momo.reference_id).statut == "pending"
    assert sandbox.transactions() == []
    TransactionMomo.objects.filter(pk=transaction_momo.pk).update(statut="a_envoyer")
    sandbox.pannes()
    momo.transaction_verifier(reference_id=transaction_momo.reference_id)
    assert [t["referenceId"] for t in sandbox.transactions()] == [str(transaction_momo.reference_id)]
