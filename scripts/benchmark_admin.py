"""Benchmark of the agents' admin pages (lists, searches, home, client page) for one agent.

    DATABASE_URL=postgres://… .venv/bin/python scripts/benchmark_admin.py [--repetitions 30]

Runs against a database already filled by `manage.py charger_demo` and `manage.py
generer_donnees --clients N` (scripts/benchmark.py builds one). Each page is requested in
process through Django's test client, signed in as the demo agent, one request at a time (one
agent at work): the figures are the server's time (middleware, admin, SQL), without the network.
Also prints EXPLAIN (ANALYZE) of the name search's queries, of the home page's count of
souscriptions à numéroter and of a paiements list searched by client.
Writes the table to docs/benchmarks.md, section « Espace agents (admin) ».
"""

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nsia_pass_api.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "false")  # DEBUG would keep every query in memory
TITRE = "## Espace agents (admin)"
OBJECTIF_P95_MS = 300


def mesurer(client, url: str, repetitions: int) -> dict:
    durees = []
    statut = None
    for _ in range(repetitions):
        debut = time.perf_counter()
        reponse = client.get(url)
        durees.append((time.perf_counter() - debut) * 1000)
        statut = reponse.status_code
    durees.sort()
    return {
        "url": url,
        "statut": statut,
        "p50": statistics.median(durees),
        "p95": durees[max(0, int(len(durees) * 0.95) - 1)],
        "max": durees[-1],
    }


def expliquer(requete: str, params: list) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + requete, params)
        return "\n".join(ligne[0] for ligne in cursor.fetchall())


