"""Idempotency leases (D1) and concurrent payments on one souscription (D7): docs/paiements.md."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from apps.paiements.models import Paiement, RequeteIdempotente
from apps.paiements.tests.apis.test_paiements_momo import payer
from apps.souscriptions.models import Contrat


def _cle_laissee_par_une_requete_morte(jean, fin_bail):
    """The row a first request left when its process died before committing its work."""
    from apps.paiements.idempotence import _empreinte

    class Requete:
        method = "POST"
        path = "/api/v1/contrats/CG-2024-EPG-001/paiements/"
        data = {"montant": 10000}

    RequeteIdempotente.objects.create(
        portee=f"client:{Contrat.objects.get(numero_police='CG-2024-EPG-001').client_id}",
        cle="tap-crash",
        empreinte=_empreinte(Requete),
        fin_bail=fin_bail,
    )


@pytest.mark.django_db
def test_cle_en_cours_seulement_pendant_le_bail(jean):
    _cle_laissee_par_une_requete_morte(jean, timezone.now() + timedelta(seconds=20))
    reponse = payer(jean, cle="tap-crash")
    assert reponse.status_code == 409 and reponse.json()["code"] == "requete_en_cours"
    assert not Paiement.objects.filter(type_paiement="rattrapage").exists()


@pytest.mark.django_db
def test_cle_d_une_requete_morte_reprise_apres_le_bail(jean):
    """D1: the old code answered 409 for 24 h; after the 30 s lease the retry runs, then replays."""
    _cle_laissee_par_une_requete_morte(jean, timezone.now() - timedelta(seconds=1))
    reponse = payer(jean, cle="tap-crash")
    assert reponse.status_code == 202, reponse.content
    rejouee = payer(jean, cle="tap-crash")
    assert rejouee.status_code == 202 and rejouee.json() == reponse.json()
    assert Paiement.objects.filter(type_paiement="rattrapage").count() == 1


@pytest.mark.django_db
def test_cle_de_plus_de_24_h_oubliee_puis_reprise(jean):
    """After 24 hours a key is forgotten: the same key starts a new payment, which it then replays."""
    _cle_laissee_par_une_requete_morte(jean, timezone.now() - timedelta(hours=25))
    RequeteIdempotente.objects.filter(cle="tap-crash").update(
        date=timezone.now() - timedelta(hours=25), code_http=202, reponse={"reference": "PAY-ANCIENNE"}
    )
    reponse = payer(jean, cle="tap-crash")
    assert reponse.status_code == 202 and reponse.json()["reference"] != "PAY-ANCIENNE"
    assert payer(jean, cle="tap-crash").json() == reponse.json()
    assert RequeteIdempotente.objects.filter(cle="tap-crash").count() == 1


@pytest.mark.django_db
def test_reponse_enregistree_dans_la_transaction_du_paiement(jean):
    """The key's answer and the paiement commit together: a paiement never exists without it."""
    reponse = payer(jean, cle="tap-1")
    enregistrement = RequeteIdempotente.objects.get(cle="tap-1")
    assert enregistrement.code_http == 202
    assert enregistrement.reponse["reference"] == reponse.json()["reference"]


@pytest.mark.django_db(transaction=True)
def test_deux_renouvellements_simultanes_un_seul_passe(sandbox):
    """D7: two renewals at once both passed the window check (expiry moved 24 months)."""
    from apps.demo.services import charger_demo
    from apps.parcours.services import paiement_initier_sur_contrat

    charger_demo()
    contrat = Contrat.objects.get(numero_police="CG-2024-VIE-002")
    depart = threading.Barrier(4)
    resultats = []

    def renouveler():
        try:
            depart.wait()
            paiement_initier_sur_contrat(
                contrat=contrat, montant=500, numero_payeur="+242061234567", renouvellement=True, borne=None
            )
            resultats.append("ok")
        except Exception as exc:  # noqa: BLE001 - checked below
            resultats.append(getattr(exc, "code", repr(exc)))
        finally:
            connection.close()

    fils = [threading.Thread(target=renouveler) for _ in range(4)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    assert sorted(resultats) == ["ok", "paiement_en_cours", "paiement_en_cours", "paiement_en_cours"]
    assert Paiement.objects.filter(souscription_id=contrat.pk, statut="en_attente").count() == 1
