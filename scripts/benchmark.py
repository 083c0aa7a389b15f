"""Benchmark of NSIA PASS at a chosen scale, with the API run as in production.

    .venv/bin/python scripts/benchmark.py --clients 1000000   # generate, then measure
    .venv/bin/python scripts/benchmark.py --clients 0         # demo data only
    .venv/bin/python scripts/benchmark.py --clients 1000000 --base postgresql://…/nsia_bench_1m
                                          # an existing database (migrated, not regenerated)

Steps: a fresh database `nsia_pass_bench` (embedded PostgreSQL, or BENCH_DATABASE_URL) with the
demo data and N generated clients; the MoMo sandbox; gunicorn with production settings; sampled
clients signed in; then wrk (Debian package `wrk`) drives every endpoint in turn, /health/ first
as the floor, in the same run, then the kiosk mix: 50 connections for 60 s, each request the next
step of a signed-in client's visit (dashboard, contrat detail, cotisations, paiements), every
sampled client in turn. `--clients N --base URL` measures an existing database holding N
generated clients (its migrations are applied, nothing is generated). Also: EXPLAIN (ANALYZE,
BUFFERS) of the dashboard's and the contrat detail's SQL (and their planning time once prepared),
the reconciliation of 10 000 pending transactions against the sandbox and the size of the kiosk's
JavaScript. Prints the figures and writes them to docs/benchmarks.md.

Gunicorn: 3 gthread workers x 4 threads on 2 cores. Requests are short and wait on PostgreSQL
(same machine) and on MTN: threads overlap those waits inside a process, and cores + 1 processes
keep both cores busy despite the GIL without starving PostgreSQL of CPU.
"""

import argparse
import gzip
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import requests

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))
# Other benchmarks and servers may run on this machine: ports are overridable.
PORT_API = int(os.environ.get("BENCH_PORT", "8002"))
PORT_MOMO = int(os.environ.get("BENCH_MOMO_PORT", "8092"))
BASE = f"http://127.0.0.1:{PORT_API}"
GUNICORN = ["--workers", "3", "--threads", "4", "--worker-class", "gthread"]
SECRET_KEY = secrets.token_urlsafe(50)
MOMO = {
    "MOMO_SANDBOX_SUBSCRIPTION_KEY": "bench-abonnement",
    "MOMO_SANDBOX_API_USER": str(uuid.uuid4()),
    "MOMO_SANDBOX_API_KEY": secrets.token_hex(16),
}


def etape(message: str) -> None:
    print(f"==> {message}", flush=True)


def preparer_base(clients: int, reutiliser: bool, nom: str = "nsia_pass_bench", base: str | None = None) -> str:
    from nsia_pass_api import embedded_db

    url = (
        base
        or os.environ.get("BENCH_DATABASE_URL")
        or (embedded_db.ensure_running(nom) if reutiliser else embedded_db.recreate(nom))
    )
    reutiliser = reutiliser or bool(base)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "nsia_pass_api.settings.local"
    import django

    django.setup()
    from django.core.management import call_command

    if reutiliser:
        etape("Base existante : migrations")
        call_command("migrate", verbosity=0)
    else:
        etape(f"Base {nom} : migrations, démo, génération")
        call_command("migrate", verbosity=0)
        call_command("charger_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        if clients:
            call_command("generer_donnees", clients=clients)
    from django.db import connection

    connection.cursor().execute("VACUUM ANALYZE")
    return url


def borne_de_bench(identifiant: str = "") -> tuple[str, str]:
    from apps.borne_auth.models import Borne
    from apps.borne_auth.services import borne_creer

    if identifiant:
        Borne.objects.filter(identifiant=identifiant).delete()
    else:  # a new kiosk each run: a reused database (--base) keeps the last run's paiements,
        identifiant = f"BENCH-{secrets.token_hex(4).upper()}"  # which protect their kiosk
    borne, cle = borne_creer(identifiant=identifiant, libelle="Banc d'essai", agence="Banc d'essai")
    return borne.identifiant, cle


def demarrer_sandbox(**reglages: str) -> subprocess.Popen:
    """The MoMo sandbox with the benchmark's api user; `reglages`: MOMO_SANDBOX_* overrides."""
    env_momo = {
        **os.environ,
        **MOMO,
        "MOMO_SANDBOX_PROCESSING_SECONDS": "0",
        "MOMO_SANDBOX_CALLBACK_DELAY_SECONDS": "0",
        **reglages,
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "apps.mtn_integration.sandbox", "--port", str(PORT_MOMO)],
        cwd=RACINE,
        env=env_momo,
        stdout=subprocess.DEVNULL,
    )


