"""The agents' workspace: the holes found when driving the admin as an agent and a superviseur."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from apps.agents.models import JournalAction
from apps.borne_auth.models import Borne, SessionClient
from apps.clients.models import Client
from apps.sinistres.models import Sinistre
from apps.souscriptions.models import NumeroPolice, Souscription

pytestmark = pytest.mark.django_db


def andre():
    return Souscription.objects.get(client__telephone="+242066667788")


def sinistre_en_instruction():
    return Sinistre.objects.get(statut="en_instruction")


def journal(action):
    return JournalAction.objects.filter(action=action)


# --- Bug 1: bornes -------------------------------------------------------------------------


def desactiver_bornes(client):
    borne = Borne.objects.get(identifiant="BZV-DEMO-01")
    return client.post("/admin/borne_auth/borne/", {"action": "desactiver", "_selected_action": [borne.pk], "index": 0})


def test_un_agent_ne_desactive_pas_une_borne(agent_connecte):
    desactiver_bornes(agent_connecte)
    assert Borne.objects.get(identifiant="BZV-DEMO-01").actif
    assert not journal("borne").exists()


def test_un_superviseur_desactive_une_borne_et_le_journal_le_garde(superviseur_connecte):
    desactiver_bornes(superviseur_connecte)
    assert not Borne.objects.get(identifiant="BZV-DEMO-01").actif
    ligne = journal("borne").get()
    assert ligne.objet == "borne BZV-DEMO-01" and ligne.details["actif"] == [True, False]
    assert ligne.agent.matricule == "SUP001"


# --- Bug 2: statut of a souscription ---------------------------------------------------------


def changer_statut(client, souscription, statut):
    return client.post(
        f"/admin/souscriptions/souscription/{souscription.pk}/change/",
        {
            "statut": statut,
            "beneficiaires-TOTAL_FORMS": "0",
            "beneficiaires-INITIAL_FORMS": "0",
            "cotisations-TOTAL_FORMS": "0",
            "cotisations-INITIAL_FORMS": "0",
        },
    )


def test_un_superviseur_ne_remet_pas_un_contrat_en_attente_de_paiement(superviseur_connecte):
    kimia = Souscription.objects.get(police__numero_police="CG-2024-VIE-001")
    changer_statut(superviseur_connecte, kimia, "en_attente_paiement")
    assert Souscription.objects.get(pk=kimia.pk).statut == "activee"


def test_un_superviseur_suspend_un_contrat_et_le_journal_le_garde(superviseur_connecte):
    kimia = Souscription.objects.get(police__numero_police="CG-2024-VIE-001")
    reponse = changer_statut(superviseur_connecte, kimia, "suspendue")
    assert reponse.status_code == 302, reponse.content.decode()[:3000]
    assert Souscription.objects.get(pk=kimia.pk).statut == "suspendue"
    assert journal("statut_souscription").get().details["statut"] == ["activee", "suspendue"]


# --- Bug 3: police numbers unique by value, sane year ----------------------------------------


def attribuer(client, souscription, numero="", commentaire=""):
    return client.post(
        f"/admin/souscriptions/souscriptionsanspolice/{souscription.pk}/attribuer/",
        {"numero_police": numero, "commentaire": commentaire},
    )


def test_un_numero_egal_en_valeur_a_un_numero_attribue_est_refuse(agent_connecte):
    reponse = attribuer(agent_connecte, andre(), "CG-2024-VIE-0001")
    assert "déjà attribué" in reponse.content.decode()
    assert not NumeroPolice.objects.filter(souscription=andre()).exists()


def test_un_numero_est_enregistre_sous_sa_forme_normale(agent_connecte):
    attribuer(agent_connecte, andre(), "CG-2026-VIE-0042")
    assert NumeroPolice.objects.get(souscription=andre()).numero_police == "CG-2026-VIE-042"


def test_une_annee_anterieure_a_la_souscription_est_refusee(agent_connecte):
    annee = andre().date_souscription.year
    reponse = attribuer(agent_connecte, andre(), f"CG-{annee - 7}-VIE-123")
    assert "antérieure" in reponse.content.decode()
    assert not NumeroPolice.objects.filter(souscription=andre()).exists()


def test_la_base_refuse_un_numero_non_normalise(sql, agent_connecte):
    kimia = NumeroPolice.objects.get(numero_police="CG-2024-VIE-001")
    with pytest.raises(IntegrityError), transaction.atomic():
        sql("UPDATE numeros_police_congo SET numero_police = 'CG-2024-VIE-0777' WHERE id = %s", [kimia.pk])


def test_la_base_refuse_une_annee_anterieure_a_la_souscription(sql, agent_connecte):
    kimia = NumeroPolice.objects.get(numero_police="CG-2024-VIE-001")
    with pytest.raises(IntegrityError), transaction.atomic():
        sql("UPDATE numeros_police_congo SET numero_police = 'CG-2019-VIE-777' WHERE id = %s", [kimia.pk])


# --- Bugs 4 and 5: claims --------------------------------------------------------------------


def instruire(client, sinistre, **donnees):
    return client.post(f"/admin/sinistres/sinistre/{sinistre.pk}/change/", donnees)


def test_un_montant_au_dessus_du_plafond_de_la_garantie_est_refuse(agent_connecte):
    sinistre = sinistre_en_instruction()  # hospitalisation, forfait capped at 300 000 FCFA
    reponse = instruire(agent_connecte, sinistre, statut="accepte", montant_accorde=99_000_000)
    assert reponse.status_code == 200
    assert "plafond" in reponse.content.decode()
    assert Sinistre.objects.get(pk=sinistre.pk).statut == "en_instruction"


def test_changer_seulement_le_montant_d_un_sinistre_accepte_l_enregistre(agent_connecte):
    sinistre = sinistre_en_instruction()
    assert instruire(agent_connecte, sinistre, statut="accepte", montant_accorde=40000).status_code == 302
    reponse = instruire(agent_connecte, sinistre, statut="accepte", montant_accorde=45000)
    assert reponse.status_code == 302
    assert Sinistre.objects.get(pk=sinistre.pk).montant_accorde == 45000
    assert journal("montant_sinistre").get().details["montant_accorde"] == [40000, 45000]
    assert journal("decision_sinistre").count() == 1


def test_un_refus_demande_un_motif(agent_connecte):
    sinistre = sinistre_en_instruction()
    reponse = instruire(agent_connecte, sinistre, statut="rejete")
    assert reponse.status_code == 200 and "motif" in reponse.content.decode()
    assert Sinistre.objects.get(pk=sinistre.pk).statut == "en_instruction"
    assert instruire(agent_connecte, sinistre, statut="rejete", motif_rejet="Hors garantie").status_code == 302
    sinistre.refresh_from_db()
    assert (sinistre.statut, sinistre.motif_rejet) == ("rejete", "Hors garantie")
    assert journal("decision_sinistre").get().details["motif_rejet"] == "Hors garantie"


def test_la_fiche_du_sinistre_montre_la_garantie_son_plafond_et_la_couverture(agent_connecte):
    sinistre = sinistre_en_instruction()
    contenu = agent_connecte.get(f"/admin/sinistres/sinistre/{sinistre.pk}/change/").content.decode()
    assert "Forfait hospitalier" in contenu and "300 000 FCFA" in contenu
    assert f"{sinistre.souscription.date_effet:%d/%m/%Y}" in contenu


# --- Bug 6: telephone --------------------------------------------------------------------------


def test_un_changement_de_telephone_est_journalise(agent_connecte):
    andre_client = Client.objects.get(telephone="+242066667788")
    reponse = agent_connecte.post(
        f"/admin/clients/client/{andre_client.pk}/change/",
        {"nom": "OKOKO", "prenom": "André", "telephone": "+242066667799", "ville": "Makélékélé", "adresse": ""},
    )
    assert reponse.status_code == 302, reponse.content.decode()[:3000]
    ligne = journal("client").get()
    assert ligne.details["telephone"] == ["+242066667788", "+242066667799"]
    assert ligne.agent.matricule == "AGT001"


# --- The journal: every action, readable by superviseurs, changed by nobody ---------------------


def test_attribution_especes_et_revocation_sont_journalisees(agent_connecte):
    attribuer(agent_connecte, andre())
    agent_connecte.post(
        "/admin/paiements/paiement/especes/", {"souscription": "CG-2024-EPG-001", "montant": 10000, "confirmer": "oui"}
    )
    jean = Client.objects.get(telephone="+242061234567")
    agent_connecte.post(
        "/admin/clients/client/", {"action": "revoquer_sessions", "_selected_action": [jean.pk], "index": 0}
    )
    actions = set(JournalAction.objects.values_list("action", flat=True))
    assert {"attribution_police", "paiement_especes", "revocation_sessions"} <= actions
    assert not SessionClient.objects.filter(client=jean, revoquee_le__isnull=True).exists()


def test_le_journal_est_lisible_par_un_superviseur_et_pas_par_un_agent(agent_connecte, superviseur_connecte):
    attribuer(agent_connecte, andre())
    ligne = JournalAction.objects.get()
    # agent_connecte and superviseur_connecte share the test client: the last login wins.
    assert superviseur_connecte.get("/admin/agents/journalaction/").status_code == 200
    assert superviseur_connecte.get(f"/admin/agents/journalaction/{ligne.pk}/change/").status_code == 200
    assert (
        superviseur_connecte.post(f"/admin/agents/journalaction/{ligne.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    agent_connecte.force_login(get_user_model().objects.get(username="agt001"))
    assert agent_connecte.get("/admin/agents/journalaction/").status_code == 403


def test_la_base_refuse_de_modifier_ou_supprimer_le_journal(sql, agent_connecte):
    attribuer(agent_connecte, andre())
    with pytest.raises(IntegrityError), transaction.atomic():
        sql("UPDATE journal_actions_agents SET objet = 'rien'")
    with pytest.raises(IntegrityError), transaction.atomic():
        sql("DELETE FROM journal_actions_agents")
    assert JournalAction.objects.count() == 1
