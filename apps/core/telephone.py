"""Congo telephone numbers: one canonical form `+242` followed by 9 digits."""

import re

import phonenumbers

FORMAT_TELEPHONE = re.compile(r"^\+242[0-9]{9}$")
MESSAGE_TELEPHONE = (
    "Numéro de téléphone invalide : il doit s'écrire +242 suivi de 9 chiffres, par exemple +242061234567."
)

# Operator by the first two national digits.
OPERATEURS = {"06": "mtn", "05": "airtel", "04": "azur"}


def telephone_valide(valeur: str) -> bool:
    """Strict contract format, and a number phonenumbers knows as a Congo number."""
    if not isinstance(valeur, str) or not FORMAT_TELEPHONE.match(valeur):
        return False
    return phonenumbers.is_valid_number(phonenumbers.parse(valeur, "CG"))


def operateur(telephone: str) -> str | None:
    return OPERATEURS.get(telephone[4:6]) if FORMAT_TELEPHONE.match(telephone or "") else None


def masquer_telephone(numero: str) -> str:
    """+242061234567 → +24206*****67: the country code, the operator's prefix and the last
    two digits stay readable, the length too (logs, notification attempts: docs/securite.md).

    The MoMo client masks in the same way on its own (apps/mtn_integration/momo/masking.py):
    it knows nothing of the project's apps.
    """
    garde = 6 if numero.startswith("+") else 5
    if len(numero) < garde + 4 + 2:
        return "*" * len(numero)
    return numero[:garde] + "*" * (len(numero) - garde - 2) + numero[-2:]
