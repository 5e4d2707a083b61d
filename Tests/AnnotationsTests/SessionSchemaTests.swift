import Foundation
import Testing
@testable import Annotations
import TestSupport

@Suite("Session JSON Schema (validated with Python's jsonschema)", .enabled(if: ConsumerPython.enabled, "needs WORKBENCH_PYTHON with jsonschema; run scripts/test"))
struct SessionSchemaTests {
    @Test("Saved sessions with every kind of record and event validate against docs/session.schema.json")
    func savedSessionsValidate() async throws {
        let corpus = TestCorpus.corpus
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z", derivedFrom: ["sessions/x.json"])
        session.cursor = SentenceKey(document: "tricky", sentence: 1)
        var clock = 0
        func time() -> String { clock += 1; return Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(clock))) }
        func anchor(_ text: String, _ sentence: Int = 0) throws -> TextAnchor {
            try builder.anchor(document: "tricky", sentence: sentence, segments: [TestCorpus.segment(text, sentence: sentence)])
        }
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte", aliases: ["Rutte"]))), time: time())
        try session.perform(.add(.mention(Mention(id: "M1", anchor: try anchor("NATO-Generalsekretär Mark Rutte"), speaker: "S1", role: "NATO-Generalsekretär"))), time: time())
        let fuegte = try builder.anchor(document: "tricky", sentence: 1, segments: [TestCorpus.segment("fügte", sentence: 1), TestCorpus.segment("hinzu", sentence: 1)])
        try session.perform(.add(.cue(Cue(id: "Q1", anchor: fuegte))), time: time())
        try session.perform(.add(.claim(Claim(id: "C1", anchor: try anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", cue: "Q1", form: "direct", hedged: true))), time: time())
        try session.perform(.add(.target(Target(id: "T1", text: "Nordkoreanische Truppen sind in Russland stationiert", origin: Origin(kind: .imported)))), time: time())
        try session.perform(.add(.cue(Cue(id: "Q2", anchor: fuegte, origin: Origin(kind: .adjudicated, from: [Origin.Source(session: "anna", id: "Q1")])))), time: time())
        try session.perform(.add(.speaker(Speaker(id: "S2", name: "Lloyd Austin", origin: Origin(kind: .suggested, rule: "name-list")))), time: time())
        try session.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C1"]))), time: time())
        // A claim by two speakers, addressed to a mention.
        try session.perform(.add(.mention(Mention(id: "M2", anchor: try anchor("Mark Rutte"), speaker: "S2"))), time: time())
        try session.perform(.add(.claim(Claim(
            id: "C2", anchor: try anchor("handeln"), speakers: ["S1", "S2"], mentions: ["M1"], addressees: ["M2"]))), time: time())
        try session.perform(.add(.note(Note(id: "N1", subject: .annotation("C1"), text: "Zitat prüfen"))), time: time())
        try session.perform(.add(.note(Note(id: "N2", subject: .sentence(SentenceKey(document: "tricky", sentence: 0)), text: "Kontext"))), time: time())
        try session.perform(.setStatus(SentenceKey(document: "tricky", sentence: 0), .done), time: time())
        try session.perform(.review(ReviewDecision(annotation: "C1", verdict: .rejected, reason: "zu lang", reviewer: "bob")), time: time())
        try session.perform(.delete("N2"), time: time())
        try session.perform(.undo, time: time())
        try session.perform(.redo, time: time())
        var claim = session.state.claims["C1"]!
        claim.negated = true
        try session.perform(.replace(.claim(claim)), time: time())
        try session.perform(.add(.rejection(Rejection(
            id: "X1", document: "tricky", sentence: 0, rule: "direct.quote-then-cue", claimSegments: [TestCorpus.segment("Wir müssen handeln.")],
            cueSegments: [TestCorpus.segment("sagte")], speakerSegments: [TestCorpus.segment("Mark Rutte")]))), time: time())
        session.settings.suggest = false
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/anna.json"
        try SessionCodec.encode(session.formatOneFile).write(to: URL(fileURLWithPath: path))
        let schema = ConsumerPython.packageRoot.appendingPathComponent("docs/session.schema.json").path
        // Format 2: the snapshot and the log a store writes (a cursor line and a re-anchoring included).
        let pair = folder + "/pair.json"
        do {
            let store = try SessionStore(path: pair, now: "n") { session }
            store.moveCursor(to: SentenceKey(document: "tricky", sentence: 0))
            try store.adoptCorpus(session.corpus)
            try store.close()
        }
        let written = try await ConsumerPython.run("validate_session_schema.py", [schema, pair, SessionPaths(pair).log])
        #expect(written.status == 0, "\(written.output)")
        // The snapshot stores the next free id numbers, and the schema says what they may be.
        let snapshot = try String(contentsOfFile: pair, encoding: .utf8)
        #expect(snapshot.contains("\n  \"next\": {\"C\":"), "the snapshot stores the next free ids")
        let badNext = folder + "/bad-next.json"
        try Data(snapshot.replacingOccurrences(of: "\"next\": {", with: "\"next\": {\"c7\":0,").utf8).write(to: URL(fileURLWithPath: badNext))
        let refused = try await ConsumerPython.run("validate_session_schema.py", [schema, badNext])
        #expect(refused.status != 0, "a `next` with a key that is not one capital letter must fail: \(refused.output)")
        let result = try await ConsumerPython.run("validate_session_schema.py", [schema, path])
        #expect(result.status == 0, "\(result.output)")

        // A damaged copy must fail schema validation.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"verdict\":\"rejected\"", with: "\"verdict\":\"maybe\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let damaged = try await ConsumerPython.run("validate_session_schema.py", [schema, path])
        #expect(damaged.status != 0, "\(damaged.output)")
    }
}
