import Testing

@testable import WorkbenchShell

/// TAB on hostile sentences: a word longer than a command line may be, and a sentence of thousands of
/// words whose listing would be taller than the window.
@Suite struct LongCompletionTests {
    /// Before, TAB put the 10 000-letter word into the edit line, and Enter refused the line as too long.
    @Test("a word that would make the line longer than a command line may be is not offered")
    func wordLongerThanALine() {
        var provider = CompletionProvider()
        let long = String(repeating: "x", count: 10_000)
        let fits = String(repeating: "x", count: 3_000)
        provider.sentenceWords = [long, fits, "xy"]
        #expect(provider.candidates(line: "cl \"x", cursor: 5) == ["\"" + fits, "\"xy"])
        // The room left counts what the line holds already.
        let typed = "note " + String(repeating: "a", count: 1_990) + " \"x"
        #expect(provider.candidates(line: typed, cursor: typed.unicodeScalars.count) == ["\"xy"])
    }

    /// Before, TAB on a sentence of 5 000 words listed 715 rows and scrolled the sentence away.
    @Test("a listing taller than the window shows the first candidates that fit and how many more there are")
    func listingCutToTheWindow() {
        let words = (0..<5_000).map { "wort\($0)" }
        let rows = Completion.columns(words, width: 80, height: 24)
        #expect(rows.count == 23, "\(rows.count) rows")
        let shown = rows.dropLast().flatMap { $0.split(separator: " ") }.count
        #expect(rows.last == "… \(5_000 - shown) more: type more letters", "\(rows.last ?? "")")
        #expect(rows.allSatisfy { TerminalText.displayWidth($0) <= 80 })
        #expect(rows.first?.hasPrefix("wort0 ") == true)
        // A listing that fits is as before; a candidate wider than the window is cut with "…".
        #expect(Completion.columns(["a", "bb", "ccc"], width: 80, height: 24) == ["a    bb   ccc"])
        #expect(Completion.columns([String(repeating: "y", count: 100)], width: 40, height: 24) == [String(repeating: "y", count: 38) + "…"])
    }
}
