import Testing

@testable import Annotations

/// Bad input gives proposals or none, never a crash or a hang.
@Suite struct SuggestionRobustnessTests {
    @Test func emptyAndBlankDocuments() {
        #expect(SuggestionProbe("").proposals.isEmpty)
        #expect(SuggestionProbe("   \n\n \t ").proposals.isEmpty)
    }

    @Test func oneMegabyteLineWithoutPunctuation() {
        let words = ["sagte", "die", "Regierung", "teilte", "mit", "dass", "sei", "laut", "Polizei", "zufolge", "wies", "zurück"]
        var text = ""
        var index = 0
        while text.utf8.count < 1_000_000 {
            text += words[index % words.count] + " "
            index += 1
        }
        let probe = SuggestionProbe(text)
        for proposal in probe.proposals { #expect(proposal.claim.allSatisfy { $0.start < $0.end }) }
    }

    @Test func unbalancedQuotes() {
        let probe = SuggestionProbe("„Das ist ernst, sagte er. »Wir gehen. Er sagte, die Lage sei „ernst. Dann „ „ “ ging er.")
        for proposal in probe.proposals {
            #expect(!proposal.claim.isEmpty)
            #expect(proposal.claim.allSatisfy { $0.start < $0.end && $0.end <= probe.document.scalarCount })
        }
    }

    @Test func textFullOfQuoteMarks() {
        let marks = ["„", "“", "”", "»", "«", "\"", "'", "‚", "‘"]
        var text = ""
        for index in 0..<20_000 { text += marks[index % marks.count] + (index % 7 == 0 ? " sagte er, " : "") }
        let probe = SuggestionProbe(text)
        for proposal in probe.proposals { #expect(proposal.claim.allSatisfy { $0.end <= probe.document.scalarCount }) }
    }

    @Test func outputIsDeterministic() {
        let text = "Der Sprecher sagte, der Zug sei entgleist. „Niemand wurde verletzt“, fügte er hinzu. Laut Polizei ist die Strecke gesperrt."
        #expect(SuggestionProbe(text).proposals == SuggestionProbe(text).proposals)
    }
}

@Suite struct SuggestionEdgeTests {
    @Test func sentenceStartingWithACommaAndACue() {
        #expect(SuggestionProbe(", sagte er.").proposals.count <= 1)
        #expect(SuggestionProbe(",, sagte er").proposals.count <= 1)
    }

    @Test func cueWordsAlone() {
        for text in ["sagte", "laut", "zufolge", "nach", "so", "heißt es", "Wie", "„", "“", "Demnach"] {
            _ = SuggestionProbe(text).proposals
        }
    }
}
