/// Exact conversions between the Unicode-scalar offsets the project stores and the other units
/// that consumers count: UTF-16 code units (WebAnno, INCEpTION), UTF-8 bytes and `Character`s.
///
/// Built once per document in O(n); every lookup afterwards is O(1) (O(log n) from UTF-16/UTF-8).
public struct OffsetTable: Sendable {
    /// The scalars of the text, for O(1) slicing by scalar offset.
    public let scalars: [Unicode.Scalar]
    private let utf16Prefix: [Int]
    private let utf8Prefix: [Int]
    private let characterPrefix: [Int]
    private let isCharacterBoundary: [Bool]

    /// Builds the table for `text`.
    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var utf16 = [Int](repeating: 0, count: scalars.count + 1)
        var utf8 = [Int](repeating: 0, count: scalars.count + 1)
        var running16 = 0, running8 = 0
        for (index, scalar) in scalars.enumerated() {
            running16 += UTF16.width(scalar)
            running8 += UTF8.width(scalar)
            utf16[index + 1] = running16
            utf8[index + 1] = running8
        }
        var boundary = [Bool](repeating: false, count: scalars.count + 1)
        var characters = [Int](repeating: 0, count: scalars.count + 1)
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
        self.scalars = scalars
        self.utf16Prefix = utf16
        self.utf8Prefix = utf8
        self.characterPrefix = characters
        self.isCharacterBoundary = boundary
    }

    /// Number of scalars in the text.
    public var scalarCount: Int { scalars.count }
    /// Number of UTF-16 code units in the text.
    public var utf16Count: Int { utf16Prefix[scalars.count] }

    /// UTF-16 offset of a scalar offset (0...scalarCount).
    public func utf16Offset(ofScalar offset: Int) -> Int { utf16Prefix[clamp(offset)] }
    /// UTF-8 byte offset of a scalar offset (0...scalarCount).
    public func utf8Offset(ofScalar offset: Int) -> Int { utf8Prefix[clamp(offset)] }
    /// `Character` offset of a scalar offset; an offset inside a grapheme cluster maps to that cluster's index.
    public func characterOffset(ofScalar offset: Int) -> Int { characterPrefix[clamp(offset)] }
    /// True when the scalar offset does not split a grapheme cluster (e.g. a base letter and its combining mark).
    public func isCharacterBoundary(_ offset: Int) -> Bool {
        offset >= 0 && offset <= scalars.count && isCharacterBoundary[offset]
    }

    /// The scalar offset at a UTF-16 offset, or nil when it falls inside a surrogate pair or out of range.
    public func scalarOffset(ofUTF16 offset: Int) -> Int? { Self.inverse(utf16Prefix, offset) }
    /// The scalar offset at a UTF-8 offset, or nil when it falls inside a multi-byte sequence or out of range.
    public func scalarOffset(ofUTF8 offset: Int) -> Int? { Self.inverse(utf8Prefix, offset) }

    /// The text between two scalar offsets (clamped to the text).
    public func slice(_ start: Int, _ end: Int) -> String {
        let lower = clamp(start), upper = max(lower, clamp(end))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// The text of a scalar range.
    public func slice(_ range: Range<Int>) -> String { slice(range.lowerBound, range.upperBound) }

    private func clamp(_ offset: Int) -> Int { min(max(offset, 0), scalars.count) }

    private static func inverse(_ prefix: [Int], _ value: Int) -> Int? {
        var low = 0, high = prefix.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if prefix[mid] == value { return mid }
            if prefix[mid] < value { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
