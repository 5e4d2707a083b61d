import Foundation
import Testing
@testable import Annotations

/// brat and WebAnno build their documents on all cores: the files must be exactly those of a loop
/// over the documents, in document order, whatever the number of documents.
@Suite("Export documents built on all cores")
struct ExportDocumentPartsTests {
    @Test("Parts come back in document order, across batches")
    func partsInOrder() {
        var seen: [Int] = []
        ExportDocumentParts.build(count: 2 * ExportDocumentParts.batch + 7) { $0 * 3 } _: { index, part in
            #expect(part == index * 3)
            seen.append(index)
        }
        #expect(seen == Array(0..<(2 * ExportDocumentParts.batch + 7)))
        ExportDocumentParts.build(count: 0) { $0 } _: { _, _ in Issue.record("no document, no part") }
        // One document, exactly one batch, a batch and one (the next batch is built while one is consumed).
        for count in [1, ExportDocumentParts.batch, ExportDocumentParts.batch + 1] {
            var order: [Int] = []
            ExportDocumentParts.build(count: count) { "part \($0)" } _: { index, part in
                #expect(part == "part \(index)")
                order.append(index)
            }
            #expect(order == Array(0..<count))
        }
    }

    static let count = ExportDocumentParts.batch * 2 + 50

    /// `count` documents, each with a mention, a cue and a claim linking them; a stance whose
    /// evidence is in the last batch and a note on a span there.
    static func manyDocuments() throws -> (SegmentedCorpus, Session) {
        let documents = (0..<count).map {
            Document(id: "d\($0)", rawText: "Die Forscherin 👩‍🔬 Anna Mu\u{0308}ller\($0) sagte: „Wir prüfen alles.“\nEnde \($0).")
        }
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["many"]))
        let builder = AnchorBuilder(corpus: corpus)
        func anchor(_ text: String, _ document: String) throws -> TextAnchor {
            let segment = ExportFixture.segment(text, in: document, corpus: corpus)
            let sentence = ExportBundle.sentence(containing: segment.start, in: builder.document(document)!)
            return try builder.anchor(document: document, sentence: sentence, segments: [segment], allowFollowingSentences: true)
        }
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        func run(_ action: EditAction) throws { try session.perform(action, time: "2026-11-21T10:00:01.000Z") }
        try run(.add(.speaker(Speaker(id: "S1", name: "Anna Müller"))))
        for number in 0..<count {
            let document = "d\(number)"
            try run(.add(.mention(Mention(id: "M\(number)", anchor: try anchor("Die Forscherin 👩‍🔬 Anna Müller\(number)", document), speaker: "S1", role: "Forscherin"))))
            try run(.add(.cue(Cue(id: "Q\(number)", anchor: try anchor("sagte", document)))))
            try run(.add(.claim(Claim(
                id: "C\(number)", anchor: try anchor("Wir prüfen alles.", document), speaker: "S1", mention: "M\(number)", cue: "Q\(number)",
                form: number % 2 == 0 ? "direct" : "reported"))))
        }
        try run(.add(.target(Target(id: "T1", text: "Alles"))))
        try run(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C\(count - 1)", "C3"]))))
        try run(.add(.note(Note(id: "N1", subject: .annotation("C\(count - 2)"), text: "prüfen"))))
        return (corpus, session)
    }

    @Test("brat and WebAnno: each document's files are those of the document exported alone, in corpus order")
    func sameAsEachDocumentAlone() throws {
        let (corpus, session) = try Self.manyDocuments()
        let sessions = [ExportSession(label: "anna", annotator: "anna", state: session.state)]
        let whole = try ExportBundle(corpus: corpus, sessions: sessions)
        for exporter in [BratExporter(), WebAnnoExporter()] as [any Exporter] {
            let files = exporter.export(whole)
            let perDocument = files.filter { $0.path.hasSuffix(".ann") || $0.path.hasSuffix(".txt") || $0.path.hasSuffix(".tsv") && $0.path.contains("/d") }
            let expectedPaths = (0..<Self.count).flatMap { number in
                exporter.format == .brat ? ["anna/d\(number).txt", "anna/d\(number).ann"] : ["anna/d\(number).tsv"]
            }
            #expect(perDocument.map(\.path) == expectedPaths)
            for number in [0, 1, ExportDocumentParts.batch - 1, ExportDocumentParts.batch, Self.count - 2, Self.count - 1] {
                let alone = try ExportBundle(corpus: corpus, sessions: sessions, options: ExportOptions(documents: ["d\(number)"]))
                for file in exporter.export(alone) where file.path.contains("/d\(number).") {
                    #expect(files.first { $0.path == file.path }?.contents == file.contents, "\(file.path)")
                }
            }
        }
        let brat = BratExporter().export(whole)
        let stances = try #require(brat.first { $0.path == "anna/stances.tsv" }).contents
        #expect(stances.contains("\td\(Self.count - 1):T3 d3:T3\t"))
        let notes = try #require(brat.first { $0.path == "anna/notes.tsv" }).contents
        #expect(notes.contains("\tspan\tT3\td\(Self.count - 2)\t"))
        let conf = try #require(brat.first { $0.path == "anna/annotation.conf" }).contents
        #expect(conf.contains("Value:direct|indirect|reported") || conf.contains("reported"))
    }
}
