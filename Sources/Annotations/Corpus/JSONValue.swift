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
        var value = value
        value.withUTF8 { bytes in
            var start = 0, position = 0
            let count = bytes.count
            while position < count {
                let byte = bytes[position]
                let escaped: UInt32
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F {
                    guard byte == 0xE2, position + 2 < count, bytes[position + 1] == 0x80,
                        bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9
                    else {
                        position += 1
                        continue
                    }
                    escaped = bytes[position + 2] == 0xA8 ? 0x2028 : 0x2029
                } else {
                    escaped = UInt32(byte)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += escaped > 0xFF ? 3 : 1
                start = position
                switch escaped {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
                    for shift in [12, 8, 4, 0] as [UInt32] { out.append(hex[Int((escaped >> shift) & 0xF)]) }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
        }
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
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// True when a string holds a character that ``writeString(_:to:)`` escapes (quote, backslash,
    /// control characters, U+2028, U+2029); checked on UTF-8 bytes so plain strings are copied whole.
    static func needsEscaping(_ value: String) -> Bool {
        if let answer = value.utf8.withContiguousStorageIfAvailable({ needsEscaping($0) }) { return answer }
        return needsEscaping(value.utf8)
    }

    /// ``needsEscaping(_:)`` on UTF-8 bytes.
    static func needsEscaping<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
