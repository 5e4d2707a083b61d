/// The team database's tables, roles and row-level security, created by `team init` (idempotent:
/// every statement can run again). One definition: `team init --print-schema` shows it.
///
/// Rights live in the database: each person logs in as their own role, a member of one of three
/// group roles, and writes only as that login role (not after `SET ROLE` to the group). Events are append-only (no UPDATE or DELETE is granted); a row-level policy lets a
/// role append only to the session named after it, and create only that session, whose header names
/// the role as its annotator (an adjudication session too, and only an adjudicator's); annotators read only their own session,
/// reviewers and adjudicators read all; only adjudicators may create an adjudication session. Of a
/// session's row, a role may update only the holder (``claimSQL``), and only of its own session.
///
/// `events` has no foreign key to `sessions`, and the append policy does not look the session up
/// either: the key's check locked the session's row on every insert (`SELECT … FOR KEY SHARE`, a
/// WAL record per edit) and cost about a quarter of the server's work per edit; a policy lookup
/// instead (`EXISTS` on `sessions`: an executor node started per insert) saved only a little of
/// it (BENCHMARKS.md, "Team mode, sixth pass"). What a check of the session's row would add is
/// small: a role may already append any line to its own session; lines it stores by hand before
/// its session exists are found when the session is opened or pushed, which then refuses to
/// create the session over them (``TeamProject/refuseStrayLines(of:)``).
public enum TeamSchema {
    /// The group roles, by the `--role` name of `team add-annotator`.
    public static let groupRoles = ["annotator": "workbench_annotator", "adjudicator": "workbench_adjudicator", "reviewer": "workbench_reviewer"]

    /// The channel `team status --watch` listens on; a writer notifies it (an empty payload) after a
    /// committed line, at most once per ``notificationInterval``. Any role may `LISTEN` and `NOTIFY`
    /// on any channel: a payload would tell every member who commits how much, and a member could
    /// send any, so the notification carries nothing and the watch reads what changed from the
    /// tables (``TeamStatusWatch``). The writer notifies right after
    /// its commit, in a transaction of its own: a NOTIFY inside the inserting transaction would hold
    /// PostgreSQL's global notify lock across the commit's disk flush and so serialise every
    /// writer's commit (no group commit).
    public static let channel = "workbench_events"

    /// The shortest time between two notifications of one writer (seconds). A person's edits are
    /// further apart, so each one notifies; a burst (a script, a replayed batch) notifies once per
    /// interval, and the watch reads again one interval after the last notification it heard, so
    /// the lines in between show at most this late. Every notification is a transaction of its own
    /// on the server: one per line cost a third of the server's work per edit under load.
    public static let notificationInterval = 0.25

    /// The notification: sent without waiting for its answer, committed without waiting for a disk
    /// flush (it carries nothing durable; the line it announces is already committed).
    public static let notifySQL = "SELECT pg_notify('\(channel)', ''), set_config('synchronous_commit', 'off', true)"

    /// Claims session `$1` for the connection: its row's `holder` becomes this backend (its pid and
    /// start, so a reused pid is not taken for the old holder) when nobody holds it, or the holder's
    /// backend is gone from `pg_stat_activity` (a crashed or closed workbench: free at once). One
    /// statement under the row's lock: of two claims at once, the second sees the first's holder
    /// alive and claims nothing. Answers the row when claimed, nothing otherwise. Only the session's
    /// own login role may update its row (policy `sessions_hold`), so no other member can hold it,
    /// unlike an advisory lock, which any role may take under any key.
    public static let claimSQL = """
        UPDATE workbench.sessions s SET holder = pg_backend_pid(), holder_since = (SELECT a.backend_start FROM pg_stat_activity a WHERE a.pid = pg_backend_pid())
        WHERE s.name = $1 AND (s.holder IS NULL OR s.holder = pg_backend_pid()
          OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = s.holder AND a.backend_start IS NOT DISTINCT FROM s.holder_since))
        RETURNING s.name
        """

