import Foundation
import Testing
@testable import Annotations

/// The hand-written JSON of the hot export paths equals the definition: SpkAtt files equal
/// `JSONEncoder`'s output for ``SpkAttDocument``, and a pretty array written one element at a time
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

    static func encoderBytes(_ document: SpkAttDocument) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(document))
    }

    static func fastBytes(_ document: SpkAttDocument) -> [UInt8] {
        var bytes: [UInt8] = []
        document.appendJSON(to: &bytes)
        return bytes
    }

    @Test("an SpkAtt document is written as JSONEncoder writes it")
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

    @Test("every single scalar in a token is escaped as JSONEncoder escapes it")
    func spkattEveryScalar() throws {
        var tokens: [String] = []
        for value in Array(0..<0x100) + [0x2028, 0x2029, 0xFEFF, 0x1F600] {
            if let scalar = Unicode.Scalar(value) { tokens.append("a" + String(Character(scalar)) + "b") }
        }
        let document = SpkAttDocument(annotations: [], documentName: "x", sentences: [.init(sentenceID: 0, tokens: tokens)])
        #expect(Self.fastBytes(document) == (try Self.encoderBytes(document)))
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
    @Test("every single scalar in a string is escaped in bytes as writeString escapes it")
    func jsonValueEveryScalar() {
        for value in Array(0..<0x100) + [0x2027, 0x2028, 0x2029, 0x202A, 0xFEFF, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)) + "b\u{2028}", "\u{E2}" + String(Character(scalar))] {
                var expected = ""
                JSONValue.writeString(text, to: &expected)
                #expect(JSONValue.string(text).serialized() == expected, "U+\(String(value, radix: 16))")
            }
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
