import Foundation

extension SpanAddress {
    /// The scalar segments this address names in sentence `sentence` (0-based) of `document`.
    /// Throws when a part does not fit (token out of range, text not found, bad regex).
    public func resolve(in document: SegmentedDocument, sentence: Int) throws(SpanAddressError) -> ResolvedSpan {
        guard sentence >= 0, sentence < document.sentences.count else {
            throw .noFollowingSentence(offset: 0, available: 0)
        }
        let home = document.sentences[sentence]
        var segments: [SpanSegment] = []
        var last = sentence
        func sentenceAt(_ offset: Int) throws(SpanAddressError) -> Sentence {
            let index = sentence + offset
            guard index < document.sentences.count else {
                throw .noFollowingSentence(offset: offset, available: document.sentences.count - 1 - sentence)
            }
            return document.sentences[index]
        }
        for part in parts {
            switch part {
            case .all:
                segments.append(SpanSegment(start: home.start, end: home.end))
            case .tokens(let from, let through, let offset):
                let tokens = home.tokens
                guard from <= tokens.count else { throw .tokenOutOfRange(from, count: tokens.count, sentenceOffset: 0) }
                let endSentence = try sentenceAt(offset)
                let end: Int
                if let through {
                    guard through <= endSentence.tokens.count else {
                        throw .tokenOutOfRange(through, count: endSentence.tokens.count, sentenceOffset: offset)
                    }
                    if offset == 0, through < from { throw .reversedRange(from: from, to: through) }
                    end = endSentence.tokens[through - 1].end
                } else {
                    end = endSentence.end
                }
                segments.append(SpanSegment(start: tokens[from - 1].start, end: end))
                last = max(last, sentence + offset)
            case .text(let text, let occurrence):
                // Exact text first; only when it is nowhere, the same text in other case ("der Chef" for "Der Chef").
                var matches = Self.occurrences(of: text, in: home)
                if matches.isEmpty { matches = Self.occurrences(of: text, in: home, foldingCase: true) }
                guard !matches.isEmpty else {
                    let split = !Self.occurrences(of: text, in: home, foldingCase: true, splittingCharacters: true).isEmpty
                    throw split ? .textInsideCharacter(text) : .textNotFound(text)
                }
                guard occurrence <= matches.count else {
                    throw .occurrenceMissing(text, wanted: occurrence, found: matches.count)
                }
                segments.append(Self.trimmed(matches[occurrence - 1], in: home))
            case .pattern(let pattern, let occurrence):
                let matches = try Self.matches(of: pattern, in: home)
                guard !matches.isEmpty else { throw .patternNotFound(pattern) }
                guard occurrence <= matches.count else {
                    throw .occurrenceMissing("/\(pattern)/", wanted: occurrence, found: matches.count)
                }
                segments.append(Self.trimmed(matches[occurrence - 1], in: home))
            }
        }
        if extendToSentence > 0 {
            let target = try sentenceAt(extendToSentence)
            if let lastIndex = segments.indices.max(by: { segments[$0].end < segments[$1].end }) {
                segments[lastIndex].end = max(segments[lastIndex].end, target.end)
            }
            last = max(last, sentence + extendToSentence)
        }
        let merged = AnchorBuilder.normalized(segments)
        guard !merged.isEmpty else { throw .empty }
        return ResolvedSpan(segments: merged, sentence: sentence, lastSentence: last)
    }

    /// `segment` without whitespace at either end (a quote typed as "Südkorea " means Südkorea).
    static func trimmed(_ segment: SpanSegment, in sentence: Sentence) -> SpanSegment {
        let scalars = Array(sentence.text.unicodeScalars)
        var start = segment.start - sentence.start, end = segment.end - sentence.start
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return SpanSegment(start: sentence.start + start, end: sentence.start + end)
    }

    /// Every exact occurrence of `text` in the sentence, as document segments. Occurrences that stand
    /// as whole words are preferred: `"an"` is the word "an", not the "an" inside "nordkoreanischen";
    /// only when the text never stands alone are occurrences inside words used. An occurrence that
    /// begins or ends inside a character (`"q"` in „q̃“, one emoji of „👩‍👩‍👧“) is no occurrence
    /// unless `splittingCharacters`.
    static func occurrences(
        of text: String, in sentence: Sentence, foldingCase: Bool = false, splittingCharacters: Bool = false
    ) -> [SpanSegment] {
        let haystack = foldingCase ? sentence.text.unicodeScalars.map(lowercased) : Array(sentence.text.unicodeScalars)
        let needle = foldingCase ? text.unicodeScalars.map(lowercased) : Array(text.unicodeScalars)
        guard let first = needle.first, let last = needle.last, needle.count <= haystack.count else { return [] }
        // Scalar offsets where a character (grapheme cluster) begins, and the end.
        var boundaries = Set<Int>()
        if !splittingCharacters {
            var offset = 0
            for character in sentence.text {
                boundaries.insert(offset)
                offset += character.unicodeScalars.count
            }
            boundaries.insert(offset)
        }
        var all: [SpanSegment] = [], whole: [SpanSegment] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, Array(haystack[start..<start + needle.count]) == needle,
                splittingCharacters || (boundaries.contains(start) && boundaries.contains(start + needle.count))
            {
                let end = start + needle.count
                let segment = SpanSegment(start: sentence.start + start, end: sentence.start + end)
                all.append(segment)
                let openLeft = !isWordPart(first) || start == 0 || !isWordPart(haystack[start - 1])
                let openRight = !isWordPart(last) || end == haystack.count || !isWordPart(haystack[end])
                if openLeft && openRight { whole.append(segment) }
                start = end
            } else {
                start += 1
            }
        }
        return whole.isEmpty ? all : whole
    }

    /// A scalar in lower case when that is one scalar (so offsets stay), else itself.
    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first ?? scalar : scalar
    }

    /// Letters, digits and combining marks: what a word is made of.
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        isWordScalar(scalar.value) || scalar.properties.numericType != nil
    }

    /// Every non-empty match of a regular expression in the sentence, as document segments.
    /// Bounded like the REPL's search (``BoundedRegex``): a pattern that backtracks without end is refused.
    static func matches(
        of pattern: String, in sentence: Sentence, stepLimit: Int = BoundedRegex.defaultStepLimit
    ) throws(SpanAddressError) -> [SpanSegment] {
        let ranges: [Range<Int>]
        do {
            ranges = try BoundedRegex(pattern, stepLimit: stepLimit).matches(in: sentence.text)
        } catch {
            if case .invalid = error { throw .invalidPattern(pattern, reason: error.description) }
            throw .patternTooCostly(pattern, reason: error.description)
        }
        let text = sentence.text
        return ranges.compactMap { match -> SpanSegment? in
            guard !match.isEmpty, let found = Range(NSRange(location: match.lowerBound, length: match.count), in: text) else { return nil }
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found.lowerBound)
            let length = text.unicodeScalars[found].count
            return SpanSegment(start: sentence.start + start, end: sentence.start + start + length)
        }
    }
}
