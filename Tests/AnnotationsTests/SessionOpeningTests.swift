import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Opening a session from its snapshot: the state is built from the snapshot's records, only the
/// log's lines after the snapshot are decoded and replayed, and the undo history before the
/// snapshot is replayed from the log on first use. Whatever path opening takes, the session must
/// be the one that never closed.
@Suite("Opening from the snapshot and the log's tail")
struct SessionOpeningTests {
    static let corpus = TestCorpus.corpus
    static let builder = AnchorBuilder(corpus: corpus)

    static func newSession() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    /// Random edits (about one in three continuing the command before it) in both `kept` and `store`.
    static func edit(_ steps: Int, _ kept: inout Session, _ store: SessionStore, _ random: inout PropertySeedGenerator, from start: Int = 0) throws {
        var group: Int?
        for step in start..<(start + steps) {
            let time = Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(step)))
            let action = SessionScript.action(&random, in: kept.state, builder: builder, corpus: corpus)
            var joins = group != nil && random.below(3) == 0
            if case .undo = action { joins = false }
            if case .redo = action { joins = false }
            guard let event = try? kept.perform(action, time: time, group: joins ? group : nil) else { continue }
            try store.perform(action, time: time, group: joins ? group : nil)
            group = event.group ?? event.seq
        }
    }

    @Test("An annotating opening goes on from the digest taken while the log was read: the next snapshot names the log's digest (a recovered tail, a torn tail cut, a lost line break put back, no snapshot)", arguments: 0..<4)
    func digestTakenOn(damage: Int) throws {
        let path = TestCorpus.temporaryFolder() + "/d.json"
        let log = SessionPaths(path).log
        func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))) }
        let store = try SessionStore(path: path, now: "n") { Self.newSession() }
        store.autosaveEvery = 1_000_000
        for number in 1...3 { try store.perform(speaker(number), time: "t\(number)") }
        try store.save()
        try store.perform(speaker(4), time: "t4")
        if damage == 2 { try store.save() }
        store.abandon()
        var bytes = try #require(FileManager.default.contents(atPath: log))
        switch damage {
        case 1: bytes += Data("{\"event\":{\"act".utf8)
        case 2: bytes.removeLast()
        case 3: try FileManager.default.removeItem(atPath: path)
        default: break
        }
        try bytes.write(to: URL(fileURLWithPath: log))
        let reopened = try SessionStore(path: path, now: "n") { Self.newSession() }
        try reopened.perform(speaker(5), time: "t5")
        try reopened.close()
        let written = try #require(FileManager.default.contents(atPath: log))
        let reference = try #require(try SessionStore.read(path: path).file.log)
        #expect(reference == LogReference(events: 5, bytes: written.count, digest: written.withUnsafeBytes { LogDigest.of($0) }), "damage \(damage)")
        #expect(try SessionStore.read(path: path).mismatch == nil)
    }

    @Test("A snapshot behind its log: built from the records, only the tail replayed; events, counts and undo agree")
    func snapshotBehindLog() throws {
        let folder = TestCorpus.temporaryFolder()
        for number in 0..<12 {
            var random = PropertySeedGenerator(seed: UInt64(9_001 + number))
            let path = folder + "/s\(number).json"
            var kept = Self.newSession()
            do {
                let store = try SessionStore(path: path, now: "n") { kept }
                store.autosaveEvery = 1_000_000
                try Self.edit(random.below(40) + 5, &kept, store, &random)
                try store.save()
                // Edits after the save; then the store goes away without saving (a crash).
                try Self.edit(random.below(10) + 1, &kept, store, &random, from: 100)
            }
            let saved = try #require(try SessionStore.read(path: path).file.log?.events)
            let reopened = try SessionStore(path: path, now: "n") { kept }
            let session = reopened.session
            // Opened from the snapshot: the history stays unloaded unless the tail holds an undo or redo (which loads it).
            let tailUndoes = kept.events.dropFirst(saved).contains { if case .undo = $0.action { true } else if case .redo = $0.action { true } else { false } }
            #expect(session.state.historyIsLoaded == tailUndoes, "case \(number): opened from the snapshot")
            #expect(reopened.recoveredEvents == kept.events.count - saved)
            #expect(session.state.hasSameRecords(as: kept.state), "case \(number)")
            #expect(session.state.lastSeq == kept.state.lastSeq)
            #expect(session.eventCount == kept.events.count)
            #expect(session.commandCount == kept.commandCount)
            #expect(session.events == kept.events, "case \(number): events on demand")
            #expect(session.updated == kept.updated)
            for letter in "SMQCTPNX" { #expect(session.state.nextID(letter) == kept.state.nextID(letter), "case \(number) \(letter)") }
            // Reading the stacks gives the whole history without changing the session.
            #expect(session.state.undoStack == kept.state.undoStack, "case \(number)")
            #expect(session.state.redoStack == kept.state.redoStack, "case \(number)")
            // Undo loads the history once and goes on with it.
            let undone = ReopenUndoPropertyTests.stepBack(true, in: reopened, time: "2026-11-21T12:00:00.000Z")
            #expect(undone == ReopenUndoPropertyTests.stepBack(true, in: &kept, time: "2026-11-21T12:00:00.000Z"))
            ReopenUndoPropertyTests.expectSame(reopened.session.state, kept.state, "after undo, case \(number)")
            #expect(reopened.session.state.historyIsLoaded || !undone)
            #expect(reopened.session.historyNotice == nil)
            try reopened.close()
        }
    }

    @Test("Taking back events after opening from the snapshot (a refused command on a full disk) rebuilds from the snapshot's records")
    func rewindAfterOpening() throws {
        let path = TestCorpus.temporaryFolder() + "/r.json"
        var random = PropertySeedGenerator(seed: 77)
        var kept = Self.newSession()
        do {
            let store = try SessionStore(path: path, now: "n") { kept }
            try Self.edit(30, &kept, store, &random)
            try store.close()
        }
        let reopened = try SessionStore(path: path, now: "n") { kept }
        let before = reopened.session.state
        let rewind = reopened.rewindPoint()
        try reopened.perform(.add(.speaker(Speaker(id: reopened.session.state.nextID("S"), name: "Jürgen „Jo“ Müller 😀"))), time: "t")
        try reopened.perform(.setStatus(SentenceKey(document: "tricky", sentence: 0), .done), time: "t", group: reopened.session.state.lastSeq)
        #expect(rewind())
        #expect(reopened.session.state.hasSameRecords(as: before))
        #expect(reopened.session.eventCount == kept.events.count)
        #expect(!reopened.session.state.historyIsLoaded)
        try reopened.close()
        let again = try SessionStore(path: path, now: "n") { kept }
        #expect(again.session.state == kept.state)
        try again.close()
    }

    @Test("A snapshot without the next free ids (written before they were stored) is opened by replaying the log")
    func snapshotWithoutNext() throws {
        let path = TestCorpus.temporaryFolder() + "/n.json"
        var kept = Self.newSession()
        do {
            let store = try SessionStore(path: path, now: "n") { kept }
            for number in 1...3 {
                let action = EditAction.add(.speaker(Speaker(id: "S\(number)", name: "Sprecherin \(number) „Ä“")))
                try kept.perform(action, time: "t\(number)")
                try store.perform(action, time: "t\(number)")
            }
            try kept.perform(.delete("S3"), time: "t4")
            try store.perform(.delete("S3"), time: "t4")
            try store.close()
        }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(text.range(of: ",\n  \"next\": {\"S\":4}"))
        text.removeSubrange(line)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try SessionStore(path: path, now: "n") { kept }
        #expect(reopened.session.state.historyIsLoaded, "replayed from the log")
        #expect(reopened.session.state.nextID("S") == "S4", "the counters come from the log, not guessed from the records")
        #expect(reopened.openingWarnings.isEmpty)
        #expect(reopened.session.state == kept.state)
        try reopened.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"next\": {\"S\":4}"), "written again with them on leaving")
    }

    @Test("A snapshot whose records were changed by hand: undo finds the log disagrees, takes the log's replay and says so")
    func handEditedRecords() throws {
        let path = TestCorpus.temporaryFolder() + "/h.json"
        var kept = Self.newSession()
        do {
            let store = try SessionStore(path: path, now: "n") { kept }
            for number in 1...2 {
                let action = EditAction.add(.speaker(Speaker(id: "S\(number)", name: "Jürgen \(number)")))
                try kept.perform(action, time: "t\(number)")
                try store.perform(action, time: "t\(number)")
            }
            try store.close()
        }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "Jürgen 2", with: "Jürgen Zwei")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try SessionStore(path: path, now: "n") { kept }
        #expect(reopened.session.state.speakers["S2"]?.name == "Jürgen Zwei", "the snapshot is trusted while its log prefix matches")
        try reopened.perform(.undo, time: "t3")
        try kept.perform(.undo, time: "t3")
        #expect(reopened.session.historyNotice != nil)
        #expect(reopened.session.state == kept.state, "the log's replay, then the undo")
        try reopened.close()
        #expect(try SessionStore.load(path: path).state == kept.state)
    }

    @Test("Read-only loading takes the same path and gives the same session")
    func readOnlyLoad() throws {
        let path = TestCorpus.temporaryFolder() + "/l.json"
        var random = PropertySeedGenerator(seed: 5)
        var kept = Self.newSession()
        do {
            let store = try SessionStore(path: path, now: "n") { kept }
            try Self.edit(25, &kept, store, &random)
            try store.save()
            let action = EditAction.add(.speaker(Speaker(id: kept.state.nextID("S"), name: "Zoë „Ö“ 😀")))
            try kept.perform(action, time: "t")
            try store.perform(action, time: "t")
        }
        let loaded = try SessionStore.load(path: path)
        #expect(!loaded.state.historyIsLoaded)
        #expect(loaded.state == kept.state)
        #expect(loaded.events == kept.events)
    }
}
