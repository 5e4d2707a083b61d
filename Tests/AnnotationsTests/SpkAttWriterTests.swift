import Foundation
import Testing
@testable import Annotations

/// The SpkAtt export's writer straight into bytes (``SpkAttDocumentWriter``) writes exactly what the
/// shared-task document (``SpkAttExporter/document(_:document:session:)``) writes as JSON.
@Suite("SpkAtt writer")
struct SpkAttWriterTests {
    /// Each document of each session of `bundle`, by both paths.
    static func expectSame(_ bundle: ExportBundle) {
        var writer = SpkAttDocumentWriter()
        for session in bundle.sessions.indices {
            for document in bundle.documents.indices {
                var expected: [UInt8] = []
                SpkAttExporter().document(bundle, document: document, session: session).appendJSON(to: &expected)
                var written: [UInt8] = []
                // One writer for every document, as its storage is reused.
                writer.append(bundle, document: document, session: session, to: &written)
                #expect(written == expected, "\(String(decoding: written, as: UTF8.self))")
            }
        }
    }

    @Test("pre-tokenized documents with frames, nesting, addressees and several sources: the same bytes")
    func pretokenized() throws {
        let folder = try SpkAttTests.folder(["doc 1": SpkAttTests.fixture, "doc 2": SpkAttTests.fixture])
        let (corpus, session) = try SpkAttTests.load(folder)
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "spkatt", annotator: "spkatt", state: session.state)])
        Self.expectSame(bundle)
        #expect(SpkAttExporter().writtenCounts(bundle) == Self.countsBySets(bundle))
    }

    /// The counts as the export counted them before it marked places in flat arrays: claims,
    /// distinct mentions (by their place) and cue ids per session, in sets.
    static func countsBySets(_ bundle: ExportBundle) -> ExportCounts {
        var counts = ExportCounts()
        for session in bundle.sessions.indices {
            var mentions = Set<Int>(), cues = Set<String>()
            for list in bundle.spans {
                for span in list where span.session == session && span.kind == .claim {
                    counts.claims += 1
                    if let cue = span.cue { cues.insert(cue) }
                    let ids = SpkAttExporter.sourceIDs(span) + SpkAttExporter.addresseeIDs(span)
                    for id in ids {
                        if let location = bundle.location(session: session, id: id) { mentions.insert(location.document << 32 | location.index) }
                    }
                }
            }
            counts.mentions += mentions.count
            counts.cues += cues.count
        }
        return counts
    }

    @Test("the counts of the summary: claims, each mention and cue once per session, as sets count them")
    func counts() throws {
        for bundle in [try ExportFixture.bundle(), try HostileExportFixture.bundle()] {
            let counts = SpkAttExporter().writtenCounts(bundle)
            #expect(counts == Self.countsBySets(bundle))
            #expect(counts.claims > 0 && counts.mentions > 0 && counts.cues > 0)
        }
    }

    @Test("segmented documents of two sessions, claims over sentence ends and multi-speaker claims: the same bytes")
    func segmented() throws {
        Self.expectSame(try ExportFixture.bundle())
    }

    @Test("hostile texts (markup, bidi controls, NUL, quotes) and names: the same bytes")
    func hostile() throws {
        Self.expectSame(try HostileExportFixture.bundle())
    }

    @Test("a sentence's token texts copied at once are what the string writer writes token by token")
    func plainTexts() {
        let texts = ["Sie", "sagte", "„", "Öl", "👍🏽", "e\u{301}r", "tagesschau.de", "…", "\u{2009}x", "\u{A0}"]
        let refused = ["\"", "a\\b", "\u{7F}", "\u{80}", "x\u{9F}", "\u{2028}", "\u{2029}", "\t", "\u{0}"]
        for list in [texts, [], ["eins"], texts + [refused[0]], [refused[5]] + texts] + refused.map({ [$0] }) {
            let document = Array(list.joined(separator: " ").utf8)
            var tokens: [ExportToken] = [], offset = 0
            for text in list {
                tokens.append(ExportToken(start: 0, end: 0, spaceAfter: true, utf8: offset..<(offset + text.utf8.count)))
                offset += text.utf8.count + 1
            }
            var written = Array("[".utf8)
            let copied = tokens.withUnsafeBufferPointer { tokens in
                document.withUnsafeBufferPointer { SpkAttDocumentWriter.appendPlainTexts(of: tokens, in: $0, to: &written) }
            }
            var expected = Array("[".utf8)
            for (index, text) in list.enumerated() {
                if index > 0 { expected.append(UInt8(ascii: ",")) }
                JSONValue.appendString(text, to: &expected)
            }
            let needsEscape = list.contains { JSONValue.needsEscaping($0) }
            #expect(copied == !needsEscape, "\(list)")
            #expect(written == (copied ? expected : Array("[".utf8)), "\(list)")
        }
    }

    @Test("numbers are written as String(_:) writes them")
    func numbers() {
        for number in [0, 1, 9, 10, 11, 99, 100, 12_345, 1_000_000, Int.max, -1, -10, Int.min] {
            var bytes: [UInt8] = []
            ExportOutput.appendDecimal(number, to: &bytes)
            #expect(bytes == Array(String(number).utf8))
        }
    }
}
