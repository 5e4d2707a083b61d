import Foundation
import Testing
@testable import Annotations

/// One definition of the invisible characters (``InvisibleScalar``), and every user of it agreeing
/// on each scalar of its ranges and on the scalars just outside them: session names refuse the
/// format characters, export file names encode all of them, the review page isolates the bidi
/// controls. Before, the session names and the HTML export each listed their own ranges.
@Suite("Invisible characters: one definition, every user agrees")
struct InvisibleScalarTests {
    /// Every scalar of every kind.
    static let invisible: [Unicode.Scalar] = InvisibleScalar.allCases.flatMap(\.scalars)

    /// The scalars just before and after each run of invisible ones that are not invisible themselves.
    static let neighbours: [Unicode.Scalar] = {
        let values = Set(invisible.map(\.value))
        return values.flatMap { [$0 - 1, $0 + 1] }.filter { !values.contains($0) }.sorted().compactMap(Unicode.Scalar.init)
    }()

    @Test("the kinds hold the scalars they name: format characters (Cf) and the two separators, nothing else in the whole code space")
    func kinds() {
        #expect(InvisibleScalar.bidiControl.scalars.map(\.value) == Array(0x202A...0x202E) + Array(0x2066...0x2069))
        #expect(InvisibleScalar.bidiMark.scalars.map(\.value) == [0x061C, 0x200E, 0x200F])
        #expect(
            InvisibleScalar.hiddenFormat.scalars.map(\.value)
                == [0xAD, 0x180E, 0x200B] + Array(0x2060...0x2064) + Array(0x206A...0x206F) + [0xFEFF] + Array(0xFFF9...0xFFFB))
        #expect(InvisibleScalar.separator.scalars.map(\.value) == [0x2028, 0x2029])
        var found = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let kind = InvisibleScalar.kind(of: scalar) else { continue }
            found += 1
            let category = scalar.properties.generalCategory
            #expect(kind == .separator ? (category == .lineSeparator || category == .paragraphSeparator) : category == .format, "\(scalar.codePoint)")
            #expect(kind.scalars.contains(scalar), "\(scalar.codePoint)")
        }
        #expect(found == Self.invisible.count)
        // The joiners of emoji sequences and scripts are not hidden.
        #expect(InvisibleScalar.kind(of: "\u{200C}") == nil && InvisibleScalar.kind(of: "\u{200D}") == nil)
    }

    @Test("session names refuse every invisible character of the ranges, the separators too, and take their neighbours")
    func sessionNames() throws {
        for scalar in Self.invisible {
            let name = "an" + String(scalar) + "na"
            #expect(throws: SessionError.self, "\(scalar.codePoint)") { try SessionPaths.path(for: name) }
        }
        #expect(throws: SessionError.nameRefused(
            name: "anna\u{2028}x",
            reason: "it contains a line or paragraph separator (U+2028); it would break the file's name in listings or show as a space")) {
            try SessionPaths.path(for: "anna\u{2028}x")
        }
        for scalar in Self.neighbours where scalar.value >= 0xA0 {
            let name = "an" + String(scalar) + "na"
            #expect((try? SessionPaths.path(for: name)) == "sessions/\(name).json", "\(scalar.codePoint)")
        }
    }

    @Test("export file names encode every scalar of the ranges, keep their neighbours, and read back")
    func fileNames() {
        for scalar in Self.invisible {
            let id = "a" + String(scalar) + "b"
            let encoded = String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
            #expect(ExportText.fileName(id) == "a\(encoded)b", "\(scalar.codePoint)")
            #expect(ExportText.documentID(fileName: ExportText.fileName(id)) == id, "\(scalar.codePoint)")
        }
        for scalar in Self.neighbours where scalar.value >= 0xA0 {
            let id = "a" + String(scalar) + "b"
            #expect(ExportText.fileName(id) == id, "\(scalar.codePoint)")
        }
    }

    @Test("the review page sets text in <bdi> exactly when it holds a bidi control of the ranges")
    func htmlIsolation() {
        for scalar in Self.invisible + Self.neighbours where scalar.value >= 0xA0 {
            let isolated = ExportText.htmlIsolated("a" + String(scalar) + "b").hasPrefix("<bdi>")
            #expect(isolated == (InvisibleScalar.kind(of: scalar) == .bidiControl), "\(scalar.codePoint)")
        }
    }
}
