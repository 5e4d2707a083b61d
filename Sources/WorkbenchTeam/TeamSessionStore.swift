import Annotations
import Foundation

/// A session kept in the team database: the same events as a local log, one row per log line
/// (`entry` as jsonb plus the exact `line`), numbered with a unique (session, sequence). Each edit
/// is committed before ``perform(_:time:annotator:group:)`` returns; one that could not be is taken
/// back in memory and reported as not saved. The session's row names the connection that holds it
/// (``TeamSchema/claimSQL``): a second REPL of the same session is refused, naming the holder. After a
/// lost connection the next edit reconnects, claims the session again and checks that the stored
/// log is still the one in memory.
public final class TeamSessionStore: SessionStorage {
    /// The session in memory.
    public private(set) var session: Session
    /// "NAME on URL" (no password), as shown to the user.
    public let path: String
    /// The session's name (the annotator's database role).
    public let name: String
    /// What opening found (shown by the front end).
    public private(set) var openingWarnings: [String] = []

    private let url: DatabaseURL
    private let user: String?
    private let passwordFile: String?
    private let timeoutSeconds: Int
    private var connection: PostgresConnection?
    /// Log lines stored after the header (the last sequence number).
    private var stored: Int
    private var closed = false
    /// When this store last notified followers (monotonic nanoseconds).
    private var lastNotification: UInt64?
    /// The shortest time between two notifications (seconds).
    private let notificationInterval: Double
    /// What a reconnect found when the stored log was not the one in memory (the session was read
    /// again from the database then), until the next edit reports it; `nil` otherwise.
    private var reread: String?
    /// How many notifications this store has sent (the load benchmark tells the edits after one apart).
    public private(set) var notificationsSent = 0

    /// Opens (or creates with `makeNew`) the session of the connecting role (`user`, else the URL's)
    /// on `url`: the session is named after the role. `notificationInterval` is for trials only
    /// (the load benchmark's `--notify-interval`).
    public init(
        url: DatabaseURL, user: String? = nil, kind: String = "annotation", timeoutSeconds: Int = 10, passwordFileForTests: String? = nil,
        notificationInterval: Double = TeamSchema.notificationInterval,
        makeNew: (_ project: TeamProject, _ name: String) throws(TeamError) -> Session
    ) throws(TeamError) {
        self.url = url
        self.notificationInterval = notificationInterval
        self.user = user
        self.timeoutSeconds = timeoutSeconds
        passwordFile = passwordFileForTests
        // Named after the role (given, else the URL's): the holder a second REPL is shown by.
        let connection = try PostgresConnection(
            url: url, applicationName: Self.applicationName(user ?? url.user ?? ""), timeoutSeconds: timeoutSeconds, user: user, passwordFile: passwordFileForTests)
        let name = connection.user
        self.name = name
        path = "\(name) on \(url.redacted)"
        let project = TeamProject(connection: connection)
        try TeamSchema.refuseOtherLayout(on: connection, url: url)
        // Every connection that writes: an older team init may have put back its per-line trigger.
        let triggerNote = try TeamSchema.replaceOrRefuseOlderTrigger(on: connection, url: url)
        if try Self.claimOrRefuse(name, on: connection, url: url), let log = try project.log(of: name) {
            session = try TeamProject.checked(log, server: url.redacted)
            stored = log.lineCount
        } else {
            var session = try makeNew(project, name)
            if session.id == nil { session.id = Session.derivedID(name: name, created: session.created, annotator: session.annotator) }
            let header = LogHeader(session: session)
            let headerLine: String
            do { headerLine = String(decoding: try SessionFileWriter.headerLine(header), as: UTF8.self) } catch { throw .invalid(error.description) }
            do {
                // Created holding it: the holder is part of the new row.
                try connection.transaction { () throws(TeamError) in
                    try project.refuseStrayLines(of: name)
                    try connection.query(
                        """
                        INSERT INTO workbench.sessions (name, kind, header, header_line, holder, holder_since)
                        VALUES ($1, $2, $3::jsonb, $4, pg_backend_pid(), (SELECT a.backend_start FROM pg_stat_activity a WHERE a.pid = pg_backend_pid()))
                        """,
                        [name, kind, headerLine, headerLine])
                }
            } catch where error.sqlState == "23505" {
                // Created at the same moment by another workbench of this annotator, which holds it.
                _ = try Self.claimOrRefuse(name, on: connection, url: url)
                throw .invalid("session '\(name)' was created at the same moment by another workbench; open it again")
            }
            self.session = session
            stored = 0
        }
        try Self.prepareAppend(on: connection)
        self.connection = connection
        if let triggerNote { openingWarnings.append(triggerNote) }
    }

    deinit { connection?.close() }

    /// A server setting as the store's connection has it (`nil` when not connected): for tests.
    func connectionSetting(_ name: String) throws(TeamError) -> String? {
        guard let connection, connection.isOpen else { return nil }
        return try connection.query("SELECT current_setting($1) AS value", [name]).first("value")
    }

