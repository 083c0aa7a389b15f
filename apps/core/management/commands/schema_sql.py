from django.core.management.base import BaseCommand

from apps.core.schema import SCHEMA_FILE, schema_actuel


class Command(BaseCommand):
    help = "Écrit sql/schema.sql (DDL complet) à partir de la base migrée ; --check compare sans écrire."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="échoue si sql/schema.sql n'est pas à jour")

    def handle(self, *args, check=False, **options):
        ddl = schema_actuel()
        if check:
            if SCHEMA_FILE.read_text(encoding="utf-8") != ddl:
                raise SystemExit("sql/schema.sql n'est pas à jour : lancez python manage.py schema_sql")
            self.stdout.write("sql/schema.sql est à jour.")
            return
        SCHEMA_FILE.write_text(ddl, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{SCHEMA_FILE} écrit."))
