import Annotations
import Foundation

/// One team database: its corpus, members, assignments and sessions, through one connection. What
/// a role may do is decided by the database (``TeamSchema``): the same calls fail for a role that
/// lacks the right.
public final class TeamProject {
    /// The connection every call uses.
    public let connection: PostgresConnection

    public init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Connects to `url` (credentials from the URL, the environment or `~/.pgpass`).
    /// Tables set up by a newer workbench are refused (``TeamSchema/refuseNewerLayout(on:url:)``), and
    /// unless `settingUp` (`team init`, which brings them up to date) those of an older one
    /// (``TeamSchema/refuseOlderLayout(on:url:)``).
    public convenience init(url: DatabaseURL, applicationName: String = "workbench team", timeoutSeconds: Int = 10, settingUp: Bool = false) throws(TeamError) {
        let connection = try PostgresConnection(url: url, applicationName: applicationName, timeoutSeconds: timeoutSeconds)
        // Not yet set up (no tables): the command says so in its own words (team init creates them).
        if try connection.query("SELECT to_regclass('workbench.project') IS NOT NULL AS made").first("made") == "t" {
            do {
                try TeamSchema.refuseNewerLayout(on: connection, url: url)
                if !settingUp { try TeamSchema.refuseOlderLayout(on: connection, url: url) }
            } catch {
                connection.close()
                throw error
            }
        }
        self.init(connection: connection)
    }

    private var server: String { connection.url.redacted }

    // MARK: - Setting up

    /// Creates the schema (again: every statement is idempotent) and records the corpus and the
    /// annotation schema. A database already set up for another corpus is refused.
    ///
    /// Tables of an older layout whose `events` must be rewritten (layout 3 derives `entry` from
    /// `line`) are rewritten within a time that grows with the table (``TeamTransfer/pushDeadline(bytes:timeoutSeconds:)``),
    /// and `progress` is told first, with the size and that members wait meanwhile. Then, in a
    /// transaction of its own, the lines stored before layout 3 that its checks would refuse now
    /// are found and listed (``TeamSchema/findUnownedSQL``): they are returned as `unowned`.
    @discardableResult
    public func initialise(
        corpus: SegmentedCorpus, schema: AnnotationSchema, progress: (String) -> Void = { _ in }
    ) throws(TeamError) -> (documents: Int, created: Bool, unowned: [UnownedLine]) {
        let reference = CorpusReference(corpus)
        let corpusJSON = try Self.json(reference)
        let schemaJSON = try Self.json(schema)
        let (documents, created, search) = try connection.transaction { () throws(TeamError) -> (documents: Int, created: Bool, search: Bool) in
            try Self.lockSetup(on: connection)
            // Never over a newer workbench's tables: its rights would be replaced by this one's.
            let made = try connection.query("SELECT to_regclass('workbench.project') IS NOT NULL AS made").first("made") == "t"
            if made {
                try TeamSchema.refuseNewerLayout(on: connection, url: connection.url)
            }
            // Whether the lines must be searched for work that is not their session's (see findUnownedSQL).
            let search = try connection.query("SELECT to_regclass('workbench.unowned_lines') IS NULL AS missing").first("missing") == "t"
            let rewrite = try connection.query(Self.rewriteSQL)
            if let lines = rewrite.first("lines").flatMap({ Int($0) }), let bytes = rewrite.first("bytes").flatMap({ Int($0) }) {
                let seconds = TeamTransfer.pushDeadline(bytes: bytes, timeoutSeconds: connection.timeoutSeconds)
                progress(
                    "bringing the events table up to layout \(TeamSchema.layout): rewriting \(lines > 0 ? "about \(lines) line(s), " : "")\(bytes / 1_048_576) MB, allowed \(seconds) s; "
                        + "members can neither read nor write the team tables until it ends (about a minute per million lines on one local server)")
                try connection.query(TeamSchema.sql, answeringWithin: seconds)
            } else {
                try connection.query(TeamSchema.sql)
            }
            try connection.query(Self.addMemberFunction)
            let existing = try connection.query("SELECT corpus::text AS corpus FROM workbench.project")
            if let stored = existing.first("corpus") {
                let storedReference = try Self.decode(CorpusReference.self, stored)
                guard storedReference.documents == reference.documents else {
                    throw .invalid("\(server) is already set up for another corpus (\(storedReference.documents.count) document(s)); use an empty database for this corpus")
                }
                try connection.query("UPDATE workbench.project SET layout = $1", [String(TeamSchema.layout)])
                return (storedReference.documents.count, false, search)
            }
            try connection.query(
                "INSERT INTO workbench.project (corpus, annotation_schema, layout) VALUES ($1::jsonb, $2::jsonb, $3)", [corpusJSON, schemaJSON, String(TeamSchema.layout)])
            for (position, segmented) in corpus.documents.enumerated() {
                let document = segmented.document
                try connection.query(
                    "INSERT INTO workbench.documents (id, position, fingerprint, text, document) VALUES ($1, $2, $3, $4, $5::jsonb)",
                    [document.id, String(position), document.fingerprint, document.text, try Self.json(document)])
            }
            return (corpus.documents.count, true, search)
        }
        guard search else { return (documents, created, try unownedLines()) }
        let found = try connection.transaction { () throws(TeamError) -> [UnownedLine] in
            try Self.lockSetup(on: connection)
            guard try connection.query("SELECT to_regclass('workbench.unowned_lines') IS NULL AS missing").first("missing") == "t" else { return try unownedLines() }
            let bytes = try connection.query("SELECT pg_total_relation_size('workbench.events')::text AS bytes").first("bytes").flatMap { Int($0) } ?? 0
            let seconds = TeamTransfer.pushDeadline(bytes: bytes, timeoutSeconds: connection.timeoutSeconds)
            if bytes > 64 << 20 {
                progress("looking for lines stored before layout \(TeamSchema.layout) that are not the work of their session's role (\(bytes / 1_048_576) MB; members may go on working)")
            }
            try connection.query(TeamSchema.findUnownedSQL, answeringWithin: seconds)
            return try unownedLines()
        }
        return (documents, created, found)
    }

