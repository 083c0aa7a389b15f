from django.apps import AppConfig


class ParcoursConfig(AppConfig):
    """The kiosk's journeys above the payment core and the souscriptions (no models)."""

    name = "apps.parcours"
    verbose_name = "Parcours de la borne"
