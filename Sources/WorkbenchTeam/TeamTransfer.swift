import Annotations
import Foundation

/// Moves sessions between the team database and local files, line for line: a pulled session is
/// the same log a local REPL writes (the snapshot is rebuilt from it), a pushed one is accepted
/// only when the database's lines are a prefix of the local log's.
public struct TeamTransfer {
    /// The database.
    public let project: TeamProject

    public init(project: TeamProject) { self.project = project }

    /// Writes the team session `annotator` to the local session at `path` (`NAME.json` + `NAME.jsonl`),
    /// refusing to overwrite anything. Returns the snapshot's path and the number of events.
    ///
    /// `phase` is told what is being done (reading from the server, checking the lines, writing:
    /// a long history takes a while, and the command shows it as progress); `puttingInPlace` runs
    /// the writing of both files (the command holds Ctrl-C back there, so that a log is never left
    /// without its snapshot).
    public func pull(
        _ annotator: String, to path: String, phase: (_ task: String) -> Void = { _ in }, puttingInPlace: (() -> Void) -> Void = { $0() }
    ) throws(TeamError) -> (path: String, events: Int) {
        let paths = SessionPaths(path)
        for existing in [paths.snapshot, paths.log] where FileManager.default.fileExists(atPath: existing) {
            throw .invalid("\(existing) already exists; pull into a new name (nothing was written)")
        }
        phase("reading the team session \(annotator)")
        guard let log = try project.logLines(of: annotator) else {
            throw .invalid("\(project.connection.url.redacted) holds no session '\(annotator)' that you may read")
        }
        phase("checking \(log.lines.count) line(s) of \(annotator)")
        let session = try TeamProject.session(header: log.header, lines: log.lines, name: annotator, server: project.connection.url.redacted)
        var data = Data(log.header.utf8)
        for line in log.lines { data.append(contentsOf: line.utf8) }
        let folder = (paths.log as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        phase("writing \(paths.log)")
        var failure: SessionError?
        puttingInPlace {
            do throws(SessionError) {
                try AtomicFile.write(data, to: paths.log)
                // Opening the log without a snapshot writes the snapshot from it.
                let store = try SessionStore(path: paths.snapshot, now: Timestamp.now()) { () throws(SessionError) -> Session in session }
                try store.close()
            } catch {
                failure = error
            }
        }
        if let failure { throw .invalid(failure.description) }
        return (paths.snapshot, session.events.count)
    }

    /// The `annotator` a log's header line names (`nil` when it names none).
    static func annotator(ofHeader header: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any] else { return nil }
        return object["annotator"] as? String
    }

    /// Uploads the local session at `path` as the connecting role's team session: creates it when
    /// missing, else appends the lines the database lacks. Refused when the database holds lines the
    /// local log does not (someone worked on the team session meanwhile) or another header, and a new
    /// session (an adjudication too) whose header names another annotator than the connecting role.
    /// Returns the number of lines added.
    public func push(_ path: String, kind: String = "annotation") throws(TeamError) -> Int {
        let paths = SessionPaths(path)
        guard let data = FileManager.default.contents(atPath: paths.log) else {
            throw .invalid("\(paths.log): cannot read the session log (push needs NAME.jsonl)")
        }
        do { _ = try SessionLogContents(data, path: paths.log) } catch { throw .invalid(error.description) }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if lines.last == "\n" { lines.removeLast() }
        guard let header = lines.first else { throw .invalid("\(paths.log): the log is empty") }
        let body = Array(lines.dropFirst()).filter { $0.hasSuffix("\n") }
        let name = project.connection.user
        let connection = project.connection
        try TeamSchema.makeCommitsDurable(on: connection)
        let added = try connection.transaction { () throws(TeamError) -> Int in
            // Not waited for: a REPL of this session holds it for as long as it is open. Claimed for this
            // transaction only (let go below, before the commit; a refusal rolls the claim back).
            let claim = try TeamSessionStore.claim(name, on: connection, url: connection.url)
            if case .held(let holder) = claim {
                throw .invalid(
                    "push refused: the team session '\(name)' is open in another workbench: \(holder); "
                        + "close it there and push again; nothing was uploaded")
            }
            let stored = try project.logLines(of: name)
            if let stored {
                guard stored.header == header else {
                    throw .invalid("push refused: the team session '\(name)' is another session (its header differs from \(paths.log)); nothing was uploaded")
                }
                guard stored.lines.count <= body.count, Array(body.prefix(stored.lines.count)) == stored.lines else {
                    let first = zip(stored.lines, body).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? min(stored.lines.count, body.count)
                    throw .invalid("push refused: the team session '\(name)' has \(stored.lines.count) line(s) that conflict with \(paths.log) from line \(first + 1) on (someone worked on it meanwhile); pull it and continue there; nothing was uploaded")
                }
            } else {
                if let claimed = Self.annotator(ofHeader: header), claimed != name {
                    throw .invalid(
                        "push refused: \(paths.log) is the session of annotator '\(claimed)', but you connect as '\(name)': a team session carries "
                            + "the name of the role that writes it, so that nobody's work is shown under another's name; push it as '\(claimed)' "
                            + "(the URL's user), or annotate it as '\(name)'; nothing was uploaded")
                }
                try project.refuseStrayLines(of: name)
                try connection.query(
                    "INSERT INTO workbench.sessions (name, kind, header, header_line) VALUES ($1, $2, $3::jsonb, $4)", [name, kind, header, header])
            }
            let start = stored?.lines.count ?? 0
            for (index, line) in body.enumerated() where index >= start {
                try connection.query(
                    "INSERT INTO workbench.events (session, sequence, entry, line) VALUES ($1, $2, \(TeamSchema.entrySQL("$3")), $4)",
                    [name, String(index + 1), line, line])
            }
            if claim == .claimed { try connection.query(TeamSchema.releaseSQL, [name]) }
            return body.count - start
        }
        // Followers (team status --watch) hear of it after the commit (see ``TeamSchema/channel``).
        if added > 0 { _ = try? connection.query(TeamSchema.notifySQL) }
        return added
    }
}
