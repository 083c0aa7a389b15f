"""Every page and action of the agents' admin, as an agent, a superviseur and a staff account without a group."""

import pytest
from django.contrib.auth import get_user_model

from apps.agents.services import agent_assigner_groupe
from apps.borne_auth.models import Borne
from apps.clients.models import Client
from apps.core.tests.factories import AgentFactory, UserFactory
from apps.souscriptions.models import Souscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def connecter(demo, client):
    def connecter_en(role):
        if role == "agent":
            utilisateur = get_user_model().objects.get(username="agt001")
        elif role == "superviseur":
            superviseur = AgentFactory(matricule="SUP002")
            agent_assigner_groupe(agent=superviseur, superviseur=True)
            utilisateur = superviseur.user
        else:
            utilisateur = UserFactory(is_staff=True)
        client.force_login(utilisateur)
        return client

    return connecter_en


def jean():
    return Client.objects.get(telephone="+242061234567")


PAGES = [
    # (url, agent, superviseur, staff sans groupe)
    ("/admin/", 200, 200, 200),
    ("/admin/souscriptions/souscriptionsanspolice/", 200, 200, 403),
    ("/admin/souscriptions/souscription/", 200, 200, 403),
    ("/admin/paiements/paiement/", 200, 200, 403),
    ("/admin/paiements/paiement/especes/", 200, 200, 403),
    ("/admin/sinistres/sinistre/", 200, 200, 403),
    ("/admin/borne_auth/borne/", 200, 200, 403),
    ("/admin/borne_auth/borne/add/", 403, 200, 403),
    ("/admin/borne_auth/appelagent/", 200, 200, 403),
    ("/admin/agents/journalaction/", 403, 200, 403),
    ("/admin/agents/agent/", 403, 200, 403),
    ("/admin/recherche/?q=KONGO", 302, 302, 403),
    ("fiche", 200, 200, 403),
]


@pytest.mark.parametrize(("url", "agent", "superviseur", "sans_groupe"), PAGES)
def test_pages_par_role(connecter, url, agent, superviseur, sans_groupe):
    if url == "fiche":
        url = f"/admin/clients/client/{jean().pk}/fiche/"
    for role, attendu in [("agent", agent), ("superviseur", superviseur), ("sans_groupe", sans_groupe)]:
        assert connecter(role).get(url).status_code == attendu, (role, url)


def test_un_agent_ne_change_pas_le_statut_d_une_souscription(connecter):
    kimia = Souscription.objects.get(police__numero_police="CG-2024-VIE-001")
    reponse = connecter("agent").post(f"/admin/souscriptions/souscription/{kimia.pk}/change/", {"statut": "suspendue"})
    assert reponse.status_code == 403
    assert Souscription.objects.get(pk=kimia.pk).statut == "activee"


def test_un_agent_ne_cree_pas_de_borne(connecter):
    reponse = connecter("agent").post(
        "/admin/borne_auth/borne/add/", {"identifiant": "PIRATE-01", "libelle": "x", "agence": "x", "actif": "on"}
    )
    assert reponse.status_code == 403 and not Borne.objects.filter(identifiant="PIRATE-01").exists()


def test_un_agent_ne_modifie_pas_une_borne(connecter):
    borne = Borne.objects.get(identifiant="BZV-DEMO-01")
    reponse = connecter("agent").post(
        f"/admin/borne_auth/borne/{borne.pk}/change/", {"libelle": "Piratée", "agence": "x", "actif": ""}
    )
    assert reponse.status_code == 403
    borne.refresh_from_db()
    assert borne.actif and borne.libelle != "Piratée"


def test_un_superviseur_modifie_une_borne_et_le_journal_le_garde(connecter):
    from apps.agents.models import JournalAction

    borne = Borne.objects.get(identifiant="BZV-DEMO-01")
    reponse = connecter("superviseur").post(
        f"/admin/borne_auth/borne/{borne.pk}/change/",
        {"libelle": "Borne du hall", "agence": borne.agence, "actif": "on"},
    )
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    ligne = JournalAction.objects.get(action="borne")
    assert ligne.details == {"libelle": [borne.libelle, "Borne du hall"]}


def test_sans_groupe_ni_especes_ni_revocation(connecter):
    client = connecter("sans_groupe")
    assert (
        client.post(
            "/admin/paiements/paiement/especes/",
            {"souscription": "CG-2024-EPG-001", "montant": 10000, "confirmer": "oui"},
        ).status_code
        == 403
    )
    reponse = client.post("/admin/clients/client/", {"action": "revoquer_sessions", "_selected_action": [jean().pk]})
    assert reponse.status_code == 403
