import Annotations
import Testing
@testable import WorkbenchShell

/// The terminal sanitiser agrees with the one definition of the invisible characters
/// (``InvisibleScalar``): each of them is shown as `<U+XXXX>`, never written as it is.
@Suite struct InvisibleScalarTerminalTests {
    @Test("every invisible character of the definition is shown as a placeholder on the terminal")
    func placeholders() {
        for scalar in InvisibleScalar.allCases.flatMap(\.scalars) {
            #expect(!TerminalText.isSafe(scalar), "\(scalar.codePoint)")
            #expect(TerminalText.sanitize("a" + String(scalar) + "b") == "a<\(scalar.codePoint)>b", "\(scalar.codePoint)")
            #expect(TerminalText.sanitize(utf8: Array(("a" + String(scalar) + "b").utf8)) == Array("a<\(scalar.codePoint)>b".utf8), "\(scalar.codePoint)")
        }
    }
}
