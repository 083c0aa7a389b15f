-- cotisations: one row per échéance of every contrat (a souscription with a numéro de police).
--
-- n = échéances per year; échéance k starts at date_effet + (k-1)*12/n months and ends the
-- day before the next one; échéances exist for every start <= date_expiration.
-- montant_du = floor(prime / n), plus the remainder on the last échéance of each year.
-- Paid amounts (succes paiements only) are allocated oldest first:
--   montant_paye(k) = clamp(total_paye - sum of montant_du before k, 0, montant_du(k)).
-- The sum before k has a closed form, so no window function stops a filter on client_id,
-- souscription_id or numero_police from being pushed down to the client's own rows.
CREATE VIEW cotisations AS
SELECT
    np.numero_police || '-' || lpad(e.rang::text, 3, '0') AS numero_quittance,
    s.id AS souscription_id,
    np.numero_police,
    s.client_id,
    e.rang,
    e.date_debut,
    e.date_fin,
    e.montant_du,
    m.montant_paye,
    e.montant_du - m.montant_paye AS reste_a_payer,
    CASE
        WHEN e.montant_du - m.montant_paye = 0 THEN 'payee'
        WHEN e.date_debut <= pass_aujourdhui() THEN 'en_retard'
        ELSE 'a_venir'
    END AS statut
FROM souscriptions_pass s
JOIN numeros_police_congo np ON np.souscription_id = s.id
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
        k AS rang,
        (s.date_effet + make_interval(months => (k - 1) * 12 / p.n))::date AS date_debut,
        (s.date_effet + make_interval(months => k * 12 / p.n))::date - 1 AS date_fin,
        (s.montant_prime / p.n
            + CASE WHEN k % p.n = 0 THEN s.montant_prime % p.n ELSE 0 END)::bigint AS montant_du,
        ((k - 1)::bigint * (s.montant_prime / p.n)
            + ((k - 1) / p.n)::bigint * (s.montant_prime % p.n)) AS cumul_avant
    FROM generate_series(
        1, (extract(year FROM age(s.date_expiration, s.date_effet))::integer + 1) * p.n
    ) AS k
) e
CROSS JOIN LATERAL (
    SELECT least(greatest(t.total_paye - e.cumul_avant, 0), e.montant_du) AS montant_paye
) m
WHERE e.date_debut <= s.date_expiration;
