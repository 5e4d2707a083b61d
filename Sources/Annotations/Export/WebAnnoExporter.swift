/// WebAnno TSV 3.3 for INCEpTION, one file per session and document: `<session>/<document>.tsv`.
///
/// One span layer `webanno.custom.Attribution` with features `annotation` (our id), `role`
/// (speaker, cue, claim) and `speaker` (the canonical speaker id); one relation layer
/// `webanno.custom.AttributionLink` with feature `role` (speaker, addressee, cue) from claim (governor) to
/// mention or cue (dependent; a claim with several speakers has a `speaker` link to each mention, main
/// first, and its `speaker` feature names the main speaker), written on the dependent's first row with the governor's token and
/// both annotation numbers (`1-3[4_7]`). Offsets are UTF-16 code units over the whole document;
/// tokens are cut where a span starts or ends inside one. Discontinuous spans and spans running
/// over a sentence end become one annotation per piece with the same `annotation` value.
/// Every annotation carries a number (`claim[3]`), so stacked and multi-token ones are unambiguous.
struct WebAnnoExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .webanno }

    /// Spans only: WebAnno TSV has no place for stances, notes, speakers without mentions or targets.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts { bundle.counts.keeping() }

    static let spanLayer = "webanno.custom.Attribution"
    static let relationLayer = "webanno.custom.AttributionLink"

    /// The file header.
    static let header = "#FORMAT=WebAnno TSV 3.3\n#T_SP=\(spanLayer)|annotation|role|speaker\n"
        + "#T_RL=\(relationLayer)|role|BT_\(spanLayer)\n\n\n"

    private struct Placed {
        var span: Int
        var segment: Int
        var number: Int
        var sentence: Int
        var firstToken: Int
        var lastToken: Int
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        for (sessionIndex, session) in bundle.sessions.enumerated() {
            let folder = ExportText.fileName(session.label) + "/"
            // Documents are built on all cores and written in order.
            ExportDocumentParts.build(bundle) { documentIndex in
                var file = ExportOutput()
                file.begin("tsv")
                render(bundle, session: sessionIndex, document: documentIndex, to: &file)
                return file.bytes
            } _: { documentIndex, bytes in
                out.begin(folder + bundle.fileNames[documentIndex] + ".tsv")
                out.bytes = bytes
                out.end()
            }
        }
    }

    private func render(_ bundle: ExportBundle, session: Int, document documentIndex: Int, to out: inout ExportOutput) {
        let document = bundle.documents[documentIndex]
        let scalarIndex = bundle.scalarIndex[documentIndex]
        let spans = bundle.spans[documentIndex]
        let bySentence = ExportSentenceSpans(bundle, document: documentIndex)
        // Pass 1: tokens per sentence and the pieces placed on them, numbered in order. Flat arrays
        // for the whole document: sentence s has tokens `tokens[tokenStarts[s]..<tokenStarts[s + 1]]`,
        // token t (counted over the document) the pieces `onToken[onTokenStarts[t]..<onTokenStarts[t + 1]]`.
        var tokens: [ExportToken] = [], tokenStarts = [0]
        // The own-text store of `tokens` (the texts of tokens that are not the document's bytes where they stand).
        var ownText: [UInt8] = []
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
            if scratch.ownText.isEmpty {
                tokens.append(contentsOf: sentenceTokens)
            } else {
                // Texts kept in the sentence's store move to the document's.
                for var token in sentenceTokens {
                    if case .stored(let range) = token.own {
                        let lower = ownText.count
                        ownText.append(contentsOf: scratch.ownText[range])
                        token.own = .stored(lower..<ownText.count)
                    }
                    tokens.append(token)
                }
            }
            tokenStarts.append(tokens.count)
        }
        // Relations on the dependent's first row, in claim order: dependent piece index → (label, governor piece index).
        var relationList: [(dependent: Int, label: UInt8, governor: Int)] = []
        for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim {
            let governor = firstPiece[index]
            guard governor >= 0 else { continue }
            func link(_ target: String, _ label: UInt8) {
                guard let location = bundle.location(session: session, id: target), location.document == documentIndex,
                    case let dependent = firstPiece[location.index], dependent >= 0
                else { return }
                relationList.append((dependent, label, governor))
            }
            for target in span.mentions { link(target, 0) }
            for target in span.addressees { link(target, 1) }
            if let cue = span.cue { link(cue, 2) }
        }
        // Grouped by dependent (each dependent's relations in the order found).
        var relationStarts = [Int](repeating: 0, count: placed.count + 1)
        for relation in relationList { relationStarts[relation.dependent + 1] += 1 }
        for piece in 0..<placed.count { relationStarts[piece + 1] += relationStarts[piece] }
        var relations = [(label: UInt8, governor: Int)](repeating: (0, 0), count: relationList.count)
        var next = relationStarts
        for relation in relationList {
            relations[next[relation.dependent]] = (relation.label, relation.governor)
            next[relation.dependent] += 1
        }
        relationList = []
        let columns = PieceColumns(placed, spans: spans)
        // The file, written through a pointer: room is made once per sentence line and per token
        // line (its columns copied from `columns`), then copied into the file's bytes at once.
        // About 9 bytes of file per byte of text: room made at once, so the buffer is not copied as it grows.
        var file = GrowingByteBuffer(capacity: 10 * bytes.count + 4096)
        file.reserve(Self.headerBytes.count)
        Self.headerBytes.withUnsafeBufferPointer { file.append($0) }
        var links: [(label: UInt8, governor: Int, dependent: Int)] = []
        bytes.withUnsafeBufferPointer { documentBytes in
        tokens.withUnsafeBufferPointer { tokens in
        onToken.withUnsafeBufferPointer { onToken in
        placed.withUnsafeBufferPointer { placed in
        columns.bytes.withUnsafeBufferPointer { columnBytes in
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            var text = sentence.text
            text.withUTF8 { text in
                if Self.isPlain(text) {
                    file.reserve(6 + text.count + 1)
                    file.append("#Text=")
                    file.append(text)
                    file.append(0x0A)
                    return
                }
                ExportControlCharacters.withControlsShown(text) { text in
                    file.reserve(6 + 2 * text.count + 1)
                    file.append("#Text=")
                    Self.appendBackslashEscaped(text, to: &file)
                    file.append(0x0A)
                }
            }
            let first = tokenStarts[sentenceIndex]
            for tokenIndex in 0..<(tokenStarts[sentenceIndex + 1] - first) {
                let token = first + tokenIndex
                let lower = onTokenStarts[token], upper = onTokenStarts[token + 1]
                // The token's text is read in place: in the document's bytes, or in the own-text store.
                let textBytes = tokens[token].isInDocument ? UnsafeBufferPointer(rebasing: documentBytes[tokens[token].utf8]) : nil
                file.reserve(4 * 20 + 4 + 2 * (textBytes?.count ?? 0) + 12)
                file.appendDecimal(sentenceIndex + 1)
                file.append(UInt8(ascii: "-"))
                file.appendDecimal(tokenIndex + 1)
                file.append(0x09)
                file.appendDecimal(scalarIndex.utf16Offset(ofScalar: tokens[token].start))
                file.append(UInt8(ascii: "-"))
                file.appendDecimal(scalarIndex.utf16Offset(ofScalar: tokens[token].end))
                file.append(0x09)
                if let textBytes, Self.isPlain(textBytes) {
                    file.append(textBytes)
                } else if let textBytes {
                    ExportControlCharacters.withControlsShown(textBytes) { shown in
                        // A shown control takes three bytes for one or two: room for them (and the
                        // empty columns after them).
                        if shown.count > textBytes.count { file.reserve(2 * shown.count + 12) }
                        Self.appendBackslashEscaped(shown, to: &file)
                    }
                } else {
                    tokens[token].withText(in: bytes, stored: ownText) { own in
                        ExportControlCharacters.withControlsShown(own) { shown in
                            file.reserve(2 * shown.count + 12)
                            Self.appendBackslashEscaped(shown, to: &file)
                        }
                    }
                }
                if lower == upper {
                    // No span on the token, so no relation either: the five empty columns at once.
                    file.append("\t_\t_\t_\t_\t_\n")
                    continue
                }
                if upper - lower == 1 {
                    // One piece: its three columns at once.
                    let chunk = columns.chunk(onToken[lower])
                    file.reserve(chunk.count)
                    file.append(UnsafeBufferPointer(rebasing: columnBytes[chunk]))
                } else {
                    for column in 0..<3 {
                        file.reserve(1)
                        file.append(0x09)
                        for position in lower..<upper {
                            let value = columns.column(column, of: onToken[position])
                            file.reserve(1 + value.count)
                            if position > lower { file.append(UInt8(ascii: "|")) }
                            file.append(UnsafeBufferPointer(rebasing: columnBytes[value]))
                        }
                    }
                }
                links.removeAll(keepingCapacity: true)
                for position in lower..<upper {
                    let pieceIndex = onToken[position]
                    guard relationStarts[pieceIndex] < relationStarts[pieceIndex + 1], placed[pieceIndex].firstToken == tokenIndex,
                        placed[pieceIndex].sentence == sentenceIndex
                    else { continue }
                    for relation in relations[relationStarts[pieceIndex]..<relationStarts[pieceIndex + 1]] {
                        links.append((relation.label, relation.governor, pieceIndex))
                    }
                }
                if links.isEmpty {
                    file.reserve(5)
                    file.append("\t_\t_\n")
                } else {
                    file.reserve(1 + links.count * (Self.longestLinkLabel + 1))
                    file.append(0x09)
                    for (position, link) in links.enumerated() {
                        if position > 0 { file.append(UInt8(ascii: "|")) }
                        file.append(Self.linkLabels[Int(link.label)])
                    }
                    file.reserve(1 + links.count * (4 * 20 + 5) + 1)
                    file.append(0x09)
                    for (position, link) in links.enumerated() {
                        let governor = placed[link.governor]
                        if position > 0 { file.append(UInt8(ascii: "|")) }
                        file.appendDecimal(governor.sentence + 1)
                        file.append(UInt8(ascii: "-"))
                        file.appendDecimal(governor.firstToken + 1)
                        file.append(UInt8(ascii: "["))
                        file.appendDecimal(governor.number)
                        file.append(UInt8(ascii: "_"))
                        file.appendDecimal(placed[link.dependent].number)
                        file.append(UInt8(ascii: "]"))
                    }
                    file.append(0x0A)
                }
            }
            file.reserve(1)
            file.append(0x0A)
        }
        }
        }
        }
        }
        }
        out.bytes.append(contentsOf: file.bytes)
    }

    /// ``header`` as bytes.
    private static let headerBytes = Array(header.utf8)

    /// The relation labels by number (0, 1, 2), and the longest one's length.
    private static let linkLabels: [StaticString] = ["speaker", "addressee", "cue"]
    private static let longestLinkLabel = 9

    /// Whether `text` is written as it is: it holds no control that is shown
    /// (``ExportControlCharacters/width(_:at:)``: a byte below 0x20, DEL, a C1 control `C2 80`–`C2 9F`)
    /// and nothing a backslash escapes (``ExportOutput/backslashEscape(_:)``: a backslash, tab, LF, CR).
    /// One pass over the bytes for most texts, instead of one for controls and one for escapes; a
    /// text it refuses goes through both rules (`WebAnnoBufferTests` checks it against them).
    @inline(__always)
    static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            if byte < 0x20 || byte == 0x5C || byte == 0x7F { return false }
            // A continuation byte below 0xA0 after C2 makes a C1 control.
            if byte == 0xC2, index + 1 < count, text[index + 1] < 0xA0 { return false }
            index += 1
        }
        return true
    }

    /// Appends `text` as ``ExportOutput/appendBackslashEscaped(_:)`` does (room for twice its
    /// bytes must be made): most texts hold no backslash, tab, CR or LF and are copied at once.
    @inline(__always)
    static func appendBackslashEscaped(_ text: UnsafeBufferPointer<UInt8>, to file: inout GrowingByteBuffer) {
        for byte in text where ExportOutput.backslashEscape(byte) != nil {
            for byte in text {
                if let letter = ExportOutput.backslashEscape(byte) {
                    file.append(0x5C)
                    file.append(letter)
                } else {
                    file.append(byte)
                }
            }
            return
        }
        file.append(text)
    }

    /// The three span columns of each placed piece, written once per document (a piece covers
    /// many tokens): `annotation[n]`, `role[n]` and `speaker[n]` (`*[n]` without a speaker), each
    /// escaped as a WebAnno feature value, stored as `\tannotation[n]\trole[n]\tspeaker[n]`
    /// one piece after another, so a token with one piece copies its columns at once.
    private struct PieceColumns {
        /// The columns of every piece.
        var bytes: [UInt8]
        /// Piece `p`'s chunk starts at `starts[4p]`; its column `c` at `starts[4p + c] + 1`
        /// (after the tab) up to `starts[4p + c + 1]`.
        var starts: [Int]

        init(_ placed: [Placed], spans: [ExportSpan]) {
            var out = ExportOutput()
            var starts: [Int] = []
            starts.reserveCapacity(4 * placed.count + 1)
            for piece in placed {
                func number() {
                    out.append(byte: UInt8(ascii: "["))
                    out.append(piece.number)
                    out.append(byte: UInt8(ascii: "]"))
                }
                // The span's fields are read in place (a copy of the span would retain them all).
                starts.append(out.bytes.count)
                out.append(byte: 0x09)
                out.appendWebAnnoValue(spans[piece.span].id)
                number()
                starts.append(out.bytes.count)
                out.append(byte: 0x09)
                out.append(spans[piece.span].kind.role)
                number()
                starts.append(out.bytes.count)
                out.append(byte: 0x09)
                if let speaker = spans[piece.span].speaker { out.appendWebAnnoValue(speaker) } else { out.append(byte: UInt8(ascii: "*")) }
                number()
                starts.append(out.bytes.count)
            }
            bytes = out.bytes
            self.starts = starts
        }

        /// Piece `piece`'s three columns with the tab before each.
        @inline(__always)
        func chunk(_ piece: Int) -> Range<Int> { starts[4 * piece]..<starts[4 * piece + 3] }

        /// Piece `piece`'s column `column` without the tab before it.
        @inline(__always)
        func column(_ column: Int, of piece: Int) -> Range<Int> { (starts[4 * piece + column] + 1)..<starts[4 * piece + column + 1] }
    }
}
