"""Builds the Postman collection and environment of NSIA PASS (run: python postman/generer.py).

One request per endpoint, each with tests on status and shape; sign-in stores the tokens.
The collection runs green against a server loaded with the demo data (scripts/test.sh runs
it with newman).
"""

import json
from pathlib import Path

ICI = Path(__file__).parent


def tests(*lignes: str) -> list[dict]:
    return [{"listen": "test", "script": {"type": "text/javascript", "exec": list(lignes)}}]


def statut(code: int) -> str:
    return f'pm.test("statut {code}", () => pm.response.to.have.status({code}));'


def champs(*noms: str, chemin: str = "pm.response.json()") -> str:
    liste = ", ".join(f'"{n}"' for n in noms)
    return f'pm.test("champs {" ".join(noms)}", () => pm.expect({chemin}).to.include.keys({liste}));'


ERREUR = champs("code", "message")
BORNE = [{"key": "X-Borne-Id", "value": "{{borneId}}"}, {"key": "X-Borne-Key", "value": "{{borneKey}}"}]
JSON = [{"key": "Content-Type", "value": "application/json"}]
BEARER = {"type": "bearer", "bearer": [{"key": "token", "value": "{{access}}", "type": "string"}]}


def requete(nom, methode, chemin, *, corps=None, en_tetes=(), auth=None, scripts=(), description=""):
    segments = [s for s in chemin.strip("/").split("/") if s]
    item = {
        "name": nom,
        "request": {
            "method": methode,
            "header": list(en_tetes) + (JSON if corps is not None else []),
            "url": {"raw": "{{baseUrl}}/" + "/".join(segments) + "/", "host": ["{{baseUrl}}"], "path": segments + [""]},
            "description": description,
        },
        "event": list(scripts),
    }
    if corps is not None:
        item["request"]["body"] = {"mode": "raw", "raw": json.dumps(corps, ensure_ascii=False, indent=2)}
    item["request"]["auth"] = auth or {"type": "noauth"}
    return item


CONNEXION = {"police": "{{police}}", "telephone": "{{telephone}}"}

