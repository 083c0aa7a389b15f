from django.apps import AppConfig


class BorneAuthConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.borne_auth"
    verbose_name = "Bornes (kiosques)"
