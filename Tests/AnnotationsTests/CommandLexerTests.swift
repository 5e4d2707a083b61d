import Testing
@testable import Annotations

@Suite("Command lexer")
struct CommandLexerTests {
    @Test("Words split at spaces; quotes, regexes and comma lists stay together; starts count scalars")
    func words() throws {
        let words = try CommandLexer.words("claim „Wir müssen“#2 by  Mark /a b/ 4-7, 9 \"fügte\",\"hinzu\"")
        #expect(words.map(\.text) == ["claim", "„Wir müssen“#2", "by", "Mark", "/a b/", "4-7,9", "\"fügte\",\"hinzu\""])
        #expect(words.map(\.start) == [0, 6, 21, 25, 30, 36, 43])
        #expect(try CommandLexer.words(" \t ").isEmpty)
        #expect(try CommandLexer.words("/a\\/b/").map(\.text) == ["/a\\/b/"])
    }

    /// A quote followed by a combining mark, ZWJ or variation selector is one grapheme cluster: read by
    /// clusters, `"abc"` + U+200D was "the quote \" is not closed".
    @Test("Quotes are found scalar by scalar: a combining mark, ZWJ or variation selector glued to a quote")
    func quotesGluedToMarks() throws {
        #expect(try CommandLexer.words("note \"abc\"\u{200D}").map(\.text) == ["note", "\"abc\"\u{200D}"])
        #expect(try CommandLexer.words("note \"\u{301}abc\" x").map(\.text) == ["note", "\"\u{301}abc\"", "x"])
        #expect(try CommandLexer.words("claim \"👩‍👩‍👧\"\u{FE0F} by „Ana\u{308}“\u{20E3}").map(\.text)
            == ["claim", "\"👩‍👩‍👧\"\u{FE0F}", "by", "„Ana\u{308}“\u{20E3}"])
        // Starts count scalars: the rest of the line after a word is `line.unicodeScalars.dropFirst(start)`.
        let line = "note \"e\u{301}\"\u{200D} \"x\""
        let words = try CommandLexer.words(line)
        #expect(words.map(\.start) == [0, 5, 11])
        #expect(String(line.unicodeScalars.dropFirst(words[1].start)) == "\"e\u{301}\"\u{200D} \"x\"")
        // Span addresses read quotes the same way.
        #expect(try SpanAddress.parse("\"\u{301}abc\"#2").parts == [.text("\u{301}abc", occurrence: 2)])
        #expect(try SpanAddress.parse("\"a\u{301}\",\"👩‍👩‍👧\"").parts == [.text("a\u{301}", occurrence: 1), .text("👩‍👩‍👧", occurrence: 1)])
        #expect(throws: SpanAddressError.self) { try SpanAddress.parse("\"abc\"\u{200D}") }
    }

    @Test("An unclosed quote or regular expression is refused with the mark that closes it")
    func unclosed() {
        #expect(throws: CommandLexerError.unclosedQuote(opening: "„", closer: "\"")) { try CommandLexer.words("speaker „Mark") }
        #expect(throws: CommandLexerError.unclosedQuote(opening: "»", closer: "«")) { try CommandLexer.words("cue »sagte") }
        #expect(throws: CommandLexerError.unclosedRegularExpression) { try CommandLexer.words("claim /sagte") }
        #expect(CommandLexerError.unclosedQuote(opening: "»", closer: "«").description == "the quote » is not closed; close it with «")
        #expect(CommandLexerError.unclosedRegularExpression.description == "the regular expression is not closed; end it with /")
    }
}
