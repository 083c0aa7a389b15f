-- souscriptions_pass.a_numeroter: activated and without a numéro de police. The agents' list
-- « Souscriptions à numéroter » and the count on their home page read it through the partial
-- index souscriptions_a_numeroter_idx (the few waiting rows), where an anti-join with
-- numeros_police_congo walked every numbered souscription (1.5 million: seconds).
--
-- The database keeps it true whatever the application writes: every INSERT or UPDATE of a
-- souscription recomputes it (a stale value saved by an old Python object is overwritten), and
-- every police inserted, deleted or moved to another souscription touches the souscriptions
-- concerned, which recomputes theirs. Touching (rather than writing a value computed here) also
-- waits for a concurrent change of the same souscription and recomputes after it commits.
CREATE OR REPLACE FUNCTION souscription_a_numeroter_calcul() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.a_numeroter := NEW.statut = 'activee'
        AND NOT EXISTS (SELECT 1 FROM numeros_police_congo np WHERE np.souscription_id = NEW.id);
    RETURN NEW;
END
$$;

CREATE TRIGGER souscription_a_numeroter
    BEFORE INSERT OR UPDATE ON souscriptions_pass
    FOR EACH ROW EXECUTE FUNCTION souscription_a_numeroter_calcul();

-- Statement-level with transition tables: a bulk insert of polices touches its souscriptions in
-- one UPDATE … FROM instead of one UPDATE per police.
CREATE OR REPLACE FUNCTION police_a_numeroter_maj() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE souscriptions_pass s SET a_numeroter = false
          FROM nouvelles n WHERE s.id = n.souscription_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE souscriptions_pass s SET a_numeroter = s.statut = 'activee'
          FROM anciennes a WHERE s.id = a.souscription_id;
    ELSE
        UPDATE souscriptions_pass s SET a_numeroter = s.a_numeroter
          FROM (SELECT unnest(ARRAY[a.souscription_id, n.souscription_id]) AS souscription_id
                  FROM anciennes a JOIN nouvelles n ON n.id = a.id
                 WHERE n.souscription_id <> a.souscription_id) AS touchees  -- a police moved: both sides
         WHERE s.id = touchees.souscription_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER police_a_numeroter_insertion
    AFTER INSERT ON numeros_police_congo REFERENCING NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION police_a_numeroter_maj();
CREATE TRIGGER police_a_numeroter_suppression
    AFTER DELETE ON numeros_police_congo REFERENCING OLD TABLE AS anciennes
    FOR EACH STATEMENT EXECUTE FUNCTION police_a_numeroter_maj();
CREATE TRIGGER police_a_numeroter_changement
    AFTER UPDATE ON numeros_police_congo REFERENCING OLD TABLE AS anciennes NEW TABLE AS nouvelles
    FOR EACH STATEMENT EXECUTE FUNCTION police_a_numeroter_maj();