    private static func applicationName(_ name: String) -> String {
        let host = ProcessInfo.processInfo.hostName
        return String("workbench \(name) \(host) pid \(getpid())".prefix(60))
    }

    /// What a claim of a session found.
    enum Claim: Equatable {
        /// This connection holds the session now.
        case claimed
        /// There is no session of that name (yet).
        case missing
        /// Another live connection holds it: who (see ``holder(of:on:)``).
        case held(String)
    }

    /// Claims session `name` for `connection` (``TeamSchema/claimSQL``): its open REPL keeps it for
    /// the connection's life (let go at ``close()``, or when the connection ends), a push for its
    /// transaction. Tables made before the holder was kept on the session's row are named with the
    /// way to bring them up to date.
    static func claim(_ name: String, on connection: PostgresConnection, url: DatabaseURL) throws(TeamError) -> Claim {
        let claimed: PostgresRows
        do {
            claimed = try connection.query(TeamSchema.claimSQL, [name])
        } catch where error.sqlState == "42703" {
            throw .invalid(
                "the team tables in \(url.redacted) were set up by an older workbench (their sessions have no holder column): "
                    + "the project owner runs workbench team init \(url.redacted) --corpus PATH once more "
                    + "(the same corpus; it brings the tables up to date and keeps every session and event)")
        }
        if !claimed.rows.isEmpty { return .claimed }
        let exists = try connection.query("SELECT count(*)::text AS n FROM workbench.sessions WHERE name = $1", [name]).first("n") ?? "0"
        return exists == "0" ? .missing : .held(holder(of: name, on: connection))
    }

    /// ``claim(_:on:url:)`` for an open REPL: `true` when claimed, `false` when the session does not
    /// exist yet; a session held elsewhere is refused, naming the holder.
    private static func claimOrRefuse(_ name: String, on connection: PostgresConnection, url: DatabaseURL) throws(TeamError) -> Bool {
        switch try claim(name, on: connection, url: url) {
        case .claimed: return true
        case .missing: return false
        case .held(let holder): throw .invalid("session '\(name)' is open in another workbench: \(holder); close it there first")
        }
    }

    /// Who holds session `name`: the holder's `application_name`, address and start time ("another
    /// connection" when that cannot be read: it may have just let go), and its role when that is not
    /// `name`'s own (only the table owner, who bypasses row-level security, could be).
    static func holder(of name: String, on connection: PostgresConnection) -> String {
        let holder = try? connection.query(TeamSchema.holderSQL, [name])
        return holder.flatMap { rows -> String? in
            guard let app = rows.first("application_name") else { return nil }
            let role = rows.first("role").flatMap { $0 == name ? nil : $0 }
            return "\(app) (\(role.map { "role \($0), " } ?? "")connected from \(rows.first("address") ?? "the local socket") since \(rows.first("since") ?? "?"))"
        } ?? "another connection"
    }

    private static let appendStatement = "workbench_append"
    /// The line goes to the server once; the database derives the jsonb `entry` from it
    /// (``TeamSchema/entrySQL``, a generated column).
    private static let appendSQL = "INSERT INTO workbench.events (session, sequence, line) VALUES ($1, $2, $3)"

    private static let notifyStatement = "workbench_notify"

    /// Prepares the append and the notification on `connection` when the session is opened (or
    /// reopened after a lost connection), so the first edit does not wait for the server to parse
    /// them and load the table, its key and its policies; first makes sure every commit there waits
    /// for its disk flush (``TeamSchema/durableCommitSQL``).
    private static func prepareAppend(on connection: PostgresConnection) throws(TeamError) {
        try TeamSchema.makeCommitsDurable(on: connection)
        try connection.prepare(appendStatement, appendSQL, parameterCount: 3)
        try connection.prepare(notifyStatement, TeamSchema.notifySQL, parameterCount: 0)
    }

    /// Reconnects when the connection was lost; claims the session again and checks that nobody else appended.
    private func connected() throws(TeamError) -> PostgresConnection {
        if let connection, connection.isOpen { return connection }
        connection?.close()
        connection = nil
        let fresh = try PostgresConnection(url: url, applicationName: Self.applicationName(name), timeoutSeconds: timeoutSeconds, user: user, passwordFile: passwordFile)
        try TeamSchema.replaceOrRefuseOlderTrigger(on: fresh, url: url)
        guard try Self.claimOrRefuse(name, on: fresh, url: url) else {
            throw .invalid("session '\(name)' is no longer in \(url.redacted)")
        }
        let count = try fresh.query("SELECT count(*)::text AS n FROM workbench.events WHERE session = $1", [name])
        let inDatabase = Int(count.first("n") ?? "") ?? -1
        if inDatabase != stored {
            // An edit reported as not saved may have been committed just before the connection broke:
            // the database is the truth, so the session is read again from it.
            guard let log = try TeamProject(connection: fresh).log(of: name) else {
                throw .invalid("session '\(name)' is no longer in \(url.redacted)")
            }
            let expected = stored
            session = try TeamProject.checked(log, server: url.redacted)
            stored = log.lineCount
            reread = "the database held \(inDatabase) line(s) where \(expected) were expected; the session was read again from it"
        }
        try Self.prepareAppend(on: fresh)
        connection = fresh
        return fresh
    }