def env_production(url: str, **reglages: str) -> dict:
    """The API's environment as in production (and the worker's), pointed at the sandbox."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEMO_", "DJANGO_", "MOMO_SANDBOX"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "nsia_pass_api.settings.banc",  # production's, demo data allowed
            "DJANGO_SECRET_KEY": SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": url,
            # Plain HTTP on 127.0.0.1: in production nginx terminates TLS in front of gunicorn.
            "SECURE_SSL_REDIRECT": "False",
            # Every request of the load comes from 127.0.0.1: one address, not thousands.
            "THROTTLE_ANONYME": "1000000/min",
            "LOG_LEVEL": "WARNING",
            "MOMO_BASE_URL": f"http://127.0.0.1:{PORT_MOMO}",
            "MOMO_SUBSCRIPTION_KEY": MOMO["MOMO_SANDBOX_SUBSCRIPTION_KEY"],
            "MOMO_API_USER": MOMO["MOMO_SANDBOX_API_USER"],
            "MOMO_API_KEY": MOMO["MOMO_SANDBOX_API_KEY"],
            "MOMO_TARGET_ENVIRONMENT": "sandbox",
            "MOMO_CURRENCY": "EUR",
            "MOMO_CALLBACK_URL": f"{BASE}/api/v1/mtn/callback/",
            **reglages,
        }
    )
    return env


def demarrer_api(env: dict, journal: Path | None = None) -> subprocess.Popen:
    """Gunicorn as in production; returns once /health/ answers. `journal`: its log file."""
    api = subprocess.Popen(  # noqa: S603
        [
            str(RACINE / ".venv/bin/gunicorn"),
            "nsia_pass_api.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT_API}",
            *GUNICORN,
            "--log-level",
            "warning",
        ],
        cwd=RACINE,
        env=env,
        stderr=open(journal, "w") if journal else None,  # noqa: SIM115
    )
    for _ in range(100):
        try:
            if requests.get(f"{BASE}/health/", timeout=1).ok:
                return api
        except requests.RequestException:
            pass
        time.sleep(0.2)
    api.kill()
    raise SystemExit("L'API ne démarre pas.")


def demarrer_serveurs(url: str) -> list[subprocess.Popen]:
    sandbox = demarrer_sandbox()
    env_api = env_production(
        url,
        # The load sends thousands of payment requests from one payer: measure the path,
        # not the abuse limits' 429 (they are still counted, under the same locks).
        LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN="100000000",
        LIMITE_PAIEMENTS_PAR_PAYEUR_JOUR="100000000",
        LIMITE_PAIEMENTS_PAR_SESSION_HEURE="100000000",
        LIMITE_PAIEMENTS_PAR_BORNE_HEURE="100000000",
    )
    return [sandbox, demarrer_api(env_api)]


def arreter(processus: list[subprocess.Popen]) -> None:
    for un in processus:
        un.send_signal(signal.SIGTERM)
    for un in processus:
        try:
            un.wait(timeout=15)
        except subprocess.TimeoutExpired:
            un.kill()


def echantillon(nombre: int) -> list[tuple[str, str]]:
    from apps.souscriptions.models import Contrat

    total = Contrat.objects.filter(etat="actif").count()
    pas = max(1, total // nombre)
    contrats = (
        Contrat.objects.filter(etat="actif")
        .order_by("souscription_id")
        .values_list("numero_police", "client_telephone")[::pas][:nombre]
    )
    return list(contrats)


def connecter(paires, borne) -> list[dict]:
    en_tetes = {"X-Borne-Id": borne[0], "X-Borne-Key": borne[1]}

    def un(paire):
        reponse = requests.post(
            f"{BASE}/api/v1/auth/login/", json={"police": paire[0], "telephone": paire[1]}, headers=en_tetes, timeout=10
        )
        reponse.raise_for_status()
        corps = reponse.json()
        return {"police": paire[0], "telephone": paire[1], "access": corps["access"], "refresh": corps["refresh"]}

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(un, paires))


LUA_FIN = """
done = function(summary, latency, requests)
  local erreurs = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  io.write(string.format('{"requetes": %d, "duree_us": %d, "erreurs": %d, "p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration, erreurs, latency:percentile(50), latency:percentile(95),
    latency:percentile(99)))
