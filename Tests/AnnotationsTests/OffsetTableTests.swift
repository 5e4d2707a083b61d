import Testing

@testable import Annotations
import TestSupport

@Suite("Offset table")
struct OffsetTableTests {
    @Test("Flag emoji, umlaut: scalar, UTF-16, UTF-8 and Character offsets agree")
    func flagExample() {
        let text = "🇪🇺 NATO-Generalsekretär Mark Rutte"
        let table = OffsetTable(text)
        #expect(table.scalarCount == 34)
        #expect(table.utf16Count == 36)
        #expect((table.utf16Offset(ofScalar: 3), table.utf16Offset(ofScalar: 34)) == (5, 36))
        #expect((table.utf8Offset(ofScalar: 3), table.utf8Offset(ofScalar: 34)) == (9, 41))
        #expect((table.characterOffset(ofScalar: 3), table.characterOffset(ofScalar: 34)) == (2, 33))
        #expect(table.scalarOffset(ofUTF16: 5) == 3)
        #expect(table.scalarOffset(ofUTF16: 36) == 34)
        #expect(table.scalarOffset(ofUTF8: 9) == 3)
        #expect(table.scalarOffset(ofUTF8: 41) == 34)
        #expect(table.slice(3, 34) == "NATO-Generalsekretär Mark Rutte")
        #expect(table.slice(0..<2) == "🇪🇺")
        #expect(text.count == 33)
    }

    @Test("Inverse lookups inside surrogate pairs and multi-byte sequences return nil")
    func insideSequences() {
        let table = OffsetTable("🇪🇺 „Ä“")
        // 🇪 = 2 UTF-16 units / 4 bytes, 🇺 the same
        for inside in [1, 3] { #expect(table.scalarOffset(ofUTF16: inside) == nil) }
        for inside in [1, 2, 3, 5, 6, 7] { #expect(table.scalarOffset(ofUTF8: inside) == nil) }
        #expect(table.scalarOffset(ofUTF16: 2) == 1)
        #expect(table.scalarOffset(ofUTF8: 4) == 1)
        // „ is 3 bytes starting at byte 9; Ä 2 bytes at 12
        #expect(table.scalarOffset(ofUTF8: 9) == 3)
        #expect(table.scalarOffset(ofUTF8: 10) == nil)
        #expect(table.scalarOffset(ofUTF8: 12) == 4)
        #expect(table.scalarOffset(ofUTF8: 13) == nil)
        // out of range
        #expect(table.scalarOffset(ofUTF16: -1) == nil)
        #expect(table.scalarOffset(ofUTF16: table.utf16Count + 1) == nil)
        #expect(table.scalarOffset(ofUTF8: 100) == nil)
    }

    @Test("Combining marks: a scalar offset inside a cluster maps to the cluster and is no boundary")
    func combiningMarks() {
        let text = "mu\u{0308}sse „x“"
        let table = OffsetTable(text)
        #expect(table.scalarCount == 10)
        #expect(table.characterOffset(ofScalar: 1) == 1)
        #expect(table.characterOffset(ofScalar: 2) == 1)  // between u and its diaeresis: still "ü"
        #expect(table.characterOffset(ofScalar: 3) == 2)
        #expect(table.characterOffset(ofScalar: 10) == text.count)
        #expect(table.isCharacterBoundary(1))
        #expect(!table.isCharacterBoundary(2))
        #expect(table.isCharacterBoundary(3))
        #expect(table.isCharacterBoundary(0) && table.isCharacterBoundary(10))
        #expect(!table.isCharacterBoundary(-1) && !table.isCharacterBoundary(11))
        #expect(table.utf8Offset(ofScalar: 3) == 4)
        #expect(table.utf16Offset(ofScalar: 3) == 3)
        // the flag: the offset between its two regional indicators is inside one Character
        let flag = OffsetTable("a🇪🇺b")
        #expect(!flag.isCharacterBoundary(2))
        #expect(flag.characterOffset(ofScalar: 2) == 1)
        #expect(flag.characterOffset(ofScalar: 3) == 2)
    }

    @Test("Offsets clamp; empty text")
    func clamping() {
        let table = OffsetTable("Grüße")
        #expect(table.utf8Offset(ofScalar: -5) == 0)
        #expect(table.utf8Offset(ofScalar: 99) == 7)
        #expect(table.slice(3, 1) == "")
        #expect(table.slice(-3, 99) == "Grüße")
        let empty = OffsetTable("")
        #expect(empty.scalarCount == 0 && empty.utf16Count == 0)
        #expect(empty.scalarOffset(ofUTF16: 0) == 0)
        #expect(empty.scalarOffset(ofUTF8: 0) == 0)
        #expect(empty.characterOffset(ofScalar: 0) == 0)
        #expect(empty.isCharacterBoundary(0))
        #expect(empty.slice(0, 0) == "")
    }

    @Test(
        "Round trips agree with the standard library on every scalar offset",
        arguments: [
            "Südkorea „einfache Aussagen» Pjöngjang",
            "🇪🇺 NATO-Generalsekretär Mark Rutte",
            "mu\u{0308}sse Cafe\u{0301} 👨‍👩‍👧 👍🏽 𝄞 \u{10FFFF}",
            "«Eskalade»\n\n„Ja.“ ‹x› – … (…)",
            "\r\n\t",
        ])
    func roundTrips(text: String) {
        let table = OffsetTable(text)
        let scalars = text.unicodeScalars
        #expect(table.scalarCount == scalars.count)
        #expect(table.utf16Count == text.utf16.count)
        for offset in 0...scalars.count {
            let index = scalars.index(scalars.startIndex, offsetBy: offset)
            let utf16 = text.utf16.distance(from: text.utf16.startIndex, to: index)
            let utf8 = text.utf8.distance(from: text.utf8.startIndex, to: index)
            #expect(table.utf16Offset(ofScalar: offset) == utf16)
            #expect(table.utf8Offset(ofScalar: offset) == utf8)
            #expect(table.scalarOffset(ofUTF16: utf16) == offset)
            #expect(table.scalarOffset(ofUTF8: utf8) == offset)
            let boundary = index.samePosition(in: text) != nil
            #expect(table.isCharacterBoundary(offset) == boundary)
            if boundary {
                #expect(table.characterOffset(ofScalar: offset) == text.distance(from: text.startIndex, to: index))
            }
        }
        #expect(table.slice(0, scalars.count) == text)
        #expect(table.scalars == Array(scalars))
    }

    /// Every scalar the table treats as a `Character` of its own.
    static let singleScalarCharacters: [Unicode.Scalar] = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }
        .filter(OffsetTable.isSingleScalarCharacter)

    @Test("Scalars taken as Characters of their own are so for the standard library, alone and in pairs")
    func singleScalarCharacters() {
        let all = Self.singleScalarCharacters
        #expect(all.count > 800)
        // Each one next to a spread of the others (and itself), both ways round.
        let partners = stride(from: 0, to: all.count, by: 7).map { all[$0] } + ["\u{2028}", "\u{00AD}", "\u{0085}"]
        for scalar in all {
            for partner in partners {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: [scalar, partner, scalar])
                #expect(String(view).count == 3, "U+\(String(scalar.value, radix: 16)) next to U+\(String(partner.value, radix: 16))")
            }
        }
        // Scalars that join others are not among them.
        for joiner: Unicode.Scalar in ["\r", "\u{0301}", "\u{200D}", "\u{FE0F}", "\u{1F3FD}", "\u{1F1EA}", "\u{0600}", "\u{1100}"] {
            #expect(!OffsetTable.isSingleScalarCharacter(joiner))
        }
    }

