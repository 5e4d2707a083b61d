import Foundation
import Testing
import TestSupport
@testable import Annotations

@Suite("The log: torn tails, full disks, foreign logs, snapshots that do not match, format-1 files")
struct SessionJournalRecoveryTests {
    let corpus = TestCorpus.corpus

    func newSession() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number) „Müller“ 🎤"))) }

    /// A store at `path` whose edits stay in the log only (no autosave); dropping it is like `kill -9` after the last edit.
    func openStore(_ path: String, writer: FileWriting = FileWriting()) throws -> SessionStore {
        let store = try SessionStore(path: path, now: "n", writer: writer) { newSession() }
        store.autosaveEvery = 1000
        return store
    }

    func logPath(_ path: String) -> String { SessionPaths(path).log }

    /// A new session `a.json` in a fresh folder holding speakers S1…S`count` (one edit each at
    /// t1, t2, …), saved and closed; its path.
    func closedSession(speakers count: Int) throws -> String {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try openStore(path)
        for number in 1...count { try store.perform(speaker(number), time: "t\(number)") }
        try store.close()
        return path
    }

    func logBytes(_ path: String) -> Data { FileManager.default.contents(atPath: logPath(path)) ?? Data() }

    func append(_ text: String, toLogOf path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: logPath(path)))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    static let torn = "{\"event\":{\"action\":\"add\",\"annotator\":\"a\",\"rec"

    @Test("A torn log tail is kept aside, every complete line recovered, and a new edit never glues onto it")
    func tornTail() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
        }
        try append(Self.torn, toLogOf: path)
        do {
            let store = try openStore(path)
            #expect(store.openingWarnings.contains { $0.contains("torn byte") && $0.contains(".jsonl.torn") })
            #expect(store.session.state.speakers["S1"] != nil)
            try store.perform(speaker(2), time: "t2")
            // killed here: the edit is only in the log
        }
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2"])
        #expect(reopened.recoveredEvents == 1)
        let kept = try #require(FileManager.default.contents(atPath: logPath(path) + ".torn"))
        #expect(String(decoding: kept, as: UTF8.self) == Self.torn)
    }

    @Test("A log whose last line lost only its line break after the snapshot was written from it keeps that line: readers take it, opening puts the line break back")
    func lostLastLineBreak() throws {
        let path = try closedSession(speakers: 2)
        let whole = logBytes(path)
        #expect(whole.last == 0x0A)
        try whole.dropLast().write(to: URL(fileURLWithPath: logPath(path)))
        // Read-only: the snapshot and the log agree on both speakers.
        let read = try SessionStore.read(path: path).file
        #expect(read.events.count == 2)
        #expect(try SessionStore.load(path: path).state.speakers.keys.sorted() == ["S1", "S2"])
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2"])
        #expect(reopened.openingWarnings == ["\(logPath(path)) had lost the line break after its last line, which \(path) holds (an acknowledged edit); the line break was put back"])
        #expect(logBytes(path) == whole)
        #expect(!FileManager.default.fileExists(atPath: logPath(path) + ".torn"))
        // A line the snapshot does not hold is still a torn append.
        try reopened.close()
        try append(String(decoding: whole.suffix(from: try #require(whole.dropLast().lastIndex(of: 0x0A)) + 1).dropLast(), as: UTF8.self), toLogOf: path)
        let again = try openStore(path)
        #expect(again.openingWarnings.contains { $0.contains("torn byte") })
        #expect(logBytes(path) == whole)
    }

    @Test("A complete line that is not an entry refuses opening, naming the line, and leaves the log alone")
    func damagedLine() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
        }
        try append("not json at all\n", toLogOf: path)
        let before = logBytes(path)
        #expect {
            _ = try openStore(path)
        } throws: { error in
            "\(error)".contains(".jsonl:3: damaged log line")
        }
        #expect(logBytes(path) == before)
    }

    @Test("A damaged log line that is valid JSON, or holds a NUL, invalid UTF-8 or a lone surrogate, is named with its column and reason")
    func damagedLineReasons() throws {
        // The second event's line (line 3) with `needle` replaced by `bytes`; the reason, and the
        // 1-based byte column of the damage counted from where `needle` starts (nil: not checked).
        let cases: [(needle: String, bytes: [UInt8], reason: String, column: Int?)] = [
            ("\"seq\":2,", Array("\"seq\":2.5,".utf8), "a number with a fraction or exponent where an integer is expected", 6),
            ("Sprecher 2", Array("Sprecher".utf8) + [0x00] + Array("2".utf8), "unescaped control character in a string", 8),
            ("Sprecher 2", Array("Sprecher".utf8) + [0xFF] + Array("2".utf8), "invalid UTF-8", 8),
            ("Sprecher 2", Array("Sprecher\\ud8002".utf8), "invalid escape sequence in a string", nil),
        ]
        for damage in cases {
            let path = TestCorpus.temporaryFolder() + "/a.json"
            do {
                let store = try openStore(path)
                try store.perform(speaker(1), time: "t1")
                try store.perform(speaker(2), time: "t2")
            }
            var lines = [UInt8](logBytes(path)).split(separator: 0x0A, omittingEmptySubsequences: false).map { [UInt8]($0) }
            let needle = Array(damage.needle.utf8)
            let at = try #require((0...(lines[2].count - needle.count)).first { Array(lines[2][$0..<$0 + needle.count]) == needle })
            lines[2].replaceSubrange(at..<at + needle.count, with: damage.bytes)
            let bytes = Data(lines.joined(separator: [0x0A]))
            try bytes.write(to: URL(fileURLWithPath: logPath(path)))
            let where_ = damage.column.map { damage.reason == "invalid UTF-8" ? "invalid UTF-8 at column \(at + $0 + 1))" : "(at column \(at + $0 + 1): " }
            #expect {
                _ = try openStore(path)
            } throws: { error in
                let message = "\(error)"
                return message.contains(".jsonl:3: damaged log line: not a log entry (") && message.contains(damage.reason)
                    && where_.map(message.contains) ?? true
            }
            #expect(logBytes(path) == bytes)
        }
    }

    @Test("A failed append on a full disk leaves the log as it was and says the disk is full")
    func fullDiskAppend() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let disk = FillingDisk(bytesLeft: 1 << 20)
        do {
            let store = try openStore(path, writer: disk.writer)
            try store.perform(speaker(1), time: "t1")
            let before = logBytes(path)
            disk.bytesLeft = 40
            #expect {
                try store.perform(speaker(2), time: "t2")
            } throws: { error in
                "\(error)".contains("the disk is full")
            }
            #expect(logBytes(path) == before)
            #expect(store.session.state.speakers["S2"] == nil)
            disk.bytesLeft = 1 << 20
            try store.perform(speaker(3), time: "t3")
            // killed here
        }
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S3"])
        #expect(reopened.openingWarnings.isEmpty)
    }

    @Test("save on a full disk says the disk is full and keeps the snapshot and the log")
    func fullDiskSave() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let disk = FillingDisk(bytesLeft: 1 << 20)
        let store = try openStore(path, writer: disk.writer)
        try store.perform(speaker(1), time: "t1")
        let file = FileManager.default.contents(atPath: path)
        let log = logBytes(path)
        disk.bytesLeft = 100
        #expect {
            try store.save()
        } throws: { error in
            "\(error)".contains("the disk is full") && "\(error)".contains(path)
        }
        #expect(FileManager.default.contents(atPath: path) == file)
        #expect(logBytes(path) == log)
    }

    @Test("Another session's log beside a snapshot is refused, naming both, and neither file is changed")
    func foreignLog() throws {
        let folder = TestCorpus.temporaryFolder()
        let a = folder + "/a.json", b = folder + "/b.json"
        try openStore(a).close()
        do {
            let store = try openStore(b)
            try store.perform(speaker(1), time: "t1")
        }
        try FileManager.default.removeItem(atPath: logPath(a))
        try FileManager.default.copyItem(atPath: logPath(b), toPath: logPath(a))
        let snapshot = FileManager.default.contents(atPath: a)
        let log = logBytes(a)
        #expect {
            _ = try openStore(a)
        } throws: { error in
            "\(error)".contains("a.jsonl") && "\(error)".contains("is the log of session") && "\(error)".contains(a)
        }
        #expect(FileManager.default.contents(atPath: a) == snapshot)
        #expect(logBytes(a) == log)
        #expect(throws: SessionError.self) { try SessionStore.load(path: a) }
    }

    @Test("An older snapshot of the same log is brought up to date: only the tail is new")
    func olderSnapshot() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let older: Data
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
            try store.save()
            older = try #require(FileManager.default.contents(atPath: path))
            try store.perform(speaker(2), time: "t2")
            try store.save()
            try store.perform(speaker(3), time: "t3")
        }
        try older.write(to: URL(fileURLWithPath: path))
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2", "S3"])
        #expect(reopened.recoveredEvents == 2)
        #expect(reopened.openingWarnings.isEmpty)
    }

    @Test("A snapshot that does not match its log is rebuilt from the log, and the user is told")
    func mismatchedSnapshot() throws {
        let path = try closedSession(speakers: 1)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let digest = try #require(text.range(of: "fx64:"))
        text.replaceSubrange(digest.upperBound..<text.index(digest.upperBound, offsetBy: 4), with: "beef")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1"])
        #expect(reopened.openingWarnings.first?.contains("did not match its log") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) != text)
    }

    @Test("A snapshot ahead of its log (the log cut back or restored from an older copy) is reported by validate and replay --verify, not passed")
    func snapshotAheadOfItsLogIsReported() throws {
        let path = try closedSession(speakers: 2)
        // The log as it was after the first edit: header, the first event (and no more).
        let lines = try String(contentsOfFile: logPath(path), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let firstEvent = try #require(lines.firstIndex { $0.contains("\"seq\":1") })
        try (lines[...firstEvent].joined(separator: "\n") + "\n").write(toFile: logPath(path), atomically: true, encoding: .utf8)

        let read = try SessionStore.read(path: path)
        #expect(read.file.events.count == 1)
        let mismatch = try #require(read.mismatch)
        #expect(mismatch.contains("reflects 2 events, but the log holds 1"), "\(mismatch)")
        #expect(SessionVerifier().validate(path: path) { _ in nil }.problems.first == "\(path): \(mismatch)")
        let verified = try SessionVerifier().verify(path: path)
        #expect(!verified.isValid)
        #expect(verified.differences.first == mismatch)
    }

    @Test("A snapshot that describes its log, or a prefix of it, is no mismatch")
    func snapshotOfAPrefixIsNoMismatch() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try openStore(path)
        try store.perform(speaker(1), time: "t1")
        try store.save()
        #expect(try SessionStore.read(path: path).mismatch == nil)
        try store.perform(speaker(2), time: "t2")
        let read = try SessionStore.read(path: path)
        #expect(read.mismatch == nil)
        #expect(read.file.events.count == 2)
        #expect(SessionVerifier().validate(path: path) { _ in nil }.problems.isEmpty)
        try store.close()
    }

    @Test("A snapshot's next number beyond any id (a hand edit) is not taken: the counters come from the log and new ids stay valid")
    func nextNumberBeyondAnyID() throws {
        let path = try closedSession(speakers: 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"S\":2", with: "\"S\":9223372036854775807")
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try openStore(path)
        #expect(reopened.session.state.nextID("S") == "S2")
        try reopened.perform(speaker(2), time: "t2")
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2"])
        try reopened.close()
    }

    @Test("A current snapshot whose records cannot be read (a hand edit) is kept aside and named with the place; the session comes from the log")
    func unreadableRecords() throws {
        let path = try closedSession(speakers: 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"id\":\"S1\"", with: "\"id\":1")
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1"])
        let warning = try #require(reopened.openingWarnings.first)
        #expect(warning.contains("at $.speakers[0].id: expected a string"), "\(warning)")
        #expect(warning.contains("kept as \(path).damaged"), "\(warning)")
        #expect(try String(contentsOfFile: path + ".damaged", encoding: .utf8) == edited)
    }

    @Test("A lost snapshot is rebuilt from the log")
    func lostSnapshot() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
        }
        try FileManager.default.removeItem(atPath: path)
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1"])
        #expect(reopened.openingWarnings.first?.contains("rebuilt from the log") == true)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// A format-1 file at `path` holding `count` speakers, as older versions wrote it.
    func writeFormatOne(_ path: String, speakers count: Int) throws -> Session {
        var session = newSession()
        for number in 0..<count { try session.perform(speaker(number + 1), time: "t\(number)") }
        try SessionCodec.encode(session.formatOneFile).write(to: URL(fileURLWithPath: path))
        return session
    }

    @Test("A format-1 file is migrated on first open: the original kept as NAME.v1.json, its journal applied")
    func migration() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let original = try writeFormatOne(path, speakers: 1)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        // A journal of an older version (no header) that continues the file.
        let events = [Event(seq: 2, time: "t2", annotator: "anna", action: speaker(2))]
        let lines = try events.map { String(decoding: try JSONEncoder().encode(JournalEntry.event($0)), as: UTF8.self) + "\n" }.joined()
        try Data(lines.utf8).write(to: URL(fileURLWithPath: FormatOneJournal.path(for: path)))
        do {
            let store = try openStore(path)
            #expect(store.recoveredEvents == 1)
            #expect(store.session.state.speakers.keys.sorted() == ["S1", "S2"])
            #expect(store.openingWarnings.contains { $0.contains("migrated from session format 1 to 2") && $0.contains("a.v1.json") })
            try store.perform(speaker(3), time: "t3")
        }
        #expect(FileManager.default.contents(atPath: SessionPaths(path).formatOneCopy) == bytes)
        #expect(!FileManager.default.fileExists(atPath: FormatOneJournal.path(for: path)))
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2", "S3"])
        #expect(reopened.openingWarnings.isEmpty)
        #expect(reopened.session.events.prefix(1) == original.events.prefix(1))
        // Readers read both formats.
        #expect(try SessionStore.load(path: SessionPaths(path).formatOneCopy).events.count == 1)
        #expect(try SessionStore.read(path: path).file.events.count == 3)
    }

    @Test("A format-1 journal of another state is not applied when migrating; it is moved aside")
    func migrationRefusesStaleJournal() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        _ = try writeFormatOne(path, speakers: 0)
        let event = Event(seq: 3, time: "t1", annotator: "anna", action: speaker(1))
        try Data((String(decoding: try JSONEncoder().encode(JournalEntry.event(event)), as: UTF8.self) + "\n").utf8)
            .write(to: URL(fileURLWithPath: FormatOneJournal.path(for: path)))
        let reopened = try openStore(path)
        #expect(reopened.recoveredEvents == 0)
        #expect(reopened.openingWarnings.first?.contains("its first event is 3, but the session file ends at event 0") == true)
    }

    @Test("A format-1 journal: torn bytes glued in front of an entry are kept aside and the entry applied; a line with no entry refuses the migration, naming the line")
    func migrationWithDamagedJournal() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        _ = try writeFormatOne(path, speakers: 1)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let line = String(decoding: try JSONEncoder().encode(JournalEntry.event(Event(seq: 2, time: "t2", annotator: "anna", action: speaker(2)))), as: UTF8.self)
        let journalPath = FormatOneJournal.path(for: path)
        let damaged = Data("{\"event\":{\"act\n".utf8)
        try damaged.write(to: URL(fileURLWithPath: journalPath))
        #expect {
            _ = try openStore(path)
        } throws: { error in
            guard case SessionError.journalDamaged(let named, let number, _) = error else { return false }
            return named == journalPath && number == 1
        }
        #expect(FileManager.default.contents(atPath: path) == bytes)
        #expect(FileManager.default.contents(atPath: journalPath) == damaged)
        try Data(("{\"event\":{\"act" + line + "\n").utf8).write(to: URL(fileURLWithPath: journalPath))
        let store = try openStore(path)
        #expect(store.recoveredEvents == 1)
        #expect(store.session.state.speakers.keys.sorted() == ["S1", "S2"])
        #expect(FileManager.default.contents(atPath: journalPath + ".torn") == Data("{\"event\":{\"act".utf8))
    }

    @Test("A session name that is a folder is named as one")
    func folderAsSession() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect {
            _ = try openStore(path)
        } throws: { error in
            "\(error)".contains("is a folder") && !"\(error)".contains("permissions?")
        }
        #expect {
            _ = try SessionStore.load(path: path)
        } throws: { error in
            "\(error)".contains("is a folder")
        }
    }
}
