import Foundation
@testable import Annotations

/// A session whose corpus and names hold what breaks pages and readers: document ids and titles,
/// speaker names, notes and targets with `</script>`, `<!--`, `"` and `'` as in attributes, a
/// `javascript:` URL, bidi overrides and isolates left open, U+2028/U+2029 and NUL; document texts
/// with a byte-order mark, CR-only and mixed line ends and decomposed umlauts (NFD) that
/// normalisation changes.
enum HostileExportFixture {
    static let markup = "</script><script>alert(1)</script><!-- \" onmouseover=\"alert(2)\" ' onfocus='alert(3)' javascript:alert(4)"
    /// A right-to-left override and a right-to-left isolate, neither closed.
    static let bidi = "\u{202E}gnal\u{2067}"
    static let documents = [
        Document(
            id: "a</script>\"'<!--\(bidi)", title: "T: \(markup) \(bidi)",
            rawText: "\u{FEFF}Mu\u{0308}ller sagte:\r„Wir scho\u{0308}n \(bidi) das.“\r\nDie Lage sei \(markup) ernst.\nEnde\u{2028}hier\u{2029}da\u{0}null."),
        Document(id: "javascript:alert(5)", rawText: "Peskow erklärte,\r\rdie Zusammenarbeit richte sich \u{202D}nicht\u{2066} gegen Dritte.\r\n"),
    ]

    static var corpus: SegmentedCorpus { SegmentedCorpus(Corpus(documents: documents, paths: ["fixture"])) }

    static func segment(_ text: String, in document: Int, corpus: SegmentedCorpus) -> SpanSegment {
        let scalars = Array(corpus.documents[document].document.text.unicodeScalars)
        let needle = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            return SpanSegment(start: start, end: start + needle.count)
        }
        fatalError("\(text) not in document \(document)")
    }

    static func session() throws -> Session {
        let corpus = corpus
        let b = AnchorBuilder(corpus: corpus)
        var s = Session(annotator: "anna\(bidi)\"", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        func run(_ action: EditAction) throws { try s.perform(action, time: "2026-11-21T10:00:01.000Z") }
        func anchor(_ parts: [String], _ document: Int) throws -> TextAnchor {
            let segments = parts.map { segment($0, in: document, corpus: corpus) }
            let id = corpus.documents[document].document.id
            let sentence = ExportBundle.sentence(containing: segments[0].start, in: b.document(id)!)
            return try b.anchor(document: id, sentence: sentence, segments: segments, allowFollowingSentences: true)
        }
        try run(.add(.speaker(Speaker(id: "S1", name: "Müller \(markup) \(bidi)", aliases: ["Mu\u{0308}ller\u{2028}x"]))))
        try run(.add(.speaker(Speaker(id: "S2", name: "Peskow\u{0}\u{2029}\(bidi)"))))
        try run(.add(.mention(Mention(id: "M1", anchor: try anchor(["Mu\u{0308}ller"], 0), speaker: "S1", role: "Rolle \(markup)"))))
        try run(.add(.cue(Cue(id: "Q1", anchor: try anchor(["sagte"], 0)))))
        try run(.add(.claim(Claim(id: "C1", anchor: try anchor(["Wir scho\u{0308}n \(bidi) das."], 0), speaker: "S1", mention: "M1", cue: "Q1", form: "direct"))))
        try run(.add(.claim(Claim(id: "C2", anchor: try anchor(["Die Lage sei \(markup) ernst."], 0), speaker: "S1", form: "indirect"))))
        try run(.add(.claim(Claim(id: "C3", anchor: try anchor(["Ende\u{2028}hier\u{2029}da\u{0}null"], 0), speaker: "S1"))))
        try run(.add(.mention(Mention(id: "M2", anchor: try anchor(["Peskow"], 1), speaker: "S2"))))
        try run(.add(.cue(Cue(id: "Q2", anchor: try anchor(["erklärte"], 1)))))
        try run(.add(.claim(Claim(id: "C4", anchor: try anchor(["die Zusammenarbeit richte sich \u{202D}nicht\u{2066} gegen Dritte"], 1), speaker: "S2", mention: "M2", cue: "Q2", form: "indirect"))))
        try run(.add(.target(Target(id: "T1", text: "Ziel \(markup) \(bidi)"))))
        try run(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C2"]))))
        try run(.add(.note(Note(id: "N1", subject: .annotation("C1"), text: "Notiz \(markup) \(bidi)\u{2028}zwei"))))
        try run(.add(.note(Note(id: "N2", subject: .sentence(SentenceKey(document: corpus.documents[1].document.id, sentence: 0)), text: "Satz \(markup) \(bidi)"))))
        try run(.add(.note(Note(id: "N3", subject: .annotation("P1"), text: "Haltung \(markup)\u{0}"))))
        return s
    }

    static func bundle() throws -> ExportBundle {
        try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna\(bidi)", annotator: "anna\(bidi)\"", state: try session().state), ], options: ExportOptions())
    }
}
