-- NSIA PASS: complete database schema (tables, constraints, indexes, functions, triggers, views).
-- Generated from the Django migrations by `python manage.py schema_sql`; do not edit by hand.
-- Apply to an empty PostgreSQL database (12 or newer) with:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 --single-transaction -f sql/schema.sql
-- The API then runs on it with a role that only needs SELECT/INSERT/UPDATE/DELETE.

SET client_min_messages = warning;

CREATE TYPE public.procrastinate_job_event_type AS ENUM (
    'deferred',
    'started',
    'deferred_for_retry',
    'failed',
    'succeeded',
    'cancelled',
    'abort_requested',
    'aborted',
    'scheduled',
    'retried'
);

CREATE TYPE public.procrastinate_job_status AS ENUM (
    'todo',
    'doing',
    'succeeded',
    'failed',
    'cancelled',
    'aborting',
    'aborted'
);

CREATE TYPE public.procrastinate_job_to_defer_v1 AS (
	queue_name character varying,
	task_name character varying,
	priority integer,
	lock text,
	queueing_lock text,
	args jsonb,
	scheduled_at timestamp with time zone
);

CREATE FUNCTION public.beneficiaires_controle() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

CREATE FUNCTION public.journal_actions_immuable() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'Le journal des actions des agents ne peut être ni modifié ni supprimé.'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_actions_immuable';
END
$$;

CREATE FUNCTION public.paiement_succes_immuable() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

CREATE FUNCTION public.pass_aujourdhui() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT coalesce(
        nullif(current_setting('pass.aujourdhui', true), '')::date,
        (now() AT TIME ZONE 'Africa/Brazzaville')::date
    )
$$;

