import Foundation
import Testing
@testable import Annotations

/// CoNLL-U `# sent_id`s are one to one: a tab or line break in a document id was written as a
/// space, so the documents `a\tb` and `a b` both gave `a b#0`.
@Suite("CoNLL-U sent_ids never collide")
struct CoNLLUSentenceIDTests {
    static let ids = ["a\tb", "a b", "a\\tb", "x\ny", "Rutte/2024 #1"]

    static func bundle() throws -> ExportBundle {
        let documents = ids.map { Document(id: $0, rawText: "Er sagte: „Ja.“") }
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["fixture"]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        for (index, id) in ids.enumerated() {
            try session.perform(.add(.cue(Cue(
                id: "Q\(index + 1)", anchor: try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 3, end: 8)])))), time: "t")
        }
        return try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
    }

    static func sentIDs(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("# sent_id = ") }.map { String($0.dropFirst("# sent_id = ".count)) }
    }

    @Test("ids with a tab, CR, LF or backslash are escaped; other ids keep their sent_id")
    func escaped() throws {
        let files = CoNLLUExporter().export(try Self.bundle())
        let plain = try #require(files.first { $0.path.hasSuffix(".conllu") })
        let ids = Self.sentIDs(plain.contents)
        #expect(ids == ["a\\tb#0", "a b#0", "a\\\\tb#0", "x\\ny#0", "Rutte/2024 #1#0"])
        #expect(Set(ids).count == ids.count)
        #expect(plain.contents.contains("# newdoc id = a\\tb\n"))
        let plus = try #require(files.first { $0.path.hasSuffix(".conllup") })
        #expect(Self.sentIDs(plus.contents) == ids)
    }

    @Test("conllu reads the sent_ids back, one per sentence, all distinct",
        .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to read CoNLL-U with conllu and spaCy"))
    func consumer() async throws {
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder + "/conllu").write(CoNLLUExporter().export(try Self.bundle()))
        let expected = JSONValue.object([
            ("sentences", .int(Self.ids.count)),
            ("sent_ids", .array(["a\\tb#0", "a b#0", "a\\\\tb#0", "x\\ny#0", "Rutte/2024 #1#0"].map(JSONValue.string))),
        ])
        try Data(expected.pretty().utf8).write(to: URL(fileURLWithPath: folder + "/expected.json"))
        let result = try await ConsumerPython.run("check_conllu.py", [folder + "/conllu", folder + "/expected.json"])
        #expect(result.status == 0, "\(result.output)")
    }

    /// Ids that differ only in whitespace at their start or end, which the conllu library strips
    /// from a comment's value: ` a` gave `# sent_id =  a#0`, read as `a#0`, the sent_id of `a`.
    static let edgeIDs = [" a", "a", "a ", "\u{A0}a", "  ", "", "\ta"]

    static func edgeBundle() throws -> ExportBundle {
        let documents = edgeIDs.map { Document(id: $0, rawText: "Er sagte: „Ja.“") }
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["fixture"]))
        let session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        return try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
    }

    static let edgeSentIDs = ["\\u0020a#0", "a#0", "a\\u0020#0", "\\u00A0a#0", "\\u0020\\u0020#0", "#0", "\\ta#0"]

    @Test("whitespace at an id's start or end is written \\u0020, so ` a` and `a` keep distinct sent_ids and newdoc ids")
    func edgeWhitespace() throws {
        let files = CoNLLUExporter().export(try Self.edgeBundle())
        let plain = try #require(files.first { $0.path.hasSuffix(".conllu") })
        #expect(Self.sentIDs(plain.contents) == Self.edgeSentIDs)
        #expect(plain.contents.contains("# newdoc id = a\\u0020\n"))
        #expect(plain.contents.contains("# newdoc id = a\n"))
    }

    @Test("conllu reads ids with whitespace at their edges back distinct",
        .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to read CoNLL-U with conllu and spaCy"))
    func edgeConsumer() async throws {
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder + "/conllu").write(CoNLLUExporter().export(try Self.edgeBundle()))
        let expected = JSONValue.object([
            ("sentences", .int(Self.edgeIDs.count)),
            ("sent_ids", .array(Self.edgeSentIDs.map(JSONValue.string))),
        ])
        try Data(expected.pretty().utf8).write(to: URL(fileURLWithPath: folder + "/expected.json"))
        let result = try await ConsumerPython.run("check_conllu.py", [folder + "/conllu", folder + "/expected.json"])
        #expect(result.status == 0, "\(result.output)")
    }
}
