"""In-process cost of a forged operator callback: CPU milliseconds and SQL queries per request.

    nice -n 10 .venv/bin/python scripts/profil_rappels.py [--fois 2000] [--profil]

Each kind of callback anyone can send (they are not signed: docs/paiements.md) goes through
Django's WSGI handler, as gunicorn hands it a request: every middleware, the URL resolver, the
view, the connection pool and PostgreSQL; no HTTP parsing, no network. Prints, per kind, the
CPU time of this process (PostgreSQL's own work is in the wall time, not in it), the wall time
and the SQL queries. `--profil` adds cProfile's top functions for the unknown MTN reference.
On the demo database (`nsia_pass`, created and loaded if missing), or DATABASE_URL.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
import uuid
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))
SECRET_AIRTEL = "profil-secret-airtel"


def environ(methode: str, chemin: str, corps: bytes) -> dict:
    chemin, _, requete = chemin.partition("?")
    return {
        "REQUEST_METHOD": methode,
        "PATH_INFO": chemin,
        "QUERY_STRING": requete,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(corps)),
        "wsgi.input": io.BytesIO(corps),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }


def reference_reglee() -> str:
    """A settled MTN payment of the demo, checked just now: what a flood naming a receipt's
    reference hits (docs/paiements.md: at most one check a minute, nothing written between)."""
    from django.utils import timezone

    from apps.mtn_integration.models import TransactionMomo
    from apps.paiements.models import Paiement
    from apps.souscriptions.models import Contrat

    contrat = Contrat.objects.filter(etat="actif").first()
    paiement = Paiement.objects.create(
        reference=f"PROFIL-{uuid.uuid4().hex[:12]}",
        souscription_id=contrat.souscription_id,
        montant=500,
        type_paiement="cotisation",
        mode_paiement="mtn_momo",
        numero_payeur="242061234567",
        canal="borne",
        statut="succes",
        date_confirmation=timezone.now(),
    )
    TransactionMomo.objects.create(
        paiement=paiement,
        montant=500,
        devise="XAF",
        payeur="242061234567",
        statut="SUCCESSFUL",
        derniere_verification=timezone.now(),
    )
    return paiement.reference


def rappels(reglee: str) -> dict[str, tuple[str, str, bytes]]:
    from apps.airtel_integration.airtel.client import callback_hash

    transaction = {"id": str(uuid.uuid4()), "message": "Paid", "status_code": "TS"}
    return {
        "MTN, référence inconnue (?ref=)": ("PUT", f"/api/v1/mtn/callback/?ref={uuid.uuid4()}", b"{}"),
        "MTN, externalId inconnu": (
            "PUT",
            "/api/v1/mtn/callback/",
            json.dumps({"externalId": "PAY-20260101-0000000001", "status": "SUCCESSFUL"}).encode(),
        ),
        "MTN, corps illisible": ("PUT", "/api/v1/mtn/callback/", b"{pas du json" * 8),
        "MTN, paiement réglé (statut menteur)": (
            "PUT",
            "/api/v1/mtn/callback/",
            json.dumps({"externalId": reglee, "status": "FAILED"}).encode(),
        ),
        "Airtel, hash faux": (
            "POST",
            "/api/v1/airtel/callback/",
            json.dumps({"transaction": transaction, "hash": "faux"}).encode(),
        ),
        "Airtel, hash juste, id inconnu": (
            "POST",
            "/api/v1/airtel/callback/",
            json.dumps({"transaction": transaction, "hash": callback_hash(transaction, SECRET_AIRTEL)}).encode(),
        ),
        "Airtel, corps illisible": ("POST", "/api/v1/airtel/callback/", b"{pas du json" * 8),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fois", type=int, default=2000, help="rappels mesurés par genre")
    parser.add_argument("--profil", action="store_true", help="cProfile du rappel MTN à référence inconnue")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nsia_pass_api.settings.local")
    os.environ.setdefault("DJANGO_DEBUG", "False")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ["AIRTEL_CALLBACK_SECRET"] = SECRET_AIRTEL
    if not os.environ.get("DATABASE_URL"):
        from nsia_pass_api import embedded_db

        os.environ["DATABASE_URL"] = embedded_db.ensure_running("nsia_pass")
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection

    from apps.souscriptions.models import Contrat

    call_command("migrate", verbosity=0)
    if not Contrat.objects.exists():
        call_command("charger_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    handler = WSGIHandler()

    def envoyer(methode, chemin, corps) -> str:
        statut = []
        b"".join(handler(environ(methode, chemin, corps), lambda s, h: statut.append(s)))
        return statut[0]

    for nom, (methode, chemin, corps) in rappels(reference_reglee()).items():
        for _ in range(50):  # warm: imports, pool, prepared statements
            code = envoyer(methode, chemin, corps)
        requetes: list[str] = []

        def compter(execute, sql, *a, requetes=requetes):
            requetes.append(sql)
            return execute(sql, *a)

        with connection.execute_wrapper(compter):
            envoyer(methode, chemin, corps)
        cpu, mur = time.process_time(), time.perf_counter()
        for _ in range(args.fois):
            envoyer(methode, chemin, corps)
        cpu = (time.process_time() - cpu) * 1000 / args.fois
        mur = (time.perf_counter() - mur) * 1000 / args.fois
        print(f"  {nom:<38} {code:<16} CPU {cpu:5.2f} ms  mur {mur:5.2f} ms  {len(requetes)} requête(s) SQL")
    if args.profil:
        methode, chemin, corps = rappels("")["MTN, référence inconnue (?ref=)"]
        profil = cProfile.Profile()
        profil.enable()
        for _ in range(args.fois):
            envoyer(methode, chemin, corps)
        profil.disable()
        pstats.Stats(profil).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
