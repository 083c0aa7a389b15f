"""Benchmarks of NSIA PASS, with the API run as in production. One entry point, three parts:

    .venv/bin/python scripts/benchmark.py lectures --clients 1000000   # generate, then measure
    .venv/bin/python scripts/benchmark.py lectures --clients 0         # demo data only
    .venv/bin/python scripts/benchmark.py lectures --clients 1000000 --base postgresql://…/nsia_bench_1m
    nice -n 10 .venv/bin/python scripts/benchmark.py paiements [--kiosques 50 --paiements 10]
    nice -n 10 .venv/bin/python scripts/benchmark.py rappels [--essais 5 --chemins direct,nginx]

Ports: BENCH_PORT (gunicorn), BENCH_MOMO_PORT (MoMo sandbox), BENCH_NGINX_PORT (nginx, `rappels`).

`lectures` — the read path. A fresh database `nsia_pass_bench` (embedded PostgreSQL, or
BENCH_DATABASE_URL) with the demo data and N generated clients; the MoMo sandbox; gunicorn with
production settings; sampled clients signed in; then wrk (Debian package `wrk`) drives every
endpoint in turn, /health/ first as the floor, in the same run, then the kiosk mix: 50
connections for 60 s, each request the next step of a signed-in client's visit (dashboard,
contrat detail, cotisations, paiements), every sampled client in turn. The payment initiation
row is sent by `--connexions` kiosks, one payment per payable contrat (its échéance, a new
Idempotency-Key: a second payment on a contrat would be refused 409 `paiement_en_cours`).
`--clients N --base URL` measures an existing database holding N generated clients (its
migrations are applied, nothing is generated). Also: EXPLAIN (ANALYZE, BUFFERS) of the
dashboard's and the contrat detail's SQL (and their planning time once prepared), the
reconciliation of 10 000 pending transactions against the sandbox and the size of the kiosk's
JavaScript.

`paiements` — payment initiation while MTN is slow (docs/benchmarks.md, « Quel modèle de
charge »). A database `nsia_pass_bench_paiements` with the demo data plus `--clients` generated
clients; the sandbox's request-to-pay answers after `--delai-mtn` s; `--travailleurs` real
workers. Abuse limits keep their production values (each simulated kiosk is its own borne, each
payment a different client); only the anonymous throttle is raised (the load comes from
127.0.0.1). The target's load model, « bornes » : `--kiosques` kiosks, each running the kiosk's
payment flow for `--paiements` clients in turn: the client signs in, pays (POST with the borne's
headers, the token, a new Idempotency-Key, the échéance amount), the waiting screen reads the
payment every 2 s (kiosk-electron/src/hooks/useSuiviPaiement.ts) until it is final, then the
next client; the kiosks start 0 to `--etalement` s apart (random), not in step. The p95 of
the initiation request is the target's figure. Beside it, stress figures: the same flow with
all kiosks started together (« synchronisées ») and back-to-back payments without waiting
(« à la suite », closed loop: capacity). First, a lone kiosk pays 20 times: the floor.

`rappels` — forged callbacks vs the dashboard. The dashboard (wrk, `--kiosques` connections,
paced at `--rythme-tableau` requests/s in all) alone, then while a second wrk sends
`--rappels` forged MTN callbacks per second (unknown references, unreadable bodies, real
references with a lying status), for every path of `--chemins`: « direct » (gunicorn) and
« nginx » (scripts/proxy_tls.sh: the template docker-compose ships, its per-address limit on
the operators' callbacks, TLS). `--essais` trials, the paths' order and alone/with order
alternating from one trial to the next; the median ratio of p95 per path and every trial.
Also the flood's CPU cost per component (/proc), alone.

Each part prints its figures and writes its section of docs/benchmarks.md (`--sans-docs`: not).

Gunicorn: 3 gthread workers x 4 threads on 2 cores. Requests are short and wait on PostgreSQL
(same machine) and on MTN: threads overlap those waits inside a process, and cores + 1 processes
keep both cores busy despite the GIL without starving PostgreSQL of CPU.
"""

import argparse
import gzip
import json
import math
import os
import platform
import random
import re
import resource
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
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
PORT_NGINX = int(os.environ.get("BENCH_NGINX_PORT", "8453"))
BASE = f"http://127.0.0.1:{PORT_API}"
SANDBOX = f"http://127.0.0.1:{PORT_MOMO}"
BASE_NGINX = f"https://127.0.0.1:{PORT_NGINX}"
DOSSIER_NGINX = RACINE / ".run" / "bench-nginx"
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
    # This script's own pool: the reconciliation's 16 threads each hold a connection while the
    # main thread holds one (a pool of 16 made one of them wait, then fail). Not passed on to
    # the servers it starts (env_production).
    os.environ["DB_POOL_MAX_CONNEXIONS"] = "24"
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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEMO_", "DJANGO_", "MOMO_SANDBOX", "DB_POOL"))}
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


# --- Payments (`paiements`, `rappels`) --------------------------------------------------------

