"""The database refuses bad rows by itself, whoever writes them (raw SQL, not Django)."""

from datetime import UTC, datetime

import pytest
from django.db import DataError, IntegrityError, transaction

from apps.core.tests.factories import (
    AgentFactory,
    BeneficiaireFactory,
    ClientFactory,
    ContratFactory,
    PaiementFactory,
    SinistreFactory,
    SouscriptionFactory,
)

pytestmark = pytest.mark.django_db


def refuse(sql, requete, params, contrainte):
    """The statement fails and names the constraint (or trigger rule) that refused it."""
    with pytest.raises(IntegrityError) as erreur, transaction.atomic():
        sql(requete, params)
    assert erreur.value.__cause__.diag.constraint_name == contrainte


SOUSCRIPTION_SQL = """
    INSERT INTO souscriptions_pass (numero_souscription, client_id, produit_id, montant_prime, periodicite,
        date_souscription, date_effet, date_expiration, statut, canal)
    VALUES (%s, %s, %s, %s, %s, now(), %s, %s, %s, %s)
"""


@pytest.fixture
def client_kimia(produits):
    return ClientFactory(), produits["KIMIA"]


def souscription_params(client, produit, **changes):
    valeurs = {
        "numero": "PASS-KIMIA-2024-000099",
        "prime": 5000,
        "periodicite": "trimestrielle",
        "effet": "2024-03-01",
        "expiration": "2025-02-28",
        "statut": "activee",
        "canal": "ussd",
    }
    valeurs.update(changes)
    return [
        valeurs["numero"],
        client.id,
        produit.id,
        valeurs["prime"],
        valeurs["periodicite"],
        valeurs["effet"],
        valeurs["expiration"],
        valeurs["statut"],
        valeurs["canal"],
    ]


def test_une_souscription_valide_passe(sql, client_kimia):
    sql(SOUSCRIPTION_SQL, souscription_params(*client_kimia))
    assert sql("SELECT count(*) AS n FROM souscriptions_pass")[0]["n"] == 1


@pytest.mark.parametrize(
    ("changes", "contrainte"),
    [
        ({"prime": 0}, "souscription_prime_positive"),
        ({"prime": -5000}, "souscription_prime_positive"),
        ({"expiration": "2024-02-28"}, "souscription_dates_coherentes"),
        ({"statut": "expiree"}, "souscription_statut_valide"),
        ({"periodicite": "hebdomadaire"}, "souscription_periodicite_valide"),
        ({"canal": "fax"}, "souscription_canal_valide"),
        ({"numero": "PASS-42"}, "souscription_numero_format"),
        # 300 a year in 4 échéances is 75 < 100 FCFA minimum (trigger)
        ({"prime": 300}, "souscription_echeance_minimum"),
        ({"prime": 1199, "periodicite": "mensuelle"}, "souscription_echeance_minimum"),
    ],
)
def test_souscription_refusee(sql, client_kimia, changes, contrainte):
    refuse(sql, SOUSCRIPTION_SQL, souscription_params(*client_kimia, **changes), contrainte)


def test_echeance_exactement_au_minimum_acceptee(sql, client_kimia):
    sql(SOUSCRIPTION_SQL, souscription_params(*client_kimia, prime=1200, periodicite="mensuelle"))


def test_numero_souscription_unique(sql, client_kimia):
    sql(SOUSCRIPTION_SQL, souscription_params(*client_kimia))
    refuse(sql, SOUSCRIPTION_SQL, souscription_params(*client_kimia), "souscriptions_pass_numero_souscription_key")


CLIENT_SQL = """INSERT INTO clients_pass (nom, prenom, telephone, adresse, ville, date_creation)
                VALUES (%s, %s, %s, '', '', now())"""


@pytest.mark.parametrize("telephone", ["061234567", "+24206123456", "+243061234567", "+242O61234567", "242061234567 "])
def test_telephone_client_au_format_canonique(sql, telephone):
    refuse(sql, CLIENT_SQL, ["KONGO", "Jean", telephone], "client_telephone_format")


@pytest.mark.parametrize("telephone", ["+242 061234567", "+2420612345678", "+242" + "0" * 500])
def test_telephone_client_trop_long(sql, telephone):
    with pytest.raises(DataError), transaction.atomic():
        sql(CLIENT_SQL, ["KONGO", "Jean", telephone])


def test_telephone_client_unique(sql):
    sql(CLIENT_SQL, ["KONGO", "Jean", "+242061234567"])
    refuse(sql, CLIENT_SQL, ["KONGO", "Paul", "+242061234567"], "clients_pass_telephone_key")


