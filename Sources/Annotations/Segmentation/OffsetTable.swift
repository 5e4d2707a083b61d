/// Exact conversions between the Unicode-scalar offsets the project stores and the other units
/// that consumers count: UTF-16 code units (WebAnno, INCEpTION), UTF-8 bytes and `Character`s.
///
/// Built once per document in O(n); every lookup afterwards is O(1) (O(log n) from UTF-16/UTF-8,
/// and O(log k) to UTF-16 for a text with k scalars outside the Basic Multilingual Plane).
///
/// The table is compact, as an export builds one for every document of a corpus at once (80 MB of
/// text took 2.3 GB as prefix arrays of `Int`): UTF-8 offsets are kept as 32-bit numbers, UTF-16
/// offsets as the list of scalars that take two code units (usually none), and `Character` offsets
/// only for a text where some grapheme cluster holds more than one scalar (see
/// ``isSingleScalarCharacter(_:)``); in every other text the `Character` offset is the scalar offset.
struct OffsetTable: Sendable {
    /// The scalars of the text, for O(1) slicing by scalar offset.
    let scalars: [Unicode.Scalar]
    /// UTF-8 offset of every scalar offset (`scalars.count + 1` entries).
    private let utf8Prefix: Prefix
    /// Scalar offsets of the scalars outside the BMP (two UTF-16 code units each), ascending.
    private let astral: [Int]
    /// `Character` offsets and boundaries; nil when every scalar is a `Character` of its own.
    private let clusters: Clusters?

    /// Offsets that fit 32 bits (every text shorter than 4 GiB) or not.
    private enum Prefix {
        case narrow([UInt32])
        case wide([Int])

        subscript(_ index: Int) -> Int {
            switch self {
            case .narrow(let values): Int(values[index])
            case .wide(let values): values[index]
            }
        }

        var count: Int {
            switch self {
            case .narrow(let values): values.count
            case .wide(let values): values.count
            }
        }
    }

    /// `Character` offset and boundary flag of every scalar offset, for a text with clusters of
    /// several scalars.
    private struct Clusters {
        var characterPrefix: [Int]
        var isBoundary: [Bool]
    }

    /// Builds the table for `text`.
    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var astral: [Int] = []
        var allSingle = true
        for scalar in text.unicodeScalars {
            if scalar.value > 0xFFFF { astral.append(scalars.count) }
            if allSingle && !Self.isSingleScalarCharacter(scalar) { allSingle = false }
            scalars.append(scalar)
        }
        let total = text.utf8.count
        if total <= Int(UInt32.max) {
            var utf8 = [UInt32](repeating: 0, count: scalars.count + 1)
            var running: UInt32 = 0
            for (index, scalar) in scalars.enumerated() {
                running &+= UInt32(UTF8.width(scalar))
                utf8[index + 1] = running
            }
            utf8Prefix = .narrow(utf8)
        } else {
            var utf8 = [Int](repeating: 0, count: scalars.count + 1)
            var running = 0
            for (index, scalar) in scalars.enumerated() {
                running += UTF8.width(scalar)
                utf8[index + 1] = running
            }
            utf8Prefix = .wide(utf8)
        }
        self.scalars = scalars
        self.astral = astral
        clusters = allSingle ? nil : Self.clusters(of: text, scalarCount: scalars.count)
    }

    /// `Character` offsets and boundaries through the standard library's grapheme breaking.
    private static func clusters(of text: String, scalarCount: Int) -> Clusters {
        var boundary = [Bool](repeating: false, count: scalarCount + 1)
        var characters = [Int](repeating: 0, count: scalarCount + 1)
        var scalarOffset = 0
        var characterOffset = 0
        boundary[0] = true
        for character in text {
            let width = character.unicodeScalars.count
            for step in 1...width {
                characters[scalarOffset + step] = characterOffset + (step == width ? 1 : 0)
            }
            scalarOffset += width
            characterOffset += 1
            boundary[scalarOffset] = true
        }
        return Clusters(characterPrefix: characters, isBoundary: boundary)
    }

    /// True for scalars that form a grapheme cluster of their own next to any other such scalar:
    /// their Grapheme_Cluster_Break property is Control (apart from CR, which joins a following LF)
    /// or Other, so no rule of UAX #29 keeps them together. Below U+0300 (Latin, controls, spacing
    /// modifiers), spaces and punctuation of General Punctuation apart from the format characters
    /// U+200B–U+200F and U+2028–U+202E, and the currency signs. A test checks every such scalar and
    /// pairs of them against the standard library.
    static func isSingleScalarCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return value != 0x0D }
        return (0x2000...0x200A).contains(value) || (0x2010...0x2027).contains(value)
            || (0x202F...0x205F).contains(value) || (0x20A0...0x20C0).contains(value)
    }

    /// Number of scalars in the text.
    var scalarCount: Int { scalars.count }
    /// Number of UTF-16 code units in the text.
    var utf16Count: Int { scalars.count + astral.count }

    /// UTF-16 offset of a scalar offset (0...scalarCount).
    func utf16Offset(ofScalar offset: Int) -> Int {
        let offset = clamp(offset)
        return astral.isEmpty ? offset : offset + astralCount(before: offset)
    }
    /// UTF-8 byte offset of a scalar offset (0...scalarCount).
    func utf8Offset(ofScalar offset: Int) -> Int { utf8Prefix[clamp(offset)] }
    /// `Character` offset of a scalar offset; an offset inside a grapheme cluster maps to that cluster's index.
    func characterOffset(ofScalar offset: Int) -> Int {
        guard let clusters else { return clamp(offset) }
        return clusters.characterPrefix[clamp(offset)]
    }
    /// True when the scalar offset does not split a grapheme cluster (e.g. a base letter and its combining mark).
    func isCharacterBoundary(_ offset: Int) -> Bool {
        guard offset >= 0 && offset <= scalars.count else { return false }
        guard let clusters else { return true }
        return clusters.isBoundary[offset]
    }

    /// The scalar offset at a UTF-16 offset, or nil when it falls inside a surrogate pair or out of range.
    func scalarOffset(ofUTF16 offset: Int) -> Int? {
        guard offset >= 0, offset <= utf16Count else { return nil }
        if astral.isEmpty { return offset }
        // The i-th astral scalar (at scalar offset p) takes the code units p + i and p + i + 1; count
        // the pairs that end at or before `offset`.
        var low = 0, high = astral.count
        while low < high {
            let mid = (low + high) / 2
            if astral[mid] + mid + 2 <= offset { low = mid + 1 } else { high = mid }
        }
        if low < astral.count, astral[low] + low + 1 == offset { return nil }
        return offset - low
    }
    /// The scalar offset at a UTF-8 offset, or nil when it falls inside a multi-byte sequence or out of range.
    func scalarOffset(ofUTF8 offset: Int) -> Int? {
        var low = 0, high = utf8Prefix.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let value = utf8Prefix[mid]
            if value == offset { return mid }
            if value < offset { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The text between two scalar offsets (clamped to the text).
    func slice(_ start: Int, _ end: Int) -> String {
        let lower = clamp(start), upper = max(lower, clamp(end))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// The text of a scalar range.
    func slice(_ range: Range<Int>) -> String { slice(range.lowerBound, range.upperBound) }

    private func clamp(_ offset: Int) -> Int { min(max(offset, 0), scalars.count) }

    /// How many astral scalars come before the scalar offset `offset`.
    private func astralCount(before offset: Int) -> Int {
        var low = 0, high = astral.count
        while low < high {
            let mid = (low + high) / 2
            if astral[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
