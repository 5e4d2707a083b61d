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
}
