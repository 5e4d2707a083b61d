import Foundation
import Testing
@testable import Annotations

/// The review page's text: every annotation opens where its pieces start and is closed and opened
/// again around each boundary inside it (overlapping, nested and discontinuous spans), its first
/// opening focusable and carrying its id, the later ones the same tag without them; the text
/// between the tags is the document's.
@Suite("HTML export: span openings")
struct HTMLSpanOpeningTests {
    /// The `<div class="text">` contents of the page, in order (document by document, session by session).
    static func texts(_ page: String) -> [String] {
        page.components(separatedBy: "<div class=\"text\">").dropFirst().map { $0.components(separatedBy: "</div>")[0] }
    }

    @Test("each span is focusable once, reopened with the same tag, balanced; the text between tags is the document's")
    func openings() throws {
        let bundle = try ExportFixture.bundle()
        let page = HTMLExporter().export(bundle)[0].contents
        let texts = Self.texts(page)
        #expect(texts.count == bundle.documents.count * bundle.sessions.count)
        for (position, text) in texts.enumerated() {
            let document = position / bundle.sessions.count, session = position % bundle.sessions.count
            let spans = bundle.spans[document].filter { $0.session == session }
            let label = bundle.sessions[session].label
            #expect(text.components(separatedBy: "tabindex=\"0\"").count - 1 == spans.count)
            #expect(text.components(separatedBy: "<span ").count == text.components(separatedBy: "</span>").count)
            for span in spans {
                let tag = "<span class=\"a \(span.kind.role)\" data-ann=\"\(label):\(span.id)\""
                let openings = text.components(separatedBy: tag).count - 1
                let first = text.components(separatedBy: " id=\"\(label)-\(span.id)\" tabindex=\"0\"").count - 1
                #expect(first == 1, "\(label):\(span.id)")
                // A span is opened once per piece between boundaries, at least once per segment.
                #expect(openings >= span.segments.filter { $0.start < $0.end }.count, "\(label):\(span.id)")
            }
            // Without its tags (and the separators' breaks) the text is the document's, escaped.
            var plain = "", inTag = false
            for character in text {
                if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { plain.append(character) }
            }
            #expect(plain == ExportText.html(bundle.documents[document].document.text), "\(bundle.documents[document].document.id)")
        }
    }
}
