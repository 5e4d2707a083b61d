import Foundation
import Testing
@testable import Annotations

/// The hand-written JSON of the hot export paths equals the definition: SpkAtt files equal
/// `JSONEncoder`'s output for ``SpkAttDocument`` with DEL, C1 controls and U+2028/2029 escaped by
/// the one rule (JSONEncoder writes them raw), and a pretty array written one element at a time
/// (Label Studio's `tasks.json`) equals ``JSONValue/pretty()`` of the whole array.
@Suite("Export JSON fast paths")
struct ExportJSONFastPathTests {
    /// Every C0 control character, DEL, quotes, backslashes, slashes, U+2028/2029, a BOM, umlauts,
    /// „“, emoji with a skin tone, a flag and a combining mark without a precomposed form.
    static let awkward: String = {
        var text = ""
        for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return text + "\u{7F}\"\\/a/b\\\"\u{2028}\u{2029}\u{FEFF}Zoë „Müller“ 👍🏽 🇩🇪 n̈ </script>"
    }()

    /// `JSONEncoder`'s bytes for `document`, with each DEL, C1 control and U+2028/2029 (which it
    /// writes raw, and which only occur inside string literals) escaped as the one rule escapes them.
    static func encoderBytes(_ document: SpkAttDocument) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for scalar in String(decoding: try encoder.encode(document), as: UTF8.self).unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return Array(text.utf8)
    }

    static func fastBytes(_ document: SpkAttDocument) -> [UInt8] {
        var bytes: [UInt8] = []
        document.appendJSON(to: &bytes)
        return bytes
    }

    @Test("an SpkAtt document is written as JSONEncoder writes it, DEL, C1 and U+2028/2029 escaped")
    func spkattEqualsEncoder() throws {
        let documents = [
            SpkAttTests.fixture,
            SpkAttDocument(annotations: [], documentName: "", sentences: []),
            SpkAttDocument(
                annotations: [.init(form: Self.awkward, message: [], stwr: "\u{1}\n")],
                documentName: Self.awkward,
                sentences: [.init(sentenceID: 12_345, tokens: [Self.awkward, "", "\\", "\""]), .init(sentenceID: 0, tokens: [])]),
        ]
        for document in documents {
            let fast = Self.fastBytes(document)
            #expect(fast == (try Self.encoderBytes(document)), "\(String(decoding: fast, as: UTF8.self))")
            #expect(try JSONDecoder().decode(SpkAttDocument.self, from: Data(fast)) == document)
        }
    }

    @Test("every single scalar in a token is escaped as JSONEncoder escapes it, DEL, C1 and U+2028/2029 too")
    func spkattEveryScalar() throws {
        var tokens: [String] = []
        for value in Array(0..<0x100) + [0x2028, 0x2029, 0xFEFF, 0x1F600] {
            if let scalar = Unicode.Scalar(value) { tokens.append("a" + String(Character(scalar)) + "b") }
        }
        let document = SpkAttDocument(annotations: [], documentName: "x", sentences: [.init(sentenceID: 0, tokens: tokens)])
        let fast = Self.fastBytes(document)
        #expect(fast == (try Self.encoderBytes(document)))
        #expect(try JSONDecoder().decode(SpkAttDocument.self, from: Data(fast)) == document)
        #expect(!fast.contains(0x7F) && !zip(fast, fast.dropFirst()).contains { $0 == 0xC2 && $1 < 0xA0 })
    }

    @Test("a pretty array written one element at a time equals the whole array's pretty form")
    func prettyByElement() {
        let elements: [JSONValue] = [
            .object([("id", .int(1)), ("data", .object([("text", .string(Self.awkward)), ("title", .null)])), ("empty", .array([]))]),
            .object([]),
            .array([.array([.bool(true), .double(1.5), .double(2)]), .string("„x“")]),
            .int(-3),
        ]
        for count in 1...elements.count {
            let whole = JSONValue.array(Array(elements.prefix(count))).pretty()
            var bytes: [UInt8] = []
            for (index, element) in elements.prefix(count).enumerated() {
                bytes.append(contentsOf: (index == 0 ? "[\n  " : ",\n  ").utf8)
                element.appendPretty(level: 1, to: &bytes)
            }
            bytes.append(contentsOf: "\n]".utf8)
            #expect(String(decoding: bytes, as: UTF8.self) == whole)
        }
    }

    @Test("compact and pretty JSON escape as before and parse back")
    func jsonValueEscapes() throws {
        let value = JSONValue.object([("k\"\\", .string(Self.awkward)), ("n", .array([.null, .int(7)]))])
        var expected = "{"
        JSONValue.writeString("k\"\\", to: &expected)
        expected += ":"
        JSONValue.writeString(Self.awkward, to: &expected)
        expected += ",\"n\":[null,7]}"
        #expect(value.serialized() == expected)
        // JSONDecoder, not JSONSerialization: the latter's strings end at U+0000.
        let parsed = try JSONDecoder().decode([String: JSONDecodedField].self, from: Data(value.pretty().utf8))
        #expect(parsed["k\"\\"] == .text(Self.awkward))
        #expect(!value.serialized().unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" })
    }
}

extension ExportJSONFastPathTests {
    /// The escaping rule written out scalar by scalar, as the docs state it: quote, backslash,
    /// C0 controls, DEL, C1 controls and U+2028/2029 escaped, everything else raw.
    static func specifiedLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("every single scalar in a string is escaped by the one rule, on every JSON writer")
    func jsonValueEveryScalar() {
        for value in Array(0..<0x100) + [0x2027, 0x2028, 0x2029, 0x202A, 0xFEFF, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)) + "b\u{2028}", "\u{E2}" + String(Character(scalar)), "\u{C2}" + String(Character(scalar))] {
                let expected = Self.specifiedLiteral(text)
                var written = ""
                JSONValue.writeString(text, to: &written)
                #expect(written == expected, "U+\(String(value, radix: 16))")
                #expect(JSONValue.string(text).serialized() == expected, "U+\(String(value, radix: 16))")
                var output = ExportOutput()
                output.appendJSONString(text)
                #expect(String(decoding: output.bytes, as: UTF8.self) == expected, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("JSON strings hold no character at which a line reader (Python's splitlines) cuts a record")
    func noLineSeparatorsInJSONStrings() throws {
        let text = "a\u{0B}b\u{0C}c\u{1C}d\u{1D}e\u{1E}f\u{85}g\u{2028}h\u{2029}i\r\nj „Zoë“ 👍🏽"
        let separators: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
        var output = ExportOutput()
        output.appendJSONString(text)
        for literal in [JSONValue.string(text).serialized(), String(decoding: output.bytes, as: UTF8.self)] {
            #expect(!literal.unicodeScalars.contains { separators.contains($0.value) })
            #expect(try JSONDecoder().decode(String.self, from: Data(literal.utf8)) == text)
        }
    }
}

/// A field of ``ExportJSONFastPathTests/jsonValueEscapes()``'s object: a string or anything else.
private enum JSONDecodedField: Decodable, Equatable {
    case text(String), other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = (try? container.decode(String.self)).map(JSONDecodedField.text) ?? .other
    }
}
