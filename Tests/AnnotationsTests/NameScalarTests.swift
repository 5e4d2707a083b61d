import Testing
@testable import Annotations

/// The one rule for the scalars a person's name may not hold (``InvisibleScalar/isRefusedInName(_:)``),
/// used for annotator, reviewer and adjudicator names, and the control characters session names refuse.
@Suite("Scalars refused in names")
struct NameScalarTests {
    @Test("Refused in a name: exactly the C0 and C1 controls, DEL and the bidi controls; marks, joiners and letters stand")
    func refusedInName() {
        let refused = (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init).filter(InvisibleScalar.isRefusedInName)
        let expected = (UInt32(0)...0x1F).map { $0 } + (UInt32(0x7F)...0x9F).map { $0 } + (UInt32(0x202A)...0x202E).map { $0 } + (UInt32(0x2066)...0x2069).map { $0 }
        #expect(refused.map(\.value) == expected)
        for allowed: Unicode.Scalar in ["a", "ü", " ", "\u{200E}", "\u{200D}", "\u{00AD}", "\u{2028}", "é"] {
            #expect(!InvisibleScalar.isRefusedInName(allowed), "\(allowed.value)")
        }
    }

    @Test("Control characters: C0, DEL and C1, as session names refuse them")
    func controls() throws {
        let controls = (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init).filter(InvisibleScalar.isControl).map(\.value)
        #expect(controls == (UInt32(0)...0x1F).map { $0 } + (UInt32(0x7F)...0x9F).map { $0 })
        for control in ["\u{1B}", "\u{7F}", "\u{9B}"] {
            #expect(throws: SessionError.nameRefused(name: "a\(control)b", reason: "it contains control characters")) {
                try SessionPaths.path(for: "a\(control)b")
            }
        }
    }
}
