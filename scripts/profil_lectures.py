"""In-process cost of the kiosk's reads: ms, SQL queries and round trips per request, and a profile.

    DATABASE_URL=… .venv/bin/python scripts/profil_lectures.py [--police CG-2024-EPG-001] [--profil]

Runs the whole Django stack (middleware, JWT, DRF, ORM, PostgreSQL) through Django's test client
on an existing database holding the demo data (or any client whose police and telephone are
given), without gunicorn nor the network: what one request costs the server (the connection goes
back to the pool after each request, as under gunicorn). `--profil` prints
cProfile's top functions (cumulative time) for the dashboard and the contrat detail.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--police", default="CG-2024-EPG-001")
    parser.add_argument("--telephone", default="+242061234567")
    parser.add_argument("--fois", type=int, default=300, help="requêtes mesurées par endpoint")
    parser.add_argument("--profil", action="store_true")
    parser.add_argument("--sql", action="store_true", help="affiche le début de chaque requête SQL")
    parser.add_argument("--tri", default="cumulative", help="tri de cProfile : cumulative, tottime…")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nsia_pass_api.settings.local")
    os.environ.setdefault("DJANGO_DEBUG", "False")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings
    from django.db import close_old_connections, connection
    from psycopg import pq
    from rest_framework.test import APIClient

    from apps.borne_auth.models import Borne
    from apps.borne_auth.services import borne_creer

    Borne.objects.filter(identifiant="PROFIL-01").delete()
    borne, cle = borne_creer(identifiant="PROFIL-01", libelle="Profil", agence="Profil")
    settings.ALLOWED_HOSTS = ["testserver"]
    client = APIClient()
    reponse = client.post(
        "/api/v1/auth/login/",
        {"police": args.police, "telephone": args.telephone},
        format="json",
        HTTP_X_BORNE_ID=borne.identifiant,
        HTTP_X_BORNE_KEY=cle,
    )
    assert reponse.status_code == 200, reponse.content
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {reponse.json()['access']}")
    chemins = {
        "/health/": "/health/",
        "tableau de bord": f"/api/v1/clients/{args.police}/dashboard/",
        "détail d'un contrat": f"/api/v1/contrats/{args.police}/",
        "contrats": f"/api/v1/clients/{args.police}/contrats/",
        "cotisations": f"/api/v1/clients/{args.police}/cotisations/?page=1",
        "paiements": f"/api/v1/clients/{args.police}/paiements/?page=1",
        "relevé (PDF)": f"/api/v1/clients/{args.police}/releve.pdf",
    }

    def obtenir(chemin):
        # As under gunicorn: the connection goes back to the pool at the end of each request and
        # the next one borrows it again, through the pool's check (Django's test client keeps it).
        reponse = client.get(chemin)
        close_old_connections()
        return reponse

    for nom, chemin in chemins.items():
        for _ in range(20):  # warm: prepared statements, caches
            assert obtenir(chemin).status_code == 200, chemin
        requetes: list[str] = []
        en_pipeline: list[bool] = []  # sent in psycopg's pipeline mode, with the queries around it

        def compter(execute, sql, params, many, contexte, requetes=requetes, en_pipeline=en_pipeline):
            requetes.append(sql)
            en_pipeline.append(contexte["connection"].connection.pgconn.pipeline_status != pq.PipelineStatus.OFF)
            return execute(sql, params, many, contexte)

        with connection.execute_wrapper(compter):
            obtenir(chemin)
        # Round trips with PostgreSQL: a query alone is one, queries in a row in a pipeline one.
        allers_retours = sum(1 for i, p in enumerate(en_pipeline) if not (p and i and en_pipeline[i - 1]))
        debut = time.perf_counter()
        for _ in range(args.fois):
            obtenir(chemin)
        ms = (time.perf_counter() - debut) * 1000 / args.fois
        print(
            f"  {nom:<22} {ms:6.2f} ms/requête  {len(requetes)} requêtes SQL, {allers_retours} allers-retours",
            flush=True,
        )
        if args.sql:
            print("\n".join(f"      {r[:150]}" for r in requetes))
    if args.profil:
        for nom in ("tableau de bord", "détail d'un contrat"):
            profil = cProfile.Profile()
            profil.enable()
            for _ in range(args.fois):
                obtenir(chemins[nom])
            profil.disable()
            print(f"\n=== {nom} ({args.fois} requêtes)")
            pstats.Stats(profil).sort_stats(args.tri).print_stats(40)


if __name__ == "__main__":
    main()