    /// The size of `events` when `team init` must rewrite it (its `entry` is not yet the
    /// database's reading of `line`): the planner's estimate of its lines and its bytes; no row otherwise.
    static let rewriteSQL = """
        SELECT greatest(c.reltuples, 0)::bigint::text AS lines, pg_total_relation_size(c.oid)::text AS bytes
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.oid = to_regclass('workbench.events') AND a.attname = 'entry' AND a.attgenerated = ''
        """

    /// A line (or a session's header, `sequence` 0) stored before layout 3 that the check of whose
    /// work a line is refuses now: kept as stored, listed in `workbench.unowned_lines`.
    public struct UnownedLine: Sendable, Hashable, CustomStringConvertible {
        public var session: String
        public var sequence: Int
        public var problem: String
        public var description: String {
            "session \(TeamProject.sqlLiteral(session)) \(sequence == 0 ? "header" : "sequence \(sequence)"): \(problem)"
        }
    }

    /// The lines listed as not the work of their session's role (``TeamSchema/findUnownedSQL``) that
    /// the connecting role may read; none when the list is not made yet.
    public func unownedLines() throws(TeamError) -> [UnownedLine] {
        guard try connection.query("SELECT to_regclass('workbench.unowned_lines') IS NOT NULL AS made").first("made") == "t" else { return [] }
        let rows = try connection.query(TeamSchema.unownedSQL)
        let sessions = rows.values("session"), sequences = rows.values("sequence"), problems = rows.values("problem")
        return sessions.indices.compactMap { index in
            guard let session = sessions[index], let sequence = sequences[index].flatMap({ Int($0) }), let problem = problems[index] else { return nil }
            return UnownedLine(session: session, sequence: sequence, problem: problem)
        }
    }