BASE_PAIEMENTS = "nsia_pass_bench_paiements"
CONNEXIONS_RAPPELS = 100
SEULE = 20  # payments of the lone kiosk measured first: the floor of one request's latency
# The kiosk's waiting screen (kiosk-electron/src/hooks/useSuiviPaiement.ts): a read every
# INTERVALLE_MS, for DELAI_SECONDES at most.
SUIVI_INTERVALLE = 2.0
SUIVI_DELAI = 120.0
TITRE_PAIEMENTS = "## Paiements : initiation sous un MTN lent"
TITRE_RAPPELS = "## Rappels forgés : tableau de bord cadencé, en direct et derrière nginx"


def percentile(valeurs: list[float], q: float) -> float:
    rangees = sorted(valeurs)
    return rangees[max(0, math.ceil(q / 100 * len(rangees)) - 1)] if rangees else float("nan")


def contrats_payables(nombre: int, exiger: bool = True) -> list[tuple[str, str, int]]:
    """(police, telephone, montant) of active contrats of distinct MTN clients, none pending:
    one payment each is payable (a second one on a contrat is refused 409 paiement_en_cours).
    Clients who paid in the last 10 minutes are left out: the per-payer limit
    (LIMITE_PAIEMENTS_PAR_PAYEUR_10_MIN) would refuse them 429 in a second trial.
    `exiger=False`: as many as there are, up to `nombre`."""
    from datetime import timedelta

    from django.db.models import Exists, OuterRef
    from django.utils import timezone

    from apps.paiements.models import Paiement
    from apps.souscriptions.models import Contrat
    from apps.souscriptions.selectors import montant_echeance

    en_attente = Paiement.objects.filter(souscription_id=OuterRef("souscription_id"), statut="en_attente")
    recents = Paiement.objects.filter(
        souscription__client_id=OuterRef("client_id"), date_initiation__gte=timezone.now() - timedelta(minutes=10)
    )
    choisis, clients = [], set()
    for contrat in (
        Contrat.objects.filter(etat="actif", client_telephone__startswith="+24206")
        .exclude(Exists(en_attente))
        .exclude(Exists(recents))
        .order_by("souscription_id")
        .values("numero_police", "client_telephone", "client_id", "montant_prime", "periodicite")
        .iterator()
    ):
        if contrat["client_id"] in clients:
            continue
        clients.add(contrat["client_id"])
        montant = montant_echeance(montant_prime=contrat["montant_prime"], periodicite=contrat["periodicite"])
        choisis.append((contrat["numero_police"], contrat["client_telephone"], montant))
        if len(choisis) == nombre:
            return choisis
    if exiger:
        # ~1 generated client in 9 has an active contrat and an MTN number.
        raise SystemExit(f"{len(choisis)} contrats payables seulement : augmenter --clients.")
    return choisis


def demarrer_travailleurs(env: dict, nombre: int, concurrence: int) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "travailleur", "--concurrency", str(concurrence)],
            cwd=RACINE,
            env=env,
            stdout=open(RACINE / ".run" / f"bench-travailleur-{i}.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        for i in range(nombre)
    ]


def references_chez_mtn() -> set[str]:
    transactions = requests.get(f"{SANDBOX}/_sandbox/transactions", timeout=10).json()
    return {t.get("externalId") for t in transactions}


