import Testing

@testable import WorkbenchShell

@Suite("TAB completion gives input the commands accept")
struct CompletionQuotingTests {
    private var provider: CompletionProvider {
        var provider = CompletionProvider()
        provider.speakerWords = ["S1", "S2", "Vassili Nebenzia", "Nebenzia", "Lloyd Austin"]
        provider.sentenceWords = ["Vassili", "Nebenzia", "versicherte", "Washington"]
        return provider
    }

    @Test("a speaker name of several words is inserted in quotes")
    func multiWordNamesAreQuoted() {
        #expect(provider.candidates(line: "stance Vass", cursor: 11) == ["\"Vassili Nebenzia\""])
        #expect(provider.candidates(line: "claim 4-9 by Ll", cursor: 15) == ["\"Lloyd Austin\""])
        #expect(provider.candidates(line: "sp 3 = Neb", cursor: 10) == ["Nebenzia"])
        #expect(provider.candidates(line: "edit M1 speaker Vas", cursor: 19) == ["\"Vassili Nebenzia\""])
    }

    @Test("inside a quote a sentence word completes without closing it; a speaker name closes it")
    func insideQuotes() {
        #expect(provider.candidates(line: "cue \"versich", cursor: 12) == ["\"versicherte"])
        #expect(provider.candidates(line: "sp \"Vassili Neb", cursor: 15) == ["Nebenzia"])
        #expect(provider.candidates(line: "sp „Vass", cursor: 8) == ["„Vassili"])
        #expect(provider.candidates(line: "stance \"Vassili Ne", cursor: 18) == ["Nebenzia\""])
        #expect(provider.candidates(line: "sp 4 = „Lloyd", cursor: 13) == ["„Lloyd Austin“"])
    }

    @Test("a bare word after speaker, cue or claim completes from the sentence")
    func bareWords() {
        #expect(provider.candidates(line: "cue versich", cursor: 11) == ["versicherte"])
        #expect(provider.candidates(line: "sp Wash", cursor: 7) == ["Washington"])
        #expect(provider.candidates(line: "sp mer", cursor: 6) == ["merge"])
        #expect(provider.candidates(line: "edit Q1 s", cursor: 9) == ["span"])
    }
}