    /// Lets go of session `$1` when this connection holds it.
    public static let releaseSQL = "UPDATE workbench.sessions SET holder = NULL, holder_since = NULL WHERE name = $1 AND holder = pg_backend_pid()"

    /// The connection that holds session `$1`, as `pg_stat_activity` shows it.
    public static let holderSQL = """
        SELECT a.application_name, a.usename::text AS role, a.client_addr::text AS address, a.backend_start::text AS since
        FROM workbench.sessions s JOIN pg_stat_activity a ON a.pid = s.holder WHERE s.name = $1
        """

    /// Turns `synchronous_commit` back on for the connection when the server, the database or the
    /// role has it `off` (an `ALTER DATABASE … SET synchronous_commit = off` for speed): off, the
    /// server acknowledges a commit before its WAL reaches the disk, and an edit the REPL reported
    /// as saved could be lost when the server goes away right after. Stricter settings (`local`,
    /// `remote_write`, `remote_apply`) are kept. Answers `t` when it was off.
    public static let durableCommitSQL = """
        SELECT (current_setting('synchronous_commit') = 'off') AS was_off,
          CASE WHEN current_setting('synchronous_commit') = 'off' THEN set_config('synchronous_commit', 'on', false) END AS now
        """

    /// Runs ``durableCommitSQL`` on `connection`: every later commit there waits for its WAL flush.
    /// Returns whether the setting was off.
    @discardableResult
    static func makeCommitsDurable(on connection: PostgresConnection) throws(TeamError) -> Bool {
        try connection.query(durableCommitSQL).first("was_off") == "t"
    }

    /// Creates the group roles `roles` unless they exist. Roles belong to the whole cluster, not to
    /// one database, so two projects set up at the same moment on one server (or two team tests)
    /// can both see a role missing and both create it; the loser's "already exists" (a duplicate
    /// object, or a unique violation in the role catalogue when the two inserts cross) is taken as
    /// the role existing.
    static func createRoleSQL(_ roles: [String]) -> String {
        let statements = roles.map { role in
            """
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN
                BEGIN CREATE ROLE \(role) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
              END IF;
            """
        }
        return "DO $$ BEGIN\n" + statements.joined(separator: "\n") + "\nEND $$;"
    }

    /// The jsonb `entry` of a log line given as parameter `parameter` (text): the line parsed, with
    /// every `\u0000` escape read as U+FFFD, since jsonb cannot hold U+0000 (a note or name with a
    /// NUL was refused: "unsupported Unicode escape sequence"). `line` keeps the exact text, and is
    /// what every reader reads; `entry` is for queries only. (An escaped backslash before `u0000`,
    /// the text `\u0000` itself, is changed in `entry` too: it stays text there, one character
    /// differs.)
    static func entrySQL(_ parameter: String) -> String {
        "pg_catalog.replace(\(parameter)::text, '\\u0000', '\\ufffd')::jsonb"
    }

    /// The version of the tables and rights this workbench makes (`workbench.project.layout`), raised
    /// with every change to them. 1 stands for every workbench before the version was recorded (its
    /// tables have no such column). A database of a higher layout was set up by a newer workbench:
    /// this one refuses to work in it (``refuseNewerLayout(on:url:)``), and its `team init` refuses
    /// to put its own older rights back over the newer ones.
    public static let layout = 3

    /// The lowest layout this workbench works in. Layout 3 derives `entry` from `line` in the
    /// database and checks whose work a line is (``lineProblemSQL``): in older tables this workbench's
    /// appends, which no longer send `entry`, would be refused, and the checks are missing, so every
    /// command but `team init` asks for `team init` first (``refuseOlderLayout(on:url:)``).
    public static let oldestLayout = 3

    /// The layout of the team tables on `connection` (1 when the column is missing: older tables;
    /// `nil` when the project row is not there yet), read without failing on the missing column.
    static func storedLayout(on connection: PostgresConnection) throws(TeamError) -> Int? {
        try connection.query("SELECT coalesce(to_jsonb(p) ->> 'layout', '1') AS layout FROM workbench.project p").first("layout").flatMap { Int($0) }
    }

