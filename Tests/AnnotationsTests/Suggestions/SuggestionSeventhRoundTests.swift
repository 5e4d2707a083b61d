import Testing

@testable import Annotations

/// Rules of the seventh round, for Source: words that point back to a source stand for it, as a
/// personal pronoun does ("Demnach", a relative pronoun).
@Suite struct SuggestionSeventhRoundTests {
    /// "Demnach" opening a sentence, or inside it, is both the cue and the source of the sentence.
    @Test func demnachIsCueAndSource() {
        let opening = SuggestionProbe("Die Behörde legte am Montag einen Bericht vor. Demnach sind im Jahr 2023 über 4.000 Schüler erkrankt.")
        let proposal = opening.proposal(claiming: "4.000 Schüler")
        #expect(opening.cue(proposal) == "Demnach")
        #expect(opening.speaker(proposal) == "Demnach")
        #expect(opening.claim(proposal) == "sind im Jahr 2023 über 4.000 Schüler erkrankt")
        let inside = SuggestionProbe("Die Stadt äußerte sich am Abend. Die Straße über den Fluss soll demnach bis Mai gesperrt bleiben.")
        let middle = inside.proposal(claiming: "Straße")
        #expect(inside.cue(middle) == "demnach")
        #expect(inside.speaker(middle) == "demnach")
        #expect(inside.claim(middle) == "Die Straße über den Fluss soll … bis Mai gesperrt bleiben")
    }

    /// A reporting verb at the end of a relative clause: the relative pronoun is the source, the
    /// clause after the comma the message; a relative clause with no message gives none.
    @Test func relativePronounBeforeAReportingVerbIsTheSource() {
        let probe = SuggestionProbe("Die Firma prüft die Angaben eines Schülers, der behauptet, den Schutz des Systems geknackt zu haben.")
        let proposal = probe.proposal(claiming: "geknackt")
        #expect(probe.speaker(proposal) == "der")
        #expect(probe.cue(proposal) == "behauptet")
        #expect(probe.claim(proposal) == "den Schutz des Systems geknackt zu haben")
        let umlaut = SuggestionProbe("Gehört wurde auch die Ärztin Jörg Müller-Süß, die versicherte, dass die Behandlung „sicher“ sei.")
        let sure = umlaut.proposal(claiming: "Behandlung")
        #expect(umlaut.speaker(sure) == "die")
        #expect(umlaut.cue(sure) == "versicherte")
        let none = SuggestionProbe("Sie traf den Mann, der sagte, und ging.")
        #expect(none.proposals.allSatisfy { none.speaker($0) != "der" })
    }

    /// ", nach denen …" and ", denen zufolge …" after a noun: the relative pronoun is the source.
    @Test func relativePronounInAFrameIsTheSource() {
        let probe = SuggestionProbe("Die Maßnahme folgt Umfragen im Land, nach denen 72 Prozent der Befragten die Reform ablehnen.")
        let proposal = probe.proposal(claiming: "72 Prozent")
        #expect(probe.speaker(proposal) == "denen")
        #expect(probe.cue(proposal) == "nach")
        #expect(probe.claim(proposal) == "72 Prozent der Befragten die Reform ablehnen")
        let zufolge = SuggestionProbe("Es gibt Berichte aus Köln, denen zufolge der Sänger an Krebs litt 🎤.")
        let report = zufolge.proposal(claiming: "Sänger")
        #expect(zufolge.speaker(report) == "denen")
        #expect(zufolge.cue(report) == "zufolge")
    }

    /// An office apposition after a name belongs to the speaker: offices from the wider title list
    /// ("Geschäftsführer", "Gründerin") and a common noun with a genitive ("Stimme einer Gruppe").
    @Test func officeAppositionAfterANameIsPartOfTheSpeaker() {
        let title = SuggestionProbe("Im Gespräch mit Reportern sagte Jörg Weiß, der Geschäftsführer des Vereins: „Wir sind sehr zufrieden.“")
        #expect(title.speaker(title.proposal(claiming: "zufrieden")) == "Jörg Weiß, der Geschäftsführer des Vereins")
        let genitive = SuggestionProbe("„Die Preise steigen weiter“, sagte Anna Schäfer, Stimme einer Gruppe von Prüfern, am Montag.")
        #expect(genitive.speaker(genitive.proposal(claiming: "Preise")) == "Anna Schäfer, Stimme einer Gruppe von Prüfern")
        let message = SuggestionProbe("Der Trainer sagte, Ende der Woche werde die Mannschaft abreisen.")
        #expect(message.claim(message.proposals.first) == "Ende der Woche werde die Mannschaft abreisen")
    }
}
