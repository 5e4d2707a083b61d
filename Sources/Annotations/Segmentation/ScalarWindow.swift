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

    /// Replaces the window by up to `count` scalars of `bytes` (well-formed UTF-8: a Swift string's
    /// bytes), the first starting at byte `byteOffset` and being scalar `scalarOffset` of the
    /// document. Stops at the end of the bytes; the storage is reused.
    mutating func fill(_ bytes: UnsafeBufferPointer<UInt8>, byte byteOffset: Int, scalar scalarOffset: Int, count: Int) {
        start = scalarOffset
        scalars.removeAll(keepingCapacity: true)
        utf8.removeAll(keepingCapacity: true)
        scalars.reserveCapacity(count)
        utf8.reserveCapacity(count + 1)
        var position = max(0, byteOffset)
        let total = bytes.count
        while scalars.count < count, position < total {
            utf8.append(position)
            let lead = UInt32(bytes[position])
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: lead)))
                position += 1
                continue
            }
            var value: UInt32
            let width: Int
            switch lead {
            case ..<0xE0: (value, width) = (lead & 0x1F, 2)
            case ..<0xF0: (value, width) = (lead & 0x0F, 3)
            default: (value, width) = (lead & 0x07, 4)
            }
            var step = 1
            while step < width, position + step < total {
                value = value << 6 | UInt32(bytes[position + step] & 0x3F)
                step += 1
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            position += width
        }
        utf8.append(min(position, total))
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