def initiation(kiosques: list, *, attendre_mtn: bool = True, parcours: bool = False, etalement: float = 0.0) -> dict:
    """Every kiosk serves its clients in turn, all kiosks at once; then waits for MTN.

    `kiosques`: (borne, clients) pairs; a client is a dict (police, telephone, montant, and its
    session's access token unless `parcours`). `parcours=False`: payments back to back (closed
    loop: capacity). `parcours=True`: the kiosk's payment flow for each client: sign-in, payment,
    the waiting screen's reads until final. `etalement`: each kiosk starts 0 to that many
    seconds after the first (random, the same from one run to the next): kiosks not in step.
    Latencies are the payment request's (POST), the figure of the target.
    """
    depart = threading.Barrier(len(kiosques) + 1)
    mesures: list[tuple[float, int, str | None]] = []
    connexions: list[float] = []
    verrou = threading.Lock()

    def kiosque(borne, clients):
        http = requests.Session()
        en_tetes_borne = {"X-Borne-Id": borne[0], "X-Borne-Key": borne[1]}
        hasard = random.Random(borne[0])  # noqa: S311 (a benchmark's pacing, not a secret)
        depart.wait()
        time.sleep(hasard.uniform(0, etalement))
        for client in clients:
            if parcours:
                debut = time.perf_counter()
                reponse = http.post(
                    f"{BASE}/api/v1/auth/login/",
                    json={"police": client["police"], "telephone": client["telephone"]},
                    headers=en_tetes_borne,
                    timeout=30,
                )
                with verrou:
                    connexions.append((time.perf_counter() - debut) * 1000)
                if reponse.status_code != 200:
                    with verrou:
                        mesures.append((0.0, -reponse.status_code, None))
                    continue
                client = {**client, "access": reponse.json()["access"]}
            debut = time.perf_counter()
            try:
                reponse = http.post(
                    f"{BASE}/api/v1/contrats/{client['police']}/paiements/",
                    json={"montant": client["montant"]},
                    headers={
                        **en_tetes_borne,
                        "Authorization": f"Bearer {client['access']}",
                        "Idempotency-Key": str(uuid.uuid4()),
                    },
                    timeout=30,
                )
                code, reference = reponse.status_code, (reponse.json() or {}).get("reference")
            except (requests.RequestException, ValueError):
                code, reference = 0, None
            with verrou:
                mesures.append((time.perf_counter() - debut, code, reference))
            if parcours and code == 202:
                paiement_suivre(http, client, en_tetes_borne, reference)

    fils = [threading.Thread(target=kiosque, args=k) for k in kiosques]
    for fil in fils:
        fil.start()
    depart.wait()
    t0 = time.perf_counter()
    for fil in fils:
        fil.join()
    duree_envoi = time.perf_counter() - t0
    references = {r for _, code, r in mesures if code == 202}
    while attendre_mtn and references - references_chez_mtn():
        if time.perf_counter() - t0 > 600:
            break
        time.sleep(0.2)
    vidage = time.perf_counter() - t0
    latences = [d * 1000 for d, code, _ in mesures if code >= 0]
    codes: dict[int, int] = {}
    for _, code, _ in mesures:
        codes[code] = codes.get(code, 0) + 1
    resultat = {
        "requetes": len(latences),
        "duree": duree_envoi,
        "rps": len(latences) / duree_envoi,
        "p50": percentile(latences, 50),
        "p95": percentile(latences, 95),
        "p99": percentile(latences, 99),
        "max": max(latences, default=float("nan")),
        "erreurs": len(mesures) - codes.get(202, 0),
        "codes": codes,
        "connexion_p95": percentile(connexions, 95) if connexions else None,
        "vidage": vidage,
        "arrives": len(references & references_chez_mtn()) if attendre_mtn else 0,
        "references": sorted(references),
    }
    print(
        f"  initiation : {resultat['requetes']} paiements en {duree_envoi:.1f} s ({resultat['rps']:.1f} req/s)  "
        f"p50 {resultat['p50']:.1f} ms  p95 {resultat['p95']:.1f} ms  p99 {resultat['p99']:.1f} ms  "
        f"max {resultat['max']:.1f} ms  erreurs {resultat['erreurs']} {codes}"
        + (f"  (connexion du client : p95 {resultat['connexion_p95']:.1f} ms)" if connexions else ""),
        flush=True,
    )
    if attendre_mtn:
        print(
            f"  tous chez MTN (bac à sable) {vidage:.1f} s après le premier envoi "
            f"({resultat['arrives']}/{len(references)})",
            flush=True,
        )
    return resultat


def paiement_suivre(http: requests.Session, client: dict, en_tetes_borne: dict, reference: str) -> None:
    """What the kiosk's waiting screen does: read the payment every 2 s until it is final."""
    fin = time.perf_counter() + SUIVI_DELAI
    while time.perf_counter() < fin:
        time.sleep(SUIVI_INTERVALLE)
        try:
            reponse = http.get(
                f"{BASE}/api/v1/paiements/{reference}/",
                headers={**en_tetes_borne, "Authorization": f"Bearer {client['access']}"},
                timeout=30,
            )
            if reponse.status_code == 200 and reponse.json().get("statut") != "en_attente":
                return
        except (requests.RequestException, ValueError):
            pass


def chauffer(sessions: list[dict]) -> None:
    """A running API has its PostgreSQL connections open in every gunicorn thread already."""

    def lire(session):
        requests.get(
            f"{BASE}/api/v1/clients/{session['police']}/dashboard/",
            headers={"Authorization": f"Bearer {session['access']}"},
            timeout=30,
        )

    with ThreadPoolExecutor(24) as pool:
        list(pool.map(lire, sessions[:200]))


def rappels_forges(references_reelles: list[str]) -> list[tuple[str, str, dict, str]]:
    """Callbacks anyone can send (they are not signed): unknown references, garbage, lying ones."""
    en_tetes = {"Content-Type": "application/json"}
    forges = []
    for i in range(400):
        genre = i % 4
        if genre == 0:
            forges.append(("PUT", f"/api/v1/mtn/callback/?ref={uuid.uuid4()}", en_tetes, '{"status": "SUCCESSFUL"}'))
        elif genre == 1:
            corps = {"externalId": f"PAY-20260101-{i:010X}", "status": "SUCCESSFUL", "amount": "500"}
            forges.append(("PUT", "/api/v1/mtn/callback/", en_tetes, json.dumps(corps)))
        elif genre == 2:
            forges.append(("PUT", "/api/v1/mtn/callback/", en_tetes, "{pas du json" * 8))
        else:  # a real paiement, already final: MTN "says" it failed
            reelle = references_reelles[i % len(references_reelles)] if references_reelles else "PAY-INCONNU"
            forges.append(
                ("PUT", "/api/v1/mtn/callback/", en_tetes, json.dumps({"externalId": reelle, "status": "FAILED"}))
            )
    return forges


def renouveler(sessions: list[dict], borne) -> None:
    """New access tokens (they live JWT_ACCESS_MINUTES, 5 by default): a trial that outlives them
    would measure fast 401s instead of dashboards."""
    en_tetes = {"X-Borne-Id": borne[0], "X-Borne-Key": borne[1]}

    def un(session):
        reponse = requests.post(
            f"{BASE}/api/v1/auth/refresh/", json={"refresh": session["refresh"]}, headers=en_tetes, timeout=10
        )
        reponse.raise_for_status()
        session.update(access=reponse.json()["access"], refresh=reponse.json()["refresh"])

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(un, sessions))


