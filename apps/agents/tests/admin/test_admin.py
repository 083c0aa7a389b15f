"""The admin as agents use it, through Django's test client."""

import pytest
from django.contrib.auth.models import Group

from apps.agents.models import Agent
from apps.agents.services import GROUPE_SUPERVISEUR
from apps.paiements.models import Paiement
from apps.sinistres.models import Sinistre
from apps.souscriptions.models import HistoriquePolice, NumeroPolice, Souscription

pytestmark = pytest.mark.django_db


def andre():
    return Souscription.objects.get(client__telephone="+242066667788")


def attribuer(client, souscription, numero="", commentaire=""):
    return client.post(
        f"/admin/souscriptions/souscriptionsanspolice/{souscription.pk}/attribuer/",
        {"numero_police": numero, "commentaire": commentaire},
    )


def test_la_liste_des_souscriptions_a_numeroter(agent_connecte):
    page = agent_connecte.get("/admin/souscriptions/souscriptionsanspolice/")
    assert page.status_code == 200
    contenu = page.content.decode()
    assert andre().numero_souscription in contenu
    assert "PASS-KIMIA-2024-000001" not in contenu  # already numbered
    assert "Attribuer une police" in contenu


def test_attribution_manuelle(agent_connecte):
    reponse = attribuer(agent_connecte, andre(), "CG-2026-VIE-042", "Dossier complet")
    assert reponse.status_code == 302
    police = NumeroPolice.objects.get(souscription=andre())
    assert (police.numero_police, police.mode_attribution, police.agent_attribueur.matricule) == (
        "CG-2026-VIE-042",
        "manuel",
        "AGT001",
    )
    assert police.commentaire == "Dossier complet"


def test_attribution_du_prochain_numero_libre(agent_connecte):
    attribuer(agent_connecte, andre())
    police = NumeroPolice.objects.get(souscription=andre())
    assert police.mode_attribution == "manuel" and police.numero_police.endswith("-VIE-001")


@pytest.mark.parametrize(
    ("numero", "message"),
    [
        ("CG-2026-VIE-42", "format attendu"),
        ("VIE-2026-001", "format attendu"),
        ("CG-2026-SAN-042", "catégorie du numéro doit être VIE"),
        ("CG-2024-VIE-001", "déjà attribué"),
        ("CG-2999-VIE-001", "futur"),
    ],
)
def test_attribution_refusee_avec_la_raison(agent_connecte, numero, message):
    reponse = attribuer(agent_connecte, andre(), numero)
    assert reponse.status_code == 200
    assert message in reponse.content.decode()
    assert not NumeroPolice.objects.filter(souscription=andre()).exists()


def test_souscription_non_activee_refusee(agent_connecte):
    gisele = Souscription.objects.get(client__telephone="+242065551234")
    reponse = attribuer(agent_connecte, gisele, "CG-2026-SAN-100")
    assert reponse.status_code == 200
    assert "Seule une souscription activée" in reponse.content.decode()
    assert not NumeroPolice.objects.filter(souscription=gisele).exists()


def test_un_agent_ne_change_pas_une_police_attribuee(agent_connecte):
    police = NumeroPolice.objects.get(numero_police="CG-2024-VIE-001")
    reponse = agent_connecte.post(
        f"/admin/souscriptions/numeropolice/{police.pk}/change/", {"numero_police": "CG-2024-VIE-999"}
    )
    assert reponse.status_code == 403
    assert NumeroPolice.objects.get(pk=police.pk).numero_police == "CG-2024-VIE-001"


def test_un_superviseur_change_une_police_et_l_audit_le_garde(superviseur_connecte):
    police = NumeroPolice.objects.get(numero_police="CG-2024-VIE-001")
    reponse = superviseur_connecte.post(
        f"/admin/souscriptions/numeropolice/{police.pk}/change/",
        {
            "numero_police": "CG-2024-VIE-901",
            "commentaire_modification": "Erreur",
            "historique-TOTAL_FORMS": "0",
            "historique-INITIAL_FORMS": "0",
        },
    )
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    assert NumeroPolice.objects.get(pk=police.pk).numero_police == "CG-2024-VIE-901"
    audit = HistoriquePolice.objects.get(police=police)
    assert (audit.ancien_numero, audit.nouveau_numero, audit.commentaire) == (
        "CG-2024-VIE-001",
        "CG-2024-VIE-901",
        "Erreur",
    )
    assert audit.modifie_par.agent.matricule == "SUP001"


