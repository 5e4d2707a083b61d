import Testing

@testable import Annotations

/// Rules of the ninth round, for Source recall: frames that report one clause, free indirect
/// speech after reported speech, speakers that keep their place and a prefield frame's apposition.
@Suite struct SuggestionNinthRoundTests {
    /// A "nach Angaben"/"laut" frame inside a later clause reports that clause only, so the
    /// sentence's other attribution keeps its own message; a frame after a prefield clause
    /// ("Ob …, entscheidet sich laut X …") still reports the whole sentence.
    @Test func frameInALaterClauseReportsThatClause() {
        let probe = SuggestionProbe("Die Stadt bat das Land um Hilfe, weil die Feuerwehr nach Angaben der Behörde überfordert ist.")
        let frame = probe.proposals.first { $0.rule == "indirect.nach-angaben" }
        #expect(probe.speaker(frame) == "Angaben der Behörde")
        #expect(probe.claim(frame).hasPrefix("weil die Feuerwehr"), "\(probe.claim(frame))")
        #expect(!probe.claim(frame).contains("Stadt"))
        let relative = SuggestionProbe("Er traf die Vertreter der Fähren, die laut „Hamburger Abendblatt“ über die Förde fahren wollen 🚢.")
        let laut = relative.proposals.first { $0.rule == "indirect.laut" }
        #expect(relative.claim(laut).hasPrefix("die"), "\(relative.claim(laut))")
        #expect(!relative.claim(laut).contains("Vertreter"))
        let prefield = SuggestionProbe("Ob die Fähre wieder fährt, entscheidet sich laut dem Direktor der Behörde in der nächsten Woche.")
        let whole = prefield.proposals.first { $0.rule == "indirect.laut" }
        #expect(prefield.claim(whole).hasPrefix("Ob die Fähre"), "\(prefield.claim(whole))")
    }

    /// A sentence in Konjunktiv I right after reported speech continues it: free indirect speech
    /// with the speaker of the reported speech.
    @Test func subjunctiveAfterReportedSpeechContinuesIt() {
        let probe = SuggestionProbe("Die Regierung warnt vor weiteren Überschwemmungen. Die Dämme seien schon jetzt überlastet.")
        let continuation = probe.proposal(claiming: "Dämme")
        #expect(continuation?.form == .freeIndirect)
        #expect(probe.speaker(continuation) == "Die Regierung")
        // Without the reported speech before it there is no attribution to continue.
        let alone = SuggestionProbe("Der Fluss steigt weiter. Die Dämme seien schon jetzt überlastet.")
        #expect(alone.proposal(claiming: "Dämme") == nil)
    }

    /// A place after a speaker belongs to it: "im indischen Dharamshala" before the verb, "in
    /// Teheran" after a genitive noun behind the verb.
    @Test func speakerKeepsItsPlace() {
        let prefield = SuggestionProbe("Das Exilparlament im indischen Dharamshala erklärte, die Lage sei ernst.")
        #expect(prefield.speaker(prefield.proposal(claiming: "Lage")) == "Das Exilparlament im indischen Dharamshala")
        let after = SuggestionProbe("Die Lage in der Stadt sei ruhig, sagte der Reporter des Senders in Teheran.")
        #expect(after.speaker(after.proposal(claiming: "ruhig")) == "der Reporter des Senders in Teheran")
        // A time after "im" is no place.
        let time = SuggestionProbe("Die Lage in der Stadt sei ruhig, sagte der Reporter im Juni.")
        #expect(time.speaker(time.proposal(claiming: "ruhig")) == "der Reporter")
    }

    /// The source of a clause-initial "Nach"/"Laut" frame keeps an apposition opened by a noun.
    @Test func prefieldSourceKeepsAnApposition() {
        let probe = SuggestionProbe("Nach Ansicht von Senator Müller, Vorsitzender des Ausschusses, sei die Förderung zu gering.")
        let frame = probe.proposal(claiming: "Förderung")
        #expect(probe.speaker(frame) == "Ansicht von Senator Müller, Vorsitzender des Ausschusses", "\(probe.speaker(frame))")
        #expect(probe.claim(frame) == "sei die Förderung zu gering")
        let article = SuggestionProbe("Nach Angaben der Polizei, der Behörde des Landes, sei niemand verletzt worden.")
        #expect(article.speaker(article.proposal(claiming: "niemand")) == "Angaben der Polizei, der Behörde des Landes")
    }
}
