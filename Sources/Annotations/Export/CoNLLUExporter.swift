/// CoNLL-U, one pair of files per session: `<session>.conllu` (the 10 standard columns; spans in
/// MISC as one BIO tag per layer, `Speaker=B|Cue=O|Claim=I`; `SpaceAfter=No` so the text can be
/// rebuilt) and `<session>.conllup` (CoNLL-U Plus with an extra `WORKBENCH:SPANS` column holding
/// PARSEME-style span numbers, `1:Claim;2`, so overlapping and discontinuous spans are kept; a
/// `# spans = 1:C1 2:M1` comment maps the numbers to annotation ids). Sentences carry
/// `# newdoc id`, `# sent_id` (`document#index`) and `# text`. MISC keeps only the first span of a
/// layer where two of the same layer overlap; the `.conllup` file keeps all.
public struct CoNLLUExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .conllu }

    /// The extra column of the CoNLL-U Plus file.
    public static let spanColumn = "WORKBENCH:SPANS"

    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        var files: [ExportFile] = []
        for (sessionIndex, session) in bundle.sessions.enumerated() {
            var plain = "", plus = "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC \(Self.spanColumn)\n"
            plain.reserveCapacity(1 << 16)
            plus.reserveCapacity(1 << 16)
            ExportTokens.forEachSentence(bundle, session: sessionIndex) { item in
                let (sentenceIndex, sentence, tokens, pieces) = (item.sentenceIndex, item.sentence, item.tokens, item.pieces)
                let document = bundle.documents[item.documentIndex]
                let table = bundle.tables[item.documentIndex]
                let spans = bundle.spans[item.documentIndex]
                // BIO per layer (first span wins where two of one layer overlap).
                var bio = [[UInt8]](repeating: [UInt8](repeating: 0, count: tokens.count), count: 3)  // 0 O, 1 B, 2 I
                // Span numbers per token.
                var numbers = [[Int]](repeating: [], count: tokens.count)
                var spanNumber: [Int: Int] = [:]
                var firstToken: [Int: Int] = [:]
                var labels: [Int: String] = [:]
                var mapping: [String] = []
                for piece in pieces {
                    guard let range = ExportTokens.tokenRange(tokens, piece.range) else { continue }
                    let span = spans[piece.span]
                    let layer = span.kind.rawValue
                    if range.allSatisfy({ bio[layer][$0] == 0 }) {
                        for token in range { bio[layer][token] = token == range.lowerBound ? 1 : 2 }
                    }
                    let number: Int
                    if let existing = spanNumber[piece.span] {
                        number = existing
                    } else {
                        number = spanNumber.count + 1
                        spanNumber[piece.span] = number
                        labels[number] = span.kind.label
                        mapping.append("\(number):\(span.id)")
                    }
                    firstToken[number] = min(firstToken[number] ?? range.lowerBound, range.lowerBound)
                    for token in range where !numbers[token].contains(number) { numbers[token].append(number) }
                }
                var header = ""
                if sentenceIndex == 0 { header += "# newdoc id = \(ExportText.singleLine(document.document.id))\n" }
                header += "# sent_id = \(ExportText.singleLine(document.document.id))#\(sentenceIndex)\n"
                header += "# text = \(ExportText.singleLine(sentence.text))\n"
                plain += header
                plus += header
                plus += "# spans = \(mapping.joined(separator: " "))\n"
                for (index, token) in tokens.enumerated() {
                    var misc = ""
                    let nextIsSpace = token.end < table.scalarCount && table.scalars[token.end].properties.isWhitespace
                    if !nextIsSpace { misc += "SpaceAfter=No|" }
                    misc += "Speaker=\(Self.tag(bio[0][index]))|Cue=\(Self.tag(bio[1][index]))|Claim=\(Self.tag(bio[2][index]))"
                    let line = "\(index + 1)\t\(token.text)\t_\t_\t_\t_\t_\t_\t_\t\(misc)"
                    plain += line + "\n"
                    var column = ""
                    for (position, number) in numbers[index].enumerated() {
                        if position > 0 { column += ";" }
                        column += firstToken[number] == index ? "\(number):\(labels[number] ?? "Span")" : "\(number)"
                    }
                    plus += line + "\t" + (column.isEmpty ? "*" : column) + "\n"
                }
                plain += "\n"
                plus += "\n"
            }
            files.append(ExportFile(path: "\(ExportText.fileName(session.label)).conllu", contents: plain))
            files.append(ExportFile(path: "\(ExportText.fileName(session.label)).conllup", contents: plus))
        }
        return files
    }

    static func tag(_ value: UInt8) -> String { value == 1 ? "B" : value == 2 ? "I" : "O" }
}
