/// The scalars of one stretch of a document, decoded from the document's UTF-8 bytes, with the
/// byte offset of each: what the tokenizer reads when it tokenizes a sentence in place in its
/// document (see ``Sentence/tokenBoundsForOnePass(inBytes:scalarCount:utf8Start:window:bounds:)``),
/// so that a pass over a whole corpus decodes each sentence once into storage reused from sentence
/// to sentence rather than every document into an ``OffsetTable``.
struct ScalarWindow: Sendable {
    /// Scalar offset in the document of the first scalar.
    private(set) var start = 0
    /// The scalars, from ``start`` on.
    private(set) var scalars: [Unicode.Scalar] = []
    /// Byte offset in the document of each scalar and of the end of the last one
    /// (`scalars.count + 1` entries).
    private(set) var utf8: [Int] = [0]

    /// An empty window.
    init() {}

    /// Scalar offset in the document just after the last scalar.
    var end: Int { start + scalars.count }

    /// The scalar whose lead byte is at `position` of UTF-8 (`count` bytes at `base`, `position <
    /// count`) and the width its lead byte gives: a byte below 0x80 is its scalar; a longer sequence
    /// is decoded from its lead byte as far as the bytes go, U+FFFD when that is no scalar. The one
    /// decoding of the window and of the exporters that step through a text's bytes by scalars.
    @inline(__always)
    static func scalar(at position: Int, in base: UnsafePointer<UInt8>, count: Int) -> (Unicode.Scalar, width: Int) {
        let lead = UInt32(base[position])
        var value: UInt32
        let width: Int
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(truncatingIfNeeded: lead)), 1)
        case ..<0xE0: (value, width) = (lead & 0x1F, 2)
        case ..<0xF0: (value, width) = (lead & 0x0F, 3)
        default: (value, width) = (lead & 0x07, 4)
        }
        var step = 1
        while step < width, position + step < count {
            value = value << 6 | UInt32(base[position + step] & 0x3F)
            step += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// Replaces the window by up to `count` scalars of `bytes` (well-formed UTF-8: a Swift string's
    /// bytes), the first starting at byte `byteOffset` and being scalar `scalarOffset` of the
    /// document. Stops at the end of the bytes; the storage is reused.
    ///
    /// The two arrays are sized once for `count` scalars and written through pointers, then cut to
    /// the scalars decoded: appending scalar by scalar checked each array's capacity and uniqueness
    /// for every scalar of the corpus (an export decodes every sentence). A byte below 0x80 is its
    /// scalar; a longer sequence is decoded from its lead byte, as far as the bytes go.
    mutating func fill(_ bytes: UnsafeBufferPointer<UInt8>, byte byteOffset: Int, scalar scalarOffset: Int, count: Int) {
        start = scalarOffset
        let room = max(count, 0)
        // Moved out (still the only reference) so that both are written at once.
        var scalars: [Unicode.Scalar] = [], utf8: [Int] = []
        swap(&scalars, &self.scalars)
        swap(&utf8, &self.utf8)
        defer {
            swap(&scalars, &self.scalars)
            swap(&utf8, &self.utf8)
        }
        Self.resize(&scalars, to: room, with: "\u{0}")
        Self.resize(&utf8, to: room + 1, with: 0)
        let total = bytes.count
        var position = max(0, byteOffset)
        var decoded = 0
        scalars.withUnsafeMutableBufferPointer { scalars in
            utf8.withUnsafeMutableBufferPointer { offsets in
                guard let base = bytes.baseAddress, let scalarSlots = scalars.baseAddress, let offsetSlots = offsets.baseAddress else {
                    return
                }
                while decoded < room, position < total {
                    offsetSlots[decoded] = position
                    let (scalar, width) = Self.scalar(at: position, in: base, count: total)
                    scalarSlots[decoded] = scalar
                    position += width
                    decoded += 1
                }
            }
        }
        scalars.removeLast(room - decoded)
        utf8.removeLast(room - decoded)
        utf8[decoded] = min(position, total)
    }

    /// Makes `array` hold `count` elements, keeping its storage: cut, or filled up with `filler`.
    @inline(__always)
    private static func resize<Element>(_ array: inout [Element], to count: Int, with filler: Element) {
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            array.append(contentsOf: repeatElement(filler, count: count - array.count))
        }
    }

    /// The scalar at document offset `offset` (in ``start``..<``end``).
    @inline(__always)
    subscript(offset: Int) -> Unicode.Scalar { scalars[offset - start] }

    /// Whether document offset `offset` names a scalar of the window.
    @inline(__always)
    func holds(_ offset: Int) -> Bool { offset >= start && offset < end }

    /// The byte offset in the document of document scalar offset `offset` (in ``start``...``end``).
    @inline(__always)
    func utf8Offset(ofScalar offset: Int) -> Int { utf8[offset - start] }

    /// The text between two document scalar offsets of the window.
    func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[(range.lowerBound - start)..<(range.upperBound - start)])
        return String(view)
    }
}
