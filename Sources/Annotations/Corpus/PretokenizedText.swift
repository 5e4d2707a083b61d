/// Builds the text and token offsets of a pre-tokenized document from its sentences of tokens,
/// deterministically: without a text, tokens are joined as running text (``TokenJoiner``: a space
/// between words, none before closing punctuation or after an opening quote or bracket, sentences
/// one after another); with a text, each token must be the next non-whitespace text (whitespace between tokens
/// is skipped), and nothing but whitespace may be left over. Tokens are NFC-normalised like any
/// corpus text; an empty token or one holding a line break is refused.
struct PretokenizedText: Sendable, Hashable {
    /// One sentence as read: its source id (if any) and its tokens.
    struct InputSentence: Sendable, Hashable {
        /// The sentence id in the source.
        var id: String?
        /// The tokens.
        var tokens: [String]

        /// Creates a sentence.
        init(id: String? = nil, tokens: [String]) {
            self.id = id
            self.tokens = tokens
        }
    }

    /// Why the sentences do not make a document; `sentence` and `token` are 0-based (token nil:
    /// the sentence as a whole).
    struct Mismatch: Error, Sendable, Hashable, CustomStringConvertible {
        /// The sentence.
        var sentence: Int
        /// The token, if the problem is one token.
        var token: Int?
        /// What is wrong.
        var reason: String

        var description: String {
            let place = token.map { "sentence \(sentence), token \($0)" } ?? "sentence \(sentence)"
            return "\(place): \(reason)"
        }
    }

    /// The normalised document text.
    var text: String
    /// The sentences with token offsets into ``text``.
    var sentences: [GivenSentence]

    /// Builds the text (or aligns the tokens with `text`, which must already be normalised).
    init(sentences input: [InputSentence], text given: String?) throws(Mismatch) {
        var sentences: [GivenSentence] = []
        sentences.reserveCapacity(input.count)
        if let given {
            let scalars = Array(given.unicodeScalars)
            var position = 0
            for (s, sentence) in input.enumerated() {
                guard !sentence.tokens.isEmpty else { throw Mismatch(sentence: s, token: nil, reason: "the sentence has no tokens") }
                var ranges: [SpanSegment] = []
                for (t, raw) in sentence.tokens.enumerated() {
                    let token = Array(try Self.normalizedToken(raw, sentence: s, token: t).unicodeScalars)
                    while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
                    let end = position + token.count
                    guard end <= scalars.count, Array(scalars[position..<end]) == token else {
                        var view = String.UnicodeScalarView()
                        view.append(contentsOf: scalars[position..<min(end, scalars.count)])
                        let found = position >= scalars.count ? "the end of the text" : "'\(String(view))'"
                        throw Mismatch(sentence: s, token: t, reason: "token '\(raw)' does not match the text at offset \(position) (found \(found))")
                    }
                    ranges.append(SpanSegment(start: position, end: end))
                    position = end
                }
                sentences.append(GivenSentence(id: sentence.id, tokens: ranges))
            }
            if let extra = scalars[position...].firstIndex(where: { !$0.properties.isWhitespace }) {
                throw Mismatch(sentence: max(input.count - 1, 0), token: nil, reason: "the text goes on after the last token (offset \(extra))")
            }
            text = given
        } else {
            var view = String.UnicodeScalarView()
            var position = 0
            var joiner = TokenJoiner()
            for (s, sentence) in input.enumerated() {
                guard !sentence.tokens.isEmpty else { throw Mismatch(sentence: s, token: nil, reason: "the sentence has no tokens") }
                var ranges: [SpanSegment] = []
                for (t, raw) in sentence.tokens.enumerated() {
                    let token = try Self.normalizedToken(raw, sentence: s, token: t)
                    if joiner.needsSpace(before: token) { view.append(" "); position += 1 }
                    let count = token.unicodeScalars.count
                    view.append(contentsOf: token.unicodeScalars)
                    ranges.append(SpanSegment(start: position, end: position + count))
                    position += count
                }
                sentences.append(GivenSentence(id: sentence.id, tokens: ranges))
            }
            text = String(view)
        }
        self.sentences = sentences
    }

    private static func normalizedToken(_ raw: String, sentence: Int, token: Int) throws(Mismatch) -> String {
        let normalized = TextNormalization.normalize(raw).text
        guard !normalized.isEmpty else { throw Mismatch(sentence: sentence, token: token, reason: "the token is empty") }
        if normalized.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw Mismatch(sentence: sentence, token: token, reason: "the token holds a line break")
        }
        if normalized.unicodeScalars.first?.properties.isWhitespace == true || normalized.unicodeScalars.last?.properties.isWhitespace == true {
            throw Mismatch(sentence: sentence, token: token, reason: "the token starts or ends with whitespace")
        }
        return normalized
    }
}