def test_un_agent_ne_modifie_ni_ne_supprime_un_paiement_reussi(agent_connecte):
    paiement = Paiement.objects.filter(statut="succes").first()
    assert agent_connecte.post(f"/admin/paiements/paiement/{paiement.pk}/change/", {"montant": 1}).status_code == 403
    assert agent_connecte.post(f"/admin/paiements/paiement/{paiement.pk}/delete/", {"post": "yes"}).status_code == 403
    paiement.refresh_from_db()
    assert paiement.statut == "succes" and paiement.montant > 1


def test_paiement_en_especes_par_un_agent(agent_connecte):
    reponse = agent_connecte.post(
        "/admin/paiements/paiement/especes/", {"souscription": "CG-2024-EPG-001", "montant": 10000, "confirmer": "oui"}
    )
    assert reponse.status_code == 302
    paiement = Paiement.objects.get(mode_paiement="especes")
    assert (paiement.statut, paiement.type_paiement, paiement.montant) == ("succes", "rattrapage", 10000)
    from apps.souscriptions.models import Contrat

    assert Contrat.objects.get(numero_police="CG-2024-EPG-001").arrieres == 0


def test_transitions_de_sinistre(agent_connecte):
    sinistre = Sinistre.objects.get(statut="en_instruction")
    url = f"/admin/sinistres/sinistre/{sinistre.pk}/change/"
    # en_instruction → paye is not allowed
    reponse = agent_connecte.post(url, {"statut": "paye"})
    assert reponse.status_code == 200
    assert Sinistre.objects.get(pk=sinistre.pk).statut == "en_instruction"
    # accepting needs an amount
    reponse = agent_connecte.post(url, {"statut": "accepte"})
    assert "montant accordé" in reponse.content.decode()
    assert agent_connecte.post(url, {"statut": "accepte", "montant_accorde": 40000}).status_code == 302
    sinistre.refresh_from_db()
    assert (sinistre.statut, sinistre.montant_accorde, sinistre.instructeur.username) == ("accepte", 40000, "agt001")


def test_un_jeton_client_n_obtient_rien_de_l_admin(connecte):
    jean = connecte()
    for url in ["/admin/", "/admin/paiements/paiement/", "/admin/souscriptions/souscriptionsanspolice/"]:
        reponse = jean.get(url)
        assert reponse.status_code == 302 and "/admin/login/" in reponse["Location"]


def test_groupes_avec_les_permissions_du_metier(demo):
    agent = Group.objects.get(name="Agent")
    codes = set(agent.permissions.values_list("codename", flat=True))
    assert "add_numeropolice" in codes and "change_numeropolice" not in codes
    assert "change_paiement" not in codes and "delete_paiement" not in codes
    superviseur = Group.objects.get(name=GROUPE_SUPERVISEUR)
    assert "change_numeropolice" in set(superviseur.permissions.values_list("codename", flat=True))
    assert Agent.objects.get(matricule="AGT001").user.groups.filter(name="Agent").exists()


def test_export_csv(agent_connecte):
    ident = andre().pk
    reponse = agent_connecte.post(
        "/admin/souscriptions/souscriptionsanspolice/", {"action": "action", "_selected_action": [ident], "index": 0}
    )
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("text/csv")
    assert "+242066667788" in reponse.content.decode("utf-8-sig")


def test_creer_une_borne_affiche_sa_cle_une_fois(superviseur_connecte):
    reponse = superviseur_connecte.post(
        "/admin/borne_auth/borne/add/",
        {
            "identifiant": "PNR-01",
            "libelle": "Pointe-Noire",
            "agence": "Agence Pointe-Noire",
            "actif": "on",
        },
        follow=True,
    )
    assert reponse.status_code == 200
    assert "affichée une seule fois" in reponse.content.decode()


def test_une_souscription_montre_ses_chiffres_et_ses_echeances(agent_connecte):
    souscription = Souscription.objects.get(police__numero_police="CG-2024-EPG-001")
    page = agent_connecte.get(f"/admin/souscriptions/souscription/{souscription.pk}/change/")
    assert page.status_code == 200
    contenu = page.content.decode()
    assert "solde -10 000 FCFA" in contenu and "arriérés 10 000 FCFA" in contenu
    assert "CG-2024-EPG-001-001" in contenu  # the échéances, read from the cotisations view


@pytest.mark.parametrize("recherche", ["+242061234567", "CG-2024-VIE-001", "PASS-KIMIA-2024-000001", "KONGO"])
def test_recherche_par_telephone_police_numero_et_nom(agent_connecte, recherche):
    page = agent_connecte.get("/admin/souscriptions/souscription/", {"q": recherche})
    assert "PASS-KIMIA-2024-000001" in page.content.decode()
