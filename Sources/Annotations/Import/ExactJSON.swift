import Foundation

/// A JSON value read with every string exactly as written, given as JSONSerialization gives it
/// (``value(from:)``: `String`, numbers as `NSNumber`, `Bool`, `NSNull`, `[Any]`, `[String: Any]`).
///
/// JSONSerialization drops a U+FEFF (byte-order mark, or zero-width no-break space inside a text)
/// that begins a string written as raw bytes: a span whose text begins with one, a task text
/// made on a file with a byte-order mark, a note or name beginning with one came back without it,
/// and the imports refused our own exports ("region text 'Rutte' is not the text at 9–15
/// ('\u{FEFF}Rutte')"). JSONDecoder keeps it, but takes four times as long (7.7 s against 1.8 s
/// for 19 MB of tasks): ``value(from:)`` reads through it only JSON that holds a raw U+FEFF.
enum ExactJSON: Decodable {
    case null
    case bool(Bool)
    case number(NSNumber)
    case string(String)
    case array([ExactJSON])
    case object([String: ExactJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(NSNumber(value: value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(NSNumber(value: value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ExactJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ExactJSON].self))
        }
    }

    /// The value as JSONSerialization gives it, strings exact.
    var value: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .number(let value): value
        case .string(let value): value
        case .array(let values): values.map(\.value)
        case .object(let members): members.mapValues(\.value)
        }
    }

    /// `data` as one JSON value (any value at the top, as `.fragmentsAllowed`; after a byte-order
    /// mark that begins the file); nil when it is not JSON.
    static func value(from data: Data) -> Any? {
        let mark = Data([0xEF, 0xBB, 0xBF])
        let body = data.starts(with: mark) ? data.dropFirst(mark.count) : data
        guard body.range(of: mark) != nil else { return try? JSONSerialization.jsonObject(with: body, options: .fragmentsAllowed) }
        return (try? JSONDecoder().decode(ExactJSON.self, from: Data(body)))?.value
    }
}
