"""The outbox and its events (docs/sms-whatsapp.md).

`notifier` writes the row and defers its job in the caller's transaction: an event that rolls
back leaves neither row nor job, a committed one always has both. The same event notified twice
(`cle`) stays one row, hence one message.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.telephone import masquer_telephone
from apps.notifications import textes
from apps.notifications.canaux import CanalIndisponible, EnvoiRefuse, Message, canaux_configures
from apps.notifications.models import RAPPELS, Evenement, Notification, PreferenceNotification
from apps.souscriptions.models import Contrat, NumeroPolice

logger = logging.getLogger(__name__)


class NotificationNonEnvoyee(Exception):
    """Every channel is down for now: the job is retried with backoff."""


def notifier(
    *, cle: str, evenement: str, telephone: str, message: tuple[str, list], client=None
) -> Notification | None:
    """Write one message of the outbox and its sending job, in the caller's transaction."""
    from apps.notifications.tasks import envoi_differer

    if evenement in RAPPELS and client is not None and rappels_refuses(client=client):
        return None
    texte, parametres = message
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                cle=cle[:120],
                evenement=evenement,
                client=client,
                telephone=telephone,
                texte=texte,
                parametres=parametres,
            )
    except IntegrityError:  # this event already has its message
        return None
    if canal_configure():  # otherwise the row waits for a channel (notifications_en_attente_relancer)
        envoi_differer(notification_id=notification.pk)
    return notification


def notifications_en_attente_relancer(*, plus_vieilles_que: timedelta = timedelta(minutes=2)) -> int:
    from apps.notifications.tasks import envoi_differer

    if not canal_configure():
        return 0
    en_attente = Notification.objects.filter(
        statut=Notification.Statut.A_ENVOYER, date_creation__lt=timezone.now() - plus_vieilles_que
    ).values_list("pk", flat=True)
    for notification_id in en_attente:
        envoi_differer(notification_id=notification_id)
    return len(en_attente)


def rappels_refuses(*, client) -> bool:
    return PreferenceNotification.objects.filter(client=client, rappels_refuses=True).exists()


def rappels_choisir(*, client, refuses: bool) -> PreferenceNotification:
    preference, _ = PreferenceNotification.objects.update_or_create(
        client=client, defaults={"rappels_refuses": refuses}
    )
    return preference


def canal_configure() -> bool:
    """A message can leave (so a code proof can be offered)."""
    return bool(canaux_configures())


def notification_envoyer(*, notification_id: int, tentatives_max: int = 12) -> Notification:
    """Send once: the row stays locked during the send, and a sent row is never sent again.

    Each attempt is recorded (telephone masked, no text). Raises NotificationNonEnvoyee when
    every channel is down, after recording the attempt, so that the job retries.
    """
    erreur = None
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.statut != Notification.Statut.A_ENVOYER:
            return notification
        message = Message(
            reference=str(notification.uuid),
            telephone=notification.telephone,
            texte=notification.texte,
            modele=notification.evenement,
            parametres=notification.parametres,
        )
        canaux = canaux_configures()
        if not canaux:
            erreur = "aucun canal configuré"
        for canal in canaux:
            tentative = {
                "date": timezone.now().isoformat(),
                "canal": canal.nom,
                "telephone": masquer_telephone(message.telephone),
            }
            try:
                id_fournisseur = canal.envoyer(message)
            except EnvoiRefuse as exc:
                notification.tentatives.append({**tentative, "resultat": "refusé", "detail": str(exc)})
                erreur = str(exc)
                continue
            except CanalIndisponible as exc:
                notification.tentatives.append({**tentative, "resultat": "indisponible", "detail": str(exc)})
                erreur = str(exc)
                continue
            notification.tentatives.append({**tentative, "resultat": "accepté", "id": id_fournisseur})
            notification.statut = Notification.Statut.ENVOYEE
            notification.canal = canal.nom
            notification.id_fournisseur = id_fournisseur[:100]
            notification.date_envoi = timezone.now()
            if notification.evenement == Evenement.CODE_PREUVE:  # the code is kept hashed only
                notification.texte = notification.texte.replace(notification.parametres[0], "******")
                notification.parametres = ["******"]
            erreur = None
            break
        if erreur and not canaux:
            notification.tentatives.append({"date": timezone.now().isoformat(), "resultat": erreur})
        if erreur and len(notification.tentatives) >= tentatives_max:
            notification.statut = Notification.Statut.ECHEC  # agents see it in the admin
        notification.save(
            update_fields=["statut", "canal", "id_fournisseur", "date_envoi", "tentatives", "texte", "parametres"]
        )
    if erreur:
        logger.warning("Notification %s non envoyée : %s", notification_id, erreur)
        if notification.statut == Notification.Statut.A_ENVOYER:
            raise NotificationNonEnvoyee(erreur)
    return notification


