import Testing

@testable import Annotations

/// Rules of the twelfth round for the Source span (the suite is the eleventh round's, extended).
extension SuggestionSourceRoundTests {
    /// "Karl-Theodor zu Guttenberg, Obmann der Fraktion, warf …": a subject with an apposition before
    /// the verb keeps a lowercase name particle between capitalised words, so the reported speech
    /// gets its speaker (before, the particle broke the apposition subject).
    @Test func appositionSubjectKeepsANameParticle() {
        let probe = SuggestionProbe("Jan van Dijk, Vorsitzender des Vereins „Grüne Mühle“, kritisierte die Pläne der Stadt für den Straßenbau 🚧.")
        let reported = probe.proposal(claiming: "kritisierte")
        #expect(reported?.form == .reported)
        #expect(probe.speaker(reported) == "Jan van Dijk, Vorsitzender des Vereins „Grüne Mühle“", "\(probe.speaker(reported))")
        // After a common noun the particle is no name's ("Vorwürfe zu Unrecht").
        let common = SuggestionProbe("Die Vorwürfe zu Unrecht, so hieß es, kritisierte niemand.")
        #expect(common.proposals.allSatisfy { common.speaker($0) != "Die Vorwürfe zu Unrecht" })
    }

    /// "Als Begründung gaben die Behörden an, …": with the particle separated from the finite verb
    /// the verb stands second, so "Als Begründung" is an adverbial, not a clause, and the subject
    /// after the verb is the speaker (before, "als" was dropped and "Begründung" taken).
    @Test func alsPhraseBeforeAVerbInSecondPlaceIsNoSpeaker() {
        let probe = SuggestionProbe("Als Begründung gaben die Kölner Behörden an, die Brücke über den Rhein sei marode 🌉.")
        let indirect = probe.proposal(claiming: "Brücke")
        #expect(probe.speaker(indirect) == "die Kölner Behörden", "\(probe.speaker(indirect))")
        // A verb-final "als"-clause still opens a clause: its subject is the speaker.
        let clause = SuggestionProbe("Als die Ärztin erklärte, die Lage sei ernst, wurde es still.")
        #expect(clause.speaker(clause.proposal(claiming: "Lage")) == "die Ärztin", "\(clause.speaker(clause.proposal(claiming: "Lage")))")
    }
}

extension SuggestionSourceRoundTests {
    /// "Die Organisationen Greenpeace, Campact und LobbyControl kritisierten …": the subject that
    /// closes an enumeration keeps the list before its comma (before, only "Campact und
    /// LobbyControl"); a prepositional phrase before the comma is not taken into it.
    @Test func enumerationSubjectKeepsTheWholeList() {
        let probe = SuggestionProbe("Die Verbände Grünhöfe, Bäckerinnung und Müllerbund erklärten, die Preise für Brötchen stiegen bald 🥐.")
        let indirect = probe.proposal(claiming: "Preise")
        #expect(indirect?.form == .indirect)
        #expect(probe.speaker(indirect) == "Die Verbände Grünhöfe, Bäckerinnung … Müllerbund", "\(probe.speaker(indirect))")
        let place = SuggestionProbe("Nach Treffen in Köln, Bonn und Düsseldorf erklärten die Bürgermeisterinnen, die Pläne seien „gut“.")
        #expect(!place.speaker(place.proposal(claiming: "Pläne")).contains("Köln"), "\(place.speaker(place.proposal(claiming: "Pläne")))")
    }
}