    /// Refuses team tables set up by a newer workbench (a higher ``layout``): an older one may not
    /// know their rules, and would write or set up by its own.
    static func refuseNewerLayout(on connection: PostgresConnection, url: DatabaseURL) throws(TeamError) {
        guard let stored = try storedLayout(on: connection), stored > layout else { return }
        throw .invalid(
            "the team tables in \(url.redacted) were set up by a newer workbench (layout \(stored); this workbench knows up to \(layout)): "
                + "update the workbench to the version the project owner uses (every member and the owner use one version); nothing was changed")
    }

    /// Refuses team tables of a layout older than ``oldestLayout``, naming what the project owner runs.
    static func refuseOlderLayout(on connection: PostgresConnection, url: DatabaseURL) throws(TeamError) {
        guard let stored = try storedLayout(on: connection), stored < oldestLayout else { return }
        throw .invalid(
            "the team tables in \(url.redacted) were set up by an older workbench (layout \(stored); this workbench needs \(oldestLayout)): "
                + "the project owner runs workbench team init \(url.redacted) --corpus PATH once more "
                + "(the same corpus; it brings the tables up to date and keeps every session and event); nothing was changed")
    }

    /// Refuses tables of another layout than this workbench's: newer (``refuseNewerLayout(on:url:)``)
    /// or older (``refuseOlderLayout(on:url:)``).
    static func refuseOtherLayout(on connection: PostgresConnection, url: DatabaseURL) throws(TeamError) {
        try refuseNewerLayout(on: connection, url: url)
        try refuseOlderLayout(on: connection, url: url)
    }

    /// Finds the per-line notification trigger of the first team mode (`events_notify` on
    /// `workbench.events`, calling `workbench.notify_event()`): the `team init` of a workbench from
    /// before the tables recorded their layout (layout 1) creates it again on tables of this layout,
    /// whose layout it does not know and so leaves as it is. The trigger sends every stored line's
    /// session and number to every member who listens (the notification carries nothing since, see
    /// ``channel``) and, notifying inside each inserting transaction, holds every writer's commit
    /// behind the others'. Answers the triggers' names and whether the connecting role owns the table.
    static let olderTriggerSQL = """
        SELECT pg_catalog.string_agg(t.tgname::text, ', ' ORDER BY t.tgname) AS triggers, pg_catalog.bool_and(pg_catalog.pg_has_role(c.relowner, 'MEMBER'))::text AS owns
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        WHERE t.tgrelid = pg_catalog.to_regclass('workbench.events') AND NOT t.tgisinternal
          AND (t.tgname = 'events_notify' OR t.tgfoid = pg_catalog.to_regprocedure('workbench.notify_event()'))
        """

    /// Checks, at every connection that writes (a session opened or reconnected, a push), for the
    /// older per-line trigger (``olderTriggerSQL``). The table's owner has it removed (with its
    /// function) and is told so (the returned note); anyone else is refused, naming the version that
    /// made it and what the project owner runs. Returns `nil` when there was none.
    @discardableResult
    static func replaceOrRefuseOlderTrigger(on connection: PostgresConnection, url: DatabaseURL) throws(TeamError) -> String? {
        let found = try connection.query(olderTriggerSQL)
        guard let triggers = found.first("triggers") else { return nil }
        if found.first("owns") == "true" {
            try connection.query("DROP TRIGGER IF EXISTS events_notify ON workbench.events")
            try connection.query("DROP FUNCTION IF EXISTS workbench.notify_event() CASCADE")
            return "removed the per-line notification trigger (\(triggers) on workbench.events) that the team init of a workbench of layout 1 had put back "
                + "(it sent every stored line's session and number to every listener and held every writer's commit behind the others')"
        }
        throw .invalid(
            "the team tables in \(url.redacted) carry the per-line notification trigger (\(triggers) on workbench.events) that the team init of "
                + "a workbench of layout 1 (the first team mode, before the tables recorded their layout) puts back: it sends every stored line's session "
                + "and number to every member who listens, and holds every writer's commit behind the others'; nothing was stored: the project owner runs "
                + "workbench team init \(url.redacted) --corpus PATH once more with this workbench (layout \(layout)), which removes it, and nobody runs the older workbench's team init again")
    }

