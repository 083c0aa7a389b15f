-- A numéro de police goes only to an activee souscription, its CAT part is the categorie of
-- the souscription's produit, and its year is not before the year the souscription was made.
CREATE OR REPLACE FUNCTION police_controle() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    statut_souscription text;
    categorie_produit text;
    annee_souscription int;
BEGIN
    -- A malformed number is left to the CHECK constraint police_numero_format.
    IF NEW.numero_police !~ '^CG-[0-9]{4}-(VIE|EPG|SAN)-[0-9]{3,}$' THEN
        RETURN NEW;
    END IF;
    SELECT s.statut, p.categorie, extract(year FROM s.date_souscription AT TIME ZONE 'Africa/Brazzaville')
      INTO statut_souscription, categorie_produit, annee_souscription
      FROM souscriptions_pass s JOIN produits_pass p ON p.id = s.produit_id
     WHERE s.id = NEW.souscription_id;

    IF TG_OP = 'INSERT' AND statut_souscription <> 'activee' THEN
        RAISE EXCEPTION 'Seule une souscription activée peut recevoir un numéro de police.'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'police_souscription_activee';
    END IF;
    IF split_part(NEW.numero_police, '-', 3) <> categorie_produit THEN
        RAISE EXCEPTION 'La catégorie du numéro de police doit être %.', categorie_produit
            USING ERRCODE = 'check_violation', CONSTRAINT = 'police_categorie_produit';
    END IF;
    IF split_part(NEW.numero_police, '-', 2)::int < annee_souscription THEN
        RAISE EXCEPTION 'L''année du numéro de police ne peut pas être antérieure à la souscription (%).',
            annee_souscription
            USING ERRCODE = 'check_violation', CONSTRAINT = 'police_annee_souscription';
    END IF;
    RETURN NEW;
END
$$;
