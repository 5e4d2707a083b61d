import Foundation

/// The journal beside a format-1 session file (`NAME.json.journal`): the entries acknowledged since
/// the file was saved, one JSON line each, after a header line naming the session and the `seq` it
/// continues. Applied once, when its file is migrated to format 2.
///
/// Torn bytes (a torn last line, or bytes an older version glued in front of an entry) are kept
/// aside in `NAME.json.journal.torn`. A journal that does not continue the file (another session,
/// a state the file does not have) is moved to `NAME.json.journal.rejected-N`, never applied.
enum FormatOneJournal {
    /// The header line's value: `{"header":{"session":…,"seq":…}}`.
    private struct Header: Decodable {
        var session: String
        var seq: Int
    }

    /// The journal path for a format-1 session file.
    static func path(for sessionPath: String) -> String { sessionPath + ".journal" }

    /// Applies the journal of the format-1 file at `sessionPath` to `session` when it continues it;
    /// how many events it added, and one sentence per thing set aside.
    static func apply(
        to session: inout Session, sessionPath: String, writer: FileWriting
    ) throws(SessionError) -> (recovered: Int, warnings: [String]) {
        let path = path(for: sessionPath)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return (0, []) }
        if isFolder.boolValue { throw .io(path: path, reason: "the journal is a folder, not a file; move it away") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, reason: "cannot read the journal") }
        // The piece after the last line break is empty, or a torn append.
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        var header: Header?
        var entries: [(line: Int, entry: JournalEntry)] = []
        var torn = Data()
        for (index, line) in lines.dropLast().enumerated() where !line.isEmpty {
            if index == 0, let first = try? JSONDecoder().decode([String: Header].self, from: line), let value = first["header"] {
                header = value
            } else if let entry = try? JSONDecoder().decode(JournalEntry.self, from: line) {
                entries.append((index + 1, entry))
            } else if let (glued, entry) = gluedEntry(in: line) {
                torn += glued
                entries.append((index + 1, entry))
            } else {
                throw .journalDamaged(path: path, line: index + 1, reason: "not a journal entry, and no complete entry after torn bytes")
            }
        }
        torn += lines.last ?? Data()
        let events = entries.compactMap { if case .event(let event) = $0.entry { event } else { nil } }
        if let reason = rejection(header: header.map { ($0.session, $0.seq) }, events: events, for: session) {
            let aside = SessionPaths.free(path + ".rejected", numbered: true)
            guard rename(path, aside) == 0 else {
                throw .io(path: path, reason: "cannot move a rejected journal aside to \(aside): \(AtomicFile.describe(errno))")
            }
            AtomicFile.syncFolder(containing: path)
            return (0, ["\(path) was not applied to \(sessionPath): \(reason); it was moved to \(aside), and the session opens without it"])
        }
        var recovered = session
        var count = 0
        for (line, entry) in entries {
            switch entry {
            case .event(let event):
                guard event.seq > recovered.state.lastSeq else { continue }
                do { try recovered.append(event) } catch {
                    throw .journalDamaged(
                        path: path, line: line, reason: "event \(event.seq) cannot be replayed: \(error.description); the journal is left untouched")
                }
                count += 1
            case .cursor(let key): recovered.cursor = key
            case .settings(let settings): recovered.settings = settings
            case .corpus(let corpus): recovered.corpus = corpus
            }
        }
        var warnings: [String] = []
        if !torn.isEmpty {
            let aside = try AtomicFile.keepAside(torn, as: path + ".torn", with: writer)
            warnings.append("\(path): dropped \(torn.count) torn byte(s) (an append cut short by a crash or a full disk, never acknowledged) and kept them in \(aside); every complete entry was recovered")
        }
        session = recovered
        return (count, warnings)
    }

    /// The entry at the end of a line that begins with torn bytes, and those bytes.
    private static func gluedEntry(in line: Data) -> (Data, JournalEntry)? {
        var from = line.startIndex + 1
        while from < line.endIndex, let start = line.range(of: Data("{\"".utf8), in: from..<line.endIndex)?.lowerBound {
            if let entry = try? JSONDecoder().decode(JournalEntry.self, from: line[start...]) { return (Data(line[..<start]), entry) }
            from = start + 1
        }
        return nil
    }

    /// Why a journal (its header's session and `seq`, and its events) must not be applied to
    /// `session`, or nil when it continues it.
    private static func rejection(header: (session: String, seq: Int)?, events: [Event], for session: Session) -> String? {
        let last = session.state.lastSeq
        if let header {
            if header.session != session.id {
                return "it belongs to another session (its header names session \(header.session), this session is \(session.id ?? "?"))"
            }
            if header.seq > last {
                return "it continues event \(header.seq), but the session file ends at event \(last) (the file is older than the journal)"
            }
        }
        var expected = header.map { $0.seq + 1 }
        for event in events {
            if let wanted = expected, event.seq != wanted {
                return "its events are out of sequence (event \(event.seq) where \(wanted) was expected)"
            }
            if expected == nil, event.seq > last + 1 {
                return "its first event is \(event.seq), but the session file ends at event \(last)"
            }
            if event.seq <= last {
                let stored = event.seq >= 1 ? session.events[event.seq - 1] : nil
                guard let stored, event.annotator == stored.annotator, event.group == stored.group,
                    event.action.stampingAnnotator(event.annotator) == stored.action.stampingAnnotator(stored.annotator)
                else {
                    return "its event \(event.seq) differs from event \(event.seq) of the session file (a journal of another session or of another state of it)"
                }
            }
            expected = event.seq + 1
        }
        return nil
    }
}
