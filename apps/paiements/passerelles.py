"""The one small interface every payment operator plugs into (docs/paiements.md, « Passerelles »).

A gateway (apps/mtn_integration/passerelle.py, apps/airtel_integration/passerelle.py) turns
its operator's client into these outcomes. It knows nothing of paiements, souscriptions or
the database rows of the payment core: it gets a `Demande`, answers with plain values, and
never calls up into the domain. The payment core (apps/paiements/operateurs.py) chooses the
gateway of a paiement's mode_paiement through the PAIEMENT_PASSERELLES setting.
"""

from dataclasses import dataclass
from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

# The three statuses the payment core knows, whatever the operator's own words.
EN_COURS = "PENDING"
REUSSI = "SUCCESSFUL"
ECHOUE = "FAILED"


@dataclass(frozen=True)
class Demande:
    """What an operator needs to ask a payer for money."""

    reference_id: str  # our transaction id at the operator, stored before sending
    montant: int
    payeur: str  # the payer's MSISDN, international digits without '+' (242…)
    reference: str  # our paiement reference
    libelle: str  # the text shown to the payer


@dataclass(frozen=True)
class ResultatEnvoi:
    accepte: bool  # the operator took the request (or already had this id)
    refus: str | None = None  # the operator refused it for good: its reason code


@dataclass(frozen=True)
class StatutOperateur:
    statut: str | None = None  # EN_COURS, REUSSI or ECHOUE
    raison: str | None = None
    reference_operateur: str | None = None
    inconnue: bool = False  # the operator never received this id


@dataclass(frozen=True)
class Indice:
    """What a callback names: our transaction id, or our paiement reference. Nothing else is kept."""

    reference_id: str | None = None
    reference: str | None = None


class Passerelle(Protocol):
    def envoyer(self, demande: Demande) -> ResultatEnvoi: ...

    def consulter(self, reference_id: str) -> StatutOperateur | None:
        """None: the operator could not be reached (no answer is not an answer)."""

    def indice(self, corps: dict, parametres: dict, entetes: dict) -> Indice | None:
        """A callback turned into a hint, or None when it is not from the operator (bad hash…)."""

    def rembourser(self, reference_operateur: str) -> bool: ...

    def motif(self, code: str | None) -> str:
        """The operator's reason code told in plain French for the kiosk."""


@cache
def _passerelle(chemin: str) -> Passerelle:
    return import_string(chemin)()


def passerelle_pour(mode_paiement: str) -> Passerelle:
    try:
        chemin = settings.PAIEMENT_PASSERELLES[mode_paiement]
    except KeyError:
        raise LookupError(f"Aucune passerelle pour le mode de paiement {mode_paiement!r}") from None
    return _passerelle(chemin)


def passerelles_oublier() -> None:
    """Forget the gateways built so far (tests change their settings)."""
    _passerelle.cache_clear()
