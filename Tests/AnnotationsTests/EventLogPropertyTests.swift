import Foundation
import PropertyBased
import Testing
@testable import Annotations
import TestSupport

/// Property-based tests: random edit sequences (with undo/redo interleaved and many invalid edits)
/// must replay to exactly the same state, survive a JSON round trip, and leave the state untouched
/// whenever an edit is rejected.
@Suite("Event log properties")
struct EventLogPropertyTests {
    static let corpus = TestCorpus.corpus
    static let builder = AnchorBuilder(corpus: corpus)

    /// Turns a number into an edit against the current state, so every generated list is a valid script.
    static func action(for code: Int, in state: AnnotationState) -> EditAction {
        let documents = corpus.documents
        let document = documents[code % documents.count]
        let sentenceIndex = (code / 7) % document.sentences.count
        let sentence = document.sentences[sentenceIndex]
        let tokens = sentence.tokens
        let first = (code / 3) % max(tokens.count, 1)
        let last = min(tokens.count - 1, first + (code / 11) % 4)
        let segment = SpanSegment(start: tokens[first].start, end: tokens[last].end)
        let anchor = try? builder.anchor(document: document.document.id, sentence: sentenceIndex, segments: [segment])
        let speakerIDs = AnnotationState.sortedByID(state.speakers).map(\.id)
        let claimIDs = AnnotationState.sortedByID(state.claims).map(\.id)
        let pick: ([String]) -> String? = { $0.isEmpty ? nil : $0[(code / 13) % $0.count] }
        let allIDs = state.allRecords.map(\.key.description).filter { RecordKey.forID($0) != nil }
        switch code % 14 {
        case 0: return .add(.speaker(Speaker(id: state.nextID("S"), name: "Sprecher \(code % 5)", kind: code % 3 == 0 ? "organisation" : "person")))
        case 1, 2:
            guard let anchor else { return .undo }
            return .add(.mention(Mention(id: state.nextID("M"), anchor: anchor, speaker: pick(speakerIDs) ?? "S999", role: code % 2 == 0 ? "Botschafter" : nil)))
        case 3:
            guard let anchor else { return .redo }
            return .add(.cue(Cue(id: state.nextID("Q"), anchor: anchor)))
        case 4, 5:
            guard let anchor else { return .undo }
            return .add(.claim(Claim(id: state.nextID("C"), anchor: anchor, speaker: pick(speakerIDs), form: ["direct", "indirect", "bogus"][code % 3], negated: code % 2 == 0)))
        case 6: return .add(.target(Target(id: state.nextID("T"), text: "These \(code)")))
        case 7:
            let targets = AnnotationState.sortedByID(state.targets).map(\.id)
            return .add(.stance(Stance(id: state.nextID("P"), speaker: pick(speakerIDs) ?? "S1", target: pick(targets) ?? "T1",
                                       label: ["favor", "against", "none"][code % 3], evidence: pick(claimIDs).map { [$0] } ?? [])))
        case 8: return .delete(pick(allIDs) ?? "C1")
        case 9, 10: return .undo
        case 11: return .redo
        case 12: return .setStatus(SentenceKey(document: document.document.id, sentence: sentenceIndex), SentenceStatus.allCases[code % 4])
        default:
            if let id = pick(claimIDs), var claim = state.claims[id] {
                claim.hedged.toggle()
                return .replace(.claim(claim))
            }
            return .add(.note(Note(id: state.nextID("N"), subject: .annotation(pick(allIDs) ?? "C404"), text: "Notiz \(code)")))
        }
    }

    @Test("Random sequences replay to the same state and survive a JSON round trip")
    func replayEqualsLiveState() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            var session = Session(annotator: "prop", corpus: CorpusReference(Self.corpus), created: "2026-11-21T10:00:00.000Z")
            for (step, code) in codes.enumerated() {
                let before = session.state
                let action = Self.action(for: code, in: session.state)
                do {
                    try session.perform(action, time: Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(step))))
                } catch {
                    #expect(session.state == before, "a rejected \(action.name) changed the state")
                }
            }
            let replayed = try? AnnotationState.replaying(session.events, schema: .standard)
            #expect(replayed?.hasSameRecords(as: session.state) == true)
            #expect(replayed?.undoStack == session.state.undoStack)
            #expect(replayed?.redoStack == session.state.redoStack)
            let file = session.file
            #expect(file.differences(from: session.state).isEmpty)
            if let data = try? SessionCodec.encode(session.formatOneFile), let decoded = try? SessionCodec.decode(data, path: "mem"),
                let reopened = try? Session(file: decoded, path: "mem")
            {
                #expect(reopened.state.hasSameRecords(as: session.state))
                #expect(reopened.events == session.events)
            } else {
                Issue.record("the session did not survive a JSON round trip")
            }
        }
    }

    @Test("Undoing everything returns to the empty state; redoing everything returns to the full state")
    func undoAllRedoAll() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...100_000).array(of: 1...40)) { codes in
            var session = Session(annotator: "prop", corpus: CorpusReference(Self.corpus), created: "t")
            for code in codes where code % 14 < 9 {
                _ = try? session.perform(Self.action(for: code, in: session.state), time: "t")
            }
            let full = session.state
            let depth = session.state.undoStack.count
            for _ in 0..<depth { _ = try? session.perform(.undo, time: "t") }
            #expect(session.state.hasSameRecords(as: AnnotationState()))
            for _ in 0..<depth { _ = try? session.perform(.redo, time: "t") }
            #expect(session.state.hasSameRecords(as: full))
        }
    }
}
