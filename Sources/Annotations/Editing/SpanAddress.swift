/// How a user names a span of the current sentence: by token numbers (1-based), by quoted text, by
/// regular expression, or the whole sentence; parts joined by commas make a discontinuous span, and a
/// span may run on into following sentences.
///
/// Forms (`K` counts sentences after the current one):
/// - `4` one token; `4-7` a range; `4-7,9` several parts; `4-` token 4 to the end of the sentence
/// - `4-+1:5` token 4 to token 5 of the next sentence; `4-+2` token 4 to the end of sentence +2
/// - `"Vassili Nebenzia"` or `„Vassili Nebenzia“` exact text; `"sagte"#2` its 2nd occurrence; a bare
///   word such as `sagte` or `Nebenzia` is its text too
/// - `/Nebens[jz]a/` the first match of a regular expression; `/sagte/#2` the 2nd
/// - `all` the whole sentence
/// - `SPAN..+K` any of the above, extended to the end of sentence +K
public struct SpanAddress: Sendable, Hashable {
    /// One comma-separated part of an address.
    public enum Part: Sendable, Hashable {
        /// The whole sentence.
        case all
        /// Tokens `from` (1-based, in the sentence itself) through `through` (1-based, in sentence
        /// `+sentenceOffset`; nil: to the end of that sentence).
        case tokens(from: Int, through: Int?, sentenceOffset: Int)
        /// The `occurrence`-th (1-based) exact occurrence of a text.
        case text(String, occurrence: Int)
        /// The `occurrence`-th (1-based) match of a regular expression.
        case pattern(String, occurrence: Int)
    }

    /// The parts, in the order given.
    public var parts: [Part]
    /// Extend the span to the end of sentence `+extension` (0: no extension).
    public var extendToSentence: Int

    /// Creates an address from parts.
    public init(parts: [Part], extendToSentence: Int = 0) {
        self.parts = parts
        self.extendToSentence = extendToSentence
    }

    /// Opening quotation marks and the closing marks each accepts.
    public static let quotePairs: [Character: Set<Character>] = [
        "\"": ["\""], "„": ["“", "”", "\""], "“": ["”", "“", "\""], "»": ["«"], "«": ["»"], "‚": ["‘", "’"],
    ]

    /// Whether `word` is a bare word that addresses its own text (`sagte`, `Nebenzia`, `UN-Botschafter`).
    public static func isBareWord(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter else { return false }
        return word.allSatisfy(isWordCharacter)
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-'’.".contains(character)
            || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark || $0.properties.isAlphabetic }
    }

    /// Reads an address such as `4-7,9`, `sagte` or `"sagte"#2..+1`.
    public static func parse(_ text: String) throws(SpanAddressError) -> SpanAddress {
        // Scalar by scalar, as the command lexer reads: `"sagte"` + U+FE0F still closes its quote.
        var reader = SpanAddressReader(CommandLexer.scalarCharacters(text))
        return try reader.read(original: text)
    }
}

/// The scanner behind ``SpanAddress/parse(_:)``.
struct SpanAddressReader {
    private let characters: [Character]
    private var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    mutating func read(original: String) throws(SpanAddressError) -> SpanAddress {
        skipSpaces()
        guard current != nil else { throw .empty }
        var parts: [SpanAddress.Part] = []
        var extend = 0
        while true {
            skipSpaces()
            parts.append(try part(original))
            skipSpaces()
            if current == "," {
                position += 1
                continue
            }
            if current == ".", position + 1 < characters.count, characters[position + 1] == "." {
                position += 2
                guard current == "+" else { throw malformed(original, "after '..' write +K, e.g. ..+1") }
                position += 1
                guard let count = try number(original), count > 0 else { throw malformed(original, "after '..+' write a sentence count ≥ 1") }
                extend = count
                skipSpaces()
            }
            guard current == nil else {
                throw malformed(original, "unexpected '\(String(characters[position...]))'; join parts with commas, no spaces")
            }
            return SpanAddress(parts: parts, extendToSentence: extend)
        }
    }

