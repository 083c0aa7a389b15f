-- A name without accents and in lower case, for the agents' search (« Gisele » finds Gisèle).
-- IMMUTABLE (unlike the unaccent extension, which depends on a dictionary) so that the clients'
-- names can be indexed by it.
CREATE OR REPLACE FUNCTION pass_sans_accents(valeur text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT translate(
        lower(valeur),
        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ',
        'aaaaaaceeeeiiiinooooouuuuyyoa'
    )
$$;