    /// Serialises `team init` and `team add-annotator` (for this transaction): the members table in
    /// `SHARE ROW EXCLUSIVE` mode, which no member can hold or block (they may only read it, and a
    /// reader's `ACCESS SHARE` does not conflict), unlike an advisory lock, which any role may take
    /// under any key and hold. Before the first `team init` (no tables yet, no members) an advisory
    /// lock serialises two set-ups at once.
    static func lockSetup(on connection: PostgresConnection) throws(TeamError) {
        let fresh = try connection.query("SELECT to_regclass('workbench.members') IS NULL AS fresh").first("fresh") == "t"
        if fresh {
            try connection.query("SELECT pg_advisory_xact_lock(hashtext('workbench team init'))")
        } else {
            try connection.query("LOCK TABLE workbench.members IN SHARE ROW EXCLUSIVE MODE")
        }
    }

    /// Creates `workbench.add_member(name, role, password)`: role names cannot be bound parameters,
    /// so the server quotes them (`format('%I')`) from bound values. Its `search_path` is fixed: it
    /// runs with the project owner's rights, and a member allowed to create functions in a schema
    /// on the owner's path (`public` in a database made before PostgreSQL 15) could otherwise put a
    /// `format(text, text, text)` there that the body would call instead of PostgreSQL's own.
    static let addMemberFunction = """
        CREATE OR REPLACE FUNCTION workbench.add_member(member text, member_role text, secret text) RETURNS boolean
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        DECLARE existed boolean;
        BEGIN
          IF member_role NOT IN ('annotator', 'adjudicator', 'reviewer') THEN
            RAISE EXCEPTION 'unknown role %', member_role;
          END IF;
          SELECT true INTO existed FROM pg_roles WHERE rolname = member;
          -- A role of that name that is not this team's member (the owner's own, a DBA's, another
          -- project's member) is never taken over: its password and rights stay as they are.
          IF EXISTS (SELECT 1 FROM workbench.members m WHERE lower(m.name) = lower(member) AND m.name <> member) THEN
            RAISE EXCEPTION 'member % differs only in case', member USING ERRCODE = 'unique_violation';
          END IF;
          IF existed AND NOT EXISTS (SELECT 1 FROM workbench.members m WHERE m.name = member) THEN
            RAISE EXCEPTION 'role % exists and is not a member of this team', member USING ERRCODE = 'duplicate_object';
          END IF;
          IF existed THEN
            EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', member, secret);
          ELSE
            -- Created at the same moment by another project on this server: duplicate_object, refused as above.
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', member, secret);
          END IF;
          EXECUTE format('REVOKE workbench_annotator, workbench_adjudicator, workbench_reviewer FROM %I', member);
          EXECUTE format('GRANT %I TO %I', 'workbench_' || member_role, member);
          INSERT INTO workbench.members (name, role) VALUES (member, member_role)
            ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role;
          RETURN coalesce(existed, false);
        END $$;
        """

    /// Creates (or, for a member of this team, updates) the database role `name` with a new
    /// generated password and records it as a member with `role`. A role of that name that is not a
    /// member of this team (the owner's own, another project's member) is refused, never taken over. The password is appended to `passwordFile` (a `.pgpass` file, mode
    /// 0600), never printed. Returns whether the role existed before.
    @discardableResult
    public func addMember(name: String, role: String, passwordFile: String) throws(TeamError) -> Bool {
        guard TeamSchema.groupRoles[role] != nil else {
            throw .invalid("unknown role '\(role)': use annotator, adjudicator or reviewer")
        }
        try Self.checkName(name)
        // Before the role is made: a password file that cannot be one (a device, a pipe) refuses the run.
        if let refusal = OutputFile.refusal(passwordFile) { throw .invalid("\(passwordFile): \(refusal); name another password file with --pgpass FILE") }
        let password = try Self.generatePassword()
        let rows: PostgresRows
        do {
            rows = try connection.transaction { () throws(TeamError) -> PostgresRows in
                try Self.lockSetup(on: connection)
                return try connection.query("SELECT workbench.add_member($1, $2, $3) AS existed", [name, role, password])
            }
        } catch where error.sqlState == "23505" && error.description.contains("differs only in case") {
            let members = (try? connection.query("SELECT name FROM workbench.members WHERE lower(name) = lower($1)", [name]).values("name").compactMap { $0 }) ?? []
            throw .invalid(
                "name '\(name)' refused: the team has a member whose name differs from it only in case (\(members.joined(separator: ", "))); "
                    + "two such names are hard to tell apart in every table and list: run add-annotator with that member's exact name to give them a new password, or choose another name")
        } catch where error.sqlState == "42710" || error.sqlState == "23505" {
            throw .invalid(
                "name '\(name)' refused: a database role of that name already exists on \(server) and is not a member of this team "
                    + "(the owner's own role, another project's member, or a role of its own); it was left as it is (its password and rights unchanged): "
                    + "choose another name, e.g. \(name)-2")
        }
        try PasswordFile(path: passwordFile).store(host: connection.host, port: connection.port, user: name, password: password)
        return rows.first("existed") == "t"
    }

