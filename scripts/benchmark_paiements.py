"""Benchmark of the payment path: kiosks paying while MTN is slow, forged callbacks vs the dashboard.

    nice -n 10 .venv/bin/python scripts/benchmark_paiements.py
    BENCH_PORT=8013 BENCH_MOMO_PORT=8093 nice -n 10 .venv/bin/python scripts/benchmark_paiements.py --reutiliser

Set-up, shared with scripts/benchmark.py (same helpers): a fresh database
`nsia_pass_bench_paiements` with the demo data plus `--clients` generated clients (each
simulated kiosk needs its own signed-in clients: one pending payment per contrat); the MoMo
sandbox, whose request-to-pay answers only after `--delai-mtn` seconds (fault "slow" of its
control API); the API under gunicorn with production settings; `--travailleurs` real workers
(`manage.py travailleur --concurrency 8`, as scripts/run.sh starts it).

The abuse limits keep their production values: each kiosk is its own borne and each payment
is made by a different client (own session, own MTN number), as at real kiosks. Only the
anonymous throttle is raised: every request of the load comes from 127.0.0.1.

1. Payment initiation: `--kiosques` threads (one HTTP connection each, all started together),
   each signing in its clients at its own borne, then sending one POST per client, back to
   back, as the kiosk does (borne headers, Bearer token, a new Idempotency-Key, the échéance
   amount). p50/p95/p99, errors, and how long until every payment reached the sandbox. Twice:
   back to back (saturation), then at a kiosk's pace (each payment followed as the waiting
   screen follows it, its status read every 2 s until the operator settles it, before the next
   client pays), with other bornes and clients. With `--decalage N`, a third time at a kiosk's
   pace with kiosks not in step: 0 to N s (random) before each client, as independent arrivals.
2. Dashboard: wrk, `--kiosques` connections, `--duree` seconds, alone; then again while a
   second wrk (100 connections, each pausing ~1 s between two callbacks) makes `--rappels`
   forged MTN callbacks per second (unknown references, unreadable bodies, real references
   with a lying status). Ratio of the two p95. wrk, not Python, sends the load: the client's
   own CPU is the machine's too.

Before the 50 kiosks, one lone kiosk pays 20 times: one request's latency without concurrency.
Prints the figures and the machine's load average, and writes the section « Paiements » of
docs/benchmarks.md.

`--rappels-nginx`: part 2 only, through nginx too (scripts/proxy_tls.sh: the template
docker-compose ships, its per-address limit on the operators' callbacks, TLS) and directly
against gunicorn, both in each trial, alone then with the forged callbacks (their real
references: 20 payments of a lone kiosk, settled first). Counts the callbacks nginx refused
(429, its error log). Writes its own section of docs/benchmarks.md.
    BENCH_PORT=8013 BENCH_MOMO_PORT=8093 BENCH_NGINX_PORT=8443 nice -n 10 \
      .venv/bin/python scripts/benchmark_paiements.py --rappels-nginx --essais 3
"""

import argparse
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import benchmark
import requests
from benchmark import BASE, PORT_MOMO, RACINE, etape

BASE_DE_DONNEES = "nsia_pass_bench_paiements"
SANDBOX = f"http://127.0.0.1:{PORT_MOMO}"
CONNEXIONS_RAPPELS = 100
SEULE = 20  # payments of the lone kiosk measured first: the floor of one request's latency
TITRE = "## Paiements : initiation sous un MTN lent, rappels forgés"
TITRE_NGINX = "## Rappels forgés : tableau de bord derrière nginx (limite par adresse) et sans"
PORT_NGINX = int(os.environ.get("BENCH_NGINX_PORT", "8453"))
BASE_NGINX = f"https://127.0.0.1:{PORT_NGINX}"
DOSSIER_NGINX = RACINE / ".run" / "bench-nginx"


