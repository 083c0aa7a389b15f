from django.core.management.base import BaseCommand

from apps.demo.services import charger_demo


class Command(BaseCommand):
    help = "Charge (ou rafraîchit) les données de démonstration de NSIA PASS. Développement uniquement."

    def handle(self, *args, **options):
        infos = charger_demo()
        w = self.stdout.write
        w(self.style.SUCCESS(f"Données de démonstration chargées (jour de référence : {infos['jour']:%d/%m/%Y})."))
        w("Identifiants de démonstration (développement uniquement) :")
        w(
            f"  Admin agents  : http://127.0.0.1:8000/admin/  identifiant {infos['agent']['identifiant']}"
            f"  mot de passe {infos['agent']['mot_de_passe']}"
        )
        w(f"  Borne         : X-Borne-Id {infos['borne']['identifiant']}  X-Borne-Key {infos['borne']['cle']}")
        for client in infos["clients"]:
            w(f"  Client        : police {client['police']}  téléphone {client['telephone']}")