end
"""


def lua(requetes: list[tuple[str, str, dict, str | None]]) -> str:
    """A wrk script cycling through prepared (method, path, headers, body) requests."""
    # Built at the first request, not when the script loads: wrk.format() adds the Host header
    # only once wrk knows it (without it, nginx answers 400; gunicorn did not mind).
    lignes = ["local r = {}", "local function preparer()"]
    for i, (methode, chemin, en_tetes, corps) in enumerate(requetes, 1):
        h = ", ".join(f'["{k}"] = {json.dumps(v)}' for k, v in en_tetes.items())
        lignes.append(
            f"  r[{i}] = wrk.format({json.dumps(methode)}, {json.dumps(chemin)}, {{{h}}}, "
            f"{json.dumps(corps) if corps else 'nil'})"
        )
    lignes.append("end")
    lignes.append(
        "local i = 0\nrequest = function()\n  if #r == 0 then preparer() end\n  i = i % #r + 1\n  return r[i]\nend"
    )
    return "\n".join(lignes) + LUA_FIN


def scenarios(sessions, borne) -> dict[str, list]:
    borne_h = {"X-Borne-Id": borne[0], "X-Borne-Key": borne[1], "Content-Type": "application/json"}

    def auth(s):
        return {"Authorization": f"Bearer {s['access']}"}

    return {
        "/health/ (plancher)": [("GET", "/health/", {}, None)],
        "produits": [("GET", "/api/v1/produits/", {}, None)],
        "connexion": [
            ("POST", "/api/v1/auth/login/", borne_h, json.dumps({"police": s["police"], "telephone": s["telephone"]}))
            for s in sessions
        ],
        "tableau de bord": [("GET", f"/api/v1/clients/{s['police']}/dashboard/", auth(s), None) for s in sessions],
        "détail d'un contrat": [("GET", f"/api/v1/contrats/{s['police']}/", auth(s), None) for s in sessions],
        "page de cotisations": [
            ("GET", f"/api/v1/clients/{s['police']}/cotisations/?page=1", auth(s), None) for s in sessions
        ],
        "page de paiements": [
            ("GET", f"/api/v1/clients/{s['police']}/paiements/?page=1", auth(s), None) for s in sessions
        ],
        "initiation de paiement (bac à sable)": [
            (
                "POST",
                f"/api/v1/contrats/{s['police']}/paiements/",
                {**auth(s), **borne_h},
                json.dumps({"montant": 500, "numero_payeur": "+242061234567"}),
            )
            for s in sessions
        ],
    }


# The kiosk's visit after sign-in, in order: what the 50-session mix replays for every client.
VISITE_BORNE = (
    "/api/v1/clients/{police}/dashboard/",
    "/api/v1/contrats/{police}/",
    "/api/v1/clients/{police}/cotisations/?page=1",
    "/api/v1/clients/{police}/paiements/?page=1",
)


def scenario_melange(sessions) -> list:
    """Each client's visit, one client after the other: 50 connections replay it concurrently."""
    return [
        ("GET", chemin.format(police=s["police"]), {"Authorization": f"Bearer {s['access']}"}, None)
        for s in sessions
        for chemin in VISITE_BORNE
    ]


def scenario_callbacks(references) -> list:
    """MTN callbacks for payments started by the load above (status asked again, applied once)."""
    return [
        (
            "PUT",
            "/api/v1/mtn/callback/",
            {"Content-Type": "application/json"},
            json.dumps({"externalId": r, "status": "SUCCESSFUL"}),
        )
        for r in references
    ]