    /// What a line of a member's session says about people, checked by the database when it is
    /// stored (policy `events_own_work`, restrictive: no permissive policy an older `team init` puts
    /// back can lift it). A session holds the work of the role that writes it, so in a line of
    /// session `s`:
    ///
    /// - the event's `annotator` (who made the edit) is `s`;
    /// - a review's `reviewer` (of a `review` event, or of a record of type review) is `s`;
    /// - an added or replaced record's `annotator` is `s` or empty (stamped with the event's), unless
    ///   the record says where it came from: `origin.kind` `imported` or `adjudicated` (its
    ///   annotator is the source's, named by the file or the adjudication), or it is a note in an
    ///   adjudicator's session (adjudication carries each annotator's notes with their writer).
    ///   `sources`, `origin.from` and the header's `derived_from` name sources, never authors: they
    ///   are not checked.
    ///
    /// Cursor, settings and corpus lines name nobody. Two JSON readers must see the same fields: the
    /// database keeps the last of two equal keys, the workbench's reader the first, so a line that
    /// repeats a key in one of the objects checked (or spells a key with a `\u` escape) is refused
    /// too. The common line is told apart cheaply (no `\u00` escape, and no key the check reads
    /// written more often than the database sees it in the objects it reads it in); only other lines
    /// are parsed once more to count the keys of those objects.
    ///
    /// An expression over the row's `session`, `entry` and `line`: `NULL` for a line that may be
    /// stored, else what is wrong with it. Written into the policy itself, not into a function: a
    /// policy's expression is parsed once, when `team init` creates it (with the safe search path),
    /// while a SQL function's body is parsed again with the caller's search path, where a member
    /// could put operators of her own before PostgreSQL's.
    static let lineProblemSQL: String = {
        // Paths, read in one walk each (no copy of the objects on the way).
        func at(_ path: String) -> String { "(entry #> '{\(path)}')" }
        func text(_ path: String) -> String { "(entry #>> '{\(path)}')" }
        func count(_ key: String) -> String {
            "((octet_length(line) - octet_length(replace(line, '\"\(key)\"', ''))) / \(key.utf8.count + 2))"
        }
        // The line as json (every key kept), with a \u0000 read as entry reads it (json's operators
        // refuse it as text).
        let json = "replace(line, '\\u0000', '\\ufffd')::json"
        func repeats(_ path: String) -> String {
            "(SELECT CASE WHEN json_typeof(\(json) #> '{\(path)}') = 'object' THEN (SELECT count(*) FROM json_object_keys(\(json) #> '{\(path)}')) "
                + "<> (SELECT count(*) FROM jsonb_object_keys(entry #> '{\(path)}')) ELSE false END)"
        }
        // Each key the check reads, and the objects it is read in: a line names it (unescaped) no
        // more often than the database sees it there, or the slow count decides.
        func has(_ path: String, _ key: String) -> String { "(CASE WHEN \(path.isEmpty ? "entry" : at(path)) ? '\(key)' THEN 1 ELSE 0 END)" }
        let common = "strpos(line, '\\u00') = 0 AND \(count("event")) <= \(has("", "event")) "
            + "AND \(count("annotator")) <= \(has("event", "annotator")) + \(has("event,record", "annotator")) "
            + "AND \(count("record")) <= \(has("event", "record")) AND \(count("review")) <= \(has("event", "review")) "
            + "AND \(count("reviewer")) <= \(has("event,review", "reviewer")) + \(has("event,record", "reviewer")) "
            + "AND \(count("origin")) <= \(has("event,record", "origin")) AND \(count("kind")) <= \(has("event,record", "kind")) + \(has("event,record,origin", "kind")) "
            + "AND \(count("type")) <= \(has("event,record", "type"))"
        let repeated = ["", "event", "event,record", "event,record,origin", "event,review"].map(repeats).joined(separator: " OR ")
        func named(_ value: String) -> String { "coalesce(quote_literal(\(value)), 'nobody')" }
        return """
            CASE
              WHEN NOT (entry ? 'event') THEN NULL
              WHEN NOT (\(common)) AND (\(repeated))
                THEN 'it names one key twice in an object (two JSON readers would read different values)'
              WHEN \(text("event,annotator")) IS DISTINCT FROM session
                THEN format('its event names %s as the annotator who made it', \(named(text("event,annotator"))))
              WHEN \(at("event")) ? 'review' AND \(text("event,review,reviewer")) IS DISTINCT FROM session
                THEN format('its review names %s as the reviewer', \(named(text("event,review,reviewer"))))
              WHEN \(at("event,record")) ? 'reviewer' AND \(text("event,record,reviewer")) IS DISTINCT FROM session
                THEN format('its review record names %s as the reviewer', \(named(text("event,record,reviewer"))))
              WHEN coalesce(\(text("event,record,annotator")), '') NOT IN ('', session)
                AND coalesce(\(text("event,record,origin,kind")), '') NOT IN ('imported', 'adjudicated')
                AND NOT (coalesce(\(text("event,record,type")), '') = 'note' AND pg_has_role(session, 'workbench_adjudicator', 'MEMBER'))
                THEN format('its %s record names %s as its annotator and no origin it was taken from (imported or adjudicated)',
                  coalesce(\(text("event,record,type")), 'untyped'), \(named(text("event,record,annotator"))))
            END
            """
    }()

