import Foundation

/// Follows ``TeamStatus`` live (`team status --watch`): it listens for the notifications writers
/// send after committed lines, shows the status again when some came, and after a lost connection
/// reconnects and shows the status at once — a catch-up query covering whatever others committed
/// while no notification could arrive. A writer notifies at most once per
/// ``TeamSchema/notificationInterval``, so the watch reads the status once more that long after the
/// last notification it heard (a follow-up), and shows it when it changed: the lines a writer
/// committed without notifying show then. A notification is only a wake-up: any role may notify
/// the channel with any payload, so the payload is never read; what changed is read from the tables.
public struct TeamStatusWatch: Sendable {
    /// What the watch reports, in order.
    public enum Update: Sendable, Equatable {
        /// The status when the watch starts.
        case initial(String)
        /// The tables changed (read after a notification, or at the follow-up): how many lines were
        /// appended since the last read, per session the role may read (counted in the tables), and
        /// the status after them. Empty `lines`: the status changed without new lines (assignments).
        case changed(lines: [String: Int], status: String)
        /// The connection was lost (the message says why); the watch reconnects.
        case lost(String)
        /// Connected again; the status read right after (the catch-up).
        case caughtUp(String)
    }

    /// The database (credentials as for ``TeamProject``).
    public let url: DatabaseURL
    /// How long one wait for notifications lasts before `shouldStop` is asked again.
    public let pollMilliseconds: Int
    private let passwordFile: String?

    public init(url: DatabaseURL, pollMilliseconds: Int = 250, passwordFile: String? = nil) {
        self.url = url
        self.pollMilliseconds = pollMilliseconds
        self.passwordFile = passwordFile
    }

    /// Shows the status, then each change, until `shouldStop()` says so or `limit` changes (after
    /// the initial status) were shown. `beforeReconnect` runs after a lost connection, before each
    /// attempt to connect again (the command waits a second there). Fails only when the first
    /// connection or the first status fails.
    public func run(
        limit: Int? = nil, shouldStop: () -> Bool, beforeReconnect: () -> Void, show: (Update) -> Void
    ) throws(TeamError) {
        var project = try connect()
        var (counts, lastShown) = try Self.read(project)
        show(.initial(lastShown))
        var shown = 0
        var connected = true
        // When to read again after the last notification (a reading of the team clock, ``TeamClock``:
        // the same clock as every other deadline of team mode).
        var followUp: UInt64?
        let interval = UInt64(TeamSchema.notificationInterval * 1e9) + 50_000_000
        while limit.map({ shown < $0 }) ?? true, !shouldStop() {
            if !connected {
                beforeReconnect()
                guard !shouldStop() else { return }
                guard let again = try? connect(), let (lines, status) = try? Self.read(again) else { continue }
                project = again
                counts = lines
                connected = true
                followUp = nil
                lastShown = status
                show(.caughtUp(status))
                shown += 1
                continue
            }
            do {
                var waiting = pollMilliseconds
                let clock = project.connection.clock
                if let followUp {
                    let now = clock.nanoseconds()
                    waiting = min(waiting, followUp > now ? Int((followUp - now) / 1_000_000) + 1 : 0)
                }
                let notes = try project.connection.notifications(waiting: waiting)
                if notes.isEmpty {
                    guard let due = followUp, clock.nanoseconds() >= due else { continue }
                    followUp = nil
                } else {
                    followUp = clock.nanoseconds() &+ interval
                }
                // What the notifications said is not looked at: the tables are read instead.
                let (now, status) = try Self.read(project)
                var lines: [String: Int] = [:]
                for (session, n) in now where n > counts[session, default: 0] { lines[session] = n - counts[session, default: 0] }
                counts = now
                guard !lines.isEmpty || status != lastShown else { continue }
                lastShown = status
                show(.changed(lines: lines, status: status))
                shown += 1
            } catch {
                project.connection.close()
                connected = false
                show(.lost(error.description))
            }
        }
    }

    /// The line counts and the status, read in one snapshot of the database: read apart, a line
    /// committed between the two showed as a changed status with no new lines, then as a new line
    /// with the same status (two updates for one line).
    static func read(_ project: TeamProject) throws(TeamError) -> (counts: [String: Int], status: String) {
        try project.connection.transaction(readingOneSnapshot: true) { () throws(TeamError) -> (counts: [String: Int], status: String) in
            (try lineCounts(project), try TeamStatus(project: project).render())
        }
    }

    /// The number of lines of each session the role may read, from the table (row-level security
    /// shows an annotator only their own).
    static func lineCounts(_ project: TeamProject) throws(TeamError) -> [String: Int] {
        let rows = try project.connection.query("SELECT session, count(*)::text AS n FROM workbench.events GROUP BY session")
        var counts: [String: Int] = [:]
        for row in rows.rows { if let session = row[0], let n = row[1].flatMap({ Int($0) }) { counts[session] = n } }
        return counts
    }

    /// Connects and listens.
    private func connect() throws(TeamError) -> TeamProject {
        let connection = try PostgresConnection(url: url, applicationName: "workbench team status", passwordFile: passwordFile)
        try connection.query("LISTEN \(TeamSchema.channel)")
        return TeamProject(connection: connection)
    }
}