    /// Refuses names that are not letters, digits, '-' or '_' (they become database role names).
    public static func checkName(_ name: String) throws(TeamError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
        guard !name.isEmpty, name.count <= 60, allowed, !name.hasPrefix("pg_"), !name.hasPrefix("workbench_") else {
            throw .invalid("name '\(name)' refused: use 1 to 60 ASCII letters, digits, '-' or '_' (not starting with pg_ or workbench_)")
        }
    }

    private static func generatePassword() throws(TeamError) -> String {
        var bytes = [UInt8](repeating: 0, count: 24)
        guard getentropy(&bytes, bytes.count) == 0 else { throw .invalid("cannot generate a password: no randomness available") }
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        return String(bytes.map { alphabet[Int($0) % alphabet.count] })
    }

    /// What is wrong with an assignment of `annotators` with `overlap`, judged without the database
    /// (names given once each, an overlap from 1 to their number), or nil.
    public static func assignmentProblem(annotators: [String], overlap: Int) -> String? {
        guard !annotators.isEmpty, Set(annotators).count == annotators.count else {
            return "give the annotators once each, e.g. --annotators anna,bob,carla"
        }
        guard overlap >= 1, overlap <= annotators.count else {
            return "--overlap \(overlap) does not fit \(annotators.count) annotator(s): use 1 to \(annotators.count)"
        }
        return nil
    }

    /// Gives each document to `overlap` of `annotators`, round robin (replacing earlier assignments).
    /// Returns each annotator's documents.
    @discardableResult
    public func assign(annotators: [String], overlap: Int) throws(TeamError) -> [String: [String]] {
        if let problem = Self.assignmentProblem(annotators: annotators, overlap: overlap) { throw .invalid(problem) }
        return try connection.transaction { () throws(TeamError) -> [String: [String]] in
            let members = Set(try connection.query("SELECT name FROM workbench.members").values("name").compactMap { $0 })
            if let unknown = annotators.first(where: { !members.contains($0) }) {
                throw .invalid("'\(unknown)' is not a member of the team; add them first: workbench team add-annotator \(unknown)")
            }
            let documents = try connection.query("SELECT id FROM workbench.documents ORDER BY position").values("id").compactMap { $0 }
            try connection.query("DELETE FROM workbench.assignments")
            var result: [String: [String]] = [:]
            for (index, document) in documents.enumerated() {
                for k in 0..<overlap {
                    let annotator = annotators[(index + k) % annotators.count]
                    try connection.query("INSERT INTO workbench.assignments (document, annotator) VALUES ($1, $2)", [document, annotator])
                    result[annotator, default: []].append(document)
                }
            }
            return result
        }
    }

    /// The team roles (`annotator`, `adjudicator`, `reviewer`) the connecting role has, for saying
    /// what a refused member lacks; empty when it has none (it is no member of this team).
    public func teamRoles() throws(TeamError) -> [String] {
        try connection.query(
            """
            SELECT pg_catalog.substr(r.rolname, 11) AS role FROM pg_catalog.pg_roles r
            WHERE r.rolname IN ('workbench_annotator', 'workbench_adjudicator', 'workbench_reviewer')
              AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER') ORDER BY 1
            """
        ).values("role").compactMap { $0 }
    }

    /// The documents assigned to `annotator`, in corpus order.
    public func assignedDocuments(of annotator: String) throws(TeamError) -> [String] {
        try connection.query(
            "SELECT a.document FROM workbench.assignments a JOIN workbench.documents d ON d.id = a.document WHERE a.annotator = $1 ORDER BY d.position",
            [annotator]).values("document").compactMap { $0 }
    }

