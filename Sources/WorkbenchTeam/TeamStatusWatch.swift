import Foundation

/// Follows ``TeamStatus`` live (`team status --watch`): it listens for the notifications writers
/// send after committed lines, shows the status again when some came, and after a lost connection
/// reconnects and shows the status at once — a catch-up query covering whatever others committed
/// while no notification could arrive. A writer notifies at most once per
/// ``TeamSchema/notificationInterval``, so the watch reads the status once more that long after the
/// last notification it heard (a follow-up), and shows it when it changed: the lines a writer
/// committed without notifying show then.
public struct TeamStatusWatch: Sendable {
    /// What the watch reports, in order.
    public enum Update: Sendable, Equatable {
        /// The status when the watch starts.
        case initial(String)
        /// Notifications arrived: how many lines were appended, per session (counted from the line
        /// numbers heard; 1 for the first from a session), and the status after them. Empty `lines`:
        /// the follow-up read found lines committed without a notification.
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
        var lastShown = try TeamStatus(project: project).render()
        show(.initial(lastShown))
        var shown = 0
        var connected = true
        // The last line number heard per session, and when to read again after the last notification.
        var heard: [String: Int] = [:]
        var followUp: DispatchTime?
        let interval = UInt64(TeamSchema.notificationInterval * 1e9) + 50_000_000
        while limit.map({ shown < $0 }) ?? true, !shouldStop() {
            if !connected {
                beforeReconnect()
                guard !shouldStop() else { return }
                guard let again = try? connect(), let status = try? TeamStatus(project: again).render() else { continue }
                project = again
                connected = true
                followUp = nil
                lastShown = status
                show(.caughtUp(status))
                shown += 1
                continue
            }
            do {
                var waiting = pollMilliseconds
                if let followUp {
                    let now = DispatchTime.now().uptimeNanoseconds
                    waiting = min(waiting, followUp.uptimeNanoseconds > now ? Int((followUp.uptimeNanoseconds - now) / 1_000_000) + 1 : 0)
                }
                let notes = try project.connection.notifications(waiting: waiting)
                guard !notes.isEmpty else {
                    if let due = followUp, DispatchTime.now() >= due {
                        followUp = nil
                        let status = try TeamStatus(project: project).render()
                        if status != lastShown {
                            lastShown = status
                            show(.changed(lines: [:], status: status))
                            shown += 1
                        }
                    }
                    continue
                }
                var lines: [String: Int] = [:]
                for note in notes {
                    var words = note.payload.split(separator: " ")
                    let sequence = words.popLast().flatMap { Int($0) }
                    let session = words.joined(separator: " ")
                    let previous = heard[session]
                    if let sequence { heard[session] = max(previous ?? 0, sequence) }
                    if let sequence, let previous, sequence > previous {
                        lines[session, default: 0] += sequence - previous
                    } else {
                        lines[session, default: 0] += 1
                    }
                }
                followUp = DispatchTime(uptimeNanoseconds: DispatchTime.now().uptimeNanoseconds + interval)
                lastShown = try TeamStatus(project: project).render()
                show(.changed(lines: lines, status: lastShown))
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
        let connection = try PostgresConnection(url: url, applicationName: "workbench team status", passwordFile: passwordFile)
        try connection.query("LISTEN \(TeamSchema.channel)")
        return TeamProject(connection: connection)
    }
}
