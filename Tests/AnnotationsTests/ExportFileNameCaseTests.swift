import Foundation
import Testing
@testable import Annotations

/// Documents and sessions whose names differ only in case (`Rutte`, `rutte`; `Anna`, `anna`):
/// macOS and Windows keep one file of two such names, so one document's files (or one session's
/// folder) would overwrite the other's. Their file names must differ also when case is ignored.
@Suite("Export file names distinct where case is ignored")
struct ExportFileNameCaseTests {
    @Test("File names of ids differing only in case differ when case is ignored, and decode to their ids")
    func names() {
        let ids = ["Rutte", "rutte", "RUTTE", "Merz", "a/b", "Ärger", "ärger", "Straße"]
        let names = ExportText.fileNames(ids)
        #expect(names == ["%52utte", "rutte", "%52%55%54%54%45", "Merz", "a%2Fb", "%C3%84rger", "ärger", "Straße"])
        #expect(Set(names.map { $0.lowercased() }).count == ids.count)
        for (id, name) in zip(ids, names) { #expect(ExportText.percentDecoded(name) == id) }
        // Without such pairs the names are as before.
        #expect(ExportText.fileNames(["Rutte", "Merz"]) == ["Rutte", "Merz"])
    }

    @Test("Session labels differing only in case get a suffix on export")
    func labels() {
        #expect(ExportSession.uniqueLabels(["Anna", "anna", "bob"], ignoringCase: true) == ["Anna", "anna-2", "bob"])
        #expect(ExportSession.uniqueLabels(["Anna", "anna", "anna-2"], ignoringCase: true) == ["Anna", "anna-3", "anna-2"])
        #expect(ExportSession.uniqueLabels(["Anna", "anna"]) == ["Anna", "anna"])
    }

    @Test("brat, WebAnno and SpkAtt exports of documents Rutte and rutte write distinct files; brat and WebAnno import them back")
    func exportAndImport() throws {
        let documents = [
            Document(id: "Rutte", rawText: "Rutte sagte, man müsse handeln."),
            Document(id: "rutte", rawText: "Der Minister sagte, man prüfe alles."),
        ]
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["case.jsonl"]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "t")
        try session.perform(.add(.mention(Mention(id: "M1", anchor: try builder.anchor(document: "Rutte", sentence: 0, segments: [SpanSegment(start: 0, end: 5)]), speaker: "S1"))), time: "t")
        try session.perform(.add(.mention(Mention(id: "M2", anchor: try builder.anchor(document: "rutte", sentence: 0, segments: [SpanSegment(start: 0, end: 12)]), speaker: "S1"))), time: "t")
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let out = TestCorpus.temporaryFolder()
        for format in [ExportFormat.brat, .webanno, .spkatt] {
            try ExportWriter(folder: out + "/" + format.rawValue).write(format.exporter, bundle)
            let files = ExportWriterTests.listing(out + "/" + format.rawValue + "/anna")
            #expect(Set(files.map { $0.lowercased() }).count == files.count, "\(format): \(files)")
        }
        let brat = try BratImporter().load(folder: out + "/brat/anna", corpus: corpus, annotator: nil, time: "t")
        #expect(Set(brat.state.mentions.values.map { "\($0.anchor.document):\($0.anchor.text)" }) == ["Rutte:Rutte", "rutte:Der Minister"])
        let tsvs = ExportWriterTests.listing(out + "/webanno/anna").map { out + "/webanno/anna/" + $0 }
        let webanno = try WebAnnoImporter().load(paths: tsvs, corpus: corpus, annotator: nil, time: "t")
        #expect(Set(webanno.state.mentions.values.map { "\($0.anchor.document):\($0.anchor.text)" }) == ["Rutte:Rutte", "rutte:Der Minister"])
    }
}
