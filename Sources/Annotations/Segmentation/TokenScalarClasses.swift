/// The scalar classes the tokenizer asks about, defined once by Unicode properties and looked up
/// for the scalars below ``TokenScalarClasses/tableCount`` in a table built from those same
/// definitions (so a look-up answers exactly what the definition answers, without a
/// `Unicode.Scalar.Properties` look-up per scalar on German text).
enum TokenScalarClasses {
    /// Whitespace (``Token/spaceAfter`` tests this).
    static let space: UInt8 = 1 << 0
    /// A letter (what starts a word).
    static let letter: UInt8 = 1 << 1
    /// A letter, digit, combining mark, soft hyphen or zero-width (non-)joiner: what continues a word.
    static let wordPart: UInt8 = 1 << 2
    /// A combining mark.
    static let mark: UInt8 = 1 << 3
    /// What a token extends over so that no token splits a grapheme cluster (marks, variation
    /// selectors, emoji modifiers, tags, the keycap).
    static let extender: UInt8 = 1 << 4
    /// A quotation mark of any style.
    static let quote: UInt8 = 1 << 5
    /// A punctuation mark.
    static let punctuation: UInt8 = 1 << 6

    /// The table covers the scalars below this value: Latin, Greek, Cyrillic and the other
    /// alphabets of the first blocks, general punctuation („ “ – …), currency signs and combining marks for symbols.
    static let tableCount = 0x2100

    /// The classes of each scalar below ``tableCount``: ``tableRuns`` unrolled (a few µs). The
    /// definitions below are the truth: a test checks the table against them for every scalar and,
    /// when the Unicode data of a new toolchain changes an answer, prints the runs to paste in.
    /// (Building the table from the definitions at run time cost about 2.5 ms at every start.)
    static let table: [UInt8] = {
        var table: [UInt8] = []
        table.reserveCapacity(tableCount)
        var index = 0
        while index + 1 < tableRuns.count {
            table.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: tableRuns[index + 1]), count: Int(tableRuns[index])))
            index += 2
        }
        assert(table.count == tableCount)
        return table
    }()

    /// The classes of `scalar` by the definitions (never inlined: the scanner's loops stay free of
    /// `Unicode.Scalar.Properties` code, whose set-up otherwise runs on every call).
    @inline(never)
    static func classes(of scalar: Unicode.Scalar) -> UInt8 {
        var classes: UInt8 = 0
        if isSpace(scalar) { classes |= space }
        if isLetter(scalar) { classes |= letter }
        if isWordPart(scalar) { classes |= wordPart }
        if isMark(scalar) { classes |= mark }
        if isExtender(scalar) { classes |= extender }
        if isQuote(scalar.value) { classes |= quote }
        if isPunctuation(scalar) { classes |= punctuation }
        return classes
    }

    // MARK: Definitions

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value == 0xA0 || value == 0x85 { return true }
        if value < 0x1680 { return false }
        return scalar.properties.isWhitespace
    }

    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value < 0x250 { return value >= 0xC0 && value != 0xD7 && value != 0xF7 }
        if value >= 0x2000 && value < 0x2C00 { return false }
        return scalar.properties.isAlphabetic
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if value < 0x370 { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return isLetter(scalar) || isDigit(value) }
        if value == 0xAD || value == 0x200C || value == 0x200D { return true }
        if isLetter(scalar) { return true }
        if isMark(scalar) { return true }
        return scalar.properties.numericType == .decimal
    }

    static func isExtender(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) || (0x1F3FB...0x1F3FF).contains(value)
            || (0xE0020...0xE007F).contains(value) || value == 0x20E3
        {
            return true
        }
        return isMark(scalar)
    }

    static func isQuote(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2039, 0x203A:
            return true
        default:
            return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
