import Foundation

/// A strict (RFC 8259) pull parser over UTF-8 bytes: the caller asks for the value it expects next
/// and the reader either returns it or throws a ``JSONReader/Failure`` with the exact byte position.
///
/// The reader never builds a tree; objects and arrays are walked with ``beginObject()`` /
/// ``nextKey(_:)`` and ``beginArray()`` / ``nextElement(_:)``. The bytes must stay alive and
/// unchanged while the reader is used (it holds an unsafe view of them).
struct JSONReader {
    /// Why reading stopped: where, and whether the bytes are not JSON at all or just not what was expected.
    struct Failure: Error {
        /// Byte offset where the problem was found.
        var position: Int
        /// True when the bytes are not valid JSON at this position (otherwise: valid JSON of an unexpected shape).
        var isSyntax: Bool
        /// What went wrong.
        var message: String

        /// Where in `bytes` reading stopped: the 1-based line and column (in bytes), and whether
        /// the bytes ended before a value did (a syntax error at their end: cut off, truncated?).
        /// Every reader that names a place (session files, log lines, files to import) takes it from here.
        func place(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int, endedEarly: Bool) {
            let (line, column) = JSONReader.lineAndColumn(of: position, in: bytes)
            return (line, column, isSyntax && position >= bytes.count)
        }
    }

    /// An object key: a view of the raw bytes when it has no escapes, else its decoded text.
    struct Key {
        fileprivate var raw: UnsafeBufferPointer<UInt8>
        fileprivate var decoded: String?

