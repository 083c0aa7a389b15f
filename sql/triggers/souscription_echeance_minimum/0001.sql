-- Each échéance (annual premium / échéances per year, rounded down) is at least the
-- produit's montant_minimum.
CREATE OR REPLACE FUNCTION souscription_controle_echeance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    minimum integer;
BEGIN
    -- A non-positive premium is left to the CHECK constraint souscription_prime_positive.
    IF NEW.montant_prime <= 0 THEN
        RETURN NEW;
    END IF;
    SELECT montant_minimum INTO minimum FROM produits_pass WHERE id = NEW.produit_id;
    IF NEW.montant_prime / pass_echeances_par_an(NEW.periodicite) < minimum THEN
        RAISE EXCEPTION 'Chaque échéance doit être d''au moins % FCFA.', minimum
            USING ERRCODE = 'check_violation', CONSTRAINT = 'souscription_echeance_minimum';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER souscription_controle_echeance
    BEFORE INSERT OR UPDATE OF montant_prime, periodicite, produit_id ON souscriptions_pass
    FOR EACH ROW EXECUTE FUNCTION souscription_controle_echeance();
