import Testing

@testable import Annotations

/// Speakers and claims of the fifth round: runs of free indirect speech, demonstrative objects,
/// attachments and appositions of a speaker.
@Suite struct SuggestionFifthRoundTests {
    /// A run of free indirect sentences is one attribution with the speaker of the one before.
    @Test func runOfFreeIndirectSentencesIsOneProposal() {
        let probe = SuggestionProbe("Der Sprecher sagte, der Zug sei entgleist. Verletzt worden sei niemand. Die Strecke bleibe bis Montag gesperrt.")
        let free = probe.proposals.filter { $0.form == .freeIndirect }
        #expect(free.count == 1)
        #expect(probe.claim(free.first) == "Verletzt worden sei niemand. Die Strecke bleibe bis Montag gesperrt.")
        #expect(probe.speaker(free.first) == "Der Sprecher")
    }

    /// A free indirect sentence with its own "heißt es" stays an attribution of its own.
    @Test func freeIndirectSentenceWithItsOwnCueIsNotMerged() {
        let probe = SuggestionProbe("Die Ärztin sagte, die Lage sei ernst. Die Betten seien knapp. Die Versorgung sei nicht gesichert, hieß es.")
        let free = probe.proposals.filter { $0.form == .freeIndirect }
        #expect(free.count == 2)
        #expect(probe.cue(probe.proposal(claiming: "Versorgung")) == "hieß es")
    }

    /// "Dies bestätigte der Sprecher": the demonstrative before the verb is the object, the
    /// speaker follows the verb.
    @Test func demonstrativeBeforeTheVerbIsNoSpeaker() {
        let probe = SuggestionProbe("Der Zug ist entgleist. Dies bestätigte der Sprecher der Bahn.")
        // The message is the sentence before with "Dies" (the demonstrative sums it up).
        let proposal = probe.proposals.first { probe.cue($0) == "bestätigte" }
        #expect(probe.speaker(proposal) == "der Sprecher der Bahn")
        let other = SuggestionProbe("Das kritisierte die Gewerkschaft scharf.")
        #expect(other.speaker(other.proposals.first) == "die Gewerkschaft")
    }

    /// A speaker keeps a prepositional attribute with its article ("von der", "in"), not a time.
    @Test func speakerKeepsItsPrepositionalAttribute() {
        let probe = SuggestionProbe("Die Brücke sei marode, sagte Moritz Wohlrab von der Stadtverwaltung in Köln.")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "Moritz Wohlrab von der Stadtverwaltung in Köln")
        let time = SuggestionProbe("Die Brücke sei marode, sagte Moritz Wohlrab am Montag.")
        #expect(time.speaker(time.proposal(claiming: "Brücke")) == "Moritz Wohlrab")
        let prefield = SuggestionProbe("Ein Sprecher von der Feuerwehr sagte, der Brand sei gelöscht.")
        #expect(prefield.speaker(prefield.proposal(claiming: "Brand")) == "Ein Sprecher von der Feuerwehr")
    }

    /// A name keeps the office after it ("Ursula Castrup, die Leiterin der Fachstelle"), but a
    /// comma clause with a verb is no apposition.
    @Test func nameKeepsItsOfficeApposition() {
        let probe = SuggestionProbe("Die Zahlen seien gestiegen, sagte Ulrike Kamp, die Leiterin der Fachstelle für Suchtvorbeugung.")
        #expect(probe.speaker(probe.proposal(claiming: "Zahlen")) == "Ulrike Kamp, die Leiterin der Fachstelle für Suchtvorbeugung")
        let clause = SuggestionProbe("„Wir bleiben“, sagte Ulrike Kamp, die Leiterin werde bleiben.")
        #expect(clause.speaker(clause.proposal(claiming: "Wir bleiben")) == "Ulrike Kamp")
    }

    /// A second verb of the same subject ("…, sprechen aber davon", "und warf … vor") takes the
    /// speaker of the verb before it.
    @Test func secondVerbOfOneSubjectSharesTheSpeaker() {
        let probe = SuggestionProbe("Die Beobachter monieren Fehler, sprechen aber davon, dass die Wahl fair gewesen sei.")
        #expect(probe.speaker(probe.proposal(claiming: "Wahl")) == "Die Beobachter")
        let quote = SuggestionProbe("„Das sind Behauptungen“, versicherte der Botschafter und warf der Regierung vor, die Lage zu verschärfen.")
        #expect(quote.speaker(quote.proposal(claiming: "Lage")) == "der Botschafter")
    }

    /// A subject with an apposition and a relative clause before the verb.
    @Test func subjectWithAppositionAndRelativeClause() {
        let probe = SuggestionProbe("Ulrike Kamp, die Ministerin des Landes, die das Amt seit Mai führt, sagte: „Wir bleiben dabei.“")
        #expect(probe.speaker(probe.proposal(claiming: "Wir bleiben")) == "Ulrike Kamp, die Ministerin des Landes")
    }

    /// A name, a comma and an office without its closing comma before the verb or colon:
    /// the name belongs to the speaker.
    @Test func nameBeforeAnOfficeWithoutClosingComma() {
        let probe = SuggestionProbe("Rob Meyer, Sekretär des Vereins sagte, alle Spieler hätten dem Schiedsrichter die Hand gegeben.")
        #expect(probe.speaker(probe.proposal(claiming: "Spieler")) == "Rob Meyer, Sekretär des Vereins")
        let colon = SuggestionProbe("Erik Tamm, Präsident des Rates: „Wir sind zufrieden.“")
        #expect(colon.speaker(colon.proposal(claiming: "zufrieden")) == "Erik Tamm, Präsident des Rates")
    }

    /// The auxiliary of a participle cue is found across an apposition of names between commas.
    @Test func auxiliaryAcrossANameApposition() {
        let probe = SuggestionProbe("Am Montag hatte ein Sprecher der Stadt, Peter Kurz, erklärt, die Brücke sei gesperrt.")
        let proposal = probe.proposal(claiming: "Brücke")
        #expect(probe.cue(proposal) == "hatte … erklärt")
        #expect(probe.speaker(proposal) == "ein Sprecher der Stadt, Peter Kurz")
    }

    /// An adverb before "heißt es" is no source; a document after "In" is.
    @Test func adverbBeforeHeisstEsIsNoSource() {
        let probe = SuggestionProbe("Bisher hieß es, die Brücke werde im Mai eröffnet.")
        #expect(probe.proposal(claiming: "Brücke")?.speakers.isEmpty == true)
        let document = SuggestionProbe("In der Mitteilung hieß es, die Brücke werde im Mai eröffnet.")
        #expect(document.speaker(document.proposal(claiming: "Brücke")) == "der Mitteilung")
    }

    /// "fordern" with the dead or injured as object is an event claiming lives, not reported speech.
    @Test func eventClaimingLivesIsNoReportedSpeech() {
        #expect(SuggestionProbe("Der Anschlag forderte am Morgen acht Todesopfer.").proposals.isEmpty)
        let demand = SuggestionProbe("Die Gewerkschaft forderte höhere Löhne.")
        #expect(demand.proposals.first?.form == .reported)
        #expect(demand.speaker(demand.proposals.first) == "Die Gewerkschaft")
    }
}
