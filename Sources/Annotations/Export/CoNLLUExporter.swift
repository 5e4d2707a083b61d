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
        // The BIO tags are one byte each.
        let tags: [UInt8] = [UInt8(ascii: "O"), UInt8(ascii: "B"), UInt8(ascii: "I")]
        let labels = ExportSpan.Kind.allCases.map { Array($0.label.utf8) }
        for (sessionIndex, session) in bundle.sessions.enumerated() {
            let plain = out.begin("\(ExportText.fileName(session.label)).conllu")
            let plus = out.begin("\(ExportText.fileName(session.label)).conllup")
            out.append("# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC \(Self.spanColumn)\n")
            // Documents are built on all cores (both files' parts) and written in order.
            ExportDocumentParts.build(bundle) { documentIndex in
                var out = ExportOutput(), plainPart = ExportOutput()
                // Reused per sentence: BIO per layer (0 O, 1 B, 2 I; first span wins where two of one
                // layer overlap) and the span numbers per token.
                var bio: [[UInt8]] = [[], [], []]
                var numbers: [[Int]] = []
                var numberedSpans: [Int] = []  // number - 1 → span index
                var firstTokens: [Int] = []  // number - 1 → first token
                var block = ExportOutput()
                ExportTokens.forEachSentence(bundle, session: sessionIndex, document: documentIndex) { item in
                    let (sentenceIndex, sentence, tokens, pieces) = (item.sentenceIndex, item.sentence, item.tokens, item.pieces)
                    let document = bundle.documents[item.documentIndex]
                    let scalarCount = bundle.scalarIndex[item.documentIndex].scalarCount
                    let spans = bundle.spans[item.documentIndex]
                    let bytes = bundle.bytes[item.documentIndex]
                    for layer in 0..<3 {
                        bio[layer].removeAll(keepingCapacity: true)
                        bio[layer].append(contentsOf: repeatElement(0, count: tokens.count))
                    }
                    if numbers.count < tokens.count { numbers.append(contentsOf: repeatElement([], count: tokens.count - numbers.count)) }
                    for index in 0..<tokens.count { numbers[index].removeAll(keepingCapacity: true) }
                    numberedSpans.removeAll(keepingCapacity: true)
                    firstTokens.removeAll(keepingCapacity: true)
                    for piece in pieces {
                        guard let range = ExportTokens.tokenRange(tokens, piece.range) else { continue }
                        let layer = spans[piece.span].kind.rawValue
                        if range.allSatisfy({ bio[layer][$0] == 0 }) {
                            for token in range { bio[layer][token] = token == range.lowerBound ? 1 : 2 }
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
                        for token in range where !numbers[token].contains(number) { numbers[token].append(number) }
                    }
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
                    block.appendSingleLine(sentence.text)
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
                    for (index, token) in tokens.enumerated() {
                        let lineStart = block.bytes.count
                        block.append(index + 1)
                        block.append(byte: 0x09)
                        block.append(token, in: bytes)
                        block.append("\t_\t_\t_\t_\t_\t_\t_\t")
                        let nextIsSpace = item.scratch.isWhitespace(at: token.end, scalarCount: scalarCount)
                        if !nextIsSpace { block.append("SpaceAfter=No|") }
                        block.append("Speaker=")
                        block.append(byte: tags[Int(bio[0][index])])
                        block.append("|Cue=")
                        block.append(byte: tags[Int(bio[1][index])])
                        block.append("|Claim=")
                        block.append(byte: tags[Int(bio[2][index])])
                        out.append(block.bytes, from: lineStart, to: block.bytes.count)
                        block.append(byte: 0x0A)
                        out.append(byte: 0x09)
                        if numbers[index].isEmpty {
                            out.append(byte: UInt8(ascii: "*"))
                        } else {
                            for (position, number) in numbers[index].enumerated() {
                                if position > 0 { out.append(byte: UInt8(ascii: ";")) }
                                out.append(number)
                                if firstTokens[number - 1] == index {
                                    out.append(byte: UInt8(ascii: ":"))
                                    out.bytes.append(contentsOf: labels[spans[numberedSpans[number - 1]].kind.rawValue])
                                }
                            }
                        }
                        out.append(byte: 0x0A)
                    }
                    out.append(byte: 0x0A)
                    plainPart.bytes.append(contentsOf: block.bytes)
                    plainPart.append(byte: 0x0A)
                }
                return DocumentPart(plain: plainPart.bytes, plus: out.bytes)
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

    /// One document's sentences in the plain and in the Plus file.
    struct DocumentPart: Sendable {
        var plain: [UInt8]
        var plus: [UInt8]
    }

    static func tag(_ value: UInt8) -> String { value == 1 ? "B" : value == 2 ? "I" : "O" }
}