collection = {
    "info": {
        "name": "NSIA PASS API v1",
        "description": "L'API de la borne NSIA PASS. Environnement : postman/nsia-pass-demo.postman_environment.json "
        "(borne et client de démonstration). Lancer « Connexion » d'abord : elle garde les jetons.",
        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    "item": [
        {
            "name": "Opérations",
            "item": [
                requete("Santé", "GET", "/health/", scripts=tests(statut(200),
                        'pm.test("base ok", () => pm.expect(pm.response.json().database).to.eql("ok"));')),
            ],
        },
        {
            "name": "Produits (public)",
            "item": [
                requete("Liste des produits", "GET", "/api/v1/produits/", scripts=tests(
                    statut(200),
                    'pm.test("trois PASS", () => pm.expect(pm.response.json().map(p => p.code))'
                    '.to.have.members(["KIMIA", "BATELA", "SALISA"]));',
                    champs("code", "libelle", "garanties", "montant_minimum", "periodicites_autorisees",
                           chemin="pm.response.json()[0]"),
                )),
                requete("Un produit", "GET", "/api/v1/produits/KIMIA/", scripts=tests(
                    statut(200), champs("code", "libelle", "description", "garanties"))),
                requete("Produit inconnu", "GET", "/api/v1/produits/INCONNU/", scripts=tests(statut(404), ERREUR)),
            ],
        },
        {
            "name": "Connexion",
            "item": [
                requete("Borne absente → 401", "POST", "/api/v1/auth/login/", corps=CONNEXION, scripts=tests(
                    statut(401), 'pm.test("borne_inconnue", () => '
                    'pm.expect(pm.response.json().code).to.eql("borne_inconnue"));')),
                requete("Téléphone mal formé → 400", "POST", "/api/v1/auth/login/", en_tetes=BORNE,
                        corps={"police": "{{police}}", "telephone": "06 123 45 67"},
                        scripts=tests(statut(400), ERREUR, 'pm.test("détail telephone", () => '
                                      'pm.expect(pm.response.json().details).to.have.property("telephone"));')),
                requete("Connexion", "POST", "/api/v1/auth/login/", en_tetes=BORNE, corps=CONNEXION, scripts=tests(
                    statut(200), champs("access", "refresh", "expires_in", "client", "police"),
                    "const corps = pm.response.json();",
                    'pm.collectionVariables.set("access", corps.access);',
                    'pm.collectionVariables.set("refresh", corps.refresh);',
                )),
                requete("Renouveler la session", "POST", "/api/v1/auth/refresh/", corps={"refresh": "{{refresh}}"},
                        scripts=tests(statut(200), champs("access", "refresh"),
                                      'pm.collectionVariables.set("access", pm.response.json().access);',
                                      'pm.collectionVariables.set("refresh", pm.response.json().refresh);')),
                requete("Heartbeat de la borne", "POST", "/api/v1/borne/heartbeat/", en_tetes=BORNE,
                        corps={"version": "postman", "statut": "ok"},
                        scripts=tests(statut(200), champs("identifiant", "derniere_activite"))),
            ],
        },
        {
            "name": "Espace client",
            "item": [
                requete("Tableau de bord", "GET", "/api/v1/clients/{{police}}/dashboard/", auth=BEARER, scripts=tests(
                    statut(200),
                    champs("client", "solde_global", "total_paye", "arrieres", "nombre_contrats",
                           "prochaine_echeance", "contrats"),
                    'pm.test("solde global = somme des soldes", () => { const c = pm.response.json(); '
                    "pm.expect(c.solde_global).to.eql(c.contrats.reduce((s, x) => s + x.solde, 0)); });",
                )),
                requete("Contrats", "GET", "/api/v1/clients/{{police}}/contrats/", auth=BEARER, scripts=tests(
                    statut(200), champs("numero_police", "produit", "etat", "solde", "prochaine_echeance",
                                        chemin="pm.response.json()[0]"))),
                requete("Cotisations en retard", "GET", "/api/v1/clients/{{police}}/cotisations/", auth=BEARER,
                        scripts=tests(statut(200), champs("count", "next", "previous", "results"))),
                requete("Paiements", "GET", "/api/v1/clients/{{police}}/paiements/", auth=BEARER,
                        scripts=tests(statut(200), champs("count", "results"))),
                requete("Détail d'un contrat", "GET", "/api/v1/contrats/{{police}}/", auth=BEARER, scripts=tests(
                    statut(200), champs("garanties", "beneficiaires", "cotisations", "paiements", "sinistres"))),
                requete("Contrat d'un autre client → 404", "GET", "/api/v1/contrats/{{policeAutreClient}}/",
                        auth=BEARER, scripts=tests(statut(404), ERREUR)),
            ],
        },
        {
            "name": "Fin de session",
            "item": [
                requete("Déconnexion", "POST", "/api/v1/auth/logout/", corps={"refresh": "{{refresh}}"},
                        scripts=tests(statut(204))),
                requete("Refresh après déconnexion → 401", "POST", "/api/v1/auth/refresh/",
                        corps={"refresh": "{{refresh}}"}, scripts=tests(statut(401), ERREUR)),
            ],
        },
    ],
    "variable": [{"key": "access", "value": ""}, {"key": "refresh", "value": ""}],
}

environnement = {
    "name": "NSIA PASS – démo locale",
    "values": [
        {"key": "baseUrl", "value": "http://127.0.0.1:8000", "enabled": True},
        {"key": "borneId", "value": "BZV-DEMO-01", "enabled": True},
        {"key": "borneKey", "value": "demo-borne-bzv-01-cle", "enabled": True},
        {"key": "police", "value": "CG-2024-VIE-001", "enabled": True},
        {"key": "telephone", "value": "+242061234567", "enabled": True},
        {"key": "policeAutreClient", "value": "CG-2024-SAN-001", "enabled": True},
    ],
}


def ecrire(dossier: Path = ICI) -> None:
    (dossier / "nsia-pass.postman_collection.json").write_text(
        json.dumps(collection, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (dossier / "nsia-pass-demo.postman_environment.json").write_text(
        json.dumps(environnement, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    ecrire()
