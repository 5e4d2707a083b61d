import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// `SessionCodec.encode` writes through `SessionFileWriter`; its bytes must be exactly those of
/// `JSONEncoder` with `SessionLayout` (the way session files were always written).
@Suite("Session file writer")
struct SessionFileWriterTests {
    static func expectSameBytes(_ file: SessionFile, sourceLocation: SourceLocation = #_sourceLocation) {
        let written = try? SessionCodec.encode(file), reference = try? SessionCodec.encodeWithJSONEncoder(file)
        #expect(written != nil, sourceLocation: sourceLocation)
        #expect(written == reference, sourceLocation: sourceLocation)
        if let written, let reference, written != reference {
            let a = [UInt8](written), b = [UInt8](reference)
            let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("first difference at byte \(index): \(String(decoding: a[max(0, index - 40)..<min(a.count, index + 40)], as: UTF8.self)) vs \(String(decoding: b[max(0, index - 40)..<min(b.count, index + 40)], as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    @Test("Random sessions are written byte for byte as JSONEncoder writes them")
    func randomSessions() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            Self.expectSameBytes(InPlaceVerificationTests.session(codes).file)
        }
    }

    @Test("Every kind of field: cursor, derived sessions, reviews, sentence notes, escapes, sources")
    func everyField() throws {
        var session = InPlaceVerificationTests.session((1...300).map { $0 * 7919 % 100_000 })
        let time = "2026-11-21T12:00:00.000Z"
        if let claim = session.state.claims.keys.sorted().first {
            try session.perform(.review(ReviewDecision(annotation: claim, verdict: .rejected, reason: "zu \"frei\"\n\\ zitiert", reviewer: "rita")), time: time)
        }
        if let cue = session.state.cues.keys.sorted().first {
            try session.perform(.review(ReviewDecision(annotation: cue, verdict: .accepted, reviewer: "rita")), time: time)
        }
        try session.perform(.add(.note(Note(id: session.state.nextID("N"), subject: .sentence(SentenceKey(document: "tricky", sentence: 1)), text: "Quelle\tprüfen 😀"))), time: time)
        if var mention = session.state.mentions.values.first {
            mention.sources = ["anna", "bo\u{7}"]
            mention.origin = Origin(kind: .adjudicated, from: [Origin.Source(session: "anna", id: "M1"), Origin.Source(session: "bo\u{7}", id: "M2")])
            try session.perform(.replace(.mention(mention)), time: time)
        }
        try session.perform(.setStatus(SentenceKey(document: "plain", sentence: 2), .flagged), time: time)
        let speaker = Speaker(id: session.state.nextID("S"), name: "Maria \"M.\" Sacharowa", kind: "person", aliases: ["Sacharowa", "M\\Z"], origin: Origin(kind: .imported))
        try session.perform(.add(.speaker(speaker)), time: time)
        let target = Target(id: session.state.nextID("T"), text: "Truppen „in“ Russland\n")
        try session.perform(.add(.target(target)), time: time)
        var stance = Stance(id: session.state.nextID("P"), speaker: speaker.id, target: target.id, label: "against", evidence: Array(session.state.claims.keys.sorted().prefix(2)))
        stance.sources = ["anna"]
        stance.origin = Origin(kind: .suggested, rule: "regel „1“")
        try session.perform(.add(.stance(stance)), time: time)
        session.cursor = SentenceKey(document: "plain", sentence: 1)
        session.derivedFrom = ["sessions/a.json", "sessions/\"b\".json"]
        Self.expectSameBytes(session.file)
        session.derivedFrom = []
        Self.expectSameBytes(session.file)
        Self.expectSameBytes(Session(annotator: "", corpus: CorpusReference(paths: [], segmenter: "x", documents: []), created: "").file)
        let documents = (0..<3).map { CorpusReference.DocumentEntry(id: "doc \"\($0)\"/ä", fingerprint: "f\($0)", sentences: $0 * 1_000) }
        Self.expectSameBytes(Session(annotator: "a", corpus: CorpusReference(paths: ["a/b", "c\\d"], segmenter: "de-news-1.1", documents: documents), created: "t").file)
    }
}
