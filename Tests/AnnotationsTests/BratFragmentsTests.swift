import TestSupport
import Testing
@testable import Annotations

/// brat's fragments found from the document's bytes (the fast path for spans without a line
/// break) must be those of walking the scalars, for text with line breaks, umlauts, „“, emoji and
/// combining marks.
@Suite("brat fragments")
struct BratFragmentsTests {
    @Test("Fragments from the bytes and the scalar index equal fragments from the scalars, for random segments over hostile text")
    func bytesAgreeWithScalars() {
        let text = "Zeile „eins“ 🇪🇺 sagte:\nMu\u{0308}ller 👩‍🔬 erklärte\n\nGrüße – ende.\r\nA\u{301}b\tc 😀\n"
            + "Café\u{2028}zwei\u{85}drei\u{B}vier\u{1D}fünf\u{2029}sechs ą¨…\n"
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["test"]))
        let normalised = corpus.documents[0].document.text
        let table = OffsetTable(normalised)
        let bytes = Array(normalised.utf8)
        let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
        var random = SplitMix64(seed: 7)
        var checked = 0, cut = 0
        for _ in 0..<5_000 {
            var segments: [SpanSegment] = []
            var position = Int.random(in: 0..<table.scalarCount, using: &random)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                guard position < table.scalarCount else { break }
                let end = min(table.scalarCount, position + Int.random(in: 0...12, using: &random))
                segments.append(SpanSegment(start: position, end: end))
                position = end + Int.random(in: 1...4, using: &random)
            }
            guard !segments.isEmpty else { continue }
            let span = ExportSpan(kind: .claim, id: "C1", session: 0, document: 0, sentence: 0, segments: segments, annotator: "a")
            let slow = Self.fragments(span, table: table)
            #expect(BratExporter.fragments(span, index: index, bytes: bytes) == slow, "\(segments)")
            checked += 1
            if slow != segments { cut += 1 }
        }
        #expect(checked > 4_000 && cut > 100)
    }

    /// The fragments by walking the document's scalars one by one (the reference).
    static func fragments(_ span: ExportSpan, table: OffsetTable) -> [SpanSegment] {
        var result: [SpanSegment] = []
        for segment in span.segments {
            var start = segment.start
            for offset in segment.start..<segment.end where ExportText.breaksLine(table.scalars[offset]) {
                if offset > start { result.append(SpanSegment(start: start, end: offset)) }
                start = offset + 1
            }
            if segment.end > start { result.append(SpanSegment(start: start, end: segment.end)) }
        }
        return result
    }

    @Test("The one-pass scan finds a tab or line break (every line boundary of Python's splitlines) at every place of a run, and nothing else")
    func onePassScan() {
        // Neighbours of the boundaries (0x08, 0x0E, 0x1B, 0x1F), and 0x85, 0xA8, 0xA9 as continuation
        // bytes of other characters (ą is C4 85, é is C3 A9, ¨ is C2 A8, … is E2 80 A6), umlauts and emoji.
        let filler = "äą😀é¨…\u{8}\u{E}\u{1B}\u{1F}x\u{0}"
        let breaks: [Unicode.Scalar] = ["\t", "\n", "\u{B}", "\u{C}", "\r", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
        #expect(breaks.allSatisfy(ExportText.breaksLine))
        let scalars = Array(filler.unicodeScalars)
        for length in 0...24 {
            let plain = (0..<length).map { scalars[$0 % scalars.count] }
            let plainBytes = Array(String(String.UnicodeScalarView(plain)).utf8)
            plainBytes.withUnsafeBufferPointer { #expect(length == 0 || BratExporter.crossesNoLineBreak($0.baseAddress!, count: $0.count, from: 0, scalars: length)) }
            for position in 0..<length {
                for scalar in breaks {
                    var text = plain
                    text[position] = scalar
                    let before = Array(String(String.UnicodeScalarView(text[..<position])).utf8).count
                    let bytes = Array(String(String.UnicodeScalarView(text)).utf8)
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(!BratExporter.crossesNoLineBreak(buffer.baseAddress!, count: buffer.count, from: 0, scalars: length), "\(length) \(position) \(scalar.value)")
                        // Scalars past those asked for are not looked at.
                        #expect(BratExporter.crossesNoLineBreak(buffer.baseAddress!, count: buffer.count, from: 0, scalars: position), "\(length) \(position)")
                        // Nor scalars before the start.
                        #expect(BratExporter.crossesNoLineBreak(buffer.baseAddress!, count: buffer.count, from: before + Array(String(scalar).utf8).count, scalars: length - position - 1), "\(length) \(position)")
                    }
                }
            }
        }
    }
}
