import Foundation
import Testing
@testable import Annotations

/// Label Studio tasks whose `data.text` holds CRLF (tasks made on a corpus file as written), with
/// regions drawn in Label Studio: its editor shows the text with CRLF as LF and counts offsets
/// there, so the regions count `data.text` with CRLF as LF. They were refused ("region text … is
/// not the text at …") or, without region text, placed a character per line end too far; now the
/// regions' text tells which count they use, and they are mapped exactly into the corpus text.
@Suite("Label Studio import: regions counted in data.text with CRLF as LF")
struct LabelStudioLineEndTests {
    /// CRLF, decomposed umlauts, an NFC umlaut, „quotes“, an emoji with skin tone (two scalars) and
    /// a combining mark on a letter without a precomposed form (n̈).
    static let raw = "Mu\u{0308}ller sagte:\r\n„Wir scho\u{0308}n 👍🏽 das.“\r\nDie n\u{0308}-Partei schwieg, Jürgen nicht.\r\n"

    static func corpus() -> SegmentedCorpus {
        SegmentedCorpus(Corpus(documents: [Document(id: "doc", rawText: raw)], paths: ["x"]))
    }

    /// The regions of `tokens` counted in `text` (each token's first occurrence after the last), with their text.
    static func regions(_ text: String, _ items: [(label: String, text: String)]) -> [(label: String, start: Int, end: Int, text: String)] {
        let found = ForeignTextImportTests.offsets(text, items.map(\.text))
        return zip(items, found).map { ($0.label, $1.scalars.lowerBound, $1.scalars.upperBound, $0.text) }
    }

    /// The normalised corpus offsets of `text` (first occurrence).
    static func corpusSegment(_ text: String, _ corpus: SegmentedCorpus) -> SpanSegment {
        let found = ForeignTextImportTests.offsets(corpus.documents[0].document.text, [text])[0].scalars
        return SpanSegment(start: found.lowerBound, end: found.upperBound)
    }

    @Test("Regions counting data.text with CRLF as LF (Label Studio's editor) are placed exactly in the corpus text")
    func regionsCountingLineFeeds() throws {
        let corpus = Self.corpus()
        let shown = Self.raw.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(shown.unicodeScalars.count == Self.raw.unicodeScalars.count - 3)
        let items = [
            ("Speaker", "Mu\u{0308}ller"), ("Cue", "sagte"), ("Claim", "Wir scho\u{0308}n 👍🏽 das."), ("Speaker", "n\u{0308}-Partei"), ("Speaker", "Jürgen"),
        ]
        let path = try ForeignTextImportTests.write("tasks.json", ForeignTextImportTests.tasks(Self.raw, Self.regions(shown, items)))
        let state = try LabelStudioImporter().load(path: path, corpus: corpus, annotator: nil, time: "t").state
        let normalised = ["Müller", "sagte", "Wir schön 👍🏽 das.", "n\u{0308}-Partei", "Jürgen"]
        let anchors = (state.mentions.values.map(\.anchor) + state.cues.values.map(\.anchor) + state.claims.values.map(\.anchor))
        #expect(Set(anchors.map(\.text)) == Set(normalised))
        for anchor in anchors {
            #expect(anchor.segments == [Self.corpusSegment(anchor.text, corpus)], "\(anchor.text)")
        }
    }

    @Test("data.text that is the corpus text with LF as CRLF (NFC, no other difference): LF-counted regions land at the same offsets")
    func crlfOfTheCorpusText() throws {
        let corpus = Self.corpus()
        let text = corpus.documents[0].document.text
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let path = try ForeignTextImportTests.write("tasks.json", ForeignTextImportTests.tasks(crlf, Self.regions(text, [("Claim", "Wir schön 👍🏽 das."), ("Speaker", "Jürgen")])))
        let state = try LabelStudioImporter().load(path: path, corpus: corpus, annotator: nil, time: "t").state
        #expect(state.mentions.values.map(\.anchor.segments) == [[Self.corpusSegment("Jürgen", corpus)]])
        #expect(state.claims.values.map(\.anchor.segments) == [[Self.corpusSegment("Wir schön 👍🏽 das.", corpus)]])
    }

    @Test("Regions counting data.text as written (CRLF) still work, and regions fitting neither count are refused naming task, result and both counts")
    func writtenCountAndNeither() throws {
        let corpus = Self.corpus()
        let written = try ForeignTextImportTests.write("tasks.json", ForeignTextImportTests.tasks(Self.raw, Self.regions(Self.raw, [("Speaker", "Jürgen")])))
        let state = try LabelStudioImporter().load(path: written, corpus: corpus, annotator: nil, time: "t").state
        #expect(state.mentions.values.map(\.anchor.segments) == [[Self.corpusSegment("Jürgen", corpus)]])

        let wrong = try ForeignTextImportTests.write("tasks.json", ForeignTextImportTests.tasks(Self.raw, [("Speaker", 0, 6, "Jürgen")]))
        let problems = importProblems { _ = try LabelStudioImporter().load(path: wrong, corpus: corpus, annotator: nil, time: "t") }
        #expect(problems.count == 1)
        #expect(problems.first?.reason.contains("task 1, result 1: region text 'Jürgen' is not the text at 0–6") == true, "\(problems)")
        #expect(problems.first?.reason.contains("fit neither data.text as written nor with its line ends as LF") == true, "\(problems)")
    }

    @Test("Regions that fit both counts at different places are refused for the task, never placed by a guess")
    func bothCountsFit() throws {
        // "aa" at 5–7 is "aa" in "aaa\r\naaa" (normalised 4–6) and in "aaa\naaa" (normalised 5–7).
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "doc", rawText: "aaa\r\naaa")], paths: ["x"]))
        let path = try ForeignTextImportTests.write("tasks.json", ForeignTextImportTests.tasks("aaa\r\naaa", [("Speaker", 5, 7, "aa")]))
        let problems = importProblems { _ = try LabelStudioImporter().load(path: path, corpus: corpus, annotator: nil, time: "t") }
        #expect(problems.count == 1)
        #expect(problems.first?.reason.contains("task 1: its regions fit data.text both as written") == true, "\(problems)")
    }

    @Test("data.text that differs from the corpus text in more than line ends and normalisation is refused as before")
    func otherTextRefused() throws {
        let corpus = Self.corpus()
        let other = Self.raw.replacingOccurrences(of: "schwieg", with: "schwieg nicht")
        let path = try ForeignTextImportTests.write("tasks.json", ForeignTextImportTests.tasks(other, [("Speaker", 0, 7, "Mu\u{0308}ller")]))
        let problems = importProblems { _ = try LabelStudioImporter().load(path: path, corpus: corpus, annotator: nil, time: "t") }
        #expect(problems.first?.reason.contains("task 1: data.text differs from corpus document 'doc'") == true, "\(problems)")
    }
}
