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
    /// The lines are read in batches (``TeamProject/log(of:batchLines:progress:)``: one snapshot
    /// of the database, each batch well within the deadline), checked once (read and replayed as a
    /// local log is), and exactly the bytes checked are written as the log, with a snapshot of the
    /// state they replayed to: nothing is read back. `progress` is told what is being done (reading
    /// from the server, checking the lines, writing), and while reading how many lines of about how
    /// many: a long history takes a while, and the command shows it. `puttingInPlace` runs the
    /// writing of both files (the command holds Ctrl-C back there, so that a log is never left
    /// without its snapshot). `batchLines` is for tests (small batches).
    public func pull(
        _ annotator: String, to path: String, batchLines: Int = TeamProject.batchLines,
        progress: (_ task: String, _ done: Int, _ total: Int?) -> Void = { _, _, _ in }, puttingInPlace: (() -> Void) -> Void = { $0() }
    ) throws(TeamError) -> (path: String, events: Int) {
        let paths = SessionPaths(path)
        for existing in [paths.snapshot, paths.log] where FileManager.default.fileExists(atPath: existing) {
            throw .invalid("\(existing) already exists; pull into a new name (nothing was written)")
        }
        let reading = "reading the team session \(annotator)"
        progress(reading, 0, nil)
        let found = try project.log(of: annotator, batchLines: batchLines) { read, last in progress(reading, read, last) }
        guard let log = found else {
            throw .invalid("\(project.connection.url.redacted) holds no session '\(annotator)' that you may read")
        }
        progress("checking \(log.lineCount) line(s) of \(annotator)", 0, nil)
        let session = try TeamProject.checked(log, server: project.connection.url.redacted)
        progress("writing \(paths.log)", 0, nil)
        var failure: SessionError?
        puttingInPlace {
            do throws(SessionError) {
                // Under the session's lock, refused when the session (its snapshot or its log) exists.
                let file = try LockedSessionFile(path: paths.snapshot, now: Timestamp.now())
                defer { file.release() }
                if let existing = file.existingFile { throw .io(path: existing, reason: "already exists; choose a new name (nothing was written)") }
                try file.write(session.file, logBytes: log.bytes)
            } catch {
                failure = error
            }
        }
        if let failure { throw .invalid(failure.description) }
        return (paths.snapshot, session.eventCount)
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
    ///
    /// The lines are sent as byte slices of the log read (no string per line), in multi-row
    /// statements (``pushBatchLines``, ``pushBatchBytes``; `batchLines` for tests). The push is one
    /// transaction with a deadline of its own (``pushDeadline(bytes:timeoutSeconds:)``): a server
    /// that answers too slowly, or a lock another connection holds, ends it rolled back with a
    /// message, and the server ends it when this client stops sending. `progress` is told the lines
    /// sent so far of how many, after each statement.
    public func push(
        _ path: String, kind: String = "annotation", batchLines: Int = TeamTransfer.pushBatchLines,
        progress: (_ sent: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(TeamError) -> Int {
        let paths = SessionPaths(path)
        guard let data = FileManager.default.contents(atPath: paths.log) else {
            throw .invalid("\(paths.log): cannot read the session log (push needs NAME.jsonl)")
        }
        // Where each line ends (after its line break): the lines are slices of `data`, never strings.
        let ends = Self.lineEnds(data)
        let torn = try Self.checkLog(data, ends: ends, path: paths.log)
        // A torn last line (no line break after it) is no line of the session: readers leave it out,
        // and only opening the session decides whether it is set aside or its lost line break put back.
        guard torn == 0 else {
            throw .invalid(
                "push refused: \(paths.log) ends in a torn line (\(torn) byte(s) after its last line break: an append cut short, or a line break lost); "
                    + "open the session once with workbench annotate \(path) (it sets the torn line aside, or puts back a line break the snapshot knows of), then push again; nothing was uploaded")
        }
        guard let headerEnd = ends.first else { throw .invalid("\(paths.log): the log is empty") }
        let header = String(decoding: data[data.startIndex..<headerEnd], as: UTF8.self)
        let body = Array(ends.dropFirst())
        func line(_ index: Int) -> Data { data[(index == 0 ? headerEnd : body[index - 1])..<body[index]] }
        let name = project.connection.user
        let connection = project.connection
        try TeamSchema.makeCommitsDurable(on: connection)
        try TeamSchema.replaceOrRefuseOlderTrigger(on: connection, url: connection.url)
        let deadline = Self.pushDeadline(bytes: data.count, timeoutSeconds: connection.timeoutSeconds)
        let added: Int
        do {
            added = try connection.transaction(deadline: deadline) { () throws(TeamError) -> Int in
                // Not waited for: a REPL of this session holds it for as long as it is open. Claimed for this
                // transaction only (let go below, before the commit; a refusal rolls the claim back).
                let claim = try TeamSessionStore.claim(name, on: connection, url: connection.url)
                if case .held(let holder) = claim {
                    throw .invalid(
                        "push refused: the team session '\(name)' is open in another workbench: \(holder); "
                            + "close it there and push again; nothing was uploaded")
                }
                let stored = try project.log(of: name)
                if let stored {
                    guard stored.header == header else {
                        throw .invalid("push refused: the team session '\(name)' is another session (its header differs from \(paths.log)); nothing was uploaded")
                    }
                    guard stored.lineCount <= body.count, data.count >= stored.bytes.count, data.prefix(stored.bytes.count) == stored.bytes else {
                        let storedLines = stored.lines()
                        let first = storedLines.indices.first(where: { $0 >= body.count || storedLines[$0] != line($0) }) ?? min(storedLines.count, body.count)
                        throw .invalid("push refused: the team session '\(name)' has \(stored.lineCount) line(s) that conflict with \(paths.log) from line \(first + 2) on (sequence \(first + 1) in workbench.events; someone worked on it meanwhile); pull it and continue there; nothing was uploaded")
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
                let start = stored?.lineCount ?? 0
                try Self.insert(lines: start..<body.count, of: line, firstSequence: start + 1, of: name, on: connection, batchLines: batchLines) { sent in
                    progress(start + sent, body.count)
                }
                if claim == .claimed { try connection.query(TeamSchema.releaseSQL, [name]) }
                return body.count - start
            }
        } catch {
            throw Self.pushFailure(error, log: paths.log)
        }
        // Followers (team status --watch) hear of it after the commit (see ``TeamSchema/channel``).
        if added > 0 { _ = try? connection.query(TeamSchema.notifySQL) }
        return added
    }

    /// `error` as a push reports it: a line the database refused as not the role's own work is named
    /// by its line in the local log (sequence + 1: the header is line 1).
    static func pushFailure(_ error: TeamError, log: String) -> TeamError {
        guard error.sqlState == "WB001", case .refused(_, let reason, _) = error,
              let range = reason.range(of: "the line at sequence "),
              let sequence = Int(reason[range.upperBound...].prefix { $0.isNumber })
        else { return error }
        return .invalid("push refused: line \(sequence + 1) of \(log): " + error.description + "; nothing was uploaded")
    }

    /// The push's deadline in seconds: the time per answer for its start and its commit, and one more
    /// for every MiB of the log (at the default 10 s: at least 100 kB/s; a million lines, 447 MB, take
    /// about 40 s on one machine with its server). A push slower than that is ended and rolled back.
    static func pushDeadline(bytes: Int, timeoutSeconds: Int) -> Int {
        timeoutSeconds * (3 + bytes / (1 << 20))
    }

    /// How many bytes of a log ``checkLog(_:ends:path:)`` reads at once.
    static let checkPartBytes = 16 << 20

    /// Checks that `data`, a session log whose lines end at `ends`, is read by every reader: its
    /// header and every complete line as ``SessionLogContents`` reads them (a damaged line is named
    /// by its line in `path`). Returns the bytes of a torn last line (0: none). A long log is read in
    /// parts of about ``checkPartBytes`` (its header and whole lines), whose events are dropped once
    /// read: the push sends lines, never events, and a million of them decoded at once took 1.8 GB
    /// beside the log's own bytes.
    static func checkLog(_ data: Data, ends: [Int], path: String, partBytes: Int = checkPartBytes) throws(TeamError) -> Int {
        guard data.count > partBytes, ends.count > 1, let headerEnd = ends.first else {
            do { return try SessionLogContents(data, path: path).tornTail.count } catch { throw .invalid(error.description) }
        }
        var torn = 0
        // Line k of the body (the log's line k + 1) is data[ends[k - 1]..<ends[k]]; a part holds the
        // lines first..<next, and the last part the torn bytes after the log's last line break too.
        var first = 1
        while first < ends.count {
            var next = first + 1
            while next < ends.count, ends[next] - ends[first - 1] <= partBytes { next += 1 }
            let end = next == ends.count ? data.endIndex : ends[next - 1]
            var part = Data(capacity: headerEnd - data.startIndex + end - ends[first - 1])
            part.append(data[data.startIndex..<headerEnd])
            part.append(data[ends[first - 1]..<end])
            do {
                torn = try SessionLogContents(part, path: path).tornTail.count
            } catch {
                if case .journalDamaged(let path, let line, let reason) = error {
                    throw .invalid(SessionError.journalDamaged(path: path, line: line + first - 1, reason: reason).description)
                }
                throw .invalid(error.description)
            }
            first = next
        }
        return torn
    }

    /// The offsets just after each line break of `data` (each line's end, its break included).
    static func lineEnds(_ data: Data) -> [Int] {
        var ends: [Int] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                ends.append(data.startIndex + offset)
            }
        }
        return ends
    }

    /// How many lines one statement of a push carries at most (two parameters each), and about how
    /// many bytes: a long history goes up in a few statements rather than one per line, each well
    /// within the deadline.
    public static let pushBatchLines = 1_000
    static let pushBatchBytes = 4 << 20

    /// Inserts the lines `indices` (each given by `line`) as the lines `firstSequence`,
    /// `firstSequence + 1`, … of session `name`, in multi-row statements (``pushBatchLines``): every
    /// row is checked by the database as a row inserted alone is (the append policies: the role's own
    /// session and work; the key: no sequence twice; `sequence > 0`; the entry parsed as JSON). The
    /// lines' bytes are copied into the statement's parameters and nowhere else. `sent` is told
    /// how many lines are stored after each statement.
    static func insert(
        lines indices: Range<Int>, of line: (Int) -> Data, firstSequence: Int, of name: String, on connection: PostgresConnection,
        batchLines: Int = pushBatchLines, sent: (Int) -> Void = { _ in }
    ) throws(TeamError) {
        var index = indices.lowerBound
        var sequence = firstSequence
        while index < indices.upperBound {
            var values = ""
            var parameters = PostgresParameters([name])
            var rows = 0
            while index < indices.upperBound, rows < max(1, batchLines), rows == 0 || parameters.byteCount + line(index).count <= pushBatchBytes {
                let sequenceParameter = parameters.count + 1
                if rows > 0 { values += ", " }
                values += "($1, $\(sequenceParameter)::bigint, $\(sequenceParameter + 1)::text)"
                parameters.append(String(sequence))
                parameters.append(bytes: line(index))
                rows += 1
                sequence += 1
                index += 1
            }
            try connection.query("INSERT INTO workbench.events (session, sequence, line) VALUES " + values, parameters)
            sent(index - indices.lowerBound)
        }
    }
}