    /// Whether the connecting role may read the row of session `column`: its own, or any for a
    /// reviewer or adjudicator. Names `pg_catalog` and no function of the `workbench` schema, which an
    /// older `team init` replaces with its own (``sql``, `sessions_own_read`, `events_own_read`).
    ///
    /// Whether the role reads all is asked once per statement, not once per row: a scalar subquery
    /// (an InitPlan, whose answer each row's check reads). Written as plain calls, both read policies
    /// called `pg_has_role` for every line a reviewer or adjudicator pulled, about two thirds of the
    /// server's time per batch (BENCHMARKS.md, "Team mode, stop 46").
    static func readsRowSQL(_ column: String) -> String {
        "\(column) = current_user OR (SELECT \(readsAllSQL))"
    }

    /// Whether the connecting role reads every session (a reviewer or an adjudicator), with
    /// `pg_catalog` named.
    static let readsAllSQL = "pg_catalog.pg_has_role(current_user, 'workbench_reviewer', 'MEMBER') OR pg_catalog.pg_has_role(current_user, 'workbench_adjudicator', 'MEMBER')"

    /// Finds the lines and headers stored before layout 3 that its check of whose work a line is
    /// (``lineProblemSQL``, `sessions_own_header`) would refuse now, and lists each in
    /// `workbench.unowned_lines` (by session and sequence; 0 for the header) with what is wrong.
    /// They are kept as stored, never deleted or moved: the log is append-only, and every later line
    /// of the session was written against the state they made. Marked, they are named by `team init`
    /// and `team status` until the project owner decides (see docs/team.md).
    ///
    /// Run by `team init` in a transaction of its own after the tables are brought up to date, when
    /// they were of an older layout or have no such list yet (tables brought to layout 3 by a
    /// workbench before this one): it reads every line once, holding no lock that keeps members out.
    /// Creating the list is its last step, so an interrupted search is made again by the next init.
    static let findUnownedSQL: String = {
        // The session's role may be gone (a member removed by hand): pg_has_role would fail on it.
        let problem = lineProblemSQL.replacingOccurrences(
            of: "pg_has_role(session, 'workbench_adjudicator', 'MEMBER')",
            with: "EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = session AND pg_catalog.pg_has_role(r.oid, 'workbench_adjudicator', 'MEMBER'))")
        return """
            CREATE TABLE workbench.unowned_lines (
              session text NOT NULL,
              sequence bigint NOT NULL,
              problem text NOT NULL,
              found timestamptz NOT NULL DEFAULT now(),
              PRIMARY KEY (session, sequence)
            );
            GRANT SELECT ON workbench.unowned_lines TO workbench_annotator, workbench_adjudicator, workbench_reviewer;
            ALTER TABLE workbench.unowned_lines ENABLE ROW LEVEL SECURITY;
            CREATE POLICY unowned_read ON workbench.unowned_lines FOR SELECT USING (\(readsRowSQL("session")));
            INSERT INTO workbench.unowned_lines (session, sequence, problem)
              SELECT session, sequence, problem FROM (SELECT session, sequence, (\(problem)) AS problem FROM workbench.events) l
              WHERE problem IS NOT NULL;
            DO $$ DECLARE s record; annotator text; BEGIN
              FOR s IN SELECT name, header_line FROM workbench.sessions LOOP
                BEGIN
                  annotator := s.header_line::jsonb ->> 'annotator';
                  IF annotator IS DISTINCT FROM s.name THEN
                    INSERT INTO workbench.unowned_lines (session, sequence, problem)
                      VALUES (s.name, 0, format('its header names %s as the annotator', coalesce(quote_literal(annotator), 'nobody')));
                  ELSIF (SELECT count(*) FROM json_object_keys(s.header_line::json)) <> (SELECT count(*) FROM jsonb_object_keys(s.header_line::jsonb)) THEN
                    INSERT INTO workbench.unowned_lines (session, sequence, problem)
                      VALUES (s.name, 0, 'its header names one key twice (two JSON readers would read different annotators)');
                  END IF;
                EXCEPTION WHEN data_exception THEN
                  INSERT INTO workbench.unowned_lines (session, sequence, problem) VALUES (s.name, 0, 'its header is no JSON object');
                END;
              END LOOP;
            END $$;
            """
    }()

