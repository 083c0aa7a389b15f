-- At most 6 bénéficiaires per souscription, and their parts never above 100 %.
-- The souscription row is locked first so that concurrent additions are counted one after
-- the other (each statement of the function sees the rows committed before it).
CREATE OR REPLACE FUNCTION beneficiaires_controle() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    nombre integer;
    total_parts numeric;
BEGIN
    PERFORM 1 FROM souscriptions_pass WHERE id = NEW.souscription_id FOR UPDATE;

    SELECT count(*), coalesce(sum(part_pourcentage), 0)
      INTO nombre, total_parts
      FROM beneficiaires_pass
     WHERE souscription_id = NEW.souscription_id AND id IS DISTINCT FROM NEW.id;

    IF nombre >= 6 THEN
        RAISE EXCEPTION 'Une souscription compte au plus 6 bénéficiaires.'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'beneficiaires_max';
    END IF;
    -- A part outside ]0, 100] is left to the CHECK constraint beneficiaire_part_valide.
    IF NEW.part_pourcentage > 0 AND NEW.part_pourcentage <= 100
       AND total_parts + NEW.part_pourcentage > 100 THEN
        RAISE EXCEPTION 'Les parts des bénéficiaires dépassent 100 %%.'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'beneficiaires_parts_max';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER beneficiaires_controle
    BEFORE INSERT OR UPDATE OF souscription_id, part_pourcentage ON beneficiaires_pass
    FOR EACH ROW EXECUTE FUNCTION beneficiaires_controle();
