from django.apps import AppConfig


class SouscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.souscriptions"
    verbose_name = "Souscriptions et contrats"
