from django.apps import AppConfig


class AirtelIntegrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.airtel_integration"
    verbose_name = "Airtel Money"
