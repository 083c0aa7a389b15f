"""Kiosk devices, client sign-in, tokens and the brute-force lockout."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from apps.agents.models import ActionJournalisee
from apps.agents.services import action_journaliser, champs_changer
from apps.borne_auth.models import AppelAgent, Borne, SessionClient, TentativeConnexion
from apps.clients.models import Client
from apps.core.exceptions import ApplicationError
from apps.core.limites import verrouiller
from apps.core.services import limite_atteinte, limite_compter
from apps.souscriptions.models import Contrat, StatutSouscription

FENETRE_VERROUILLAGE = timedelta(minutes=15)
MAX_ECHECS_PAR_POLICE = 5
MAX_ECHECS_PAR_BORNE = 20
ETATS_AUTORISES = {"actif", "suspendu", "expire"}  # an expired PASS must still renew at the kiosk
# A session stays open while the souscription used to sign in has one of these statuts.
STATUTS_SESSION_OUVERTE = (StatutSouscription.ACTIVEE, StatutSouscription.SUSPENDUE)
# Last contact is written at most once a minute per kiosk: not one UPDATE per request.
INTERVALLE_DERNIERE_ACTIVITE = timedelta(minutes=1)

MESSAGE_IDENTIFIANTS = "Numéro de police ou téléphone incorrect. Vérifiez vos informations et réessayez."


class BorneInconnue(ApplicationError):
    status_code = 401

    def __init__(self):
        super().__init__(
            "borne_inconnue",
            "Cette borne n'est pas reconnue. Merci de vous adresser à un agent NSIA.",
        )


class TropDeTentatives(ApplicationError):
    status_code = 429

    def __init__(self, attente_secondes: int):
        minutes = max(1, -(-attente_secondes // 60))
        super().__init__(
            "trop_de_tentatives",
            f"Trop de tentatives. Par sécurité, réessayez dans {minutes} minute{'s' if minutes > 1 else ''}.",
            details={"retry_after": attente_secondes},
        )
        self.retry_after = attente_secondes


def borne_creer(*, identifiant: str, libelle: str, agence: str) -> tuple[Borne, str]:
    """Register a kiosk; returns it with its secret key, shown once and stored hashed."""
    cle = secrets.token_urlsafe(32)
    borne = Borne(identifiant=identifiant, libelle=libelle, agence=agence)
    borne.definir_cle(cle)
    borne.save()
    return borne, cle


class BorneVerrouillee(ApplicationError):
    status_code = 429

    def __init__(self, attente_secondes: int):
        super().__init__(
            "borne_verrouillee",
            "Trop d'essais de clé pour cette borne. Merci de vous adresser à un agent NSIA.",
            details={"retry_after": attente_secondes},
        )
        self.retry_after = attente_secondes


def _echecs_borne(identifiant: str) -> dict:
    return {
        "cle": f"borne_cle:{identifiant}",
        "maximum": settings.BORNE_ECHECS_MAX,
        "fenetre": timedelta(minutes=settings.BORNE_ECHECS_FENETRE_MINUTES),
    }


def borne_authentifier(*, identifiant: str | None, cle: str | None, obligatoire: bool = True) -> Borne | None:
    """The active kiosk behind X-Borne-Id/X-Borne-Key, or a 401 when the setting requires one.

    Wrong keys are counted per X-Borne-Id: past the limit that id is locked (429) for the rest
    of the window, the right key included, so that nobody can try keys for a kiosk at length.
    """
    borne = None
    if identifiant:
        attente = limite_atteinte(**_echecs_borne(identifiant))
        if attente:
            raise BorneVerrouillee(attente)
    if identifiant and cle and len(identifiant) <= 50 and len(cle) <= 200:
        borne = Borne.objects.filter(identifiant=identifiant, actif=True).first()
        if borne and not borne.verifier_cle(cle):
            borne = None
    if borne is None:
        if identifiant:
            # Counted atomically: with 50 wrong keys at once, the 11th and later are 429 too.
            attente = limite_compter(**_echecs_borne(identifiant))
            if attente:
                raise BorneVerrouillee(attente)
        if obligatoire and settings.BORNE_REQUIRED:
            raise BorneInconnue()
        return None
    maintenant = timezone.now()
    if borne.derniere_activite is None or maintenant - borne.derniere_activite > INTERVALLE_DERNIERE_ACTIVITE:
        Borne.objects.filter(pk=borne.pk).update(derniere_activite=maintenant)
        borne.derniere_activite = maintenant
    return borne


def borne_signaler_activite(*, borne: Borne, version_app: str, statut: str) -> Borne:
    borne.derniere_activite = timezone.now()
    borne.version_app = version_app[:50]
    borne.statut_rapporte = statut[:100]
    borne.save(update_fields=["derniere_activite", "version_app", "statut_rapporte"])
    return borne


def agent_appeler(*, borne: Borne) -> AppelAgent:
    """The borne asks for an agent; a call still waiting is kept, not doubled."""
    appel, _ = AppelAgent.objects.get_or_create(borne=borne, traite_le__isnull=True, defaults={"borne": borne})
    return appel


def appels_agent_traiter(*, appels) -> int:
    return appels.filter(traite_le__isnull=True).update(traite_le=timezone.now())


def _attente_verrouillage(*, police: str, borne: Borne | None, adresse_ip: str | None) -> int:
    """Seconds until the oldest counted failure leaves the window, 0 when not locked."""
    depuis = timezone.now() - FENETRE_VERROUILLAGE
    recentes = TentativeConnexion.objects.filter(date__gte=depuis)
    compteurs = [(recentes.filter(police=police), MAX_ECHECS_PAR_POLICE)]
    if borne is not None:
        compteurs.append((recentes.filter(borne_identifiant=borne.identifiant), MAX_ECHECS_PAR_BORNE))
    elif adresse_ip:
        compteurs.append((recentes.filter(adresse_ip=adresse_ip), MAX_ECHECS_PAR_BORNE))
    attente = 0
    for echecs, maximum in compteurs:
        if echecs.count() >= maximum:
            # The window slides: locked until enough failures have aged out of it.
            plus_ancienne = echecs.order_by("-date").values_list("date", flat=True)[maximum - 1]
            attente = max(attente, int((plus_ancienne + FENETRE_VERROUILLAGE - timezone.now()).total_seconds()) + 1)
    return attente


@dataclass(frozen=True)
class Connexion:
    client: Client
    police: str
    access: str
    refresh: str
    expires_in: int


MESSAGE_SESSION_EXPIREE = "Votre session a expiré. Veuillez vous identifier à nouveau."


class SessionExpiree(ApplicationError):
    status_code = 401

    def __init__(self):
        super().__init__("session_expiree", MESSAGE_SESSION_EXPIREE)


def client_connecter(*, police: str, telephone: str, borne: Borne | None, adresse_ip: str | None) -> Connexion:
    """Sign a client in with numéro de police + telephone, under the lockout rules.

    The failures of one police (and of one borne or address) are counted under advisory locks:
    5 failures mean 5 credential checks, even when the attempts arrive at the same moment.
    """
    police = police.strip().upper()[:30]
    with transaction.atomic():
        verrouiller(
            [
                f"connexion:police:{police}",
                f"connexion:borne:{borne.identifiant}" if borne else f"connexion:ip:{adresse_ip}",
            ]
        )
        attente = _attente_verrouillage(police=police, borne=borne, adresse_ip=adresse_ip)
        if attente:
            raise TropDeTentatives(attente)
        contrat = (
            Contrat.objects.filter(numero_police=police)
            .only("client_id", "client_telephone", "etat", "numero_police")
            .first()
        )
        refuse = contrat is None or contrat.client_telephone != telephone or contrat.etat not in ETATS_AUTORISES
        if refuse:
            # Committed with the transaction, before the refusal is raised below.
            TentativeConnexion.objects.create(
                police=police, borne_identifiant=borne.identifiant if borne else "", adresse_ip=adresse_ip
            )
        else:
            refresh, acces = session_ouvrir(
                client_id=contrat.client_id, souscription_id=contrat.pk, police=contrat.numero_police, borne=borne
            )
    if refuse:
        raise ApplicationError("identifiants_invalides", MESSAGE_IDENTIFIANTS, status_code=401)
    return Connexion(
        client=Client.objects.get(pk=contrat.client_id),
        police=contrat.numero_police,
        access=acces,
        refresh=str(refresh),
        expires_in=int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()),
    )


def session_ouvrir(*, client_id: int, souscription_id: int, police: str, borne: Borne | None):
    """A new session (30 minutes at most) and its first tokens: (refresh, access)."""
    debut = timezone.now()
    session = SessionClient.objects.create(
        client_id=client_id,
        souscription_id=souscription_id,
        borne=borne,
        date_debut=debut,
        expire_le=debut + settings.SESSION_CLIENT_DUREE,
        jti_refresh="",
    )
    refresh, acces = _jetons(session=session, police=police)
    session.jti_refresh = refresh["jti"]
    session.save(update_fields=["jti_refresh"])
    return refresh, acces


def _jetons(*, session: SessionClient, police: str) -> tuple[RefreshToken, str]:
    """A refresh and an access token for the session, neither outliving it."""
    refresh = RefreshToken()
    refresh["client_id"] = session.client_id
    refresh["police"] = police
    refresh["sid"] = str(session.pk)
    fin = int(session.expire_le.timestamp())
    refresh["exp"] = min(refresh["exp"], fin)
    acces = refresh.access_token
    acces["exp"] = min(acces["exp"], fin)
    return refresh, str(acces)


def _refresh_lu(jeton: str) -> RefreshToken:
    try:
        refresh = RefreshToken(jeton)  # checks signature, type and expiry
    except TokenError as exc:
        raise SessionExpiree() from exc
    if not refresh.get("sid"):
        raise SessionExpiree()
    return refresh


def sessions_revoquer(*, sessions, motif: str) -> int:
    """End sessions now: their refresh and access tokens are refused from the next request."""
    return sessions.filter(revoquee_le__isnull=True).update(revoquee_le=timezone.now(), motif_revocation=motif)


def session_revoquer(*, session_id, motif: str) -> int:
    return sessions_revoquer(sessions=SessionClient.objects.filter(pk=session_id), motif=motif)


def session_renouveler(*, refresh: str) -> tuple[str, str]:
    """New access token and a rotated refresh.

    Atomic: the refresh named in the session is swapped in one conditional UPDATE, so of two
    uses of the same refresh (a replay or a race) one at most succeeds; any other use revokes
    the whole session (docs/securite-identite.md, « Sessions »).
    """
    ancien = _refresh_lu(refresh)
    sid = ancien["sid"]
    session = (
        SessionClient.objects.filter(pk=sid, revoquee_le__isnull=True, expire_le__gt=timezone.now())
        .select_related("souscription")
        .first()
    )
    if session is None:
        raise SessionExpiree()
    # A contrat résilié since sign-in ends the session.
    if session.souscription.statut not in STATUTS_SESSION_OUVERTE:
        session_revoquer(session_id=sid, motif="resiliation")
        raise SessionExpiree()
    nouveau, acces = _jetons(session=session, police=ancien["police"])
    tourne = SessionClient.objects.filter(pk=sid, jti_refresh=ancien["jti"], revoquee_le__isnull=True).update(
        jti_refresh=nouveau["jti"]
    )
    if not tourne:
        session_revoquer(session_id=sid, motif="refresh_reutilise")
        raise SessionExpiree()
    return acces, str(nouveau)


def session_terminer(*, refresh: str) -> None:
    if not session_revoquer(session_id=_refresh_lu(refresh)["sid"], motif="deconnexion"):
        raise SessionExpiree()


# Ended sessions stay visible to agents this long, then go.
CONSERVATION_SESSIONS = timedelta(days=30)


def sessions_purger() -> int:
    supprimees, _ = SessionClient.objects.filter(expire_le__lt=timezone.now() - CONSERVATION_SESSIONS).delete()
    return supprimees


def tentatives_purger() -> int:
    """Delete failures older than the window (they no longer count)."""
    supprimees, _ = TentativeConnexion.objects.filter(date__lt=timezone.now() - FENETRE_VERROUILLAGE).delete()
    return supprimees


def sessions_revoquer_par_agent(*, sessions, utilisateur, objet: str) -> int:
    """An agent ends kiosk sessions from the admin: journaled with how many were still open."""
    with transaction.atomic():
        nombre = sessions_revoquer(sessions=sessions, motif="agent")
        action_journaliser(
            utilisateur=utilisateur,
            action=ActionJournalisee.REVOCATION_SESSIONS,
            objet=objet,
            details={"nombre": nombre},
        )
    return nombre


@transaction.atomic
def bornes_desactiver(*, bornes, utilisateur) -> int:
    """Superviseurs only (the admin action asks for change_borne); one journal line per borne."""
    nombre = 0
    for borne in bornes.select_for_update().filter(actif=True):
        borne.actif = False
        borne.save(update_fields=["actif"])
        action_journaliser(
            utilisateur=utilisateur,
            action=ActionJournalisee.BORNE,
            objet=f"borne {borne.identifiant}",
            details={"actif": [True, False]},
        )
        nombre += 1
    return nombre


@transaction.atomic
def borne_modifier(*, borne: Borne, changements: dict, utilisateur) -> Borne:
    """A superviseur edits a borne (libellé, agence, actif): the before/after of each field is journaled."""
    borne = Borne.objects.select_for_update().get(pk=borne.pk)
    differences = champs_changer(borne, changements)
    if differences:
        borne.save(update_fields=list(differences))
        action_journaliser(
            utilisateur=utilisateur,
            action=ActionJournalisee.BORNE,
            objet=f"borne {borne.identifiant}",
            details=differences,
        )
    return borne