def percentile(valeurs: list[float], q: float) -> float:
    rangees = sorted(valeurs)
    return rangees[max(0, math.ceil(q / 100 * len(rangees)) - 1)] if rangees else float("nan")


def contrats_payables(nombre: int) -> list[tuple[str, str, int]]:
    """(police, telephone, montant) of active contrats of distinct MTN clients, none pending."""
    from django.db.models import Exists, OuterRef

    from apps.paiements.models import Paiement
    from apps.souscriptions.models import Contrat
    from apps.souscriptions.selectors import montant_echeance

    en_attente = Paiement.objects.filter(souscription_id=OuterRef("souscription_id"), statut="en_attente")
    choisis, clients = [], set()
    for contrat in (
        Contrat.objects.filter(etat="actif", client_telephone__startswith="+24206")
        .exclude(Exists(en_attente))
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
    raise SystemExit(f"{len(choisis)} contrats payables seulement : augmenter --clients.")


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


def initiation(
    kiosques: list[tuple[tuple[str, str], list[dict]]],
    attendre_mtn: bool = True,
    suivre: bool = False,
    decalage: float = 0.0,
) -> dict:
    """Every kiosk sends its payments, all kiosks at once; then waits for MTN.

    `suivre=False`: back to back (saturation). `suivre=True`: at a kiosk's pace, each payment
    followed as the kiosk follows it (its status read every 2 s until the operator settles it)
    before the next client pays. `decalage`: up to that many seconds (random, the same from one
    run to the next) before each kiosk's first client and between two clients, so that the
    kiosks do not pay in waves at the same instant.
    """
    depart = threading.Barrier(len(kiosques) + 1)
    mesures: list[tuple[float, int, str | None]] = []
    verrou = threading.Lock()

    def kiosque(borne, sessions):
        http = requests.Session()
        en_tetes_borne = {"X-Borne-Id": borne[0], "X-Borne-Key": borne[1]}
        hasard = random.Random(borne[0])  # noqa: S311 (a benchmark's pacing, not a secret)
        depart.wait()
        for session in sessions:
            time.sleep(hasard.uniform(0, decalage))
            debut = time.perf_counter()
            try:
                reponse = http.post(
                    f"{BASE}/api/v1/contrats/{session['police']}/paiements/",
                    json={"montant": session["montant"]},
                    headers={
                        **en_tetes_borne,
                        "Authorization": f"Bearer {session['access']}",
                        "Idempotency-Key": str(uuid.uuid4()),
                    },
                    timeout=30,
                )
                code, reference = reponse.status_code, (reponse.json() or {}).get("reference")
            except (requests.RequestException, ValueError):
                code, reference = 0, None
            with verrou:
                mesures.append((time.perf_counter() - debut, code, reference))
            if suivre and code == 202:
                paiement_suivre(http, session, en_tetes_borne, reference)

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
    latences = [d * 1000 for d, _, _ in mesures]
    codes: dict[int, int] = {}
    for _, code, _ in mesures:
        codes[code] = codes.get(code, 0) + 1
    resultat = {
        "requetes": len(mesures),
        "duree": duree_envoi,
        "rps": len(mesures) / duree_envoi,
        "p50": percentile(latences, 50),
        "p95": percentile(latences, 95),
        "p99": percentile(latences, 99),
        "max": max(latences),
        "erreurs": len(mesures) - codes.get(202, 0),
        "codes": codes,
        "vidage": vidage,
        "arrives": len(references & references_chez_mtn()),
        "references": sorted(references),
    }
    print(
        f"  initiation : {resultat['requetes']} paiements en {duree_envoi:.1f} s ({resultat['rps']:.0f} req/s)  "
        f"p50 {resultat['p50']:.1f} ms  p95 {resultat['p95']:.1f} ms  p99 {resultat['p99']:.1f} ms  "
        f"max {resultat['max']:.1f} ms  erreurs {resultat['erreurs']} {codes}",
        flush=True,
    )
    print(
        f"  tous chez MTN (bac à sable) {vidage:.1f} s après le premier envoi "
        f"({resultat['arrives']}/{len(references)})",
        flush=True,
    )
    return resultat


def paiement_suivre(http: requests.Session, session: dict, en_tetes_borne: dict, reference: str) -> None:
    """What the kiosk's waiting screen does: read the payment every 2 s until it is settled."""
    fin = time.perf_counter() + 90
    while time.perf_counter() < fin:
        time.sleep(2)
        try:
            reponse = http.get(
                f"{BASE}/api/v1/paiements/{reference}/",
                headers={**en_tetes_borne, "Authorization": f"Bearer {session['access']}"},
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
        else:  # a real paiement of the first part, already final: MTN "says" it failed
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


def tableau_de_bord(
    sessions,
    duree: int,
    connexions: int,
    rappels: list | None = None,
    par_seconde: int = 0,
    base: str = BASE,
    rythme: int = 0,
) -> dict:
    """wrk on the dashboard; with `rappels`, a second wrk sends them at `par_seconde` meanwhile.
    `base`: the API directly, or nginx in front of it. `rythme`: dashboards per second, paced
    (0: as fast as the API answers, i.e. saturated, where p95 is mostly queueing and swings with
    any other work on the machine)."""
    requetes = [
        ("GET", f"/api/v1/clients/{s['police']}/dashboard/", {"Authorization": f"Bearer {s['access']}"}, None)
        for s in sessions
    ]
    cadence = f"\ndelay = function() return {round(1000 * connexions / rythme)} end\n" if rythme else ""

    def mesurer(nom: str) -> dict:
        return benchmark.wrk_lire(nom, benchmark.wrk_lancer(requetes, duree, connexions, cadence, base=base))

    if not rappels:
        return mesurer("tableau de bord seul")
    # Paced like an attacker's script: each connection waits between two callbacks (the rate
    # falls below `par_seconde` when the answers take more than ~50 ms: the achieved rate is shown).
    pause_ms = max(1, round(1000 * CONNEXIONS_RAPPELS / par_seconde) - 50)
    emetteur = benchmark.wrk_lancer(
        rappels, duree + 4, CONNEXIONS_RAPPELS, f"\ndelay = function() return {pause_ms} end\n", base=base
    )
    time.sleep(2)  # the callbacks' pace settles first
    mesure = mesurer("tableau de bord + rappels forgés")
    mesure["rappels"] = benchmark.wrk_lire("rappels forgés (404/400/429 attendus)", emetteur)
    print(f"  rappels forgés : {mesure['rappels']['rps']:.0f} par seconde", flush=True)
    return mesure


def etat_des_paiements(references: list[str]) -> dict[str, int]:
    from django.db.models import Count

    from apps.paiements.models import Paiement

    return dict(
        Paiement.objects.filter(reference__in=references).values_list("statut").annotate(n=Count("id")).order_by()
    )


def kiosques_preparer(bornes, contrats, paiements: int) -> list[tuple[tuple[str, str], list[dict]]]:
    """Each borne with its own signed-in clients (one pending payment per contrat)."""
    kiosques = []
    for i, borne in enumerate(bornes):
        les_siens = contrats[i * paiements : (i + 1) * paiements]
        sessions = benchmark.connecter([(p, t) for p, t, _ in les_siens], borne)
        for session, (_, _, montant) in zip(sessions, les_siens, strict=True):
            session["montant"] = montant
        kiosques.append((borne, sessions))
    return kiosques


def ecrire_docs(args, essais: list[dict]) -> None:
    lignes = [
        TITRE,
        "",
        f"Produit par `scripts/benchmark_paiements.py` le {date.today():%d/%m/%Y} (voir son en-tête). "
        f"Machine : {benchmark.machine()} ; **2 cœurs partagés** avec d'autres travaux pendant la mesure, "
        "banc lancé avec `nice -n 10`. Données : la démo plus "
        f"{args.clients} clients générés (chaque borne simulée a ses propres clients connectés : un seul "
        "paiement en attente par contrat). Limites d'abus aux valeurs de production (une borne par kiosque, "
        "un client et un numéro MTN par paiement) ; seul `THROTTLE_ANONYME` est relevé (toute la charge vient "
        f"de 127.0.0.1). Bac à sable MoMo : request-to-pay répond après {args.delai_mtn:g} s (panne `slow`) ; "
        f"{args.travailleurs} travailleur(s) `manage.py travailleur --concurrency {args.concurrence}`.",
        "",
        f"1. Initiation : {args.kiosques} bornes simultanées (une connexion chacune, parties ensemble), "
        f"{args.paiements} paiements chacune (`POST /api/v1/contrats/{{police}}/paiements/`, "
        "en-têtes de borne, jeton, `Idempotency-Key`). Objectif : p95 < 150 ms. Deux façons : « à la suite » "
        "(chaque borne envoie le paiement suivant dès la réponse : saturation) et « au rythme d'une borne » "
        "(chaque paiement suivi comme l'écran d'attente le suit, son statut lu toutes les 2 s jusqu'à la "
        "réponse de l'opérateur, avant que le client suivant paie ; sans temps de lecture ni de saisie, donc "
        "plus dense qu'en agence).",
        "",
        f"Avant chaque essai, une borne seule fait {SEULE} paiements à la suite : le coût d'une requête sans "
        "concurrence. « charge » : charge moyenne de la machine (1 min) juste avant la mesure.",
        "",
        "| essai | bornes | paiements | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | erreurs | "
        "tous chez MTN après | charge |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, e in enumerate(essais, 1):
        m = e["initiation"]
        for bornes, n in (
            ("1 seule", m["seule"]),
            (f"{args.kiosques} à la suite", m),
            (f"{args.kiosques} au rythme d'une borne", m.get("au_rythme")),
            (f"{args.kiosques} au rythme d'une borne, décalées (≤ {args.decalage:g} s)", m.get("au_rythme_decale")),
        ):
            if n is None:
                continue
            lignes.append(
                f"| {i} | {bornes} | {n['requetes']} | {n['rps']:.0f} | {n['p50']:.1f} | {n['p95']:.1f} | "
                f"{n['p99']:.1f} | {n['max']:.1f} | {n['erreurs']} | "
                f"{n['vidage']:.1f} s ({n['arrives']}/{len(n['references'])}) | "
                + (f"{n['charge']:.1f} |" if "charge" in n else "|")
            )
    lignes += [
        "",
        f"2. Tableau de bord (`GET /api/v1/clients/{{police}}/dashboard/`, wrk, {args.kiosques} connexions, "
        f"{args.duree} s), seul puis pendant {args.rappels} rappels MTN forgés par seconde (références "
        "inconnues, corps illisibles, vraies références au statut mensonger). Objectif : p95 × < 1,2.",
        "",
        "| essai | seul : req/s | seul : p95 (ms) | avec rappels : req/s | avec rappels : p95 (ms) | ratio p95 | "
        "rappels envoyés (par s) | p95 d'un rappel (ms) | charge |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, e in enumerate(essais, 1):
        seul, charge = e["seul"], e["avec_rappels"]
        r = charge["rappels"]
        lignes.append(
            f"| {i} | {seul['rps']:.0f} | {seul['p95'] / 1000:.1f} | {charge['rps']:.0f} | "
            f"{charge['p95'] / 1000:.1f} | {charge['p95'] / seul['p95']:.2f} | {r['requetes']} "
            f"({r['rps']:.0f}) | {r['p95'] / 1000:.1f} | {seul['charge']:.1f} |"
        )
    lignes += ["", "Analyse et objectifs : section « Objectifs et analyse » en tête de ce document."]
    benchmark.section_ecrire("\n".join(lignes) + "\n")


def nginx_demarrer() -> subprocess.Popen:
    """nginx in front of the API as docker-compose runs it (scripts/proxy_tls.sh), no address list."""
    nginx = subprocess.Popen(  # noqa: S603
        ["bash", "scripts/proxy_tls.sh", str(DOSSIER_NGINX), str(PORT_NGINX), f"127.0.0.1:{benchmark.PORT_API}"],  # noqa: S607
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
    pause_ms = max(1, round(1000 * CONNEXIONS_RAPPELS / par_seconde) - 50)
    mesure = benchmark.wrk_lire(
        "rappels forgés seuls",
        benchmark.wrk_lancer(
            forges, duree, CONNEXIONS_RAPPELS, f"\ndelay = function() return {pause_ms} end\n", base=base
        ),
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


def rappels_nginx(args, composants: dict[str, list[int]]) -> list[dict]:
    """Part 2 only, through nginx and directly: the flood's CPU cost, then the dashboard alone
    and with the forged callbacks. `composants`: the processes whose CPU time is counted."""
    serie = f"{int(time.time()) % 100000:05d}"
    borne = benchmark.borne_de_bench(f"BN{serie}")
    contrats = contrats_payables(SEULE + args.kiosques)
    sessions = kiosques_preparer([borne], contrats, len(contrats))[0][1]
    print("  20 paiements d'une borne seule : les vraies références des rappels mensongers", flush=True)
    reelles = initiation([(borne, sessions[:SEULE])], attendre_mtn=args.travailleurs > 0)["references"]
    attente = time.perf_counter()
    while etat_des_paiements(reelles).get("en_attente") and time.perf_counter() - attente < 60:
        time.sleep(1)
    print(f"  paiements : {etat_des_paiements(reelles)}", flush=True)
    sessions = sessions[SEULE:]
    chauffer(sessions)
    forges = rappels_forges(reelles)
    essais = []
    for essai in range(1, args.essais + 1):
        chemins = [("nginx", BASE_NGINX), ("direct", BASE)]
        if essai % 2 == 0:  # each path goes first in turn: the machine's drift weighs on both
            chemins.reverse()
        resultat = {}
        for nom, base in chemins:
            etape(f"Essai {essai}, {nom} : {args.rappels} rappels forgés/s seuls, {args.duree} s : leur coût en CPU")
            refus = refus_nginx()
            cout = cout_des_rappels(forges, args.duree, args.rappels, base, composants)
            cout["refuses"] = refus_nginx() - refus
            charge = os.getloadavg()[0]
            etape(f"Essai {essai}, {nom} : tableau de bord seul, puis avec {args.rappels} rappels forgés/s")
            print(f"  charge de la machine avant : {charge:.1f}", flush=True)
            renouveler(sessions, borne)
            seul = tableau_de_bord(sessions, args.duree, args.kiosques, base=base, rythme=args.rythme_tableau)
            refus = refus_nginx()
            avec = tableau_de_bord(
                sessions, args.duree, args.kiosques, forges, args.rappels, base=base, rythme=args.rythme_tableau
            )
            avec["rappels"]["refuses"] = refus_nginx() - refus
            # A dashboard answered in error (an expired token, a throttle) is not a dashboard served.
            invalide = " — INVALIDE : le tableau de bord a eu des erreurs" if seul["erreurs"] or avec["erreurs"] else ""
            print(
                f"  {nom} : p95 avec rappels / p95 seul = {avec['p95'] / seul['p95']:.2f} (objectif < 1,2) ; "
                f"refusés par nginx : {avec['rappels']['refuses']}{invalide}",
                flush=True,
            )
            resultat[nom] = {
                "cout": cout,
                "seul": seul,
                "avec_rappels": avec,
                "charge": charge,
                "charge_apres": os.getloadavg()[0],
            }
        essais.append(resultat)
    return essais


def ecrire_docs_nginx(args, essais: list[dict]) -> None:
    lignes = [
        TITRE_NGINX,
        "",
        f"Produit par `scripts/benchmark_paiements.py --rappels-nginx` le {date.today():%d/%m/%Y} (voir son "
        f"en-tête). Machine : {benchmark.machine()} ; nginx {nginx_version()} (`scripts/proxy_tls.sh` : le "
        "modèle de docker-compose, TLS, 1 processus) ; **2 cœurs partagés** avec d'autres travaux pendant la "
        f"mesure (banc sous `nice -n 10`). Données : la démo plus {args.clients} clients générés. Tableau de "
        f"bord (`GET /api/v1/clients/{{police}}/dashboard/`, wrk, {args.kiosques} connexions, {args.duree} s, "
        f"{f'cadencé à {args.rythme_tableau} par seconde' if args.rythme_tableau else 'aussi vite que possible'}), "
        f"seul puis pendant {args.rappels} rappels MTN forgés par seconde (100 connexions, références inconnues, "
        "corps illisibles, vraies références au statut mensonger), d'une même adresse : « nginx » = tout passe "
        "par nginx (HTTPS, limite de 10 rappels/s par adresse, rafales de 50), « direct » = tout va à gunicorn "
        "(comme la section précédente). Dans chaque essai, les deux chemins se suivent (l'ordre alterne). "
        "« charge » : charge moyenne de la machine (1 min) avant puis après les deux mesures. Objectif : p95 × < 1,2.",
        "",
        "| essai | chemin | seul : req/s | seul : p95 (ms) | avec rappels : req/s | avec rappels : p95 (ms) | "
        "ratio p95 | ratio p50 | rappels envoyés (par s) | refusés par nginx (429) | charge |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, essai in enumerate(essais, 1):
        for nom in ("nginx", "direct"):
            m = essai[nom]
            seul, avec = m["seul"], m["avec_rappels"]
            r = avec["rappels"]
            invalide = " (invalide : erreurs)" if seul["erreurs"] or avec["erreurs"] else ""
            lignes.append(
                f"| {i} | {nom} | {seul['rps']:.0f} | {seul['p95'] / 1000:.1f} | {avec['rps']:.0f} | "
                f"{avec['p95'] / 1000:.1f} | {avec['p95'] / seul['p95']:.2f}"
                f"{invalide} | {avec['p50'] / seul['p50']:.2f} | "
                f"{r['requetes']} ({r['rps']:.0f}) | {r['refuses'] if nom == 'nginx' else '—'} | "
                f"{m['charge']:.1f} → {m['charge_apres']:.1f} |"
            )
    lignes += [
        "",
        f"Coût des rappels forgés seuls ({args.rappels} par seconde demandés, {args.duree} s, sans le tableau de "
        "bord) : temps CPU (utilisateur + système) que chaque partie du produit dépense par seconde d'attaque, "
        "lu dans /proc pour ses processus et leurs enfants. Contrairement aux latences, il ne dépend presque "
        "pas des autres travaux de la machine.",
        "",
        "| essai | chemin | rappels/s atteints | refusés par nginx | gunicorn (ms CPU/s) | PostgreSQL | "
        "travailleur | nginx | total (ms CPU/s) | générateur wrk (ms CPU/s) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, essai in enumerate(essais, 1):
        for nom in ("nginx", "direct"):
            cout = essai[nom]["cout"]
            cpu = cout["cpu"]
            lignes.append(
                f"| {i} | {nom} | {cout['rps']:.0f} | {cout.get('refuses', '—') if nom == 'nginx' else '—'} | "
                f"{cpu['gunicorn'] * 1000:.0f} | {cpu['PostgreSQL'] * 1000:.0f} | {cpu['travailleur'] * 1000:.0f} | "
                f"{cpu['nginx'] * 1000:.0f} | {sum(cpu.values()) * 1000:.0f} | {cout['cpu_wrk'] * 1000:.0f} |"
            )
    lignes += ["", "Analyse et objectifs : section « Objectifs et analyse » en tête de ce document."]
    benchmark.section_ecrire("\n".join(lignes) + "\n")


def nginx_version() -> str:
    sortie = subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=False)  # noqa: S607
    return sortie.stderr.strip().rsplit("/", 1)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=12000, help="clients générés en plus de la démo")
    parser.add_argument("--kiosques", type=int, default=50, help="bornes (et sessions du tableau de bord)")
    parser.add_argument("--paiements", type=int, default=10, help="paiements par borne")
    parser.add_argument("--delai-mtn", type=float, default=1.0, help="secondes avant la réponse au request-to-pay")
    parser.add_argument("--travailleurs", type=int, default=1, help="0 : initiation seule, sans envoi à MTN")
    parser.add_argument("--concurrence", type=int, default=8, help="travaux en parallèle par travailleur")
    parser.add_argument("--duree", type=int, default=20, help="secondes de charge du tableau de bord")
    parser.add_argument("--rappels", type=int, default=100, help="rappels forgés par seconde")
    parser.add_argument(
        "--decalage",
        type=float,
        default=0.0,
        help="secondes (au plus) entre deux clients d'une borne, tirées au hasard : 3e façon, bornes non synchronisées",
    )
    parser.add_argument(
        "--rythme-tableau",
        type=int,
        default=0,
        help="tableaux de bord par seconde, cadencés (0 : aussi vite que l'API répond, saturée)",
    )
    parser.add_argument("--essais", type=int, default=1, help="mesures successives, dans la même base")
    parser.add_argument("--reutiliser", action="store_true", help=f"garder la base {BASE_DE_DONNEES} existante")
    parser.add_argument("--sans-docs", action="store_true", help="ne pas écrire docs/benchmarks.md")
    parser.add_argument(
        "--rappels-nginx", action="store_true", help="rappels forgés seulement, derrière nginx et en direct"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk est requis : apt-get install -y wrk")

    url = benchmark.preparer_base(args.clients, args.reutiliser, nom=BASE_DE_DONNEES)
    processus = [benchmark.demarrer_sandbox(MOMO_SANDBOX_PROCESSING_SECONDS="1")]
    try:
        env = benchmark.env_production(url)
        (RACINE / ".run").mkdir(exist_ok=True)
        processus.append(benchmark.demarrer_api(env, journal=RACINE / ".run" / "bench-api.log"))
        processus += demarrer_travailleurs(env, args.travailleurs, args.concurrence)
        if args.rappels_nginx:
            nginx = nginx_demarrer()
            processus.append(nginx)
            postgresql = int((RACINE / ".pgdata" / "postmaster.pid").read_text().split()[0])
            composants = {
                "gunicorn": [processus[1].pid],
                "PostgreSQL": [postgresql],
                "travailleur": [p.pid for p in processus[2:-1]],
                "nginx": [nginx.pid],
            }
            essais = rappels_nginx(args, composants)
            if not args.sans_docs:
                ecrire_docs_nginx(args, essais)
            return
        essais = []
        for essai in range(1, args.essais + 1):
            etape(f"Essai {essai} : {args.kiosques} bornes, {args.paiements} paiements chacune")
            requests.post(f"{SANDBOX}/_sandbox/faults", json={}, timeout=5).raise_for_status()
            serie = f"{int(time.time()) % 100000:05d}"  # new bornes each time: their hourly limits start at 0
            bornes = [benchmark.borne_de_bench(f"BP{serie}-{i:02d}") for i in range(args.kiosques)]
            par_mode = args.kiosques * args.paiements
            contrats = contrats_payables(3 * par_mode + SEULE)
            borne_seule = benchmark.borne_de_bench(f"BP{serie}-seule")
            sessions_seules = benchmark.connecter([(p, t) for p, t, _ in contrats[-SEULE:]], borne_seule)
            for session, (_, _, montant) in zip(sessions_seules, contrats[-SEULE:], strict=True):
                session["montant"] = montant
            kiosques = kiosques_preparer(bornes, contrats[:par_mode], args.paiements)
            bornes_au_rythme = [benchmark.borne_de_bench(f"BR{serie}-{i:02d}") for i in range(args.kiosques)]
            kiosques_au_rythme = kiosques_preparer(bornes_au_rythme, contrats[par_mode : 2 * par_mode], args.paiements)
            requests.post(
                f"{SANDBOX}/_sandbox/faults",
                json={"requesttopay": "slow", "hang_seconds": args.delai_mtn},
                timeout=5,
            ).raise_for_status()
            kiosques_decales = []
            if args.decalage:
                bornes_decalees = [benchmark.borne_de_bench(f"BD{serie}-{i:02d}") for i in range(args.kiosques)]
                leurs_contrats = contrats[2 * par_mode : 3 * par_mode]
                kiosques_decales = kiosques_preparer(bornes_decalees, leurs_contrats, args.paiements)
            chauffer([s for _, les_siennes in kiosques + kiosques_au_rythme + kiosques_decales for s in les_siennes])
            print("  une borne seule (le coût d'une requête, sans concurrence) :", flush=True)
            seule = initiation([(borne_seule, sessions_seules)], attendre_mtn=args.travailleurs > 0)
            charge = os.getloadavg()[0]
            print(f"  {args.kiosques} bornes ensemble (charge de la machine avant : {charge:.1f}) :", flush=True)
            mesure = initiation(kiosques, attendre_mtn=args.travailleurs > 0)
            mesure["seule"], mesure["charge"] = seule, charge
            attente = time.perf_counter()
            while (
                args.travailleurs
                and etat_des_paiements(mesure["references"]).get("en_attente")
                and time.perf_counter() - attente < 120
            ):
                time.sleep(1)
            print(f"  paiements après vidage : {etat_des_paiements(mesure['references'])}", flush=True)
            charge_rythme = os.getloadavg()[0]
            print(
                f"  {args.kiosques} bornes au rythme d'une borne (chaque paiement suivi jusqu'à la réponse de "
                f"l'opérateur avant le suivant ; charge avant : {charge_rythme:.1f}) :",
                flush=True,
            )
            mesure["au_rythme"] = initiation(kiosques_au_rythme, attendre_mtn=args.travailleurs > 0, suivre=True)
            mesure["au_rythme"]["charge"] = charge_rythme
            if kiosques_decales:
                charge_decale = os.getloadavg()[0]
                print(
                    f"  {args.kiosques} bornes au rythme d'une borne, départs et clients décalés de 0 à "
                    f"{args.decalage:g} s (charge avant : {charge_decale:.1f}) :",
                    flush=True,
                )
                mesure["au_rythme_decale"] = initiation(
                    kiosques_decales, attendre_mtn=args.travailleurs > 0, suivre=True, decalage=args.decalage
                )
                mesure["au_rythme_decale"]["charge"] = charge_decale

            etape(f"Tableau de bord : {args.kiosques} sessions, seul puis avec {args.rappels} rappels forgés/s")
            sessions = [s for _, les_siennes in kiosques for s in les_siennes[:1]]
            sessions = benchmark.connecter([(s["police"], s["telephone"]) for s in sessions], bornes[0])
            charge_tdb = os.getloadavg()[0]
            seul = tableau_de_bord(sessions, args.duree, args.kiosques)
            seul["charge"] = charge_tdb
            avec = tableau_de_bord(
                sessions, args.duree, args.kiosques, rappels_forges(mesure["references"]), args.rappels
            )
            print(f"  p95 avec rappels / p95 seul = {avec['p95'] / seul['p95']:.2f} (objectif < 1,2)", flush=True)
            essais.append({"initiation": mesure, "seul": seul, "avec_rappels": avec})
        if not args.sans_docs:
            ecrire_docs(args, essais)
    finally:
        benchmark.arreter(processus)


if __name__ == "__main__":
    os.chdir(RACINE)
    main()
