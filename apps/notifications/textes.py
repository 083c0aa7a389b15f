"""The messages, in plain French, each within one SMS (160 GSM-7 characters).

Only characters of the GSM 03.38 alphabet are used (é è à ù are in it; ç ê ô â are not), so a
message is one SMS, not a 70-character UCS-2 one. The tests check every text at its longest.
Each text has a WhatsApp template of the same name whose placeholders are `parametres`.
"""

from smpplib.gsm import GSM_CHARACTER_TABLE

LONGUEUR_SMS = 160


def montant_lisible(montant: int) -> str:
    return f"{montant:,}".replace(",", " ") + " FCFA"


def longueur_gsm7(texte: str) -> int | None:
    """Septets of `texte` in the GSM-7 alphabet (extension characters count 2), None if outside."""
    longueur = 0
    for caractere in texte:
        index = GSM_CHARACTER_TABLE.find(caractere)
        if index < 0 or caractere == "`":
            return None
        longueur += 2 if index >= 0x80 else 1
    return longueur


def gsm7(texte: str) -> str:
    """Replace what GSM-7 lacks (names typed by people) by its closest letter."""
    remplacements = str.maketrans("çêëôöîïâûœÊÈÔÎÂÇ’«»", 'ceeooiiauoEEOIAC\'""')
    texte = texte.translate(remplacements)
    return "".join(c if longueur_gsm7(c) else "?" for c in texte)


def couper(texte: str, maximum: int) -> str:
    return texte if len(texte) <= maximum else texte[: maximum - 1] + "."


def code_preuve(*, code: str) -> tuple[str, list]:
    return (f"NSIA PASS : votre code est {code}. Il est valable 5 minutes. Ne le donnez à personne.", [code])


def police_attribuee(*, produit: str, police: str) -> tuple[str, list]:
    produit = couper(gsm7(produit), 20)
    return (
        f"NSIA PASS : votre contrat {produit} est actif. Numéro de police : {police}. "
        "Pour vous connecter à une borne : ce numéro et votre téléphone.",
        [produit, police],
    )


def paiement_succes(*, montant: int, police: str, solde: int, reference: str) -> tuple[str, list]:
    montant, solde = montant_lisible(montant), montant_lisible(solde)
    return (
        f"NSIA PASS : paiement de {montant} enregistré sur le contrat {police}. "
        f"Reste à payer : {solde}. Référence : {reference}.",
        [montant, police, solde, reference],
    )


def paiement_echec(*, montant: int, motif: str) -> tuple[str, list]:
    montant, motif = montant_lisible(montant), couper(gsm7(motif or "refusé"), 40)
    return (
        f"NSIA PASS : le paiement de {montant} n'a pas abouti ({motif}). "
        "Réessayez à une borne NSIA ou par le menu USSD.",
        [montant, motif],
    )


def echeance_proche(*, montant: int, date: str, police: str) -> tuple[str, list]:
    montant = montant_lisible(montant)
    return (
        f"NSIA PASS : échéance de {montant} le {date} pour le contrat {police}. "
        "Payez à une borne NSIA ou par le menu USSD.",
        [montant, date, police],
    )


def echeance_manquee(*, montant: int, date: str, police: str) -> tuple[str, list]:
    montant = montant_lisible(montant)
    return (
        f"NSIA PASS : l'échéance de {montant} du {date} (contrat {police}) n'est pas payée. "
        "Payez à une borne NSIA ou par le menu USSD.",
        [montant, date, police],
    )


def expiration_proche(*, police: str, date: str) -> tuple[str, list]:
    return (
        f"NSIA PASS : votre contrat {police} expire le {date}. "
        "Renouvelez-le à une borne NSIA ou par le menu USSD pour rester couvert.",
        [police, date],
    )


def expiration(*, police: str) -> tuple[str, list]:
    return (
        f"NSIA PASS : votre contrat {police} a expiré aujourd'hui. "
        "Renouvelez-le à une borne NSIA ou par le menu USSD pour retrouver votre couverture.",
        [police],
    )


ACTIONS_BENEFICIAIRE = {"ajout": "ajouté", "modification": "modifié", "suppression": "retiré"}


def beneficiaire(*, action: str, nom: str, police: str, borne: str, service_client: str) -> tuple[str, list]:
    action, nom, borne = ACTIONS_BENEFICIAIRE[action], couper(gsm7(nom), 20), couper(gsm7(borne), 16)
    return (
        f"NSIA PASS : bénéficiaire {nom} {action} sur le contrat {police} (borne {borne}). "
        f"Si ce n'est pas vous, appelez le {service_client}.",
        [nom, action, police, borne, service_client],
    )


def sinistre_statut(*, date: str, statut: str) -> tuple[str, list]:
    statut = gsm7(statut).lower()
    return (f"NSIA PASS : votre sinistre du {date} est maintenant : {statut}.", [date, statut])
