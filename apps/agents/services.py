from django.contrib.auth.models import Group, Permission
from django.db import transaction

from apps.agents.models import ActionJournalisee, Agent, JournalAction

GROUPE_AGENT = "Agent"
GROUPE_SUPERVISEUR = "Superviseur"

# What an agent does in the admin: attribute police numbers, follow clients and
# souscriptions, record cash payments, instruct claims. Money is read-only.
PERMISSIONS_AGENT = [
    "clients.view_client",
    "clients.change_client",
    "produits.view_produit",
    "souscriptions.view_souscription",
    "souscriptions.view_cotisation",
    "souscriptions.view_contrat",
    "souscriptions.view_beneficiaire",
    "souscriptions.view_numeropolice",
    "souscriptions.add_numeropolice",
    "souscriptions.view_souscriptionsanspolice",
    "souscriptions.view_historiquepolice",
    "mtn_integration.view_transactionmomo",
    "mtn_integration.view_paiementaverifier",
    "paiements.view_paiement",
    "paiements.add_paiement",
    "sinistres.view_sinistre",
    "sinistres.change_sinistre",
    "borne_auth.view_borne",
    "borne_auth.view_appelagent",  # a borne asks for help (« Appeler un agent »)
    "borne_auth.change_appelagent",  # marking the call handled
]
# A superviseur also changes an attributed number, suspends souscriptions and manages kiosks.
PERMISSIONS_SUPERVISEUR = PERMISSIONS_AGENT + [
    "souscriptions.change_numeropolice",
    "souscriptions.change_souscription",
    "souscriptions.change_beneficiaire",
    "borne_auth.add_borne",
    "borne_auth.change_borne",
    "agents.view_agent",
    "agents.view_journalaction",
]


def _permissions(noms: list[str]) -> list[Permission]:
    permissions = []
    for nom in noms:
        app_label, codename = nom.split(".")
        permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return permissions


@transaction.atomic
def groupes_agents_configurer() -> tuple[Group, Group]:
    """Create or refresh the Agent and Superviseur groups with exactly their permissions."""
    agent, _ = Group.objects.get_or_create(name=GROUPE_AGENT)
    agent.permissions.set(_permissions(PERMISSIONS_AGENT))
    superviseur, _ = Group.objects.get_or_create(name=GROUPE_SUPERVISEUR)
    superviseur.permissions.set(_permissions(PERMISSIONS_SUPERVISEUR))
    return agent, superviseur


def agent_assigner_groupe(*, agent: Agent, superviseur: bool) -> None:
    groupe_agent, groupe_superviseur = groupes_agents_configurer()
    user = agent.user
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(groupe_superviseur if superviseur else groupe_agent)


def est_superviseur(user) -> bool:
    return bool(user and (user.is_superuser or user.groups.filter(name=GROUPE_SUPERVISEUR).exists()))


def agent_de(user) -> Agent | None:
    return Agent.objects.filter(user=user, actif=True).first() if user and user.is_authenticated else None


def champs_changer(objet, changements: dict) -> dict:
    """Set on `objet` the fields whose value differs and return their [avant, après], as the
    journal stores them (dates as ISO text). Empty: nothing to save, nothing to journal."""
    differences = {}
    for champ, valeur in changements.items():
        avant = getattr(objet, champ)
        if avant != valeur:
            differences[champ] = [_lisible(avant), _lisible(valeur)]
            setattr(objet, champ, valeur)
    return differences


def _lisible(valeur):
    return valeur.isoformat() if hasattr(valeur, "isoformat") else valeur


def action_journaliser(*, utilisateur, action: ActionJournalisee, objet, details: dict | None = None) -> JournalAction:
    """Write one line of the agents' journal, in the caller's transaction (it lands only if the action does)."""
    return JournalAction.objects.create(
        utilisateur=utilisateur,
        agent=agent_de(utilisateur),
        action=action,
        objet=str(objet)[:120],
        details=details or {},
    )
