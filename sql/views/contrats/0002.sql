-- contrats: one row per souscription that has a numéro de police, with its figures.
--   total_paye      = sum of succes paiements
--   total_du_a_date = sum of montant_du of échéances started on or before today
--   solde           = total_paye - total_du_a_date (negative: arrears, positive: advance)
--   arrieres        = sum of reste_a_payer of en_retard échéances
--   etat            = actif | expire (activee past date_expiration) | suspendu | resilie
--
-- Version 2: the succes paiements are summed once per souscription (version 1 summed them here
-- and again inside the cotisations view it aggregated). The échéances are those of the
-- cotisations view (same schedule, same amounts); paid amounts go to the oldest first, so:
--   arrieres                   = greatest(total_du_a_date - total_paye, 0)
--   prochaine échéance         = the first échéance starting after today not fully paid
--                                (cumul_avant + montant_du > total_paye)
--   its montant (reste à payer) = least(montant_du, cumul_avant + montant_du - total_paye)
CREATE OR REPLACE VIEW contrats AS
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
    t.total_paye,
    f.total_du_a_date,
    t.total_paye - f.total_du_a_date AS solde,
    greatest(f.total_du_a_date - t.total_paye, 0)::bigint AS arrieres,
    f.prochaine_echeance_date,
    f.prochaine_echeance_montant
FROM souscriptions_pass s
JOIN numeros_police_congo np ON np.souscription_id = s.id
JOIN clients_pass c ON c.id = s.client_id
JOIN produits_pass pr ON pr.id = s.produit_id
LEFT JOIN agents a ON a.id = np.agent_attribueur_id
CROSS JOIN LATERAL (
    SELECT pass_echeances_par_an(s.periodicite) AS n
) p
CROSS JOIN LATERAL (
    SELECT coalesce(sum(pa.montant), 0)::bigint AS total_paye
    FROM paiements_pass pa
    WHERE pa.souscription_id = s.id AND pa.statut = 'succes'
) t
CROSS JOIN LATERAL (
    SELECT
        coalesce(sum(e.montant_du) FILTER (WHERE e.date_debut <= pass_aujourdhui()), 0)::bigint
            AS total_du_a_date,
        min(e.date_debut) FILTER (
            WHERE e.date_debut > pass_aujourdhui() AND e.cumul_avant + e.montant_du > t.total_paye
        ) AS prochaine_echeance_date,
        (array_agg(least(e.montant_du, e.cumul_avant + e.montant_du - t.total_paye) ORDER BY e.date_debut)
            FILTER (WHERE e.date_debut > pass_aujourdhui() AND e.cumul_avant + e.montant_du > t.total_paye))[1]
            AS prochaine_echeance_montant
    FROM (
        SELECT
            (s.date_effet + make_interval(months => (k - 1) * 12 / p.n))::date AS date_debut,
            (s.montant_prime / p.n
                + CASE WHEN k % p.n = 0 THEN s.montant_prime % p.n ELSE 0 END)::bigint AS montant_du,
            ((k - 1)::bigint * (s.montant_prime / p.n)
                + ((k - 1) / p.n)::bigint * (s.montant_prime % p.n)) AS cumul_avant
        FROM generate_series(
            1, (extract(year FROM age(s.date_expiration, s.date_effet))::integer + 1) * p.n
        ) AS k
    ) e
    WHERE e.date_debut <= s.date_expiration
) f;
