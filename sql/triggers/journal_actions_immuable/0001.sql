-- The agents' action journal is append-only: nobody, not even the application, changes or
-- deletes a line once written.
CREATE OR REPLACE FUNCTION journal_actions_immuable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Le journal des actions des agents ne peut être ni modifié ni supprimé.'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_actions_immuable';
END
$$;

CREATE TRIGGER journal_actions_immuable
    BEFORE UPDATE OR DELETE ON journal_actions_agents
    FOR EACH ROW EXECUTE FUNCTION journal_actions_immuable();
