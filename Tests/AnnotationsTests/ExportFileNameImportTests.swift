import Foundation
import Testing
@testable import Annotations

/// Imports read back the file names exports write: a document id that needs percent-encoding
/// (`a/b` → `a%2Fb`, `..` → `%2E%2E`, `CON` → `%43ON`, `Rutte` beside `rutte` → `%52utte`) comes back
/// as the id, for every format that writes one file per document (brat, WebAnno, SpkAtt). `import
/// spkatt` took the file name as the id (`%52utte`), and brat and WebAnno could give the file of
/// `a/b` (`a%2Fb`) to a document whose id is `a%2Fb`.
@Suite("Imports read back the file names exports write")
struct ExportFileNameImportTests {
    /// Long ids: over 255 bytes as they are, or once encoded (`:` is `%3A`), two differing only in case.
    static let longIDs = [
        String(repeating: "Müller ", count: 40), String(repeating: "a:", count: 100), "L" + String(repeating: "x", count: 300),
        "l" + String(repeating: "x", count: 300),
    ]
    static let ids = ExportWriterTests.trickyIDs + ["Rutte", "rutte", "%52utte", "a%252Fb", "COM¹", "CONIN$", "con .txt"] + longIDs

    /// One mention ("Der Minister") in each document of `ids`, exported as `format` into a new folder.
    static func export(_ format: ExportFormat, ids: [String] = ids) throws -> (folder: String, corpus: SegmentedCorpus) {
        let documents = ids.enumerated().map { index, id in Document(id: id, rawText: "Der Minister sagte, man prüfe alles \(index).") }
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["ids.jsonl"]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Minister"))), time: "t")
        for (index, id) in ids.enumerated() {
            let anchor = try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 0, end: 12)])
            try session.perform(.add(.mention(Mention(id: "M\(index + 1)", anchor: anchor, speaker: "S1"))), time: "t")
        }
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let folder = TestCorpus.temporaryFolder() + "/" + format.rawValue
        try ExportWriter(folder: folder).write(format.exporter, bundle)
        return (folder + "/anna", corpus)
    }

    /// Document id → the number at the end of its text, for the mentions of `state` over `corpus`.
    static func placed(_ state: AnnotationState, _ corpus: SegmentedCorpus) -> [String: String] {
        var result: [String: String] = [:]
        for mention in state.mentions.values {
            let text = corpus.document(id: mention.anchor.document)?.document.text ?? ""
            result[mention.anchor.document] = text.split(separator: " ").last.map(String.init)
        }
        return result
    }

    /// Document id → the number at the end of its text, as ``export(_:ids:)`` writes them.
    static func expected(_ ids: [String] = ids) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, "\($0).") })
    }

    @Test("which of an id's file names a name is: plain, uppercase encoded, everything beyond ASCII encoded, or none")
    func fileNameChoice() {
        #expect(ExportText.fileNameChoice("Rutte", of: "Rutte") == 0)
        #expect(ExportText.fileNameChoice("%52utte", of: "Rutte") == 1)
        #expect(ExportText.fileNameChoice("%52%C3%A9", of: "Ré") == 2)
        #expect(ExportText.fileNameChoice("rutte", of: "Rutte") == nil)
        // Canonically equal but other bytes: not the name export writes.
        #expect(ExportText.fileNameChoice("Re\u{0301}", of: "R\u{00E9}") == nil)
        for id in Self.ids {
            for (index, name) in ExportText.fileNameChoices(id).enumerated() {
                let choice = ExportText.fileNameChoice(name, of: id)
                #expect(choice.map { $0 <= index } == true, "\(id): \(name)")
                #expect(ExportText.isFileName(name, of: id))
            }
        }
    }

    @Test("a file name decodes to the id export wrote it for; names export never writes stay as they are")
    func documentIDs() {
        for id in Self.ids where !Self.longIDs.contains(id) {
            #expect(ExportText.documentID(fileName: ExportText.fileName(id)) == id)
            #expect(ExportText.documentID(fileName: ExportText.fileName(id, escapingUppercase: true)) == id)
        }
        for name in ["a%20b", "50%", "%", "%00", "%zz", "1034", "%FF%FE", "a%2fb"] {
            #expect(ExportText.documentID(fileName: name) == name)
        }
    }

    @Test("names of long ids are cut to fit every file system, stay distinct where case is ignored, and are no other id's name")
    func longNames() {
        let names = ExportText.fileNames(Self.ids)
        #expect(names.allSatisfy { $0.utf8.count <= ExportText.longestName })
        #expect(Set(names.map { $0.lowercased() }).count == Self.ids.count)
        for (id, name) in zip(Self.ids, names) where Self.longIDs.contains(id) {
            #expect(name.utf8.count > ExportText.longestName - 12, "\(name)")
            #expect(name.contains("%-"))
            #expect(ExportText.documentID(fileName: name) == name)
            #expect(ExportText.documentID(fileName: name, named: id) == id)
            #expect(ExportText.documentID(fileName: name, named: "other") == name)
        }
        // Shorter names are as before.
        #expect(ExportText.fileName(String(repeating: "x", count: 240)) == String(repeating: "x", count: 240))
        #expect(ExportText.fileName(String(repeating: "x", count: 241)).hasPrefix(String(repeating: "x", count: 222) + "%-"))
        // A cut never splits an escape: "a%3A" pieces stay whole.
        let cut = ExportText.fileName(String(repeating: "a:", count: 100))
        #expect(cut.components(separatedBy: "%-")[0].hasSuffix("%3A") || cut.components(separatedBy: "%-")[0].hasSuffix("a"))
    }

    @Test("every name Windows takes for a device has its first letter encoded: superscript digits, CONIN$, spaces before the dot")
    func windowsDeviceNames() {
        let reserved = ["CON", "con.txt", "NUL.tar.gz", "COM1", "lpt9", "COM¹", "lpt³", "CONIN$", "conout$.txt", "con .txt", "AUX  .x"]
        for id in reserved {
            #expect(ExportText.fileName(id).hasPrefix("%"), "\(id)")
            #expect(ExportText.documentID(fileName: ExportText.fileName(id)) == id)
        }
        #expect(ExportText.fileName("COM¹") == "%43OM¹" && ExportText.fileName("con .txt") == "%63on .txt")
        for id in ["COM0", "COM10", "CONX", "LPT", "xCON", "Conrad", "COM⁴"] {
            #expect(ExportText.fileName(id) == id, "\(id)")
        }
    }

    @Test("brat: every document's file goes back to its own document")
    func brat() throws {
        let (folder, corpus) = try Self.export(.brat)
        let state = try BratImporter().load(folder: folder, corpus: corpus, annotator: nil, time: "t").state
        #expect(Self.placed(state, corpus) == Self.expected())
    }

    @Test("WebAnno: every document's file goes back to its own document, whatever the corpus order")
    func webAnno() throws {
        for ids in [Self.ids, Self.ids.reversed()] {
            let (folder, corpus) = try Self.export(.webanno, ids: ids)
            let state = try WebAnnoImporter().load(paths: [folder], corpus: corpus, annotator: nil, time: "t").state
            #expect(Self.placed(state, corpus) == Self.expected(ids))
        }
    }

    @Test("SpkAtt: the documents get the ids they were exported with (a cut long name the id its DocumentName holds)")
    func spkAtt() throws {
        let (folder, _) = try Self.export(.spkatt)
        let (corpus, _) = try SpkAttImporter().load(paths: [folder], corpusPath: TestCorpus.temporaryFolder() + "/corpus.jsonl", annotator: "spkatt", time: "t")
        #expect(Set(corpus.documents.map(\.document.id)) == Set(Self.ids))
        #expect(corpus.documents.count == Self.ids.count)
    }
}