def wrk_lancer(requetes, duree: int, connexions: int, lua_en_plus: str = "", base: str = BASE) -> subprocess.Popen:
    """wrk in the background; `lua_en_plus`: more of its script (e.g. a delay() to pace it);
    `base`: another address than the API's (nginx in front of it)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua(requetes) + lua_en_plus)
    return subprocess.Popen(  # noqa: S603
        [shutil.which("wrk") or "wrk", "-t2", f"-c{connexions}", f"-d{duree}s", "--timeout", "10s", "-s", f.name, base],
        stdout=subprocess.PIPE,
        text=True,
    )


def wrk_lire(nom: str, processus: subprocess.Popen) -> dict:
    sortie, _ = processus.communicate()
    if processus.returncode:
        raise SystemExit(f"wrk a échoué ({nom}).")
    mesure = json.loads(sortie.strip().splitlines()[-1])
    mesure["rps"] = mesure["requetes"] / (mesure["duree_us"] / 1e6)
    print(
        f"  {nom:<40} {mesure['rps']:8.0f} req/s  p50 {mesure['p50'] / 1000:6.1f} ms  "
        f"p95 {mesure['p95'] / 1000:6.1f} ms  p99 {mesure['p99'] / 1000:6.1f} ms  erreurs {mesure['erreurs']}",
        flush=True,
    )
    return mesure


def wrk(nom: str, requetes, duree: int, connexions: int, base: str = BASE) -> dict:
    return wrk_lire(nom, wrk_lancer(requetes, duree, connexions, base=base))


def expliquer(police: str) -> list[tuple[str, float, str]]:
    """EXPLAIN (ANALYZE, BUFFERS) of every query the dashboard and the contrat detail run, and the
    planning time of each once prepared (as the API's connections run them: psycopg prepares them)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.souscriptions import selectors
    from apps.souscriptions.models import Contrat

    contrat = Contrat.objects.get(numero_police=police)
    resultats = []
    for nom, lire in [
        ("tableau de bord", lambda: selectors.client_tableau_de_bord(client_id=contrat.client_id)),
        ("détail d'un contrat", lambda: selectors.contrat_en_detail(client_id=contrat.client_id, police=police)),
    ]:
        with CaptureQueriesContext(connection) as requetes:
            lire()
        plans, total, planifie, planifie_prepare = [], 0.0, 0.0, 0.0
        with connection.cursor() as cursor:
            for requete in requetes.captured_queries:
                sql = requete["sql"]
                if not sql.lstrip().upper().startswith("SELECT") or "pass_aujourdhui()" == sql.split()[-1]:
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(ligne[0] for ligne in cursor.fetchall())
                total += float(re.search(r"Execution Time: ([\d.]+) ms", plan).group(1))
                planifie += float(re.search(r"Planning Time: ([\d.]+) ms", plan).group(1))
                cursor.execute("PREPARE banc_explique AS " + sql)
                for _ in range(6):  # past PostgreSQL's 5 custom plans: the cached plan is used
                    cursor.execute("EXECUTE banc_explique")
                cursor.execute("EXPLAIN (ANALYZE) EXECUTE banc_explique")
                prepare = "\n".join(ligne[0] for ligne in cursor.fetchall())
                cursor.execute("DEALLOCATE banc_explique")
                planifie_prepare += float(re.search(r"Planning Time: ([\d.]+) ms", prepare).group(1))
                plans.append(f"-- {sql[:160]}…\n{plan}")
        entete = (
            f"Planification : {planifie:.2f} ms sans préparation, {planifie_prepare:.2f} ms une fois préparées "
            f"({len(plans)} requêtes)."
        )
        resultats.append((nom, total, entete + "\n\n" + "\n\n".join(plans)))
        print(f"  SQL {nom:<28} {total:6.2f} ms (exécution, {len(plans)} requêtes) ; {entete}", flush=True)
    return resultats


def reconciliation(nombre: int) -> float:
    """Time to settle `nombre` pending transactions by polling the sandbox."""
    from django.db import transaction
    from django.utils import timezone

    from apps.mtn_integration import passerelle
    from apps.mtn_integration.models import TransactionMomo
    from apps.paiements.models import Paiement
    from apps.paiements.operateurs import transaction_verifier, transactions_a_verifier
    from apps.souscriptions.models import Contrat

    os.environ.update({"MOMO_BASE_URL": f"http://127.0.0.1:{PORT_MOMO}"})
    from django.conf import settings

    settings.MOMO_BASE_URL = f"http://127.0.0.1:{PORT_MOMO}"
    settings.MOMO_SUBSCRIPTION_KEY = MOMO["MOMO_SANDBOX_SUBSCRIPTION_KEY"]
    settings.MOMO_API_USER, settings.MOMO_API_KEY = MOMO["MOMO_SANDBOX_API_USER"], MOMO["MOMO_SANDBOX_API_KEY"]
    settings.MOMO_CALLBACK_URL = ""
    passerelle._client.cache_clear()
    souscriptions = list(Contrat.objects.filter(etat="actif").values_list("souscription_id", flat=True)[:nombre])
    with transaction.atomic():
        paiements = Paiement.objects.bulk_create(
            [
                Paiement(
                    reference=f"BENCH-{uuid.uuid4().hex[:16]}",
                    souscription_id=souscriptions[i % len(souscriptions)],
                    montant=500,
                    type_paiement="cotisation",
                    mode_paiement="mtn_momo",
                    numero_payeur="242061234567",
                    canal="borne",
                )
                for i in range(nombre)
            ],
            batch_size=2000,
        )
        transactions = TransactionMomo.objects.bulk_create(
            [
                TransactionMomo(
                    paiement=p,
                    montant=500,
                    devise="EUR",
                    payeur="242061234567",
                    statut="PENDING",
                    prochaine_verification=timezone.now(),
                )
                for p in paiements
            ],
            batch_size=2000,
        )
    client = passerelle.client()
    with ThreadPoolExecutor(16) as pool:  # MTN receives them, as when the kiosks sent them
        list(
            pool.map(
                lambda t: client.request_to_pay(
                    reference_id=str(t.reference_id),
                    amount=500,
                    external_id=t.paiement.reference,
                    payer_msisdn="242061234567",
                ),
                transactions,
            )
        )
    debut = time.monotonic()
    restantes = nombre

    def verifier(reference_id):  # what one job of the worker does (16 at once: --concurrency 16)
        from django.db import connection

        try:
            transaction_verifier(reference_id=reference_id, source="reconciliation")
        finally:
            connection.close()

    while restantes:
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(verifier, transactions_a_verifier(nombre)))
        restantes = TransactionMomo.objects.filter(
            pk__in=[t.pk for t in transactions], statut__in=["a_envoyer", "PENDING"]
        ).count()
    duree = time.monotonic() - debut
    print(f"  réconciliation de {nombre} transactions en attente : {duree:.1f} s", flush=True)
    return duree


