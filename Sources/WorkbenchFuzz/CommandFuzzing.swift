import Annotations

/// The command-line target: lex a line as the REPL does, parse every word as a span address and
/// resolve it against each sentence of the first fuzz document.
enum CommandFuzzing {
    static func run(_ line: String, corpus: SegmentedCorpus) {
        guard let words = try? CommandLexer.words(line) else { return }
        let document = corpus.documents[0]
        for word in words {
            guard let address = try? SpanAddress.parse(word.text) else { continue }
            // Regular-expression parts are left unresolved: a pathological pattern backtracks for
            // ever in NSRegularExpression (bounding searches is the REPL search's own work), and
            // a hang found there says nothing about the parsers fuzzed here.
            if address.parts.contains(where: { if case .pattern = $0 { true } else { false } }) { continue }
            for sentence in document.sentences.indices {
                _ = try? address.resolve(in: document, sentence: sentence)
            }
        }
    }
}