    @Test("Texts of single-scalar Characters and texts with clusters give the standard library's offsets")
    func compactAndClusteredTablesAgree() {
        var generator = SplitMix64(seed: 20_261_201)
        let alphabet: [String] = ["a", "ß", "Ä", "„", "“", "–", "…", "€", " ", "\n", "\u{00AD}", "\u{2009}"]
        let joining: [String] = ["\u{0301}", "🇪🇺", "👍🏽", "𝄞", "\r\n", "\u{200D}", "e\u{0308}"]
        for round in 0..<200 {
            let pool = round.isMultiple(of: 2) ? alphabet : alphabet + joining
            var text = ""
            for _ in 0..<Int(generator.next() % 40) { text += pool[Int(generator.next() % UInt64(pool.count))] }
            let table = OffsetTable(text)
            let scalars = text.unicodeScalars
            #expect(table.utf16Count == text.utf16.count)
            for offset in 0...scalars.count {
                let index = scalars.index(scalars.startIndex, offsetBy: offset)
                let utf16 = text.utf16.distance(from: text.utf16.startIndex, to: index)
                #expect(table.utf16Offset(ofScalar: offset) == utf16)
                #expect(table.utf8Offset(ofScalar: offset) == text.utf8.distance(from: text.utf8.startIndex, to: index))
                let boundary = index.samePosition(in: text) != nil
                #expect(table.isCharacterBoundary(offset) == boundary)
                if boundary { #expect(table.characterOffset(ofScalar: offset) == text.distance(from: text.startIndex, to: index)) }
            }
            for utf16 in 0...text.utf16.count + 1 {
                var expected: Int?
                if utf16 <= text.utf16.count {
                    let index = text.utf16.index(text.utf16.startIndex, offsetBy: utf16)
                    if index.samePosition(in: scalars) != nil { expected = scalars.distance(from: scalars.startIndex, to: index) }
                }
                #expect(table.scalarOffset(ofUTF16: utf16) == expected)
            }
        }
    }
}