def taille_borne() -> int | None:
    dist = RACINE / "kiosk-electron" / "dist" / "assets"
    fichiers = list(dist.glob("*.js")) if dist.exists() else []
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in fichiers) if fichiers else None


def machine() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version_pg = cursor.fetchone()[0]
    memoire = next(
        (ligne.split()[1] for ligne in Path("/proc/meminfo").read_text().splitlines() if ligne.startswith("MemTotal")),
        "?",
    )
    modele = next(
        (
            ligne.split(":", 1)[1].strip()
            for ligne in Path("/proc/cpuinfo").read_text().splitlines()
            if ligne.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{os.cpu_count()} cœurs ({modele}), {int(memoire) // 1024 // 1024} Gio, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, PostgreSQL {version_pg} (embarqué, même "
        f"machine), gunicorn {' '.join(GUNICORN)}"
    )


def section_ecrire(section: str) -> Path:
    """Replace (or append) the section of docs/benchmarks.md whose title is the first line."""
    docs = RACINE / "docs" / "benchmarks.md"
    texte = (
        docs.read_text(encoding="utf-8")
        if docs.exists()
        else (
            "# Benchmarks NSIA PASS\n\nProduit par `scripts/benchmark.py` (voir son en-tête pour la méthode). "
            "Chaque section est remplacée quand le banc est relancé à la même échelle.\n\n"
        )
    )
    titre = section.splitlines()[0]
    motif = re.compile(rf"^{re.escape(titre)}\n.*?(?=^## |\Z)", re.S | re.M)
    texte = (
        motif.sub(lambda _: section + "\n", texte) if motif.search(texte) else texte.rstrip() + "\n\n" + section + "\n"
    )
    docs.parent.mkdir(exist_ok=True)
    docs.write_text(texte, encoding="utf-8")
    print(f"==> {docs} mis à jour")
    return docs


def ecrire_docs(clients: int, mesures: dict, explications, duree_reconciliation, js_gzip) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM clients_pass), (SELECT count(*) FROM souscriptions_pass), "
            "(SELECT count(*) FROM paiements_pass)"
        )
        n_clients, n_souscriptions, n_paiements = cursor.fetchone()
    plancher = mesures["/health/ (plancher)"]["rps"]
    lignes = [
        (
            f"## {clients:,} clients générés (plus la démo)".replace(",", " ")
            if clients
            else "## Données de démonstration seules"
        ),
        "",
        f"Mesuré le {date.today():%d/%m/%Y} : {n_clients:,} clients, {n_souscriptions:,} souscriptions, "
        f"{n_paiements:,} paiements.".replace(",", " "),
        "",
        f"Machine : {machine()}.",
        "",
        "| endpoint | req/s | p50 (ms) | p95 (ms) | p99 (ms) | erreurs | ratio au plancher |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for nom, m in mesures.items():
        lignes.append(
            f"| {nom} | {m['rps']:.0f} | {m['p50'] / 1000:.1f} | {m['p95'] / 1000:.1f} | "
            f"{m['p99'] / 1000:.1f} | {m['erreurs']} | {m['rps'] / plancher:.2f} |"
        )
    lignes += [
        "",
        f"Réconciliation de 10 000 transactions en attente contre le bac à sable : {duree_reconciliation:.1f} s."
        if duree_reconciliation
        else "Réconciliation : non remesurée dans ce passage (`--sans-reconciliation`), voir « Objectifs et analyse ».",
        f"JavaScript de la borne : {js_gzip / 1024:.1f} Ko gzip." if js_gzip else "",
        "",
    ]
    for nom, total, plan in explications:
        entete, plan = plan.split("\n\n", 1)
        lignes += [f"### SQL du {nom} : {total:.2f} ms d'exécution", "", entete, "", "```", plan, "```", ""]
    section_ecrire("\n".join(lignes))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--duree", type=int, default=10, help="secondes de charge par endpoint")
    parser.add_argument("--connexions", type=int, default=16)
    parser.add_argument("--echantillon", type=int, default=200, help="clients connectés pour la charge")
    parser.add_argument("--duree-melange", type=int, default=60, help="secondes du mélange à 50 sessions")
    parser.add_argument("--reutiliser", action="store_true", help="garder la base nsia_pass_bench existante")
    parser.add_argument(
        "--base", help="URL d'une base existante à mesurer (migrée, ni démo ni génération ; --clients dit sa taille)"
    )
    parser.add_argument("--sans-reconciliation", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk est requis : apt-get install -y wrk")

    url = preparer_base(args.clients, args.reutiliser, base=args.base)
    borne = borne_de_bench()
    serveurs = demarrer_serveurs(url)
    try:
        etape("Connexion des clients de l'échantillon")
        sessions = connecter(echantillon(args.echantillon), borne)
        random.Random(1).shuffle(sessions)
        etape(f"Charge : wrk, {args.connexions} connexions, {args.duree} s par endpoint")
        mesures = {
            nom: wrk(nom, requetes, args.duree, args.connexions) for nom, requetes in scenarios(sessions, borne).items()
        }
        from apps.mtn_integration.models import TransactionMomo

        references = list(TransactionMomo.objects.order_by("-id").values_list("paiement__reference", flat=True)[:500])
        if references:
            mesures["callback MTN"] = wrk("callback MTN", scenario_callbacks(references), args.duree, args.connexions)
        # The session tokens live JWT_ACCESS_MINUTES: sign in again right before the mix.
        sessions = connecter([(s["police"], s["telephone"]) for s in sessions], borne)
        melange = f"parcours de la borne : 50 sessions, {args.duree_melange} s"
        mesures[melange] = wrk(melange, scenario_melange(sessions), args.duree_melange, 50)
        plancher = mesures["/health/ (plancher)"]["rps"]
        for nom in ("tableau de bord", "détail d'un contrat"):
            print(f"  {nom} / plancher = {mesures[nom]['rps'] / plancher:.2f} (objectif ≥ 0.5)")
        print(
            f"  mélange : p95 {mesures[melange]['p95'] / 1000:.0f} ms (objectif < 200), "
            f"p99 {mesures[melange]['p99'] / 1000:.0f} ms (< 500), erreurs {mesures[melange]['erreurs']} (0)"
        )
        etape("EXPLAIN (ANALYZE, BUFFERS)")
        explications = expliquer(sessions[0]["police"])
        duree = None if args.sans_reconciliation else (etape("Réconciliation") or reconciliation(10_000))
        js = taille_borne()
        if js:
            print(f"  JavaScript de la borne : {js / 1024:.1f} Ko gzip (objectif ≤ 200)")
        ecrire_docs(args.clients, mesures, explications, duree, js)
    finally:
        arreter(serveurs)


if __name__ == "__main__":
    main()
