import Foundation
import Testing
@testable import Annotations

/// Label Studio's `tasks.json` is written by ``ExportPrettyJSON`` without building ``JSONValue``s:
/// its bytes equal ``JSONValue/appendPretty(level:to:)`` of the same value, at any depth, with
/// empty containers, nulls, negative numbers and strings that need escaping.
@Suite("Export pretty JSON writer")
struct ExportPrettyJSONTests {
    /// Writes `value` with the writer, member by member (keys must be among `keys`).
    static func write(_ value: JSONValue, to json: inout ExportPrettyJSON) {
        switch value {
        case .null: json.null()
        case .int(let number): json.int(number)
        case .string(let text): json.string(text)
        case .array(let items):
            json.openArray()
            for item in items {
                json.item()
                write(item, to: &json)
            }
            json.closeArray()
        case .object(let pairs):
            json.openObject()
            for (key, member) in pairs {
                json.key(staticKey(key))
                write(member, to: &json)
            }
            json.closeObject()
        case .bool, .double: Issue.record("not written by the Label Studio export")
        }
    }

    static func staticKey(_ key: String) -> StaticString {
        switch key {
        case "id": "id"
        case "data": "data"
        case "text": "text"
        case "title": "title"
        case "a": "a"  // a one-character literal: a StaticString without a pointer
        case "result": "result"
        default: "value"
        }
    }

    static let values: [JSONValue] = [
        .object([
            ("id", .int(1)),
            ("data", .object([("text", .string(ExportJSONFastPathTests.awkward)), ("title", .null)])),
            ("result", .array([])), ("value", .object([])),
        ]),
        .object([]), .array([]), .int(-42), .string(""), .null,
        .array([.array([.array([])]), .string("„x“"), .object([("value", .array([.string("a\u{2028}b"), .int(0)]))])]),
    ]

    @Test("the writer's bytes equal JSONValue's pretty bytes at every depth")
    func equalsJSONValue() {
        for value in Self.values {
            for level in 0...3 {
                var expected: [UInt8] = []
                value.appendPretty(level: level, to: &expected)
                var json = ExportPrettyJSON(level: level)
                Self.write(value, to: &json)
                #expect(json.bytes == expected, "\(String(decoding: json.bytes, as: UTF8.self))")
            }
        }
    }

    @Test("deep nesting: indentation wider than 32 and than 1 024 spaces is written as JSONValue writes it")
    func deepNesting() {
        var value: JSONValue = .object([("id", .int(7)), ("a", .int(1)), ("text", .array([.string("x"), .null]))])
        for depth in 0..<600 { value = depth % 2 == 0 ? .array([value, .int(depth)]) : .object([("value", value), ("id", .string("y"))]) }
        for level in [0, 17, 600] {
            var expected: [UInt8] = []
            value.appendPretty(level: level, to: &expected)
            var json = ExportPrettyJSON(level: level)
            Self.write(value, to: &json)
            #expect(json.bytes == expected)
        }
    }

    @Test("an array of strings and a string pair are written as their values")
    func helpers() {
        var json = ExportPrettyJSON(level: 1)
        json.openObject()
        json.pair("text", "a\"b")
        json.key("value")
        json.strings(["x", "", "\n"])
        json.key("data")
        json.strings([])
        json.closeObject()
        var expected: [UInt8] = []
        JSONValue.object([
            ("text", .string("a\"b")), ("value", .array([.string("x"), .string(""), .string("\n")])), ("data", .array([])),
        ]).appendPretty(level: 1, to: &expected)
        #expect(json.bytes == expected)
    }

    @Test("fixed plain values are written as their string values, one-value arrays as strings([value])")
    func plainValues() {
        var plain = ExportPrettyJSON(level: 2), general = ExportPrettyJSON(level: 2)
        plain.openObject()
        plain.pair("id", plain: "label")
        plain.key("value")
        plain.strings(plain: "Speaker")
        plain.key("data")
        plain.plain("manual")
        plain.closeObject()
        general.openObject()
        general.pair("id", "label")
        general.key("value")
        general.strings(["Speaker"])
        general.key("data")
        general.string("manual")
        general.closeObject()
        #expect(plain.bytes == general.bytes, "\(String(decoding: plain.bytes, as: UTF8.self))")
    }
}

/// ``ExportPrettyJSON/key(_:)`` and ``ExportPrettyJSON/plain(_:)`` copy their fixed strings
/// unescaped (checked by an `assert` in debug builds): every literal the Label Studio export hands
/// them must be plain ASCII letters, digits, `-` and `_`.
@Suite("Export pretty JSON plain literals")
struct ExportPrettyJSONPlainTests {
    @Test("plain means ASCII letters, digits, - and _ only")
    func plainBytes() {
        #expect(ExportPrettyJSON.isPlain("from_name"))
        #expect(ExportPrettyJSON.isPlain("stance-T1"))
        #expect(ExportPrettyJSON.isPlain(""))
        for text in ["a\"b", "a\\b", "a b", "ä", "a\nb", "a/b", "<b>"] {
            #expect(!ExportPrettyJSON.isPlain(bytes: Array(text.utf8)), "\(text)")
        }
    }

    @Test("every span label is plain")
    func spanLabels() {
        for kind in ExportSpan.Kind.allCases {
            #expect(ExportPrettyJSON.isPlain(kind.staticLabel), "\(kind)")
            #expect(kind.label == kind.staticLabel.description)
        }
    }

    /// Every string literal on a line of `LabelStudioExporter.swift` that writes through the
    /// writer (`json.`, `region(`, `link(`; not raw byte appends, not lines with interpolation) –
    /// keys, plain values, region names, types and keys, relation labels.
    @Test("every literal the Label Studio export writes through the writer is plain")
    func labelStudioLiterals() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(
            contentsOf: root.appendingPathComponent("Sources/Annotations/Export/LabelStudioExporter.swift"), encoding: .utf8)
        let literal = try Regex(#""((?:[^"\\]|\\.)*)""#)
        var checked = 0
        for line in source.split(separator: "\n") where line.contains("json.") || line.contains("region(") || line.contains("link(") {
            // Comments, raw byte appends and lines with interpolation (not fixed strings) aside.
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//"), !line.contains("json.out."), !line.contains("\\(")
            else { continue }
            for match in line.matches(of: literal) {
                let text = String(line[match.range].dropFirst().dropLast())
                checked += 1
                #expect(ExportPrettyJSON.isPlain(bytes: Array(text.utf8)), "\(line)")
            }
        }
        #expect(checked > 40)
    }
}