    /// The lines `findUnownedSQL` listed that the connecting role may read, in order.
    static let unownedSQL = "SELECT session, sequence::text AS sequence, problem FROM workbench.unowned_lines u ORDER BY u.session, u.sequence"

    /// Raises the refusal of a line (called only for a line that may not be stored): it names the
    /// line's sequence, why, and what a team session holds.
    static let refuseLineFunction = """
        CREATE OR REPLACE FUNCTION workbench.refuse_line(s text, sequence bigint, problem text) RETURNS boolean LANGUAGE plpgsql
          SET search_path = pg_catalog, pg_temp AS $f$
        BEGIN
          RAISE EXCEPTION USING ERRCODE = 'WB001',
            MESSAGE = format('the line at sequence %s of session %s is not the work of %s: %s; a team session holds only the work of the role that writes it',
              sequence, quote_literal(s), s, problem);
        END $f$;
        """

    /// The statements, in order.
    public static let sql = createRoleSQL(["workbench_annotator", "workbench_adjudicator", "workbench_reviewer"]) + """

        CREATE SCHEMA IF NOT EXISTS workbench;
        CREATE TABLE IF NOT EXISTS workbench.project (
          singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
          corpus jsonb NOT NULL,
          annotation_schema jsonb NOT NULL,
          created timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS workbench.documents (
          id text PRIMARY KEY,
          position integer NOT NULL,
          fingerprint text NOT NULL,
          text text NOT NULL,
          document jsonb NOT NULL
        );
        CREATE TABLE IF NOT EXISTS workbench.members (
          name text PRIMARY KEY,
          role text NOT NULL CHECK (role IN ('annotator', 'adjudicator', 'reviewer'))
        );
        CREATE TABLE IF NOT EXISTS workbench.sessions (
          name text PRIMARY KEY,
          kind text NOT NULL DEFAULT 'annotation' CHECK (kind IN ('annotation', 'adjudication')),
          header jsonb NOT NULL,
          header_line text NOT NULL,
          created timestamptz NOT NULL DEFAULT now(),
          holder integer,
          holder_since timestamptz
        );
        CREATE TABLE IF NOT EXISTS workbench.events (
          session text NOT NULL,
          sequence bigint NOT NULL CHECK (sequence > 0),
          line text NOT NULL,
          entry jsonb GENERATED ALWAYS AS (\(entrySQL("line"))) STORED,
          committed timestamptz NOT NULL DEFAULT clock_timestamp(),
          PRIMARY KEY (session, sequence)
        );
        CREATE TABLE IF NOT EXISTS workbench.assignments (
          document text NOT NULL REFERENCES workbench.documents (id),
          annotator text NOT NULL REFERENCES workbench.members (name),
          PRIMARY KEY (document, annotator)
        );
        -- Tables made before the session's holder was kept on its row (see claimSQL) get its columns.
        ALTER TABLE workbench.sessions ADD COLUMN IF NOT EXISTS holder integer, ADD COLUMN IF NOT EXISTS holder_since timestamptz;
        ALTER TABLE workbench.project ADD COLUMN IF NOT EXISTS layout integer NOT NULL DEFAULT 1;
        -- Layout 3: entry is derived from line by the database (it was sent beside it, and could say
        -- something else than the line every reader reads). Every older workbench sends entry, so the
        -- database refuses its appends. Rewrites the table once.
        DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'workbench.events'::regclass AND attname = 'entry' AND attgenerated = '') THEN
            ALTER TABLE workbench.events DROP COLUMN entry;
            BEGIN
              ALTER TABLE workbench.events ADD COLUMN entry jsonb GENERATED ALWAYS AS (\(entrySQL("line"))) STORED;
            EXCEPTION WHEN invalid_text_representation OR untranslatable_character THEN
              RAISE EXCEPTION 'a line in workbench.events is no JSON (stored by hand?): %; find it with SELECT session, sequence FROM workbench.events WHERE NOT (line ~ ''^[{]'') and remove it (DELETE … WHERE session = … AND sequence = …), then run team init again', SQLERRM;
            END;
          END IF;
        END $$;
        ALTER TABLE workbench.events DROP CONSTRAINT IF EXISTS events_session_fkey;
        DROP TRIGGER IF EXISTS events_notify ON workbench.events;
        DROP FUNCTION IF EXISTS workbench.notify_event();
        -- The read policies call this function; its body is parsed with the caller's search_path, so
        -- it names pg_catalog: a member with a schema of their own could otherwise put a pg_has_role
        -- answering true before pg_catalog and read every session.
        CREATE OR REPLACE FUNCTION workbench.reads_all() RETURNS boolean LANGUAGE sql STABLE AS $$
          SELECT pg_catalog.pg_has_role(current_user, 'workbench_reviewer', 'MEMBER') OR pg_catalog.pg_has_role(current_user, 'workbench_adjudicator', 'MEMBER')
        $$;
        REVOKE ALL ON ALL TABLES IN SCHEMA workbench FROM PUBLIC;
        GRANT USAGE ON SCHEMA workbench TO workbench_annotator, workbench_adjudicator, workbench_reviewer;
        GRANT SELECT ON workbench.project, workbench.documents, workbench.members, workbench.assignments, workbench.sessions, workbench.events
          TO workbench_annotator, workbench_adjudicator, workbench_reviewer;
        GRANT INSERT ON workbench.sessions, workbench.events TO workbench_annotator, workbench_adjudicator;
        -- Only these two columns, only of one's own row (sessions_hold): a column grant gives no right to
        -- LOCK TABLE in a mode that would keep others out (that takes UPDATE on the whole table).
        GRANT UPDATE (holder, holder_since) ON workbench.sessions TO workbench_annotator, workbench_adjudicator;
        ALTER TABLE workbench.sessions ENABLE ROW LEVEL SECURITY;
        ALTER TABLE workbench.events ENABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS sessions_read ON workbench.sessions;
        CREATE POLICY sessions_read ON workbench.sessions FOR SELECT USING (name = current_user OR (SELECT workbench.reads_all()));
        DROP POLICY IF EXISTS sessions_create ON workbench.sessions;
        -- A session's header (the line every reader takes the annotator's name from) names the role
        -- that writes it, an adjudication's too: nobody's work is shown under another member's name.
        -- current_user = session_user: as the login role, not after SET ROLE to a group role a member
        -- belongs to (workbench_annotator, …), whose session every member of the group could write.
        CREATE POLICY sessions_create ON workbench.sessions FOR INSERT WITH CHECK (
          name = current_user AND current_user = session_user
          AND (header_line::jsonb ->> 'annotator') = current_user
          AND (kind = 'annotation' OR (kind = 'adjudication' AND pg_has_role(current_user, 'workbench_adjudicator', 'MEMBER'))));
        -- The header's annotator as every reader reads it: the database keeps the last of two equal keys,
        -- the workbench's reader the first, so a header that names a key twice is refused. Restrictive,
        -- under a name no older workbench knows (see events_own_work).
        DROP POLICY IF EXISTS sessions_own_header ON workbench.sessions;
        CREATE POLICY sessions_own_header ON workbench.sessions AS RESTRICTIVE FOR INSERT WITH CHECK (
          name = current_user AND current_user = session_user AND (header_line::jsonb ->> 'annotator') = current_user
          AND (SELECT count(*) FROM json_object_keys(header_line::json)) = (SELECT count(*) FROM jsonb_object_keys(header_line::jsonb)));
        DROP POLICY IF EXISTS sessions_hold ON workbench.sessions;
        -- Who holds a session (its open REPL, a push): only the session's own login role may claim it,
        -- and only its row may it lock (SELECT … FOR UPDATE applies this policy too).
        CREATE POLICY sessions_hold ON workbench.sessions FOR UPDATE
          USING (name = current_user AND current_user = session_user) WITH CHECK (name = current_user AND current_user = session_user);
        DROP POLICY IF EXISTS events_read ON workbench.events;
        CREATE POLICY events_read ON workbench.events FOR SELECT USING (session = current_user OR (SELECT workbench.reads_all()));
        -- Who reads what, again restrictive and under names no older workbench drops, with pg_catalog's
        -- pg_has_role written into the policy (parsed now, with the safe search path): an older team init
        -- puts back its own permissive read policies and a workbench.reads_all() that names pg_has_role
        -- without its schema (a member could answer it with a function of her own), and neither can
        -- widen what a member reads past these.
        DROP POLICY IF EXISTS sessions_own_read ON workbench.sessions;
        CREATE POLICY sessions_own_read ON workbench.sessions AS RESTRICTIVE FOR SELECT USING (\(readsRowSQL("name")));
        DROP POLICY IF EXISTS events_own_read ON workbench.events;
        CREATE POLICY events_own_read ON workbench.events AS RESTRICTIVE FOR SELECT USING (\(readsRowSQL("session")));
        DROP POLICY IF EXISTS events_append ON workbench.events;
        CREATE POLICY events_append ON workbench.events FOR INSERT WITH CHECK (session = current_user AND current_user = session_user);
        \(refuseLineFunction)
        -- Whose work a line is (lineProblemSQL). Restrictive, under a name no older workbench knows: a
        -- permissive policy an older team init puts back (of the same or a weaker check) cannot lift it.
        DROP POLICY IF EXISTS events_own_work ON workbench.events;
        CREATE POLICY events_own_work ON workbench.events AS RESTRICTIVE FOR INSERT WITH CHECK (
          session = current_user AND current_user = session_user
          AND ((\(lineProblemSQL)) IS NULL OR workbench.refuse_line(session, sequence, (\(lineProblemSQL)))));
        """
}
