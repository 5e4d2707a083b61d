import Testing
@testable import WorkbenchShell

/// Zero-width joiners (U+200D) and non-joiners (U+200C) on the output path: kept where they join two
/// characters (emoji sequences, Indic and Persian words), shown as `<U+200D>` where they join nothing.
@Suite struct LoneJoinerTests {
    static let joiner = "\u{200D}"

    @Test("a run of 200 joiners is shown, one placeholder per joiner, on the String and the UTF-8 path")
    func runOfJoiners() {
        let text = "Anfang " + String(repeating: Self.joiner, count: 200) + " Ende"
        let expected = "Anfang " + String(repeating: "<U+200D>", count: 200) + " Ende"
        #expect(TerminalText.sanitize(text) == expected)
        #expect(TerminalText.sanitize(utf8: Array(text.utf8), keepNewlines: true) == Array(expected.utf8))
        // Glued to letters on both sides, a run still joins nothing: each joiner has a joiner beside it.
        #expect(TerminalText.sanitize("a\u{200D}\u{200D}b") == "a<U+200D><U+200D>b")
    }

    @Test("a joiner at the start or end, beside a space or a line break, is shown")
    func loneJoiners() {
        #expect(TerminalText.sanitize("\u{200D}Anfang") == "<U+200D>Anfang")
        #expect(TerminalText.sanitize("Ende\u{200D}") == "Ende<U+200D>")
        #expect(TerminalText.sanitize("a \u{200D}b") == "a <U+200D>b")
        #expect(TerminalText.sanitize("a\u{200C} b") == "a<U+200C> b")
        #expect(TerminalText.sanitize("a\u{200D}\nb", keepNewlines: true) == "a<U+200D>\nb")
        #expect(TerminalText.sanitize("\u{200D}") == "<U+200D>")
    }

    @Test("emoji sequences and joiners inside words are unchanged")
    func joinersThatJoin() {
        let kept = [
            "Familie 👩\u{200D}👩\u{200D}👧 heute",
            "Paar 👩\u{200D}❤\u{FE0F}\u{200D}👨.",
            "👨🏽\u{200D}💻",
            "क्\u{200D}ष",
            "می\u{200C}خواهم",
            "a\u{200D}b",
        ]
        for text in kept {
            #expect(TerminalText.sanitize(text) == text)
            #expect(TerminalText.sanitize(utf8: Array(text.utf8)) == Array(text.utf8))
        }
    }

    @Test("the joiner check does not change what a scalar alone is: JSON keeps joiners")
    func scalarDefinitionUnchanged() {
        #expect(TerminalText.isSafe("\u{200D}"))
        let bytes = Array("a\u{200D}\u{200D}".utf8)
        #expect(bytes.withUnsafeBufferPointer { TerminalText.isSafe(utf8: $0, keepNewlines: true) })
    }
}
