import Testing

@testable import Annotations

/// Cue round: the words of the reporting expression (particles, modals, "mit den Worten", a
/// parenthetical "so", "als" of a judgement) and the readings of particle verbs.
struct SuggestionCueRoundTests {
    /// A particle written apart before its participle or infinitive is read with it; the modal
    /// before a clause-final infinitive joins the cue. "bekannt" alone stays an adjective.
    @Test func apartParticleJoinsTheCue() {
        let probe = SuggestionProbe(
            "Die Stadtverwaltung hat am Montag bekannt gegeben, dass das Freibad im Sommer geschlossen bleibt. "
                + "Der Verein will am Freitag bekannt geben, dass der Trainer bleibt. "
                + "Der Sänger ist in ganz Europa bekannt.")
        #expect(probe.cue(probe.proposal(claiming: "das Freibad")) == "hat … bekannt gegeben", "\(probe.proposals.map { probe.cue($0) })")
        #expect(probe.cue(probe.proposal(claiming: "der Trainer bleibt")) == "will … bekannt geben")
        #expect(probe.proposal(claiming: "in ganz Europa") == nil)
    }

    /// "geht aus … hervor" is "hervorgehen" (the particle closing the clause wins over the
    /// preposition "aus"), also past a relative clause or a bracket; the object of "aus" is the source.
    @Test func particleClosingTheClauseWins() {
        let probe = SuggestionProbe(
            "Der Konzern will im kommenden Jahr rund zweihundert Stellen in der Verwaltung abbauen. "
                + "Dies geht aus einer Mitteilung des Konzerns hervor. "
                + "Der Umsatz ist im dritten Quartal deutlich gesunken. "
                + "Dies geht aus einer Mitteilung der Firma, die am Montag verschickt wurde, hervor. "
                + "Der Gewinn ist im dritten Quartal deutlich gestiegen. "
                + "Dies geht aus einer Mitteilung der Firma ( Stand Montag ) hervor.")
        let cues = probe.proposals.map { probe.cue($0) }
        let first = probe.proposal(claiming: "zweihundert Stellen")
        #expect(probe.cue(first) == "geht … hervor", "\(cues)")
        #expect(probe.speaker(first) == "einer Mitteilung des Konzerns")
        #expect(probe.cue(probe.proposal(claiming: "deutlich gesunken")) == "geht … hervor", "\(cues)")
        #expect(probe.cue(probe.proposal(claiming: "deutlich gestiegen")) == "geht … hervor", "\(cues)")
        // The relative clause is no message of its own.
        #expect(probe.proposal(claiming: "am Montag verschickt") == nil)
    }

    /// "hervorgehen" with a subject that names no speech reports nothing.
    @Test func hervorgehenWithoutReportIsNoAttribution() {
        let probe = SuggestionProbe("Das Programm ging aus einem Forschungsprojekt der Universität hervor.")
        #expect(probe.proposals.isEmpty, "\(probe.proposals.map(\.rule))")
    }

    /// "mit den Worten" belongs to the cue, after the verb or between auxiliary and participle.
    @Test func mitDenWortenBelongsToTheCue() {
        let probe = SuggestionProbe(
            "Die Ministerin lobte die Helfer mit den Worten: „Ohne euch hätten wir das nicht geschafft.“ "
                + "Der Trainer wird mit den Worten zitiert: „Wir haben verdient verloren.“")
        let quote = probe.proposals.first { probe.claim($0).contains("Ohne euch") && $0.rule.hasPrefix("direct.") }
        #expect(probe.cue(quote) == "lobte … mit den Worten", "\(probe.proposals.map { probe.cue($0) })")
        #expect(probe.cue(probe.proposal(claiming: "verdient verloren")) == "wird mit den Worten zitiert")
    }

    /// A modal before a participle with an infinitive auxiliary joins the cue.
    @Test func modalBeforeParticipleChainJoinsTheCue() {
        let probe = SuggestionProbe("Der Minister soll im Ausschuss gesagt haben: „Das Geld ist längst ausgegeben.“")
        #expect(probe.cue(probe.proposal(claiming: "längst ausgegeben")) == "soll … gesagt haben", "\(probe.proposals.map { probe.cue($0) })")
    }

    /// A "so" after a comma right before the verb is part of the cue; "So" opening the sentence is an adverb.
    @Test func parentheticalSoBelongsToTheCue() {
        let probe = SuggestionProbe(
            "Die Entscheidung, so schrieb die Zeitung am Montag, sei längst gefallen. "
                + "Spätestens im Herbst, so vermutet die Polizei, werde der Täter gefasst sein. "
                + "So sagte der Minister, die Renten seien sicher.")
        let cues = probe.proposals.map { probe.cue($0) }
        #expect(probe.cue(probe.proposal(claiming: "längst gefallen")) == "so schrieb", "\(cues)")
        #expect(probe.cue(probe.proposal(claiming: "der Täter gefasst")) == "so vermutet", "\(cues)")
        #expect(probe.cue(probe.proposal(claiming: "die Renten")) == "sagte", "\(cues)")
    }

    /// "als" of a judgement verb's object belongs to the cue ("wies … als haltlos zurück").
    @Test func alsOfAJudgementBelongsToTheCue() {
        let probe = SuggestionProbe("Der Bürgermeister wies den Vorwurf als haltlos zurück, er habe die Ausschreibung manipuliert.")
        #expect(probe.cue(probe.proposal(claiming: "die Ausschreibung")) == "wies … als … zurück", "\(probe.proposals.map { probe.cue($0) })")
    }

    /// A comma clause opened by a relative pronoun is no message of a speech verb (the sentence
    /// stays reported speech); an article before a noun still opens one.
    @Test func relativeClauseIsNoCommaMessage() {
        let relative = SuggestionProbe("Die Firma kündigte neue Geräte an, die im Herbst erscheinen sollen.")
        #expect(!relative.proposals.contains { relative.claim($0).hasPrefix("die im Herbst") }, "\(relative.proposals.map { relative.claim($0) })")
        let article = SuggestionProbe("Der Verband warnte, die Preise für Heizöl würden im Winter weiter steigen.")
        #expect(article.claim(article.proposal(claiming: "Heizöl")).hasPrefix("die Preise"), "\(article.proposals.map { article.claim($0) })")
    }
}
