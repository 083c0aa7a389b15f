-- A successful paiement is final: never changed back, never re-amounted, never deleted.
CREATE OR REPLACE FUNCTION paiement_succes_immuable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.statut = 'succes' AND (
        TG_OP = 'DELETE'
        OR NEW.statut <> 'succes'
        OR NEW.montant <> OLD.montant
        OR NEW.souscription_id <> OLD.souscription_id
        OR NEW.reference_operateur IS DISTINCT FROM OLD.reference_operateur
    ) THEN
        RAISE EXCEPTION 'Un paiement réussi ne peut être ni modifié ni supprimé.'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'paiement_succes_immuable';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER paiement_succes_immuable
    BEFORE UPDATE OR DELETE ON paiements_pass
    FOR EACH ROW EXECUTE FUNCTION paiement_succes_immuable();
