"""The agents' admin as the demo agent AGT001 and as a superviseur."""

import pytest
from django.contrib.auth import get_user_model

from apps.agents.services import agent_assigner_groupe
from apps.core.tests.factories import AgentFactory


@pytest.fixture
def agent_connecte(demo, client):
    # force_login: with django-axes, Client.login() needs a request and raises.
    client.force_login(get_user_model().objects.get(username="agt001"))
    return client


@pytest.fixture
def superviseur_connecte(demo, client):
    superviseur = AgentFactory(matricule="SUP001")
    agent_assigner_groupe(agent=superviseur, superviseur=True)
    client.force_login(superviseur.user)
    return client
