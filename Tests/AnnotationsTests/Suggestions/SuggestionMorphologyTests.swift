import Foundation
import Testing

@testable import Annotations

@Suite struct SuggestionMorphologyTests {
    @Test func weakVerbFormsAndKonjunktivI() {
        let forms = Dictionary(VerbMorphology.forms(infinitive: "berichten", particle: nil, present: nil, past: nil, participle: nil).map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        for form in ["berichtet", "berichtete", "berichteten", "berichte", "berichtest"] { #expect(forms[form]?.kind == .finite, "\(form)") }
        #expect(forms["berichtet"] != nil)
        let erklaeren = VerbMorphology.forms(infinitive: "erklären", particle: nil, present: nil, past: nil, participle: nil).map(\.0)
        #expect(erklaeren.contains("erklärt"))
        #expect(!erklaeren.contains("geerklärt"))
    }

    @Test func separableParticleVerbs() {
        let forms = VerbMorphology.forms(infinitive: "teilen", particle: "mit", present: nil, past: nil, participle: nil)
        #expect(forms.contains { $0.0 == "teilte" && $0.1.needsParticle })
        #expect(forms.contains { $0.0 == "mitteilte" && !$0.1.needsParticle })
        #expect(forms.contains { $0.0 == "mitgeteilt" && $0.1.kind == .participle })
        #expect(forms.contains { $0.0 == "mitzuteilen" && $0.1.kind == .infinitive })
        let werfen = VerbMorphology.forms(infinitive: "werfen", particle: "vor", present: "wirft", past: "warf", participle: "geworfen").map(\.0)
        for form in ["wirft", "warf", "warfen", "vorwarf", "vorgeworfen", "vorwirft"] { #expect(werfen.contains(form), "\(form)") }
    }

    @Test func subjunctiveRecognition() {
        #expect(VerbMorphology.isSubjunctive("sei", afterNounOrPronoun: false))
        #expect(VerbMorphology.isSubjunctive("plane", afterNounOrPronoun: true))
        #expect(VerbMorphology.isSubjunctive("verlange", afterNounOrPronoun: true))
        #expect(!VerbMorphology.isSubjunctive("verlange", afterNounOrPronoun: false))
        #expect(!VerbMorphology.isSubjunctive("wichtige", afterNounOrPronoun: true))
    }

    @Test func compiledLexiconMatchesTheLexiconFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Annotations/Suggestions/Lexicon")
        let compiled = [
            "verbs": SuggestionLexiconData.verbs, "nouns": SuggestionLexiconData.nouns, "titles": SuggestionLexiconData.titles,
            "institutions": SuggestionLexiconData.institutions, "stopwords": SuggestionLexiconData.stopwords,
            "wieframe": SuggestionLexiconData.wieframe,
        ]
        for (name, text) in compiled {
            let file = try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
            #expect(SuggestionLexicon.lines(file) == SuggestionLexicon.lines(text), "run scripts/generate-suggestion-lexicon.sh (\(name).txt)")
        }
    }
}
