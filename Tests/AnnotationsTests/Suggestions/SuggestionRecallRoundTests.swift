import Testing

@testable import Annotations

/// Rules of the eleventh round (B), for gold attributions no proposal paired with: verbs that
/// name a speech act with a plain object ("sagten Regen voraus", "fürchten höhere Mieten",
/// "hat die Regierung zur Kooperation aufgefordert") are reported speech of their subject.
@Suite struct SuggestionRecallRoundTests {
    /// "voraus|sagen" is a reporting verb: with a dass-clause it is indirect speech, with a plain
    /// object reported speech of the subject before it.
    @Test func forecastIsASpeechAct() {
        let reported = SuggestionProbe("Die Meteorologen sagten für das Wochenende weitere Regenfälle voraus ⛈️.")
        let forecast = reported.proposal(claiming: "Regenfälle")
        #expect(forecast?.form == .reported, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(forecast) == "Die Meteorologen", "\(reported.speaker(forecast))")
        let indirect = SuggestionProbe("Der Wetterdienst sagte voraus, dass die Pegel der Flüsse bis Montag steigen würden.")
        let clause = indirect.proposal(claiming: "Pegel")
        #expect(clause?.form == .indirect)
        #expect(indirect.speaker(clause) == "Der Wetterdienst")
        #expect(indirect.cue(clause).contains("voraus"), "\(indirect.cue(clause))")
    }

    /// "fürchten" with a plain object is reported speech of its subject; with a dass-clause it
    /// stays indirect speech.
    @Test func fearWithAnObjectIsReportedSpeech() {
        let reported = SuggestionProbe("Die Anwohner fürchten höhere Mieten in der Südstadt.")
        let fear = reported.proposal(claiming: "Mieten")
        #expect(fear?.form == .reported, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(fear) == "Die Anwohner", "\(reported.speaker(fear))")
        let indirect = SuggestionProbe("Die Händler fürchten, dass die Kundschaft „ausbleibt“.")
        let clause = indirect.proposal(claiming: "Kundschaft")
        #expect(clause?.form != .reported)
        #expect(indirect.speaker(clause) == "Die Händler")
    }

    /// "auf|fordern" with an object and a "zu" phrase but no message clause is reported speech of
    /// its subject; with a zu-infinitive after the comma that clause is the message as before.
    @Test func summonsWithoutAClauseIsReportedSpeech() {
        let reported = SuggestionProbe("Die Europäische Union hat die Regierung von Myanmar erneut zur Zusammenarbeit aufgefordert.")
        let summons = reported.proposal(claiming: "Myanmar")
        #expect(summons?.form == .reported, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(summons) == "Die Europäische Union", "\(reported.speaker(summons))")
        let indirect = SuggestionProbe("Die Polizei forderte die Anwohner auf, die Fenster geschlossen zu halten.")
        let clause = indirect.proposal(claiming: "Fenster")
        #expect(clause?.form == .indirect)
        #expect(indirect.speaker(clause) == "Die Polizei")
        // An event that "fordert" lives is still no speech act.
        let storm = SuggestionProbe("Der Sturm forderte in Südfrankreich drei Tote.")
        #expect(storm.proposals.isEmpty, "\(storm.proposals.map(\.rule))")
    }

    /// "ist der Meinung", "vertritt die Auffassung", "sind der gegenteiligen Ansicht" before a comma
    /// clause: verb, article, adjective and noun are the cue, the clause the message, the subject
    /// (before the verb or between verb and article) the source.
    @Test func opinionPhraseIsACue() {
        let probe = SuggestionProbe("Die Gewerkschaft ist der Meinung, dass die Löhne um fünf Prozent steigen müssten 💶.")
        let opinion = probe.proposal(claiming: "Löhne")
        #expect(opinion?.rule == "indirect.opinion-phrase", "\(probe.proposals.map(\.rule))")
        #expect(probe.speaker(opinion) == "Die Gewerkschaft", "\(probe.speaker(opinion))")
        #expect(probe.cue(opinion) == "ist der Meinung", "\(probe.cue(opinion))")
        let adjective = SuggestionProbe("37 Prozent der Befragten sind der gegenteiligen Auffassung, die Reform gehe „zu weit“.")
        let contrary = adjective.proposal(claiming: "Reform")
        #expect(adjective.cue(contrary) == "sind der gegenteiligen Auffassung", "\(adjective.cue(contrary))")
        #expect(adjective.speaker(contrary).hasPrefix("37 Prozent"), "\(adjective.speaker(contrary))")
        let inverted = SuggestionProbe("Daher vertritt der Verband die Ansicht, die Gebühren seien rechtswidrig.")
        let view = inverted.proposal(claiming: "Gebühren")
        #expect(inverted.speaker(view) == "der Verband", "\(inverted.speaker(view))")
        #expect(inverted.cue(view) == "vertritt … die Ansicht", "\(inverted.cue(view))")
        // Without a clause after the noun there is no message.
        let shared = SuggestionProbe("Der Bürgermeister teilt die Meinung der Anwohner nicht.")
        #expect(shared.proposals.isEmpty, "\(shared.proposals.map(\.rule))")
    }
}
