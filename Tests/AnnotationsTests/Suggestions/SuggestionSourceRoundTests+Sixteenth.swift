import Testing

@testable import Annotations

/// Rules of the sixteenth round: reported speech whose subject follows the finite verb, with an
/// adverbial or an object put first.
extension SuggestionSourceRoundTests {
    /// The finite verb second after an adverbial ("Zudem", "Für die Schüler") and its subject right
    /// after it: the sentence is reported speech with that subject as its source.
    @Test func reportedSpeechWithTheSubjectAfterTheVerb() {
        for (text, speaker) in [
            ("Zudem forderte die Bürgermeisterin höhere Zuschüsse für die Brücke über die Neiße 🌉.", "die Bürgermeisterin"),
            ("Für die Schüler in Görlitz verlangt Ministerin Jäger ebenfalls größere Räume.", "Ministerin Jäger"),
            ("Außerdem regte ein Sprecher der Stadtwerke eine Prüfung der Gebühren an 💡.", "ein Sprecher der Stadtwerke"),
        ] {
            let probe = SuggestionProbe(text)
            let reported = probe.proposals.first { $0.form == .reported }
            #expect(reported != nil, "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(reported).hasPrefix(speaker), "\(text): \(probe.speaker(reported))")
        }
    }

    /// No reported speech when the phrase after the verb names a matter, not a speaker ("die
    /// Entscheidung"), or when a colon introduces the content the quote rules take („…“).
    @Test func noReportedSpeechAfterTheVerbForAMatterOrAColon() {
        let matter = SuggestionProbe("Am Montag kritisierte die Entscheidung über die Brücke kaum jemand in Görlitz.")
        #expect(!matter.proposals.contains { $0.form == .reported }, "\(matter.proposals.map { matter.speaker($0) })")
        let colon = SuggestionProbe("Dazu forderte der Verband: „Die Brücke über die Neiße muss schnell öffnen 🚧.“")
        #expect(!colon.proposals.contains { $0.form == .reported }, "\(colon.proposals.map(\.rule))")
    }
}
