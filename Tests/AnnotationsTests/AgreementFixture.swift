import Foundation
@testable import Annotations

/// Builds annotators' sessions over ``TestCorpus`` for the agreement tests.
struct AgreementFixture {
    var session: Session
    let builder = AnchorBuilder(corpus: TestCorpus.corpus)
    private var time = 0

    init(_ annotator: String, corpus: CorpusReference = CorpusReference(TestCorpus.corpus)) {
        session = Session(annotator: annotator, corpus: corpus, created: "2026-11-21T10:00:00.000Z")
    }

    func anchor(_ text: String, document: String = "tricky", sentence: Int = 0) throws -> TextAnchor {
        try builder.anchor(document: document, sentence: sentence, segments: [TestCorpus.segment(text, in: document, sentence: sentence)])
    }

    mutating func add(_ record: Record) throws {
        time += 1
        try session.perform(.add(record), time: "2026-11-21T10:00:\(String(format: "%02d", time)).000Z")
    }

    mutating func status(_ document: String, _ sentence: Int, _ status: SentenceStatus) throws {
        time += 1
        try session.perform(.setStatus(SentenceKey(document: document, sentence: sentence), status), time: "2026-11-21T10:00:\(String(format: "%02d", time)).000Z")
    }

    /// anna: Mark Rutte, exact mention, cue, direct claim, stance favor; sentence 0 done.
    static func anna() throws -> Session {
        var f = AgreementFixture("anna")
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("NATO-Generalsekretär Mark Rutte"), speaker: "S1")))
        try f.add(.cue(Cue(id: "Q1", anchor: try f.anchor("sagte"))))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", cue: "Q1", form: "direct")))
        try f.add(.target(Target(id: "T1", text: "Truppen in Russland")))
        try f.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor")))
        try f.add(.speaker(Speaker(id: "S2", name: "Peskow")))
        try f.status("tricky", 0, .done)
        return f.session
    }

    /// ben: "Rutte" with alias, overlapping mention, same cue, same claim span with indirect form, stance against.
    static func ben() throws -> Session {
        var f = AgreementFixture("ben")
        try f.add(.speaker(Speaker(id: "S1", name: "Rutte", aliases: ["Mark Rutte"])))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S1")))
        try f.add(.cue(Cue(id: "Q1", anchor: try f.anchor("sagte"))))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", cue: "Q1", form: "indirect")))
        try f.add(.target(Target(id: "T1", text: "truppen  in Russland")))
        try f.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "against")))
        try f.status("tricky", 0, .done)
        try f.status("plain", 0, .flagged)
        return f.session
    }
}
