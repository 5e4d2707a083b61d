import Testing

@testable import WorkbenchShell

/// What Enter does to a line whose quote is still open at its end (``Completion/closingOpenQuote(_:)``):
/// the whitespace after the last word goes and the quote's own closing mark is added.
@Suite("Enter closes a quote left open")
struct ClosingOpenQuoteTests {
    @Test("an open quote after TAB's space is closed after the last word, with its own mark")
    func closes() {
        #expect(Completion.closingOpenQuote("cl \"im November ")! == (1, "\""))
        #expect(Completion.closingOpenQuote("note „abc def")! == (0, "“"))
        #expect(Completion.closingOpenQuote("note »erst prüfen   ")! == (3, "«"))
        #expect(Completion.closingOpenQuote("note «x")! == (0, "»"))
        // A second quote after a closed one.
        #expect(Completion.closingOpenQuote("cue \"fügte\",\"hin")! == (0, "\""))
        // A quote glued to a combining mark is still a quote, scalar by scalar.
        #expect(Completion.closingOpenQuote("note \"\u{301}abc ")! == (1, "\""))
    }

    @Test("closed quotes, no quote and a quote with nothing after it are left alone")
    func leavesAlone() {
        #expect(Completion.closingOpenQuote("cl \"im November\"") == nil)
        #expect(Completion.closingOpenQuote("sp „Kurt Beck“ role Minister") == nil)
        #expect(Completion.closingOpenQuote("n") == nil)
        #expect(Completion.closingOpenQuote("note \"") == nil)
        #expect(Completion.closingOpenQuote("note \"   ") == nil)
    }
}
