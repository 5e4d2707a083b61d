import Foundation

/// What opening a session does with the journal beside its file.
///
/// - Every complete entry is kept; bytes that are not entries (a torn last line, torn bytes glued
///   in front of an entry by an older version) are kept aside in `NAME.json.journal.torn` and
///   reported, and the journal is cut back to its last complete line so no append glues onto them.
/// - The journal is applied only when it continues this session's file: its header names this
///   session and a state the file has, and each of its events either repeats the file's event with
///   that `seq` (a crash between saving and emptying the journal) or follows the file's last
///   event. A journal without a header (written by an older version) is applied under the same
///   rule on its events. Anything else — another session's journal, one that continues a state the
///   file does not have — is moved aside to `NAME.json.journal.rejected-N`, never applied, and
///   the session opens without it, with a warning naming both files.
struct JournalRecovery {
    /// The session with the journal applied.
    private(set) var session: Session
    /// How many events the journal added.
    private(set) var recoveredEvents = 0
    /// One sentence per thing set aside.
    private(set) var warnings: [String] = []
    /// True when the file should be saved at once (events were recovered, or the journal must be rewritten).
    private(set) var needsSave = false
    /// The length to cut the journal back to, when its tail is torn.
    private(set) var cutLength: Int?

    private let journalPath: String
    private let torn: Data
    private let rejection: String?

    /// Checks `contents` against `session` and applies them when they continue it.
    init(contents: JournalContents, session: Session, journalPath: String) throws(SessionError) {
        self.session = session
        self.journalPath = journalPath
        rejection = Self.rejection(of: contents, for: session)
        // A rejected journal is moved aside whole, torn bytes and all.
        torn = rejection == nil ? contents.tornBytes : Data()
        if rejection != nil { return }
        var recovered = session
        var count = 0
        for (index, entry) in contents.entries.enumerated() {
            switch entry {
            case .header: break
            case .event(let event):
                guard event.seq > recovered.state.lastSeq else { continue }
                do {
                    try recovered.append(event)
                } catch {
                    throw .journalDamaged(
                        path: journalPath, line: contents.lines[index],
                        reason: "event \(event.seq) cannot be replayed: \(error.description); the journal is left untouched")
                }
                count += 1
            case .cursor(let key):
                recovered.cursor = key
            case .settings(let settings):
                recovered.settings = settings
            }
        }
        self.session = recovered
        recoveredEvents = count
        // A journal of an older version (no header) or with glued bytes is rewritten by saving.
        needsSave = count > 0 || !contents.gluedPrefixes.isEmpty || (contents.header == nil && !contents.entries.isEmpty)
        if !contents.tornTail.isEmpty { cutLength = contents.completeLength }
    }

    /// Keeps the torn bytes and a rejected journal aside (before the journal is cut or started
    /// afresh) and says so in ``warnings``.
    mutating func setAside(writer: any FileWriting, sessionPath: String) throws(SessionError) {
        if !torn.isEmpty {
            let aside = Self.freePath(journalPath + ".torn", numbered: false)
            try AtomicFile.write(torn, to: aside, with: writer)
            warnings.append("\(journalPath): dropped \(torn.count) torn byte(s) (an append cut short by a crash or a full disk, never acknowledged) and kept them in \(aside); every complete entry was recovered")
        }
        if let rejection {
            let aside = Self.freePath(journalPath + ".rejected", numbered: true)
            guard rename(journalPath, aside) == 0 else {
                throw .io(path: journalPath, reason: "cannot move a rejected journal aside to \(aside): \(AtomicFile.errnoText())")
            }
            let folder = (journalPath as NSString).deletingLastPathComponent
            AtomicFile.syncFolder(folder.isEmpty ? "." : folder)
            warnings.append("\(journalPath) was not applied to \(sessionPath): \(rejection); it was moved to \(aside), and the session opens without it")
        }
    }

    /// Why the journal must not be applied to `session`, or nil when it continues it.
    static func rejection(of contents: JournalContents, for session: Session) -> String? {
        let last = session.state.lastSeq
        if let header = contents.header {
            if header.session != session.id {
                return "it belongs to another session (its header names session \(header.session), this session is \(session.id ?? "?"))"
            }
            if header.seq > last {
                return "it continues event \(header.seq), but the session file ends at event \(last) (the file is older than the journal)"
            }
        }
        var expected = contents.header.map { $0.seq + 1 }
        for event in contents.events {
            if let wanted = expected, event.seq != wanted {
                return "its events are out of sequence (event \(event.seq) where \(wanted) was expected)"
            }
            if expected == nil, event.seq > last + 1 {
                return "its first event is \(event.seq), but the session file ends at event \(last)"
            }
            if event.seq <= last {
                guard event.seq >= 1, sameChange(event, session.events[event.seq - 1]) else {
                    return "its event \(event.seq) differs from event \(event.seq) of the session file (a journal of another session or of another state of it)"
                }
            }
            expected = event.seq + 1
        }
        return nil
    }

    /// True when two events make the same change (times aside).
    private static func sameChange(_ a: Event, _ b: Event) -> Bool {
        a.seq == b.seq && a.annotator == b.annotator && a.group == b.group
            && a.action.stampingAnnotator(a.annotator) == b.action.stampingAnnotator(b.annotator)
    }

    /// `base` if nothing is there, else `base-2`, `base-3`, … (`base-1`, … when `numbered`).
    static func freePath(_ base: String, numbered: Bool) -> String {
        if !numbered, !FileManager.default.fileExists(atPath: base) { return base }
        var number = numbered ? 1 : 2
        while FileManager.default.fileExists(atPath: "\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }
}
