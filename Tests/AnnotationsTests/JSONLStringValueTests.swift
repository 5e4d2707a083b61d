import Foundation
import TestSupport
import Testing

@testable import Annotations

@Suite("JSONL string values")
struct JSONLStringValueTests {
    /// Pieces random strings are made of: plain text with umlauts, „“, emoji and combining marks,
    /// every escape, surrogate pairs, and things that are not allowed (lone surrogates, bad escapes,
    /// raw control characters, a missing quote at the end).
    static let pieces: [String] = [
        "Der Minister", " sagte: ", "„Ja.“", "müsse", "e\u{0301}", "👍🏽", "🇪🇺", "ß", "x",
        #"\n"#, #"\t"#, #"\r"#, #"\b"#, #"\f"#, #"\/"#, #"\\"#, #"\""#, #"\u00e4"#, #"\u0301"#, #"\u201E"#,
        #"\ud83d\ude00"#, #"\u0000"#, #"\u2028"#,
    ]
    static let broken: [String] = [#"\ud800"#, #"\udc00x"#, #"\ud83dx"#, #"\x"#, #"\u12g4"#, "\u{01}", "\n", #"\u12"#]

    /// The reader's answer for the string at the start of `line`: its text and where it ends, or nil.
    static func reference(_ line: [UInt8]) -> (String, Int)? {
        line.withUnsafeBufferPointer { bytes in
            var reader = JSONReader(bytes, at: 0)
            guard let text = try? reader.readString() else { return nil }
            return (text, reader.position)
        }
    }

    @Test("Random strings decode exactly as the session reader and JSONDecoder decode them, and the same ones are refused")
    func agreesWithReader() {
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        for round in 0..<4000 {
            var body = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                body += Self.pieces.randomElement(using: &generator) ?? ""
            }
            if round % 5 == 0, let bad = Self.broken.randomElement(using: &generator) {
                let at = Int.random(in: 0...body.unicodeScalars.count, using: &generator)
                var scalars = Array(body.unicodeScalars)
                scalars.insert(contentsOf: bad.unicodeScalars, at: at)
                body = String(String.UnicodeScalarView(scalars))
            }
            let closed = round % 17 != 0
            let line = Array(("\"" + body + (closed ? "\"" : "") + ", \"id\": 1}").utf8)
            let expected = Self.reference(line)
            let got = line.withUnsafeBufferPointer { JSONLStringValue.decode($0, at: 0) }
            #expect(got.map { Array($0.text.utf8) } == expected.map { Array($0.0.utf8) }, "seed \(seed), \(body)")
            #expect(got?.end == expected?.1, "seed \(seed), \(body)")
            // Both readers share the fast unescape, so the text is also checked against Foundation's
            // JSONDecoder, which has nothing in common with them.
            // (Only where the string the reader found is the whole body: a piece put inside an escape can
            // make the string end elsewhere.)
            if let expected, closed, expected.1 == body.utf8.count + 2 {
                let array = Data(("[\"" + body + "\"]").utf8)
                let foundation = try? JSONDecoder().decode([String].self, from: array)
                #expect(foundation.map { $0.map { Array($0.utf8) } } == [Array(expected.0.utf8)], "seed \(seed), \(body)")
            }
        }
    }

    @Test("A long text with many line breaks keeps every byte between its escapes")
    func longRuns() throws {
        let paragraph = String(repeating: "Die Präsidentin sagte „Nein“ 🙂 e\u{0301}. ", count: 300)
        let escaped = Array(repeating: paragraph, count: 50).joined(separator: #"\n"#)
        let line = Array(("\"" + escaped + "\"").utf8)
        let got = try #require(line.withUnsafeBufferPointer { JSONLStringValue.decode($0, at: 0) })
        #expect(got.text == Array(repeating: paragraph, count: 50).joined(separator: "\n"))
        #expect(got.end == line.count)
    }

    @Test("A corpus longer than one batch keeps its order, mixes both ways of reading, and names the first bad line")
    func batchesKeepOrder() throws {
        let folder = TestCorpus.temporaryFolder()
        var lines: [String] = []
        for index in 0..<9000 {
            if index % 997 == 5 {
                lines.append(#"{"id": "d\#(index)", "text": "Satz \#(index) mit Titel null.", "title": null}"#)  // the general way
            } else if index % 1500 == 7 {
                lines.append("   ")
            } else {
                lines.append(#"{"id": "d\#(index)", "text": "Satz \#(index): „Ja“\n\u00e4 👍🏽"}"#)
            }
        }
        let file = folder + "/many.jsonl"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        let documents = try CorpusLoader().loadFile(file)
        let expectedIDs = (0..<9000).filter { $0 % 997 == 5 || $0 % 1500 != 7 }.map { "d\($0)" }
        #expect(documents.map(\.id) == expectedIDs)
        #expect(documents.first?.text == "Satz 0: „Ja“\nä 👍🏽")
        #expect(documents.first { $0.id == "d5" }?.text == "Satz 5 mit Titel null.")

        var broken = lines
        broken[8200] = #"{"id": "x", "text": }"#
        broken[8500] = #"{"id": 5, "text": "y"}"#
        let bad = folder + "/bad.jsonl"
        try Data(broken.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: bad))
        #expect(throws: CorpusError.badJSONLRecord(path: bad, line: 8201, reason: "not valid JSON")) { try CorpusLoader().loadFile(bad) }
    }
}
