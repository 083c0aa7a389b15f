-- Helper functions used by the views and triggers of NSIA PASS.

-- "Today" for every business rule: the session setting pass.aujourdhui when present
-- (tests and demos freeze the day with SET pass.aujourdhui = '2024-10-01'),
-- otherwise today's date in Brazzaville.
CREATE OR REPLACE FUNCTION pass_aujourdhui() RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(
        nullif(current_setting('pass.aujourdhui', true), '')::date,
        (now() AT TIME ZONE 'Africa/Brazzaville')::date
    )
$$;

-- Number of échéances per year for a périodicité (n in the domain rules).
CREATE OR REPLACE FUNCTION pass_echeances_par_an(periodicite text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE periodicite
        WHEN 'annuelle' THEN 1
        WHEN 'semestrielle' THEN 2
        WHEN 'trimestrielle' THEN 4
        WHEN 'mensuelle' THEN 12
    END
$$;
