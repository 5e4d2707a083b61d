import Foundation
import Testing
@testable import Annotations
import TestSupport

@Suite("Command groups in the event log")
struct CommandGroupTests {
    let corpus = TestCorpus.corpus

    func newSession() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
    }

    func mention(_ id: String, speaker: String, text: String) throws -> EditAction {
        let anchor = try AnchorBuilder(corpus: corpus).anchor(document: "plain", sentence: 0, segments: [TestCorpus.segment(text, in: "plain")])
        return .add(.mention(Mention(id: id, anchor: anchor, speaker: speaker)))
    }

    @Test("After reopening, the model knows the last command made two changes (a new speaker and its mention)")
    func groupSurvivesReopening() throws {
        var session = newSession()
        let first = try session.perform(.add(.speaker(Speaker(id: "S1", name: "Die Vereinigten Staaten"))), time: "t1")
        try session.perform(try mention("M1", speaker: "S1", text: "Peskow"), time: "t2", group: first.seq)
        let data = try SessionCodec.encode(session.formatOneFile)
        #expect(String(decoding: data, as: UTF8.self).contains("\"group\":1"))
        let reopened = try Session(file: SessionCodec.decode(data, path: "s.json"), path: "s.json")
        #expect(reopened.state.undoableCommandSize == 2)
        var undone = reopened
        try undone.perform(.undo, time: "t3")
        try undone.perform(.undo, time: "t4", group: 3)
        #expect(undone.state.speakers.isEmpty && undone.state.mentions.isEmpty)
        #expect(undone.state.redoableCommandSize == 2)
        // The Codable definition reads the same groups.
        let decoded = try JSONDecoder().decode(SessionFile.self, from: data)
        #expect(decoded.events.map(\.group) == [nil, 1])
    }

    @Test("Events without a group (older files) are commands of their own")
    func oldFilesUndoOneEventEach() throws {
        var session = newSession()
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Rutte"))), time: "t1")
        try session.perform(try mention("M1", speaker: "S1", text: "Peskow"), time: "t2")
        #expect(session.state.undoableCommandSize == 1)
    }

    @Test("A refused command's rollback leaves nothing to redo and gives back the redo it cleared, also after reopening")
    func rollbackLeavesNoTrace() throws {
        var session = newSession()
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Rutte"))), time: "t1")
        try session.perform(.add(.target(Target(id: "T1", text: "Truppen"))), time: "t2")
        try session.perform(.undo, time: "t3")  // T1 can be redone
        // A command that added S2 and then failed: its change is rolled back in its own group.
        let failed = try session.perform(.add(.speaker(Speaker(id: "S2", name: "Peskow"))), time: "t4")
        try session.perform(.undo, time: "t5", group: failed.seq)
        for state in [session.state, try Session(file: SessionCodec.decode(SessionCodec.encode(session.formatOneFile), path: "s.json"), path: "s.json").state] {
            #expect(state.speakers.keys.sorted() == ["S1"])
            #expect(state.redoStack.map(\.seq) == [2], "only T1 can be redone, never the refused S2")
            #expect(state.undoStack.map(\.seq) == [1])
        }
    }

    @Test("A group after its event is refused")
    func groupAfterEvent() throws {
        var state = AnnotationState()
        #expect(throws: AnnotationError.groupAfterEvent(seq: 1, group: 2)) {
            try state.apply(Event(seq: 1, time: "t", annotator: "a", action: .add(.speaker(Speaker(id: "S1", name: "X"))), group: 2))
        }
    }
}
