"""The agents' list « Paiements à vérifier » (docs/paiements.md)."""

import pytest
from django.contrib.auth import get_user_model

from apps.mtn_integration.models import TransactionMomo
from apps.paiements import operateurs as momo
from apps.parcours.services import paiement_initier_sur_contrat
from apps.souscriptions.models import Contrat

pytestmark = pytest.mark.django_db


def _transaction(police, anomalie=""):
    paiement = paiement_initier_sur_contrat(
        contrat=Contrat.objects.get(numero_police=police),
        montant=1000,
        numero_payeur="+242061234567",
        renouvellement=False,
        borne=None,
    )
    TransactionMomo.objects.filter(paiement=paiement).update(anomalie=anomalie)
    return TransactionMomo.objects.get(paiement=paiement)


def test_un_agent_voit_les_anomalies_avec_l_historique_de_l_operateur(demo, client, sandbox):
    client.force_login(get_user_model().objects.get(username="agt001"))
    a_verifier = _transaction("CG-2024-EPG-001", TransactionMomo.Anomalie.ECHEC_APRES_SUCCES)
    momo.transaction_appliquer(reference_id=a_verifier.reference_id, statut="PENDING", source="verification")
    normale = _transaction("CG-2024-VIE-001")
    liste = client.get("/admin/mtn_integration/paiementaverifier/")
    assert liste.status_code == 200
    contenu = liste.content.decode()
    assert a_verifier.paiement.reference in contenu and normale.paiement.reference not in contenu
    detail = client.get(f"/admin/mtn_integration/paiementaverifier/{a_verifier.pk}/change/").content.decode()
    assert "historique de l&#x27;opérateur" in detail.lower()
    assert "PENDING (verification)" in detail
