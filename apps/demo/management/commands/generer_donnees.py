"""Realistic PASS data at NSIA's scale, generated inside PostgreSQL (INSERT … SELECT from
generate_series: no row travels through Python), for benchmarks.

    python manage.py generer_donnees --clients 1000000

About 1.5 souscriptions per client over the three produits and four périodicités, police
numbers on the activated ones, bénéficiaires, and about 15 paiements per souscription (mostly
succes, some echec and en_attente), leaving some contrats in arrears and some expired.
Run it once, on a fresh database (the demo data may be there): generated numbers use ranges
real attributions do not reach (souscriptions from 400000, polices from 1000000).
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from apps.produits.services import produits_charger_reference

ETAPES = [
    (
        "clients",
        """
        INSERT INTO clients_pass (nom, prenom, telephone, adresse, ville, date_creation)
        SELECT (ARRAY['KONGO','MOUKOKO','NGOUABI','MAKOSSO','OKOKO','MABIALA','NKOUNKOU','LOUBAKI','SAMBA',
                      'MILANDOU'])[1 + i %% 10],
               (ARRAY['Jean','Marie','Pierre','Gisèle','André','Grâce','Prince','Merveille','Chancel','Divine'])
                   [1 + (i / 10) %% 10],
               '+2420' || (ARRAY['6','5','4'])[1 + i %% 3] || lpad((%(base)s + i)::text, 7, '0'),
               (ARRAY['Poto-Poto','Bacongo','Moungali','Ouenzé','Makélékélé','Talangaï','Mfilou'])[1 + i %% 7],
               'Brazzaville', now() - (i %% 900) * interval '1 day'
        FROM generate_series(1, %(clients)s) AS i
        """,
    ),
    (
        "souscriptions",
        """
        INSERT INTO souscriptions_pass (numero_souscription, client_id, produit_id, montant_prime, periodicite,
            date_souscription, date_effet, date_expiration, statut, canal, borne_id)
        SELECT 'PASS-' || p.code || '-' || extract(year FROM g.effet)::int || '-'
                   || (400000 + row_number() OVER (PARTITION BY p.code, extract(year FROM g.effet)))::text,
               g.client_id, p.id, g.prime, g.periodicite, g.effet::timestamptz, g.effet,
               ((g.effet + make_interval(years => g.annees))::date - 1),
               CASE WHEN g.n %% 40 = 0 THEN 'en_attente_paiement' ELSE 'activee' END,
               (ARRAY['ussd','ussd','ussd','borne','whatsapp','agence'])[1 + g.n %% 6], NULL
        FROM (
            SELECT c.id AS client_id, k,
                   row_number() OVER () + %(base)s AS n,
                   (ARRAY[6000, 12000, 24000, 60000, 7500, 5000])[1 + (c.id + k) %% 6] AS prime,
                   (ARRAY['annuelle','semestrielle','trimestrielle','mensuelle'])[1 + (c.id + k) %% 4] AS periodicite,
                   (date '2023-01-01' + ((c.id * 7 + k * 131) %% 1300)::int)::date AS effet,
                   (1 + ((c.id + k) %% 3))::int AS annees,
                   (ARRAY['KIMIA','BATELA','SALISA'])[1 + (c.id + k) %% 3] AS code
            FROM clients_pass c
            CROSS JOIN generate_series(1, 2) AS k
            WHERE c.id > %(client_min)s AND (k = 1 OR c.id %% 2 = 0)
        ) g
        JOIN produits_pass p ON p.code = g.code
        """,
    ),
    (
        "numéros de police",
        """
        INSERT INTO numeros_police_congo (souscription_id, numero_police, mode_attribution, agent_attribueur_id,
            date_attribution, commentaire)
        SELECT s.id, 'CG-' || extract(year FROM s.date_effet)::int || '-' || p.categorie || '-'
                   || (1000000 + s.id)::text,
               'automatique', NULL, s.date_effet::timestamptz, ''
        FROM souscriptions_pass s JOIN produits_pass p ON p.id = s.produit_id
        WHERE s.id > %(souscription_min)s AND s.statut <> 'en_attente_paiement'
        """,
    ),
    (
        # A few contrats were suspended or cancelled after they got their police number.
        "suspensions, résiliations",
        """
        UPDATE souscriptions_pass
           SET statut = CASE WHEN id %% 97 = 0 THEN 'resiliee' ELSE 'suspendue' END
         WHERE id > %(souscription_min)s AND statut = 'activee' AND (id %% 97 = 0 OR id %% 89 = 0)
        """,
    ),
    (
        "bénéficiaires",
        """
        INSERT INTO beneficiaires_pass (souscription_id, nom, prenom, lien, date_naissance, telephone,
            part_pourcentage)
        SELECT s.id, 'BENEFICIAIRE', 'B' || k, (ARRAY['conjoint','enfant','enfant','parent'])[k], NULL, NULL, 25
        FROM souscriptions_pass s CROSS JOIN generate_series(1, 4) AS k
        WHERE s.id > %(souscription_min)s AND k <= 1 + s.id %% 4
        """,
    ),
    (
        "paiements",
        """
        INSERT INTO paiements_pass (reference, souscription_id, montant, type_paiement, mode_paiement, numero_payeur,
            statut, motif_echec, reference_operateur, canal, borne_id, date_initiation, date_confirmation)
        SELECT 'GEN-' || s.id || '-' || k,
               s.id,
               s.montant_prime / pass_echeances_par_an(s.periodicite),
               CASE WHEN k = 1 THEN 'souscription_initiale' WHEN k %% 12 = 1 THEN 'renouvellement'
                    WHEN k %% 5 = 0 THEN 'rattrapage' ELSE 'cotisation' END,
               'mtn_momo', c.telephone,
               CASE WHEN (s.id + k) %% 23 = 0 THEN 'echec' WHEN (s.id + k) %% 211 = 0 THEN 'en_attente'
                    ELSE 'succes' END,
               CASE WHEN (s.id + k) %% 23 = 0 THEN 'Solde insuffisant sur votre compte Mobile Money.' ELSE '' END,
               CASE WHEN (s.id + k) %% 23 = 0 OR (s.id + k) %% 211 = 0 THEN NULL ELSE 'GEN' || s.id || 'K' || k END,
               'ussd', NULL,
               (s.date_effet + (k - 1) * 25)::timestamptz,
               CASE WHEN (s.id + k) %% 23 = 0 OR (s.id + k) %% 211 = 0 THEN NULL
                    ELSE (s.date_effet + (k - 1) * 25)::timestamptz END
        FROM souscriptions_pass s
        JOIN clients_pass c ON c.id = s.client_id
        CROSS JOIN generate_series(1, 30) AS k
        WHERE s.id > %(souscription_min)s AND s.statut <> 'en_attente_paiement'
          AND k <= 5 + (s.id * 7) %% 21
          AND s.date_effet + (k - 1) * 25 <= current_date
        """,
    ),
]


class Command(BaseCommand):
    help = "Génère des données PASS réalistes à grande échelle (benchmarks). Ne pas lancer en production."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=100_000)

    def handle(self, *args, clients: int, **options):
        produits_charger_reference()
        with connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM clients_pass")
            client_min = cursor.fetchone()[0]
            cursor.execute("SELECT coalesce(max(id), 0) FROM souscriptions_pass")
            souscription_min = cursor.fetchone()[0]
        # Phone numbers continue after the existing ones so reruns never collide.
        parametres = {
            "clients": clients,
            "base": client_min + 1_000_000,
            "client_min": client_min,
            "souscription_min": souscription_min,
        }
        debut = time.monotonic()
        with transaction.atomic(), connection.cursor() as cursor:
            for nom, requete in ETAPES:
                t = time.monotonic()
                cursor.execute(requete, parametres)
                self.stdout.write(f"  {nom:<20} {cursor.rowcount:>12,} lignes  {time.monotonic() - t:6.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Terminé en {time.monotonic() - debut:.1f} s."))