    private mutating func part(_ original: String) throws(SpanAddressError) -> SpanAddress.Part {
        guard let first = current else { throw malformed(original, "a part is missing after ','") }
        if let closers = SpanAddress.quotePairs[first] {
            position += 1
            var text = ""
            while let character = current, !closers.contains(character) {
                text.append(character)
                position += 1
            }
            guard current != nil else { throw malformed(original, "the quote is not closed") }
            position += 1
            guard !text.isEmpty else { throw malformed(original, "the quoted text is empty") }
            return .text(text, occurrence: try occurrence(original))
        }
        if first == "/" {
            position += 1
            var pattern = ""
            while let character = current, character != "/" {
                if character == "\\", position + 1 < characters.count, characters[position + 1] == "/" {
                    pattern.append("/")
                    position += 2
                    continue
                }
                pattern.append(character)
                position += 1
            }
            guard current == "/" else { throw malformed(original, "the regular expression needs a closing '/'") }
            position += 1
            guard !pattern.isEmpty else { throw malformed(original, "the regular expression is empty") }
            return .pattern(pattern, occurrence: try occurrence(original))
        }
        if characters[position...].starts(with: Array("all")),
            position + 3 == characters.count || [",", ".", " "].contains(characters[position + 3])
        {
            position += 3
            return .all
        }
        if first.isLetter {
            // A bare word is its text: `sagte`, `Nebenzia`, `sagte#2`.
            var word = ""
            while let character = current, SpanAddress.isWordCharacter(character),
                !(character == "." && position + 1 < characters.count && characters[position + 1] == ".")
            {
                word.append(character)
                position += 1
            }
            return .text(word, occurrence: try occurrence(original))
        }
        guard let from = try number(original) else {
            throw malformed(original, "expected a token number, \"text\", /regex/ or all")
        }
        guard from > 0 else { throw malformed(original, "token numbers start at 1") }
        guard current == "-" else { return .tokens(from: from, through: from, sentenceOffset: 0) }
        position += 1
        if current == "+" {
            position += 1
            guard let offset = try number(original), offset > 0 else { throw malformed(original, "after '-+' write a sentence count, e.g. 4-+1:5") }
            guard current == ":" else { return .tokens(from: from, through: nil, sentenceOffset: offset) }
            position += 1
            guard let through = try number(original), through > 0 else { throw malformed(original, "after ':' write a token number of that sentence") }
            return .tokens(from: from, through: through, sentenceOffset: offset)
        }
        if let through = try number(original) {
            guard through > 0 else { throw malformed(original, "token numbers start at 1") }
            return .tokens(from: from, through: through, sentenceOffset: 0)
        }
        return .tokens(from: from, through: nil, sentenceOffset: 0)
    }

    private mutating func occurrence(_ original: String) throws(SpanAddressError) -> Int {
        guard current == "#" else { return 1 }
        position += 1
        guard let count = try number(original), count > 0 else { throw malformed(original, "after '#' write which occurrence, e.g. #2") }
        return count
    }

    /// The number at the current position (nil when there is none). More than 9 digits are refused
    /// as a number no sentence reaches: they were cut after the ninth, and the rest refused as
    /// "unexpected '99999999999'; join parts with commas, no spaces".
    private mutating func number(_ original: String) throws(SpanAddressError) -> Int? {
        var digits = ""
        while let character = current, character.isASCII, character.isNumber {
            digits.append(character)
            position += 1
        }
        guard digits.drop(while: { $0 == "0" }).count <= 9 else {
            throw malformed(original, "the number \(digits.count > 40 ? String(digits.prefix(40)) + "…" : digits) is too large: no sentence has that many tokens, occurrences or sentences after it")
        }
        return Int(digits)
    }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { position += 1 }
    }

    private func malformed(_ original: String, _ reason: String) -> SpanAddressError {
        .malformed(original, hint: reason + "; forms: " + SpanAddressError.forms)
    }
}
