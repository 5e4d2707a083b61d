import Testing
@testable import WorkbenchShell

/// TAB in the lists of a claim's speakers and addressees (`by S4,Seo⇥`, `to M1,M⇥`): the item after
/// the last comma completes, the items before it stay. Before, the whole word `S4,Seo` was taken as a
/// prefix and nothing completed, so a second speaker had to be typed out.
@Suite struct ListCompletionTests {
    static var provider: CompletionProvider {
        var provider = CompletionProvider()
        provider.speakerWords = ["S4", "S5", "Washington", "Seoul", "Vereinigte Staaten"]
        provider.annotationIDs = ["M1", "M6", "C1", "Q3"]
        return provider
    }

    @Test("the second speaker after a comma completes by name and by id")
    func speakersAfterAComma() {
        let provider = Self.provider
        #expect(provider.candidates(line: "cl 5-12 by Washington,Se", cursor: 24) == ["Washington,Seoul"])
        #expect(provider.candidates(line: "cl 5-12 by S4,S", cursor: 15) == ["S4,S5", "S4,Seoul"], "S4 is named already")
        #expect(provider.candidates(line: "y b by S4,W", cursor: 11) == ["S4,Washington"])
        #expect(provider.candidates(line: "edit C1 by S5,Wa", cursor: 16) == ["S5,Washington"])
        // A name of several words has no place in a list: not offered there (alone it is, quoted).
        #expect(provider.candidates(line: "cl 1-3 by S4,Ve", cursor: 15) == [])
        #expect(provider.candidates(line: "cl 1-3 by Ve", cursor: 12) == ["\"Vereinigte Staaten\""])
    }

    @Test("a claim's addressees complete as mention ids, one by one")
    func addressees() {
        let provider = Self.provider
        #expect(provider.candidates(line: "cl 5-12 to M", cursor: 12) == ["M1", "M6"])
        #expect(provider.candidates(line: "cl 5-12 to M1,M", cursor: 15) == ["M1,M6"])
        #expect(provider.candidates(line: "edit C1 to M6", cursor: 13) == ["M6"])
    }

    @Test("the second word of a discontinuous cue completes from the sentence (cu fügte,hin)")
    func cueWords() {
        var provider = Self.provider
        provider.sentenceWords = ["Er", "fügte", "später", "hinzu", "warf", "Washington", "vor"]
        #expect(provider.candidates(line: "cu fügte,hin", cursor: 12) == ["fügte,hinzu"])
        #expect(provider.candidates(line: "cue warf,v", cursor: 10) == ["warf,vor"])
        #expect(provider.candidates(line: "cu wa", cursor: 5) == ["warf"], "a single word, as before (case counts)")
    }
}
