REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["apps.borne_auth.authentication.ClientJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "apps.core.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "apps.core.exceptions.api_exception_handler",
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "NSIA PASS API",
    "DESCRIPTION": (
        "API de la borne NSIA PASS : connexion par numéro de police et téléphone, "
        "solde, contrats, cotisations, paiements MTN MoMo, souscription, sinistres."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set, whatever the field is called (the kiosk's generated types use it).
    "ENUM_NAME_OVERRIDES": {
        "PeriodiciteEnum": "apps.produits.models.Periodicite",
        "StatutPaiementEnum": "apps.paiements.models.StatutPaiement",
        "TypeSinistreEnum": "apps.sinistres.models.TypeSinistre",
        "StatutSinistreEnum": "apps.sinistres.models.StatutSinistre",
        "StatutCotisationEnum": ["payee", "en_retard", "a_venir"],
    },
    # Self-hosted Swagger UI: agencies and CI have no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every operation documents its error answers (apps/core/openapi.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.core.openapi.documenter_erreurs",
    ],
}