/// A corpus holding an empty and a blank document beside one with text, exported one file per
/// document and imported back: every format's import takes its own export. SpkAtt wrote
/// `"Sentences": []` for the empty ones, which `import spkatt` refuses (the shared task has no
/// such file), so the whole import failed.
@Suite("Exports of empty and blank documents import back")
struct EmptyDocumentExportTests {
    @Test("SpkAtt writes no file for a document without sentences; the rest imports")
    func spkAttLeavesOutEmptyDocuments() throws {
        let documents = [Document(id: "leer", rawText: ""), Document(id: "blank", rawText: "   \n"), Document(id: "voll", rawText: "Rutte sagte, man prüfe alles.")]
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["x.jsonl"]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Rutte"))), time: "t")
        let mention = Mention(id: "M1", anchor: try builder.anchor(document: "voll", sentence: 0, segments: [SpanSegment(start: 0, end: 5)]), speaker: "S1")
        try session.perform(.add(.mention(mention)), time: "t")
        let claim = try builder.anchor(document: "voll", sentence: 0, segments: [SpanSegment(start: 13, end: 28)])
        try session.perform(.add(.claim(Claim(id: "C1", anchor: claim, speaker: "S1", mention: "M1"))), time: "t")
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let folder = TestCorpus.temporaryFolder() + "/spkatt"
        try ExportWriter(folder: folder).write(ExportFormat.spkatt.exporter, bundle)
        #expect(ExportWriterTests.listing(folder + "/anna") == ["voll.json"])
        let (imported, back) = try SpkAttImporter().load(paths: [folder + "/anna"], corpusPath: TestCorpus.temporaryFolder() + "/c.jsonl", annotator: "spkatt", time: "t")
        #expect(imported.documents.map(\.document.id) == ["voll"])
        #expect(back.state.claims.values.map(\.anchor.text) == ["man prüfe alles"])
    }
}