    /// Stores one log line as the next sequence number; a retry that finds its own line already
    /// committed counts as stored.
    private func append(_ entry: JournalEntry) throws(TeamError) {
        let line: String
        do { line = String(decoding: try SessionFileWriter.line(entry), as: UTF8.self) } catch { throw .invalid(error.description) }
        let connection = try connected()
        let sequence = stored + 1
        do {
            try connection.query(prepared: Self.appendStatement, Self.appendSQL, [name, String(sequence), line])
        } catch {
            guard error.sqlState == "23505" else { throw error }
            let existing = try connection.query("SELECT line FROM workbench.events WHERE session = $1 AND sequence = $2", [name, String(sequence)])
            guard existing.first("line") == line else {
                throw .invalid("line \(sequence) of session '\(name)' was written by someone else meanwhile; nothing was saved (reopen the session)")
            }
        }
        stored = sequence
        notifyFollowers(on: connection)
    }

    /// Tells followers (`team status --watch`) that a line is committed, at most once per
    /// ``TeamSchema/notificationInterval``: a line committed sooner after the last notification is
    /// left to the watch's follow-up read (see ``TeamStatusWatch``). The notification is sent
    /// without waiting for its answer (read before the next statement) and committed without a
    /// disk flush of its own; the line itself is already durable, whatever happens here. The next
    /// line's insert goes out behind it without waiting for its answer (libpq's pipeline mode), so
    /// the server runs the two back to back and the next edit waits for one round trip, not two.
    private func notifyFollowers(on connection: PostgresConnection) {
        let now = connection.clock.nanoseconds()
        if let lastNotification, now &- lastNotification < UInt64(notificationInterval * 1e9) { return }
        do {
            try connection.send(prepared: Self.notifyStatement, TeamSchema.notifySQL, [])
            lastNotification = now
            notificationsSent += 1
        } catch {
            // Not sent: the next line notifies (and the connection, if lost, is made again then).
        }
    }

    @discardableResult
    public func perform(_ action: EditAction, time: String, annotator: String?, group: Int?) throws(SessionStore.Failure) -> Event {
        // Connected (again) before the edit is applied: a reconnect may read the session again from
        // the database, and the edit must be applied to that state, not to the one it replaces. A
        // reread found by an earlier reconnect (a cursor move) is reported here too.
        do { _ = try connected() } catch { throw .storage(.io(path: path, reason: "the edit was NOT saved: \(error.description)")) }
        if let reread {
            // Typically an edit reported as not saved whose commit reached the database before the
            // connection broke: the command was made against a state that no longer holds.
            self.reread = nil
            throw .storage(.io(path: path, reason:
                "the edit was NOT saved: \(reread) (an edit reported as not saved may have been stored after all, its answer lost with the connection); look at the sentence and give the command again"))
        }
        let event: Event
        do {
            event = try session.perform(action, time: time, annotator: annotator, group: group)
        } catch {
            throw .rejected(error)
        }
        do {
            try append(.event(event))
        } catch {
            session.rollBack(toEventCount: session.eventCount - 1)
            throw .storage(.io(path: path, reason: "the edit was NOT saved: \(error.description)"))
        }
        return event
    }

    public func moveCursor(to key: SentenceKey) {
        guard session.cursor != key else { return }
        if (try? append(.cursor(key))) != nil { session.cursor = key }
    }

    public func changeSettings(_ settings: SessionSettings) throws(SessionError) {
        guard session.settings != settings else { return }
        do { try append(.settings(settings)) } catch { throw .io(path: path, reason: "the setting was NOT saved: \(error.description)") }
        session.settings = settings
    }

    /// Every line is committed as it is made: there is no snapshot to write.
    public var isSaveDue: Bool { false }
    public func saveIfDue() -> String? { nil }
    public func save() throws(SessionError) {}

    /// Lets go of the session (so that it may be opened elsewhere at once, before the server has
    /// ended this connection) and of the connection.
    public func close() throws(SessionError) {
        closed = true
        if let connection, connection.isOpen { _ = try? connection.query(TeamSchema.releaseSQL, [name]) }
        connection?.close()
        connection = nil
    }

    /// Committed events are never taken back (events are append-only in the database): the
    /// rollback of a refused command is stored as undo events instead, or not at all.
    public func rewindPoint() -> () -> Bool { { false } }
}
