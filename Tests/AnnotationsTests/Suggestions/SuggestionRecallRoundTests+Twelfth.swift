import Testing

@testable import Annotations

/// Rules of the twelfth round (B), for gold attributions no proposal paired with.
extension SuggestionRecallRoundTests {
    /// A preposition that opens the sentence ("Bezüglich", "Angesichts", "Neben") is capitalised
    /// like a noun but starts an adverbial: the subject after the verb is the speaker, also when it
    /// ends in a quoted name before the comma.
    @Test func prepositionalPrefieldIsNoSpeaker() {
        let agency = SuggestionProbe("Bezüglich der Öffnungszeiten meldet die Nachrichtenagentur „Süddienst“, die Bäder blieben über Ostern geschlossen 🏊.")
        let closed = agency.proposal(claiming: "Bäder")
        #expect(agency.speaker(closed) == "die Nachrichtenagentur „Süddienst“", "\(agency.speaker(closed))")
        #expect(agency.cue(closed) == "meldet")
        let minister = SuggestionProbe("Neben der Förderung für Schulen kündigte die Ministerin an, dass die Kitas mehr Geld bekämen.")
        #expect(minister.speaker(minister.proposal(claiming: "Kitas")) == "die Ministerin")
        let lawyer = SuggestionProbe("Angesichts des Urteils kündigte die Anwältin Jana Kühn an, in Berufung zu gehen.")
        #expect(lawyer.speaker(lawyer.proposal(claiming: "Berufung")) == "die Anwältin Jana Kühn")
        // "ohne" stays inside a name: it is no prefield preposition here.
        let helpers = SuggestionProbe("Die Helfer von Ärzte ohne Grenzen berichten, die Lage im Lager sei „verheerend“.")
        #expect(helpers.speaker(helpers.proposal(claiming: "Lage")) == "Die Helfer von Ärzte ohne Grenzen")
    }

    /// A particle written apart ("bekannt geben") stands before the verb at the end of a wie-clause:
    /// both are the cue, and the particle is no part of the speaker.
    @Test func separateParticleBeforeAClauseFinalVerb() {
        let before = SuggestionProbe("Wie das Polizeipräsidium Südpfalz bekannt gab, wird es rund um den Bahnhof mehr Kontrollen geben 🚓.")
        let controls = before.proposal(claiming: "Kontrollen")
        #expect(before.speaker(controls) == "das Polizeipräsidium Südpfalz", "\(before.speaker(controls))")
        #expect(before.cue(controls) == "Wie … bekannt gab", "\(before.cue(controls))")
        let after = SuggestionProbe("Die Vergabe für Köln wird die letzte sein, wie der Verband am Montag bekannt gab.")
        let award = after.proposal(claiming: "Vergabe")
        #expect(after.speaker(award) == "der Verband", "\(after.speaker(award))")
        #expect(award?.form == .indirect)
    }

    /// A wie-clause closed by "ergab", "hervorgeht", "hieß" or "bekannt wurde" frames the clause after
    /// it (or, at the sentence end, the one before): "wie" and the verb are the cue, the noun phrase
    /// in the clause the source; the same verbs outside a wie-clause report nothing.
    @Test func wieClauseWithAVerbOfShowingIsAFrame() {
        let study = SuggestionProbe("Wie eine Studie der Universität Köln ergab, trinken viele Jugendliche regelmäßig Energydrinks 🥤.")
        let drinks = study.proposal(claiming: "Energydrinks")
        #expect(drinks?.rule == "indirect.wie-frame", "\(study.proposals.map(\.rule))")
        #expect(study.speaker(drinks) == "eine Studie der Universität Köln", "\(study.speaker(drinks))")
        #expect(study.cue(drinks) == "Wie … ergab", "\(study.cue(drinks))")
        let report = SuggestionProbe("Die Kosten für die Brücke steigen um ein Drittel, wie aus dem Bericht des Rechnungshofs hervorgeht.")
        let costs = report.proposal(claiming: "Kosten")
        #expect(report.claim(costs) == "Die Kosten für die Brücke steigen um ein Drittel", "\(report.claim(costs))")
        #expect(report.speaker(costs) == "dem Bericht des Rechnungshofs")
        let known = SuggestionProbe("Wie heute bekannt wurde, sind in dem Gebiet mehr als 300 Menschen gestorben.")
        let dead = known.proposal(claiming: "Menschen")
        #expect(known.cue(dead) == "Wie heute bekannt wurde" || known.cue(dead) == "Wie … bekannt wurde", "\(known.cue(dead))")
        #expect(dead?.speakers.isEmpty == true)
        let search = SuggestionProbe("Die Suche nach dem Hund ergab nichts.")
        #expect(search.proposals.isEmpty, "\(search.proposals.map(\.rule))")
    }
}
