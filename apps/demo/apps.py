from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data and the benchmark's data generator; production refuses to start with either."""

    name = "apps.demo"
    verbose_name = "Données de démonstration"

    def ready(self):
        from apps.demo import checks  # noqa: F401  (registers the production checks)
