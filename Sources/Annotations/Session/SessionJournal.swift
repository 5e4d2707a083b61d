import Foundation

/// The append-only journal beside a session file (`NAME.json.journal`): a header line naming the
/// session and the saved state it continues (``JournalHeader``), then one JSON line per
/// acknowledged change, written and fsynced before the change is acknowledged. Saving the session
/// starts it afresh. An append that fails (a full disk) is cut back off, so the journal is left as
/// it was; a torn last line left by a crash was never acknowledged (see ``JournalContents``).
public final class SessionJournal {
    /// The journal's path.
    public let path: String
    private var fd: Int32
    private let writer: any FileWriting
    private let encoder = JSONEncoder()

    /// The journal path for a session file.
    public static func path(for sessionPath: String) -> String { sessionPath + ".journal" }

    /// Opens (creating if needed) the journal for appending, writing through `writer`.
    public init(path: String, writer: any FileWriting = SystemFileWriting()) throws(SessionError) {
        self.path = path
        self.writer = writer
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot open the journal: \(AtomicFile.errnoText())") }
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    deinit { close() }

    /// Reads the entries of a journal after its header; a missing journal has none. Torn bytes are
    /// left out; a damaged complete line is an error naming the line.
    public static func read(path: String) throws(SessionError) -> [JournalEntry] {
        try contents(path: path).entries
    }

    /// What the journal at `path` holds (nothing when it does not exist).
    public static func contents(path: String) throws(SessionError) -> JournalContents {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return try JournalContents(Data(), path: path) }
        if isFolder.boolValue { throw .io(path: path, reason: "the journal is a folder, not a file; move it away") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: "cannot read the journal")
        }
        return try JournalContents(data, path: path)
    }

    /// The journal's size in bytes now.
    public var size: Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Appends an entry and fsyncs; when this returns the entry survives a crash. When it throws,
    /// the journal is cut back to its size before the append.
    public func append(_ entry: JournalEntry) throws(SessionError) {
        var data: Data
        do { data = try encoder.encode(entry) } catch { throw .io(path: path, reason: "cannot encode a journal entry") }
        data.append(0x0A)
        let before = off_t(size)
        if let code = writer.writeAll(data, to: fd) {
            ftruncate(fd, before)
            throw .io(path: path, reason: "cannot append to the journal: \(AtomicFile.describe(code)); the edit was not recorded")
        }
        guard fdatasync(fd) == 0 else {
            let code = errno
            ftruncate(fd, before)
            throw .io(path: path, reason: "cannot flush the journal: \(AtomicFile.describe(code)); the edit was not recorded")
        }
    }

    /// Starts the journal afresh (after its entries were saved into the session file) with a header.
    public func reset(header: JournalHeader) throws(SessionError) {
        try cut(to: 0)
        try append(.header(header))
    }

    /// Cuts the journal to its first `length` bytes (its last complete line) and fsyncs.
    public func cut(to length: Int) throws(SessionError) {
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else {
            throw .io(path: path, reason: "cannot cut the journal back: \(AtomicFile.errnoText())")
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