STATUTS_WHATSAPP = {
    "delivered": Notification.Statut.LIVREE,
    "read": Notification.Statut.LUE,
    "failed": Notification.Statut.ECHEC,
}
ORDRE_STATUTS = [Notification.Statut.ENVOYEE, Notification.Statut.LIVREE, Notification.Statut.LUE]


def statuts_whatsapp_enregistrer(*, charge: dict) -> int:
    """Delivery statuses of a verified webhook; late or repeated ones never move a status back."""
    changes = 0
    for entree in charge.get("entry") or []:
        for changement in entree.get("changes") or []:
            for statut in (changement.get("value") or {}).get("statuses") or []:
                nouveau = STATUTS_WHATSAPP.get(statut.get("status"))
                identifiant = str(statut.get("id") or "")
                if not nouveau or not identifiant:
                    continue
                with transaction.atomic():
                    notification = (
                        Notification.objects.select_for_update()
                        .filter(canal="whatsapp", id_fournisseur=identifiant)
                        .first()
                    )
                    if notification is None:
                        continue
                    actuel = notification.statut
                    if nouveau in ORDRE_STATUTS and actuel in ORDRE_STATUTS:
                        if ORDRE_STATUTS.index(nouveau) <= ORDRE_STATUTS.index(actuel):
                            continue
                    elif actuel not in ORDRE_STATUTS:
                        continue
                    notification.statut = nouveau
                    notification.tentatives.append(
                        {"date": timezone.now().isoformat(), "canal": "whatsapp", "statut": statut.get("status")}
                    )
                    notification.save(update_fields=["statut", "tentatives"])
                    changes += 1
    return changes


# --- The events ---


def police_attribuee_notifier(*, police) -> None:
    souscription = police.souscription
    client = souscription.client
    notifier(
        cle=f"police:{police.numero_police}",
        evenement=Evenement.POLICE_ATTRIBUEE,
        telephone=client.telephone,
        client=client,
        message=textes.police_attribuee(produit=souscription.produit.libelle, police=police.numero_police),
    )


def paiement_succes_notifier(*, paiement) -> None:
    """The client, and the payer when another number paid (both are told the same receipt)."""
    contrat = Contrat.objects.filter(pk=paiement.souscription_id).first()
    client = paiement.souscription.client
    police = contrat.numero_police if contrat else paiement.souscription.numero_souscription
    # No contrat yet (no police attributed): what remains of the year's premium.
    solde = contrat.solde if contrat else paiement.souscription.montant_prime - paiement.montant
    message = textes.paiement_succes(
        montant=paiement.montant, police=police, solde=max(solde, 0), reference=paiement.reference
    )
    destinataires = [client.telephone]
    if paiement.numero_payeur and paiement.numero_payeur != client.telephone:
        destinataires.append(paiement.numero_payeur)
    for telephone in destinataires:
        notifier(
            cle=f"paiement:{paiement.reference}:{telephone}",
            evenement=Evenement.PAIEMENT_SUCCES,
            telephone=telephone,
            client=client if telephone == client.telephone else None,
            message=message,
        )


def paiement_echec_notifier(*, paiement) -> None:
    telephone = paiement.numero_payeur or paiement.souscription.client.telephone
    client = paiement.souscription.client
    notifier(
        cle=f"paiement_echec:{paiement.reference}",
        evenement=Evenement.PAIEMENT_ECHEC,
        telephone=telephone,
        client=client if telephone == client.telephone else None,
        message=textes.paiement_echec(montant=paiement.montant, motif=paiement.motif_echec),
    )


def beneficiaire_changement_notifier(*, journal) -> None:
    souscription = journal.souscription
    client = souscription.client
    etat = journal.apres or journal.avant or {}
    police = NumeroPolice.objects.filter(souscription=souscription).values_list("numero_police", flat=True).first()
    notifier(
        cle=f"beneficiaire:{journal.pk}",
        evenement=Evenement.BENEFICIAIRE,
        telephone=client.telephone,
        client=client,
        message=textes.beneficiaire(
            action=journal.action,
            nom=f"{etat.get('prenom', '')} {etat.get('nom', '')}".strip(),
            police=police or souscription.numero_souscription,
            borne=getattr(journal.borne, "identifiant", None) or "NSIA",
            service_client=settings.NOTIFICATIONS_TELEPHONE_SERVICE_CLIENT,
        ),
    )


def sinistre_statut_notifier(*, sinistre) -> None:
    client = sinistre.souscription.client
    notifier(
        cle=f"sinistre:{sinistre.pk}:{sinistre.statut}",
        evenement=Evenement.SINISTRE_STATUT,
        telephone=client.telephone,
        client=client,
        message=textes.sinistre_statut(
            date=sinistre.date_survenance.strftime("%d/%m/%Y"), statut=sinistre.get_statut_display()
        ),
    )