def test_nom_client_requis(sql):
    refuse(sql, CLIENT_SQL, ["", "Jean", "+242061234567"], "client_nom_requis")


def test_fk_protegent_les_operations(sql):
    souscription = SouscriptionFactory()
    PaiementFactory(souscription=souscription)
    # Django declares its foreign keys DEFERRABLE: check them now, as a commit would.
    sql("SET CONSTRAINTS ALL IMMEDIATE")
    for table, ident in [
        ("clients_pass", souscription.client_id),
        ("produits_pass", souscription.produit_id),
        ("souscriptions_pass", souscription.id),
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            sql(f"DELETE FROM {table} WHERE id = %s", [ident])  # noqa: S608


BENEFICIAIRE_SQL = """INSERT INTO beneficiaires_pass (souscription_id, nom, prenom, lien, part_pourcentage, telephone)
                      VALUES (%s, 'KONGO', %s, %s, %s, %s)"""


def test_septieme_beneficiaire_refuse_par_le_trigger(sql):
    souscription = SouscriptionFactory()
    for i in range(6):
        sql(BENEFICIAIRE_SQL, [souscription.id, f"Enfant{i}", "enfant", None, None])
    refuse(sql, BENEFICIAIRE_SQL, [souscription.id, "Septieme", "enfant", None, None], "beneficiaires_max")
    assert sql("SELECT count(*) AS n FROM beneficiaires_pass")[0]["n"] == 6
    # Another souscription is not affected by the first one's six.
    sql(BENEFICIAIRE_SQL, [SouscriptionFactory().id, "Autre", "conjoint", None, None])


def test_deplacer_un_beneficiaire_vers_une_souscription_pleine_refuse(sql):
    pleine = SouscriptionFactory()
    BeneficiaireFactory.create_batch(6, souscription=pleine)
    autre = BeneficiaireFactory()
    refuse(
        sql,
        "UPDATE beneficiaires_pass SET souscription_id = %s WHERE id = %s",
        [pleine.id, autre.id],
        "beneficiaires_max",
    )


def test_parts_au_dela_de_100_refusees(sql):
    souscription = SouscriptionFactory()
    sql(BENEFICIAIRE_SQL, [souscription.id, "A", "conjoint", 60, None])
    sql(BENEFICIAIRE_SQL, [souscription.id, "B", "enfant", 40, None])
    refuse(sql, BENEFICIAIRE_SQL, [souscription.id, "C", "enfant", 1, None], "beneficiaires_parts_max")
    refuse(sql, BENEFICIAIRE_SQL, [souscription.id, "D", "enfant", 101, None], "beneficiaire_part_valide")
    refuse(sql, BENEFICIAIRE_SQL, [souscription.id, "E", "enfant", 0, None], "beneficiaire_part_valide")


def test_beneficiaire_lien_et_telephone(sql):
    souscription = SouscriptionFactory()
    refuse(sql, BENEFICIAIRE_SQL, [souscription.id, "A", "voisin", None, None], "beneficiaire_lien_valide")
    refuse(sql, BENEFICIAIRE_SQL, [souscription.id, "A", "enfant", None, "0612"], "beneficiaire_telephone_format")


POLICE_SQL = """INSERT INTO numeros_police_congo (souscription_id, numero_police, mode_attribution,
                    agent_attribueur_id, date_attribution, commentaire) VALUES (%s, %s, %s, %s, now(), '')"""


@pytest.mark.parametrize(
    "numero", ["CG-24-VIE-001", "CG-2024-VIE-01", "CG-2024-XYZ-001", "cg-2024-vie-001", "CG-2024-VIE-001 "]
)
def test_format_police(sql, numero):
    refuse(sql, POLICE_SQL, [SouscriptionFactory().id, numero, "automatique", None], "police_numero_format")


# The souscriptions of these rows were made in 2024, like their police numbers.
EN_2024 = datetime(2024, 3, 1, 9, tzinfo=UTC)


def test_police_regles(sql):
    agent = AgentFactory()
    activee = SouscriptionFactory(date_souscription=EN_2024)
    refuse(sql, POLICE_SQL, [activee.id, "CG-2024-SAN-001", "automatique", None], "police_categorie_produit")
    refuse(sql, POLICE_SQL, [activee.id, "CG-2024-VIE-001", "manuel", None], "police_agent_selon_mode")
    refuse(sql, POLICE_SQL, [activee.id, "CG-2024-VIE-001", "automatique", agent.id], "police_agent_selon_mode")
    for statut in ["en_attente_paiement", "annulee"]:
        autre = SouscriptionFactory(statut=statut, date_souscription=EN_2024)
        refuse(sql, POLICE_SQL, [autre.id, "CG-2024-VIE-001", "automatique", None], "police_souscription_activee")
    # Unique by value: the number part has no extra leading zero; the year is not before the souscription's.
    refuse(sql, POLICE_SQL, [activee.id, "CG-2024-VIE-0001", "automatique", None], "police_numero_format")
    refuse(sql, POLICE_SQL, [activee.id, "CG-2023-VIE-001", "automatique", None], "police_annee_souscription")
    sql(POLICE_SQL, [activee.id, "CG-2024-VIE-001", "manuel", agent.id])
    refuse(
        sql,
        POLICE_SQL,
        [activee.id, "CG-2024-VIE-002", "automatique", None],
        "numeros_police_congo_souscription_id_key",
    )
    refuse(
        sql,
        POLICE_SQL,
        [SouscriptionFactory(date_souscription=EN_2024).id, "CG-2024-VIE-001", "automatique", None],
        "numeros_police_congo_numero_police_key",
    )


PAIEMENT_SQL = """INSERT INTO paiements_pass (reference, souscription_id, montant, type_paiement, mode_paiement,
    numero_payeur, statut, motif_echec, canal, date_initiation, date_confirmation)
    VALUES (%s, %s, %s, %s, 'mtn_momo', '', %s, '', 'borne', now(), %s)"""


@pytest.mark.parametrize(
    ("montant", "type_paiement", "statut", "contrainte"),
    [
        (0, "cotisation", "en_attente", "paiement_montant_positif"),
        (-100, "cotisation", "en_attente", "paiement_montant_positif"),
        (100, "don", "en_attente", "paiement_type_valide"),
        (100, "cotisation", "rembourse", "paiement_statut_valide"),
        (100, "cotisation", "succes", "paiement_succes_date_confirmation"),
    ],
)
def test_paiement_refuse(sql, montant, type_paiement, statut, contrainte):
    refuse(sql, PAIEMENT_SQL, ["P-1", SouscriptionFactory().id, montant, type_paiement, statut, None], contrainte)


def test_paiement_reussi_immuable(sql):
    paiement = PaiementFactory(statut="succes")
    for requete in [
        "UPDATE paiements_pass SET statut = 'echec' WHERE id = %s",
        "UPDATE paiements_pass SET montant = 1 WHERE id = %s",
        "DELETE FROM paiements_pass WHERE id = %s",
    ]:
        refuse(sql, requete, [paiement.id], "paiement_succes_immuable")
    # A pending one may still move, and the reference stays unique.
    attente = PaiementFactory(statut="en_attente")
    sql("UPDATE paiements_pass SET statut = 'echec' WHERE id = %s", [attente.id])
    refuse(
        sql,
        PAIEMENT_SQL,
        [paiement.reference, attente.souscription_id, 100, "cotisation", "en_attente", None],
        "paiements_pass_reference_key",
    )


def test_sinistre_accepte_exige_un_montant_accorde(sql):
    sinistre = SinistreFactory()
    refuse(
        sql,
        "UPDATE sinistres_pass SET statut = 'accepte' WHERE id = %s",
        [sinistre.id],
        "sinistre_montant_accorde_si_accepte",
    )
    refuse(sql, "UPDATE sinistres_pass SET type = 'vol' WHERE id = %s", [sinistre.id], "sinistre_type_valide")
    sql("UPDATE sinistres_pass SET statut = 'accepte', montant_accorde = 1000 WHERE id = %s", [sinistre.id])


def test_produit_refuse_categorie_et_periodicite_inconnues(sql, produits):
    refuse(sql, "UPDATE produits_pass SET categorie = 'AUT' WHERE code = 'KIMIA'", [], "produit_categorie_valide")
    refuse(
        sql,
        "UPDATE produits_pass SET periodicites_autorisees = '{hebdomadaire}' WHERE code = 'KIMIA'",
        [],
        "produit_periodicites_valides",
    )
    refuse(
        sql, "UPDATE produits_pass SET montant_minimum = 0 WHERE code = 'KIMIA'", [], "produit_montant_minimum_positif"
    )


def test_contrat_factory_cree_un_contrat(sql):
    ContratFactory()
    assert sql("SELECT count(*) AS n FROM contrats")[0]["n"] == 1