def cadence(par_seconde: float, connexions: int, moins_ms: int = 0) -> str:
    """wrk's delay() so that `connexions` connections send `par_seconde` requests in all."""
    return f"\ndelay = function() return {max(1, round(1000 * connexions / par_seconde) - moins_ms)} end\n"


def tableau_de_bord(sessions, duree: int, connexions: int, rythme: int, base: str, rappels=None, par_seconde=0) -> dict:
    """wrk on the dashboard, paced at `rythme` requests/s in all; with `rappels`, a second wrk
    sends them at `par_seconde` meanwhile. `base`: the API directly, or nginx in front of it."""
    requetes = [
        ("GET", f"/api/v1/clients/{s['police']}/dashboard/", {"Authorization": f"Bearer {s['access']}"}, None)
        for s in sessions
    ]

    def mesurer(nom: str) -> dict:
        return wrk_lire(nom, wrk_lancer(requetes, duree, connexions, cadence(rythme, connexions), base=base))

    if not rappels:
        return mesurer("tableau de bord seul")
    # Paced like an attacker's script: each connection waits between two callbacks (the rate
    # falls below `par_seconde` when the answers take more than ~50 ms: the achieved rate is shown).
    emetteur = wrk_lancer(
        rappels, duree + 4, CONNEXIONS_RAPPELS, cadence(par_seconde, CONNEXIONS_RAPPELS, 50), base=base
    )
    time.sleep(2)  # the callbacks' pace settles first
    mesure = mesurer("tableau de bord + rappels forgés")
    mesure["rappels"] = wrk_lire("rappels forgés (404/400/429 attendus)", emetteur)
    return mesure


def etat_des_paiements(references: list[str]) -> dict[str, int]:
    from django.db.models import Count

    from apps.paiements.models import Paiement

    return dict(
        Paiement.objects.filter(reference__in=references).values_list("statut").annotate(n=Count("id")).order_by()
    )


def attendre_reglement(references: list[str], secondes: float) -> None:
    attente = time.perf_counter()
    while etat_des_paiements(references).get("en_attente") and time.perf_counter() - attente < secondes:
        time.sleep(1)
    print(f"  paiements : {etat_des_paiements(references)}", flush=True)


def clients_de(contrats) -> list[dict]:
    return [{"police": p, "telephone": t, "montant": m} for p, t, m in contrats]


def kiosques_preparer(bornes, contrats, paiements: int, connecter_avant: bool = True) -> list:
    """Each borne with its own clients (one pending payment per contrat), signed in beforehand
    (`connecter_avant`) or by the kiosk's flow itself."""
    kiosques = []
    for i, borne in enumerate(bornes):
        clients = clients_de(contrats[i * paiements : (i + 1) * paiements])
        if connecter_avant:
            sessions = connecter([(c["police"], c["telephone"]) for c in clients], borne)
            clients = [{**c, **s} for c, s in zip(clients, sessions, strict=True)]
        kiosques.append((borne, clients))
    return kiosques


def nginx_demarrer() -> subprocess.Popen:
    """nginx in front of the API as docker-compose runs it (scripts/proxy_tls.sh), no address list."""
    nginx = subprocess.Popen(  # noqa: S603
        ["bash", "scripts/proxy_tls.sh", str(DOSSIER_NGINX), str(PORT_NGINX), f"127.0.0.1:{PORT_API}"],  # noqa: S607
        cwd=RACINE,
        env={**os.environ, "OPERATEURS_ADRESSES_AUTORISEES": ""},
    )
    for _ in range(50):
        try:
            if requests.get(f"{BASE_NGINX}/health/", timeout=1, verify=DOSSIER_NGINX / "certificat.pem").ok:
                return nginx
        except (requests.RequestException, OSError):
            pass
        time.sleep(0.2)
    nginx.kill()
    raise SystemExit("nginx ne démarre pas.")


def nginx_version() -> str:
    sortie = subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=False)  # noqa: S607
    return sortie.stderr.strip().rsplit("/", 1)[-1]


def refus_nginx() -> int:
    """Requests nginx has refused so far (limit_req logs each one)."""
    journal = DOSSIER_NGINX / "erreurs.log"
    return journal.read_text(errors="replace").count("limiting requests") if journal.exists() else 0


