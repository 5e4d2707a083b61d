import Testing

@testable import Annotations

/// Seventeenth round: judgements and forecasts with their preposition ("halten für", "rechnen mit",
/// "plädieren für", "raten zu") and "nennen" with a plain object are reported speech.
extension SuggestionSourceRoundTests {
    @Test func judgementsWithTheirPrepositionAreReportedSpeech() {
        for (text, speaker) in [
            ("Analysten halten einen Preis von 60 Euro je Unze für wahrscheinlich 📈.", "Analysten"),
            ("Der Verband rechnet für das Jahr 2027 mit einem Umsatz von einer Milliarde Euro.", "Der Verband"),
            ("Die Grünen plädieren für eine Öffnung der Brücke über die Neiße.", "Die Grünen"),
            ("So riet die Ärztin den Schülern zu mehr Bewegung 🏃.", "die Ärztin"),
            ("Als Grund nannte die Bürgermeisterin die hohen Kosten der Brücke 🌉.", "die Bürgermeisterin"),
            ("Der Minister nannte den Beschluss einen fairen Kompromiss.", "Der Minister"),
        ] {
            let probe = SuggestionProbe(text)
            let reported = probe.proposals.first { $0.form == .reported }
            #expect(reported != nil, "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(reported) == speaker, "\(text): \(probe.speaker(reported))")
        }
    }

    /// Without its preposition the verb names no speech act ("hält die Brücke", "rechnet die
    /// Kosten aus"), and "nennen" with a quoted name leaves the sentence to the quote rules.
    @Test func noReportedSpeechWithoutThePrepositionOrWithAQuotedName() {
        for text in [
            "Die Polizei hält die Brücke über die Neiße seit Montag geschlossen.",
            "Der Kämmerer rechnete die Kosten der Brücke noch einmal nach.",
            "Der Regionalzug hält für zwei Minuten in Görlitz 🚆.",
            "Der Trainer nannte die Entscheidung des Schiedsrichters „völlig verfehlt“ 😠.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(!probe.proposals.contains { $0.form == .reported }, "\(text): \(probe.proposals.map(\.rule))")
        }
    }
}
