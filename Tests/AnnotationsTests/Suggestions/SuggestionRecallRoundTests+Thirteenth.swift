import Testing

@testable import Annotations

/// Rules of the thirteenth round (B), for gold attributions no proposal paired with: verbs of
/// deliberating and intending ("erwägen", "überlegen", "beabsichtigen") report what their subject
/// is thinking of doing.
extension SuggestionRecallRoundTests {
    /// "erwägen" names a speech act with a plain object: reported speech of its subject.
    @Test func consideringIsASpeechAct() {
        let city = SuggestionProbe("Die Stadt Düsseldorf erwog eine Klage gegen den Flughafenbetreiber 🛫.")
        let lawsuit = city.proposal(claiming: "Klage")
        #expect(lawsuit?.form == .reported, "\(city.proposals.map { city.claim($0) })")
        #expect(city.speaker(lawsuit) == "Die Stadt Düsseldorf")
        let ministry = SuggestionProbe("Das Ministerium erwägt eine Änderung der Förderrichtlinien für Bürgerbäder.")
        #expect(ministry.speaker(ministry.proposal(claiming: "Änderung")) == "Das Ministerium")
        // With a comma clause the clause is the message, as for the other reporting verbs.
        let clause = SuggestionProbe("Der Verein erwägt, gegen das Urteil des Sportgerichts Einspruch einzulegen.")
        let appeal = clause.proposal(claiming: "Einspruch")
        #expect(clause.speaker(appeal) == "Der Verein")
        #expect(clause.claim(appeal) == "gegen das Urteil des Sportgerichts Einspruch einzulegen", "\(clause.claim(appeal))")
    }

    /// "überlegen" and "beabsichtigen" with a zu- or ob-clause: the clause is the message, the
    /// subject the source; "überlegen" as an adjective without a clause is nothing.
    @Test func deliberatingWithAClauseIsIndirectSpeech() {
        let fees = SuggestionProbe("Die Bürgermeisterin überlegt, die Gebühren für die Kitas zu senken 😊.")
        let lower = fees.proposal(claiming: "Gebühren")
        #expect(fees.speaker(lower) == "Die Bürgermeisterin", "\(fees.proposals.map { fees.claim($0) })")
        #expect(fees.cue(lower) == "überlegt")
        let union = SuggestionProbe("Die Gewerkschaft beabsichtigt, die Schlichtung „so bald wie möglich“ anzurufen.")
        #expect(union.speaker(union.proposal(claiming: "Schlichtung")) == "Die Gewerkschaft")
        let match = SuggestionProbe("Die Gäste aus Köln waren in der zweiten Hälfte klar überlegen.")
        #expect(match.proposals.isEmpty, "\(match.proposals.map { match.claim($0) })")
    }
}
