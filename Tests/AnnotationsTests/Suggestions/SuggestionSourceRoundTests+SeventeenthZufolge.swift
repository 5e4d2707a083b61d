import Testing

@testable import Annotations

/// Seventeenth round: the source of "zufolge" when its phrase ends in a lowercase name or a bracket.
extension SuggestionSourceRoundTests {
    /// "Dem Sender al-Dschasira zufolge …", "Einer Erklärung des Verbands ( VSB ) zufolge …": the
    /// whole phrase before the frame is the source, and the rest of the sentence the message.
    @Test func zufolgeTakesAPhraseEndingInALowercaseNameOrABracket() {
        for (text, speaker, fragment) in [
            ("Dem Sender al-Dschasira zufolge wird das Schiff in den Hafen von Aschdod gebracht 🚢.", "Dem Sender al-Dschasira", "wird das Schiff"),
            ("Einer Erklärung des Verbands Sächsischer Bäcker ( VSB ) zufolge steigen die Preise für Brötchen.",
                "Einer Erklärung des Verbands Sächsischer Bäcker ( VSB )", "steigen die Preise"),
            ("Der Website görlitz-aktuell.de zufolge öffnet die Brücke über die Neiße erst im März.", "Der Website görlitz-aktuell.de", "öffnet die Brücke"),
        ] {
            let probe = SuggestionProbe(text)
            let proposal = probe.proposal(claiming: fragment)
            #expect(proposal?.rule == "indirect.zufolge", "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(proposal) == speaker, "\(text): \(probe.speaker(proposal))")
        }
    }

    /// The phrase starts after a comma: words of the clause before are no part of the source.
    @Test func zufolgeSourceStopsAtTheCommaBefore() {
        let probe = SuggestionProbe("Am Montag, dem Sender al-Dschasira zufolge, lief das Schiff aus Zypern aus.")
        let proposal = probe.proposals.first { $0.rule == "indirect.zufolge" }
        #expect(probe.speaker(proposal) == "dem Sender al-Dschasira", "\(probe.proposals.map { probe.speaker($0) })")
    }
}
