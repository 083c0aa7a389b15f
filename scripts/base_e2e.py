"""Print the URL of a fresh, empty database for the end-to-end run (never the developer's own).

Without DATABASE_URL: `nsia_pass_e2e` in the embedded PostgreSQL. With DATABASE_URL: a database
named after it with `_e2e` appended, dropped and created on the same server.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        from nsia_pass_api import embedded_db

        print(embedded_db.recreate("nsia_pass_e2e"))
        return
    import psycopg

    parties = urlsplit(url)
    nom = parties.path.lstrip("/") + "_e2e"
    maintenance = urlunsplit(parties._replace(path="/postgres"))
    connexion = psycopg.connect(maintenance, autocommit=True)
    with connexion.cursor() as curseur:
        curseur.execute(f'DROP DATABASE IF EXISTS "{nom}"')
        curseur.execute(f'CREATE DATABASE "{nom}"')
    connexion.close()
    print(urlunsplit(parties._replace(path="/" + nom)))


if __name__ == "__main__":
    main()
