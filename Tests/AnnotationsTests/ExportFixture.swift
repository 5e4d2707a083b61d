import Foundation
@testable import Annotations

/// Two sessions over a small corpus with emoji (flag, ZWJ sequence), combining marks in the raw
/// input, „“ quotes, markup and a control character, with overlapping, discontinuous,
/// cross-sentence and cross-line spans, stances, notes and reviews.
enum ExportFixture {
    static let tricky = Document(
        id: "tricky",
        rawText: "🇪🇺 NATO-Generalsekretär Mark Rutte sagte: „Wir müssen handeln.“ Er fügte hinzu, dass Nordkorea Truppen schickt.\n"
            + "Die Forscherin 👩‍🔬 Anna Mu\u{0308}ller erklärte, die Lage sei <script>alert(\"x\")</script> ernst & heikel.\n"
            + "Peskow warf dem Westen vor, zu lügen.")
    static let plain = Document(id: "plain", rawText: "Kommentar: Der Minister sagte, man prüfe alles.\u{7} Ende.")

    static var corpus: SegmentedCorpus { SegmentedCorpus(Corpus(documents: [tricky, plain], paths: ["fixture"])) }

    /// Segment of the `occurrence`-th match of `text` in a document (scalar offsets into NFC text).
    static func segment(_ text: String, in document: String = "tricky", occurrence: Int = 1, corpus: SegmentedCorpus = corpus) -> SpanSegment {
        let scalars = Array(corpus.document(id: document)!.document.text.unicodeScalars)
        let needle = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        var seen = 0
        for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            seen += 1
            if seen == occurrence { return SpanSegment(start: start, end: start + needle.count) }
        }
        fatalError("\(text) not in \(document)")
    }

    static func anchor(_ parts: [String], in document: String = "tricky", builder: AnchorBuilder) throws -> TextAnchor {
        let segments = parts.map { segment($0, in: document) }
        let sentence = ExportBundle.sentence(containing: segments[0].start, in: builder.document(document)!)
        return try builder.anchor(document: document, sentence: sentence, segments: segments, allowFollowingSentences: true)
    }

    static func anna() throws -> Session {
        let corpus = corpus
        let b = AnchorBuilder(corpus: corpus)
        var s = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        func run(_ action: EditAction) throws { try s.perform(action, time: "2026-11-21T10:00:01.000Z") }
        try run(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte", aliases: ["Rutte", "Herr Rutte"]))))
        try run(.add(.speaker(Speaker(id: "S2", name: "Anna Müller"))))
        try run(.add(.speaker(Speaker(id: "S3", name: "Dmitri Peskow"))))
        try run(.add(.speaker(Speaker(id: "S4", name: "Minister", kind: "institution"))))
        try run(.add(.mention(Mention(id: "M1", anchor: try anchor(["NATO-Generalsekretär Mark Rutte"], builder: b), speaker: "S1", role: "NATO-Generalsekretär"))))
        try run(.add(.cue(Cue(id: "Q1", anchor: try anchor(["sagte"], builder: b)))))
        try run(.add(.claim(Claim(id: "C1", anchor: try anchor(["Wir müssen handeln."], builder: b), speaker: "S1", mention: "M1", cue: "Q1", form: "direct"))))
        try run(.add(.claim(Claim(id: "C2", anchor: try anchor(["Mark Rutte sagte: „Wir müssen handeln.“"], builder: b), speaker: "S1", form: "reported"))))
        try run(.add(.mention(Mention(id: "M2", anchor: try anchor(["Er"], builder: b), speaker: "S1"))))
        try run(.add(.cue(Cue(id: "Q2", anchor: try anchor(["fügte", "hinzu"], builder: b)))))
        try run(.add(.claim(Claim(id: "C3", anchor: try anchor(["dass Nordkorea Truppen schickt"], builder: b), speaker: "S1", mention: "M2", cue: "Q2", form: "indirect", hedged: true))))
        try run(.add(.mention(Mention(id: "M3", anchor: try anchor(["Die Forscherin 👩‍🔬 Anna Müller"], builder: b), speaker: "S2", role: "Forscherin"))))
        try run(.add(.cue(Cue(id: "Q3", anchor: try anchor(["erklärte"], builder: b)))))
        try run(.add(.claim(Claim(id: "C4", anchor: try anchor(["die Lage sei <script>alert(\"x\")</script> ernst & heikel"], builder: b), speaker: "S2", mention: "M3", cue: "Q3", form: "indirect", negated: true))))
        try run(.add(.mention(Mention(id: "M4", anchor: try anchor(["Peskow"], builder: b), speaker: "S3"))))
        try run(.add(.cue(Cue(id: "Q4", anchor: try anchor(["warf", "vor"], builder: b)))))
        try run(.add(.claim(Claim(id: "C5", anchor: try anchor(["zu lügen"], builder: b), speaker: "S3", mention: "M4", cue: "Q4", form: "indirect"))))
        try run(.add(.mention(Mention(id: "M5", anchor: try anchor(["Der Minister"], in: "plain", builder: b), speaker: "S4"))))
        try run(.add(.cue(Cue(id: "Q5", anchor: try anchor(["sagte"], in: "plain", builder: b)))))
        try run(.add(.claim(Claim(id: "C6", anchor: try anchor(["man prüfe alles"], in: "plain", builder: b), speaker: "S4", mention: "M5", cue: "Q5"))))
        try run(.add(.target(Target(id: "T1", text: "Nordkorea schickt Truppen nach Russland"))))
        try run(.add(.target(Target(id: "T2", text: "Es muss gehandelt werden"))))
        try run(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C3"]))))
        try run(.add(.stance(Stance(id: "P2", speaker: "S1", target: "T2", label: "favor", evidence: ["C1", "C2"]))))
        try run(.add(.stance(Stance(id: "P3", speaker: "S3", target: "T1", label: "against"))))
        try run(.add(.note(Note(id: "N1", subject: .annotation("C1"), text: "Zitat prüfen, \"wörtlich\"?"))))
        try run(.add(.note(Note(id: "N2", subject: .sentence(SentenceKey(document: "tricky", sentence: 2)), text: "Kontext <b>fehlt</b>"))))
        try run(.add(.note(Note(id: "N3", subject: .annotation("P1"), text: "unsicher"))))
        try run(.review(ReviewDecision(annotation: "M1", verdict: .accepted, reviewer: "rita")))
        try run(.review(ReviewDecision(annotation: "Q1", verdict: .corrected, reviewer: "rita")))
        try run(.review(ReviewDecision(annotation: "C1", verdict: .accepted, reviewer: "rita")))
        try run(.review(ReviewDecision(annotation: "C3", verdict: .rejected, reason: "zu weit", reviewer: "rita")))
        try run(.review(ReviewDecision(annotation: "P2", verdict: .accepted, reviewer: "rita")))
        return s
    }

    static func bob() throws -> Session {
        let corpus = corpus
        let b = AnchorBuilder(corpus: corpus)
        var s = Session(annotator: "bob", corpus: CorpusReference(corpus), created: "2026-11-21T11:00:00.000Z")
        func run(_ action: EditAction) throws { try s.perform(action, time: "2026-11-21T11:00:01.000Z") }
        try run(.add(.speaker(Speaker(id: "S1", name: "Rutte"))))
        try run(.add(.mention(Mention(id: "M1", anchor: try anchor(["Mark Rutte"], builder: b), speaker: "S1"))))
        try run(.add(.cue(Cue(id: "Q1", anchor: try anchor(["sagte"], builder: b)))))
        try run(.add(.claim(Claim(id: "C1", anchor: try anchor(["„Wir müssen handeln.“ Er fügte hinzu, dass Nordkorea Truppen schickt."], builder: b), speaker: "S1", mention: "M1", cue: "Q1", form: "mixed"))))
        try run(.add(.claim(Claim(id: "C2", anchor: try anchor(["ernst & heikel.\nPeskow warf"], builder: b)))))
        return s
    }

    static func bundle(options: ExportOptions = ExportOptions()) throws -> ExportBundle {
        try ExportBundle(
            corpus: corpus,
            sessions: [ExportSession(label: "anna", annotator: "anna", state: try anna().state), ExportSession(label: "bob", annotator: "bob", state: try bob().state)],
            options: options)
    }
}
