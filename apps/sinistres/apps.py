from django.apps import AppConfig


class SinistresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.sinistres"
    verbose_name = "Sinistres"
