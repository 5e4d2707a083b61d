import Foundation
import Testing
@testable import Annotations

/// WebAnno TSV files are written through one byte buffer per document, each span piece's three
/// columns made once per document and copied per token: the files equal, byte for byte, those of
/// the plain writer this replaced (kept here as ``PlainWebAnno``), on fixtures with stacked,
/// discontinuous and multi-sentence spans, several speakers, addressees, escapes in texts and ids.
@Suite("WebAnno files through the byte buffer")
struct WebAnnoBufferTests {
    static func compare(_ bundle: ExportBundle) {
        var files = WebAnnoExporter().export(bundle).makeIterator()
        for session in bundle.sessions.indices {
            for document in bundle.documents.indices {
                var plain = ExportOutput()
                PlainWebAnno.render(bundle, session: session, document: document, to: &plain)
                guard let file = files.next() else {
                    Issue.record("no file for session \(session), document \(document)")
                    return
                }
                #expect(file.bytes == plain.bytes, "\(file.path)")
                #expect(!plain.bytes.isEmpty)
            }
        }
        #expect(files.next()?.path == nil)
    }

    @Test("the two-session fixture (stacked, discontinuous, multi-sentence spans, relations)")
    func fixture() throws { Self.compare(try ExportFixture.bundle()) }

    @Test("the hostile fixture (markup, bidi controls, escapes in texts and ids)")
    func hostile() throws { Self.compare(try HostileExportFixture.bundle()) }

    @Test("claims with several speakers and an addressee")
    func multiSpeaker() throws { Self.compare(try MultiSpeakerClaimTests.bundle(try MultiSpeakerClaimTests.session().state)) }

    @Test("backslash escaping through the buffer equals ExportOutput's")
    func escaping() {
        for text in ExportTokenLineBytesTests.texts + ["a\\b", "\t", "x\r\ny\\", "\\\\"] {
            var expected = ExportOutput()
            expected.appendBackslashEscaped(text)
            var buffer = GrowingByteBuffer(capacity: 8)
            var copy = text
            copy.withUTF8 { utf8 in
                buffer.reserve(2 * utf8.count)
                WebAnnoExporter.appendBackslashEscaped(utf8, to: &buffer)
            }
            #expect(Array(buffer.bytes) == expected.bytes, "\(text.debugDescription)")
        }
    }

    @Test("a text written as it is is what showing its controls and escaping it gives")
    func plainTexts() {
        // Every byte alone (each well-formed or not), a C1 control, and texts with and without.
        let texts: [[UInt8]] = (0...255).map { [UInt8($0)] } + [[0xC2, 0x9B], [0xC2, 0xA0]]
            + (ExportTokenLineBytesTests.texts + ["Öl „Zitat“ 👍🏽", "a\\b", "x\u{1B}[31m", "\u{7F}"]).map { Array($0.utf8) }
        for text in texts {
            var expected: [UInt8] = []
            text.withUnsafeBufferPointer { text in
                ExportControlCharacters.withControlsShown(text) { shown in
                    var buffer = GrowingByteBuffer(capacity: 8)
                    buffer.reserve(2 * shown.count)
                    WebAnnoExporter.appendBackslashEscaped(shown, to: &buffer)
                    expected = Array(buffer.bytes)
                }
            }
            // Written as it is exactly when the two rules leave it as it is.
            let plain = text.withUnsafeBufferPointer { WebAnnoExporter.isPlain($0) }
            #expect(plain == (expected == text), "\(text)")
        }
        for text in ["Öl „Zitat“ 👍🏽", "«20 °C» § 3\u{A0}b"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { WebAnnoExporter.isPlain($0) }, "\(text)")
        }
    }
}

/// The plain WebAnno writer the buffered one replaced, as it was: each value appended to an
/// ``ExportOutput`` token by token.
private enum PlainWebAnno {
    private struct Placed {
        var span: Int
        var segment: Int
        var number: Int
        var sentence: Int
        var firstToken: Int
        var lastToken: Int
    }

