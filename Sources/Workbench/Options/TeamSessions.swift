import Annotations
import Foundation
import WorkbenchTeam
import WorkbenchShell
import WorkbenchTerminal

/// `--team URL` for the commands that read sessions (agree, adjudicate, diff, stats, export, replay,
/// review), given parsed (``TeamSessionsOption``): the named team sessions (all the role may read when none are named) are pulled into a
/// private temporary folder, removed when the process ends, and read from there like local ones.
enum TeamSessions {
    /// A team session pulled into the private folder: the name the user knows it by (its name in the
    /// team database, as given or as listed) and the path of its private copy, which means nothing to
    /// the user and is gone when the command ends.
    struct Pulled: Sendable, Hashable {
        /// The session's name in the team database (its annotator's role).
        var name: String
        /// The private copy's snapshot.
        var path: String
        /// How messages name it: `team session anna`.
        var shown: String { "team session " + name }
    }

    /// The private folder of this process.
    private static let folder: String = {
        let path = NSTemporaryDirectory() + "workbench-team-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        atexit {
            try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "workbench-team-\(getpid())")
        }
        return path
    }()

    /// The role `url` connects as (the URL's user, else libpq's default: `PGUSER`, the login name):
    /// the name of the session a command stores there.
    static func role(_ url: DatabaseURL) throws(CLIFailure) -> String {
        let project = try TeamCommand.project(url)
        defer { project.connection.close() }
        return project.connection.user
    }

    /// Pulls exactly `count` named sessions for a command that reads one (replay, review) or two
    /// (diff); with another number of names, a usage error lists the sessions the role may read.
    static func pull(_ url: DatabaseURL, exactly count: Int, of given: [String], command: String) throws(CLIFailure) -> [Pulled] {
        let names = given.filter { !$0.isEmpty }
        guard names.count == count else {
            let project = try TeamCommand.project(url)
            defer { project.connection.close() }
            let present = try TeamCommand.run { () throws(TeamError) in try project.sessionNames() }
            let wanted = count == 1 ? "one annotator name" : "\(count) annotator names"
            let example = (present.isEmpty ? ["anna", "bob"] : present + present).prefix(count).joined(separator: " ")
            // The wrong number of arguments is a usage error (exit status 2), as without --team.
            throw CLIFailure(
                "\(command) --team needs \(wanted), e.g. workbench \(command) --team URL \(example); "
                    + (present.isEmpty ? "\(project.connection.url.redacted) holds no session you may read yet" : "annotators present: \(present.joined(separator: ", "))"),
                exitCode: ExitStatus.usage.rawValue)
        }
        return try pull(url, names: names)
    }

    /// Pulls `names` (or every session the role may read, leaving out with a warning those that
    /// cannot be read) from `url`; returns each session's name and the path of its private copy.
    /// Each copy gets a folder of its own, and its file is named after the session only when the name
    /// is a plain file name: a name is never taken apart again to name the session (`anna.json` was
    /// shown as `anna`), nor can two names (`anna`, `anna.jsonl`) meet in one file.
    static func pull(_ url: DatabaseURL, names: [String]) throws(CLIFailure) -> [Pulled] {
        let project = try TeamCommand.project(url)
        defer { project.connection.close() }
        let chosen = names.isEmpty ? try TeamCommand.run { () throws(TeamError) in try project.sessionNames() } : names
        guard !chosen.isEmpty else { throw CLIFailure("\(project.connection.url.redacted) holds no session you may read yet") }
        var paths: [Pulled] = []
        var unreadable: [String] = []
        for name in chosen {
            // A name given twice is read once (a usage error of the command names the repeat).
            if let earlier = paths.first(where: { $0.name == name }) {
                paths.append(earlier)
                continue
            }
            let place = folder + "/\(paths.count + unreadable.count + 1)"
            do {
                try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIFailure("cannot make a private folder for the team session '\(TerminalText.sanitize(name))': \(error.localizedDescription)")
            }
            do throws(TeamError) {
                let copy = try TeamTransfer(project: project).pull(name, to: place + "/" + fileName(for: name)).path
                paths.append(Pulled(name: name, path: copy))
            } catch where names.isEmpty && !error.isConnectionFailure {
                // Every session was asked for: one member's session that cannot be read (a line stored
                // by hand that is no log line) is left out and named, as team status does, rather than
                // stopping the command for the whole team.
                unreadable.append(name)
                StandardError.write(
                    "warning: session '\(name)' left out: it cannot be read (\(error.description)); name the sessions to read, "
                        + "or the project owner looks at its lines: SELECT sequence, line FROM workbench.events WHERE session = \(TeamProject.sqlLiteral(name)) ORDER BY sequence")
            } catch {
                throw CLIFailure(error.commandDescription)
            }
        }
        guard !paths.isEmpty else {
            throw CLIFailure("\(project.connection.url.redacted) holds no session that can be read (unreadable: \(unreadable.joined(separator: ", ")))")
        }
        // Lines of these sessions stored before the database checked whose work a line is: the
        // numbers about to be shown count them as their session's work (team status names each).
        let read = Set(paths.map(\.name))
        let unowned = try TeamCommand.run { () throws(TeamError) in try project.unownedLines() }.filter { read.contains($0.session) }
        if !unowned.isEmpty { StandardError.write(TeamCommand.unownedNotice(unowned)) }
        return paths
    }

    /// The private copy's file name for session `name`: the name itself when it is a plain file name
    /// (no `/`, not `.` or `..`, not ending in `.json` or `.jsonl`, which name a session's files),
    /// else `session`.
    static func fileName(for name: String) -> String {
        let plain = !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.hasSuffix(".json") && !name.hasSuffix(".jsonl")
            && !name.contains("\0")
        return plain ? name : "session"
    }
}
