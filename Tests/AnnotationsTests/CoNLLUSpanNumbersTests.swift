import Foundation
import Testing
@testable import Annotations

/// The CoNLL-U files' span columns when spans of one layer overlap: MISC keeps the first span of the
/// layer, the Plus file numbers every span on every token it covers, the label on its first token.
@Suite("CoNLL-U span numbers and tags")
struct CoNLLUSpanNumbersTests {
    @Test("Overlapping claims: the first wins MISC, both are numbered in the Plus file; a token without spans is *")
    func overlapping() throws {
        let text = "Anna sagte: Wir prüfen alles."
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["fixture"]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        func anchor(_ start: Int, _ end: Int) throws -> TextAnchor {
            try builder.anchor(document: "d", sentence: 0, segments: [SpanSegment(start: start, end: end)])
        }
        try session.perform(.add(.cue(Cue(id: "Q1", anchor: try anchor(5, 10)))), time: "t")
        try session.perform(.add(.claim(Claim(id: "C1", anchor: try anchor(12, 29)))), time: "t")
        try session.perform(.add(.claim(Claim(id: "C2", anchor: try anchor(16, 28)))), time: "t")
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let files = CoNLLUExporter().export(bundle)
        let plain = try #require(files.first { $0.path.hasSuffix(".conllu") }).contents
        let plus = try #require(files.first { $0.path.hasSuffix(".conllup") }).contents
        let misc = plain.split(separator: "\n").filter { $0.first?.isNumber == true }.map { String($0.split(separator: "\t")[9]) }
        #expect(misc == [
            "Speaker=O|Cue=O|Claim=O", "SpaceAfter=No|Speaker=O|Cue=B|Claim=O", "Speaker=O|Cue=O|Claim=O",
            "Speaker=O|Cue=O|Claim=B", "Speaker=O|Cue=O|Claim=I", "SpaceAfter=No|Speaker=O|Cue=O|Claim=I", "SpaceAfter=No|Speaker=O|Cue=O|Claim=I",
        ])
        // The numbers as the `# spans` comment gives them.
        let comment = try #require(plus.split(separator: "\n").first { $0.hasPrefix("# spans = ") })
        var number: [String: String] = [:]
        for item in comment.dropFirst("# spans = ".count).split(separator: " ") {
            let parts = item.split(separator: ":")
            number[String(parts[1])] = String(parts[0])
        }
        let (q, c1, c2) = (try #require(number["Q1"]), try #require(number["C1"]), try #require(number["C2"]))
        let columns = plus.split(separator: "\n").filter { $0.first?.isNumber == true }.map { String($0.split(separator: "\t")[10]) }
        #expect(columns == ["*", "\(q):Cue", "*", "\(c1):Claim", "\(c1);\(c2):Claim", "\(c1);\(c2)", c1])
    }
}
