import Foundation
import Testing
@testable import Annotations

/// web-anno-tsv 0.0.1 (the Python reader of WebAnno TSV the consumer tests use) cannot read a
/// sentence holding a backslash or a tab: its `un_escape_text` turns neither `\\` nor `\t` back
/// (its regular expressions only match after a second backslash), so the sentence it rebuilds is
/// longer than the text and every token after the escape fails its "Bad offsets" check. Our files
/// escape them as WebAnno TSV 3.3 says (INCEpTION and `import webanno` read them); web-anno-tsv's
/// own writer escapes them the same way. The fault is the reader's; the README's webanno row says
/// so. These tests pin both sides: our file imports back exactly, and web-anno-tsv still fails on
/// it (when a fixed release reads it, the second test says so, and the note can go).
@Suite("WebAnno TSV: sentences with a backslash or a tab")
struct WebAnnoConsumerTextTests {
    static let texts = ["Er sagte: „a\\b“ und ging.", "Er sagte:\t„Ja.“"]

    static func bundle(_ text: String) throws -> (SegmentedCorpus, ExportBundle, Session) {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["fixture"]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        let end = text.unicodeScalars.count - 1
        try session.perform(.add(.cue(Cue(id: "Q1", anchor: try builder.anchor(document: "d", sentence: 0, segments: [SpanSegment(start: 3, end: 8)])))), time: "t")
        try session.perform(.add(.claim(Claim(id: "C1", anchor: try builder.anchor(document: "d", sentence: 0, segments: [SpanSegment(start: 10, end: end)]), cue: "Q1"))), time: "t")
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        return (corpus, bundle, session)
    }

    @Test("the escaped sentence and tokens import back to the same spans")
    func importsBack() throws {
        for text in Self.texts {
            let (corpus, bundle, session) = try Self.bundle(text)
            let folder = TestCorpus.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let files = WebAnnoExporter().export(bundle)
            let tsv = try #require(files.first { $0.path == "anna/d.tsv" }).contents
            #expect(tsv.contains("#Text=" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t") + "\n"), "\(tsv)")
            try ExportWriter(folder: folder).write(files)
            let back = try WebAnnoImporter().load(paths: [folder + "/anna"], corpus: corpus, annotator: "anna", time: "t").state
            #expect(back.claims.values.map(\.anchor.segments) == session.state.claims.values.map(\.anchor.segments))
            #expect(back.cues.values.map(\.anchor.segments) == session.state.cues.values.map(\.anchor.segments))
        }
    }

    @Test("web-anno-tsv 0.0.1 still fails on them with 'Bad offsets' (its reader's unescaping; documented)",
          .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to read WebAnno TSV with web-anno-tsv"))
    func consumerQuirk() async throws {
        for text in Self.texts {
            let (_, bundle, _) = try Self.bundle(text)
            let folder = TestCorpus.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try ExportWriter(folder: folder + "/webanno").write(WebAnnoExporter().export(bundle))
            let expected = JSONValue.object([("webanno_files", .int(1)), ("webanno_pieces", .int(2))])
            try Data(expected.pretty().utf8).write(to: URL(fileURLWithPath: folder + "/expected.json"))
            let result = try await ConsumerPython.run("check_webanno.py", [folder + "/webanno", folder + "/expected.json"])
            #expect(result.status != 0 && result.output.contains("Bad offsets"), "\(text.debugDescription): \(result.output)")
        }
    }
}
