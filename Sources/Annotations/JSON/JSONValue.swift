/// A JSON value whose objects keep their key order, for stable, readable output
/// (exports, transcripts, `segment --format jsonl`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact serialization (no spaces), non-ASCII kept as UTF-8, control characters escaped.
    public func serialized() -> String {
        var out: [UInt8] = []
        write(to: &out, pretty: false, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Pretty serialization with two-space indentation.
    public func pretty() -> String {
        var out: [UInt8] = []
        write(to: &out, pretty: true, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the pretty serialization as it appears nested `level` deep in a pretty-printed value
    /// (its inner lines indented by `level + 1` steps, its closing bracket by `level`), so a large
    /// array can be written one element at a time with the bytes ``pretty()`` writes for the whole.
    func appendPretty(level: Int, to out: inout [UInt8]) {
        write(to: &out, pretty: true, level: level)
    }

    // Written as UTF-8 bytes: appending many small pieces to a `String` cost most of a large
    // Label Studio export's time.
    private func write(to out: inout [UInt8], pretty: Bool, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .int(let value): JSONValue.appendInt(value, to: &out)
        case .double(let value):
            if value.isFinite {
                out.append(contentsOf: (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)").utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let value): JSONValue.appendString(value, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(&out, level + 1) }
                item.write(to: &out, pretty: pretty, level: level + 1)
            }
            if pretty { JSONValue.newline(&out, level) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(&out, level + 1) }
                JSONValue.appendString(pair.0, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                pair.1.write(to: &out, pretty: pretty, level: level + 1)
            }
            if pretty { JSONValue.newline(&out, level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ level: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// Appends the decimal digits of `value` (as `String(value)` writes them, without making the string).
    private static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }

    /// Appends `value` as a JSON string literal, as ``writeString(_:to:)`` writes it: runs that need
    /// no escape are copied whole (a document's text with its line breaks is one long string).
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            var copy = value
            copy.withUTF8 { appendEscaped($0, to: &out) }
        }
        out.append(0x22)
    }

    /// Appends the valid UTF-8 `utf8` as a JSON string literal, as ``appendString(_:to:)`` writes the string it spells.
    static func appendString(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        appendEscaped(utf8, to: &out)
        out.append(0x22)
    }

    /// Appends `value` as a JSON string literal.
    public static func writeString(_ value: String, to out: inout String) {
        if !needsEscaping(value) {
            out += "\""
            out += value
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        appendString(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}

extension JSONValue {
    /// Appends the valid UTF-8 `source` as the inside of a JSON string literal: the one escaping
    /// rule every JSON writer of the workbench's outputs follows. Escaped are `"` and `\`, the C0
    /// controls (as `\n \r \t \b \f` or `\u00xx`), DEL, the C1 controls U+0080–U+009F and the
    /// line and paragraph separators U+2028 and U+2029 (as `\u….`, lowercase hex). The last two
    /// groups are legal raw in JSON, but readers that cut lines with Python's `str.splitlines` or
    /// JavaScript's line terminators would split a record at U+0085, U+2028 or U+2029, and a C1
    /// control is never shown raw. Runs that need no escape are copied whole.
    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0, position = 0
        let count = source.count
        while position < count {
            let byte = source[position]
            let escaped: UInt32
            let width: Int
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                escaped = UInt32(byte)
                width = 1
            } else if byte == 0xC2, position + 1 < count, source[position + 1] < 0xA0 {
                escaped = UInt32(source[position + 1])  // U+0080–U+009F: C2 80 … C2 9F
                width = 2
            } else if byte == 0xE2, position + 2 < count, source[position + 1] == 0x80,
                source[position + 2] == 0xA8 || source[position + 2] == 0xA9
            {
                escaped = source[position + 2] == 0xA8 ? 0x2028 : 0x2029
                width = 3
            } else {
                position += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<position]))
            position += width
            start = position
            appendEscape(escaped, to: &out)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<count]))
    }

    /// The escape of one scalar ``appendEscaped(_:to:)`` escapes: at most six bytes.
    @inline(__always)
    static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        switch value {
        case 0x22, 0x5C: out.append(UInt8(value))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append(UInt8(ascii: "u"))
            for shift in [12, 8, 4, 0] as [UInt32] { out.append(hex.utf8Start[Int((value >> shift) & 0xF)]) }
        }
    }

    /// True when a string holds a character that ``writeString(_:to:)`` escapes; checked on UTF-8
    /// bytes so plain strings are copied whole.
    static func needsEscaping(_ value: String) -> Bool {
        if let answer = value.utf8.withContiguousStorageIfAvailable({ needsEscaping($0) }) { return answer }
        return needsEscaping(value.utf8)
    }

    /// ``needsEscaping(_:)`` on UTF-8 bytes.
    static func needsEscaping<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if previous == 0xC2 && byte < 0xA0 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