        /// True when the key equals `name` (an ASCII literal).
        @inline(__always)
        func `is`(_ name: StaticString) -> Bool {
            if let decoded { return decoded.utf8.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
            guard raw.count == name.utf8CodeUnitCount else { return false }
            guard let base = raw.baseAddress else { return true }
            return memcmp(base, name.utf8Start, raw.count) == 0
        }

        /// The key's text.
        var string: String { decoded ?? String(decoding: raw, as: UTF8.self) }

        /// The key as written, quotes included.
        var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: raw.baseAddress.map { $0 - 1 }, count: raw.count + 2) }
    }

    /// The bytes read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next unread byte.
    private(set) var position: Int
    /// Whether skipped numbers are checked to fit a reader and skipped strings' escapes decoded (see ``validate(_:)``).
    private var strict = false

    /// A reader at the start of `bytes`, past a UTF-8 byte order mark if there is one.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// A reader at byte offset `position` of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        self.bytes = bytes
        self.position = min(max(position, 0), bytes.count)
    }

    /// Continues reading at byte offset `position` (one that another reader of the same bytes reached).
    mutating func move(to position: Int) {
        self.position = min(max(position, 0), bytes.count)
    }

    // MARK: - Errors

    func syntaxError(_ message: String) -> Failure {
        Failure(position: position, isSyntax: true, message: message)
    }

    func shapeError(_ message: String) -> Failure {
        Failure(position: position, isSyntax: false, message: message)
    }

    private func unexpected() -> Failure {
        position < bytes.count
            ? syntaxError("unexpected \(describedCharacter(at: position))")
            : syntaxError("unexpected end of input")
    }

    /// The character at `offset` as an error message shows it: printable ASCII in quotes, other
    /// characters by code point and control or stray bytes by value, so a message never carries a
    /// raw control character to the terminal.
    func describedCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if (0x21...0x7E).contains(byte) { return "character '\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 {
            var iterator = bytes[offset...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                return "character \(scalar.codePoint)"
            }
        }
        return String(format: "byte 0x%02X", byte)
    }

    // MARK: - Structure

    /// Skips spaces, tabs, line feeds and carriage returns.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// The next non-whitespace byte without consuming it (nil at the end).
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Throws unless only whitespace is left.
    mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        if position < bytes.count { throw syntaxError("unexpected \(describedCharacter(at: position)) after the JSON value") }
    }

    /// Consumes `{`; throws a shape error when the next value is not an object.
    mutating func beginObject() throws(Failure) {
        guard let byte = peek() else { throw unexpected() }
        guard byte == UInt8(ascii: "{") else { throw try shapeOrSyntax("an object") }
        position += 1
    }

    /// Consumes `[`; throws a shape error when the next value is not an array.
    mutating func beginArray() throws(Failure) {
        guard let byte = peek() else { throw unexpected() }
        guard byte == UInt8(ascii: "[") else { throw try shapeOrSyntax("a list") }
        position += 1
    }

    /// The next key of the current object and consumes its `:`, or nil after consuming `}`.
    /// `first` must start true for each object.
    @inline(__always)
    mutating func nextKey(_ first: inout Bool) throws(Failure) -> Key? {
        guard let byte = peek() else { throw unexpected() }
        if byte == UInt8(ascii: "}") { position += 1; return nil }
        if first {
            first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw unexpected() }
            position += 1
            skipWhitespace()
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw unexpected() }
        let key = try readKey()
        guard peek() == UInt8(ascii: ":") else { throw unexpected() }
        position += 1
        return key
    }

    /// True when the current array has another element (positioned at it), false after consuming `]`.
    /// `first` must start true for each array.
    @inline(__always)
    mutating func nextElement(_ first: inout Bool) throws(Failure) -> Bool {
        guard let byte = peek() else { throw unexpected() }
        if byte == UInt8(ascii: "]") { position += 1; return false }
        if first {
            first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw unexpected() }
            position += 1
        }
        return true
    }

    /// Consumes `null` if it comes next and returns true; otherwise consumes nothing.
    @inline(__always)
    mutating func consumeNull() throws(Failure) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    // MARK: - Scalars

    /// Reads a string.
    mutating func readString() throws(Failure) -> String {
        let (raw, escaped) = try stringBytes()
        return escaped ? try unescape(raw) : String(decoding: raw, as: UTF8.self)
    }

    /// Reads a string that recurs across records: one without escapes is taken from `strings`
    /// when the same bytes were read recently.
    mutating func readString(sharing strings: inout RecurringStrings) throws(Failure) -> String {
        let (raw, escaped) = try stringBytes()
        return escaped ? try unescape(raw) : strings.string(raw)
    }

    /// Reads past a string, checking it (its escapes too) without keeping it.
    mutating func skipString() throws(Failure) {
        let (raw, escaped) = try stringBytes()
        if escaped { _ = try unescape(raw) }
    }

    /// Reads an integer written without fraction or exponent that fits in `Int`.
    mutating func readInt() throws(Failure) -> Int {
        guard let byte = peek() else { throw unexpected() }
        guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else { throw try shapeOrSyntax("an integer") }
        let start = position
        let negative = byte == UInt8(ascii: "-")
        if negative { position += 1 }
        var value = 0
        var digits = 0
        while position < bytes.count {
            let digit = bytes[position] &- 0x30
            guard digit <= 9 else { break }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int(digit)) : times.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { position = start; try skipNumber(); throw shapeError("a number that does not fit in an integer") }
            value = sum
            digits += 1
            position += 1
        }
        if digits == 0 { throw unexpected() }
        if digits > 1, bytes[start + (negative ? 1 : 0)] == 0x30 { position = start + (negative ? 2 : 1); throw unexpected() }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") {
            position = start
            try skipNumber()
            throw Failure(position: start, isSyntax: false, message: "a number with a fraction or exponent where an integer is expected")
        }
        return value
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(Failure) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        case nil: throw unexpected()
        default: throw try shapeOrSyntax("true or false")
        }
    }

    /// Skips any one value, checking its syntax.
    mutating func skipValue() throws(Failure) {
        // Kinds of the open containers (true: object), innermost last.
        var containers: [Bool] = []
        repeat {
            guard let byte = peek() else { throw unexpected() }
            var opened = false
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                if containers.count >= 512 { throw syntaxError("too deeply nested") }
                var first = true
                if try nextKey(&first) != nil { containers.append(true); opened = true }
            case UInt8(ascii: "["):
                position += 1
                if containers.count >= 512 { throw syntaxError("too deeply nested") }
                var first = true
                if try nextElement(&first) { containers.append(false); opened = true }
            case UInt8(ascii: "\""):
                let (raw, escaped) = try scanString()
                if strict, escaped { _ = try unescape(raw) }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), 0x30...0x39: try skipNumber()
            default: throw unexpected()
            }
            if opened { continue }
            // After a complete value inside containers: move to the next member or close containers.
            while let inObject = containers.last {
                guard let next = peek() else { throw unexpected() }
                if next == UInt8(ascii: ",") {
                    position += 1
                    if inObject {
                        skipWhitespace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw unexpected() }
                        _ = try scanString()
                        guard peek() == UInt8(ascii: ":") else { throw unexpected() }
                        position += 1
                    }
                    break
                } else if next == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    containers.removeLast()
                } else {
                    throw unexpected()
                }
            }
        } while !containers.isEmpty
    }

    // MARK: - Pieces

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        for index in 0..<count {
            guard position < bytes.count, bytes[position] == word.utf8Start[index] else { throw unexpected() }
            position += 1
        }
    }

    /// A shape error when the next bytes are some valid JSON value, else the syntax error in them.
    private mutating func shapeOrSyntax(_ expected: String) throws(Failure) -> Failure {
        let start = position
        try skipValue()
        position = start
        return shapeError("expected \(expected)")
    }

    private mutating func skipNumber() throws(Failure) {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else { throw unexpected() }
        if bytes[position] == 0x30 {
            position += 1
        } else {
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else { throw unexpected() }
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else { throw unexpected() }
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
        }
        guard strict else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        let isInteger = !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
        if isInteger ? Int(text) == nil : !(Double(text)?.isFinite ?? false) {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw Failure(position: start, isSyntax: false, message: "the number \(shown) is too large to read (integers go up to \(Int.max))")
        }
    }

    /// The next value, a string: its bytes between the quotes and whether they hold escapes.
    @inline(__always)
    private mutating func stringBytes() throws(Failure) -> (UnsafeBufferPointer<UInt8>, Bool) {
        guard let byte = peek() else { throw unexpected() }
        guard byte == UInt8(ascii: "\"") else { throw try shapeOrSyntax("a string") }
        return try scanString()
    }

    private mutating func readKey() throws(Failure) -> Key {
        let (raw, escaped) = try scanString()
        return escaped ? Key(raw: raw, decoded: try unescape(raw)) : Key(raw: raw, decoded: nil)
    }

    /// Consumes a string at the current `"` and returns the bytes between the quotes and whether
    /// they hold escapes (checked for syntax).
    @inline(__always)
    private mutating func scanString() throws(Failure) -> (UnsafeBufferPointer<UInt8>, Bool) {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            skipPlainStringBytes()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return (raw, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    position += 1
                    for _ in 0..<4 {
                        guard position < bytes.count, (0x30...0x39).contains(bytes[position]) || (0x61...0x66).contains(bytes[position] | 0x20) else { throw unexpected() }
                        position += 1
                    }
                default:
                    throw syntaxError("invalid escape sequence")
                }
                continue
            }
            if byte < 0x20 { throw syntaxError("unescaped control character in a string") }
            position += 1
        }
        throw syntaxError("unexpected end of input in a string")
    }

    /// Moves past bytes that need no attention inside a string (anything but `"`, `\\` and control
    /// characters), eight at a time: most strings in a session file are a few dozen plain bytes.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            // A byte of the mask is set where the byte is zero (after the xor) or below 0x20; the
            // lowest set byte is exact, later ones may be false alarms, which is all that is needed.
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
            if special != 0 {
                position += special.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    /// Decodes the escapes of a string's raw bytes (already checked by ``scanString()``); lone
    /// surrogates are refused.
    private func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        guard let text = JSONLStringValue.unescaped(raw) else { throw syntaxError("invalid escape sequence in a string") }
        return text
    }

    // MARK: - Positions

    /// 1-based line and column (in bytes) of a byte offset.
    static func lineAndColumn(of position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, position - lineStart + 1)
    }

    /// Checks that `bytes` hold exactly one JSON value (lone surrogates in escapes refused); the
    /// failure says where they stop being JSON or, not a syntax error, where the first number no
    /// reader can hold is (an integer beyond `Int` or a number beyond `Double`, e.g. `1e999`).
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Failure? {
        var reader = JSONReader(bytes)
        reader.strict = true
        do {
            try reader.skipValue()
            try reader.expectEnd()
            return nil
        } catch {
            return error
        }
    }
}
