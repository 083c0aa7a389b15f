-- contrats: one row per souscription that has a numéro de police, with its figures.
--   total_paye      = sum of succes paiements
--   total_du_a_date = sum of montant_du of échéances started on or before today
--   solde           = total_paye - total_du_a_date (negative: arrears, positive: advance)
--   arrieres        = sum of reste_a_payer of en_retard échéances
--   etat            = actif | expire (activee past date_expiration) | suspendu | resilie
CREATE VIEW contrats AS
SELECT
    np.numero_police,
    s.id AS souscription_id,
    s.numero_souscription,
    c.id AS client_id,
    c.nom AS client_nom,
    c.prenom AS client_prenom,
    c.telephone AS client_telephone,
    pr.id AS produit_id,
    pr.code AS produit_code,
    pr.libelle AS produit_libelle,
    s.montant_prime,
    s.periodicite,
    s.date_effet,
    s.date_expiration,
    s.statut,
    CASE s.statut
        WHEN 'activee' THEN
            CASE WHEN s.date_expiration < pass_aujourdhui() THEN 'expire' ELSE 'actif' END
        WHEN 'suspendue' THEN 'suspendu'
        WHEN 'resiliee' THEN 'resilie'
    END AS etat,
    np.mode_attribution,
    np.agent_attribueur_id,
    a.nom AS agent_nom,
    a.prenom AS agent_prenom,
    np.date_attribution,
    f.total_paye,
    f.total_du_a_date,
    f.total_paye - f.total_du_a_date AS solde,
    f.arrieres,
    f.prochaine_echeance_date,
    f.prochaine_echeance_montant
FROM souscriptions_pass s
JOIN numeros_police_congo np ON np.souscription_id = s.id
JOIN clients_pass c ON c.id = s.client_id
JOIN produits_pass pr ON pr.id = s.produit_id
LEFT JOIN agents a ON a.id = np.agent_attribueur_id
CROSS JOIN LATERAL (
    SELECT
        (SELECT coalesce(sum(pa.montant), 0)::bigint
           FROM paiements_pass pa
          WHERE pa.souscription_id = s.id AND pa.statut = 'succes') AS total_paye,
        coalesce(sum(co.montant_du) FILTER (WHERE co.date_debut <= pass_aujourdhui()), 0)::bigint
            AS total_du_a_date,
        coalesce(sum(co.reste_a_payer) FILTER (WHERE co.statut = 'en_retard'), 0)::bigint
            AS arrieres,
        min(co.date_debut) FILTER (WHERE co.statut = 'a_venir') AS prochaine_echeance_date,
        (array_agg(co.reste_a_payer ORDER BY co.date_debut)
            FILTER (WHERE co.statut = 'a_venir'))[1] AS prochaine_echeance_montant
    FROM cotisations co
    WHERE co.souscription_id = s.id
) f;
