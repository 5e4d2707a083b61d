import Foundation
import Testing
@testable import Annotations

/// A line separator (U+2028) or paragraph separator (U+2029) in a document's text showed on the
/// review page as neither a break nor a mark (Chromium draws a space at most). It stays in the text
/// now, set in a `<span>` whose style adds the line or paragraph break after it, so the page reads
/// as the text is broken and its text content is still the document's, scalar for scalar.
@Suite("HTML export: line and paragraph separators show as breaks")
struct HTMLSeparatorTests {
    static let text = "Rutte sagte:\u{2028}„Wir handeln.“\u{2029}Peskow widersprach:\u{2028}„Nein.“"

    static func bundle() throws -> ExportBundle {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "sep\u{2028}id", rawText: text)], paths: ["fixture"]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        let scalars = Array(text.unicodeScalars)
        let first = scalars.firstIndex(of: "\u{2028}")!
        let document = builder.document("sep\u{2028}id")!
        // A claim over the line separator (cue and quote), one over the paragraph separator.
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Mark\u{2028}Rutte"))), time: "t")
        let claim = try builder.anchor(
            document: "sep\u{2028}id", sentence: ExportBundle.sentence(containing: 6, in: document),
            segments: [SpanSegment(start: 6, end: first + 15)], allowFollowingSentences: true)
        try session.perform(.add(.claim(Claim(id: "C1", anchor: claim, speaker: "S1"))), time: "t")
        let paragraph = scalars.firstIndex(of: "\u{2029}")!
        let across = try builder.anchor(
            document: "sep\u{2028}id", sentence: ExportBundle.sentence(containing: paragraph - 2, in: document),
            segments: [SpanSegment(start: paragraph - 2, end: paragraph + 7)], allowFollowingSentences: true)
        try session.perform(.add(.claim(Claim(id: "C2", anchor: across, speaker: "S1"))), time: "t")
        return try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
    }

    static func page() throws -> String {
        String(decoding: try #require(ExportFormat.html.exporter.export(try bundle()).first?.bytes), as: UTF8.self)
    }

    /// The text of `html` between `<div class="text">` and its `</div>`, tags removed, entities decoded.
    static func textContent(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<div class=\"text\">")).upperBound
        let end = try #require(html.range(of: "</div>", range: start..<html.endIndex)).lowerBound
        let inner = html[start..<end].replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return inner.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("the document text keeps every separator, each in a span the style breaks after; attributes are unchanged")
    func markup() throws {
        let page = try Self.page()
        #expect(try Self.textContent(page) == Self.text)
        #expect(page.contains("sagte:<span class=\"ls\">\u{2028}</span>"))
        #expect(page.contains("<span class=\"ps\">\u{2029}</span>"))
        #expect(page.contains(".ls::after{content:\"\\A\";white-space:pre}.ps::after{content:\"\\A\\A\";white-space:pre}"))
        // Attributes cannot hold elements: the pop-up text keeps the separator as it is.
        #expect(page.contains("speaker: Mark\u{2028}Rutte (S1)"))
        #expect(!page.contains("title=\"Claim C1; speaker: Mark<span"))
        // Names and ids in headings and tables too.
        #expect(page.contains("<h2>sep<span class=\"ls\">\u{2028}</span>id</h2>"))
        #expect(page.contains("<th rowspan=\"2\">Mark<span class=\"ls\">\u{2028}</span>Rutte</th>"))
    }

    @Test("element text: separators in a span, bidi isolation kept around them, text without them unchanged")
    func content() {
        #expect(ExportText.htmlContent("a\u{2028}b\u{2029}c") == "a<span class=\"ls\">\u{2028}</span>b<span class=\"ps\">\u{2029}</span>c")
        #expect(ExportText.htmlIsolated("a\u{202E}b\u{2028}c") == "<bdi>a\u{202E}b<span class=\"ls\">\u{2028}</span>c</bdi>")
        #expect(ExportText.htmlContent("Müller – „x“ <b>") == ExportText.html("Müller – „x“ <b>"))
        #expect(ExportText.html("a\u{2028}b") == "a\u{2028}b")
    }

    @Test("Chromium lays each separator out as a line or paragraph break",
          .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to lay the page out in Chromium"))
    func chromium() async throws {
        let folder = TestCorpus.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ExportWriter(folder: folder + "/html").write(ExportFormat.html.exporter.export(try Self.bundle()))
        let expected = folder + "/expected.json"
        try Data(JSONValue.object([("separators", .int(3))]).pretty().utf8).write(to: URL(fileURLWithPath: expected))
        let result = try await ConsumerPython.run("check_html_breaks.py", [folder + "/html/review.html", expected])
        #expect(result.status == 0, "\(result.output)")
    }
}
