import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Rejections of proposals and session settings in every definition of the session format: the
/// pure `apply` (undo, redo, delete), the writer (byte for byte as JSONEncoder), the fast decoder
/// and Codable.
@Suite("Rejections and settings in the session format")
struct RejectionFormatTests {
    static func session() throws -> Session {
        let corpus = TestCorpus.corpus
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let claim = TestCorpus.segment("Wir müssen handeln.")
        let cue = TestCorpus.segment("sagte")
        let speaker = TestCorpus.segment("Mark Rutte")
        try session.perform(.add(.rejection(Rejection(
            id: "X1", document: "tricky", sentence: 0, rule: "direct.quote „1“", claimSegments: [claim], cueSegments: [cue],
            speakerSegments: [speaker]))), time: "2026-11-21T10:00:01.000Z")
        try session.perform(.add(.rejection(Rejection(id: "X2", document: "tricky", sentence: 0, rule: "r", claimSegments: [claim]))), time: "2026-11-21T10:00:02.000Z")
        session.settings.suggest = false
        return session
    }

    @Test("A rejection is state: added with its annotator, undone, redone, deleted; its id is never reused")
    func applyUndoDelete() throws {
        var session = try Self.session()
        #expect(session.state.rejections["X1"]?.annotator == "anna")
        #expect(session.state.nextID("X") == "X3")
        try session.perform(.undo, time: "t")
        #expect(session.state.rejections["X2"] == nil)
        try session.perform(.redo, time: "t")
        try session.perform(.delete("X1"), time: "t")
        #expect(Set(session.state.rejections.keys) == ["X2"])
        #expect(throws: AnnotationError.self) {
            try session.perform(.add(.rejection(Rejection(id: "X9", document: "tricky", sentence: 0, rule: "r", claimSegments: []))), time: "t")
        }
        #expect(session.state.rejections["X1"]?.matches(document: "tricky", claim: [TestCorpus.segment("Wir müssen handeln.")], cue: []) != true)
    }

    @Test("Rejections and settings are written and read back by both decoders")
    func roundTrip() throws {
        let session = try Self.session()
        let data = try SessionCodec.encode(session.formatOneFile)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"rejections\": ["))
        #expect(text.contains("\"settings\": {\"suggest\":false}"))
        let fast = try SessionCodec.decode(data, path: "s.json")
        let codable = try JSONDecoder().decode(SessionFile.self, from: data)
        #expect(fast.rejections == codable.rejections)
        #expect(fast.rejections?.map(\.id) == ["X1", "X2"])
        #expect(fast.settings == SessionSettings(suggest: false) && codable.settings == SessionSettings(suggest: false))
        let reopened = try Session(file: SessionCodec.decode(data, path: "s.json"), path: "s.json")
        #expect(reopened.state.rejections == session.state.rejections)
        #expect(reopened.settings.suggest == false)
        // Without rejections and with default settings, neither key is written (older files stay the same).
        let plain = Session(annotator: "a", corpus: CorpusReference(TestCorpus.corpus), created: "t").file
        let plainText = String(decoding: try SessionCodec.encode(plain), as: UTF8.self)
        #expect(!plainText.contains("rejections") && !plainText.contains("settings"))
    }

    @Test("A stored rejection that the log does not give is reported as a difference")
    func storedDiffers() throws {
        let session = try Self.session()
        var file = session.file
        file.rejections = [Rejection(id: "X1", document: "tricky", sentence: 0, rule: "other", claimSegments: [SpanSegment(start: 1, end: 2)])]
        #expect(file.differences(from: session.state).contains { $0.contains("X1 (rejection) differs") })
        #expect(file.differences(from: session.state).contains { $0.contains("X2 (rejection) is in the log but missing") })
    }

    @Test("The log keeps changed settings; reopening gives them back")
    func journalSettings() throws {
        let entry = JournalEntry.settings(SessionSettings(suggest: false))
        let data = try JSONEncoder().encode(entry)
        #expect(try JSONDecoder().decode(JournalEntry.self, from: data) == entry)
        let path = TestCorpus.temporaryFolder() + "/s.json"
        do {
            let store = try SessionStore(path: path, now: "n") { try! Self.session() }
            store.autosaveEvery = 1000
            try store.changeSettings(SessionSettings(suggest: true))
            try store.changeSettings(SessionSettings(suggest: false))
            // killed: the settings are only in the log
        }
        let reopened = try SessionStore(path: path, now: "n") { Session(annotator: "x", corpus: CorpusReference(TestCorpus.corpus), created: "c") }
        #expect(reopened.session.settings.suggest == false)
        #expect(reopened.session.state.rejections.count == 2)
    }
}
