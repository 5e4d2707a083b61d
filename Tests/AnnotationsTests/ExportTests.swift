import Foundation
import Testing
@testable import Annotations

@Suite("Export formats")
struct ExportTests {
    @Test("Every format is deterministic and names files by document and session")
    func deterministic() throws {
        let first = try ExportFixture.bundle(), second = try ExportFixture.bundle()
        for format in ExportFormat.allCases {
            let a = format.exporter.export(first), b = format.exporter.export(second)
            #expect(a == b, "\(format) differs between runs")
            #expect(!a.isEmpty)
        }
        let brat = ExportFormat.brat.exporter.export(first).map(\.path)
        #expect(brat.contains("anna/tricky.ann") && brat.contains("bob/plain.txt") && brat.contains("anna/annotation.conf") && brat.contains("bob/stances.tsv"))
    }

    @Test("Counts, reviewed-only filter and document filter")
    func filters() throws {
        let all = try ExportFixture.bundle()
        #expect(all.counts.mentions == 6 && all.counts.cues == 6 && all.counts.claims == 8 && all.counts.stances == 3)
        let reviewed = try ExportFixture.bundle(options: ExportOptions(reviewedOnly: true))
        #expect(reviewed.counts.mentions == 1 && reviewed.counts.cues == 1 && reviewed.counts.claims == 1 && reviewed.counts.stances == 1)
        #expect(reviewed.stances[0].first?.evidence == ["C1"])
        let one = try ExportFixture.bundle(options: ExportOptions(documents: ["plain"]))
        #expect(one.documents.map(\.document.id) == ["plain"] && one.counts.claims == 1)
        #expect(throws: ExportError.self) { try ExportFixture.bundle(options: ExportOptions(documents: ["nope"])) }
    }

    @Test("brat lines: discontinuous cue, overlap, relations, attributes, references, notes, cut at line breaks")
    func bratLines() throws {
        let files = BratExporter().export(try ExportFixture.bundle())
        let ann = try #require(files.first { $0.path == "anna/tricky.ann" }).contents
        let bobAnn = try #require(files.first { $0.path == "bob/tricky.ann" }).contents
        #expect(ann.contains("\tCue 67 72;73 78\tfügte hinzu\n"))
        #expect(ann.contains("\tSpeaker 3 34\tNATO-Generalsekretär Mark Rutte\n"))
        #expect(ann.contains("HasSpeaker Arg1:T") && ann.contains("HasCue Arg1:T"))
        #expect(ann.contains("\tReference T") && ann.contains(" Workbench:S1\tMark Rutte\n"))
        #expect(ann.contains("\tAnnotatorNotes T") && ann.contains("Zitat prüfen"))
        #expect(ann.contains("Role T1 NATO-Generalsekretär\n") && ann.contains("Annotator T1 anna\n"))
        // bob's claim over a line break becomes two fragments.
        #expect(bobAnn.contains("\tClaim 194 209;210 221\ternst & heikel. Peskow warf\n"))
        #expect(!ann.contains("\r"))
    }

    @Test("CSV is RFC 4180 with CRLF and quoting")
    func csv() throws {
        let text = CSVExporter().export(try ExportFixture.bundle())[0].contents
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == CSVExporter.columns.joined(separator: ","))
        #expect(text.contains("\"die Lage sei <script>alert(\"\"x\"\")</script> ernst & heikel\""))
        #expect(lines.count == 8 + 2)
    }

    @Test("HTML escapes corpus text and shows every annotation")
    func html() throws {
        let page = HTMLExporter().export(try ExportFixture.bundle())[0].contents
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;"))
        #expect(!page.contains("\u{7}"))
        for id in ["anna:M1", "anna:Q2", "anna:C4", "bob:C1", "bob:C2", "anna:P1"] { #expect(page.contains("data-ann=\"\(id)\"")) }
    }

    @Test("Export, import and export again gives identical files", arguments: [ExportFormat.brat, .jsonl])
    func roundTrip(format: ExportFormat) throws {
        let corpus = ExportFixture.corpus
        let session = try ExportFixture.anna()
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let folder = TestCorpus.temporaryFolder()
        let files = format.exporter.export(bundle)
        try ExportWriter(folder: folder).write(files)
        let imported: Session
        if format == .brat {
            imported = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: "2026-11-22T10:00:00.000Z")
        } else {
            imported = try JSONLImporter().load(
                paths: [folder + "/entities.jsonl", folder + "/annotations.jsonl"], corpus: corpus, annotator: nil, time: "2026-11-22T10:00:00.000Z")
        }
        #expect(imported.annotator == "anna")
        let again = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: imported.annotator, state: imported.state)])
        let second = format.exporter.export(again)
        #expect(files.map(\.path) == second.map(\.path))
        for (a, b) in zip(files, second) { #expect(a.contents == b.contents, "\(a.path) differs after import") }
        if format == .jsonl { #expect(imported.state.claims == session.state.claims.mapValues { claim in var c = claim; c.annotator = "anna"; c.origin = Origin(kind: .imported); return c }) }
    }

    @Test("The writer refuses to overwrite without force")
    func overwrite() throws {
        let folder = TestCorpus.temporaryFolder()
        let files = [ExportFile(path: "a/b.txt", contents: "x")]
        try ExportWriter(folder: folder).write(files)
        #expect(throws: ExportError.self) { try ExportWriter(folder: folder).write(files) }
        try ExportWriter(folder: folder, force: true).write(files)
    }
}