    /// Every assignment, as (annotator, document).
    public func assignments() throws(TeamError) -> [(annotator: String, document: String)] {
        try connection.query(
            "SELECT a.annotator, a.document FROM workbench.assignments a JOIN workbench.documents d ON d.id = a.document ORDER BY a.annotator, d.position"
        ).rows.map { ($0[0] ?? "", $0[1] ?? "") }
    }

    // MARK: - Reading

    /// The corpus and annotation schema the database was set up with.
    public func corpus() throws(TeamError) -> (corpus: Corpus, schema: AnnotationSchema) {
        let project = try connection.query("SELECT corpus::text AS corpus, annotation_schema::text AS schema FROM workbench.project")
        guard let corpusText = project.first("corpus"), let schemaText = project.first("schema") else {
            throw .invalid("\(server) is not set up for team mode yet: run workbench team init \(server) --corpus PATH")
        }
        let reference = try Self.decode(CorpusReference.self, corpusText)
        let schema = try Self.decode(AnnotationSchema.self, schemaText)
        let rows = try connection.query("SELECT document::text AS document FROM workbench.documents ORDER BY position")
        var documents: [Document] = []
        for text in rows.values("document").compactMap({ $0 }) { documents.append(try Self.decode(Document.self, text)) }
        return (Corpus(documents: documents, paths: reference.paths), schema)
    }

    /// The names of the sessions this role may read.
    public func sessionNames() throws(TeamError) -> [String] {
        try connection.query("SELECT name FROM workbench.sessions ORDER BY name").values("name").compactMap { $0 }
    }

    /// How many lines a batch of ``log(of:batchLines:progress:)`` asks for at most; after the first,
    /// a batch of long lines asks for fewer (about ``batchBytes`` each).
    public static let batchLines = 20_000
    /// About how many bytes of lines one batch carries.
    static let batchBytes = 8 << 20

    /// Not prepared: a prepared statement may be given a generic plan after a few runs, one that
    /// does not know the batch's `LIMIT` and sorts the session's every line for each batch.
    private static let batchSQL = "SELECT sequence, line FROM workbench.events WHERE session = $1 AND sequence > $2 ORDER BY sequence LIMIT $3"

    /// A session's log as stored (``TeamLog``), `nil` when there is no session `name` this role may
    /// read. The lines are read in batches by their `sequence` (the table's key), each a statement
    /// well within the deadline however long the history, and all of them in one read-only
    /// snapshot of the database (a transaction of their own, unless one is open already), so the
    /// log read is the one the database held at one moment. `progress` is told the lines read so
    /// far and the last `sequence` stored (about how many there are) after each batch.
    ///
    /// A stored line that is not one line of a log (no line break at its end, or one inside: stored
    /// by hand) is refused, naming its `sequence`: it would shift or join the lines after it.
    public func log(
        of name: String, batchLines: Int = TeamProject.batchLines, progress: (_ read: Int, _ last: Int) -> Void = { _, _ in }
    ) throws(TeamError) -> TeamLog? {
        func read() throws(TeamError) -> TeamLog? {
            let head = try connection.query(
                "SELECT s.header_line, (SELECT coalesce(max(e.sequence), 0) FROM workbench.events e WHERE e.session = s.name)::text AS last FROM workbench.sessions s WHERE s.name = $1",
                [name])
            guard let header = head.first("header_line") else { return nil }
            let last = Int(head.first("last") ?? "") ?? 0
            if let problem = TeamLog.lineProblem(header.utf8) {
                throw .invalid("\(server) session \(name): its header (workbench.sessions.header_line) is not one line of a log: \(problem) (stored by hand?)")
            }
            // Each batch walks the key in order from where the last one ended. Without statistics (a
            // table just loaded, not yet analysed) the planner may rather fetch every line of the
            // session and sort them, for each batch: the read would grow with the square of the
            // history. For this transaction only.
            try connection.query("SET LOCAL enable_sort = off")
            var log = TeamLog(name: name, header: header)
            var after = 0
            var limit = max(1, batchLines)
            while true {
                var count = 0
                var bytes = 0
                try connection.query(Self.batchSQL, [name, String(after), String(limit)]) { rows -> TeamError? in
                    count = rows.count
                    log.sequences.reserveCapacity(log.sequences.count + count)
                    for row in 0..<count {
                        guard let sequence = rows.integer(row, 0) else { return .invalid("\(server) session \(name): a line without a sequence number") }
                        let line = rows.bytes(row, 1)
                        if let problem = TeamLog.lineProblem(line) {
                            return .invalid(
                                "\(server) session \(name): the line at sequence \(sequence) in workbench.events (line \(log.lineCount + 2) of the log) is not one line of a log: \(problem) (stored by hand?)")
                        }
                        log.bytes.append(line.assumingMemoryBound(to: UInt8.self))
                        log.sequences.append(sequence)
                        bytes += line.count
                        after = sequence
                    }
                    return nil
                }
                progress(log.lineCount, max(last, log.lineCount))
                guard count == limit else { break }
                // Long lines, fewer of them: the next batch carries about batchBytes, at most batchLines lines.
                limit = min(max(1, batchLines), max(100, Self.batchBytes / max(1, bytes / max(1, count))))
            }
            return log
        }
        if connection.isInTransaction { return try read() }
        return try connection.transaction(readingOneSnapshot: true, read)
    }

