import time

from django.core.management.base import BaseCommand

from apps.borne_auth.services import sessions_purger, tentatives_purger
from apps.core.limites import demandes_limitees_purger
from apps.mtn_integration.services import reconcilier
from apps.souscriptions.services import souscriptions_abandonnees_annuler


class Command(BaseCommand):
    help = (
        "Tâches à lancer chaque minute : réconciliation des paiements MoMo en attente et annulation "
        "des souscriptions dont le premier paiement n'a jamais abouti (7 jours), purge des échecs de "
        "connexion sortis de la fenêtre de verrouillage, des demandes comptées par les limites et des "
        "vieilles sessions de borne."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--boucle",
            type=int,
            default=0,
            metavar="SECONDES",
            help="recommence toutes les N secondes (0 : une seule passe)",
        )

    def handle(self, *args, boucle=0, **options):
        while True:
            comptes = reconcilier()
            annulees = souscriptions_abandonnees_annuler()
            tentatives_purger()  # failed sign-ins older than the lockout window no longer count
            demandes_limitees_purger()  # requests older than the longest limit window no longer count
            sessions_purger()
            if comptes or annulees or not boucle:
                resume = ", ".join(f"{statut}: {n}" for statut, n in sorted(comptes.items())) or "rien à vérifier"
                self.stdout.write(f"Réconciliation MoMo — {resume} ; souscriptions abandonnées annulées : {annulees}")
            if not boucle:
                return
            time.sleep(boucle)
