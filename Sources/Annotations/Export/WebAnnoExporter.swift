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
                out.begin(folder + ExportText.fileName(bundle.documents[documentIndex].document.id) + ".tsv")
                out.bytes = bytes
                out.end()
            }
        }
    }

    private func render(_ bundle: ExportBundle, session: Int, document documentIndex: Int, to out: inout ExportOutput) {
        let document = bundle.documents[documentIndex]
        let table = bundle.tables[documentIndex]
        let spans = bundle.spans[documentIndex]
        let bySentence = ExportTokens.spansBySentence(bundle, document: documentIndex)
        // Pass 1: tokens per sentence and the pieces placed on them, numbered in order.
        var sentenceTokens: [[ExportToken]] = []
        var placed: [Placed] = []
        var perToken: [[[Int]]] = []  // sentence → token → indices into `placed`
        var firstPiece = [Int](repeating: -1, count: spans.count)  // span index → its first placed piece
        let bytes = bundle.bytes[documentIndex]
        var bounds: [TokenBounds] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            let own = bySentence[sentenceIndex].filter { spans[$0].session == session }
            let pieces = ExportTokens.pieces(in: bundle, document: documentIndex, sentence: sentence, from: own)
            var cuts: [Int] = []
            for piece in pieces { cuts.append(piece.range.start); cuts.append(piece.range.end) }
            let tokens = ExportTokens.tokens(of: sentence, table: table, bytes: bytes, bounds: &bounds, splittingAt: cuts)
            var onToken = [[Int]](repeating: [], count: tokens.count)
            for piece in pieces {
                guard let range = ExportTokens.tokenRange(tokens, piece.range) else { continue }
                let item = Placed(
                    span: piece.span, segment: piece.segment, number: placed.count + 1, sentence: sentenceIndex,
                    firstToken: range.lowerBound, lastToken: range.upperBound)
                if firstPiece[piece.span] < 0 { firstPiece[piece.span] = placed.count }
                for token in range { onToken[token].append(placed.count) }
                placed.append(item)
            }
            sentenceTokens.append(tokens)
            perToken.append(onToken)
        }
        // Relations on the dependent's first row: dependent piece index → [(label, governor piece index)].
        var relations: [Int: [(String, Int)]] = [:]
        for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim {
            let governor = firstPiece[index]
            guard governor >= 0 else { continue }
            let links = span.mentions.map { ($0, "speaker") } + span.addressees.map { ($0, "addressee") } + (span.cue.map { [($0, "cue")] } ?? [])
            for (target, label) in links {
                guard let location = bundle.location(session: session, id: target), location.document == documentIndex,
                    case let dependent = firstPiece[location.index], dependent >= 0
                else { continue }
                relations[dependent, default: []].append((label, governor))
            }
        }
        out.append(Self.header)
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            out.append("#Text=")
            out.appendWebAnnoText(sentence.text)
            out.append(byte: 0x0A)
            for (tokenIndex, token) in sentenceTokens[sentenceIndex].enumerated() {
                let here = perToken[sentenceIndex][tokenIndex]
                out.append(sentenceIndex + 1)
                out.append(byte: UInt8(ascii: "-"))
                out.append(tokenIndex + 1)
                out.append(byte: 0x09)
                out.append(table.utf16Offset(ofScalar: token.start))
                out.append(byte: UInt8(ascii: "-"))
                out.append(table.utf16Offset(ofScalar: token.end))
                out.append(byte: 0x09)
                out.appendWebAnnoText(token, in: bytes)
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
                var links: [(label: String, governor: Int, dependent: Int)] = []
                for pieceIndex in here where placed[pieceIndex].firstToken == tokenIndex && placed[pieceIndex].sentence == sentenceIndex {
                    for (label, governorIndex) in relations[pieceIndex] ?? [] { links.append((label, governorIndex, pieceIndex)) }
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
