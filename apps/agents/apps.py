from django.apps import AppConfig


class AgentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.agents"
    verbose_name = "Agents NSIA"

    def ready(self):
        from django.db.models.signals import post_migrate

        # Groups need the permissions, which Django creates after the migrations.
        post_migrate.connect(_configurer_groupes, sender=self)


def _configurer_groupes(sender, apps=None, using="default", **kwargs):
    from django.apps import apps as registre
    from django.contrib.auth.management import create_permissions

    from apps.agents.services import groupes_agents_configurer

    # Make sure every app's permissions exist, whatever order post_migrate runs in.
    for app_config in registre.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    groupes_agents_configurer()