def expliquer_les_requetes_de(fonction) -> str:
    """EXPLAIN (ANALYZE) of every query the function runs, as it runs them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as requetes:
        fonction()
    # The captured SQL has its values inlined: a % in a LIKE pattern must not read as a placeholder.
    return "\n\n".join(expliquer(q["sql"].replace("%", "%%"), []) for q in requetes.captured_queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repetitions", type=int, default=30)
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client as ClientHttp

    from apps.agents.selectors import compter_plafonne
    from apps.clients.models import Client
    from apps.clients.selectors import clients_rechercher
    from apps.paiements.models import Paiement
    from apps.souscriptions.models import NumeroPolice, Souscription
    from apps.souscriptions.selectors import souscriptions_a_numeroter

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT max(id) FROM clients_pass")
        client_max = cursor.fetchone()[0]
    hasard = random.Random(42)  # noqa: S311 (sampling, not security)
    client = None
    while client is None:
        client = Client.objects.filter(pk=hasard.randint(1, client_max)).first()
    police = NumeroPolice.objects.filter(souscription__client=client).values_list("numero_police", flat=True).first()
    paiement = Paiement.objects.filter(souscription__client=client).first()

    http = ClientHttp(HTTP_HOST="127.0.0.1")
    http.force_login(get_user_model().objects.get(username="agt001"))
    pages = [
        ("accueil « Aujourd'hui »", "/admin/"),
        ("liste des paiements", "/admin/paiements/paiement/"),
        ("liste des paiements, page 50", "/admin/paiements/paiement/?p=50"),
        ("paiements réussis (filtre)", "/admin/paiements/paiement/?statut__exact=succes"),
        ("paiements cherchés par police", f"/admin/paiements/paiement/?q={police}"),
        ("paiements cherchés par téléphone", f"/admin/paiements/paiement/?q={client.telephone[4:]}"),
        ("paiements cherchés par référence", f"/admin/paiements/paiement/?q={paiement.reference if paiement else ''}"),
        ("liste des souscriptions", "/admin/souscriptions/souscription/"),
        ("souscriptions cherchées par nom", f"/admin/souscriptions/souscription/?q={client.nom}+{client.prenom}"),
        ("souscriptions à numéroter", "/admin/souscriptions/souscriptionsanspolice/"),
        ("liste des clients", "/admin/clients/client/"),
        ("clients cherchés par nom sans accents", f"/admin/clients/client/?q={client.nom.lower()}"),
        ("liste des sinistres", "/admin/sinistres/sinistre/"),
        ("bornes qui appellent un agent", "/admin/borne_auth/appelagent/?traite_le__isempty=1"),
        ("recherche de l'accueil (téléphone)", f"/admin/recherche/?q={client.telephone}"),
        ("fiche client", f"/admin/clients/client/{client.pk}/fiche/"),
    ]
    resultats = []
    for libelle, url in pages:
        echauffement = mesurer(http, url, 1)
        # A page slower than 2 s is measured 3 times only: enough to say it misses the goal.
        repetitions = arguments.repetitions if echauffement["max"] < 2000 else 3
        resultat = {"libelle": libelle, **mesurer(http, url, repetitions)}
        resultats.append(resultat)
        print(
            f"{libelle:45} {resultat['statut']} p50 {resultat['p50']:7.1f} ms  p95 {resultat['p95']:7.1f} ms",
            flush=True,
        )

    mot = client.nom.lower()
    liste = Paiement.objects.filter(souscription__client__in=[client.pk]).order_by("-date_initiation")[:100]
    sql_liste, params_liste = liste.query.sql_with_params()
    plans = {
        f"Recherche par nom sans accents (« {mot} » : une requête par façon de répartir les mots)": (
            expliquer_les_requetes_de(lambda: clients_rechercher(texte=mot))
        ),
        "Souscriptions à numéroter (compteur de l'accueil)": expliquer_les_requetes_de(
            lambda: compter_plafonne(souscriptions_a_numeroter())
        ),
        "Paiements d'un client (recherche dans la liste des paiements)": expliquer(sql_liste, list(params_liste)),
    }

    volumes = {
        "clients": Client.objects.count(),
        "souscriptions": Souscription.objects.count(),
        "paiements": Paiement.objects.count(),
    }
    ecrire(resultats, volumes, plans, arguments.repetitions)


def ecrire(resultats, volumes, plans, repetitions):
    tenus = sum(r["p95"] <= OBJECTIF_P95_MS for r in resultats)
    lignes = [
        TITRE,
        "",
        f"Mesuré le {time.strftime('%d/%m/%Y')} par `scripts/benchmark_admin.py` : "
        + ", ".join(f"{n:,} {nom}".replace(",", " ") for nom, n in volumes.items())
        + f". Un agent, une requête à la fois, {repetitions} fois par page (3 fois au-delà de 2 s), "
        "dans le processus (client de test Django : temps du serveur, sans le réseau). "
        f"Machine : {os.cpu_count()} cœurs partagés, Python {platform.python_version()}.",
        "",
        f"Objectif : p95 ≤ {OBJECTIF_P95_MS} ms par page — tenu pour {tenus} pages sur {len(resultats)}.",
        "",
        "| page | statut | p50 (ms) | p95 (ms) | max (ms) |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in resultats:
        lignes.append(f"| {r['libelle']} | {r['statut']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} |")
    lignes += [
        "",
        "Les listes ne comptent pas la table (estimation de PostgreSQL sans filtre, comptage arrêté à "
        "10 000 avec filtre) et la recherche répond par index (docs/espace-agents.md).",
        "",
    ]
    for titre, plan in plans.items():
        lignes += [f"### {titre}", "", "```", plan, "```", ""]
    fichier = RACINE / "docs" / "benchmarks.md"
    texte = fichier.read_text(encoding="utf-8")
    section = "\n".join(lignes)
    motif = re.compile(re.escape(TITRE) + r".*?(?=\n## (?!#)|\Z)", re.S)
    texte = motif.sub(lambda _: section, texte) if motif.search(texte) else texte.rstrip() + "\n\n" + section
    fichier.write_text(texte, encoding="utf-8")
    print(f"docs/benchmarks.md : section « {TITRE[3:]} » écrite.")


if __name__ == "__main__":
    main()
