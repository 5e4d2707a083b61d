import Foundation
import Testing
@testable import Annotations

/// A span holding a tab (corpus text with a tab inside a sentence) was written to brat as one
/// fragment whose `T` text had a space for the tab: not the document's text there, so bratly's
/// `check_ann_compatibility_with_txt` and pybrat's mention check refused it. It is cut at the tab
/// now, as at a line break, and joined again on import.
@Suite("brat: spans holding tabs")
struct BratTabTests {
    static let text = "Peskow sagte:\t„A|B ]*#_ [x]“ und\tmehr. Ende."

    static let document = Document(id: "tab", rawText: text)

    static func session() throws -> (SegmentedCorpus, Session) {
        let corpus = SegmentedCorpus(Corpus(documents: [document], paths: ["fixture"]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        let scalars = Array(text.unicodeScalars)
        let claimStart = scalars.firstIndex(of: "„")!, claimEnd = scalars.firstIndex(of: ".")!
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Peskow"))), time: "t")
        try session.perform(.add(.claim(Claim(
            id: "C1", anchor: try builder.anchor(document: "tab", sentence: 0, segments: [SpanSegment(start: 7, end: claimEnd)]), speaker: "S1"))), time: "t")
        try session.perform(.add(.cue(Cue(
            id: "Q1", anchor: try builder.anchor(document: "tab", sentence: 0, segments: [SpanSegment(start: claimStart, end: claimEnd)])))), time: "t")
        return (corpus, session)
    }

    @Test("the T line is cut at each tab; every fragment's text is the document's; import gives one segment back")
    func cutAndJoined() throws {
        let (corpus, session) = try Self.session()
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let files = BratExporter().export(bundle)
        let ann = try #require(files.first { $0.path == "anna/tab.ann" }).contents
        let claim = try #require(ann.split(separator: "\n").first { $0.contains("\tClaim ") })
        #expect(claim.hasSuffix("\tClaim 7 13;14 32;33 37\tsagte: „A|B ]*#_ [x]“ und mehr"), "\(claim)")
        let cue = try #require(ann.split(separator: "\n").first { $0.contains("\tCue ") })
        #expect(cue.hasSuffix("\tCue 14 32;33 37\t„A|B ]*#_ [x]“ und mehr"), "\(cue)")
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder).write(files)
        let imported = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: "2026-11-22T10:00:00.000Z")
        #expect(imported.state.claims.values.first?.anchor.segments == session.state.claims["C1"]?.anchor.segments)
        #expect(imported.state.cues.values.first?.anchor.segments == session.state.cues["Q1"]?.anchor.segments)
        let again = BratExporter().export(try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: imported.state)]))
        #expect(again.first { $0.path == "anna/tab.ann" }?.contents == ann)
    }

    @Test("a T line as brat writes it, the tab of the document kept in its text column, imports")
    func tabKeptByBrat() throws {
        let (corpus, _) = try Self.session()
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: folder + "/tab.txt"))
        try Data("T1\tClaim 29 37\tund\tmehr\nT2\tCue 7 12\tsagte\n".utf8).write(to: URL(fileURLWithPath: folder + "/tab.ann"))
        let imported = try BratImporter().load(folder: folder, corpus: corpus, annotator: "anna", time: "2026-11-22T10:00:00.000Z")
        #expect(imported.state.claims.values.first?.anchor.segments == [SpanSegment(start: 29, end: 37)])
        #expect(imported.state.claims.values.first?.anchor.text == "und\tmehr")
        try Data("T1\tClaim 29 37\tund\tweniger\n".utf8).write(to: URL(fileURLWithPath: folder + "/tab.ann"))
        #expect(throws: ExportError.self) { try BratImporter().load(folder: folder, corpus: corpus, annotator: "anna", time: "t") }
    }

    @Test("bratly and pybrat read the fragments as the document's text",
        .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to load brat with bratly and pybrat"))
    func consumers() async throws {
        let (corpus, session) = try Self.session()
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder + "/brat").write(BratExporter().export(bundle))
        try await Self.checkWithConsumers(folder)
    }

    /// Runs check_brat.py on `folder/brat/anna`, expecting the lines of its `tab.ann`.
    static func checkWithConsumers(_ folder: String) async throws {
        let ann = try String(contentsOfFile: folder + "/brat/anna/tab.ann", encoding: .utf8).split(separator: "\n")
        var counts: [(String, JSONValue)] = []
        for prefix in ["T", "R", "A", "N", "#"] { counts.append((prefix, .int(ann.filter { $0.hasPrefix(prefix) }.count))) }
        let expected = JSONValue.object([("brat", .object([("anna", .object([("tab", .object(counts))]))]))])
        try Data(expected.pretty().utf8).write(to: URL(fileURLWithPath: folder + "/expected.json"))
        let result = try await ConsumerPython.run("check_brat.py", [folder + "/brat", folder + "/expected.json"])
        #expect(result.status == 0, "\(result.output)")
    }
}

/// A corpus document without text was written as an empty `.txt` and `.ann`; bratly refuses an
/// empty text ("Badly initialized Document") and with it reads no document of the folder.
@Suite("brat: a document without text")
struct BratEmptyDocumentTests {
    static func bundle() throws -> ExportBundle {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "empty", rawText: ""), BratTabTests.document], paths: ["fixture"]))
        let (_, session) = try BratTabTests.session()
        return try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
    }

    @Test("gets no files; the other documents are written as before and import back")
    func noFiles() throws {
        let files = BratExporter().export(try Self.bundle())
        #expect(!files.contains { $0.path.hasPrefix("anna/empty.") })
        #expect(files.contains { $0.path == "anna/tab.ann" } && files.contains { $0.path == "anna/tab.txt" })
    }

    @Test("bratly and pybrat read the folder",
        .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to load brat with bratly and pybrat"))
    func consumers() async throws {
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder + "/brat").write(BratExporter().export(try Self.bundle()))
        try await BratTabTests.checkWithConsumers(folder)
    }
}
