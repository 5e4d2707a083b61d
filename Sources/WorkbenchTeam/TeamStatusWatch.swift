import Foundation

/// Follows ``TeamStatus`` live (`team status --watch`): it listens for the notification every
/// appended event sends, shows the status again when some came, and after a lost connection
/// reconnects and shows the status at once — a catch-up query covering whatever others committed
/// while no notification could arrive.
public struct TeamStatusWatch: Sendable {
    /// What the watch reports, in order.
    public enum Update: Sendable, Equatable {
        /// The status when the watch starts.
        case initial(String)
        /// Notifications arrived: how many lines were appended, per session, and the status after them.
        case changed(lines: [String: Int], status: String)
        /// The connection was lost (the message says why); the watch reconnects.
        case lost(String)
        /// Connected again; the status read right after (the catch-up).
        case caughtUp(String)
    }

    /// The database (credentials as for ``TeamProject``).
    public let url: String
    /// How long one wait for notifications lasts before `shouldStop` is asked again.
    public let pollMilliseconds: Int
    private let passwordFile: String?

    public init(url: String, pollMilliseconds: Int = 250, passwordFile: String? = nil) {
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
        show(.initial(try TeamStatus(project: project).render()))
        var shown = 0
        var connected = true
        while limit.map({ shown < $0 }) ?? true, !shouldStop() {
            if !connected {
                beforeReconnect()
                guard !shouldStop() else { return }
                guard let again = try? connect(), let status = try? TeamStatus(project: again).render() else { continue }
                project = again
                connected = true
                show(.caughtUp(status))
                shown += 1
                continue
            }
            do {
                let notes = try project.connection.notifications(waiting: pollMilliseconds)
                guard !notes.isEmpty else { continue }
                var lines: [String: Int] = [:]
                for note in notes {
                    let session = note.payload.split(separator: " ").dropLast().joined(separator: " ")
                    lines[session, default: 0] += 1
                }
                show(.changed(lines: lines, status: try TeamStatus(project: project).render()))
                shown += 1
            } catch {
                project.connection.close()
                connected = false
                show(.lost(error.description))
            }
        }
    }

    /// Connects and listens.
    private func connect() throws(TeamError) -> TeamProject {
        let connection = try PostgresConnection(url: DatabaseURL(url), applicationName: "workbench team status", passwordFile: passwordFile)
        try connection.query("LISTEN \(TeamSchema.channel)")
        return TeamProject(connection: connection)
    }
}
