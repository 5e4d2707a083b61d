/// Splits a sentence into tokens for span addressing.
///
/// - Words: letters with combining marks, digits, inner hyphens ("US-Verteidigungsminister",
///   "Kim Yong-hyun", "COVID-19") and inner apostrophes ("geht's", "O’Brien"). A hyphen that ends
///   a truncated compound stays with its word ("NATO-Verteidigungs- und"). Dotted abbreviation
///   chains ("z.B.", "U.S.") and domains ("tagesschau.de") are one word; a known abbreviation
///   or a single letter keeps its full stop ("Dr.", "z.", "B.", "J.") unless the full stop ends the
///   range.
/// - Numbers: digits with inner `.`, `,` or `:` ("10.000", "3,5", "21.10.2024", "15:30"). A number
///   of at most three digits, or a day-and-month date ("21.10"), keeps a following full stop as an
///   ordinal when whitespace and then a letter or digit follow inside the range ("21. Oktober",
///   "im 3. Quartal"); the segmenter has already split real sentence ends, so inside a sentence
///   such a full stop is an ordinal. Years and amounts never take the full stop ("2022.").
///   Digits glued to letters form a word ("5G", "90er", "3D-Drucker").
/// - URLs ("https://…", "www.…") and e-mail addresses are one word; trailing sentence
///   punctuation and unbalanced closing brackets are not part of them.
/// - Every quote mark („ “ ” « » ‹ › " ' ‚ ‘ ’) is a token of its own, as is every other
///   punctuation mark; "…" and runs of full stops ("...") are one token each, so "(…)" is three.
/// - Anything else is a symbol token of one whole grapheme cluster (emoji with skin tones, flags
///   such as 🇪🇺, ZWJ sequences). No token ever separates a base character from its combining marks.
///
/// ``Token/spaceAfter`` is true exactly when the scalar after the token is whitespace.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Whether `scalar` is whitespace as the tokenizer sees it (what ``Token/spaceAfter`` tests).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { TokenScanner.isSpace(scalar) }

    /// Tokens of the scalar range `range` of `scalars`; token offsets are offsets into `scalars`.
    /// The range is clamped to the array.
    public func tokens(in scalars: [Unicode.Scalar], range: Range<Int>) -> [Token] {
        scalars.withUnsafeBufferPointer { buffer in
            var bounds: [TokenBounds] = []
            tokenBounds(in: buffer, range: range, into: &bounds)
            var utf8: [UInt8] = []
            return bounds.enumerated().map { index, token in
                utf8.removeAll(keepingCapacity: true)
                for scalar in buffer[token.start..<token.end] {
                    let value = scalar.value
                    if value < 0x80 {
                        utf8.append(UInt8(truncatingIfNeeded: value))
                    } else {
                        UTF8.encode(scalar) { utf8.append($0) }
                    }
                }
                return Token(
                    index: index, start: token.start, end: token.end, text: String(decoding: utf8, as: UTF8.self),
                    kind: token.kind, spaceAfter: token.spaceAfter)
            }
        }
    }

    /// The tokens of the scalar range `range` of `scalars` without their text (which is
    /// `scalars[start..<end]`), replacing the contents of `bounds` (its storage is reused). The same
    /// tokens as ``tokens(in:range:)`` in the same order; the range is clamped to the buffer.
    package func tokenBounds(in scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>, into bounds: inout [TokenBounds]) {
        let upper = min(max(range.upperBound, 0), scalars.count)
        let lower = min(max(range.lowerBound, 0), upper)
        bounds.removeAll(keepingCapacity: true)
        let found = TokenScalarClasses.table.withUnsafeBufferPointer { classes in
            var scanner = TokenScanner(scalars: scalars, lower: lower, upper: upper, tokens: bounds, classes: classes)
            bounds = []
            scanner.run()
            return scanner.tokens
        }
        bounds = found
    }
}

/// Where a token lies and what it is, without its text (see ``Tokenizer/tokenBounds(in:range:into:)``).
package struct TokenBounds: Sendable, Hashable {
    /// Start offset into the scalars the tokenizer was given.
    package var start: Int
    /// End offset (exclusive) into the scalars the tokenizer was given.
    package var end: Int
    /// The token's kind.
    package var kind: Token.Kind
    /// Whether the scalar after the token is whitespace.
    package var spaceAfter: Bool
}

