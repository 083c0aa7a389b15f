"""One payment initiation in-process, request by request: round trips to PostgreSQL and time.

    nice -n 10 .venv/bin/python scripts/profil_paiement.py [--paiements 30] [--profil]

On the payment benchmark's database (`scripts/benchmark.py paiements` creates it), through
Django's test client with the kiosk's headers, as the kiosk sends it. Prints, per request,
the queries (SQL round trips: savepoints and locks included) and the wall time; `--profil`
adds cProfile's top functions. No HTTP server, no network: the floor of the request's cost.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
import uuid
from collections import Counter

import benchmark
from benchmark import RACINE


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paiements", type=int, default=30)
    parser.add_argument("--profil", action="store_true", help="cProfile des requêtes mesurées")
    parser.add_argument("--sql", action="store_true", help="affiche les requêtes SQL d'un paiement")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_DEBUG", "False")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    benchmark.preparer_base(0, True, nom="nsia_pass_bench_paiements")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    borne = benchmark.borne_de_bench(f"PROFIL-{int(time.time()) % 100000:05d}")
    en_tetes = {"HTTP_X_BORNE_ID": borne[0], "HTTP_X_BORNE_KEY": borne[1]}
    mesures, profil = [], cProfile.Profile()
    for i, (police, telephone, montant) in enumerate(benchmark.contrats_payables(args.paiements + 1)):
        client = APIClient()
        jeton = client.post(
            "/api/v1/auth/login/", {"police": police, "telephone": telephone}, format="json", **en_tetes
        ).json()["access"]
        with CaptureQueriesContext(connection) as requetes:
            if args.profil and i:
                profil.enable()
            debut = time.perf_counter()
            reponse = client.post(
                f"/api/v1/contrats/{police}/paiements/",
                {"montant": montant},
                format="json",
                HTTP_AUTHORIZATION=f"Bearer {jeton}",
                HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
                **en_tetes,
            )
            duree = time.perf_counter() - debut
            profil.disable()
        assert reponse.status_code == 202, reponse.content
        if i == 0:  # the first one warms the caches (imports, prepared objects)
            if args.sql:
                for r in requetes.captured_queries:
                    print(f"{float(r['time']) * 1000:6.2f} ms  {r['sql'][:200]}")
            continue
        sqls = [r["sql"] for r in requetes.captured_queries]
        mesures.append((duree * 1000, len(sqls), sum(float(r["time"]) for r in requetes.captured_queries) * 1000))
        genres = Counter(s.split()[0].upper() for s in sqls)
    print(
        f"{len(mesures)} paiements : médiane {statistics.median(m[0] for m in mesures):.1f} ms, "
        f"{statistics.median(m[1] for m in mesures):.0f} requêtes SQL dont "
        f"{statistics.median(m[2] for m in mesures):.1f} ms d'attente de PostgreSQL ; genres : {dict(genres)}"
    )
    if args.profil:
        pstats.Stats(profil).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    os.chdir(RACINE)
    sys.path.insert(0, str(RACINE / "scripts"))
    main()