def cpu_secondes(racines: list[int]) -> float:
    """CPU time (user + system) of these processes and all their descendants, reaped ones included.

    Unlike a latency it does not depend on what else runs on the shared machine."""
    parents, temps = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            champs = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(champs[1])
        temps[pid] = sum(int(champs[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    retenus, pile = set(), list(racines)
    while pile:
        pid = pile.pop()
        if pid in retenus or pid not in temps:
            continue
        retenus.add(pid)
        pile += [enfant for enfant, parent in parents.items() if parent == pid]
    return sum(temps[pid] for pid in retenus) / os.sysconf("SC_CLK_TCK")


def cout_des_rappels(forges, duree: int, par_seconde: int, base: str, composants: dict[str, list[int]]) -> dict:
    """The forged callbacks alone: CPU seconds each part of the product spends per second of flood."""
    avant = {nom: cpu_secondes(pids) for nom, pids in composants.items()}
    enfants = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once reaped
    mesure = wrk_lire(
        "rappels forgés seuls",
        wrk_lancer(forges, duree, CONNEXIONS_RAPPELS, cadence(par_seconde, CONNEXIONS_RAPPELS, 50), base=base),
    )
    secondes = mesure["duree_us"] / 1e6
    mesure["cpu"] = {nom: (cpu_secondes(pids) - avant[nom]) / secondes for nom, pids in composants.items()}
    apres = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The attacker's own CPU: on this machine it competes with the product, in real life it would not.
    mesure["cpu_wrk"] = (apres.ru_utime + apres.ru_stime - enfants.ru_utime - enfants.ru_stime) / secondes
    print(
        "  CPU par seconde de rappels forgés : "
        + ", ".join(f"{nom} {cpu * 1000:.0f} ms" for nom, cpu in mesure["cpu"].items())
        + f" (générateur wrk : {mesure['cpu_wrk'] * 1000:.0f} ms)",
        flush=True,
    )
    return mesure


def serveurs_paiements(args, clients: int) -> tuple[list[subprocess.Popen], dict]:
    """Database, sandbox (request-to-pay after `--delai-mtn` s), gunicorn and the workers."""
    url = preparer_base(clients, args.reutiliser, nom=BASE_PAIEMENTS)
    processus = [demarrer_sandbox(MOMO_SANDBOX_PROCESSING_SECONDS="1")]
    env = env_production(url)
    (RACINE / ".run").mkdir(exist_ok=True)
    processus.append(demarrer_api(env, journal=RACINE / ".run" / "bench-api.log"))
    processus += demarrer_travailleurs(env, args.travailleurs, args.concurrence)
    return processus, env


def paiements(args) -> None:
    processus, _ = serveurs_paiements(args, args.clients)
    try:
        essais = []
        for essai in range(1, args.essais + 1):
            etape(f"Essai {essai} : {args.kiosques} bornes, {args.paiements} clients chacune")
            requests.post(f"{SANDBOX}/_sandbox/faults", json={}, timeout=5).raise_for_status()
            serie = f"{int(time.time()) % 100000:05d}"  # new bornes each time: their hourly limits start at 0
            par_mode = args.kiosques * args.paiements
            contrats = contrats_payables(3 * par_mode + SEULE)
            modes = {}
            for i, (nom, prefixe) in enumerate((("bornes", "BB"), ("synchronisées", "BS"), ("à la suite", "BA"))):
                bornes = [borne_de_bench(f"{prefixe}{serie}-{k:02d}") for k in range(args.kiosques)]
                modes[nom] = (bornes, contrats[i * par_mode : (i + 1) * par_mode])
            borne_seule = borne_de_bench(f"BL{serie}-seule")
            seule = kiosques_preparer([borne_seule], contrats[-SEULE:], SEULE)
            requests.post(
                f"{SANDBOX}/_sandbox/faults", json={"requesttopay": "slow", "hang_seconds": args.delai_mtn}, timeout=5
            ).raise_for_status()
            chauffer(seule[0][1])
            mesure = {}
            print("  une borne seule (le coût d'une requête, sans concurrence) :", flush=True)
            mesure["seule"] = initiation(seule, attendre_mtn=args.travailleurs > 0)
            for nom, parcours, etalement in (
                ("bornes", True, args.etalement),
                ("synchronisées", True, 0.0),
                ("à la suite", False, 0.0),
            ):
                # Signed in right before (tokens live JWT_ACCESS_MINUTES) or by the kiosk's flow itself.
                kiosques = kiosques_preparer(*modes[nom], args.paiements, connecter_avant=not parcours)
                charge = os.getloadavg()[0]
                print(f"  {args.kiosques} bornes, {nom} (charge de la machine avant : {charge:.1f}) :", flush=True)
                mesure[nom] = initiation(
                    kiosques, attendre_mtn=args.travailleurs > 0, parcours=parcours, etalement=etalement
                )
                mesure[nom]["charge"] = charge
                if args.travailleurs:
                    attendre_reglement(mesure[nom]["references"], 120)
            essais.append(mesure)
        p95 = [e["bornes"]["p95"] for e in essais]
        print(f"  bornes : p95 médian {statistics.median(p95):.1f} ms (objectif < 150) ; essais : {p95}", flush=True)
        if not args.sans_docs:
            ecrire_docs_paiements(args, essais)
    finally:
        arreter(processus)


def rappels(args) -> None:
    chemins = args.chemins.split(",")
    processus, _ = serveurs_paiements(args, args.clients)
    try:
        composants = {
            "gunicorn": [processus[1].pid],
            "PostgreSQL": [int((RACINE / ".pgdata" / "postmaster.pid").read_text().split()[0])]
            if (RACINE / ".pgdata" / "postmaster.pid").exists()
            else [],
            "travailleur": [p.pid for p in processus[2:]],
            "nginx": [],
        }
        bases = {"direct": BASE}
        if "nginx" in chemins:
            nginx = nginx_demarrer()
            processus.append(nginx)
            composants["nginx"] = [nginx.pid]
            bases["nginx"] = BASE_NGINX
        serie = f"{int(time.time()) % 100000:05d}"
        borne = borne_de_bench(f"BN{serie}")
        sessions = kiosques_preparer([borne], contrats_payables(SEULE + args.kiosques), SEULE + args.kiosques)[0][1]
        print(f"  {SEULE} paiements d'une borne seule : les vraies références des rappels mensongers", flush=True)
        reelles = initiation([(borne, sessions[:SEULE])], attendre_mtn=args.travailleurs > 0)["references"]
        attendre_reglement(reelles, 60)
        sessions = sessions[SEULE:]
        chauffer(sessions)
        forges = rappels_forges(reelles)
        essais = []
        for essai in range(1, args.essais + 1):
            # Each path, and "alone" vs "with callbacks", goes first in turn: the machine's drift
            # weighs on both sides of every ratio.
            ordre = chemins if essai % 2 else list(reversed(chemins))
            resultat = {}
            for nom in ordre:
                base = bases[nom]
                etape(
                    f"Essai {essai}, {nom} : {args.rappels} rappels forgés/s seuls, {args.duree} s : leur coût en CPU"
                )
                refus = refus_nginx()
                cout = cout_des_rappels(forges, args.duree, args.rappels, base, composants)
                cout["refuses"] = refus_nginx() - refus
                charge = os.getloadavg()[0]
                etape(f"Essai {essai}, {nom} : tableau de bord à {args.rythme_tableau}/s, seul et avec les rappels")
                renouveler(sessions, borne)
                mesures = {}
                for avec in (False, True) if essai % 2 else (True, False):
                    refus = refus_nginx()
                    mesures[avec] = tableau_de_bord(
                        sessions,
                        args.duree,
                        args.kiosques,
                        args.rythme_tableau,
                        base,
                        forges if avec else None,
                        args.rappels,
                    )
                    if avec:
                        mesures[avec]["rappels"]["refuses"] = refus_nginx() - refus
                seul, avec = mesures[False], mesures[True]
                # A dashboard answered in error (an expired token, a throttle) is not a dashboard served.
                valide = not (seul["erreurs"] or avec["erreurs"])
                ratio = avec["p95"] / seul["p95"]
                print(
                    f"  {nom} : p95 avec rappels / p95 seul = {ratio:.2f} (objectif < 1,2) ; refusés par nginx : "
                    f"{avec['rappels']['refuses']}"
                    + ("" if valide else " — INVALIDE : le tableau de bord a eu des erreurs"),
                    flush=True,
                )
                resultat[nom] = {
                    "cout": cout,
                    "seul": seul,
                    "avec_rappels": avec,
                    "ratio": ratio,
                    "valide": valide,
                    "charge": charge,
                    "charge_apres": os.getloadavg()[0],
                }
            essais.append(resultat)
        for nom in chemins:
            ratios = ratios_valides(essais, nom)
            if ratios:
                print(
                    f"  {nom} : ratio de p95 médian {statistics.median(ratios):.2f} sur {len(ratios)} essais valides "
                    f"(objectif < 1,2) ; essais : {', '.join(f'{r:.2f}' for r in ratios)}",
                    flush=True,
                )
        if not args.sans_docs:
            ecrire_docs_rappels(args, chemins, essais)
    finally:
        arreter(processus)


def ratios_valides(essais: list[dict], chemin: str) -> list[float]:
    """The p95 ratios of a path's trials whose dashboards all succeeded."""
    return [e[chemin]["ratio"] for e in essais if e[chemin]["valide"]]


def ecrire_docs_paiements(args, essais: list[dict]) -> None:
    lignes = [
        TITRE_PAIEMENTS,
        "",
        f"Produit par `scripts/benchmark.py paiements` le {date.today():%d/%m/%Y} (méthode : son en-tête et "
        "« Quel modèle de charge » plus haut). "
        f"Machine : {machine()}. Données : la démo plus {args.clients} clients générés. Bac à sable MoMo : "
        f"request-to-pay répond après {args.delai_mtn:g} s ; {args.travailleurs} travailleur(s) "
        f"`manage.py travailleur --concurrency {args.concurrence}`. {args.kiosques} bornes, {args.paiements} "
        f"clients chacune. « bornes » (l'objectif) : le parcours de paiement de la borne (connexion du client, "
        f"paiement, lecture du statut toutes les 2 s jusqu'au statut final, client suivant), départs étalés sur "
        f"0 à {args.etalement:g} s ; « synchronisées » : le même parcours, toutes parties ensemble ; « à la "
        "suite » : paiements enchaînés sans attente (boucle fermée, capacité) ; « 1 seule » : une borne, "
        f"{SEULE} paiements à la suite. Latences : la requête de paiement. « charge » : charge moyenne de la "
        "machine (1 min) avant la mesure.",
        "",
        "| essai | façon | paiements | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | erreurs | "
        "tous chez MTN après | charge |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, e in enumerate(essais, 1):
        for nom in ("seule", "bornes", "synchronisées", "à la suite"):
            n = e[nom]
            lignes.append(
                f"| {i} | {'1 seule' if nom == 'seule' else nom} | {n['requetes']} | {n['rps']:.1f} | {n['p50']:.1f} | "
                f"{n['p95']:.1f} | {n['p99']:.1f} | {n['max']:.1f} | {n['erreurs']} | "
                f"{n['vidage']:.1f} s ({n['arrives']}/{len(n['references'])}) | "
                + (f"{n['charge']:.1f} |" if "charge" in n else "|")
            )
    p95 = [e["bornes"]["p95"] for e in essais]
    lignes += [
        "",
        f"**Objectif (p95 < 150 ms, « bornes ») : p95 médian {statistics.median(p95):.1f} ms sur "
        f"{len(p95)} essai(s).**",
    ]
    section_ecrire("\n".join(lignes) + "\n")


def ecrire_docs_rappels(args, chemins: list[str], essais: list[dict]) -> None:
    lignes = [
        TITRE_RAPPELS,
        "",
        f"Produit par `scripts/benchmark.py rappels` le {date.today():%d/%m/%Y} (méthode : son en-tête). "
        f"Machine : {machine()} ; nginx {nginx_version() if 'nginx' in chemins else '—'} (`scripts/proxy_tls.sh`). "
        f"Données : la démo plus {args.clients} clients générés. Tableau de bord (`GET /api/v1/clients/{{police}}/"
        f"dashboard/`, wrk, {args.kiosques} connexions, cadencé à {args.rythme_tableau} requêtes/s, {args.duree} "
        f"s), seul puis pendant {args.rappels} rappels MTN forgés par seconde ({CONNEXIONS_RAPPELS} connexions, "
        "d'une même adresse). « nginx » : tout passe par nginx ; « direct » : tout va à gunicorn. L'ordre des "
        "chemins et celui de « seul » / « avec rappels » alternent d'un essai à l'autre. Objectif : p95 × < 1,2.",
        "",
        "| essai | chemin | seul : req/s | seul : p95 (ms) | avec rappels : req/s | avec rappels : p95 (ms) | "
        "ratio p95 | rappels envoyés (par s) | refusés par nginx (429) | charge |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, essai in enumerate(essais, 1):
        for nom in chemins:
            m = essai[nom]
            seul, avec = m["seul"], m["avec_rappels"]
            r = avec["rappels"]
            lignes.append(
                f"| {i} | {nom} | {seul['rps']:.0f} | {seul['p95'] / 1000:.1f} | {avec['rps']:.0f} | "
                f"{avec['p95'] / 1000:.1f} | {m['ratio']:.2f}{'' if m['valide'] else ' (invalide : erreurs)'} | "
                f"{r['requetes']} ({r['rps']:.0f}) | {r['refuses'] if nom == 'nginx' else '—'} | "
                f"{m['charge']:.1f} → {m['charge_apres']:.1f} |"
            )
    lignes.append("")
    for nom in chemins:
        ratios = ratios_valides(essais, nom)
        if ratios:
            lignes.append(
                f"- **{nom} : ratio de p95 médian {statistics.median(ratios):.2f}** ({len(ratios)} essais valides)."
            )
    lignes += [
        "",
        f"Coût des rappels forgés seuls ({args.rappels} par seconde demandés, {args.duree} s) : temps CPU "
        "(utilisateur + système) de chaque partie du produit par seconde d'attaque, lu dans /proc.",
        "",
        "| essai | chemin | rappels/s atteints | refusés par nginx | gunicorn (ms CPU/s) | PostgreSQL | "
        "travailleur | nginx | total (ms CPU/s) | générateur wrk (ms CPU/s) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, essai in enumerate(essais, 1):
        for nom in chemins:
            cout = essai[nom]["cout"]
            cpu = cout["cpu"]
            lignes.append(
                f"| {i} | {nom} | {cout['rps']:.0f} | {cout['refuses'] if nom == 'nginx' else '—'} | "
                f"{cpu['gunicorn'] * 1000:.0f} | {cpu['PostgreSQL'] * 1000:.0f} | {cpu['travailleur'] * 1000:.0f} | "
                f"{cpu['nginx'] * 1000:.0f} | {sum(cpu.values()) * 1000:.0f} | {cout['cpu_wrk'] * 1000:.0f} |"
            )
    section_ecrire("\n".join(lignes) + "\n")


def initiation_lectures(connexions: int, nombre: int) -> dict:
    """The read benchmark's payment row: `connexions` kiosks paying back to back, one payment
    per payable contrat (a second one on a contrat would be refused 409 paiement_en_cours)."""
    contrats = contrats_payables(nombre, exiger=False)
    bornes = [borne_de_bench() for _ in range(connexions)]
    par_borne = math.ceil(len(contrats) / connexions)
    mesure = initiation(kiosques_preparer(bornes, contrats, par_borne), attendre_mtn=False)
    print(f"  (sur {mesure['requetes']} contrats payables, {connexions} bornes)", flush=True)
    # wrk's units (µs), as the other rows.
    return {**mesure, **{q: mesure[q] * 1000 for q in ("p50", "p95", "p99")}}


def lectures(args) -> None:
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
        etape(f"Initiation de paiement : {args.connexions} bornes, un paiement par contrat payable")
        mesures["initiation de paiement (bac à sable)"] = initiation_lectures(args.connexions, args.echantillon)
        from apps.mtn_integration.models import TransactionMomo

        references = list(TransactionMomo.objects.order_by("-id").values_list("paiement__reference", flat=True)[:500])
        if references:
            mesures["callback MTN"] = wrk("callback MTN", scenario_callbacks(references), args.duree, args.connexions)
        # The session tokens live JWT_ACCESS_MINUTES: sign in again right before the mix.
        sessions = connecter([(s["police"], s["telephone"]) for s in sessions], borne)
        melange = f"parcours de la borne : 50 sessions, {args.duree_melange} s"
        mesures[melange] = wrk(melange, scenario_melange(sessions), args.duree_melange, 50)
        # The same visits through nginx (HTTPS), as the kiosks reach the API in production: nginx
        # spreads their requests over its own connections to gunicorn (docs/benchmarks.md,
        # « Le p95 du parcours »), where wrk's 50 connections each stay with one gunicorn process.
        melange_nginx = f"{melange}, derrière nginx (HTTPS)"
        nginx = nginx_demarrer()
        try:
            mesures[melange_nginx] = wrk(
                melange_nginx, scenario_melange(sessions), args.duree_melange, 50, base=BASE_NGINX
            )
        finally:
            arreter([nginx])
        plancher = mesures["/health/ (plancher)"]["rps"]
        for nom in ("tableau de bord", "détail d'un contrat"):
            print(f"  {nom} / plancher = {mesures[nom]['rps'] / plancher:.2f} (objectif ≥ 0.5)")
        for nom in (melange, melange_nginx):
            print(
                f"  {nom} : p95 {mesures[nom]['p95'] / 1000:.0f} ms (objectif < 200), "
                f"p99 {mesures[nom]['p99'] / 1000:.0f} ms (< 500), erreurs {mesures[nom]['erreurs']} (0)"
            )
        etape("EXPLAIN (ANALYZE, BUFFERS)")
        explications = expliquer(sessions[0]["police"])
        duree = None if args.sans_reconciliation else (etape("Réconciliation") or reconciliation(10_000))
        js = taille_borne()
        if js:
            print(f"  JavaScript de la borne : {js / 1024:.1f} Ko gzip (objectif ≤ 200)")
        if not args.sans_docs:
            ecrire_docs(args.clients, mesures, explications, duree, js)
    finally:
        arreter(serveurs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parties = parser.add_subparsers(dest="partie", required=True)
    lire = parties.add_parser("lectures", help="chemin de lecture de la borne (wrk), SQL, réconciliation")
    lire.add_argument("--clients", type=int, default=100_000)
    lire.add_argument("--duree", type=int, default=10, help="secondes de charge par endpoint")
    lire.add_argument("--connexions", type=int, default=16)
    lire.add_argument("--echantillon", type=int, default=200, help="clients connectés pour la charge")
    lire.add_argument("--duree-melange", type=int, default=60, help="secondes du mélange à 50 sessions")
    lire.add_argument("--reutiliser", action="store_true", help="garder la base nsia_pass_bench existante")
    lire.add_argument(
        "--base", help="URL d'une base existante à mesurer (migrée, ni démo ni génération ; --clients dit sa taille)"
    )
    lire.add_argument("--sans-reconciliation", action="store_true")
    payer = parties.add_parser("paiements", help="initiation de paiement sous un MTN lent, 50 bornes")
    forger = parties.add_parser("rappels", help="rappels forgés contre le tableau de bord, en direct et via nginx")
    for partie in (payer, forger):
        partie.add_argument("--clients", type=int, default=40000, help="clients générés en plus de la démo")
        partie.add_argument("--kiosques", type=int, default=50, help="bornes (et connexions du tableau de bord)")
        partie.add_argument("--delai-mtn", type=float, default=1.0, help="secondes avant la réponse au request-to-pay")
        partie.add_argument("--travailleurs", type=int, default=1, help="0 : initiation seule, sans envoi à MTN")
        partie.add_argument("--concurrence", type=int, default=8, help="travaux en parallèle par travailleur")
        partie.add_argument("--reutiliser", action="store_true", help=f"garder la base {BASE_PAIEMENTS} existante")
    payer.add_argument("--paiements", type=int, default=10, help="clients (un paiement chacun) par borne")
    payer.add_argument("--etalement", type=float, default=5.0, help="secondes sur lesquelles les bornes démarrent")
    payer.add_argument("--essais", type=int, default=1)
    forger.add_argument("--essais", type=int, default=5, help="essais alternés (médiane des ratios)")
    forger.add_argument("--duree", type=int, default=15, help="secondes de chaque mesure")
    forger.add_argument("--rappels", type=int, default=100, help="rappels forgés par seconde")
    forger.add_argument("--rythme-tableau", type=int, default=50, help="tableaux de bord par seconde, cadencés")
    forger.add_argument("--chemins", default="direct,nginx", help="direct (gunicorn), nginx (scripts/proxy_tls.sh)")
    for partie in (lire, payer, forger):
        partie.add_argument("--sans-docs", action="store_true", help="ne pas écrire docs/benchmarks.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk est requis : apt-get install -y wrk")
    {"lectures": lectures, "paiements": paiements, "rappels": rappels}[args.partie](args)


if __name__ == "__main__":
    os.chdir(RACINE)
    main()