private struct TokenScanner {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let lower: Int
    let upper: Int
    var tokens: [TokenBounds]
    /// ``TokenScalarClasses/table``.
    let classes: UnsafeBufferPointer<UInt8>
    /// The offset of the first `@` at or after the last token start that looked for one (`upper`
    /// when none is left, below `lower` before the first look): no e-mail address to look for
    /// without an `@` ahead.
    var nextAt: Int

    init(
        scalars: UnsafeBufferPointer<Unicode.Scalar>, lower: Int, upper: Int, tokens: [TokenBounds],
        classes: UnsafeBufferPointer<UInt8>
    ) {
        self.scalars = scalars
        self.classes = classes
        self.lower = lower
        self.upper = upper
        self.tokens = tokens
        self.nextAt = lower - 1  // not looked for yet
    }

    mutating func run() {
        var index = lower
        while index < upper {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
                continue
            }
            var end: Int
            let kind: Token.Kind
            let value = scalar.value
            if mayStartURL(value), let urlEnd = urlEnd(at: index) {
                end = urlEnd
                kind = .word
            } else if isAtAhead(of: index), let urlEnd = emailEnd(at: index) {
                end = urlEnd
                kind = .word
            } else if isDigit(value) {
                (end, kind) = scanNumber(at: index)
            } else if isLetter(scalar) {
                end = scanWord(from: index, start: index)
                if end < upper, scalars[end].value == 0x2E { end = attachAbbreviationDot(start: index, end: end) }
                kind = .word
            } else if value == 0x2E, index + 1 < upper, scalars[index + 1].value == 0x2E {
                end = index + 1
                while end < upper, scalars[end].value == 0x2E { end += 1 }
                kind = .punctuation
            } else if isQuote(value) {
                end = index + 1
                kind = .quote
            } else if isPunctuation(scalar) {
                end = index + 1
                kind = .punctuation
            } else {
                end = graphemeEnd(at: index)
                kind = .symbol
            }
            end = extendCluster(end)
            append(index, end, kind)
            index = end
        }
    }

    /// Whether an `@` lies at or after `index` in the range (an e-mail address needs one).
    @inline(__always)
    private mutating func isAtAhead(of index: Int) -> Bool {
        if nextAt < index {
            nextAt = index
            while nextAt < upper, scalars[nextAt].value != 0x40 { nextAt += 1 }
        }
        return nextAt < upper
    }

    /// Whether a URL can start with `value` (h, w or f in either case), checked before ``urlEnd(at:)``.
    @inline(__always)
    private func mayStartURL(_ value: UInt32) -> Bool {
        let lower = value | 0x20
        return value < 0x80 && (lower == 0x68 || lower == 0x77 || lower == 0x66)
    }

    private mutating func append(_ start: Int, _ end: Int, _ kind: Token.Kind) {
        let spaceAfter = end < scalars.count && isSpace(scalars[end])
        tokens.append(TokenBounds(start: start, end: end, kind: kind, spaceAfter: spaceAfter))
    }

    /// The text of a token found before (what ``Token/text`` holds).
    private func text(of token: TokenBounds) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[token.start..<token.end])
        return String(view)
    }

    // MARK: Words

    /// Scans a word whose letters start at `start`, continuing from `from`.
    private func scanWord(from: Int, start: Int) -> Int {
        var index = from
        while index < upper {
            let scalar = scalars[index]
            let value = scalar.value
            if isWordPart(scalar) {
                index += 1
                continue
            }
            let next = index + 1 < upper ? scalars[index + 1] : nil
            if isHyphen(value) {
                guard let next else {
                    // a sentence ending in a truncated compound keeps its hyphen
                    return index + 1
                }
                if isLetter(next) || isDigit(next.value) {
                    index += 2
                    continue
                }
                // truncated compound: "NATO-Verteidigungs- und", "Ein-, Aus- und", "(Vor-)Verkauf"
                if isSpace(next) || next == "," || next == "/" || next == ")" { return index + 1 }
                return index
            }
            if value == 0x27 || value == 0x2019 || value == 0x2BC {
                if let next, isLetter(next), index > start {
                    index += 2
                    continue
                }
                return index
            }
            if value == 0x2E, let next, isLetter(next) || isDigit(next.value), let chainEnd = dottedChainEnd(start: start, dot: index) {
                index = chainEnd
                continue
            }
            return index
        }
        return index
    }

    /// End of a dotted chain that is one word: a domain ending in a known top-level domain
    /// ("tagesschau.de", "news.bbc.co.uk") or an abbreviation of short parts ("z.B", "U.S", "i.d.R").
    @inline(never)
    private func dottedChainEnd(start: Int, dot: Int) -> Int? {
        var index = dot
        var parts: [Range<Int>] = [start..<dot]
        while index < upper, scalars[index].value == 0x2E, parts.count < 12 {
            let partStart = index + 1
            var partEnd = partStart
            while partEnd < upper, isLetter(scalars[partEnd]) || isDigit(scalars[partEnd].value)
                || (isHyphen(scalars[partEnd].value) && partEnd > partStart && partEnd + 1 < upper
                    && (isLetter(scalars[partEnd + 1]) || isDigit(scalars[partEnd + 1].value)))
            {
                partEnd += 1
            }
            guard partEnd > partStart else { break }
            parts.append(partStart..<partEnd)
            index = partEnd
        }
        guard parts.count >= 2 else { return nil }
        if parts.allSatisfy({ $0.count <= 2 && scalars[$0].allSatisfy(isLetter) }) {
            return parts.last!.upperBound
        }
        // domains: the last part is a known top-level domain in lower case
        for count in stride(from: parts.count, through: 2, by: -1) {
            let last = parts[count - 1]
            if last.count <= 6, Self.topLevelDomains.contains(String(String.UnicodeScalarView(scalars[last]))) {
                return last.upperBound
            }
        }
        return nil
    }

    private static let topLevelDomains: Set<String> = [
        "de", "at", "ch", "com", "org", "net", "eu", "info", "gov", "edu", "io", "co", "uk", "fr", "it", "es",
        "nl", "be", "pl", "ru", "ua", "vn", "cn", "jp", "kr", "us", "int", "tv", "fm", "me", "news", "online",
        "app", "dk", "se", "no", "fi", "cz", "hu", "ro", "lu", "li", "pt", "gr", "tr", "by", "il", "in", "ca",
        "au", "br", "ar", "mx", "biz", "html", "htm", "php", "pdf",
    ]

    /// Includes the full stop after a known abbreviation or a single letter ("Dr.", "z.", "B.",
    /// "J.", "z.B.") unless the full stop ends the range.
    @inline(never)
    private func attachAbbreviationDot(start: Int, end: Int) -> Int {
        guard end < upper, scalars[end].value == 0x2E else { return end }
        if end + 1 < upper, scalars[end + 1].value == 0x2E { return end }  // "..."
        // the full stop must not be the last thing of the range (closing quotes and brackets aside)
        var after = end + 1
        while after < upper, isSpace(scalars[after]) || isClosing(scalars[after].value) { after += 1 }
        guard after < upper else { return end }
        let word = scalars[start..<end]
        if word.allSatisfy(isLetter) && word.count == 1 { return end + 1 }
        if isAbbreviation(start: start, end: end) { return end + 1 }
        return end
    }

    @inline(never)
    private func isAbbreviation(start: Int, end: Int) -> Bool {
        var key = ByteKey()
        for scalar in scalars[start..<end] where !key.append(scalar) { return false }
        if AbbreviationLexicon.classes[key] != nil { return true }
        // chains of short parts ("z.B", "i.d.R") are abbreviations
        let parts = scalars[start..<end].split(separator: ".")
        if parts.count >= 2, parts.allSatisfy({ $0.count <= 2 }) { return true }
        // joined with the preceding abbreviation tokens: "Anm. d. Red."
        var joined: [Unicode.Scalar] = Array(scalars[start..<end])
        for previous in tokens.suffix(2).reversed() {
            guard previous.kind == .word, previous.end <= start else { break }
            let previousText = text(of: previous)
            guard previousText.hasSuffix(".") else { break }
            joined = Array(previousText.unicodeScalars) + joined
            var key = ByteKey()
            guard joined.allSatisfy({ key.append($0) }) else { return false }
            if AbbreviationLexicon.classes[key] != nil { return true }
        }
        return false
    }

    // MARK: Numbers

    @inline(never)
    private func scanNumber(at start: Int) -> (Int, Token.Kind) {
        var index = start
        var groups: [Int] = []
        var groupLength = 0
        var separators = Set<UInt32>()
        while index < upper {
            let value = scalars[index].value
            if isDigit(value) {
                groupLength += 1
                index += 1
            } else if value == 0x2E || value == 0x2C || value == 0x3A, index + 1 < upper, isDigit(scalars[index + 1].value) {
                groups.append(groupLength)
                groupLength = 0
                separators.insert(value)
                index += 1
            } else {
                break
            }
        }
        groups.append(groupLength)
        if index < upper {
            let next = scalars[index]
            let glued = index + 1 < upper ? scalars[index + 1] : nil
            if isLetter(next) || (isHyphen(next.value) && glued.map { isLetter($0) || isDigit($0.value) } == true) {
                return (scanWord(from: index, start: start), .word)  // "5G", "90er", "3D-Drucker", "9-jährige"
            }
            if next.value == 0x2E, isOrdinal(groups: groups, separators: separators), index + 1 < upper,
                isSpace(scalars[index + 1])
            {
                var after = index + 1
                while after < upper, isSpace(scalars[after]) { after += 1 }
                if after < upper, isLetter(scalars[after]) || isDigit(scalars[after].value) {
                    return (index + 1, .number)
                }
            }
        }
        return (index, .number)
    }

    /// "21", "3" or a day-and-month date "21.10" can be an ordinal; "2022", "10.000", "3,5" cannot.
    private func isOrdinal(groups: [Int], separators: Set<UInt32>) -> Bool {
        if groups.count == 1 { return groups[0] <= 3 }
        return groups.count == 2 && separators == [0x2E] && groups.allSatisfy { $0 <= 2 }
    }

    // MARK: URLs and e-mail

    @inline(never)
    private func urlEnd(at start: Int) -> Int? {
        let first = scalars[start].value | 0x20
        guard first == 0x68 || first == 0x77 || first == 0x66 else { return nil }  // h, w, f
        // every prefix goes on with t or w ("ht", "ww", "ft") and is at least four scalars long
        guard start + 4 < upper, scalars[start + 1].value | 0x20 == 0x74 || scalars[start + 1].value | 0x20 == 0x77 else { return nil }
        var matched = false
        for units in Self.urlPrefixes where !matched {
            guard start + units.count < upper else { continue }
            matched = units.indices.allSatisfy { offset in
                let value = scalars[start + offset].value
                return (value >= 0x41 && value <= 0x5A ? value | 0x20 : value) == units[offset]
            }
        }
        guard matched else { return nil }
        var end = start
        while end < upper, !isSpace(scalars[end]), !isURLStop(scalars[end].value) { end += 1 }
        return trimURL(start: start, end: end)
    }

    /// What a URL starts with, as scalar values in lower case.
    private static let urlPrefixes: [[UInt32]] = ["https://", "http://", "www.", "ftp://"].map { $0.unicodeScalars.map(\.value) }

    @inline(never)
    private func emailEnd(at start: Int) -> Int? {
        guard isLetter(scalars[start]) || isDigit(scalars[start].value) else { return nil }
        var index = start
        var at: Int?
        while index < upper, index - start < 256 {
            let scalar = scalars[index]
            let value = scalar.value
            if value < 0x80, isLetter(scalar) || isDigit(value) || value == 0x2E || value == 0x2D || value == 0x5F || value == 0x2B {
                index += 1
            } else if value == 0x40, at == nil, index > start {
                at = index
                index += 1
            } else {
                break
            }
        }
        guard let at else { return nil }
        let end = trimURL(start: start, end: index)
        guard end > at + 3, scalars[(at + 1)..<end].contains(where: { $0.value == 0x2E }) else { return nil }
        return end
    }

    /// Removes trailing sentence punctuation and unbalanced closing brackets from a URL.
    private func trimURL(start: Int, end: Int) -> Int {
        var end = end
        while end > start + 1 {
            let value = scalars[end - 1].value
            if value == 0x2E || value == 0x2C || value == 0x3B || value == 0x3A || value == 0x21 || value == 0x3F
                || value == 0x27 || value == 0x2019
            {
                end -= 1
            } else if value == 0x29 || value == 0x5D {
                let open: UInt32 = value == 0x29 ? 0x28 : 0x5B
                let opens = scalars[start..<end].filter { $0.value == open }.count
                let closes = scalars[start..<end].filter { $0.value == value }.count
                if closes > opens { end -= 1 } else { break }
            } else {
                break
            }
        }
        return end
    }

    private func isURLStop(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x3C, 0x3E, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A: return true
        default: return value < 0x20
        }
    }

    // MARK: Grapheme clusters

    /// End of the grapheme cluster that starts at `start` (within the range).
    @inline(never)
    private func graphemeEnd(at start: Int) -> Int {
        guard start + 1 < upper else { return start + 1 }
        if scalars[start + 1].value < 0x300 && scalars[start].value != 0x0D { return start + 1 }
        let windowEnd = min(upper, start + 64)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<windowEnd])
        let length = String(view).first.map { $0.unicodeScalars.count } ?? 1
        return start + max(1, length)
    }

    /// Extends a token over combining marks, variation selectors, emoji modifiers, tags and
    /// zero-width joiner sequences so that no token splits a grapheme cluster.
    private func extendCluster(_ end: Int) -> Int {
        var end = end
        while end < upper {
            let scalar = scalars[end]
            let value = scalar.value
            if value < 0x300 { break }
            if value == 0x200D {
                end += 1
                if end < upper, !isSpace(scalars[end]) { end = max(end + 1, graphemeEnd(at: end)) }
                continue
            }
            if isExtender(scalar) {
                end += 1
                continue
            }
            break
        }
        return end
    }

    // MARK: Scalar classes

    /// Whether `scalar` is in any of the classes `flags` (see ``TokenScalarClasses``): a table
    /// look-up for the scalars the table covers, the definition otherwise.
    @inline(__always)
    private func isIn(_ flags: UInt8, _ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        if value < TokenScalarClasses.tableCount { return classes[value] & flags != 0 }
        return TokenScalarClasses.classes(of: scalar) & flags != 0
    }

    @inline(__always)
    private func isExtender(_ scalar: Unicode.Scalar) -> Bool { isIn(TokenScalarClasses.extender, scalar) }

    @inline(__always)
    private func isSpace(_ scalar: Unicode.Scalar) -> Bool { isIn(TokenScalarClasses.space, scalar) }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { TokenScalarClasses.isSpace(scalar) }

    @inline(__always)
    private func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always)
    private func isLetter(_ scalar: Unicode.Scalar) -> Bool { isIn(TokenScalarClasses.letter, scalar) }

    @inline(__always)
    private func isMark(_ scalar: Unicode.Scalar) -> Bool { isIn(TokenScalarClasses.mark, scalar) }

    /// Letters, digits, combining marks and the invisible joiners and soft hyphen inside words.
    @inline(__always)
    private func isWordPart(_ scalar: Unicode.Scalar) -> Bool { isIn(TokenScalarClasses.wordPart, scalar) }

    @inline(__always)
    private func isHyphen(_ value: UInt32) -> Bool { value == 0x2D || value == 0x2010 || value == 0x2011 }

    private func isQuote(_ value: UInt32) -> Bool { TokenScalarClasses.isQuote(value) }

    private func isClosing(_ value: UInt32) -> Bool {
        isQuote(value) || value == 0x29 || value == 0x5D || value == 0x7D
    }

    @inline(__always)
    private func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { isIn(TokenScalarClasses.punctuation, scalar) }
}
