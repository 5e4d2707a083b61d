/// Splits German news text into sentences. Every line break ends a unit; inside a line a sentence
/// ends at terminal punctuation (with attached closing quotes) when a new sentence follows.
///
/// Offsets are Unicode-scalar offsets into the text, end-exclusive, trimmed of surrounding whitespace.
public struct SentenceSegmenter: Sendable {
    /// Version tag recorded in sessions so a change of rules can be detected.
    public static let version = "de-news-0.1"

    /// Creates a segmenter.
    public init() {}

    /// The scalar ranges of the sentences of `text`, in order. Blank lines yield nothing.
    public func sentenceRanges(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var result: [Range<Int>] = []
        var lineStart = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            appendLine(scalars, lineStart..<index, into: &result)
            lineStart = index + 1
        }
        return result
    }

    private func appendLine(_ scalars: [Unicode.Scalar], _ line: Range<Int>, into result: inout [Range<Int>]) {
        var start = line.lowerBound
        var index = line.lowerBound
        while index < line.upperBound {
            let scalar = scalars[index]
            if scalar == "." || scalar == "?" || scalar == "!" {
                var end = index + 1
                while end < line.upperBound, "»«“”\"')]".unicodeScalars.contains(scalars[end]) { end += 1 }
                if end < line.upperBound, scalars[end] == " " {
                    var next = end
                    while next < line.upperBound, scalars[next] == " " { next += 1 }
                    if next < line.upperBound, scalars[next].properties.isUppercase
                        || "„«»“\"".unicodeScalars.contains(scalars[next])
                    {
                        appendTrimmed(scalars, start..<end, into: &result)
                        start = next
                        index = next
                        continue
                    }
                }
            }
            index += 1
        }
        appendTrimmed(scalars, start..<line.upperBound, into: &result)
    }

    private func appendTrimmed(_ scalars: [Unicode.Scalar], _ range: Range<Int>, into result: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
        if lower < upper { result.append(lower..<upper) }
    }
}
