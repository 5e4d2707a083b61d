import Testing
@testable import Annotations

@Suite("Command lexer")
struct CommandLexerTests {
    @Test("Words split at spaces; quotes, regexes and comma lists stay together; starts count characters")
    func words() throws {
        let words = try CommandLexer.words("claim „Wir müssen“#2 by  Mark /a b/ 4-7, 9 \"fügte\",\"hinzu\"")
        #expect(words.map(\.text) == ["claim", "„Wir müssen“#2", "by", "Mark", "/a b/", "4-7,9", "\"fügte\",\"hinzu\""])
        #expect(words.map(\.start) == [0, 6, 21, 25, 30, 36, 43])
        #expect(try CommandLexer.words(" \t ").isEmpty)
        #expect(try CommandLexer.words("/a\\/b/").map(\.text) == ["/a\\/b/"])
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
