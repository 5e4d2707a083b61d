/// Splits a sentence into tokens for span addressing: words (hyphenated compounds stay whole),
/// numbers ("10.000", "21."), each punctuation mark and each quote mark on its own.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Tokens of the scalar range `range` of `scalars`; token offsets are offsets into `scalars`.
    public func tokens(in scalars: [Unicode.Scalar], range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            var end = index + 1
            let kind: Token.Kind
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                while end < range.upperBound {
                    let next = scalars[end]
                    if next.properties.isAlphabetic || next.properties.numericType != nil
                        || next.properties.generalCategory == .nonspacingMark
                    {
                        end += 1
                    } else if (next == "-" || next == "." || next == "'") && end + 1 < range.upperBound
                        && (scalars[end + 1].properties.isAlphabetic || scalars[end + 1].properties.numericType != nil)
                    {
                        end += 2
                    } else {
                        break
                    }
                }
                let isNumber = scalars[index..<end].allSatisfy { $0.properties.numericType != nil || $0 == "." }
                kind = isNumber ? .number : .word
            } else if "„“”«»\"'‹›‚‘’".unicodeScalars.contains(scalar) {
                kind = .quote
            } else if scalar.properties.generalCategory.isPunctuation {
                kind = .punctuation
            } else {
                kind = .symbol
            }
            let spaceAfter = end < scalars.count && scalars[end].properties.isWhitespace
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[index..<end])
            tokens.append(Token(index: tokens.count, start: index, end: end, text: String(view), kind: kind, spaceAfter: spaceAfter))
            index = end
        }
        return tokens
    }
}

extension Unicode.GeneralCategory {
    /// True for the Unicode punctuation categories.
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
