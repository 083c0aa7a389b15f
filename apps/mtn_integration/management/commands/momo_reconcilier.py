import time

from django.core.management.base import BaseCommand

from apps.mtn_integration.services import reconcilier


class Command(BaseCommand):
    help = "Interroge MTN MoMo pour les paiements en attente (et abandonne après l'expiration MTN)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--boucle",
            type=int,
            default=0,
            metavar="SECONDES",
            help="recommence toutes les N secondes (0 : une seule passe)",
        )
        parser.add_argument("--paralleles", type=int, default=16)

    def handle(self, *args, boucle=0, paralleles=16, **options):
        while True:
            comptes = reconcilier(paralleles=paralleles)
            if comptes or not boucle:
                resume = ", ".join(f"{statut}: {n}" for statut, n in sorted(comptes.items())) or "rien à vérifier"
                self.stdout.write(f"Réconciliation MoMo — {resume}")
            if not boucle:
                return
            time.sleep(boucle)
