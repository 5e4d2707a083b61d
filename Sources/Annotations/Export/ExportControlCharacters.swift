/// The one rule for control characters in the export files people read with `cat` (`csv`,
/// `conllu`, `iob`, `webanno`): a control a terminal acts on (an escape sequence, a bell) is
/// written as the REPL shows it, never raw. A C0 control but tab, line feed and carriage return
/// becomes its Control Picture (ESC `␛`, BEL `␇`, U+001E `␞`), DEL `␡`; a C1 control
/// (U+0080–U+009F, the 8-bit CSI U+009B) becomes U+FFFD in the token formats, one scalar for one
/// scalar, so offsets (scalars and UTF-16 units) and token boundaries stay as they are; CSV, which
/// has no offsets, names it (`<U+009B>`, ``ExportOutput/appendCSVField(_:)``). Not reversible: the
/// exact text is in the JSON formats and in brat's `.txt`.
enum ExportControlCharacters {
    /// The length in bytes of the control character at `index` of the UTF-8 `text` that is shown
    /// instead of written: a C0 control but tab, LF and CR, or DEL: 1; a C1 control (`C2 80`–`C2 9F`): 2; else 0.
    @inline(__always)
    static func width(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = text[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
        if byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < text.count, (0x80...0x9F).contains(text[index + 1]) { return 2 }
        return 0
    }

    /// Whether the scalar `scalar` is a control this rule shows (what ``width(_:at:)`` finds in
    /// UTF-8): a control character (``InvisibleScalar/isControl(_:)``) but tab, LF and CR.
    static func isShown(_ scalar: Unicode.Scalar) -> Bool {
        InvisibleScalar.isControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// Whether `text` holds a control that ``width(_:at:)`` shows.
    @inline(__always)
    static func holdsControl(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in text.indices {
            let byte = text[index]
            if byte < 0x20 || byte == 0x7F || byte == 0xC2, width(text, at: index) > 0 { return true }
        }
        return false
    }

    /// Appends the Control Picture of the one-byte control `byte` (C0 or DEL): U+2400 + `byte`,
    /// DEL U+2421, three bytes of UTF-8.
    @inline(__always)
    static func appendPicture(of byte: UInt8, to bytes: inout [UInt8]) {
        let value: UInt32 = byte == 0x7F ? 0x2421 : 0x2400 + UInt32(byte)
        bytes.append(0xE0 | UInt8(value >> 12))
        bytes.append(0x80 | UInt8((value >> 6) & 0x3F))
        bytes.append(0x80 | UInt8(value & 0x3F))
    }

    /// U+FFFD, the one scalar a C1 control becomes in the token formats.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Calls `body` with `text`, or, when it holds a control, with its bytes shown as the rule says
    /// (C1 as U+FFFD): most texts hold none and are passed on as they are.
    @inline(__always)
    static func withControlsShown<Result>(
        _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        guard holdsControl(text) else { return try body(text) }
        var shown: [UInt8] = []
        shown.reserveCapacity(text.count + 16)
        appendShown(text, to: &shown)
        return try shown.withUnsafeBufferPointer { try body($0) }
    }

    /// Appends `text` with its controls shown (C1 as U+FFFD).
    static func appendShown(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var index = 0
        while index < text.count {
            switch width(text, at: index) {
            case 1:
                appendPicture(of: text[index], to: &bytes)
                index += 1
            case 2:
                bytes.append(contentsOf: replacement)
                index += 2
            default:
                bytes.append(text[index])
                index += 1
            }
        }
    }

    /// Shows the controls of `bytes[start...]` in place (C1 as U+FFFD).
    static func show(_ bytes: inout [UInt8], from start: Int) {
        let holds = bytes.withUnsafeBufferPointer { holdsControl(UnsafeBufferPointer(rebasing: $0[start...])) }
        guard holds else { return }
        let tail = Array(bytes[start...])
        bytes.removeSubrange(start...)
        tail.withUnsafeBufferPointer { appendShown($0, to: &bytes) }
    }

    /// `text` with its controls shown (C1 as U+FFFD), as the token formats write it.
    static func shown(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            guard holdsControl(source) else { return String(decoding: source, as: UTF8.self) }
            var bytes: [UInt8] = []
            appendShown(source, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
