/// The byte-level engine behind ``SentenceSegmenter``.
///
/// It scans the UTF-8 bytes once. Only a handful of byte values can start a line break or a
/// sentence end (`\n` `\r` VT FF `.` `?` `!`, and the lead bytes of NEL, LS, PS and "…"), so the hot
/// loop is a table lookup per byte. Every decision looks at most a bounded number of bytes around a
/// candidate, which keeps the whole scan linear even for a single huge line. Byte offsets are turned
/// into Unicode-scalar offsets by a cursor that only moves forward, counting non-continuation bytes.
struct SegmentationScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private var result: [Range<Int>] = []
    /// The same sentences as byte ranges into the UTF-8.
    private(set) var byteRanges: [Range<Int>] = []
    private var cursorByte = 0
    private var cursorScalar = 0
    private var sentenceStart = 0

    /// How far back (in bytes) the scanner looks for a word, a number or a URL.
    private static let lookbehind = 64
    private static let urlLookbehind = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.count
        result.reserveCapacity(bytes.count / 96 + 4)
        byteRanges.reserveCapacity(bytes.count / 96 + 4)
    }

    /// Bytes the hot loop has to look at: 1 = line break, 2 = terminator, 3 = lead byte to inspect.
    private static let interesting: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte: UInt8 in [0x0A, 0x0B, 0x0C, 0x0D] { table[Int(byte)] = 1 }
        for byte: UInt8 in [0x2E, 0x3F, 0x21] { table[Int(byte)] = 2 }
        table[0xC2] = 3  // NEL U+0085
        table[0xE2] = 3  // LS U+2028, PS U+2029, ellipsis U+2026
        return table
    }()

    /// Runs the scan and returns the sentence ranges in scalar offsets.
    mutating func run() -> [Range<Int>] {
        Self.interesting.withUnsafeBufferPointer { table in
            var index = 0
            while index < count {
                let byte = bytes[index]
                let kind = table[Int(byte)]
                if kind == 0 {
                    index &+= 1
                    continue
                }
                switch kind {
                case 1:
                    emit(sentenceStart, index)
                    index += 1
                    sentenceStart = index
                case 2:
                    index = handleTerminator(at: index)
                default:
                    if byte == 0xC2 {
                        if index + 1 < count, bytes[index + 1] == 0x85 {
                            emit(sentenceStart, index)
                            index += 2
                            sentenceStart = index
                        } else {
                            index += 1
                        }
                    } else if index + 2 < count, bytes[index + 1] == 0x80 {
                        let third = bytes[index + 2]
                        if third == 0xA8 || third == 0xA9 {
                            emit(sentenceStart, index)
                            index += 3
                            sentenceStart = index
                        } else if third == 0xA6 {
                            index = handleTerminator(at: index)
                        } else {
                            index += 3
                        }
                    } else {
                        index += 1
                    }
                }
            }
        }
        emit(sentenceStart, count)
        return result
    }

    // MARK: - Sentence ends

    private enum TerminatorKind { case fullStop, strong, ellipsis }

    /// How the word before a full stop behaves at a candidate boundary.
    private enum PrecedingClass { case normal, never, openersOnly }

    /// Handles a run of terminators starting at `start`; returns where scanning continues.
    private mutating func handleTerminator(at start: Int) -> Int {
        var end = start
        var dots = 0
        var strong = false
        var ellipsis = false
        while end < count {
            let byte = bytes[end]
            if byte == 0x2E {
                dots += 1
                end += 1
            } else if byte == 0x3F || byte == 0x21 {
                strong = true
                end += 1
            } else if byte == 0xE2, end + 2 < count, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA6 {
                ellipsis = true
                end += 3
            } else {
                break
            }
        }
        let kind: TerminatorKind = strong ? .strong : (ellipsis || dots >= 2) ? .ellipsis : .fullStop
        var bracketed = false
        if kind == .ellipsis, start > 0, bytes[start - 1] == 0x28 || bytes[start - 1] == 0x5B,
            end < count, bytes[end] == 0x29 || bytes[end] == 0x5D
        {
            bracketed = true
            end += 1
        }
        // "(!)", "(?)", "[sic!]"-style interjections never end a sentence
        if kind == .strong, start > 0, bytes[start - 1] == 0x28 || bytes[start - 1] == 0x5B, end < count,
            bytes[end] == 0x29 || bytes[end] == 0x5D
        {
            return end + 1
        }
        let clusterEnd = end
        while end < count, let length = closerLength(at: end) { end += length }
        let closers = end > clusterEnd
        guard end < count else { return end }

        let next = skipSpaces(from: end)
        if next >= count || lineBreakLength(at: next) > 0 { return end }
        let boundary: Bool
        if next == end {
            boundary = gluedBoundary(start: start, end: end, kind: kind, closers: closers)
        } else {
            boundary = spacedBoundary(start: start, next: next, kind: kind, bracketed: bracketed)
        }
        if boundary && hasContent(before: bracketed ? start - 1 : start) {
            emit(sentenceStart, end)
            sentenceStart = end
        }
        return end
    }

    /// Decision when whitespace separates the terminator (and its closers) from what follows.
    private func spacedBoundary(start: Int, next: Int, kind: TerminatorKind, bracketed: Bool) -> Bool {
        var position = next
        // "… bezeichnen. (…) Ich will …": a bracketed omission mark opening the next sentence.
        if let omission = bracketedOmissionLength(at: position) {
            let after = skipSpaces(from: position + omission)
            guard after > position + omission, after < count else { return false }
            let word = skipOpeners(from: after)
            let (scalar, _) = decode(at: word)
            guard isUpper(scalar) else { return false }
            return kind == .strong || kind == .ellipsis || precedingClass(ofFullStopAt: start) != .never
        }
        position = skipOpeners(from: position)
        guard position < count else { return false }
        let (scalar, _) = decode(at: position)
        let upper = isUpper(scalar)
        let digit = scalar >= 0x30 && scalar <= 0x39
        guard upper || digit else { return false }
        switch kind {
        case .strong:
            return true
        case .ellipsis:
            if bracketed { return upper && isOpener(at: position) }
            // "Nichts… Dann" (glued to the word) ends a sentence; " … " inside a sentence usually not.
            if start > 0, whitespaceLengthBefore(start, limit: 0) == 0 { return true }
            return upper && isOpener(at: position)
        case .fullStop:
            switch precedingClass(ofFullStopAt: start) {
            case .normal: return true
            case .never: return false
            case .openersOnly: return upper && isOpener(at: position)
            }
        }
    }

    /// Decision when the next character is glued to the terminator ("haben.Desinformation",
    /// "würden.unbedingt", "z.B.", "Nr.5", "tagesschau.de").
    private func gluedBoundary(start: Int, end: Int, kind: TerminatorKind, closers: Bool) -> Bool {
        var position = end
        if !closers, let length = openingQuoteLength(at: position) { position += length }
        guard position < count else { return false }
        let (scalar, _) = decode(at: position)
        guard isUpper(scalar), !looksLikeURL(endingAt: start), !looksLikeURL(startingAt: position) else { return false }
        if closers { return true }
        switch kind {
        case .strong, .ellipsis:
            guard start > 0 else { return false }
            let (previous, _) = decode(before: start)
            return isWordScalar(previous)
        case .fullStop:
            guard let word = wordBefore(start), word.letters >= 2, word.hasLower else { return false }
            guard precedingClass(ofFullStopAt: start) == .normal else { return false }
            // the glued continuation must look like a word, not an acronym part ("Ph.D")
            var letters = 0
            var index = position
            while index < count, letters < 2 {
                let (next, length) = decode(at: index)
                guard isWordScalar(next) else { break }
                letters += 1
                index += length
            }
            return letters >= 2
        }
    }

    /// Classifies the token before the full stop at `dot`.
    private func precedingClass(ofFullStopAt dot: Int) -> PrecedingClass {
        guard dot > 0 else { return .normal }
        let (previous, _) = decode(before: dot)
        if previous >= 0x30 && previous <= 0x39 { return numberClass(endingAt: dot) }
        guard let word = wordBefore(dot) else { return .normal }
        if word.start > 0, bytes[word.start - 1] >= 0x30, bytes[word.start - 1] <= 0x39 { return .normal }
        if let kind = abbreviationClass(word: word) {
            switch kind {
            case .neverFinal: return .never
            case .rarelyFinal: return .openersOnly
            case .oftenFinal: return .normal
            }
        }
        if word.letters == 1 { return .openersOnly }  // initials "J. D. Vance", "u.", "d."
        if word.letters >= 4, bytes[dot - 1] == 0x72, bytes[dot - 2] == 0x74, bytes[dot - 3] == 0x73 {
            return .openersOnly  // streets: "Hauptstr. 5", "Bahnhofstr."
        }
        if word.roman && word.letters <= 5 { return .openersOnly }  // "Ludwig XIV."
        return .normal
    }

    /// Numbers before a full stop: small numbers and dates are ordinals ("am 21. Oktober",
    /// "im 3. Quartal", "21.10."); years and amounts end sentences ("2022.", "10.000.", "3,5.").
    private func numberClass(endingAt dot: Int) -> PrecedingClass {
        var index = dot
        var groupLength = 0
        var groups: [Int] = []
        while index > 0, dot - index < 24 {
            let byte = bytes[index - 1]
            if byte >= 0x30 && byte <= 0x39 {
                groupLength += 1
            } else if byte == 0x2E, groupLength > 0, index >= 2, bytes[index - 2] >= 0x30, bytes[index - 2] <= 0x39 {
                groups.append(groupLength)
                groupLength = 0
            } else {
                break
            }
            index -= 1
        }
        groups.append(groupLength)
        if index > 0 {
            let (previous, _) = decode(before: index)
            // "G7.", "3,5.", a score "2:1." or a season "2023/24."
            if isWordScalar(previous) || previous == 0x2C || previous == 0x3A || previous == 0x2F { return .normal }
        }
        // groups are collected from the end: the last element is the leading group
        if groups.count == 1 {
            guard groupLength <= 3 else { return .normal }
            // "auf Platz 3. Bayern …", "Artikel 5. Das …": a number after a counted noun is a cardinal.
            return followsCountedNoun(numberStart: index) ? .normal : .openersOnly
        }
        if groups.dropLast().allSatisfy({ $0 == 3 }) { return .normal }  // "10.000"
        if groups.allSatisfy({ $0 <= 2 }) { return .openersOnly }  // "21.10."
        return .normal
    }

    /// True when the number starting at `numberStart` follows a noun that numbers things ("Platz 3",
    /// "Rang 2", "Artikel 5"), separated by whitespace: then the number is a cardinal, not an ordinal.
    private func followsCountedNoun(numberStart: Int) -> Bool {
        let space = whitespaceLengthBefore(numberStart, limit: 0)
        guard space > 0, let word = wordBefore(numberStart - space), let key = wordKey(at: word.start) else { return false }
        return AbbreviationLexicon.countedNounKeys.contains(key)
    }

    // MARK: - Words and abbreviations

    private struct Word {
        var start: Int
        var letters: Int
        var hasLower: Bool
        var roman: Bool
    }

    /// The run of letters that ends at `end`, if it is short enough to be looked at.
    private func wordBefore(_ end: Int) -> Word? {
        var index = end
        var word = Word(start: end, letters: 0, hasLower: false, roman: true)
        while index > 0 {
            let (scalar, length) = decode(before: index)
            guard isWordScalar(scalar) else { break }
            if end - index + length > Self.lookbehind { return nil }
            index -= length
            word.letters += 1
            if isLower(scalar) { word.hasLower = true }
            if scalar != 0x49 && scalar != 0x56 && scalar != 0x58 { word.roman = false }
        }
        guard word.letters > 0 else { return nil }
        word.start = index
        return word
    }

    /// Looks the word (joined with up to two preceding abbreviation parts, "z. B.", "Anm. d. Red.")
    /// up in the lexicon, longest combination first.
    private func abbreviationClass(word: Word) -> AbbreviationClass? {
        var parts: [Range<Int>] = [word.start..<wordEnd(word)]
        var partStart = word.start
        for _ in 0..<2 {
            guard partStart > 0 else { break }
            var dot = partStart - 1
            if bytes[dot] != 0x2E {
                let space = whitespaceLengthBefore(partStart, limit: 0)
                guard space > 0, lineBreakLength(at: partStart - space) == 0, partStart - space > 0,
                    bytes[partStart - space - 1] == 0x2E
                else { break }
                dot = partStart - space - 1
            }
            guard let previous = wordBefore(dot), dot - previous.start <= 8 else { break }
            parts.insert(previous.start..<dot, at: 0)
            partStart = previous.start
        }
        let table = AbbreviationLexicon.classes
        for first in parts.indices {
            var key = ByteKey()
            var fits = true
            for index in first..<parts.count where fits {
                if index > first { fits = key.append(0x2E) }
                for position in parts[index] where fits { fits = key.append(bytes[position]) }
            }
            if fits, let kind = table[key] { return kind }
        }
        return nil
    }

    private func wordEnd(_ word: Word) -> Int {
        var index = word.start
        for _ in 0..<word.letters { index += decode(at: index).length }
        return index
    }

    /// True when the capitalised word at `position` is a typical sentence opener ("Die", "Er", "Nach").
    private func isOpener(at position: Int) -> Bool {
        guard let key = wordKey(at: position) else { return false }
        return key.count > 0 && AbbreviationLexicon.openerKeys.contains(key)
    }

    /// The bytes of the word that starts at `position`, as a lexicon key; nil when it is too long for one.
    private func wordKey(at position: Int) -> ByteKey? {
        var key = ByteKey()
        var index = position
        while index < count {
            let (scalar, length) = decode(at: index)
            guard isWordScalar(scalar) else { break }
            for offset in 0..<length where !key.append(bytes[index + offset]) { return nil }
            index += length
        }
        return key
    }

    /// True when the current sentence holds a letter or digit before `end` (looked for within a
    /// bounded distance; a longer stretch counts as content).
    private func hasContent(before end: Int) -> Bool {
        var index = min(end, count)
        while index > sentenceStart {
            if end - index > Self.lookbehind { return true }
            let (scalar, length) = decode(before: index)
            if isWordScalar(scalar) || (scalar >= 0x30 && scalar <= 0x39) { return true }
            index -= length
        }
        return false
    }

    /// True when the token that ends at `end` is part of a URL or an e-mail address.
    private func looksLikeURL(endingAt end: Int) -> Bool {
        var index = end
        var slashes = 0
        while index > 0 {
            if end - index > Self.urlLookbehind { return true }
            let byte = bytes[index - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            if byte == 0x40 { return true }  // @
            if byte == 0x2F {
                slashes += 1
                if slashes >= 2, index >= 2, bytes[index - 2] == 0x3A { return true }  // ://
            } else {
                slashes = 0
            }
            if byte == 0x2E, index >= 4, bytes[index - 2] | 0x20 == 0x77, bytes[index - 3] | 0x20 == 0x77,
                bytes[index - 4] | 0x20 == 0x77
            {
                return true  // www.
            }
            index -= 1
        }
        return false
    }

    /// True when the token that starts at `start` continues like a URL path or an e-mail address.
    private func looksLikeURL(startingAt start: Int) -> Bool {
        var index = start
        while index < count, index - start < Self.urlLookbehind {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return false }
            if byte == 0x40 || byte == 0x2F { return true }  // @ /
            index += 1
        }
        return index < count
    }

    // MARK: - Characters

    /// Length of a closing quote or bracket at `index`, or nil.
    @inline(__always)
    private func closerLength(at index: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xC2:
            guard index + 1 < count else { return nil }
            let second = bytes[index + 1]
            return second == 0xBB || second == 0xAB ? 2 : nil  // » «
        case 0xE2:
            guard index + 2 < count, bytes[index + 1] == 0x80 else { return nil }
            switch bytes[index + 2] {
            case 0x98, 0x99, 0x9C, 0x9D, 0xB9, 0xBA: return 3  // ‘ ’ “ ” ‹ ›
            default: return nil
            }
        default: return nil
        }
    }

    /// Length of an opening quote or bracket at `index`, or nil.
    @inline(__always)
    private func openingQuoteLength(at index: Int) -> Int? {
        guard index < count else { return nil }
        let byte = bytes[index]
        switch byte {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B: return 1
        case 0xC2:
            guard index + 1 < count else { return nil }
            let second = bytes[index + 1]
            return second == 0xBB || second == 0xAB ? 2 : nil
        case 0xE2:
            guard index + 2 < count, bytes[index + 1] == 0x80 else { return nil }
            switch bytes[index + 2] {
            case 0x98, 0x99, 0x9A, 0x9C, 0x9D, 0x9E, 0xB9, 0xBA: return 3  // ‘ ’ ‚ “ ” „ ‹ ›
            default: return nil
            }
        default: return nil
        }
    }

    private func skipOpeners(from start: Int) -> Int {
        var index = start
        var steps = 0
        while steps < 4, let length = openingQuoteLength(at: index) {
            index += length
            steps += 1
        }
        return index
    }

    /// Length of "(…)", "[…]", "(...)" or "[...]" at `index`, or nil.
    private func bracketedOmissionLength(at index: Int) -> Int? {
        guard index < count, bytes[index] == 0x28 || bytes[index] == 0x5B else { return nil }
        var end = index + 1
        if end + 2 < count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA6 {
            end += 3
        } else {
            var dots = 0
            while end < count, bytes[end] == 0x2E, dots < 8 {
                dots += 1
                end += 1
            }
            guard dots >= 2 else { return nil }
        }
        guard end < count, bytes[end] == 0x29 || bytes[end] == 0x5D else { return nil }
        return end + 1 - index
    }

    /// Index of the first byte at or after `start` that is not an in-line space.
    private func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < count {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                index += 1
                continue
            }
            let length = whitespaceLength(at: index, limit: count)
            if length == 0 || lineBreakLength(at: index) > 0 { break }
            index += length
        }
        return index
    }

    /// Length of a line break at `index` (LF, VT, FF, CR, NEL, LS, PS), or 0.
    @inline(__always)
    private func lineBreakLength(at index: Int) -> Int {
        let byte = bytes[index]
        if byte >= 0x0A && byte <= 0x0D { return 1 }
        if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 { return 2 }
        if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
            return 3
        }
        return 0
    }

    /// Length of a White_Space scalar starting at `index` (before `limit`), or 0.
    @inline(__always)
    private func whitespaceLength(at index: Int, limit: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        switch byte {
        case 0xC2:
            guard index + 1 < limit else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1:
            guard index + 2 < limit else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard index + 2 < limit else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 { return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard index + 2 < limit else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// Length of a White_Space scalar ending at `end` (at or after `limit`), or 0.
    @inline(__always)
    private func whitespaceLengthBefore(_ end: Int, limit: Int) -> Int {
        guard end > limit else { return 0 }
        let last = bytes[end - 1]
        if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) ? 1 : 0 }
        if end - 2 >= limit, bytes[end - 2] == 0xC2 { return whitespaceLength(at: end - 2, limit: end) }
        if end - 3 >= limit, bytes[end - 3] >= 0xE0 { return whitespaceLength(at: end - 3, limit: end) }
        return 0
    }

    /// Decodes the scalar starting at `index` (the text is valid UTF-8).
    @inline(__always)
    private func decode(at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0, index + 1 < count {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < count {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if index + 3 < count {
            return (
                UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }

    /// Decodes the scalar that ends at `end`.
    @inline(__always)
    private func decode(before end: Int) -> (scalar: UInt32, length: Int) {
        var start = end - 1
        if bytes[start] < 0x80 { return (UInt32(bytes[start]), 1) }
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, length) = decode(at: start)
        return start + length == end ? (scalar, length) : (0xFFFD, 1)
    }

    // MARK: - Output

    /// Appends the range between two byte offsets, trimmed of whitespace, in scalar offsets.
    private mutating func emit(_ start: Int, _ end: Int) {
        var lower = start, upper = end
        while lower < upper {
            let length = whitespaceLength(at: lower, limit: upper)
            if length == 0 { break }
            lower += length
        }
        while upper > lower {
            let length = whitespaceLengthBefore(upper, limit: lower)
            if length == 0 { break }
            upper -= length
        }
        guard lower < upper else { return }
        let first = scalarOffset(ofByte: lower)
        let last = scalarOffset(ofByte: upper)
        result.append(first..<last)
        byteRanges.append(lower..<upper)
    }

    /// Scalar offset of a byte offset; byte offsets must be requested in non-decreasing order.
    @inline(__always)
    private mutating func scalarOffset(ofByte target: Int) -> Int {
        var scalars = cursorScalar
        var index = cursorByte
        while index < target {
            scalars &+= bytes[index] & 0xC0 != 0x80 ? 1 : 0
            index &+= 1
        }
        cursorByte = target
        cursorScalar = scalars
        return scalars
    }
}

// MARK: - Scalar classes (fast paths for ASCII and Latin-1)

@inline(__always)
func isUpper(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return scalar >= 0x41 && scalar <= 0x5A }
    if scalar < 0x100 { return scalar >= 0xC0 && scalar <= 0xDE && scalar != 0xD7 }
    guard let value = Unicode.Scalar(scalar) else { return false }
    return value.properties.isUppercase || value.properties.generalCategory == .titlecaseLetter
}

@inline(__always)
func isLower(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return scalar >= 0x61 && scalar <= 0x7A }
    if scalar < 0x100 { return scalar >= 0xDF && scalar != 0xF7 }
    guard let value = Unicode.Scalar(scalar) else { return false }
    return value.properties.isLowercase
}

/// Letters and combining marks: the scalars a word is made of.
@inline(__always)
func isWordScalar(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A }
    if scalar < 0x250 { return scalar >= 0xC0 && scalar != 0xD7 && scalar != 0xF7 }
    if scalar >= 0x300 && scalar < 0x370 { return true }
    if scalar >= 0x2000 && scalar < 0x2C00 { return false }
    guard let value = Unicode.Scalar(scalar) else { return false }
    if value.properties.isAlphabetic { return true }
    switch value.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
}
