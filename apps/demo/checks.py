"""Production refuses to start on a database that holds demo data.

The demo borne's key and the demo agent's password are public (README, tests): a database
loaded with `charger_demo` would let anyone in. Environment names are not enough (the demo
loader can run against any DATABASE_URL), so the database itself is checked, by
`manage.py check` (with or without --deploy) and at the start of the WSGI server.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError


@register(Tags.security)
def pas_de_demo_en_production(app_configs=None, **kwargs):
    if not settings.REFUSER_DONNEES_DEMO:
        return []
    from apps.demo.services import demo_en_base

    try:
        trouve = demo_en_base()
    except DatabaseError:  # tables not created yet (before the first migrate): nothing to find
        return []
    if not trouve:
        return []
    return [
        Error(
            "La base contient des données de démonstration : " + ", ".join(trouve) + ".",
            hint="Leurs identifiants sont publics. Utilisez une base sans données de démonstration.",
            id="nsia.E001",
        )
    ]


def refuser_de_demarrer_si_demo() -> None:
    """Called by the WSGI entry point: gunicorn does not run the system checks itself."""
    erreurs = pas_de_demo_en_production()
    if erreurs:
        raise ImproperlyConfigured(erreurs[0].msg + " Refus de démarrer.")
