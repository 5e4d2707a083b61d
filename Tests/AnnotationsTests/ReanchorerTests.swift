import Testing
@testable import Annotations

@Suite("Re-anchoring after the corpus changed")
struct ReanchorerTests {
    func state(on corpus: SegmentedCorpus) throws -> AnnotationState {
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "a", corpus: CorpusReference(corpus), created: "t")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Peskow"))), time: "t")
        let doc = corpus.documents[0]
        func anchor(_ text: String, _ sentence: Int) throws -> TextAnchor {
            try builder.anchor(document: "d", sentence: sentence, segments: [TestCorpus.segment(text, in: "d", sentence: sentence, corpus: corpus)])
        }
        _ = doc
        try session.perform(.add(.mention(Mention(id: "M1", anchor: try anchor("Peskow", 0), speaker: "S1"))), time: "t")
        try session.perform(.add(.claim(Claim(id: "C1", anchor: try anchor("Zusammenarbeit richte sich nicht gegen Dritte", 0), speaker: "S1"))), time: "t")
        try session.perform(.add(.cue(Cue(id: "Q1", anchor: try anchor("betonte", 1)))), time: "t")
        return session.state
    }

    func corpus(_ text: String) -> SegmentedCorpus {
        SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)]))
    }

    @Test("Unchanged, moved and vanished annotations")
    func reanchor() throws {
        let old = corpus("Peskow erklärte, die Zusammenarbeit richte sich nicht gegen Dritte. Er betonte das.")
        let annotations = try state(on: old)
        let same = Reanchorer(builder: AnchorBuilder(corpus: old)).reanchor(annotations)
        #expect(same.unchanged == 3 && same.actions.isEmpty)

        let changed = corpus("Neu: Ein Satz davor.\nPeskow erklärte, die Zusammenarbeit richte sich nicht gegen Dritte. Er sagte das.")
        let report = Reanchorer(builder: AnchorBuilder(corpus: changed)).reanchor(annotations)
        #expect(report.moved.map(\.id) == ["M1", "C1"])
        #expect(report.orphaned.map(\.id) == ["Q1"])
        var moved = annotations
        var seq = moved.lastSeq
        for action in report.actions {
            seq += 1
            try moved.apply(Event(seq: seq, time: "t", annotator: "a", action: action))
        }
        let builder = AnchorBuilder(corpus: changed)
        #expect(builder.verify(moved.mentions["M1"]!.anchor) == nil)
        #expect(builder.verify(moved.claims["C1"]!.anchor) == nil)
        #expect(moved.cues["Q1"]!.anchor.orphaned)
        #expect(moved.cues["Q1"]!.anchor.start == annotations.cues["Q1"]!.anchor.start, "orphans keep their offsets, never shifted")
    }

    @Test("Among repeated text, the occurrence whose context matches wins")
    func contextDecides() throws {
        let old = corpus("Peskow erklärte, die Zusammenarbeit richte sich nicht gegen Dritte. Er betonte das.")
        let annotations = try state(on: old)
        let changed = corpus("Peskow sagte: nein. Peskow erklärte, die Zusammenarbeit richte sich nicht gegen Dritte. Er betonte das.")
        let report = Reanchorer(builder: AnchorBuilder(corpus: changed)).reanchor(annotations)
        let m1 = report.moved.first { $0.id == "M1" }
        #expect(m1?.to == 20)
    }
}
