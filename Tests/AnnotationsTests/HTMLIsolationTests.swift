import Foundation
import Testing
@testable import Annotations

/// The review page over names, notes, ids and texts holding `</script>`, `<!--`, quotes, a
/// `javascript:` URL, bidi overrides and isolates left open, U+2028/U+2029 and NUL
/// (``HostileExportFixture``), loaded in headless Chromium: nothing runs or loads, Chromium builds
/// exactly the page's elements, every annotation shows its text, and each bidi control's effect
/// ends with its name, note or id (it reordered the rest of headings, the annotator after a
/// session label, the next list item).
@Suite("HTML export: hostile text stays in its element")
struct HTMLIsolationTests {
    /// What the page shows for `text`: control characters (but tab and line feed), C1 controls,
    /// the byte-order mark and noncharacters as U+FFFD, as ``ExportText/html(_:)`` writes them.
    static func shown(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let replaced = (value < 0x20 && value != 9 && value != 10) || (0x7F...0x9F).contains(value) || value == 0xFEFF
                || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            view.append(replaced ? "\u{FFFD}" : scalar)
        }
        return String(view)
    }

    @Test("Chromium: no script, handler, foreign link or comment; the page's own elements; annotation texts exact; bidi controls set in <bdi>",
          .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to load the page in Chromium"))
    func chromium() async throws {
        let bundle = try HostileExportFixture.bundle()
        let folder = TestCorpus.temporaryFolder()
        try ExportWriter(folder: folder + "/html").write(ExportFormat.html.exporter.export(bundle))
        var spans: [(String, JSONValue)] = []
        for (document, list) in bundle.spans.enumerated() {
            for span in list {
                let text = span.segments.map { bundle.text(document: document, $0) }.joined()
                spans.append(("\(bundle.sessions[span.session].label):\(span.id)", .string(Self.shown(text))))
            }
        }
        #expect(spans.count == 8)
        let expected = folder + "/expected.json"
        try Data(JSONValue.object([
            ("spans", .object(spans)),
            ("bidi", .array(InvisibleScalar.bidiControl.scalars.map { .int(Int($0.value)) })),
        ]).pretty().utf8).write(to: URL(fileURLWithPath: expected))
        let result = try await ConsumerPython.run("check_html_isolation.py", [folder + "/html/review.html", expected])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("Names, notes and ids with bidi controls are set in <bdi>; text without them is written as before")
    func bdiOnlyWhereNeeded() throws {
        #expect(ExportText.htmlIsolated("Müller <b>") == "Müller &lt;b&gt;")
        #expect(ExportText.htmlIsolated("a\u{202E}b") == "<bdi>a\u{202E}b</bdi>")
        #expect(ExportText.htmlIsolated("a\u{2067}b\"") == "<bdi>a\u{2067}b&quot;</bdi>")
        let page = String(decoding: try #require(ExportFormat.html.exporter.export(try HostileExportFixture.bundle()).first?.bytes), as: UTF8.self)
        #expect(page.contains("<li><a href=\"#doc-0\"><bdi>T: &lt;/script&gt;"))
        #expect(page.contains("sessions: <bdi>anna\u{202E}gnal\u{2067}</bdi> (<bdi>anna\u{202E}gnal\u{2067}&quot;</bdi>)"))
        #expect(!page.contains("<script"))
    }

    @Test("A bidi control is found on the bytes exactly where the text's scalars hold one", arguments: [0x2000, 0x2060, 0x2100])
    func bidiControlOnBytes(from first: Int) {
        // Every scalar of the block (the three-byte ones starting with E2 among them), alone, between
        // German quotation marks and after a two-byte letter.
        for value in first..<first + 0x80 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "„\(scalar)“", "ü\(scalar)x", "„a“ \(scalar)"] {
                let expected = text.unicodeScalars.contains(where: InvisibleScalar.isBidiControl)
                var copy = text
                let found = copy.withUTF8 { ExportOutput.holdsBidiControl($0) }
                #expect(found == expected, "U+\(String(value, radix: 16, uppercase: true)) in \(text.debugDescription)")
            }
        }
        var quotes = "„Wir müssen handeln.“ – so “er”"
        #expect(!quotes.withUTF8 { ExportOutput.holdsBidiControl($0) })
    }
}
