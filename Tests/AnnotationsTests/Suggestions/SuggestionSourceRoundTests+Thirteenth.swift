import Testing

@testable import Annotations

/// Rules of the thirteenth round for the Source span: proposals that pair with no gold attribution.
extension SuggestionSourceRoundTests {
    /// "würdigen", "bedauern", "bestätigen" and "ablehnen" with a plain object take a stance on
    /// something already given (a person's work, a decision, a report, a request) and render no
    /// content of their own, so they are no reported speech ("Der Verband bestätigte den Vorfall");
    /// with a clause they still report it ("bestätigte, dass …").
    @Test(arguments: [
        "Die Bürgermeisterin würdigte die Helferinnen für ihren Einsatz beim Hochwasser 🌊.",
        "Der Präsident bedauerte die Entscheidung des Gerichts in Köln.",
        "Der Verband bestätigte den Vorfall am Montag gegenüber der „Süddeutschen Zeitung“.",
        "Die Stadt lehnte den Antrag der Bürgerinitiative „Grünes Ufer“ ab.",
    ])
    func stanceVerbWithAPlainObjectIsNoReportedSpeech(text: String) {
        let probe = SuggestionProbe(text)
        #expect(!probe.proposals.contains { $0.form == .reported }, "\(probe.proposals.map(\.rule))")
    }

    /// With a clause the same verbs report it, and a verb that names a speech act keeps its
    /// reported speech ("Die Gewerkschaft kritisierte die Pläne").
    @Test func stanceVerbWithAClauseStillReports() {
        let clause = SuggestionProbe("Der Verband bestätigte, dass die Brücke über die Mühlenstraße gesperrt bleibt 🚧.")
        let indirect = clause.proposal(claiming: "Brücke")
        #expect(indirect?.form == .indirect)
        #expect(clause.speaker(indirect) == "Der Verband", "\(clause.speaker(indirect))")
        let speechAct = SuggestionProbe("Die Gewerkschaft kritisierte die Pläne der Geschäftsführung für das Werk in Görlitz.")
        let reported = speechAct.proposals.first { $0.form == .reported }
        #expect(speechAct.speaker(reported) == "Die Gewerkschaft", "\(speechAct.speaker(reported))")
    }
}

extension SuggestionSourceRoundTests {
    /// "sprechen" names a speech act with a plain object only with "von" ("Die Polizei sprach von
    /// einer friedlichen Demonstration"); "sprach mit der Presse" or "sprechen für den Plan" report
    /// nothing.
    @Test func sprechenReportsOnlyWithVon() {
        let von = SuggestionProbe("Die Polizei in Görlitz sprach von einer weitgehend friedlichen Demonstration 🚓.")
        let reported = von.proposals.first { $0.form == .reported }
        #expect(von.speaker(reported) == "Die Polizei in Görlitz", "\(von.speaker(reported))")
        for text in ["Die Ermittlerinnen haben bereits mit der Nachbarin gesprochen.", "Die Zahlen der Umfrage sprechen für den Bürgermeister aus Köln."] {
            let probe = SuggestionProbe(text)
            #expect(!probe.proposals.contains { $0.form == .reported }, "\(text)")
        }
    }
}
