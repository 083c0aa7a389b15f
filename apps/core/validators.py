from django.core.exceptions import ValidationError

from apps.core.telephone import MESSAGE_TELEPHONE, telephone_valide


def valider_telephone(valeur: str) -> None:
    if not telephone_valide(valeur):
        raise ValidationError(MESSAGE_TELEPHONE, code="telephone_invalide")