    static func render(_ bundle: ExportBundle, session: Int, document documentIndex: Int, to out: inout ExportOutput) {
        let document = bundle.documents[documentIndex]
        let scalarIndex = bundle.scalarIndex[documentIndex]
        let spans = bundle.spans[documentIndex]
        let bySentence = ExportSentenceSpans(bundle, document: documentIndex)
        // Pass 1: tokens per sentence and the pieces placed on them, numbered in order. Flat arrays
        // for the whole document: sentence s has tokens `tokens[tokenStarts[s]..<tokenStarts[s + 1]]`,
        // token t (counted over the document) the pieces `onToken[onTokenStarts[t]..<onTokenStarts[t + 1]]`.
        var tokens: [ExportToken] = [], tokenStarts = [0]
        var onToken: [Int] = [], onTokenStarts = [0]
        var placed: [Placed] = []
        var firstPiece = [Int](repeating: -1, count: spans.count)  // span index → its first placed piece
        let bytes = bundle.bytes[documentIndex]
        // Reused from sentence to sentence.
        var scratch = ExportTokens.Scratch(), sentenceTokens: [ExportToken] = [], pieces: [ExportTokens.Piece] = [], cuts: [Int] = []
        var marks: [(token: Int, piece: Int)] = [], counts: [Int] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            ExportTokens.pieces(in: bundle, document: documentIndex, sentence: sentence, from: bySentence[sentenceIndex], session: session, into: &pieces)
            cuts.removeAll(keepingCapacity: true)
            for piece in pieces { cuts.append(piece.range.start); cuts.append(piece.range.end) }
            ExportTokens.tokens(of: sentence, index: scalarIndex, bytes: bytes, scratch: &scratch, splittingAt: cuts, into: &sentenceTokens)
            marks.removeAll(keepingCapacity: true)
            for piece in pieces {
                guard let range = ExportTokens.tokenRange(sentenceTokens, piece.range) else { continue }
                let item = Placed(
                    span: piece.span, segment: piece.segment, number: placed.count + 1, sentence: sentenceIndex,
                    firstToken: range.lowerBound, lastToken: range.upperBound)
                if firstPiece[piece.span] < 0 { firstPiece[piece.span] = placed.count }
                for token in range { marks.append((token, placed.count)) }
                placed.append(item)
            }
            // Each token's pieces in the order placed.
            counts.removeAll(keepingCapacity: true)
            counts.append(contentsOf: repeatElement(0, count: sentenceTokens.count + 1))
            for mark in marks { counts[mark.token + 1] += 1 }
            for token in 0..<sentenceTokens.count { counts[token + 1] += counts[token] }
            let base = onToken.count
            for token in 0..<sentenceTokens.count { onTokenStarts.append(base + counts[token + 1]) }
            onToken.append(contentsOf: repeatElement(0, count: marks.count))
            for mark in marks {
                onToken[base + counts[mark.token]] = mark.piece
                counts[mark.token] += 1
            }
            tokens.append(contentsOf: sentenceTokens)
            tokenStarts.append(tokens.count)
        }
        // Relations on the dependent's first row, in claim order: dependent piece index → (label, governor piece index).
        var relationList: [(dependent: Int, label: String, governor: Int)] = []
        for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim {
            let governor = firstPiece[index]
            guard governor >= 0 else { continue }
            func link(_ target: String, _ label: String) {
                guard let location = bundle.location(session: session, id: target), location.document == documentIndex,
                    case let dependent = firstPiece[location.index], dependent >= 0
                else { return }
                relationList.append((dependent, label, governor))
            }
            for target in span.mentions { link(target, "speaker") }
            for target in span.addressees { link(target, "addressee") }
            if let cue = span.cue { link(cue, "cue") }
        }
        // Grouped by dependent (each dependent's relations in the order found).
        var relationStarts = [Int](repeating: 0, count: placed.count + 1)
        for relation in relationList { relationStarts[relation.dependent + 1] += 1 }
        for piece in 0..<placed.count { relationStarts[piece + 1] += relationStarts[piece] }
        var relations = [(label: String, governor: Int)](repeating: ("", 0), count: relationList.count)
        var next = relationStarts
        for relation in relationList {
            relations[next[relation.dependent]] = (relation.label, relation.governor)
            next[relation.dependent] += 1
        }
        relationList = []
        var links: [(label: String, governor: Int, dependent: Int)] = []
        out.append(WebAnnoExporter.header)
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            out.append("#Text=")
            out.appendBackslashEscaped(ExportControlCharacters.shown(sentence.text))
            out.append(byte: 0x0A)
            let first = tokenStarts[sentenceIndex]
            for tokenIndex in 0..<(tokenStarts[sentenceIndex + 1] - first) {
                // The token's fields are read in place (a copy would retain its own text).
                let (start, end) = tokens.withUnsafeBufferPointer { ($0[first + tokenIndex].start, $0[first + tokenIndex].end) }
                let lower = onTokenStarts[first + tokenIndex], upper = onTokenStarts[first + tokenIndex + 1]
                out.append(sentenceIndex + 1)
                out.append(byte: UInt8(ascii: "-"))
                out.append(tokenIndex + 1)
                out.append(byte: 0x09)
                out.append(scalarIndex.utf16Offset(ofScalar: start))
                out.append(byte: UInt8(ascii: "-"))
                out.append(scalarIndex.utf16Offset(ofScalar: end))
                out.append(byte: 0x09)
                tokens.withUnsafeBufferPointer {
                    $0[first + tokenIndex].withText(in: bytes, stored: []) {
                        out.appendBackslashEscaped(ExportControlCharacters.shown(String(decoding: $0, as: UTF8.self)))
                    }
                }
                if lower == upper {
                    // No span on the token, so no relation either: the five empty columns at once.
                    out.append("\t_\t_\t_\t_\t_\n")
                    continue
                }
                let here = onToken[lower..<upper]
                if here.isEmpty {
                    out.append("\t_\t_\t_")
                } else {
                    for column in 0..<3 {
                        out.append(byte: 0x09)
                        for (position, pieceIndex) in here.enumerated() {
                            let piece = placed[pieceIndex]
                            if position > 0 { out.append(byte: UInt8(ascii: "|")) }
                            // The span's fields are read in place (a copy of the span would retain them all).
                            switch column {
                            case 0: out.appendWebAnnoValue(spans[piece.span].id)
                            case 1: out.append(spans[piece.span].kind.role)
                            default:
                                if let speaker = spans[piece.span].speaker { out.appendWebAnnoValue(speaker) } else { out.append(byte: UInt8(ascii: "*")) }
                            }
                            out.append(byte: UInt8(ascii: "["))
                            out.append(piece.number)
                            out.append(byte: UInt8(ascii: "]"))
                        }
                    }
                }
                links.removeAll(keepingCapacity: true)
                for pieceIndex in here where placed[pieceIndex].firstToken == tokenIndex && placed[pieceIndex].sentence == sentenceIndex {
                    for relation in relations[relationStarts[pieceIndex]..<relationStarts[pieceIndex + 1]] {
                        links.append((relation.label, relation.governor, pieceIndex))
                    }
                }
                if links.isEmpty {
                    out.append("\t_\t_\n")
                } else {
                    out.append(byte: 0x09)
                    for (position, link) in links.enumerated() {
                        if position > 0 { out.append(byte: UInt8(ascii: "|")) }
                        out.append(link.label)
                    }
                    out.append(byte: 0x09)
                    for (position, link) in links.enumerated() {
                        let governor = placed[link.governor]
                        if position > 0 { out.append(byte: UInt8(ascii: "|")) }
                        out.append(governor.sentence + 1)
                        out.append(byte: UInt8(ascii: "-"))
                        out.append(governor.firstToken + 1)
                        out.append(byte: UInt8(ascii: "["))
                        out.append(governor.number)
                        out.append(byte: UInt8(ascii: "_"))
                        out.append(placed[link.dependent].number)
                        out.append(byte: UInt8(ascii: "]"))
                    }
                    out.append(byte: 0x0A)
                }
            }
            out.append(byte: 0x0A)
            out.checkpoint()
        }
    }
}
