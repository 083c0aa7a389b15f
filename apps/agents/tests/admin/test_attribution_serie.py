"""Attribution in series: the numbers announced are the numbers given."""

import re

import pytest

from apps.agents.models import JournalAction
from apps.core.tests.factories import SouscriptionFactory
from apps.souscriptions.models import NumeroPolice, Souscription

pytestmark = pytest.mark.django_db
LISTE = "/admin/souscriptions/souscriptionsanspolice/"


@pytest.fixture
def en_attente(demo):
    """André's souscription and two more waiting for a police (one VIE, one SAN)."""
    andre = Souscription.objects.get(client__telephone="+242066667788")
    return [
        andre,
        SouscriptionFactory(code_produit="KIMIA", numero_souscription="PASS-KIMIA-2026-000101"),
        SouscriptionFactory(code_produit="SALISA", numero_souscription="PASS-SALISA-2026-000102"),
    ]


def test_la_serie_annonce_les_numeros_puis_les_donne(agent_connecte, en_attente):
    ids = [s.pk for s in en_attente]
    confirmation = agent_connecte.post(LISTE, {"action": "attribuer_en_serie", "_selected_action": ids, "index": 0})
    assert confirmation.status_code == 200
    prevus = re.findall(r"<strong>(CG-\d{4}-[A-Z]{3}-\d{3,})</strong>", confirmation.content.decode())
    assert len(prevus) == 3 and len(set(prevus)) == 3
    assert not NumeroPolice.objects.filter(souscription__in=ids).exists()  # nothing before the confirmation

    fin = agent_connecte.post(
        LISTE, {"action": "attribuer_en_serie", "_selected_action": ids, "index": 0, "confirmer": "oui"}, follow=True
    )
    assert fin.status_code == 200 and "3 police(s) attribuée(s)" in fin.content.decode()
    donnes = set(NumeroPolice.objects.filter(souscription__in=ids).values_list("numero_police", flat=True))
    assert donnes == set(prevus)
    assert JournalAction.objects.filter(action="attribution_police").count() == 3


def test_le_formulaire_dit_le_prochain_numero_et_passe_a_la_suivante(agent_connecte, en_attente):
    premiere = Souscription.objects.filter(pk__in=[s.pk for s in en_attente]).order_by("date_souscription").first()
    page = agent_connecte.get(f"{LISTE}{premiere.pk}/attribuer/").content.decode()
    annonce = re.search(r"Prochain numéro libre</label> <strong>(CG-[0-9A-Z-]+)</strong>", page)[1]
    reponse = agent_connecte.post(f"{LISTE}{premiere.pk}/attribuer/", {"numero_police": "", "_suivante": "1"})
    assert NumeroPolice.objects.get(souscription=premiere).numero_police == annonce
    assert reponse.status_code == 302 and reponse["Location"].endswith("/attribuer/")
    assert reponse["Location"] != f"{LISTE}{premiere.pk}/attribuer/"


def test_sans_la_permission_ni_liste_ni_serie(demo, client, en_attente):
    from apps.core.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    ids = [s.pk for s in en_attente]
    assert client.get(LISTE).status_code == 403
    reponse = client.post(LISTE, {"action": "attribuer_en_serie", "_selected_action": ids, "confirmer": "oui"})
    assert reponse.status_code == 403
    assert not NumeroPolice.objects.filter(souscription__in=ids).exists()
