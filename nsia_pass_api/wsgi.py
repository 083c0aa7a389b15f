import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nsia_pass_api.settings.production")

application = get_wsgi_application()

# gunicorn runs no system check: refuse here a production database holding demo data.
from apps.demo.checks import refuser_de_demarrer_si_demo  # noqa: E402

refuser_de_demarrer_si_demo()
