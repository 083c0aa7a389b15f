from apps.core.sql import lignes

# Read by the contrat detail at every visit: constant SQL (apps/core/sql.py), SinistreSerializer's columns.
SQL_SINISTRES_DU_CONTRAT = """
SELECT id, type, date_survenance, description, montant_reclame, montant_accorde, statut, date_declaration
  FROM sinistres_pass WHERE souscription_id = %(souscription)s ORDER BY date_declaration DESC
"""


def sinistres_du_contrat(*, souscription_id: int) -> list:
    return lignes(SQL_SINISTRES_DU_CONTRAT, {"souscription": souscription_id})
