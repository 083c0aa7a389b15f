from drf_spectacular.openapi import AutoSchema as BaseAutoSchema


class AutoSchema(BaseAutoSchema):
    """Name components after their API class: ConnexionApi.OutputSerializer → ConnexionOutput.

    Each API nests its own InputSerializer / OutputSerializer (HackSoft's styleguide), so the
    bare class names collide.
    """

    def get_serializer_name(self, serializer, direction):
        nom = super().get_serializer_name(serializer, direction)
        englobante = type(serializer).__qualname__.split(".")
        if len(englobante) > 1:
            return englobante[-2].removesuffix("Api") + nom
        return nom

    def get_override_parameters(self):
        """Plus the parameters an API declares for all its operations (a kiosk's headers)."""
        return [*getattr(self.view, "parametres_openapi", ()), *super().get_override_parameters()]


ERREUR = {
    "type": "object",
    "description": "Le corps d'erreur unique de l'API.",
    "properties": {
        "code": {"type": "string", "example": "donnees_invalides"},
        "message": {"type": "string", "example": "Certaines informations sont invalides."},
        "details": {"type": "object", "additionalProperties": True},
    },
    "required": ["code", "message"],
}
_RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Secondes avant de réessayer."}}
_DESCRIPTIONS = {
    "400": "Données, chemin, paramètres ou en-têtes invalides (JSON illisible, trop imbriqué, octet nul…).",
    "401": "Borne inconnue, session absente ou expirée, identifiants invalides.",
    "403": "Accès refusé.",
    "404": "Ressource introuvable (ou appartenant à un autre client).",
    "409": "Conflit avec l'état actuel (opération en cours, règle métier).",
    "413": "Corps de plus de 64 Ko.",
    "415": "Les données doivent être envoyées en JSON.",
    "429": "Trop de demandes ou de tentatives : réessayer après Retry-After.",
    "503": "Service momentanément indisponible (base de données) : réessayer après Retry-After.",
}
_METHODES = ("get", "post", "put", "patch", "delete")


def _erreurs_possibles(chemin: str, methode: str, operation: dict) -> list[str]:
    """The error statuses an operation really answers (see apps/core/exceptions.py, entrees.py)."""
    codes = ["400", "429", "503"]
    protegee = bool(operation.get("security")) and any(operation["security"])
    borne = any(p.get("in") == "header" and p["name"].startswith("X-Borne") for p in operation.get("parameters", []))
    if protegee or borne or chemin.startswith("/api/v1/auth/"):
        codes.append("401")
    if protegee:
        codes.append("403")
    if "{" in chemin or chemin.startswith("/api/v1/mtn/"):
        codes.append("404")
    if methode != "get":
        codes += ["409", "413"]
    if "requestBody" in operation:
        codes.append("415")
    return codes


def documenter_erreurs(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation lists its error answers."""
    result.setdefault("components", {}).setdefault("schemas", {})["Erreur"] = ERREUR
    for chemin, operations in result.get("paths", {}).items():
        for methode, operation in operations.items():
            if methode not in _METHODES:
                continue
            reponses = operation.setdefault("responses", {})
            for code in _erreurs_possibles(chemin, methode, operation):
                reponse = {
                    "description": _DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Erreur"}}},
                }
                if code in ("429", "503"):
                    reponse["headers"] = _RETRY_AFTER
                existante = reponses.get(code)
                if existante is None or not existante.get("content"):
                    reponses[code] = reponse
    return result