CREATE FUNCTION public.pass_echeances_par_an(periodicite text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE periodicite
        WHEN 'annuelle' THEN 1
        WHEN 'semestrielle' THEN 2
        WHEN 'trimestrielle' THEN 4
        WHEN 'mensuelle' THEN 12
    END
$$;

CREATE FUNCTION public.pass_sans_accents(valeur text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT translate(
        lower(valeur),
        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ',
        'aaaaaaceeeeiiiinooooouuuuyyoa'
    )
$$;

CREATE FUNCTION public.police_a_numeroter_maj() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

CREATE FUNCTION public.police_controle() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
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
$_$;

CREATE FUNCTION public.procrastinate_cancel_job_v1(job_id bigint, abort boolean, delete_job boolean) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    _job_id bigint;
BEGIN
    IF delete_job THEN
        DELETE FROM procrastinate_jobs
        WHERE id = job_id AND status = 'todo'
        RETURNING id INTO _job_id;
    END IF;
    IF _job_id IS NULL THEN
        IF abort THEN
            UPDATE procrastinate_jobs
            SET abort_requested = true,
                status = CASE status
                    WHEN 'todo' THEN 'cancelled'::procrastinate_job_status ELSE status
                END
            WHERE id = job_id AND status IN ('todo', 'doing')
            RETURNING id INTO _job_id;
        ELSE
            UPDATE procrastinate_jobs
            SET status = 'cancelled'::procrastinate_job_status
            WHERE id = job_id AND status = 'todo'
            RETURNING id INTO _job_id;
        END IF;
    END IF;
    RETURN _job_id;
END;
$$;

CREATE FUNCTION public.procrastinate_defer_jobs_v1(jobs public.procrastinate_job_to_defer_v1[]) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
    job_ids bigint[];
BEGIN
    WITH inserted_jobs AS (
        INSERT INTO procrastinate_jobs (queue_name, task_name, priority, lock, queueing_lock, args, scheduled_at)
        SELECT (job).queue_name,
               (job).task_name,
               (job).priority,
               (job).lock,
               (job).queueing_lock,
               (job).args,
               (job).scheduled_at
        FROM unnest(jobs) AS job
        RETURNING id
    )
    SELECT array_agg(id) FROM inserted_jobs INTO job_ids;

    RETURN job_ids;
END;
$$;

CREATE FUNCTION public.procrastinate_defer_periodic_job_v2(_queue_name character varying, _lock character varying, _queueing_lock character varying, _task_name character varying, _priority integer, _periodic_id character varying, _defer_timestamp bigint, _args jsonb) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
	_job_id bigint;
	_defer_id bigint;
BEGIN
    INSERT
        INTO procrastinate_periodic_defers (task_name, periodic_id, defer_timestamp)
        VALUES (_task_name, _periodic_id, _defer_timestamp)
        ON CONFLICT DO NOTHING
        RETURNING id into _defer_id;

    IF _defer_id IS NULL THEN
        RETURN NULL;
    END IF;

    UPDATE procrastinate_periodic_defers
        SET job_id = (
            SELECT COALESCE((
                SELECT unnest(procrastinate_defer_jobs_v1(
                    ARRAY[
                        ROW(
                            _queue_name,
                            _task_name,
                            _priority,
                            _lock,
                            _queueing_lock,
                            _args,
                            NULL::timestamptz
                        )
                    ]::procrastinate_job_to_defer_v1[]
                ))
            ), NULL)
        )
        WHERE id = _defer_id
        RETURNING job_id INTO _job_id;

    DELETE
        FROM procrastinate_periodic_defers
        USING (
            SELECT id
            FROM procrastinate_periodic_defers
            WHERE procrastinate_periodic_defers.task_name = _task_name
            AND procrastinate_periodic_defers.periodic_id = _periodic_id
            AND procrastinate_periodic_defers.defer_timestamp < _defer_timestamp
            ORDER BY id
            FOR UPDATE
        ) to_delete
        WHERE procrastinate_periodic_defers.id = to_delete.id;

    RETURN _job_id;
END;
$$;

CREATE TABLE public.procrastinate_jobs (
    id bigint NOT NULL,
    queue_name character varying(128) NOT NULL,
    task_name character varying(128) NOT NULL,
    lock text,
    args jsonb DEFAULT '{}'::jsonb NOT NULL,
    status public.procrastinate_job_status DEFAULT 'todo'::public.procrastinate_job_status NOT NULL,
    scheduled_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    queueing_lock text,
    priority integer DEFAULT 0 NOT NULL,
    abort_requested boolean DEFAULT false NOT NULL,
    worker_id bigint,
    CONSTRAINT check_not_todo_abort_requested CHECK ((NOT ((status = 'todo'::public.procrastinate_job_status) AND (abort_requested = true))))
);

CREATE FUNCTION public.procrastinate_fetch_job_v2(target_queue_names character varying[], p_worker_id bigint) RETURNS public.procrastinate_jobs
    LANGUAGE plpgsql
    AS $$
DECLARE
	found_jobs procrastinate_jobs;
BEGIN
    WITH candidate AS (
        SELECT jobs.*
            FROM procrastinate_jobs AS jobs
            WHERE
                -- reject the job if its lock has earlier or higher priority jobs
                NOT EXISTS (
                    SELECT 1
                        FROM procrastinate_jobs AS other_jobs
                        WHERE
                            jobs.lock IS NOT NULL
                            AND other_jobs.lock = jobs.lock
                            AND (
                                -- job with same lock is already running
                                other_jobs.status = 'doing'
                                OR
                                -- job with same lock is waiting and has higher priority (or same priority but was queued first)
                                (
                                    other_jobs.status = 'todo'
                                    AND (
                                        other_jobs.priority > jobs.priority
                                        OR (
                                        other_jobs.priority = jobs.priority
                                        AND other_jobs.id < jobs.id
                                        )
                                    )
                                )
                            )
                )
                AND jobs.status = 'todo'
                AND (target_queue_names IS NULL OR jobs.queue_name = ANY( target_queue_names ))
                AND (jobs.scheduled_at IS NULL OR jobs.scheduled_at <= now())
            ORDER BY jobs.priority DESC, jobs.id ASC LIMIT 1
            FOR UPDATE OF jobs SKIP LOCKED
    )
    UPDATE procrastinate_jobs
        SET status = 'doing', worker_id = p_worker_id
        FROM candidate
        WHERE procrastinate_jobs.id = candidate.id
        RETURNING procrastinate_jobs.* INTO found_jobs;

 RETURN found_jobs;
END;
$$;

CREATE FUNCTION public.procrastinate_finish_job_v1(job_id bigint, end_status public.procrastinate_job_status, delete_job boolean) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    _job_id bigint;
BEGIN
    IF end_status NOT IN ('succeeded', 'failed', 'aborted') THEN
        RAISE 'End status should be either "succeeded", "failed" or "aborted" (job id: %)', job_id;
    END IF;
    IF delete_job THEN
        DELETE FROM procrastinate_jobs
        WHERE id = job_id AND status IN ('todo', 'doing')
        RETURNING id INTO _job_id;
    ELSE
        UPDATE procrastinate_jobs
        SET status = end_status,
            abort_requested = false,
            attempts = CASE status
                WHEN 'doing' THEN attempts + 1 ELSE attempts
            END
        WHERE id = job_id AND status IN ('todo', 'doing')
        RETURNING id INTO _job_id;
    END IF;
    IF _job_id IS NULL THEN
        RAISE 'Job was not found or not in "doing" or "todo" status (job id: %)', job_id;
    END IF;
END;
$$;

CREATE FUNCTION public.procrastinate_notify_queue_abort_job_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    payload TEXT;
BEGIN
    SELECT json_build_object('type', 'abort_job_requested', 'job_id', NEW.id)::text INTO payload;
	PERFORM pg_notify('procrastinate_queue_v1#' || NEW.queue_name, payload);
	PERFORM pg_notify('procrastinate_any_queue_v1', payload);
	RETURN NEW;
END;
$$;

CREATE FUNCTION public.procrastinate_notify_queue_job_inserted_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    payload TEXT;
BEGIN
    SELECT json_build_object('type', 'job_inserted', 'job_id', NEW.id)::text INTO payload;
	PERFORM pg_notify('procrastinate_queue_v1#' || NEW.queue_name, payload);
	PERFORM pg_notify('procrastinate_any_queue_v1', payload);
	RETURN NEW;
END;
$$;

CREATE FUNCTION public.procrastinate_prune_stalled_workers_v1(seconds_since_heartbeat double precision) RETURNS TABLE(worker_id bigint)
    LANGUAGE plpgsql
    AS $$
BEGIN
    RETURN QUERY
    DELETE FROM procrastinate_workers
    WHERE last_heartbeat < NOW() - (seconds_since_heartbeat || 'SECOND')::INTERVAL
    RETURNING procrastinate_workers.id;
END;
$$;

CREATE FUNCTION public.procrastinate_register_worker_v1() RETURNS TABLE(worker_id bigint)
    LANGUAGE plpgsql
    AS $$
BEGIN
    RETURN QUERY
    INSERT INTO procrastinate_workers DEFAULT VALUES
    RETURNING procrastinate_workers.id;
END;
$$;

CREATE FUNCTION public.procrastinate_retry_job_v1(job_id bigint, retry_at timestamp with time zone, new_priority integer, new_queue_name character varying, new_lock character varying) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    _job_id bigint;
    _abort_requested boolean;
BEGIN
    SELECT abort_requested FROM procrastinate_jobs
    WHERE id = job_id AND status = 'doing'
    FOR UPDATE
    INTO _abort_requested;
    IF _abort_requested THEN
        UPDATE procrastinate_jobs
        SET status = 'failed'::procrastinate_job_status
        WHERE id = job_id AND status = 'doing'
        RETURNING id INTO _job_id;
    ELSE
        UPDATE procrastinate_jobs
        SET status = 'todo'::procrastinate_job_status,
            attempts = attempts + 1,
            scheduled_at = retry_at,
            priority = COALESCE(new_priority, priority),
            queue_name = COALESCE(new_queue_name, queue_name),
            lock = COALESCE(new_lock, lock)
        WHERE id = job_id AND status = 'doing'
        RETURNING id INTO _job_id;
    END IF;

    IF _job_id IS NULL THEN
        RAISE 'Job was not found or not in "doing" status (job id: %)', job_id;
    END IF;
END;
$$;

CREATE FUNCTION public.procrastinate_retry_job_v2(job_id bigint, retry_at timestamp with time zone, new_priority integer, new_queue_name character varying, new_lock character varying) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    _job_id bigint;
    _abort_requested boolean;
    _current_status procrastinate_job_status;
BEGIN
    SELECT status, abort_requested FROM procrastinate_jobs
    WHERE id = job_id AND status IN ('doing', 'failed')
    FOR UPDATE
    INTO _current_status, _abort_requested;
    IF _current_status = 'doing' AND _abort_requested THEN
        UPDATE procrastinate_jobs
        SET status = 'failed'::procrastinate_job_status
        WHERE id = job_id AND status = 'doing'
        RETURNING id INTO _job_id;
    ELSE
        UPDATE procrastinate_jobs
        SET status = 'todo'::procrastinate_job_status,
            attempts = attempts + 1,
            scheduled_at = retry_at,
            priority = COALESCE(new_priority, priority),
            queue_name = COALESCE(new_queue_name, queue_name),
            lock = COALESCE(new_lock, lock)
        WHERE id = job_id AND status IN ('doing', 'failed')
        RETURNING id INTO _job_id;
    END IF;

    IF _job_id IS NULL THEN
        RAISE 'Job was not found or has an invalid status to retry (job id: %)', job_id;
    END IF;

END;
$$;

CREATE FUNCTION public.procrastinate_trigger_abort_requested_events_procedure_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO procrastinate_events(job_id, type)
        VALUES (NEW.id, 'abort_requested'::procrastinate_job_event_type);
    RETURN NEW;
END;
$$;

CREATE FUNCTION public.procrastinate_trigger_function_scheduled_events_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO procrastinate_events(job_id, type, at)
        VALUES (NEW.id, 'scheduled'::procrastinate_job_event_type, NEW.scheduled_at);

	RETURN NEW;
END;
$$;

CREATE FUNCTION public.procrastinate_trigger_function_status_events_insert_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO procrastinate_events(job_id, type)
        VALUES (NEW.id, 'deferred'::procrastinate_job_event_type);
	RETURN NEW;
END;
$$;

CREATE FUNCTION public.procrastinate_trigger_function_status_events_update_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    WITH t AS (
        SELECT CASE
            WHEN OLD.status = 'todo'::procrastinate_job_status
                AND NEW.status = 'doing'::procrastinate_job_status
                THEN 'started'::procrastinate_job_event_type
            WHEN OLD.status = 'doing'::procrastinate_job_status
                AND NEW.status = 'todo'::procrastinate_job_status
                THEN 'deferred_for_retry'::procrastinate_job_event_type
            WHEN OLD.status = 'doing'::procrastinate_job_status
                AND NEW.status = 'failed'::procrastinate_job_status
                THEN 'failed'::procrastinate_job_event_type
            WHEN OLD.status = 'doing'::procrastinate_job_status
                AND NEW.status = 'succeeded'::procrastinate_job_status
                THEN 'succeeded'::procrastinate_job_event_type
            WHEN OLD.status = 'todo'::procrastinate_job_status
                AND (
                    NEW.status = 'cancelled'::procrastinate_job_status
                    OR NEW.status = 'failed'::procrastinate_job_status
                    OR NEW.status = 'succeeded'::procrastinate_job_status
                )
                THEN 'cancelled'::procrastinate_job_event_type
            WHEN OLD.status = 'doing'::procrastinate_job_status
                AND NEW.status = 'aborted'::procrastinate_job_status
                THEN 'aborted'::procrastinate_job_event_type
            WHEN OLD.status = 'failed'::procrastinate_job_status
                AND NEW.status = 'todo'::procrastinate_job_status
                THEN 'retried'::procrastinate_job_event_type
            ELSE NULL
        END as event_type
    )
    INSERT INTO procrastinate_events(job_id, type)
        SELECT NEW.id, t.event_type
        FROM t
        WHERE t.event_type IS NOT NULL;
	RETURN NEW;
END;
$$;

CREATE FUNCTION public.procrastinate_unlink_periodic_defers_v1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE procrastinate_periodic_defers
    SET job_id = NULL
    WHERE job_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE FUNCTION public.procrastinate_unregister_worker_v1(worker_id bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM procrastinate_workers
    WHERE id = worker_id;
END;
$$;

CREATE FUNCTION public.procrastinate_update_heartbeat_v1(worker_id bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE procrastinate_workers
    SET last_heartbeat = NOW()
    WHERE id = worker_id;
END;
$$;

CREATE FUNCTION public.souscription_a_numeroter_calcul() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.a_numeroter := NEW.statut = 'activee'
        AND NOT EXISTS (SELECT 1 FROM numeros_police_congo np WHERE np.souscription_id = NEW.id);
    RETURN NEW;
END
$$;

CREATE FUNCTION public.souscription_controle_echeance() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

CREATE TABLE public.agents (
    id bigint NOT NULL,
    nom character varying(100) NOT NULL,
    prenom character varying(100) NOT NULL,
    telephone character varying(13) NOT NULL,
    adresse character varying(255) NOT NULL,
    solde numeric(14,2) NOT NULL,
    matricule character varying(20) NOT NULL,
    agence character varying(100) NOT NULL,
    poste character varying(100) NOT NULL,
    actif boolean NOT NULL,
    user_id integer NOT NULL
);

ALTER TABLE public.agents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.agents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.airtel_appels (
    id bigint NOT NULL,
    methode character varying(6) NOT NULL,
    chemin character varying(255) NOT NULL,
    code_http smallint,
    duree_ms integer NOT NULL,
    reference_id character varying(64) NOT NULL,
    requete text NOT NULL,
    reponse text NOT NULL,
    erreur character varying(255) NOT NULL,
    date timestamp with time zone NOT NULL,
    CONSTRAINT airtel_appels_code_http_check CHECK ((code_http >= 0)),
    CONSTRAINT airtel_appels_duree_ms_check CHECK ((duree_ms >= 0))
);

ALTER TABLE public.airtel_appels ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.airtel_appels_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.appels_agent (
    id bigint NOT NULL,
    date timestamp with time zone NOT NULL,
    traite_le timestamp with time zone,
    borne_id bigint NOT NULL
);

ALTER TABLE public.appels_agent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.appels_agent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.auth_group (
    id integer NOT NULL,
    name character varying(150) NOT NULL
);

ALTER TABLE public.auth_group ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.auth_group_permissions (
    id bigint NOT NULL,
    group_id integer NOT NULL,
    permission_id integer NOT NULL
);

ALTER TABLE public.auth_group_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_group_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.auth_permission (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    content_type_id integer NOT NULL,
    codename character varying(100) NOT NULL
);

ALTER TABLE public.auth_permission ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_permission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.auth_user (
    id integer NOT NULL,
    password character varying(128) NOT NULL,
    last_login timestamp with time zone,
    is_superuser boolean NOT NULL,
    username character varying(150) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL
);

CREATE TABLE public.auth_user_groups (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    group_id integer NOT NULL
);

ALTER TABLE public.auth_user_groups ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_groups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE public.auth_user ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.auth_user_user_permissions (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    permission_id integer NOT NULL
);

ALTER TABLE public.auth_user_user_permissions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.auth_user_user_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.axes_accessattempt (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    get_data text NOT NULL,
    post_data text NOT NULL,
    failures_since_start integer NOT NULL,
    CONSTRAINT axes_accessattempt_failures_since_start_check CHECK ((failures_since_start >= 0))
);

ALTER TABLE public.axes_accessattempt ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accessattempt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.axes_accessattemptexpiration (
    access_attempt_id integer NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

CREATE TABLE public.axes_accessfailurelog (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    locked_out boolean NOT NULL
);

ALTER TABLE public.axes_accessfailurelog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accessfailurelog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.axes_accesslog (
    id integer NOT NULL,
    user_agent character varying(255) NOT NULL,
    ip_address inet,
    username character varying(255),
    http_accept character varying(1025) NOT NULL,
    path_info character varying(255) NOT NULL,
    attempt_time timestamp with time zone NOT NULL,
    logout_time timestamp with time zone,
    session_hash character varying(64) NOT NULL
);

ALTER TABLE public.axes_accesslog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.axes_accesslog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.beneficiaires_pass (
    id bigint NOT NULL,
    nom character varying(100) NOT NULL,
    prenom character varying(100) NOT NULL,
    lien character varying(15) NOT NULL,
    date_naissance date,
    telephone character varying(13),
    part_pourcentage numeric(5,2),
    souscription_id bigint NOT NULL,
    CONSTRAINT beneficiaire_lien_valide CHECK (((lien)::text = ANY ((ARRAY['conjoint'::character varying, 'enfant'::character varying, 'parent'::character varying, 'frere_soeur'::character varying, 'autre'::character varying])::text[]))),
    CONSTRAINT beneficiaire_nom_requis CHECK ((NOT ((nom)::text = ''::text))),
    CONSTRAINT beneficiaire_part_valide CHECK (((part_pourcentage IS NULL) OR ((part_pourcentage > (0)::numeric) AND (part_pourcentage <= (100)::numeric)))),
    CONSTRAINT beneficiaire_telephone_format CHECK (((telephone IS NULL) OR ((telephone)::text ~ '^\+242[0-9]{9}$'::text)))
);

ALTER TABLE public.beneficiaires_pass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.beneficiaires_pass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.bornes (
    id bigint NOT NULL,
    identifiant character varying(50) NOT NULL,
    libelle character varying(100) NOT NULL,
    agence character varying(100) NOT NULL,
    cle_hash character varying(255) NOT NULL,
    actif boolean NOT NULL,
    derniere_activite timestamp with time zone,
    version_app character varying(50) NOT NULL,
    statut_rapporte character varying(100) NOT NULL,
    date_creation timestamp with time zone NOT NULL
);

ALTER TABLE public.bornes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.bornes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.cache_pass (
    cache_key character varying(255) NOT NULL,
    value text NOT NULL,
    expires timestamp with time zone NOT NULL
);

CREATE TABLE public.clients_pass (
    id bigint NOT NULL,
    nom character varying(100) NOT NULL,
    prenom character varying(100) NOT NULL,
    telephone character varying(13) NOT NULL,
    date_naissance date,
    adresse character varying(255) NOT NULL,
    ville character varying(100) NOT NULL,
    date_creation timestamp with time zone NOT NULL,
    CONSTRAINT client_nom_requis CHECK ((NOT ((nom)::text = ''::text))),
    CONSTRAINT client_prenom_requis CHECK ((NOT ((prenom)::text = ''::text))),
    CONSTRAINT client_telephone_format CHECK (((telephone)::text ~ '^\+242[0-9]{9}$'::text))
);

ALTER TABLE public.clients_pass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.clients_pass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.codes_preuve (
    id bigint NOT NULL,
    telephone character varying(13) NOT NULL,
    code_hache character varying(128) NOT NULL,
    date_creation timestamp with time zone NOT NULL,
    date_expiration timestamp with time zone NOT NULL,
    essais smallint NOT NULL,
    date_verification timestamp with time zone,
    CONSTRAINT codes_preuve_essais_check CHECK ((essais >= 0))
);

ALTER TABLE public.codes_preuve ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.codes_preuve_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.compteurs_fenetre (
    id bigint NOT NULL,
    cle character varying(200) NOT NULL,
    debut timestamp with time zone NOT NULL,
    nombre integer NOT NULL,
    CONSTRAINT compteurs_fenetre_nombre_check CHECK ((nombre >= 0))
);

ALTER TABLE public.compteurs_fenetre ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.compteurs_fenetre_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.compteurs_pass (
    cle character varying(40) NOT NULL,
    valeur bigint NOT NULL
);

CREATE TABLE public.numeros_police_congo (
    id bigint NOT NULL,
    numero_police character varying(30) NOT NULL,
    mode_attribution character varying(12) NOT NULL,
    date_attribution timestamp with time zone NOT NULL,
    commentaire text NOT NULL,
    agent_attribueur_id bigint,
    souscription_id bigint NOT NULL,
    CONSTRAINT police_agent_selon_mode CHECK (((((mode_attribution)::text = 'automatique'::text) AND (agent_attribueur_id IS NULL)) OR (((mode_attribution)::text = 'manuel'::text) AND (agent_attribueur_id IS NOT NULL)))),
    CONSTRAINT police_numero_format CHECK (((numero_police)::text ~ '^CG-[0-9]{4}-(VIE|EPG|SAN)-([0-9]{3}|[1-9][0-9]{3,})$'::text))
);

CREATE TABLE public.paiements_pass (
    id bigint NOT NULL,
    reference character varying(40) NOT NULL,
    montant integer NOT NULL,
    type_paiement character varying(25) NOT NULL,
    mode_paiement character varying(15) NOT NULL,
    numero_payeur character varying(20) NOT NULL,
    statut character varying(12) NOT NULL,
    motif_echec character varying(255) NOT NULL,
    reference_operateur character varying(100),
    canal character varying(10) NOT NULL,
    date_initiation timestamp with time zone NOT NULL,
    date_confirmation timestamp with time zone,
    borne_id bigint,
    souscription_id bigint NOT NULL,
    CONSTRAINT paiement_canal_valide CHECK (((canal)::text = ANY ((ARRAY['ussd'::character varying, 'borne'::character varying, 'whatsapp'::character varying, 'agence'::character varying])::text[]))),
    CONSTRAINT paiement_mode_valide CHECK (((mode_paiement)::text = ANY ((ARRAY['mtn_momo'::character varying, 'airtel_money'::character varying, 'especes'::character varying])::text[]))),
    CONSTRAINT paiement_montant_positif CHECK ((montant > 0)),
    CONSTRAINT paiement_statut_valide CHECK (((statut)::text = ANY ((ARRAY['en_attente'::character varying, 'succes'::character varying, 'echec'::character varying])::text[]))),
    CONSTRAINT paiement_succes_date_confirmation CHECK (((NOT ((statut)::text = 'succes'::text)) OR (date_confirmation IS NOT NULL))),
    CONSTRAINT paiement_type_valide CHECK (((type_paiement)::text = ANY ((ARRAY['souscription_initiale'::character varying, 'cotisation'::character varying, 'renouvellement'::character varying, 'rattrapage'::character varying])::text[]))),
    CONSTRAINT paiements_pass_montant_check CHECK ((montant >= 0))
);

CREATE TABLE public.produits_pass (
    id bigint NOT NULL,
    code character varying(10) NOT NULL,
    libelle character varying(100) NOT NULL,
    description text NOT NULL,
    categorie character varying(3) NOT NULL,
    garanties jsonb NOT NULL,
    montant_minimum integer NOT NULL,
    periodicites_autorisees character varying(15)[] NOT NULL,
    duree_couverture_mois smallint NOT NULL,
    actif boolean NOT NULL,
    CONSTRAINT produit_categorie_valide CHECK (((categorie)::text = ANY ((ARRAY['VIE'::character varying, 'EPG'::character varying, 'SAN'::character varying])::text[]))),
    CONSTRAINT produit_duree_positive CHECK ((duree_couverture_mois > 0)),
    CONSTRAINT produit_montant_minimum_positif CHECK ((montant_minimum > 0)),
    CONSTRAINT produit_periodicites_valides CHECK ((periodicites_autorisees <@ ARRAY['annuelle'::character varying(15), 'semestrielle'::character varying(15), 'trimestrielle'::character varying(15), 'mensuelle'::character varying(15)])),
    CONSTRAINT produits_pass_duree_couverture_mois_check CHECK ((duree_couverture_mois >= 0)),
    CONSTRAINT produits_pass_montant_minimum_check CHECK ((montant_minimum >= 0))
);

CREATE TABLE public.souscriptions_pass (
    id bigint NOT NULL,
    numero_souscription character varying(30) NOT NULL,
    montant_prime integer NOT NULL,
    periodicite character varying(15) NOT NULL,
    date_souscription timestamp with time zone NOT NULL,
    date_effet date NOT NULL,
    date_expiration date NOT NULL,
    statut character varying(20) NOT NULL,
    canal character varying(10) NOT NULL,
    borne_id bigint,
    client_id bigint NOT NULL,
    produit_id bigint NOT NULL,
    a_numeroter boolean DEFAULT false NOT NULL,
    CONSTRAINT souscription_canal_valide CHECK (((canal)::text = ANY ((ARRAY['ussd'::character varying, 'borne'::character varying, 'whatsapp'::character varying, 'agence'::character varying])::text[]))),
    CONSTRAINT souscription_dates_coherentes CHECK ((date_expiration >= date_effet)),
    CONSTRAINT souscription_numero_format CHECK (((numero_souscription)::text ~ '^PASS-(KIMIA|BATELA|SALISA)-[0-9]{4}-([0-9]{6}|[0-9A-Z]{10})$'::text)),
    CONSTRAINT souscription_periodicite_valide CHECK (((periodicite)::text = ANY ((ARRAY['annuelle'::character varying, 'semestrielle'::character varying, 'trimestrielle'::character varying, 'mensuelle'::character varying])::text[]))),
    CONSTRAINT souscription_prime_positive CHECK ((montant_prime > 0)),
    CONSTRAINT souscription_statut_valide CHECK (((statut)::text = ANY ((ARRAY['en_attente_paiement'::character varying, 'activee'::character varying, 'suspendue'::character varying, 'resiliee'::character varying, 'annulee'::character varying])::text[]))),
    CONSTRAINT souscriptions_pass_montant_prime_check CHECK ((montant_prime >= 0))
);

CREATE VIEW public.contrats AS
 SELECT np.numero_police,
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
            WHEN 'activee'::text THEN
            CASE
                WHEN (s.date_expiration < public.pass_aujourdhui()) THEN 'expire'::text
                ELSE 'actif'::text
            END
            WHEN 'suspendue'::text THEN 'suspendu'::text
            WHEN 'resiliee'::text THEN 'resilie'::text
            ELSE NULL::text
        END AS etat,
    np.mode_attribution,
    np.agent_attribueur_id,
    a.nom AS agent_nom,
    a.prenom AS agent_prenom,
    np.date_attribution,
    t.total_paye,
    f.total_du_a_date,
    (t.total_paye - f.total_du_a_date) AS solde,
    GREATEST((f.total_du_a_date - t.total_paye), (0)::bigint) AS arrieres,
    f.prochaine_echeance_date,
    f.prochaine_echeance_montant
   FROM (((((((public.souscriptions_pass s
     JOIN public.numeros_police_congo np ON ((np.souscription_id = s.id)))
     JOIN public.clients_pass c ON ((c.id = s.client_id)))
     JOIN public.produits_pass pr ON ((pr.id = s.produit_id)))
     LEFT JOIN public.agents a ON ((a.id = np.agent_attribueur_id)))
     CROSS JOIN LATERAL ( SELECT public.pass_echeances_par_an((s.periodicite)::text) AS n) p)
     CROSS JOIN LATERAL ( SELECT COALESCE(sum(pa.montant), (0)::bigint) AS total_paye
           FROM public.paiements_pass pa
          WHERE ((pa.souscription_id = s.id) AND ((pa.statut)::text = 'succes'::text))) t)
     CROSS JOIN LATERAL ( SELECT (COALESCE(sum(e.montant_du) FILTER (WHERE (e.date_debut <= public.pass_aujourdhui())), (0)::numeric))::bigint AS total_du_a_date,
            min(e.date_debut) FILTER (WHERE ((e.date_debut > public.pass_aujourdhui()) AND ((e.cumul_avant + e.montant_du) > t.total_paye))) AS prochaine_echeance_date,
            (array_agg(LEAST(e.montant_du, ((e.cumul_avant + e.montant_du) - t.total_paye)) ORDER BY e.date_debut) FILTER (WHERE ((e.date_debut > public.pass_aujourdhui()) AND ((e.cumul_avant + e.montant_du) > t.total_paye))))[1] AS prochaine_echeance_montant
           FROM ( SELECT ((s.date_effet + make_interval(months => (((k.k - 1) * 12) / p.n))))::date AS date_debut,
                    (((s.montant_prime / p.n) +
                        CASE
                            WHEN ((k.k % p.n) = 0) THEN (s.montant_prime % p.n)
                            ELSE 0
                        END))::bigint AS montant_du,
                    ((((k.k - 1))::bigint * (s.montant_prime / p.n)) + ((((k.k - 1) / p.n))::bigint * (s.montant_prime % p.n))) AS cumul_avant
                   FROM generate_series(1, (((EXTRACT(year FROM age((s.date_expiration)::timestamp with time zone, (s.date_effet)::timestamp with time zone)))::integer + 1) * p.n)) k(k)) e
          WHERE (e.date_debut <= s.date_expiration)) f);

CREATE VIEW public.cotisations AS
 SELECT (((np.numero_police)::text || '-'::text) || lpad((e.rang)::text, 3, '0'::text)) AS numero_quittance,
    s.id AS souscription_id,
    np.numero_police,
    s.client_id,
    e.rang,
    e.date_debut,
    e.date_fin,
    e.montant_du,
    m.montant_paye,
    (e.montant_du - m.montant_paye) AS reste_a_payer,
        CASE
            WHEN ((e.montant_du - m.montant_paye) = 0) THEN 'payee'::text
            WHEN (e.date_debut <= public.pass_aujourdhui()) THEN 'en_retard'::text
            ELSE 'a_venir'::text
        END AS statut
   FROM (((((public.souscriptions_pass s
     JOIN public.numeros_police_congo np ON ((np.souscription_id = s.id)))
     CROSS JOIN LATERAL ( SELECT public.pass_echeances_par_an((s.periodicite)::text) AS n) p)
     CROSS JOIN LATERAL ( SELECT COALESCE(sum(pa.montant), (0)::bigint) AS total_paye
           FROM public.paiements_pass pa
          WHERE ((pa.souscription_id = s.id) AND ((pa.statut)::text = 'succes'::text))) t)
     CROSS JOIN LATERAL ( SELECT k.k AS rang,
            ((s.date_effet + make_interval(months => (((k.k - 1) * 12) / p.n))))::date AS date_debut,
            (((s.date_effet + make_interval(months => ((k.k * 12) / p.n))))::date - 1) AS date_fin,
            (((s.montant_prime / p.n) +
                CASE
                    WHEN ((k.k % p.n) = 0) THEN (s.montant_prime % p.n)
                    ELSE 0
                END))::bigint AS montant_du,
            ((((k.k - 1))::bigint * (s.montant_prime / p.n)) + ((((k.k - 1) / p.n))::bigint * (s.montant_prime % p.n))) AS cumul_avant
           FROM generate_series(1, (((EXTRACT(year FROM age((s.date_expiration)::timestamp with time zone, (s.date_effet)::timestamp with time zone)))::integer + 1) * p.n)) k(k)) e)
     CROSS JOIN LATERAL ( SELECT LEAST(GREATEST((t.total_paye - e.cumul_avant), (0)::bigint), e.montant_du) AS montant_paye) m)
  WHERE (e.date_debut <= s.date_expiration);

CREATE TABLE public.demandes_limitees (
    id bigint NOT NULL,
    cle character varying(80) NOT NULL,
    date timestamp with time zone NOT NULL
);

ALTER TABLE public.demandes_limitees ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.demandes_limitees_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.django_admin_log (
    id integer NOT NULL,
    action_time timestamp with time zone NOT NULL,
    object_id text,
    object_repr character varying(200) NOT NULL,
    action_flag smallint NOT NULL,
    change_message text NOT NULL,
    content_type_id integer,
    user_id integer NOT NULL,
    CONSTRAINT django_admin_log_action_flag_check CHECK ((action_flag >= 0))
);

ALTER TABLE public.django_admin_log ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_admin_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.django_content_type (
    id integer NOT NULL,
    app_label character varying(100) NOT NULL,
    model character varying(100) NOT NULL
);

ALTER TABLE public.django_content_type ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_content_type_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.django_migrations (
    id bigint NOT NULL,
    app character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);

ALTER TABLE public.django_migrations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.django_migrations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.django_session (
    session_key character varying(40) NOT NULL,
    session_data text NOT NULL,
    expire_date timestamp with time zone NOT NULL
);

CREATE TABLE public.historique_polices (
    id bigint NOT NULL,
    ancien_numero character varying(30) NOT NULL,
    nouveau_numero character varying(30) NOT NULL,
    date timestamp with time zone NOT NULL,
    commentaire text NOT NULL,
    modifie_par_id integer NOT NULL,
    police_id bigint NOT NULL
);

ALTER TABLE public.historique_polices ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.historique_polices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.journal_actions_agents (
    id bigint NOT NULL,
    date timestamp with time zone NOT NULL,
    action character varying(30) NOT NULL,
    objet character varying(120) NOT NULL,
    details jsonb NOT NULL,
    agent_id bigint,
    utilisateur_id integer NOT NULL
);

ALTER TABLE public.journal_actions_agents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.journal_actions_agents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.journal_beneficiaires (
    id bigint NOT NULL,
    beneficiaire_id bigint NOT NULL,
    action character varying(15) NOT NULL,
    session_id uuid,
    date timestamp with time zone NOT NULL,
    avant jsonb,
    apres jsonb,
    borne_id bigint,
    client_id bigint NOT NULL,
    souscription_id bigint NOT NULL
);

ALTER TABLE public.journal_beneficiaires ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.journal_beneficiaires_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.momo_appels (
    id bigint NOT NULL,
    methode character varying(6) NOT NULL,
    chemin character varying(255) NOT NULL,
    code_http smallint,
    duree_ms integer NOT NULL,
    reference_id character varying(36) NOT NULL,
    requete text NOT NULL,
    reponse text NOT NULL,
    erreur character varying(255) NOT NULL,
    date timestamp with time zone NOT NULL,
    transaction_id bigint,
    CONSTRAINT momo_appels_code_http_check CHECK ((code_http >= 0)),
    CONSTRAINT momo_appels_duree_ms_check CHECK ((duree_ms >= 0))
);

ALTER TABLE public.momo_appels ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.momo_appels_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.momo_transactions (
    id bigint NOT NULL,
    reference_id uuid NOT NULL,
    statut character varying(12) NOT NULL,
    raison character varying(60) NOT NULL,
    financial_transaction_id character varying(100) NOT NULL,
    montant integer NOT NULL,
    devise character varying(3) NOT NULL,
    payeur character varying(20) NOT NULL,
    callback_recu boolean NOT NULL,
    date_dernier_callback timestamp with time zone,
    nombre_verifications integer NOT NULL,
    derniere_verification timestamp with time zone,
    prochaine_verification timestamp with time zone,
    historique jsonb NOT NULL,
    date_creation timestamp with time zone NOT NULL,
    paiement_id bigint NOT NULL,
    anomalie character varying(20) NOT NULL,
    CONSTRAINT momo_transactions_montant_check CHECK ((montant >= 0)),
    CONSTRAINT momo_transactions_nombre_verifications_check CHECK ((nombre_verifications >= 0))
);

ALTER TABLE public.momo_transactions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.momo_transactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.notifications (
    id bigint NOT NULL,
    uuid uuid NOT NULL,
    cle character varying(120) NOT NULL,
    evenement character varying(20) NOT NULL,
    telephone character varying(13) NOT NULL,
    texte text NOT NULL,
    parametres jsonb NOT NULL,
    statut character varying(10) NOT NULL,
    canal character varying(10) NOT NULL,
    id_fournisseur character varying(100) NOT NULL,
    tentatives jsonb NOT NULL,
    date_creation timestamp with time zone NOT NULL,
    date_envoi timestamp with time zone,
    client_id bigint
);

ALTER TABLE public.notifications ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE public.numeros_police_congo ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.numeros_police_congo_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE public.paiements_pass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.paiements_pass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.preferences_notification (
    id bigint NOT NULL,
    rappels_refuses boolean NOT NULL,
    date_modification timestamp with time zone NOT NULL,
    client_id bigint NOT NULL
);

ALTER TABLE public.preferences_notification ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.preferences_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.procrastinate_events (
    id bigint NOT NULL,
    job_id bigint NOT NULL,
    type public.procrastinate_job_event_type,
    at timestamp with time zone DEFAULT now()
);

CREATE SEQUENCE public.procrastinate_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.procrastinate_events_id_seq OWNED BY public.procrastinate_events.id;

CREATE SEQUENCE public.procrastinate_jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.procrastinate_jobs_id_seq OWNED BY public.procrastinate_jobs.id;

CREATE TABLE public.procrastinate_periodic_defers (
    id bigint NOT NULL,
    task_name character varying(128) NOT NULL,
    defer_timestamp bigint,
    job_id bigint,
    periodic_id character varying(128) DEFAULT ''::character varying NOT NULL
);

CREATE SEQUENCE public.procrastinate_periodic_defers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.procrastinate_periodic_defers_id_seq OWNED BY public.procrastinate_periodic_defers.id;

CREATE TABLE public.procrastinate_workers (
    id bigint NOT NULL,
    last_heartbeat timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.procrastinate_workers ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.procrastinate_workers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE public.produits_pass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.produits_pass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.requetes_idempotentes (
    id bigint NOT NULL,
    portee character varying(80) NOT NULL,
    cle character varying(100) NOT NULL,
    empreinte character varying(64) NOT NULL,
    code_http smallint,
    reponse jsonb,
    date timestamp with time zone NOT NULL,
    fin_bail timestamp with time zone,
    CONSTRAINT requetes_idempotentes_code_http_check CHECK ((code_http >= 0))
);

ALTER TABLE public.requetes_idempotentes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.requetes_idempotentes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.sessions_clients (
    id uuid NOT NULL,
    date_debut timestamp with time zone NOT NULL,
    expire_le timestamp with time zone NOT NULL,
    jti_refresh character varying(64) NOT NULL,
    revoquee_le timestamp with time zone,
    motif_revocation character varying(30) NOT NULL,
    borne_id bigint,
    client_id bigint NOT NULL,
    souscription_id bigint NOT NULL
);

CREATE TABLE public.sinistres_pass (
    id bigint NOT NULL,
    type character varying(20) NOT NULL,
    date_survenance date NOT NULL,
    description text NOT NULL,
    montant_reclame integer,
    montant_accorde integer,
    statut character varying(15) NOT NULL,
    canal character varying(10) NOT NULL,
    date_declaration timestamp with time zone NOT NULL,
    date_mise_a_jour timestamp with time zone NOT NULL,
    date_decision timestamp with time zone,
    date_paiement timestamp with time zone,
    instructeur_id integer,
    souscription_id bigint NOT NULL,
    motif_rejet text NOT NULL,
    CONSTRAINT sinistre_canal_valide CHECK (((canal)::text = ANY ((ARRAY['ussd'::character varying, 'borne'::character varying, 'whatsapp'::character varying, 'agence'::character varying])::text[]))),
    CONSTRAINT sinistre_montant_accorde_si_accepte CHECK (((NOT ((statut)::text = ANY ((ARRAY['accepte'::character varying, 'paye'::character varying])::text[]))) OR ((montant_accorde > 0) AND (montant_accorde IS NOT NULL)))),
    CONSTRAINT sinistre_montant_reclame_positif CHECK (((montant_reclame IS NULL) OR (montant_reclame > 0))),
    CONSTRAINT sinistre_statut_valide CHECK (((statut)::text = ANY ((ARRAY['declare'::character varying, 'en_instruction'::character varying, 'accepte'::character varying, 'rejete'::character varying, 'paye'::character varying])::text[]))),
    CONSTRAINT sinistre_type_valide CHECK (((type)::text = ANY ((ARRAY['deces'::character varying, 'accident'::character varying, 'hospitalisation'::character varying, 'invalidite'::character varying, 'autre'::character varying])::text[]))),
    CONSTRAINT sinistres_pass_montant_accorde_check CHECK ((montant_accorde >= 0)),
    CONSTRAINT sinistres_pass_montant_reclame_check CHECK ((montant_reclame >= 0))
);

ALTER TABLE public.sinistres_pass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sinistres_pass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE public.souscriptions_pass ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.souscriptions_pass_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.tentatives_connexion (
    id bigint NOT NULL,
    police character varying(30) NOT NULL,
    borne_identifiant character varying(50) NOT NULL,
    adresse_ip inet,
    date timestamp with time zone NOT NULL
);

ALTER TABLE public.tentatives_connexion ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.tentatives_connexion_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.token_blacklist_blacklistedtoken (
    id bigint NOT NULL,
    blacklisted_at timestamp with time zone NOT NULL,
    token_id bigint NOT NULL
);

ALTER TABLE public.token_blacklist_blacklistedtoken ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.token_blacklist_blacklistedtoken_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.token_blacklist_outstandingtoken (
    id bigint NOT NULL,
    token text NOT NULL,
    created_at timestamp with time zone,
    expires_at timestamp with time zone NOT NULL,
    user_id integer,
    jti character varying(255) CONSTRAINT token_blacklist_outstandingtoken_jti_hex_not_null NOT NULL
);

ALTER TABLE public.token_blacklist_outstandingtoken ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.token_blacklist_outstandingtoken_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.procrastinate_events ALTER COLUMN id SET DEFAULT nextval('public.procrastinate_events_id_seq'::regclass);

ALTER TABLE ONLY public.procrastinate_jobs ALTER COLUMN id SET DEFAULT nextval('public.procrastinate_jobs_id_seq'::regclass);

ALTER TABLE ONLY public.procrastinate_periodic_defers ALTER COLUMN id SET DEFAULT nextval('public.procrastinate_periodic_defers_id_seq'::regclass);

ALTER TABLE ONLY public.agents
    ADD CONSTRAINT agents_matricule_key UNIQUE (matricule);

ALTER TABLE ONLY public.agents
    ADD CONSTRAINT agents_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.agents
    ADD CONSTRAINT agents_user_id_key UNIQUE (user_id);

ALTER TABLE ONLY public.airtel_appels
    ADD CONSTRAINT airtel_appels_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.appels_agent
    ADD CONSTRAINT appels_agent_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_name_key UNIQUE (name);

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_permission_id_0cd325b0_uniq UNIQUE (group_id, permission_id);

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_codename_01ab375a_uniq UNIQUE (content_type_id, codename);

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_group_id_94350c0c_uniq UNIQUE (user_id, group_id);

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_permission_id_14a6b632_uniq UNIQUE (user_id, permission_id);

ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_username_key UNIQUE (username);

ALTER TABLE ONLY public.axes_accessattempt
    ADD CONSTRAINT axes_accessattempt_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.axes_accessattempt
    ADD CONSTRAINT axes_accessattempt_username_ip_address_user_agent_8ea22282_uniq UNIQUE (username, ip_address, user_agent);

ALTER TABLE ONLY public.axes_accessattemptexpiration
    ADD CONSTRAINT axes_accessattemptexpiration_pkey PRIMARY KEY (access_attempt_id);

ALTER TABLE ONLY public.axes_accessfailurelog
    ADD CONSTRAINT axes_accessfailurelog_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.axes_accesslog
    ADD CONSTRAINT axes_accesslog_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.beneficiaires_pass
    ADD CONSTRAINT beneficiaires_pass_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bornes
    ADD CONSTRAINT bornes_identifiant_key UNIQUE (identifiant);

ALTER TABLE ONLY public.bornes
    ADD CONSTRAINT bornes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.cache_pass
    ADD CONSTRAINT cache_pass_pkey PRIMARY KEY (cache_key);

ALTER TABLE ONLY public.clients_pass
    ADD CONSTRAINT clients_pass_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.clients_pass
    ADD CONSTRAINT clients_pass_telephone_key UNIQUE (telephone);

ALTER TABLE ONLY public.codes_preuve
    ADD CONSTRAINT codes_preuve_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.compteurs_fenetre
    ADD CONSTRAINT compteurs_fenetre_cle_debut_uniq UNIQUE (cle, debut);

ALTER TABLE ONLY public.compteurs_fenetre
    ADD CONSTRAINT compteurs_fenetre_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.compteurs_pass
    ADD CONSTRAINT compteurs_pass_pkey PRIMARY KEY (cle);

ALTER TABLE ONLY public.demandes_limitees
    ADD CONSTRAINT demandes_limitees_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_app_label_model_76bd3d3b_uniq UNIQUE (app_label, model);

ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.django_migrations
    ADD CONSTRAINT django_migrations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.django_session
    ADD CONSTRAINT django_session_pkey PRIMARY KEY (session_key);

ALTER TABLE ONLY public.historique_polices
    ADD CONSTRAINT historique_polices_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.journal_actions_agents
    ADD CONSTRAINT journal_actions_agents_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.journal_beneficiaires
    ADD CONSTRAINT journal_beneficiaires_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.momo_appels
    ADD CONSTRAINT momo_appels_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.momo_transactions
    ADD CONSTRAINT momo_transactions_paiement_id_key UNIQUE (paiement_id);

ALTER TABLE ONLY public.momo_transactions
    ADD CONSTRAINT momo_transactions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.momo_transactions
    ADD CONSTRAINT momo_transactions_reference_id_key UNIQUE (reference_id);

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_cle_key UNIQUE (cle);

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_uuid_key UNIQUE (uuid);

ALTER TABLE ONLY public.numeros_police_congo
    ADD CONSTRAINT numeros_police_congo_numero_police_key UNIQUE (numero_police);

ALTER TABLE ONLY public.numeros_police_congo
    ADD CONSTRAINT numeros_police_congo_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.numeros_police_congo
    ADD CONSTRAINT numeros_police_congo_souscription_id_key UNIQUE (souscription_id);

ALTER TABLE ONLY public.paiements_pass
    ADD CONSTRAINT paiements_pass_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.paiements_pass
    ADD CONSTRAINT paiements_pass_reference_key UNIQUE (reference);

ALTER TABLE ONLY public.preferences_notification
    ADD CONSTRAINT preferences_notification_client_id_key UNIQUE (client_id);

ALTER TABLE ONLY public.preferences_notification
    ADD CONSTRAINT preferences_notification_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.procrastinate_events
    ADD CONSTRAINT procrastinate_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.procrastinate_jobs
    ADD CONSTRAINT procrastinate_jobs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.procrastinate_periodic_defers
    ADD CONSTRAINT procrastinate_periodic_defers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.procrastinate_periodic_defers
    ADD CONSTRAINT procrastinate_periodic_defers_unique UNIQUE (task_name, periodic_id, defer_timestamp);

ALTER TABLE ONLY public.procrastinate_workers
    ADD CONSTRAINT procrastinate_workers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.produits_pass
    ADD CONSTRAINT produits_pass_code_key UNIQUE (code);

ALTER TABLE ONLY public.produits_pass
    ADD CONSTRAINT produits_pass_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.requetes_idempotentes
    ADD CONSTRAINT requete_idempotente_unique UNIQUE (portee, cle);

ALTER TABLE ONLY public.requetes_idempotentes
    ADD CONSTRAINT requetes_idempotentes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sessions_clients
    ADD CONSTRAINT sessions_clients_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sinistres_pass
    ADD CONSTRAINT sinistres_pass_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.souscriptions_pass
    ADD CONSTRAINT souscriptions_pass_numero_souscription_key UNIQUE (numero_souscription);

ALTER TABLE ONLY public.souscriptions_pass
    ADD CONSTRAINT souscriptions_pass_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tentatives_connexion
    ADD CONSTRAINT tentatives_connexion_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.token_blacklist_blacklistedtoken
    ADD CONSTRAINT token_blacklist_blacklistedtoken_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.token_blacklist_blacklistedtoken
    ADD CONSTRAINT token_blacklist_blacklistedtoken_token_id_key UNIQUE (token_id);

ALTER TABLE ONLY public.token_blacklist_outstandingtoken
    ADD CONSTRAINT token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_uniq UNIQUE (jti);

ALTER TABLE ONLY public.token_blacklist_outstandingtoken
    ADD CONSTRAINT token_blacklist_outstandingtoken_pkey PRIMARY KEY (id);

CREATE INDEX agents_matricule_b1f01f5b_like ON public.agents USING btree (matricule varchar_pattern_ops);

CREATE INDEX airtel_appels_reference_idx ON public.airtel_appels USING btree (reference_id);

CREATE UNIQUE INDEX appel_agent_un_en_attente ON public.appels_agent USING btree (borne_id) WHERE (traite_le IS NULL);

CREATE INDEX appels_agent_borne_id_82af9ac0 ON public.appels_agent USING btree (borne_id);

CREATE INDEX auth_group_name_a6ea08ec_like ON public.auth_group USING btree (name varchar_pattern_ops);

CREATE INDEX auth_group_permissions_group_id_b120cbf9 ON public.auth_group_permissions USING btree (group_id);

CREATE INDEX auth_group_permissions_permission_id_84c5c92e ON public.auth_group_permissions USING btree (permission_id);

CREATE INDEX auth_permission_content_type_id_2f476e4b ON public.auth_permission USING btree (content_type_id);

CREATE INDEX auth_user_groups_group_id_97559544 ON public.auth_user_groups USING btree (group_id);

CREATE INDEX auth_user_groups_user_id_6a12ed8b ON public.auth_user_groups USING btree (user_id);

CREATE INDEX auth_user_user_permissions_permission_id_1fbb5f2c ON public.auth_user_user_permissions USING btree (permission_id);

CREATE INDEX auth_user_user_permissions_user_id_a95ead1b ON public.auth_user_user_permissions USING btree (user_id);

CREATE INDEX auth_user_username_6821ab7c_like ON public.auth_user USING btree (username varchar_pattern_ops);

CREATE INDEX axes_accessattempt_ip_address_10922d9c ON public.axes_accessattempt USING btree (ip_address);

CREATE INDEX axes_accessattempt_user_agent_ad89678b ON public.axes_accessattempt USING btree (user_agent);

CREATE INDEX axes_accessattempt_user_agent_ad89678b_like ON public.axes_accessattempt USING btree (user_agent varchar_pattern_ops);

CREATE INDEX axes_accessattempt_username_3f2d4ca0 ON public.axes_accessattempt USING btree (username);

CREATE INDEX axes_accessattempt_username_3f2d4ca0_like ON public.axes_accessattempt USING btree (username varchar_pattern_ops);

CREATE INDEX axes_accessfailurelog_ip_address_2e9f5a7f ON public.axes_accessfailurelog USING btree (ip_address);

CREATE INDEX axes_accessfailurelog_user_agent_ea145dda ON public.axes_accessfailurelog USING btree (user_agent);

CREATE INDEX axes_accessfailurelog_user_agent_ea145dda_like ON public.axes_accessfailurelog USING btree (user_agent varchar_pattern_ops);

CREATE INDEX axes_accessfailurelog_username_a8b7e8a4 ON public.axes_accessfailurelog USING btree (username);

CREATE INDEX axes_accessfailurelog_username_a8b7e8a4_like ON public.axes_accessfailurelog USING btree (username varchar_pattern_ops);

CREATE INDEX axes_accesslog_ip_address_86b417e5 ON public.axes_accesslog USING btree (ip_address);

CREATE INDEX axes_accesslog_user_agent_0e659004 ON public.axes_accesslog USING btree (user_agent);

CREATE INDEX axes_accesslog_user_agent_0e659004_like ON public.axes_accesslog USING btree (user_agent varchar_pattern_ops);

CREATE INDEX axes_accesslog_username_df93064b ON public.axes_accesslog USING btree (username);

CREATE INDEX axes_accesslog_username_df93064b_like ON public.axes_accesslog USING btree (username varchar_pattern_ops);

CREATE INDEX beneficiaires_pass_souscription_id_f96e0f2a ON public.beneficiaires_pass USING btree (souscription_id);

CREATE INDEX bornes_identifiant_23c8bed5_like ON public.bornes USING btree (identifiant varchar_pattern_ops);

CREATE INDEX cache_pass_expires ON public.cache_pass USING btree (expires);

CREATE INDEX clients_nom_cle_idx ON public.clients_pass USING btree (public.pass_sans_accents((nom)::text) COLLATE "C", public.pass_sans_accents((prenom)::text) COLLATE "C", id);

CREATE INDEX clients_nom_prenom_id_idx ON public.clients_pass USING btree (nom, prenom, id);

CREATE INDEX clients_pass_telephone_7945406a_like ON public.clients_pass USING btree (telephone varchar_pattern_ops);

CREATE INDEX clients_prenom_cle_idx ON public.clients_pass USING btree (public.pass_sans_accents((prenom)::text) COLLATE "C", public.pass_sans_accents((nom)::text) COLLATE "C", id);

CREATE INDEX clients_ville_idx ON public.clients_pass USING btree (ville);

CREATE INDEX codes_preuve_telephone_3edd2fc1 ON public.codes_preuve USING btree (telephone);

CREATE INDEX codes_preuve_telephone_3edd2fc1_like ON public.codes_preuve USING btree (telephone varchar_pattern_ops);

CREATE INDEX compteurs_pass_cle_d1d5687e_like ON public.compteurs_pass USING btree (cle varchar_pattern_ops);

CREATE INDEX demandes_limitees_cle_idx ON public.demandes_limitees USING btree (cle, date);

CREATE INDEX django_admin_log_content_type_id_c4bce8eb ON public.django_admin_log USING btree (content_type_id);

CREATE INDEX django_admin_log_user_id_c564eba6 ON public.django_admin_log USING btree (user_id);

CREATE INDEX django_session_expire_date_a5c62663 ON public.django_session USING btree (expire_date);

CREATE INDEX django_session_session_key_c0390e0f_like ON public.django_session USING btree (session_key varchar_pattern_ops);

CREATE INDEX historique_polices_modifie_par_id_99742b42 ON public.historique_polices USING btree (modifie_par_id);

CREATE INDEX historique_polices_police_id_b72ca99d ON public.historique_polices USING btree (police_id);

CREATE INDEX idx_procrastinate_jobs_worker_not_null ON public.procrastinate_jobs USING btree (worker_id) WHERE ((worker_id IS NOT NULL) AND (status = 'doing'::public.procrastinate_job_status));

CREATE INDEX idx_procrastinate_workers_last_heartbeat ON public.procrastinate_workers USING btree (last_heartbeat);

CREATE INDEX journal_actions_action_idx ON public.journal_actions_agents USING btree (action, date);

CREATE INDEX journal_actions_agents_agent_id_59336058 ON public.journal_actions_agents USING btree (agent_id);

CREATE INDEX journal_actions_agents_date_66511ed8 ON public.journal_actions_agents USING btree (date);

CREATE INDEX journal_actions_agents_utilisateur_id_46de1d51 ON public.journal_actions_agents USING btree (utilisateur_id);

CREATE INDEX journal_actions_user_idx ON public.journal_actions_agents USING btree (utilisateur_id, date);

CREATE INDEX journal_benef_souscription_idx ON public.journal_beneficiaires USING btree (souscription_id, date);

CREATE INDEX journal_beneficiaires_borne_id_3af02fe6 ON public.journal_beneficiaires USING btree (borne_id);

CREATE INDEX journal_beneficiaires_client_id_bd86c823 ON public.journal_beneficiaires USING btree (client_id);

CREATE INDEX journal_beneficiaires_souscription_id_9fda0241 ON public.journal_beneficiaires USING btree (souscription_id);

CREATE INDEX momo_a_verifier_idx ON public.momo_transactions USING btree (prochaine_verification) WHERE ((statut)::text = ANY ((ARRAY['a_envoyer'::character varying, 'PENDING'::character varying])::text[]));

CREATE INDEX momo_anomalies_idx ON public.momo_transactions USING btree (anomalie) WHERE (NOT ((anomalie)::text = ''::text));

CREATE INDEX momo_appels_reference_idx ON public.momo_appels USING btree (reference_id);

CREATE INDEX momo_appels_transaction_id_2cc1b20f ON public.momo_appels USING btree (transaction_id);

CREATE INDEX notifications_cle_a60c2d7d_like ON public.notifications USING btree (cle varchar_pattern_ops);

CREATE INDEX notifications_client_id_9b1f402f ON public.notifications USING btree (client_id);

CREATE INDEX notifications_client_idx ON public.notifications USING btree (client_id, date_creation);

CREATE INDEX notifications_id_fournisseur_aaa3ccbf ON public.notifications USING btree (id_fournisseur);

CREATE INDEX notifications_id_fournisseur_aaa3ccbf_like ON public.notifications USING btree (id_fournisseur varchar_pattern_ops);

CREATE INDEX numeros_police_congo_agent_attribueur_id_3a2ea5f0 ON public.numeros_police_congo USING btree (agent_attribueur_id);

CREATE INDEX numeros_police_congo_numero_police_00c840d6_like ON public.numeros_police_congo USING btree (numero_police varchar_pattern_ops);

CREATE UNIQUE INDEX paiement_reference_operateur_unique ON public.paiements_pass USING btree (mode_paiement, reference_operateur) WHERE (reference_operateur IS NOT NULL);

CREATE INDEX paiements_en_attente_idx ON public.paiements_pass USING btree (date_initiation) WHERE ((statut)::text = 'en_attente'::text);

CREATE INDEX paiements_pass_borne_id_440c1a09 ON public.paiements_pass USING btree (borne_id);

CREATE INDEX paiements_pass_reference_1e885b11_like ON public.paiements_pass USING btree (reference varchar_pattern_ops);

CREATE INDEX paiements_pass_souscription_id_3391b231 ON public.paiements_pass USING btree (souscription_id);

CREATE INDEX paiements_souscription_idx ON public.paiements_pass USING btree (souscription_id, date_initiation DESC);

CREATE INDEX paiements_succes_idx ON public.paiements_pass USING btree (souscription_id) INCLUDE (montant) WHERE ((statut)::text = 'succes'::text);

CREATE INDEX procrastinate_events_job_id_fkey_v1 ON public.procrastinate_events USING btree (job_id);

CREATE INDEX procrastinate_jobs_id_lock_idx_v1 ON public.procrastinate_jobs USING btree (id, lock) WHERE (status = ANY (ARRAY['todo'::public.procrastinate_job_status, 'doing'::public.procrastinate_job_status]));

CREATE UNIQUE INDEX procrastinate_jobs_lock_idx_v1 ON public.procrastinate_jobs USING btree (lock) WHERE (status = 'doing'::public.procrastinate_job_status);

CREATE INDEX procrastinate_jobs_priority_idx_v1 ON public.procrastinate_jobs USING btree (priority DESC, id) WHERE (status = 'todo'::public.procrastinate_job_status);

CREATE INDEX procrastinate_jobs_queue_name_idx_v1 ON public.procrastinate_jobs USING btree (queue_name);

CREATE UNIQUE INDEX procrastinate_jobs_queueing_lock_idx_v1 ON public.procrastinate_jobs USING btree (queueing_lock) WHERE (status = 'todo'::public.procrastinate_job_status);

CREATE INDEX procrastinate_periodic_defers_job_id_fkey_v1 ON public.procrastinate_periodic_defers USING btree (job_id);

CREATE INDEX produits_pass_code_859154ec_like ON public.produits_pass USING btree (code varchar_pattern_ops);

CREATE INDEX sessions_client_idx ON public.sessions_clients USING btree (client_id, revoquee_le);

CREATE INDEX sessions_clients_borne_id_989a7364 ON public.sessions_clients USING btree (borne_id);

CREATE INDEX sessions_clients_client_id_bfbf1fad ON public.sessions_clients USING btree (client_id);

CREATE INDEX sessions_clients_souscription_id_69410ede ON public.sessions_clients USING btree (souscription_id);

CREATE INDEX sinistres_pass_instructeur_id_30ab7969 ON public.sinistres_pass USING btree (instructeur_id);

CREATE INDEX sinistres_pass_souscription_id_726f91cb ON public.sinistres_pass USING btree (souscription_id);

CREATE INDEX sinistres_statut_idx ON public.sinistres_pass USING btree (statut, date_declaration);

CREATE INDEX souscriptions_a_numeroter_idx ON public.souscriptions_pass USING btree (date_souscription, id) WHERE a_numeroter;

CREATE INDEX souscriptions_pass_borne_id_cd5329cd ON public.souscriptions_pass USING btree (borne_id);

CREATE INDEX souscriptions_pass_client_id_20ef1418 ON public.souscriptions_pass USING btree (client_id);

CREATE INDEX souscriptions_pass_numero_souscription_cced20b4_like ON public.souscriptions_pass USING btree (numero_souscription varchar_pattern_ops);

CREATE INDEX souscriptions_pass_produit_id_208863c1 ON public.souscriptions_pass USING btree (produit_id);

CREATE INDEX souscriptions_statut_idx ON public.souscriptions_pass USING btree (statut, date_souscription);

CREATE INDEX tentatives_borne_idx ON public.tentatives_connexion USING btree (borne_identifiant, date);

CREATE INDEX tentatives_ip_idx ON public.tentatives_connexion USING btree (adresse_ip, date);

CREATE INDEX tentatives_police_idx ON public.tentatives_connexion USING btree (police, date);

CREATE INDEX token_blacklist_outstandingtoken_jti_hex_d9bdf6f7_like ON public.token_blacklist_outstandingtoken USING btree (jti varchar_pattern_ops);

CREATE INDEX token_blacklist_outstandingtoken_user_id_83bc629a ON public.token_blacklist_outstandingtoken USING btree (user_id);

CREATE TRIGGER beneficiaires_controle BEFORE INSERT OR UPDATE OF souscription_id, part_pourcentage ON public.beneficiaires_pass FOR EACH ROW EXECUTE FUNCTION public.beneficiaires_controle();

CREATE TRIGGER journal_actions_immuable BEFORE DELETE OR UPDATE ON public.journal_actions_agents FOR EACH ROW EXECUTE FUNCTION public.journal_actions_immuable();

CREATE TRIGGER paiement_succes_immuable BEFORE DELETE OR UPDATE ON public.paiements_pass FOR EACH ROW EXECUTE FUNCTION public.paiement_succes_immuable();

CREATE TRIGGER police_a_numeroter_changement AFTER UPDATE ON public.numeros_police_congo REFERENCING OLD TABLE AS anciennes NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.police_a_numeroter_maj();

CREATE TRIGGER police_a_numeroter_insertion AFTER INSERT ON public.numeros_police_congo REFERENCING NEW TABLE AS nouvelles FOR EACH STATEMENT EXECUTE FUNCTION public.police_a_numeroter_maj();

CREATE TRIGGER police_a_numeroter_suppression AFTER DELETE ON public.numeros_police_congo REFERENCING OLD TABLE AS anciennes FOR EACH STATEMENT EXECUTE FUNCTION public.police_a_numeroter_maj();

CREATE TRIGGER police_controle BEFORE INSERT OR UPDATE OF numero_police, souscription_id ON public.numeros_police_congo FOR EACH ROW EXECUTE FUNCTION public.police_controle();

CREATE TRIGGER procrastinate_jobs_notify_queue_job_aborted_v1 AFTER UPDATE OF abort_requested ON public.procrastinate_jobs FOR EACH ROW WHEN (((old.abort_requested = false) AND (new.abort_requested = true) AND (new.status = 'doing'::public.procrastinate_job_status))) EXECUTE FUNCTION public.procrastinate_notify_queue_abort_job_v1();

CREATE TRIGGER procrastinate_jobs_notify_queue_job_inserted_v1 AFTER INSERT ON public.procrastinate_jobs FOR EACH ROW WHEN ((new.status = 'todo'::public.procrastinate_job_status)) EXECUTE FUNCTION public.procrastinate_notify_queue_job_inserted_v1();

CREATE TRIGGER procrastinate_trigger_abort_requested_events_v1 AFTER UPDATE OF abort_requested ON public.procrastinate_jobs FOR EACH ROW WHEN ((new.abort_requested = true)) EXECUTE FUNCTION public.procrastinate_trigger_abort_requested_events_procedure_v1();

CREATE TRIGGER procrastinate_trigger_delete_jobs_v1 BEFORE DELETE ON public.procrastinate_jobs FOR EACH ROW EXECUTE FUNCTION public.procrastinate_unlink_periodic_defers_v1();

CREATE TRIGGER procrastinate_trigger_scheduled_events_v1 AFTER INSERT OR UPDATE ON public.procrastinate_jobs FOR EACH ROW WHEN (((new.scheduled_at IS NOT NULL) AND (new.status = 'todo'::public.procrastinate_job_status))) EXECUTE FUNCTION public.procrastinate_trigger_function_scheduled_events_v1();

CREATE TRIGGER procrastinate_trigger_status_events_insert_v1 AFTER INSERT ON public.procrastinate_jobs FOR EACH ROW WHEN ((new.status = 'todo'::public.procrastinate_job_status)) EXECUTE FUNCTION public.procrastinate_trigger_function_status_events_insert_v1();

CREATE TRIGGER procrastinate_trigger_status_events_update_v1 AFTER UPDATE OF status ON public.procrastinate_jobs FOR EACH ROW EXECUTE FUNCTION public.procrastinate_trigger_function_status_events_update_v1();

CREATE TRIGGER souscription_a_numeroter BEFORE INSERT OR UPDATE ON public.souscriptions_pass FOR EACH ROW EXECUTE FUNCTION public.souscription_a_numeroter_calcul();

CREATE TRIGGER souscription_controle_echeance BEFORE INSERT OR UPDATE OF montant_prime, periodicite, produit_id ON public.souscriptions_pass FOR EACH ROW EXECUTE FUNCTION public.souscription_controle_echeance();

ALTER TABLE ONLY public.agents
    ADD CONSTRAINT agents_user_id_dab89799_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.appels_agent
    ADD CONSTRAINT appels_agent_borne_id_82af9ac0_fk_bornes_id FOREIGN KEY (borne_id) REFERENCES public.bornes(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissio_permission_id_84c5c92e_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_b120cbf9_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_2f476e4b_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_group_id_97559544_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_6a12ed8b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.axes_accessattemptexpiration
    ADD CONSTRAINT axes_accessattemptex_access_attempt_id_6b73a47a_fk_axes_acce FOREIGN KEY (access_attempt_id) REFERENCES public.axes_accessattempt(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.beneficiaires_pass
    ADD CONSTRAINT beneficiaires_pass_souscription_id_f96e0f2a_fk_souscript FOREIGN KEY (souscription_id) REFERENCES public.souscriptions_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_content_type_id_c4bce8eb_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.django_admin_log
    ADD CONSTRAINT django_admin_log_user_id_c564eba6_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.historique_polices
    ADD CONSTRAINT historique_polices_modifie_par_id_99742b42_fk_auth_user_id FOREIGN KEY (modifie_par_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.historique_polices
    ADD CONSTRAINT historique_polices_police_id_b72ca99d_fk_numeros_p FOREIGN KEY (police_id) REFERENCES public.numeros_police_congo(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.journal_actions_agents
    ADD CONSTRAINT journal_actions_agents_agent_id_59336058_fk_agents_id FOREIGN KEY (agent_id) REFERENCES public.agents(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.journal_actions_agents
    ADD CONSTRAINT journal_actions_agents_utilisateur_id_46de1d51_fk_auth_user_id FOREIGN KEY (utilisateur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.journal_beneficiaires
    ADD CONSTRAINT journal_beneficiaire_souscription_id_9fda0241_fk_souscript FOREIGN KEY (souscription_id) REFERENCES public.souscriptions_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.journal_beneficiaires
    ADD CONSTRAINT journal_beneficiaires_borne_id_3af02fe6_fk_bornes_id FOREIGN KEY (borne_id) REFERENCES public.bornes(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.journal_beneficiaires
    ADD CONSTRAINT journal_beneficiaires_client_id_bd86c823_fk_clients_pass_id FOREIGN KEY (client_id) REFERENCES public.clients_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.momo_appels
    ADD CONSTRAINT momo_appels_transaction_id_2cc1b20f_fk_momo_transactions_id FOREIGN KEY (transaction_id) REFERENCES public.momo_transactions(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.momo_transactions
    ADD CONSTRAINT momo_transactions_paiement_id_8a26cc90_fk_paiements_pass_id FOREIGN KEY (paiement_id) REFERENCES public.paiements_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_client_id_9b1f402f_fk_clients_pass_id FOREIGN KEY (client_id) REFERENCES public.clients_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.numeros_police_congo
    ADD CONSTRAINT numeros_police_congo_agent_attribueur_id_3a2ea5f0_fk_agents_id FOREIGN KEY (agent_attribueur_id) REFERENCES public.agents(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.numeros_police_congo
    ADD CONSTRAINT numeros_police_congo_souscription_id_552e7567_fk_souscript FOREIGN KEY (souscription_id) REFERENCES public.souscriptions_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.paiements_pass
    ADD CONSTRAINT paiements_pass_borne_id_440c1a09_fk_bornes_id FOREIGN KEY (borne_id) REFERENCES public.bornes(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.paiements_pass
    ADD CONSTRAINT paiements_pass_souscription_id_3391b231_fk_souscript FOREIGN KEY (souscription_id) REFERENCES public.souscriptions_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.preferences_notification
    ADD CONSTRAINT preferences_notification_client_id_1d4a02e2_fk_clients_pass_id FOREIGN KEY (client_id) REFERENCES public.clients_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.procrastinate_events
    ADD CONSTRAINT procrastinate_events_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.procrastinate_jobs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.procrastinate_jobs
    ADD CONSTRAINT procrastinate_jobs_worker_id_fkey FOREIGN KEY (worker_id) REFERENCES public.procrastinate_workers(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.procrastinate_periodic_defers
    ADD CONSTRAINT procrastinate_periodic_defers_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.procrastinate_jobs(id);

ALTER TABLE ONLY public.sessions_clients
    ADD CONSTRAINT sessions_clients_borne_id_989a7364_fk_bornes_id FOREIGN KEY (borne_id) REFERENCES public.bornes(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.sessions_clients
    ADD CONSTRAINT sessions_clients_client_id_bfbf1fad_fk_clients_pass_id FOREIGN KEY (client_id) REFERENCES public.clients_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.sessions_clients
    ADD CONSTRAINT sessions_clients_souscription_id_69410ede_fk_souscript FOREIGN KEY (souscription_id) REFERENCES public.souscriptions_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.sinistres_pass
    ADD CONSTRAINT sinistres_pass_instructeur_id_30ab7969_fk_auth_user_id FOREIGN KEY (instructeur_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.sinistres_pass
    ADD CONSTRAINT sinistres_pass_souscription_id_726f91cb_fk_souscript FOREIGN KEY (souscription_id) REFERENCES public.souscriptions_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.souscriptions_pass
    ADD CONSTRAINT souscriptions_pass_borne_id_cd5329cd_fk_bornes_id FOREIGN KEY (borne_id) REFERENCES public.bornes(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.souscriptions_pass
    ADD CONSTRAINT souscriptions_pass_client_id_20ef1418_fk_clients_pass_id FOREIGN KEY (client_id) REFERENCES public.clients_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.souscriptions_pass
    ADD CONSTRAINT souscriptions_pass_produit_id_208863c1_fk_produits_pass_id FOREIGN KEY (produit_id) REFERENCES public.produits_pass(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.token_blacklist_blacklistedtoken
    ADD CONSTRAINT token_blacklist_blacklistedtoken_token_id_3cc7fe56_fk FOREIGN KEY (token_id) REFERENCES public.token_blacklist_outstandingtoken(id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY public.token_blacklist_outstandingtoken
    ADD CONSTRAINT token_blacklist_outs_user_id_83bc629a_fk_auth_user FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;

-- Migrations already applied by this script.
INSERT INTO public.django_migrations (app, name, applied) VALUES
    ('admin', '0001_initial', now()),
    ('admin', '0002_logentry_remove_auto_add', now()),
    ('admin', '0003_logentry_add_action_flag_choices', now()),
    ('agents', '0001_initial', now()),
    ('agents', '0002_journal_actions', now()),
    ('agents', '0003_libelles_accents', now()),
    ('airtel_integration', '0001_initial', now()),
    ('auth', '0001_initial', now()),
    ('auth', '0002_alter_permission_name_max_length', now()),
    ('auth', '0003_alter_user_email_max_length', now()),
    ('auth', '0004_alter_user_username_opts', now()),
    ('auth', '0005_alter_user_last_login_null', now()),
    ('auth', '0006_require_contenttypes_0002', now()),
    ('auth', '0007_alter_validators_add_error_messages', now()),
    ('auth', '0008_alter_user_username_max_length', now()),
    ('auth', '0009_alter_user_last_name_max_length', now()),
    ('auth', '0010_alter_group_name_max_length', now()),
    ('auth', '0011_update_proxy_permissions', now()),
    ('auth', '0012_alter_user_first_name_max_length', now()),
    ('axes', '0001_initial', now()),
    ('axes', '0002_auto_20151217_2044', now()),
    ('axes', '0003_auto_20160322_0929', now()),
    ('axes', '0004_auto_20181024_1538', now()),
    ('axes', '0005_remove_accessattempt_trusted', now()),
    ('axes', '0006_remove_accesslog_trusted', now()),
    ('axes', '0007_alter_accessattempt_unique_together', now()),
    ('axes', '0008_accessfailurelog', now()),
    ('axes', '0009_add_session_hash', now()),
    ('axes', '0010_accessattemptexpiration', now()),
    ('borne_auth', '0001_initial', now()),
    ('borne_auth', '0002_tentativeconnexion', now()),
    ('borne_auth', '0003_sessionclient', now()),
    ('borne_auth', '0004_appel_agent', now()),
    ('clients', '0001_initial', now()),
    ('clients', '0002_recherche_sans_accents', now()),
    ('clients', '0003_libelles_accents', now()),
    ('clients', '0004_recherche_par_cle_triee', now()),
    ('clients', '0005_index_ville', now()),
    ('contenttypes', '0001_initial', now()),
    ('contenttypes', '0002_remove_content_type_name', now()),
    ('core', '0001_initial', now()),
    ('core', '0002_table_cache', now()),
    ('core', '0003_demandelimitee', now()),
    ('core', '0004_compteurs_fenetre', now()),
    ('mtn_integration', '0001_initial', now()),
    ('mtn_integration', '0002_transactionmomo_anomalie_and_more', now()),
    ('mtn_integration', '0003_paiements_a_verifier', now()),
    ('notifications', '0001_initial', now()),
    ('paiements', '0001_initial', now()),
    ('paiements', '0002_trigger_succes_immuable', now()),
    ('paiements', '0003_requeteidempotente', now()),
    ('paiements', '0004_requeteidempotente_fin_bail', now()),
    ('procrastinate', '0001_initial', now()),
    ('procrastinate', '0002_drop_started_at_column', now()),
    ('procrastinate', '0003_drop_started_at_column', now()),
    ('procrastinate', '0004_drop_procrastinate_version_table', now()),
    ('procrastinate', '0005_fix_procrastinate_fetch_job', now()),
    ('procrastinate', '0006_fix_trigger_status_events_insert', now()),
    ('procrastinate', '0007_add_queueing_lock_column', now()),
    ('procrastinate', '0008_close_fetch_job_race_condition', now()),
    ('procrastinate', '0009_add_defer_job_function', now()),
    ('procrastinate', '0010_add_procrastinate_periodic_defers', now()),
    ('procrastinate', '0011_add_foreign_key_index', now()),
    ('procrastinate', '0012_add_locks_to_periodic_defer', now()),
    ('procrastinate', '0013_fix_procrastinate_defer_periodic_job', now()),
    ('procrastinate', '0014_add_finish_job_and_retry_job_functions', now()),
    ('procrastinate', '0015_add_trigger_on_job_deletion', now()),
    ('procrastinate', '0016_delete_finished_jobs', now()),
    ('procrastinate', '0017_add_checks_to_finish_job', now()),
    ('procrastinate', '0018_add_checks_to_retry_job', now()),
    ('procrastinate', '0019_fix_finish_job_compat_issue', now()),
    ('procrastinate', '0020_add_index_on_procrastinate_jobs', now()),
    ('procrastinate', '0021_add_kwargs_to_defer_periodic_job', now()),
    ('procrastinate', '0022_null_locks_excluded', now()),
    ('procrastinate', '0023_remove_old_finish_job_function', now()),
    ('procrastinate', '0024_job_id_bigint', now()),
    ('procrastinate', '0025_add_models', now()),
    ('procrastinate', '0026_add_job_priority', now()),
    ('procrastinate', '0027_add_periodic_job_priority', now()),
    ('procrastinate', '0028_add_cancel_states', now()),
    ('procrastinate', '0029_add_additional_params_to_retry_job', now()),
    ('procrastinate', '0030_alter_procrastinateevent_options', now()),
    ('procrastinate', '0031_add_indexes_for_fetch_job', now()),
    ('procrastinate', '0032_pre_cancel_notification', now()),
    ('procrastinate', '0033_post_cancel_notification', now()),
    ('procrastinate', '0034_pre_add_heartbeat', now()),
    ('procrastinate', '0035_post_add_heartbeat', now()),
    ('procrastinate', '0036_add_worker_model', now()),
    ('procrastinate', '0037_pre_batch_defer_jobs', now()),
    ('procrastinate', '0038_post_batch_defer_jobs', now()),
    ('procrastinate', '0039_pre_priority_lock_fetch_job', now()),
    ('procrastinate', '0040_pre_retry_failed_job', now()),
    ('procrastinate', '0041_post_retry_failed_job', now()),
    ('produits', '0001_initial', now()),
    ('produits', '0002_libelles_accents', now()),
    ('sessions', '0001_initial', now()),
    ('sinistres', '0001_initial', now()),
    ('sinistres', '0002_motif_rejet', now()),
    ('sinistres', '0003_libelles_accents', now()),
    ('souscriptions', '0001_initial', now()),
    ('souscriptions', '0002_fonctions_et_triggers', now()),
    ('souscriptions', '0003_vues_contrats_cotisations', now()),
    ('souscriptions', '0004_souscriptionsanspolice_historiquepolice', now()),
    ('souscriptions', '0005_libelles_francais', now()),
    ('souscriptions', '0006_journalbeneficiaire', now()),
    ('souscriptions', '0007_numero_souscription_aleatoire', now()),
    ('souscriptions', '0008_police_numero_normal', now()),
    ('souscriptions', '0009_libelles_accents', now()),
    ('souscriptions', '0010_souscription_a_numeroter', now()),
    ('souscriptions', '0011_vue_contrats_v2', now()),
    ('token_blacklist', '0001_initial', now()),
    ('token_blacklist', '0002_outstandingtoken_jti_hex', now()),
    ('token_blacklist', '0003_auto_20171017_2007', now()),
    ('token_blacklist', '0004_auto_20171017_2013', now()),
    ('token_blacklist', '0005_remove_outstandingtoken_jti', now()),
    ('token_blacklist', '0006_auto_20171017_2113', now()),
    ('token_blacklist', '0007_auto_20171017_2214', now()),
    ('token_blacklist', '0008_migrate_to_bigautofield', now()),
    ('token_blacklist', '0010_fix_migrate_to_bigautofield', now()),
    ('token_blacklist', '0011_linearizes_history', now()),
    ('token_blacklist', '0012_alter_outstandingtoken_user', now()),
    ('token_blacklist', '0013_alter_blacklistedtoken_options_and_more', now());
