/// CoNLL-U, one pair of files per session: `<session>.conllu` (the 10 standard columns; spans in
/// MISC as one BIO tag per layer, `Speaker=B|Cue=O|Claim=I`; `SpaceAfter=No` so the text can be
/// rebuilt) and `<session>.conllup` (CoNLL-U Plus with an extra `WORKBENCH:SPANS` column holding
/// PARSEME-style span numbers, `1:Claim;2`, so overlapping and discontinuous spans are kept; a
/// `# spans = 1:C1 2:M1` comment maps the numbers to annotation ids). Sentences carry
/// `# newdoc id`, `# sent_id` (`document#index`; in the id a backslash, tab, CR or LF is escaped as
/// `\\`, `\t`, `\r`, `\n`, and other whitespace at its start or end, which readers strip, as
/// `\u0020`, so two documents never share a sent_id: ``ExportOutput/appendCoNLLUID(_:)``) and `# text`. MISC keeps only the first span of a
/// layer where two of the same layer overlap; the `.conllup` file keeps all.
struct CoNLLUExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .conllu }

    /// Spans only: CoNLL-U has no place for stances, notes, speakers without mentions or targets.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts { bundle.counts.keeping() }

    /// The extra column of the CoNLL-U Plus file.
    static let spanColumn = "WORKBENCH:SPANS"

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        let endings = LineEndings()
        let labels = ExportSpan.Kind.allCases.map { Array($0.label.utf8) }
        for (sessionIndex, session) in bundle.sessions.enumerated() {
            let plain = out.begin("\(ExportText.fileName(session.label)).conllu")
            let plus = out.begin("\(ExportText.fileName(session.label)).conllup")
            out.append("# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC \(Self.spanColumn)\n")
            // Documents are built on all cores (both files' parts) and written in order.
            ExportDocumentParts.build(bundle) { documentIndex in
                document(bundle, session: sessionIndex, document: documentIndex, endings: endings, labels: labels)
            } _: { _, part in
                out.appendPart(part.plus)
                out.select(plain)
                out.appendPart(part.plain)
                out.select(plus)
            }
            out.select(plain)
            out.end()
            out.select(plus)
            out.end()
        }
    }

    /// What follows a token's text on its line up to the end of MISC, by ending index
    /// (``LineEndings/index(spaceAfter:code:)``): the seven empty columns, `SpaceAfter=No|` where no
    /// whitespace follows, and the BIO tag of each layer; as bytes in one buffer.
    struct LineEndings: Sendable {
        let bytes: [UInt8]
        let ranges: [Range<Int>]
        /// What one layer's tag adds to a token's code: `code = speaker × 9 + cue × 3 + claim`,
        /// each 0 (O), 1 (B) or 2 (I).
        static let weights = [9, 3, 1]

        init() {
            var bytes: [UInt8] = [], ranges: [Range<Int>] = []
            for spaceAfter in [true, false] {
                for code in 0..<27 {
                    let start = bytes.count
                    bytes.append(contentsOf: "\t_\t_\t_\t_\t_\t_\t_\t".utf8)
                    if !spaceAfter { bytes.append(contentsOf: "SpaceAfter=No|".utf8) }
                    bytes.append(contentsOf: "Speaker=\(CoNLLUExporter.tag(UInt8(code / 9)))".utf8)
                    bytes.append(contentsOf: "|Cue=\(CoNLLUExporter.tag(UInt8(code / 3 % 3)))".utf8)
                    bytes.append(contentsOf: "|Claim=\(CoNLLUExporter.tag(UInt8(code % 3)))".utf8)
                    ranges.append(start..<bytes.count)
                }
            }
            self.bytes = bytes
            self.ranges = ranges
        }

        /// The index of the ending of a token with tag code `code`.
        @inline(__always)
        static func index(spaceAfter: Bool, code: UInt8) -> Int { (spaceAfter ? 0 : 27) + Int(code) }
    }

    /// One document's sentences for one session, in both files.
    private func document(
        _ bundle: ExportBundle, session sessionIndex: Int, document documentIndex: Int, endings: LineEndings, labels: [[UInt8]]
    ) -> DocumentPart {
        var out = ExportOutput(), plainPart = ExportOutput()
        let document = bundle.documents[documentIndex]
        let spans = bundle.spans[documentIndex]
        let bytes = bundle.bytes[documentIndex]
        // A token line takes about eight bytes per byte of text: room made at once in both parts,
        // so they are not copied as they grow.
        out.bytes.reserveCapacity(10 * bytes.count + 1024)
        plainPart.bytes.reserveCapacity(10 * bytes.count + 1024)
        let scalarCount = bundle.scalarIndex[documentIndex].scalarCount
        // Reused per sentence: each token's tag code (see ``LineEndings/weights``; first span wins
        // where two of one layer overlap), the span numbers on the tokens as (token, number) marks
        // in the order placed, then grouped by token.
        var codes: [UInt8] = []
        var marks: [(token: Int, number: Int)] = []
        var numbers: [Int] = [], numberStarts: [Int] = []
        var numberedSpans: [Int] = []  // number - 1 → span index
        var firstTokens: [Int] = []  // number - 1 → first token
        var block = ExportOutput()
        var plainLines = GrowingByteBuffer(capacity: 1 << 14), plusLines = GrowingByteBuffer(capacity: 1 << 14)
        let longestLabel = labels.map(\.count).max() ?? 0
        bytes.withUnsafeBufferPointer { documentBytes in
        endings.bytes.withUnsafeBufferPointer { endingBytes in
        ExportTokens.forEachSentence(bundle, session: sessionIndex, document: documentIndex) { item in
            let (sentenceIndex, sentence, tokens, pieces) = (item.sentenceIndex, item.sentence, item.tokens, item.pieces)
            codes.removeAll(keepingCapacity: true)
            codes.append(contentsOf: repeatElement(0, count: tokens.count))
            marks.removeAll(keepingCapacity: true)
            numberedSpans.removeAll(keepingCapacity: true)
            firstTokens.removeAll(keepingCapacity: true)
            for piece in pieces {
                guard let range = ExportTokens.tokenRange(tokens, piece.range) else { continue }
                let weight = UInt8(LineEndings.weights[spans[piece.span].kind.rawValue])
                if range.allSatisfy({ codes[$0] / weight % 3 == 0 }) {
                    for token in range { codes[token] += token == range.lowerBound ? weight : 2 * weight }
                }
                let number: Int
                if let existing = numberedSpans.firstIndex(of: piece.span) {
                    number = existing + 1
                    firstTokens[existing] = min(firstTokens[existing], range.lowerBound)
                } else {
                    numberedSpans.append(piece.span)
                    firstTokens.append(range.lowerBound)
                    number = numberedSpans.count
                }
                for token in range { marks.append((token, number)) }
            }
            // Each token's numbers in the order placed (a number placed on a token twice is written once).
            numberStarts.removeAll(keepingCapacity: true)
            numberStarts.append(contentsOf: repeatElement(0, count: tokens.count + 1))
            for mark in marks { numberStarts[mark.token + 1] += 1 }
            for token in 0..<tokens.count { numberStarts[token + 1] += numberStarts[token] }
            numbers.removeAll(keepingCapacity: true)
            numbers.append(contentsOf: repeatElement(0, count: marks.count))
            for mark in marks {
                numbers[numberStarts[mark.token]] = mark.number
                numberStarts[mark.token] += 1
            }
            // `numberStarts[t]` is now the end of token t's numbers (and the start of token t + 1's).
            // The sentence in the plain file: built here, copied over once the sentence is done.
            block.bytes.removeAll(keepingCapacity: true)
            if sentenceIndex == 0 {
                block.append("# newdoc id = ")
                block.appendCoNLLUID(document.document.id)
                block.append(byte: 0x0A)
            }
            block.append("# sent_id = ")
            block.appendCoNLLUID(document.document.id)
            block.append(byte: UInt8(ascii: "#"))
            block.append(sentenceIndex)
            block.append("\n# text = ")
            let textStart = block.bytes.count
            block.appendSingleLine(sentence.text)
            ExportControlCharacters.show(&block.bytes, from: textStart)
            block.append(byte: 0x0A)
            out.bytes.append(contentsOf: block.bytes)
            out.append("# spans = ")
            for (position, span) in numberedSpans.enumerated() {
                if position > 0 { out.append(byte: 0x20) }
                out.append(position + 1)
                out.append(byte: UInt8(ascii: ":"))
                out.append(spans[span].id)
            }
            out.append(byte: 0x0A)
            // The token lines of both files, written through pointers (room made once per token
            // and per span number) and copied on at once.
            plainLines.removeAll()
            plusLines.removeAll()
            tokens.withUnsafeBufferPointer { tokenList in
                for index in tokenList.indices {
                    let spaceAfter = item.scratch.isWhitespace(at: tokenList[index].end, scalarCount: scalarCount)
                    let ending = UnsafeBufferPointer(rebasing: endingBytes[endings.ranges[LineEndings.index(spaceAfter: spaceAfter, code: codes[index])]])
                    if tokenList[index].isInDocument {
                        ExportControlCharacters.withControlsShown(UnsafeBufferPointer(rebasing: documentBytes[tokenList[index].utf8])) {
                            Self.writeLine($0, number: index + 1, ending: ending, plain: &plainLines, plus: &plusLines)
                        }
                    } else {
                        tokenList[index].withText(in: bytes, stored: item.scratch.ownText) {
                            ExportControlCharacters.withControlsShown($0) {
                                Self.writeLine($0, number: index + 1, ending: ending, plain: &plainLines, plus: &plusLines)
                            }
                        }
                    }
                    let first = index == 0 ? 0 : numberStarts[index - 1], end = numberStarts[index]
                    if first == end {
                        plusLines.append(UInt8(ascii: "*"))
                    } else {
                        for position in first..<end {
                            let number = numbers[position]
                            if numbers[first..<position].contains(number) { continue }
                            plusLines.reserve(1 + 20 + 1 + longestLabel)
                            if position > first { plusLines.append(UInt8(ascii: ";")) }
                            plusLines.appendDecimal(number)
                            if firstTokens[number - 1] == index {
                                plusLines.append(UInt8(ascii: ":"))
                                labels[spans[numberedSpans[number - 1]].kind.rawValue].withUnsafeBufferPointer { plusLines.append($0) }
                            }
                        }
                    }
                    plusLines.reserve(1)
                    plusLines.append(0x0A)
                }
            }
            out.bytes.append(contentsOf: plusLines.bytes)
            out.append(byte: 0x0A)
            plainPart.bytes.append(contentsOf: block.bytes)
            plainPart.bytes.append(contentsOf: plainLines.bytes)
            plainPart.append(byte: 0x0A)
        }
        }
        }
        return DocumentPart(plain: plainPart.bytes, plus: out.bytes)
    }

    /// A token's line in the plain file (number, text, the fixed `ending`, line feed) and the same
    /// line up to MISC and the tab before the span column in the Plus file.
    @inline(__always)
    private static func writeLine(
        _ text: UnsafeBufferPointer<UInt8>, number: Int, ending: UnsafeBufferPointer<UInt8>, plain: inout GrowingByteBuffer,
        plus: inout GrowingByteBuffer
    ) {
        let length = 20 + 1 + text.count + ending.count
        plain.reserve(length + 1)
        // The tab, and the `*` or the first number's room (reserved again per number).
        plus.reserve(length + 3)
        let lineStart = plain.count
        plain.appendDecimal(number)
        plain.append(0x09)
        plain.append(text)
        plain.append(ending)
        plus.append(UnsafeBufferPointer(start: plain.base + lineStart, count: plain.count - lineStart))
        plain.append(0x0A)
        plus.append(0x09)
    }

    /// One document's sentences in the plain and in the Plus file.
    struct DocumentPart: Sendable {
        var plain: [UInt8]
        var plus: [UInt8]
    }

    static func tag(_ value: UInt8) -> String { value == 1 ? "B" : value == 2 ? "I" : "O" }
}
