import Foundation
import Testing
@testable import Annotations

/// A span ending in whitespace (a Label Studio region drawn with the space after a name, a span of
/// a non-breaking space) has a brat `T` line ending in whitespace. pybrat strips every line's
/// trailing whitespace (`line.rstrip()`) and so reads a shorter mention (the offsets stay right);
/// editors strip it on save. `import brat` refused such a line ("the text 'Rutte' of T1 is not the
/// document's text at 5 11 ('Rutte ')"), and a line of a whitespace-only span, which loses its
/// text column with the tab, as "has no text column". It takes them now.
@Suite("brat: T lines whose trailing whitespace was stripped")
struct BratStrippedWhitespaceTests {
    static let text = "Mark Rutte\u{A0}sagte: „Wir handeln.“ Ende."
    static let document = Document(id: "ws", rawText: text)

    static func session(withCue: Bool = true) throws -> (SegmentedCorpus, Session) {
        let corpus = SegmentedCorpus(Corpus(documents: [document], paths: ["fixture"]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "t")
        // "Rutte" with the no-break space after it, and the no-break space alone.
        try session.perform(.add(.mention(Mention(
            id: "M1", anchor: try builder.anchor(document: "ws", sentence: 0, segments: [SpanSegment(start: 5, end: 11)]), speaker: "S1"))), time: "t")
        if withCue {
            try session.perform(.add(.cue(Cue(
                id: "Q1", anchor: try builder.anchor(document: "ws", sentence: 0, segments: [SpanSegment(start: 10, end: 11)])))), time: "t")
        }
        return (corpus, session)
    }

    /// The export's `.ann` with every line's trailing whitespace stripped, as Python's `rstrip()` does.
    static func stripped(_ ann: String) -> String {
        ann.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var scalars = line.unicodeScalars[...]
            while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
            return String(String.UnicodeScalarView(scalars))
        }.joined(separator: "\n")
    }

    @Test("an export whose lines lost their trailing whitespace imports to the same spans; other texts are still refused")
    func strippedImports() throws {
        let (corpus, session) = try Self.session()
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let files = BratExporter().export(bundle)
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder).write(files)
        let path = folder + "/anna/ws.ann"
        let ann = try String(contentsOfFile: path, encoding: .utf8)
        let cut = Self.stripped(ann)
        #expect(cut != ann)
        #expect(cut.contains("\tSpeaker 5 11\tRutte\n"), "\(cut)")
        #expect(cut.contains("\tCue 10 11\n"), "\(cut)")
        try Data(cut.utf8).write(to: URL(fileURLWithPath: path))
        let imported = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: "2026-11-22T10:00:00.000Z")
        #expect(imported.state.mentions.values.map(\.anchor.segments) == [[SpanSegment(start: 5, end: 11)]])
        #expect(imported.state.cues.values.map(\.anchor.segments) == [[SpanSegment(start: 10, end: 11)]])
        // A text that is not the document's text with whitespace stripped is refused as before.
        try Data(cut.replacingOccurrences(of: "\tRutte\n", with: "\tRutt\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ExportError.self) { try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: "t") }
    }

    @Test("the stripped-whitespace rule: only whitespace may be missing at the end")
    func rule() {
        #expect(BratImporter.endsInStrippedWhitespace("Rutte \u{A0}", shown: "Rutte"))
        #expect(BratImporter.endsInStrippedWhitespace("Rutte \u{A0}", shown: "Rutte "))
        #expect(BratImporter.endsInStrippedWhitespace(" ", shown: ""))
        #expect(BratImporter.endsInStrippedWhitespace("a\u{1F}", shown: "a"))
        #expect(!BratImporter.endsInStrippedWhitespace("Rutte", shown: "Rutte"))
        #expect(!BratImporter.endsInStrippedWhitespace("Rutte x", shown: "Rutte"))
        #expect(!BratImporter.endsInStrippedWhitespace(" Rutte", shown: "Rutte"))
    }

    @Test("pybrat reads a span ending in whitespace without it, at the right offsets; bratly reads it whole",
        .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to load brat with bratly and pybrat"))
    func consumers() async throws {
        // Without the cue: a span of only whitespace pybrat refuses as an invalid line (README, brat row).
        let (corpus, session) = try Self.session(withCue: false)
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder + "/brat").write(BratExporter().export(bundle))
        let ann = try String(contentsOfFile: folder + "/brat/anna/ws.ann", encoding: .utf8).split(separator: "\n")
        var counts: [(String, JSONValue)] = []
        for prefix in ["T", "R", "A", "N", "#"] { counts.append((prefix, .int(ann.filter { $0.hasPrefix(prefix) }.count))) }
        let expected = JSONValue.object([("brat", .object([("anna", .object([("ws", .object(counts))]))]))])
        try Data(expected.pretty().utf8).write(to: URL(fileURLWithPath: folder + "/expected.json"))
        let result = try await ConsumerPython.run("check_brat.py", [folder + "/brat", folder + "/expected.json"])
        #expect(result.status == 0, "\(result.output)")
    }
}
