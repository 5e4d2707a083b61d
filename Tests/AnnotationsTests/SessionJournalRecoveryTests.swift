import Foundation
import Testing
@testable import Annotations

/// A disk that fills up: writes go through until `bytesLeft` runs out, then the write stops part
/// way with `ENOSPC`, as a full file system does.
final class FillingDisk: FileWriting {
    var bytesLeft: Int

    init(bytesLeft: Int) { self.bytesLeft = bytesLeft }

    func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        let allowed = min(bytes.count, bytesLeft)
        if allowed > 0, let base = bytes.baseAddress {
            let written = Glibc.write(fd, base, allowed)
            if written < 0 { return errno }
            bytesLeft -= written
        }
        return allowed < bytes.count ? ENOSPC : nil
    }
}

@Suite("The journal: torn tails, full disks, foreign and stale journals")
struct SessionJournalRecoveryTests {
    let corpus = TestCorpus.corpus

    func newSession() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number) „Müller“ 🎤"))) }

    /// A store at `path` whose edits stay in the journal (no autosave); dropping it is like `kill -9` after the last edit.
    func openStore(_ path: String, writer: any FileWriting = SystemFileWriting()) throws -> SessionStore {
        let store = try SessionStore(path: path, now: "n", writer: writer) { newSession() }
        store.autosaveEvery = 1000
        return store
    }

    func journalBytes(_ path: String) -> Data { FileManager.default.contents(atPath: SessionJournal.path(for: path)) ?? Data() }

    func append(_ text: String, toJournalOf path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: SessionJournal.path(for: path)))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    static let torn = "{\"event\":{\"action\":\"add\",\"annotator\":\"a\",\"rec"

    @Test("A torn journal tail is kept aside, every complete entry recovered, and a new edit never glues onto it")
    func tornTail() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
        }
        try append(Self.torn, toJournalOf: path)
        do {
            let store = try openStore(path)
            #expect(store.openingWarnings.contains { $0.contains("torn byte") && $0.contains(".journal.torn") })
            #expect(store.session.state.speakers["S1"] != nil)
            try store.perform(speaker(2), time: "t2")
            // killed here: the edit is only in the journal
        }
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2"])
        let kept = try #require(FileManager.default.contents(atPath: SessionJournal.path(for: path) + ".torn"))
        #expect(String(decoding: kept, as: UTF8.self) == Self.torn)
    }

    @Test("A line where an older version glued an entry onto torn bytes gives back the entry")
    func gluedLine() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
        }
        // What the old version left: torn bytes, then the next acknowledged entry on the same line.
        let event = Event(seq: 2, time: "t2", annotator: "anna", action: speaker(2))
        let line = String(decoding: try JSONEncoder().encode(JournalEntry.event(event)), as: UTF8.self)
        try append(Self.torn + line + "\n", toJournalOf: path)
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S2"])
        #expect(reopened.openingWarnings.contains { $0.contains("torn byte") })
    }

    @Test("A complete line that is not an entry refuses opening, naming the line, and leaves the journal alone")
    func damagedLine() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        do {
            let store = try openStore(path)
            try store.perform(speaker(1), time: "t1")
        }
        try append("not json at all\n", toJournalOf: path)
        let before = journalBytes(path)
        #expect {
            _ = try openStore(path)
        } throws: { error in
            "\(error)".contains(".journal:3: damaged journal line")
        }
        #expect(journalBytes(path) == before)
    }

    @Test("A failed append on a full disk leaves the journal as it was and says the disk is full")
    func fullDiskAppend() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let disk = FillingDisk(bytesLeft: 1 << 20)
        do {
            let store = try openStore(path, writer: disk)
            try store.perform(speaker(1), time: "t1")
            let before = journalBytes(path)
            disk.bytesLeft = 40
            #expect {
                try store.perform(speaker(2), time: "t2")
            } throws: { error in
                "\(error)".contains("the disk is full")
            }
            #expect(journalBytes(path) == before)
            #expect(store.session.state.speakers["S2"] == nil)
            disk.bytesLeft = 1 << 20
            try store.perform(speaker(3), time: "t3")
            // killed here
        }
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.keys.sorted() == ["S1", "S3"])
        #expect(reopened.openingWarnings.isEmpty)
    }

    @Test("save on a full disk says the disk is full and keeps the file and the journal")
    func fullDiskSave() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let disk = FillingDisk(bytesLeft: 1 << 20)
        let store = try openStore(path, writer: disk)
        try store.perform(speaker(1), time: "t1")
        let file = FileManager.default.contents(atPath: path)
        let journal = journalBytes(path)
        disk.bytesLeft = 100
        #expect {
            try store.save()
        } throws: { error in
            "\(error)".contains("the disk is full") && "\(error)".contains(path)
        }
        #expect(FileManager.default.contents(atPath: path) == file)
        #expect(journalBytes(path) == journal)
    }

    @Test("Another session's journal is refused, moved aside and never applied")
    func foreignJournal() throws {
        let folder = TestCorpus.temporaryFolder()
        let a = folder + "/a.json", b = folder + "/b.json"
        try openStore(a).close()
        do {
            let store = try openStore(b)
            try store.perform(speaker(1), time: "t1")
        }
        let foreign = journalBytes(b)
        try FileManager.default.removeItem(atPath: SessionJournal.path(for: a))
        try FileManager.default.copyItem(atPath: SessionJournal.path(for: b), toPath: SessionJournal.path(for: a))
        let reopened = try openStore(a)
        #expect(reopened.session.state.speakers.isEmpty)
        #expect(reopened.recoveredEvents == 0)
        let warning = try #require(reopened.openingWarnings.first)
        #expect(warning.contains("another session") && warning.contains(a) && warning.contains(".journal.rejected-1"))
        #expect(FileManager.default.contents(atPath: SessionJournal.path(for: a) + ".rejected-1") == foreign)
        try reopened.close()
        #expect(try SessionStore.load(path: a).events.isEmpty)
    }

    @Test("A journal that continues a state the file does not have is refused")
    func staleJournal() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let older: Data
        do {
            let store = try openStore(path)
            try store.save()
            older = try #require(FileManager.default.contents(atPath: path))
            try store.perform(speaker(1), time: "t1")
            try store.save()
            try store.perform(speaker(2), time: "t2")
        }
        // The file is put back to an older copy: the journal continues event 1, the file ends at 0.
        try older.write(to: URL(fileURLWithPath: path))
        let reopened = try openStore(path)
        #expect(reopened.session.state.speakers.isEmpty)
        #expect(reopened.openingWarnings.first?.contains("continues event 1, but the session file ends at event 0") == true)
    }

    @Test("A journal of an older version (no header) that continues the file is still recovered")
    func oldJournal() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        try openStore(path).close()
        let events = [Event(seq: 1, time: "t1", annotator: "anna", action: speaker(1)), Event(seq: 2, time: "t2", annotator: "anna", action: speaker(2))]
        let encoder = JSONEncoder()
        let lines = try events.map { String(decoding: try encoder.encode(JournalEntry.event($0)), as: UTF8.self) + "\n" }.joined()
        try Data(lines.utf8).write(to: URL(fileURLWithPath: SessionJournal.path(for: path)))
        let reopened = try openStore(path)
        #expect(reopened.recoveredEvents == 2)
        #expect(reopened.openingWarnings.isEmpty)
    }

    @Test("A journal of an older version whose events do not continue the file is refused")
    func oldForeignJournal() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        try openStore(path).close()
        let event = Event(seq: 3, time: "t1", annotator: "anna", action: speaker(1))
        try Data((String(decoding: try JSONEncoder().encode(JournalEntry.event(event)), as: UTF8.self) + "\n").utf8)
            .write(to: URL(fileURLWithPath: SessionJournal.path(for: path)))
        let reopened = try openStore(path)
        #expect(reopened.recoveredEvents == 0)
        #expect(reopened.openingWarnings.first?.contains("its first event is 3, but the session file ends at event 0") == true)
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
