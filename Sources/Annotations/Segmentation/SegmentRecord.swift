/// One line of `workbench segment --format jsonl`: the format's one definition. ``SegmentOutput``
/// writes these records by hand for speed; tests check its bytes against this type.
///
/// Offsets are Unicode-scalar offsets, end-exclusive: the sentence's into the NFC-normalised
/// document text. How tokens appear depends on ``tokenFormat``:
///
/// - ``SegmentTokenFormat/offsets``: `"tokens":[[0,3],[4,13]],"kinds":"ww","space_after":[1,0]`,
///   the pairs offsets into the sentence text (a token's text is `text[start..<end]` in scalars;
///   add the sentence's `start` for document offsets).
/// - ``SegmentTokenFormat/full``: `"tokens":[{"index":0,"start":0,"end":3,"text":"Die","kind":"word","space_after":true}]`.
/// - ``SegmentTokenFormat/none``: no token keys.
///
/// Decoding recognises the form by its keys and, for offsets, takes each token's text from the
/// sentence text.
package struct SegmentRecord: Codable, Sendable, Hashable {
    /// The document id.
    package var document: String
    /// 0-based index of the sentence in its document.
    package var index: Int
    /// Start offset of the sentence (scalars into the document text).
    package var start: Int
    /// End offset of the sentence, exclusive.
    package var end: Int
    /// The sentence's exact text.
    package var text: String
    /// The sentence's tokens with document offsets (empty with ``SegmentTokenFormat/none``; written
    /// as offsets into the sentence text with ``SegmentTokenFormat/offsets``).
    package var tokens: [Token]
    /// How the tokens are written.
    package var tokenFormat: SegmentTokenFormat

    /// The record of `sentence` with its tokens written as `tokenFormat` says.
    package init(_ sentence: Sentence, tokens tokenFormat: SegmentTokenFormat) {
        document = sentence.documentID
        index = sentence.index
        start = sentence.start
        end = sentence.end
        text = sentence.text
        tokens = tokenFormat == .none ? [] : sentence.tokens
        self.tokenFormat = tokenFormat
    }

    /// The one-letter code of each token kind in `kinds`.
    package static func letter(of kind: Token.Kind) -> Character {
        switch kind {
        case .word: "w"
        case .number: "n"
        case .quote: "q"
        case .punctuation: "p"
        case .symbol: "s"
        }
    }

    /// The kind a letter of `kinds` stands for.
    package static func kind(of letter: Character) -> Token.Kind? {
        Token.Kind.allCases.first { self.letter(of: $0) == letter }
    }

    private enum CodingKeys: String, CodingKey {
        case document, index, start, end, text, tokens, kinds
        case spaceAfter = "space_after"
    }

    /// A token as ``SegmentTokenFormat/full`` writes it.
    private struct FullToken: Codable {
        var index: Int, start: Int, end: Int, text: String, kind: Token.Kind
        var spaceAfter: Bool

        enum CodingKeys: String, CodingKey {
            case index, start, end, text, kind
            case spaceAfter = "space_after"
        }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        index = try container.decode(Int.self, forKey: .index)
        start = try container.decode(Int.self, forKey: .start)
        end = try container.decode(Int.self, forKey: .end)
        text = try container.decode(String.self, forKey: .text)
        if container.contains(.kinds) {
            tokenFormat = .offsets
            let pairs = try container.decode([[Int]].self, forKey: .tokens)
            let kinds = Array(try container.decode(String.self, forKey: .kinds))
            let spaces = try container.decode([Int].self, forKey: .spaceAfter)
            guard kinds.count == pairs.count, spaces.count == pairs.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .kinds, in: container,
                    debugDescription: "\(pairs.count) tokens but \(kinds.count) kinds and \(spaces.count) space_after values")
            }
            let scalars = Array(text.unicodeScalars)
            tokens = []
            for (number, pair) in pairs.enumerated() {
                guard pair.count == 2, 0 <= pair[0], pair[0] <= pair[1], pair[1] <= scalars.count,
                    let kind = Self.kind(of: kinds[number]), spaces[number] == 0 || spaces[number] == 1
                else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .tokens, in: container, debugDescription: "token \(number) is not a [start, end] pair inside the sentence with a known kind")
                }
                let slice = scalars[pair[0]..<pair[1]]
                tokens.append(
                    Token(
                        index: number, start: start + pair[0], end: start + pair[1], text: String(String.UnicodeScalarView(slice)), kind: kind,
                        spaceAfter: spaces[number] == 1))
            }
        } else if container.contains(.tokens) {
            tokenFormat = .full
            tokens = try container.decode([FullToken].self, forKey: .tokens).map {
                Token(index: $0.index, start: $0.start, end: $0.end, text: $0.text, kind: $0.kind, spaceAfter: $0.spaceAfter)
            }
        } else {
            tokenFormat = .none
            tokens = []
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(index, forKey: .index)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(text, forKey: .text)
        switch tokenFormat {
        case .offsets:
            try container.encode(tokens.map { [$0.start - start, $0.end - start] }, forKey: .tokens)
            try container.encode(String(tokens.map { Self.letter(of: $0.kind) }), forKey: .kinds)
            try container.encode(tokens.map { $0.spaceAfter ? 1 : 0 }, forKey: .spaceAfter)
        case .full:
            try container.encode(
                tokens.map { FullToken(index: $0.index, start: $0.start, end: $0.end, text: $0.text, kind: $0.kind, spaceAfter: $0.spaceAfter) },
                forKey: .tokens)
        case .none:
            break
        }
    }
}
