/// Text with every run of whitespace collapsed to one space, computed on UTF-8 bytes.
///
/// The definition is the one ``Sentence/collapsedText`` always had: split the text into grapheme
/// clusters (`Character`s), treat a cluster whose first scalar is White_Space as a separator, drop
/// empty pieces and join the rest with one space. Working on bytes treats every White_Space scalar as
/// a separator, which is the same thing except where a space shares a cluster with another scalar: a
/// combining mark, ZWJ, emoji modifier or spacing mark right after a space (the cluster counts as
/// whitespace, so the mark disappears with it), or a prepended concatenation mark right before one
/// (the cluster is not whitespace, so the space stays). Text where that may happen takes the
/// `Character` path, so the result is identical for every input.
package enum CollapsedText {
    /// `text` collapsed (see the type's notes).
    package static func string(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            append(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the collapsed form of the valid UTF-8 `bytes` to `out`.
    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let mark = out.count
        if !appendBytewise(bytes, to: &out) {
            out.removeSubrange(mark...)
            let text = String(decoding: bytes, as: UTF8.self)
            out.append(contentsOf: text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").utf8)
        }
    }

    /// The byte path; returns false (with `out` partly written) when a space may share a grapheme
    /// cluster with another scalar.
    private static func appendBytewise(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let count = bytes.count
        var index = 0
        var wroteAny = false
        var pendingSpace = false
        // Whether the previous scalar was a White_Space scalar that can start a cluster with marks
        // (not a control), and whether it may have been a Prepend scalar.
        var previousJoinableSpace = false
        var previousMayPrepend = false
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    if byte == 0x20 && previousMayPrepend { return false }
                    pendingSpace = wroteAny
                    previousJoinableSpace = byte == 0x20
                    previousMayPrepend = false
                    index += 1
                    continue
                }
                // A run of visible ASCII is copied whole.
                var end = index + 1
                while end < count {
                    let next = bytes[end]
                    if next <= 0x20 || next >= 0x7F { break }
                    end += 1
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                wroteAny = true
                previousJoinableSpace = false
                previousMayPrepend = false
                index = end
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            if let joinable = whitespaceKind(scalar) {
                if joinable && previousMayPrepend { return false }
                pendingSpace = wroteAny
                previousJoinableSpace = joinable
                previousMayPrepend = false
            } else {
                if previousJoinableSpace && !cannotExtend(scalar) { return false }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                wroteAny = true
                previousJoinableSpace = false
                previousMayPrepend = mayBePrepend(scalar)
            }
            index += length
        }
        return true
    }

    /// nil when `scalar` (not ASCII) is not White_Space; otherwise whether it can share a grapheme
    /// cluster (true) or is a control that always stands alone (NEL, LS, PS).
    @inline(__always)
    private static func whitespaceKind(_ scalar: UInt32) -> Bool? {
        switch scalar {
        case 0x85, 0x2028, 0x2029: return false
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return nil
        }
    }

    /// True for scalars (not ASCII, not White_Space) that certainly do not extend a preceding space
    /// into one cluster (no Extend, ZWJ or SpacingMark among them): Latin, general punctuation,
    /// currency, symbols and most emoji. Anything else takes the `Character` path.
    @inline(__always)
    private static func cannotExtend(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2100...0x2BFF,
            0x1F000...0x1F3FA, 0x1F400...0x1FAFF:
            return true
        default:
            return false
        }
    }

    /// True for scalars that may be Prepend (they join the following space into one cluster); every
    /// Prepend scalar lies in these blocks.
    @inline(__always)
    private static func mayBePrepend(_ scalar: UInt32) -> Bool {
        (0x0600...0x0DFF).contains(scalar) || (0x11000...0x11FFF).contains(scalar)
    }

    /// The multi-byte sequence at `index` (``UTF8Sequence``); U+FFFD for the rest when it is cut off.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        UTF8Sequence.decode(bytes, at: index) ?? (0xFFFD, bytes.count - index)
    }
}
