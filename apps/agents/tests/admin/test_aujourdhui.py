"""The « Aujourd'hui » home page, the search box and the client page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.borne_auth.models import Borne
from apps.clients.models import Client
from apps.clients.selectors import clients_rechercher

pytestmark = pytest.mark.django_db


def test_l_accueil_compte_ce_qui_attend_et_renvoie_aux_listes_filtrees(agent_connecte):
    Borne.objects.filter(identifiant="BZV-DEMO-01").update(derniere_activite=timezone.now() - timedelta(hours=2))
    contenu = agent_connecte.get("/admin/").content.decode()
    assert "À faire aujourd'hui" in contenu
    # André's souscription waits for a police; the demo claim waits for a decision; the kiosk is silent.
    assert '<span class="nombre">1</span>Souscriptions à numéroter' in contenu
    assert '<span class="nombre">1</span>Sinistres à instruire' in contenu
    assert '<span class="nombre">1</span>Bornes hors ligne' in contenu
    assert '<span class="nombre">0</span>Paiements à vérifier' in contenu
    assert "?statut__in=declare,en_instruction" in contenu and "?connexion=hors_ligne" in contenu
    assert "Voir le site" not in contenu


def test_les_listes_filtrees_de_l_accueil_repondent(agent_connecte):
    Borne.objects.filter(identifiant="BZV-DEMO-01").update(derniere_activite=None)
    bornes = agent_connecte.get("/admin/borne_auth/borne/?connexion=hors_ligne")
    assert bornes.status_code == 200 and "BZV-DEMO-01" in bornes.content.decode()
    sinistres = agent_connecte.get("/admin/sinistres/sinistre/?statut__in=declare,en_instruction")
    assert sinistres.status_code == 200 and "45 000 FCFA" in sinistres.content.decode()


def test_l_accueil_montre_mes_dernieres_actions(agent_connecte):
    andre = Client.objects.get(telephone="+242066667788").souscriptions.get()
    agent_connecte.post(f"/admin/souscriptions/souscriptionsanspolice/{andre.pk}/attribuer/", {"numero_police": ""})
    assert "Attribution d&#x27;une police" in agent_connecte.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("texte", "telephone"),
    [
        ("Gisele", "+242065551234"),
        ("gisèle makosso", "+242065551234"),
        ("ANDRE", "+242066667788"),
        ("06 666 77 88", "+242066667788"),
        ("+242066667788", "+242066667788"),
        ("CG-2024-VIE-0001", "+242061234567"),
        ("PASS-KIMIA-2024-000001", "+242061234567"),
    ],
)
def test_la_recherche_trouve_par_telephone_police_et_nom_sans_accents(demo, texte, telephone):
    assert [c.telephone for c in clients_rechercher(texte=texte)] == [telephone]


def test_la_recherche_mene_a_la_fiche_du_client(agent_connecte):
    reponse = agent_connecte.get("/admin/recherche/", {"q": "Gisele"})
    gisele = Client.objects.get(telephone="+242065551234")
    assert reponse.status_code == 302 and reponse["Location"] == f"/admin/clients/client/{gisele.pk}/fiche/"


def test_la_fiche_client_montre_contrats_solde_echeances_paiements_en_francais(agent_connecte):
    jean = Client.objects.get(telephone="+242061234567")
    contenu = agent_connecte.get(f"/admin/clients/client/{jean.pk}/fiche/").content.decode()
    for attendu in ["CG-2024-VIE-001", "CG-2024-EPG-001", "60 000 FCFA", "-10 000 FCFA"]:
        assert attendu in contenu
    assert '<span class="pastille rouge">En retard</span>' in contenu
    assert '<span class="pastille vert">Réussi</span>' in contenu
    assert "/03/2024" in contenu  # French dates


def test_un_utilisateur_sans_droit_n_a_ni_recherche_ni_fiche(demo, client):
    from apps.core.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    jean = Client.objects.get(telephone="+242061234567")
    assert client.get("/admin/recherche/", {"q": "KONGO"}).status_code == 403
    assert client.get(f"/admin/clients/client/{jean.pk}/fiche/").status_code == 403


def test_l_accueil_compte_les_paiements_a_verifier(agent_connecte):
    from apps.mtn_integration.models import TransactionMomo
    from apps.paiements.models import Paiement

    paiement = Paiement.objects.filter(mode_paiement="mtn_momo").first()
    TransactionMomo.objects.create(
        paiement=paiement, montant=paiement.montant, devise="XAF", payeur="242061234567", anomalie="sans_reponse"
    )
    contenu = agent_connecte.get("/admin/").content.decode()
    assert '<span class="nombre">1</span>Paiements à vérifier' in contenu
    assert "/admin/mtn_integration/paiementaverifier/" in contenu


def test_l_accueil_compte_les_bornes_qui_appellent_un_agent(agent_connecte):
    from apps.borne_auth.models import AppelAgent
    from apps.core.tests.factories import BorneFactory

    demo = Borne.objects.get(identifiant="BZV-DEMO-01")
    AppelAgent.objects.create(borne=demo)
    AppelAgent.objects.create(borne=BorneFactory(identifiant="BZV-APPEL-02"))
    AppelAgent.objects.create(borne=BorneFactory(identifiant="BZV-TRAITE-03"), traite_le=timezone.now())
    contenu = agent_connecte.get("/admin/").content.decode()
    assert '<span class="nombre">2</span>Bornes qui appellent un agent' in contenu
    assert "/admin/borne_auth/appelagent/?traite_le__isempty=1" in contenu
    liste = agent_connecte.get("/admin/borne_auth/appelagent/?traite_le__isempty=1").content.decode()
    assert "BZV-DEMO-01" in liste and "BZV-APPEL-02" in liste and "BZV-TRAITE-03" not in liste


def test_l_agent_traite_un_appel(agent_connecte):
    from apps.borne_auth.models import AppelAgent

    appel = AppelAgent.objects.create(borne=Borne.objects.get(identifiant="BZV-DEMO-01"))
    reponse = agent_connecte.post(
        "/admin/borne_auth/appelagent/", {"action": "traiter", "_selected_action": [appel.pk]}, follow=True
    )
    assert "1 appel(s) traité(s)." in reponse.content.decode()
    appel.refresh_from_db()
    assert appel.traite_le is not None
    assert (
        '<span class="nombre">0</span>Bornes qui appellent un agent' in agent_connecte.get("/admin/").content.decode()
    )


@pytest.mark.parametrize(
    ("texte", "attendus"),
    [
        # Found by their nom first (nom, then prénom, then id), then by their prénom only.
        ("mak", ["Aline MAKOSSO", "Émile MAKOSSO", "Makéda BOUKA"]),
        ("makosso e", ["Émile MAKOSSO"]),
        ("e makosso", ["Émile MAKOSSO"]),
        ("ma mak", ["Aline MAKOSSO", "Émile MAKOSSO", "Makéda BOUKA"]),
        ("makosso bouka", []),  # nobody is both
        ("makeda", ["Makéda BOUKA"]),
    ],
)
def test_la_recherche_par_nom_ordonne_et_combine_les_mots(produits, texte, attendus):
    from apps.core.tests.factories import ClientFactory

    ClientFactory(nom="MAKOSSO", prenom="Émile")
    ClientFactory(nom="MAKOSSO", prenom="Aline")
    ClientFactory(nom="BOUKA", prenom="Makéda")
    ClientFactory(nom="KONGO", prenom="Jean")
    assert [str(c) for c in clients_rechercher(texte=texte)] == attendus


@pytest.mark.parametrize(("texte", "index"), [("makosso", "clients_nom_cle_idx"), ("makeda", "clients_prenom_cle_idx")])
def test_la_recherche_par_nom_lit_un_index_dans_son_ordre(produits, sql, texte, index):
    """A prefix range of the index, read in the order of the results: no sort of the clients who
    share a name (at 1 million clients, ~100 000 per family name in the benchmark data)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as requetes:
        clients_rechercher(texte=texte)
    # Sorting and sequential scans are only made costly here: a plan keeping them would say
    # that the index cannot give this range in this order.
    sql("SET LOCAL enable_seqscan = off")
    sql("SET LOCAL enable_sort = off")
    plans = [
        "\n".join(ligne["QUERY PLAN"] for ligne in sql("EXPLAIN " + q["sql"].replace("%", "%%")))
        for q in requetes.captured_queries
    ]
    plan = next(p for p in plans if index in p)
    assert f">= '{texte}'::text" in plan  # the prefix is an index range (Index Cond), not a filter
    assert "Sort" not in plan


def test_le_filtre_par_ville_des_clients_lit_l_index(agent_connecte, sql):
    from apps.clients.selectors import VILLES_PAR_L_INDEX, villes_des_clients
    from apps.core.tests.factories import ClientFactory

    ClientFactory(ville="Pointe-Noire")
    ClientFactory(ville="")
    attendues = sorted(set(Client.objects.exclude(ville="").values_list("ville", flat=True)))
    assert villes_des_clients() == attendues and "Pointe-Noire" in attendues
    liste = agent_connecte.get("/admin/clients/client/", {"ville": "Pointe-Noire"})
    assert liste.status_code == 200 and "?ville=Brazzaville" in liste.content.decode()
    assert list(liste.context["cl"].queryset.values_list("ville", flat=True)) == ["Pointe-Noire"]
    sql("SET LOCAL enable_seqscan = off")  # a test table is tiny; the point is that the index serves each step
    plan = "\n".join(ligne["QUERY PLAN"] for ligne in sql("EXPLAIN " + VILLES_PAR_L_INDEX))
    assert "clients_ville_idx" in plan and "HashAggregate" not in plan and "Unique" not in plan
