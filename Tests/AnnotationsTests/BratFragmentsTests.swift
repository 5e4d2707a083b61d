import TestSupport
import Testing
@testable import Annotations

/// brat's fragments found from the document's bytes (the fast path for spans without a line
/// break) must be those of walking the scalars, for text with line breaks, umlauts, „“, emoji and
/// combining marks.
@Suite("brat fragments")
struct BratFragmentsTests {
    @Test("Fragments from the bytes equal fragments from the scalars, for random segments over hostile text")
    func bytesAgreeWithScalars() {
        let text = "Zeile „eins“ 🇪🇺 sagte:\nMu\u{0308}ller 👩‍🔬 erklärte\n\nGrüße – ende.\r\nA\u{301}b\tc 😀\n"
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["test"]))
        let normalised = corpus.documents[0].document.text
        let table = OffsetTable(normalised)
        let bytes = Array(normalised.utf8)
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
            let slow = BratExporter.fragments(span, table: table)
            #expect(BratExporter.fragments(span, table: table, bytes: bytes) == slow, "\(segments)")
            checked += 1
            if slow != segments { cut += 1 }
        }
        #expect(checked > 4_000 && cut > 100)
    }

    @Test("The one-pass scan finds a tab or line feed at every place of a run, and nothing in runs of their neighbours")
    func onePassScan() {
        // 0x08 and 0x0B (the neighbours of tab and line feed), 0x89 and 0x8A (their high-bit twins)
        // and UTF-8 of umlauts and emoji must never count; a tab or line feed anywhere must.
        let filler: [UInt8] = Array("äö😀".utf8) + [0x08, 0x0B, 0x89, 0x8A, 0x19, 0x1A, 0x49, 0x4A, 0xFF, 0x00]
        for length in 0...40 {
            let plain = (0..<length).map { filler[$0 % filler.count] }
            plain.withUnsafeBufferPointer { #expect(length == 0 || !BratExporter.holdsTabOrLineFeed($0.baseAddress!, count: length)) }
            for position in 0..<length {
                for byte: UInt8 in [0x09, 0x0A] {
                    var bytes = plain
                    bytes[position] = byte
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(BratExporter.holdsTabOrLineFeed(buffer.baseAddress!, count: length), "\(length) \(position) \(byte)")
                        // Bytes past `count` are not looked at.
                        #expect(!BratExporter.holdsTabOrLineFeed(buffer.baseAddress!, count: position), "\(length) \(position)")
                    }
                }
            }
        }
    }
}
