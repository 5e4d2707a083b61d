/// CoNLL-2003 style IOB2, one file per session (`<session>.conll`): `-DOCSTART- -X- -X- O` before
/// each document, one `token _ _ TAG` line per token, a blank line after each sentence. Tags are
/// `B-`/`I-` `SPEAKER`, `CUE`, `CLAIM`. IOB2 allows one tag per token, so overlaps are resolved:
/// speaker mentions first, then cues, then claims; a span piece that would overlap one already
/// tagged is left out, and each piece of a discontinuous span is its own entity. Whitespace is not kept.
public struct IOBExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .iob }

    /// One entity as written: document, sentence, tag, first and last token (inclusive).
    public struct Entity: Sendable, Hashable {
        public var document: String
        public var sentence: Int
        public var label: String
        public var first: Int
        public var last: Int
    }

    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        bundle.sessions.enumerated().map { sessionIndex, session in
            var out = ""
            out.reserveCapacity(1 << 16)
            forEachSentence(bundle, session: sessionIndex) { document, sentence, tokens, tags, _ in
                if sentence == 0 { out += "-DOCSTART- -X- -X- O\n\n" }
                for (index, token) in tokens.enumerated() {
                    out += token.text
                    out += " _ _ "
                    out += tags[index]
                    out += "\n"
                }
                out += "\n"
            }
            return ExportFile(path: "\(ExportText.fileName(session.label)).conll", contents: out)
        }
    }

    /// The entities written for a session, in file order.
    public func entities(_ bundle: ExportBundle, session: Int) -> [Entity] {
        var result: [Entity] = []
        forEachSentence(bundle, session: session) { document, sentence, _, _, entities in
            result += entities.map { Entity(document: document, sentence: sentence, label: $0.label, first: $0.first, last: $0.last) }
        }
        return result
    }

    private func forEachSentence(
        _ bundle: ExportBundle, session: Int,
        _ body: (String, Int, [Token], [String], [(label: String, first: Int, last: Int)]) -> Void
    ) {
        ExportTokens.forEachSentence(bundle, session: session) { item in
            let (tokens, pieces) = (item.tokens, item.pieces)
            let spans = bundle.spans[item.documentIndex]
            var taken = [Bool](repeating: false, count: tokens.count)
            var entities: [(label: String, first: Int, last: Int)] = []
            for kind in ExportSpan.Kind.allCases {
                for piece in pieces where spans[piece.span].kind == kind {
                    guard let range = ExportTokens.tokenRange(tokens, piece.range), range.allSatisfy({ !taken[$0] }) else { continue }
                    for token in range { taken[token] = true }
                    entities.append((kind.tag, range.lowerBound, range.upperBound))
                }
            }
            entities.sort { $0.first < $1.first }
            var tags = [String](repeating: "O", count: tokens.count)
            for entity in entities {
                for token in entity.first...entity.last { tags[token] = (token == entity.first ? "B-" : "I-") + entity.label }
            }
            body(bundle.documents[item.documentIndex].document.id, item.sentenceIndex, tokens, tags, entities)
        }
    }
}
