import Testing

@testable import WorkbenchShell

/// TAB completion reads the line as the command lexer does, a Unicode scalar at a time. Read by
/// `Character`s, a closing quote glued to a combining mark, a zero-width joiner or a variation
/// selector was no quote: TAB took the quote for open where the command had closed it.
@Suite("TAB completion counts Unicode scalars, as the command line does")
struct CompletionScalarTests {
    private var provider: CompletionProvider {
        var provider = CompletionProvider()
        provider.speakerWords = ["S1", "Ülrich Müller", "Zoë"]
        provider.sentenceWords = ["Lage", "👩‍👩‍👧", "Cafe\u{301}", "Ärger"]
        return provider
    }

    private func candidates(_ line: String) -> [String] {
        provider.candidates(line: line, cursor: line.unicodeScalars.count)
    }

    @Test("a closing quote glued to a mark, joiner or variation selector closes the quote")
    func gluedClosingQuotes() {
        // Before: ["Ülrich"], a sentence word as if still inside the quote.
        #expect(candidates("claim \"Lage\"\u{301} by Ül") == ["\"Ülrich Müller\""])
        #expect(candidates("claim \"Lage\"\u{200D} by Ül") == ["\"Ülrich Müller\""])
        #expect(candidates("claim \"👩‍👩‍👧\"\u{FE0F} by Zo") == ["Zoë"])
        #expect(candidates("claim „Lage“\u{301} by S") == ["S1"])
    }

    @Test("an opening quote glued to a mark still opens a quote")
    func gluedOpeningQuote() {
        // The lexer reads „ + U+0301 as a quote opening on the mark: a speaker name inside completes and closes it.
        #expect(candidates("sp 4 = „\u{301}") == [])
        #expect(candidates("sp 4 = „Ül") == ["„Ülrich Müller“"])
    }

    @Test("inside a quote, words match by scalars: an emoji sequence begun, an accent still to come")
    func partsOfCharacters() {
        // "👩‍👩" is another character than "👩‍👩‍👧", but the scalars typed so far begin it.
        #expect(candidates("cue \"👩‍👩") == ["\"👩‍👩‍👧"])
        #expect(candidates("note „Cafe") == ["„Cafe\u{301}"])
        #expect(candidates("cl „Är") == ["„Ärger"])
        let plan = Completion.plan(line: "cue \"👩‍", cursor: 7, candidates: candidates("cue \"👩‍"))
        #expect(plan == Completion.Plan(replace: "", insert: "👩‍👧 ", list: []))
    }

    @Test("the cursor counts scalars: a word ending inside a decomposed letter or before an emoji's joiner")
    func cursorInScalars() {
        let line = "cue Cafe\u{301} x"
        #expect(Completion.word(in: line, cursor: 8) == "Cafe")
        #expect(Completion.word(in: line, cursor: 9) == "Cafe\u{301}")
        #expect(provider.candidates(line: line, cursor: 8) == ["Cafe\u{301}"])
        #expect(Completion.word(in: "sp 👩‍👩‍👧 Ül", cursor: 11) == "Ül")
    }

    @Test("a common prefix never ends inside a character")
    func commonPrefixKeepsCharacters() {
        #expect(Completion.commonPrefix(["👩‍👩‍👧", "👩‍👩‍👦"]) == "")
        #expect(Completion.commonPrefix(["Cafe\u{301}s", "Cafe"]) == "Caf")
        #expect(Completion.commonPrefix(["„Grüße", "„Grün"]) == "„Grü")
    }
}
