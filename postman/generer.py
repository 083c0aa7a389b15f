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


def code_erreur(code: str) -> str:
    return f'pm.test("{code}", () => pm.expect(pm.response.json().code).to.eql("{code}"));'


PDF = 'pm.test("PDF", () => pm.expect(pm.response.headers.get("Content-Type")).to.include("application/pdf"));'
HIER = 'pm.variables.set("hier", new Date(Date.now() - 86400000).toISOString().slice(0, 10));'
BORNE = [{"key": "X-Borne-Id", "value": "{{borneId}}"}, {"key": "X-Borne-Key", "value": "{{borneKey}}"}]
JSON = [{"key": "Content-Type", "value": "application/json"}]
BEARER = {"type": "bearer", "bearer": [{"key": "token", "value": "{{access}}", "type": "string"}]}


def avant(*lignes: str) -> list[dict]:
    return [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": list(lignes)}}]


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
    if not chemin.endswith("/"):
        item["request"]["url"]["raw"] = item["request"]["url"]["raw"].rstrip("/")
        item["request"]["url"]["path"] = segments
    if corps is not None:
        item["request"]["body"] = {"mode": "raw", "raw": json.dumps(corps, ensure_ascii=False, indent=2)}
    item["request"]["auth"] = auth or {"type": "noauth"}
    return item


def lecture_simulateur(nom, variable_url, chemin, *, scripts=(), description=""):
    """A GET on a local simulator (centre SMS, WhatsApp): what a developer reads in a browser."""
    chemin, _, requete_ = chemin.partition("?")
    segments = [s for s in chemin.strip("/").split("/") if s]
    return {
        "name": nom,
        "request": {
            "method": "GET",
            "header": [],
            "url": {
                "raw": "{{" + variable_url + "}}/" + "/".join(segments) + (f"?{requete_}" if requete_ else ""),
                "host": ["{{" + variable_url + "}}"],
                "path": segments,
                "query": [{"key": k, "value": v} for k, _, v in (q.partition("=") for q in requete_.split("&") if q)],
            },
            "description": description,
            "auth": {"type": "noauth"},
        },
        "event": list(scripts),
    }


# The local simulators (scripts/run.sh): a code asked for a telephone goes to WhatsApp when that
# telephone is "on WhatsApp" there (the demo client is), to the SMS centre otherwise.
SIMULATEURS = ("whatsappUrl", "smscUrl")


def noter_codes_anterieurs(variable_telephone: str) -> str:
    """Pre-request of a code request: the id of the last code each simulator already holds for
    the telephone, so that the reading below waits for the new one."""
    return (
        f'const tel = encodeURIComponent(pm.variables.get("{variable_telephone}"));'
        f" {list(SIMULATEURS)}.forEach((v) => pm.sendRequest("
        'pm.variables.get(v) + "/code?telephone=" + tel, (e, r) => '
        'pm.collectionVariables.set("codeAvant_" + v, !e && r.code === 200 ? r.json().id : "")));'
    )


def lire_code_recu(variable_url: str, variable_telephone: str) -> list[str]:
    """Test of a code reading: keep the new code in `codeRecu`, else look at the other simulator,
    else read again (the worker sends within a second or two; 10 s at most)."""
    autre = next(v for v in SIMULATEURS if v != variable_url)
    return [
        "const nouveau = (v, r) => (r && r.code === 200 && r.json().id !== "
        '(pm.collectionVariables.get("codeAvant_" + v) || "") ? r.json().code : null);',
        'const essais = Number(pm.collectionVariables.get("essaisCode") || 0);',
        "function conclure(code) {",
        "  if (code || essais >= 40) {",
        '    pm.collectionVariables.set("essaisCode", 0);',
        '    pm.test("un nouveau code à 6 chiffres est reçu", () => pm.expect(code).to.match(/^[0-9]{6}$/));',
        '    pm.collectionVariables.set("codeRecu", code);',
        "  } else {",
        '    pm.collectionVariables.set("essaisCode", essais + 1);',
        "    postman.setNextRequest(pm.info.requestName);",
        "    setTimeout(() => {}, 250);",
        "  }",
        "}",
        f'const ici = nouveau("{variable_url}", pm.response);',
        "if (ici) conclure(ici);",
        f'else pm.sendRequest(pm.variables.get("{autre}") + "/code?telephone=" + '
        f'encodeURIComponent(pm.variables.get("{variable_telephone}")), '
        f'(e, r) => conclure(e ? null : nouveau("{autre}", r)));',
    ]


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
                requete(
                    "Santé",
                    "GET",
                    "/health/",
                    scripts=tests(
                        statut(200), 'pm.test("base ok", () => pm.expect(pm.response.json().database).to.eql("ok"));'
                    ),
                ),
            ],
        },
        {
            "name": "Produits (public)",
            "item": [
                requete(
                    "Liste des produits",
                    "GET",
                    "/api/v1/produits/",
                    scripts=tests(
                        statut(200),
                        'pm.test("trois PASS", () => pm.expect(pm.response.json().map(p => p.code))'
                        '.to.have.members(["KIMIA", "BATELA", "SALISA"]));',
                        champs(
                            "code",
                            "libelle",
                            "garanties",
                            "montant_minimum",
                            "periodicites_autorisees",
                            chemin="pm.response.json()[0]",
                        ),
                    ),
                ),
                requete(
                    "Un produit",
                    "GET",
                    "/api/v1/produits/KIMIA/",
                    scripts=tests(statut(200), champs("code", "libelle", "description", "garanties")),
                ),
                requete("Produit inconnu", "GET", "/api/v1/produits/INCONNU/", scripts=tests(statut(404), ERREUR)),
            ],
        },
        {
            "name": "Connexion",
            "item": [
                requete(
                    "Borne absente → 401",
                    "POST",
                    "/api/v1/auth/login/",
                    corps=CONNEXION,
                    scripts=tests(
                        statut(401),
                        'pm.test("borne_inconnue", () => pm.expect(pm.response.json().code).to.eql("borne_inconnue"));',
                    ),
                ),
                requete(
                    "Téléphone mal formé → 400",
                    "POST",
                    "/api/v1/auth/login/",
                    en_tetes=BORNE,
                    corps={"police": "{{police}}", "telephone": "06 123 45 67"},
                    scripts=tests(
                        statut(400),
                        ERREUR,
                        'pm.test("détail telephone", () => '
                        'pm.expect(pm.response.json().details).to.have.property("telephone"));',
                    ),
                ),
                requete(
                    "Connexion",
                    "POST",
                    "/api/v1/auth/login/",
                    en_tetes=BORNE,
                    corps=CONNEXION,
                    scripts=tests(
                        statut(200),
                        champs("access", "refresh", "expires_in", "client", "police"),
                        "const corps = pm.response.json();",
                        'pm.collectionVariables.set("access", corps.access);',
                        'pm.collectionVariables.set("refresh", corps.refresh);',
                    ),
                ),
                requete(
                    "Renouveler la session",
                    "POST",
                    "/api/v1/auth/refresh/",
                    corps={"refresh": "{{refresh}}"},
                    scripts=tests(
                        statut(200),
                        champs("access", "refresh"),
                        'pm.collectionVariables.set("access", pm.response.json().access);',
                        'pm.collectionVariables.set("refresh", pm.response.json().refresh);',
                    ),
                ),
                requete(
                    "Heartbeat de la borne",
                    "POST",
                    "/api/v1/borne/heartbeat/",
                    en_tetes=BORNE,
                    corps={"version": "postman", "statut": "ok"},
                    scripts=tests(statut(200), champs("identifiant", "derniere_activite")),
                ),
            ],
        },
        {
            "name": "Espace client",
            "item": [
                requete(
                    "Tableau de bord",
                    "GET",
                    "/api/v1/clients/{{police}}/dashboard/",
                    auth=BEARER,
                    scripts=tests(
                        statut(200),
                        champs(
                            "client",
                            "solde_global",
                            "total_paye",
                            "arrieres",
                            "nombre_contrats",
                            "prochaine_echeance",
                            "contrats",
                        ),
                        'pm.test("solde global = somme des soldes", () => { const c = pm.response.json(); '
                        "pm.expect(c.solde_global).to.eql(c.contrats.reduce((s, x) => s + x.solde, 0)); });",
                    ),
                ),
                requete(
                    "Contrats",
                    "GET",
                    "/api/v1/clients/{{police}}/contrats/",
                    auth=BEARER,
                    scripts=tests(
                        statut(200),
                        champs(
                            "numero_police",
                            "produit",
                            "etat",
                            "solde",
                            "prochaine_echeance",
                            chemin="pm.response.json()[0]",
                        ),
                    ),
                ),
                requete(
                    "Cotisations en retard",
                    "GET",
                    "/api/v1/clients/{{police}}/cotisations/",
                    auth=BEARER,
                    scripts=tests(statut(200), champs("count", "next", "previous", "results")),
                ),
                requete(
                    "Paiements",
                    "GET",
                    "/api/v1/clients/{{police}}/paiements/",
                    auth=BEARER,
                    scripts=tests(statut(200), champs("count", "results")),
                ),
                requete(
                    "Détail d'un contrat",
                    "GET",
                    "/api/v1/contrats/{{police}}/",
                    auth=BEARER,
                    scripts=tests(
                        statut(200), champs("garanties", "beneficiaires", "cotisations", "paiements", "sinistres")
                    ),
                ),
                requete(
                    "Contrat d'un autre client → 404",
                    "GET",
                    "/api/v1/contrats/{{policeAutreClient}}/",
                    auth=BEARER,
                    scripts=tests(statut(404), ERREUR),
                ),
                requete(
                    "Relevé PDF",
                    "GET",
                    "/api/v1/clients/{{police}}/releve.pdf",
                    auth=BEARER,
                    en_tetes=BORNE,
                    scripts=tests(statut(200), PDF),
                ),
            ],
        },
        {
            "name": "Bénéficiaires et sinistres",
            "item": [
                requete(
                    "Bénéficiaires",
                    "GET",
                    "/api/v1/contrats/{{police}}/beneficiaires/",
                    auth=BEARER,
                    scripts=tests(
                        statut(200), 'pm.test("liste", () => pm.expect(pm.response.json()).to.be.an("array"));'
                    ),
                ),
                requete(
                    "Ajouter un bénéficiaire sans code → 409",
                    "POST",
                    "/api/v1/contrats/{{police}}/beneficiaires/",
                    auth=BEARER,
                    en_tetes=BORNE,
                    corps={"nom": "KONGO", "prenom": "Grace", "lien": "enfant"},
                    description="Depuis une borne, ajouter, modifier ou retirer un bénéficiaire demande la preuve "
                    "du téléphone du client (un code reçu par SMS ou WhatsApp). Rien n'est écrit.",
                    scripts=tests(statut(409), ERREUR, code_erreur("preuve_telephone_requise")),
                ),
                requete(
                    "Envoyer un code au téléphone du client",
                    "POST",
                    "/api/v1/preuves/telephone/",
                    en_tetes=BORNE,
                    corps={"telephone": "{{telephone}}"},
                    description="Un code à 6 chiffres, valable 5 minutes, 3 essais ; 3 codes au plus par téléphone "
                    "et par heure (429 et Retry-After ensuite).",
                    scripts=avant(noter_codes_anterieurs("telephone")) + tests(statut(202)),
                ),
                lecture_simulateur(
                    "Lire le code reçu (WhatsApp local)",
                    "whatsappUrl",
                    "/code?telephone={{telephone}}",
                    description="Le client de démonstration est « sur WhatsApp » dans le simulateur : son code y "
                    "arrive (page http://127.0.0.1:8096/). Un téléphone absent de WhatsApp reçoit un SMS au centre "
                    "SMS local (smscUrl, page http://127.0.0.1:8097/) : ce test y regarde aussi.",
                    scripts=tests(*lire_code_recu("whatsappUrl", "telephone")),
                ),
                requete(
                    "Vérifier le code",
                    "POST",
                    "/api/v1/preuves/telephone/verifier/",
                    en_tetes=BORNE,
                    corps={"telephone": "{{telephone}}", "code": "{{codeRecu}}"},
                    description="Donne un code_preuve valable 15 minutes pour ce téléphone seulement.",
                    scripts=tests(
                        statut(200),
                        champs("code_preuve"),
                        'pm.collectionVariables.set("codePreuve", pm.response.json().code_preuve);',
                    ),
                ),
                requete(
                    "Ajouter un bénéficiaire",
                    "POST",
                    "/api/v1/contrats/{{police}}/beneficiaires/",
                    auth=BEARER,
                    en_tetes=BORNE,
                    corps={"nom": "KONGO", "prenom": "Grace", "lien": "enfant", "code_preuve": "{{codePreuve}}"},
                    scripts=tests(
                        statut(201),
                        champs("id", "nom", "prenom", "lien"),
                        'pm.collectionVariables.set("beneficiaire", pm.response.json().id);',
                    ),
                ),
                requete(
                    "Modifier le bénéficiaire",
                    "PATCH",
                    "/api/v1/contrats/{{police}}/beneficiaires/{{beneficiaire}}/",
                    auth=BEARER,
                    en_tetes=BORNE,
                    corps={"telephone": "+242061112233", "code_preuve": "{{codePreuve}}"},
                    scripts=tests(
                        statut(200),
                        'pm.test("téléphone", () => pm.expect(pm.response.json().telephone).to.eql("+242061112233"));',
                    ),
                ),
                requete(
                    "Retirer le bénéficiaire",
                    "DELETE",
                    "/api/v1/contrats/{{police}}/beneficiaires/{{beneficiaire}}/",
                    auth=BEARER,
                    en_tetes=BORNE + [{"key": "X-Code-Preuve", "value": "{{codePreuve}}"}],
                    description="Sans corps : le code_preuve passe dans l'en-tête X-Code-Preuve.",
                    scripts=tests(statut(204)),
                ),
                requete(
                    "Déclarer un sinistre",
                    "POST",
                    "/api/v1/contrats/{{police}}/sinistres/",
                    auth=BEARER,
                    corps={
                        "type": "accident",
                        "date_survenance": "{{hier}}",
                        "description": "Chute à moto",
                        "montant_reclame": 25000,
                    },
                    scripts=avant(HIER)
                    + tests(
                        statut(201), 'pm.test("déclaré", () => pm.expect(pm.response.json().statut).to.eql("declare"));'
                    ),
                ),
                requete(
                    "Sinistre non couvert → 400",
                    "POST",
                    "/api/v1/contrats/{{police}}/sinistres/",
                    auth=BEARER,
                    corps={"type": "hospitalisation", "date_survenance": "{{hier}}", "description": "x"},
                    scripts=avant(HIER) + tests(statut(400), ERREUR),
                ),
                requete(
                    "Sinistres",
                    "GET",
                    "/api/v1/contrats/{{police}}/sinistres/",
                    auth=BEARER,
                    scripts=tests(statut(200)),
                ),
            ],
        },
        {
            "name": "Paiements MTN MoMo",
            "item": [
                requete(
                    "Payer une cotisation",
                    "POST",
                    "/api/v1/contrats/{{police}}/paiements/",
                    auth=BEARER,
                    en_tetes=BORNE + [{"key": "Idempotency-Key", "value": "{{$guid}}"}],
                    corps={"montant": 1250},
                    scripts=tests(
                        statut(202),
                        champs("reference", "statut", "type_paiement", "montant"),
                        'pm.collectionVariables.set("paiement", pm.response.json().reference);',
                    ),
                ),
                requete(
                    "Statut du paiement",
                    "GET",
                    "/api/v1/paiements/{{paiement}}/",
                    auth=BEARER,
                    scripts=tests(statut(200), champs("reference", "statut", "motif_echec", "montant")),
                ),
                requete(
                    "Payeur refusé par l'opérateur (numéro de test)",
                    "POST",
                    "/api/v1/contrats/CG-2024-EPG-001/paiements/",
                    auth=BEARER,
                    en_tetes=BORNE,
                    corps={"montant": 1250, "numero_payeur": "46733123451"},
                    scripts=tests(statut(202)),
                ),
                requete(
                    "Montant trop faible → 400",
                    "POST",
                    "/api/v1/contrats/{{police}}/paiements/",
                    auth=BEARER,
                    en_tetes=BORNE,
                    corps={"montant": 10},
                    scripts=tests(statut(400), ERREUR),
                ),
                requete(
                    "Reçu PDF",
                    "GET",
                    "/api/v1/paiements/{{paiement}}/recu.pdf",
                    auth=BEARER,
                    scripts=tests(statut(200), PDF),
                ),
                requete(
                    "Callback MTN inconnu → 404",
                    "PUT",
                    "/api/v1/mtn/callback/",
                    corps={"externalId": "PAY-INCONNUE", "status": "SUCCESSFUL"},
                    scripts=tests(statut(404)),
                ),
                requete(
                    "Opérateur incohérent avec le numéro → 400",
                    "POST",
                    "/api/v1/contrats/{{police}}/paiements/",
                    auth=BEARER,
                    en_tetes=BORNE,
                    corps={"montant": 1250, "numero_payeur": "+242061234567", "operateur": "airtel_money"},
                    scripts=tests(statut(400), ERREUR, code_erreur("operateur_incoherent")),
                    description="`operateur` : `mtn_momo` ou `airtel_money` (défaut : selon le préfixe du numéro).",
                ),
                requete(
                    "Callback Airtel inconnu → 404",
                    "POST",
                    "/api/v1/airtel/callback/",
                    corps={"transaction": {"id": "inconnue", "message": "ok", "status_code": "TS"}},
                    scripts=tests(statut(404)),
                    description="Un simple signal : l'API interroge Airtel (enquête) avant tout changement.",
                ),
            ],
        },
        {
            "name": "Souscription à la borne",
            "item": [
                requete(
                    "Souscrire un PASS",
                    "POST",
                    "/api/v1/souscriptions/",
                    en_tetes=BORNE,
                    corps={
                        "client": {"nom": "MABIALA", "prenom": "Grâce", "telephone": "{{telNouveau}}"},
                        "produit": "SALISA",
                        "montant_prime": 7500,
                        "periodicite": "annuelle",
                        "beneficiaires": [],
                        "numero_payeur": "{{telNouveau}}",
                    },
                    scripts=avant(
                        'pm.variables.set("telNouveau", "+24206" + String(Math.floor(1000000 + '
                        "Math.random() * 8999999)));"
                    )
                    + tests(
                        statut(201),
                        champs("souscription", "paiement"),
                        'pm.collectionVariables.set("souscription", '
                        "pm.response.json().souscription.numero_souscription);",
                        'pm.collectionVariables.set("telNouveau", pm.variables.get("telNouveau"));',
                    ),
                ),
                requete(
                    "Relancer le premier paiement",
                    "POST",
                    "/api/v1/souscriptions/{{souscription}}/paiement/",
                    en_tetes=BORNE,
                    corps={"numero_payeur": "{{telNouveau}}"},
                    # The first attempt is still pending (or already paid): refused with a reason.
                    scripts=tests(statut(409), ERREUR),
                ),
                requete(
                    "Payeur autre que le téléphone du souscripteur → 409",
                    "POST",
                    "/api/v1/souscriptions/",
                    en_tetes=BORNE,
                    corps={
                        "client": {"nom": "MABIALA", "prenom": "Grâce", "telephone": "{{telephone}}"},
                        "produit": "SALISA",
                        "montant_prime": 7500,
                        "periodicite": "annuelle",
                        "beneficiaires": [],
                        "numero_payeur": "{{telNouveau}}",
                    },
                    description="Un téléphone n'est rattaché à une souscription que sur preuve : le premier "
                    "paiement se valide depuis ce téléphone, ou un code reçu par ce téléphone (requêtes suivantes ; "
                    "docs/securite-identite.md). Rien n'est écrit.",
                    scripts=tests(statut(409), ERREUR, code_erreur("preuve_telephone_requise")),
                ),
                requete(
                    "Envoyer un code au futur souscripteur",
                    "POST",
                    "/api/v1/preuves/telephone/",
                    en_tetes=BORNE,
                    corps={"telephone": "{{telSouscripteur}}"},
                    description="Un proche paie la première échéance : le souscripteur prouve d'abord qu'il tient "
                    "son téléphone. Un numéro absent de WhatsApp reçoit le code par SMS.",
                    scripts=avant(
                        'pm.collectionVariables.set("telSouscripteur", "+24206" + String(Math.floor(1000000 + '
                        "Math.random() * 8999999)));",
                        noter_codes_anterieurs("telSouscripteur"),
                    )
                    + tests(statut(202)),
                ),
                lecture_simulateur(
                    "Lire le code reçu (centre SMS local)",
                    "smscUrl",
                    "/code?telephone={{telSouscripteur}}",
                    description="Le centre SMS local (page http://127.0.0.1:8097/) montre ce que chaque téléphone a "
                    "reçu ; /code donne le dernier code de preuve.",
                    scripts=tests(*lire_code_recu("smscUrl", "telSouscripteur")),
                ),
                requete(
                    "Vérifier le code du souscripteur",
                    "POST",
                    "/api/v1/preuves/telephone/verifier/",
                    en_tetes=BORNE,
                    corps={"telephone": "{{telSouscripteur}}", "code": "{{codeRecu}}"},
                    scripts=tests(
                        statut(200),
                        'pm.collectionVariables.set("codePreuveSouscripteur", pm.response.json().code_preuve);',
                    ),
                ),
                requete(
                    "Souscrire, un proche paie (avec le code)",
                    "POST",
                    "/api/v1/souscriptions/",
                    en_tetes=BORNE,
                    corps={
                        "client": {"nom": "MABIALA", "prenom": "Paul", "telephone": "{{telSouscripteur}}"},
                        "produit": "KIMIA",
                        "montant_prime": 5000,
                        "periodicite": "trimestrielle",
                        "beneficiaires": [],
                        "numero_payeur": "{{telProche}}",
                        "code_preuve": "{{codePreuveSouscripteur}}",
                    },
                    scripts=avant(
                        'pm.variables.set("telProche", "+24206" + String(Math.floor(1000000 + '
                        "Math.random() * 8999999)));"
                    )
                    + tests(statut(201), champs("souscription", "paiement")),
                ),
                requete(
                    "Relancer une souscription inconnue → 404",
                    "POST",
                    "/api/v1/souscriptions/PASS-SALISA-2026-ZZZZZZZZZZ/paiement/",
                    en_tetes=BORNE,
                    corps={"numero_payeur": "{{telNouveau}}"},
                    scripts=tests(statut(404), ERREUR),
                ),
                requete(
                    "Souscription sans borne → 401",
                    "POST",
                    "/api/v1/souscriptions/",
                    corps={"produit": "SALISA"},
                    scripts=tests(statut(401), ERREUR),
                ),
            ],
        },
        {
            "name": "Fin de session",
            "item": [
                requete(
                    "Déconnexion",
                    "POST",
                    "/api/v1/auth/logout/",
                    corps={"refresh": "{{refresh}}"},
                    scripts=tests(statut(204)),
                ),
                requete(
                    "Refresh après déconnexion → 401",
                    "POST",
                    "/api/v1/auth/refresh/",
                    corps={"refresh": "{{refresh}}"},
                    scripts=tests(statut(401), ERREUR),
                ),
                requete(
                    "Jeton d'accès après déconnexion → 401",
                    "GET",
                    "/api/v1/clients/{{police}}/dashboard/",
                    auth=BEARER,
                    description="La déconnexion termine la session : son jeton d'accès est refusé aussitôt.",
                    scripts=tests(statut(401), ERREUR, code_erreur("session_expiree")),
                ),
            ],
        },
    ],
    "variable": [
        {"key": k, "value": ""}
        for k in ("access", "refresh", "beneficiaire", "paiement", "souscription", "telNouveau")
        + ("codeRecu", "codePreuve", "telSouscripteur", "codePreuveSouscripteur")
    ]
    # The local simulators of scripts/run.sh; scripts/test.sh gives its own (--env-var).
    + [
        {"key": "smscUrl", "value": "http://127.0.0.1:8097"},
        {"key": "whatsappUrl", "value": "http://127.0.0.1:8096"},
    ],
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
