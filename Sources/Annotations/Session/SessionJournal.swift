import Foundation

/// The append-only journal beside a session file (`NAME.json.journal`): one JSON line per
/// acknowledged change, written and fsynced before the change is acknowledged. Saving the session
/// empties it. A torn last line (a crash mid-write) was never acknowledged and is dropped.
public final class SessionJournal {
    /// The journal's path.
    public let path: String
    private var fd: Int32
    private let encoder = JSONEncoder()

    /// The journal path for a session file.
    public static func path(for sessionPath: String) -> String { sessionPath + ".journal" }

    /// Opens (creating if needed) the journal for appending.
    public init(path: String) throws(SessionError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot open the journal: \(AtomicFile.errnoText())") }
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    deinit { close() }

    /// Reads the entries of a journal; a missing journal has none. A torn final line is ignored;
    /// a damaged complete line is an error naming the line.
    public static func read(path: String) throws(SessionError) -> [JournalEntry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: "cannot read the journal")
        }
        var entries: [JournalEntry] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            guard let newline = data[start...].firstIndex(of: 0x0A) else { break }  // torn tail: never acknowledged
            let line = data[start..<newline]
            start = data.index(after: newline)
            if line.isEmpty { continue }
            do {
                entries.append(try decoder.decode(JournalEntry.self, from: line))
            } catch {
                throw .journalDamaged(path: path, line: lineNumber, reason: "not a journal entry (\(error))")
            }
        }
        return entries
    }

    /// Appends an entry and fsyncs; when this returns the entry survives a crash.
    public func append(_ entry: JournalEntry) throws(SessionError) {
        var data: Data
        do { data = try encoder.encode(entry) } catch { throw .io(path: path, reason: "cannot encode a journal entry") }
        data.append(0x0A)
        if let failure = AtomicFile.writeAll(data, to: fd) { throw .io(path: path, reason: "cannot append to the journal: \(failure)") }
        guard fdatasync(fd) == 0 else { throw .io(path: path, reason: "cannot flush the journal: \(AtomicFile.errnoText())") }
    }

    /// Empties the journal (after its entries were saved into the session file).
    public func reset() throws(SessionError) {
        guard ftruncate(fd, 0) == 0, fsync(fd) == 0 else {
            throw .io(path: path, reason: "cannot empty the journal: \(AtomicFile.errnoText())")
        }
    }

    /// Closes the file; safe to call more than once.
    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }
}