    /// Refuses to create session `name` over lines already stored under that name without a
    /// session (hand-written SQL: the append policy checks the writer, not the session's row; see
    /// ``TeamSchema``), so that they are never read as the start of a new session.
    func refuseStrayLines(of name: String) throws(TeamError) {
        let stray = try connection.query("SELECT count(*)::text AS n FROM workbench.events WHERE session = $1", [name]).first("n") ?? "0"
        guard stray == "0" else {
            throw .invalid(
                "\(server) holds \(stray) line(s) of session '\(name)' but no session '\(name)' (stored by hand?); nothing was created: "
                    + "the project owner can remove them (DELETE FROM workbench.events WHERE session = \(Self.sqlLiteral(name)))")
        }
    }

    /// The session `name` replayed from its stored log (the same reading as a local log).
    public func session(named name: String) throws(TeamError) -> Session {
        guard let log = try log(of: name) else {
            throw .invalid("\(server) holds no session '\(name)' that you may read (sessions: \((try? sessionNames())?.joined(separator: ", ") ?? "?"))")
        }
        return try Self.checked(log, server: server)
    }

    /// Reads and replays `log` once, on both cores, as a local log is read. A last line without its
    /// line break (a torn append, which a local reader would ignore) is refused: the log must be
    /// whole, line for line (`team pull` writes it byte for byte). A damaged line is named both
    /// ways: by its line in the log as a file (`session anna:12`, as `team pull` writes it) and by
    /// its row in the tables (`sequence 11 in workbench.events`).
    static func checked(_ log: TeamLog, server: String) throws(TeamError) -> Session {
        let path = "\(server) session \(log.name)"
        do throws(SessionError) {
            let (session, contents) = try Session.replaying(logBytes: log.bytes, path: path)
            guard contents.tornTail.isEmpty else {
                throw .io(path: path, reason: "the log's last line does not end in a line break (\(contents.tornTail.count) byte(s) after the last one)")
            }
            return session
        } catch {
            let line: Int?
            switch error {
            case .journalDamaged(_, let number, _): line = number
            case .badEvent(_, _, _, let number): line = number
            default: line = nil
            }
            let message = error.description
            guard let line, let place = log.place(ofLine: line), message.hasPrefix("\(path):\(line):") else { throw .invalid(message) }
            throw .invalid("\(path):\(line) (\(place))" + message.dropFirst("\(path):\(line)".count))
        }
    }

    /// `text` as an SQL string literal, for the statements a message suggests to the project owner
    /// (a role made by hand may hold a quote).
    public static func sqlLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    // MARK: - JSON

    static func json<T: Encodable>(_ value: T) throws(TeamError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { throw .invalid("cannot encode \(T.self) as JSON") }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(TeamError) -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw .invalid("the team database holds a \(T.self) that cannot be read: \(error)")
        }
    }
}
