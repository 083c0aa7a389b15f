"""Production refuses a database that holds demo data: check (and --deploy) and the WSGI start."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from apps.borne_auth.services import borne_creer
from apps.core.tests.factories import ClientFactory
from apps.demo.checks import refuser_de_demarrer_si_demo
from apps.demo.services import DEMO_AGENT_MATRICULE, DEMO_BORNE_ID

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.REFUSER_DONNEES_DEMO = True


@pytest.mark.parametrize("options", [[], ["--deploy"]])
def test_check_refuse_la_demo(production, demo, options):
    with pytest.raises(SystemCheckError, match="nsia.E001"):
        call_command("check", *options, "--fail-level", "ERROR")


def test_le_serveur_refuse_de_demarrer(production, demo):
    with pytest.raises(ImproperlyConfigured, match="borne BZV-DEMO-01"):
        refuser_de_demarrer_si_demo()


def _borne():
    borne_creer(identifiant=DEMO_BORNE_ID, libelle="Démo", agence="Brazzaville")


def _agent():
    get_user_model().objects.create_user(username=DEMO_AGENT_MATRICULE.lower(), password="x")


def _client():
    ClientFactory(telephone="+242059876543")


@pytest.mark.parametrize("creer", [_borne, _agent, _client])
def test_un_seul_reste_de_demo_suffit(production, produits, creer):
    creer()
    with pytest.raises(ImproperlyConfigured):
        refuser_de_demarrer_si_demo()


def test_base_sans_demo_demarre(production, produits):
    refuser_de_demarrer_si_demo()
    call_command("check", "--fail-level", "ERROR")


def test_hors_production_la_demo_est_permise(demo):
    refuser_de_demarrer_si_demo()
