"""Kiosk devices, client sign-in, tokens and the brute-force lockout."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from apps.borne_auth.models import Borne, TentativeConnexion
from apps.clients.models import Client
from apps.core.exceptions import ApplicationError
from apps.core.services import limite_atteinte, limite_compter
from apps.souscriptions.models import Contrat

FENETRE_VERROUILLAGE = timedelta(minutes=15)
MAX_ECHECS_PAR_POLICE = 5
MAX_ECHECS_PAR_BORNE = 20
ETATS_AUTORISES = {"actif", "suspendu", "expire"}  # an expired PASS must still renew at the kiosk
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


def client_connecter(*, police: str, telephone: str, borne: Borne | None, adresse_ip: str | None) -> Connexion:
    """Sign a client in with numéro de police + telephone, under the lockout rules."""
    police = police.strip().upper()
    attente = _attente_verrouillage(police=police, borne=borne, adresse_ip=adresse_ip)
    if attente:
        raise TropDeTentatives(attente)

    contrat = (
        Contrat.objects.filter(numero_police=police)
        .only("client_id", "client_telephone", "etat", "numero_police")
        .first()
    )
    if contrat is None or contrat.client_telephone != telephone or contrat.etat not in ETATS_AUTORISES:
        TentativeConnexion.objects.create(
            police=police[:30], borne_identifiant=borne.identifiant if borne else "", adresse_ip=adresse_ip
        )
        raise ApplicationError("identifiants_invalides", MESSAGE_IDENTIFIANTS, status_code=401)

    client = Client.objects.get(pk=contrat.client_id)
    refresh = _jetons(client_id=client.pk, police=contrat.numero_police)
    return Connexion(
        client=client,
        police=contrat.numero_police,
        access=str(refresh.access_token),
        refresh=str(refresh),
        expires_in=int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()),
    )


def _jetons(*, client_id: int, police: str) -> RefreshToken:
    refresh = RefreshToken()
    refresh["client_id"] = client_id
    refresh["police"] = police
    return refresh


def _refresh_valide(jeton: str) -> RefreshToken:
    try:
        return RefreshToken(jeton)  # checks signature, expiry and the blacklist
    except TokenError as exc:
        raise ApplicationError(
            "session_expiree", "Votre session a expiré. Veuillez vous identifier à nouveau.", status_code=401
        ) from exc


@transaction.atomic
def session_renouveler(*, refresh: str) -> tuple[str, str]:
    """New access token and a rotated refresh; the old refresh can never be used again."""
    ancien = _refresh_valide(refresh)
    client_id, police = ancien.get("client_id"), ancien.get("police")
    # A contrat résilié since sign-in ends the session.
    if not Contrat.objects.filter(numero_police=police, client_id=client_id, etat__in=ETATS_AUTORISES).exists():
        ancien.blacklist()
        raise ApplicationError("session_expiree", "Votre session a expiré. Veuillez vous identifier à nouveau.", 401)
    ancien.blacklist()
    nouveau = _jetons(client_id=client_id, police=police)
    return str(nouveau.access_token), str(nouveau)


def session_terminer(*, refresh: str) -> None:
    _refresh_valide(refresh).blacklist()


def tentatives_purger() -> int:
    """Delete failures older than the window (they no longer count)."""
    supprimees, _ = TentativeConnexion.objects.filter(date__lt=timezone.now() - FENETRE_VERROUILLAGE).delete()
    return supprimees
