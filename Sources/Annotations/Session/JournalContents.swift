import Foundation

/// What the bytes of a session journal hold: the header, every complete entry, and the bytes that
/// are not entries — a torn last line (a crash or a full disk mid-append: never acknowledged) and
/// torn bytes that an older version glued in front of a complete entry on the same line.
struct JournalContents: Sendable {
    /// Torn bytes found in front of a complete entry.
    struct GluedPrefix: Sendable, Hashable {
        /// The 1-based line.
        var line: Int
        /// The torn bytes before the entry.
        var bytes: Data
    }

    /// The header, when the first line is one (journals of older versions have none).
    var header: JournalHeader?
    /// The entries after the header, in order.
    var entries: [JournalEntry] = []
    /// The 1-based line of each entry.
    var lines: [Int] = []
    /// How many bytes end in a line break (the journal cut back to its last complete line).
    var completeLength = 0
    /// The bytes after the last line break.
    var tornTail = Data()
    /// Torn bytes glued in front of complete entries.
    var gluedPrefixes: [GluedPrefix] = []

    /// The journal path for a format-1 session file (`NAME.json.journal`, read once when the file
    /// is migrated to format 2; format 2 has no journal: its log is one).
    static func path(for sessionPath: String) -> String { sessionPath + ".journal" }

    /// What the journal at `path` holds (nothing when it does not exist).
    static func read(path: String) throws(SessionError) -> JournalContents {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return try JournalContents(Data(), path: path) }
        if isFolder.boolValue { throw .io(path: path, reason: "the journal is a folder, not a file; move it away") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, reason: "cannot read the journal") }
        return try JournalContents(data, path: path)
    }

    /// Every byte that is not part of an entry: glued prefixes, then the torn tail.
    var tornBytes: Data { gluedPrefixes.reduce(into: Data()) { $0.append($1.bytes) } + tornTail }

    /// The events among the entries.
    var events: [Event] {
        entries.compactMap { if case .event(let event) = $0 { return event } else { return nil } }
    }

    /// The contents of a journal's bytes; a complete line that is not an entry (and holds none after
    /// torn bytes) is an error naming the line.
    init(_ data: Data, path: String) throws(SessionError) {
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            guard let newline = data[start...].firstIndex(of: 0x0A) else {
                tornTail = Data(data[start...])
                break
            }
            let line = data[start..<newline]
            start = data.index(after: newline)
            completeLength = start - data.startIndex
            if line.isEmpty { continue }
            let entry: JournalEntry
            if let whole = try? decoder.decode(JournalEntry.self, from: line) {
                entry = whole
            } else if let (prefix, rest) = Self.gluedEntry(in: line, decoder: decoder) {
                gluedPrefixes.append(GluedPrefix(line: lineNumber, bytes: prefix))
                entry = rest
            } else {
                throw .journalDamaged(path: path, line: lineNumber, reason: "not a journal entry, and no complete entry after torn bytes")
            }
            if case .header(let header) = entry {
                guard entries.isEmpty, self.header == nil else {
                    throw .journalDamaged(path: path, line: lineNumber, reason: "a journal header after the first line")
                }
                self.header = header
                continue
            }
            entries.append(entry)
            lines.append(lineNumber)
        }
    }

    /// The entry at the end of a line that starts with torn bytes, and those bytes.
    private static func gluedEntry(in line: Data, decoder: JSONDecoder) -> (Data, JournalEntry)? {
        let starts = ["{\"event\":", "{\"cursor\":", "{\"header\":"].map { Data($0.utf8) }
        var from = line.index(after: line.startIndex)
        while from < line.endIndex {
            let candidates = starts.compactMap { line.range(of: $0, in: from..<line.endIndex)?.lowerBound }
            guard let next = candidates.min() else { return nil }
            if let entry = try? decoder.decode(JournalEntry.self, from: line[next...]) {
                return (Data(line[..<next]), entry)
            }
            from = line.index(after: next)
        }
        return nil
    }
}
