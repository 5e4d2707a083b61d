import Testing

@testable import Annotations

/// Rules of the eighth round, for Source precision: fewer proposals that no annotator would keep.
@Suite struct SuggestionEighthRoundTests {
    /// A reporting clause alone in brackets refers to an earlier report: no proposal, not even
    /// reported speech of the sentence around it.
    @Test func bracketedReferenceToAReportIsNoProposal() {
        let probe = SuggestionProbe("Kurz vor Weihnachten (Wikinews berichtete) hatte die Behörde gegen drei Röstereien in Köln ermittelt.")
        #expect(probe.proposals.isEmpty, "\(probe.proposals.map { probe.claim($0) })")
        let alone = SuggestionProbe("Die Brücke über die Förde bleibt gesperrt. (Die Zeitung berichtete.)")
        #expect(alone.proposals.isEmpty)
        // Outside brackets the same words report a message.
        let message = SuggestionProbe("Die Zeitung berichtete, die Strecke über die Förde sei frei.")
        #expect(message.speaker(message.proposal(claiming: "Strecke")) == "Die Zeitung")
    }

    /// A phrase opened by an accusative or dative form before the verb is its object: the subject
    /// after the verb is the speaker, and there is no reported speech of the object.
    @Test func objectBeforeTheVerbIsNoSpeaker() {
        let colon = SuggestionProbe("Den Namen der Sendung gab das ZDF bereits bekannt: „Geheimnisse eines Papstes“.")
        let quote = colon.proposal(claiming: "Geheimnisse")
        #expect(colon.speaker(quote) == "das ZDF")
        let reported = SuggestionProbe("Seinen Ausstieg aus der Serie hatte Jörg Müller im Oktober noch selbst angekündigt.")
        #expect(reported.proposals.allSatisfy { reported.speaker($0) != "Seinen Ausstieg aus der Serie" })
        let city = SuggestionProbe("Den Haag kündigte an, die Grenze für Lkw zu öffnen 🚚.")
        #expect(city.speaker(city.proposal(claiming: "Grenze")) == "Den Haag")
        let subject = SuggestionProbe("Der Minister kündigte an, die Grenze für Lkw zu öffnen.")
        #expect(subject.speaker(subject.proposal(claiming: "Grenze")) == "Der Minister")
    }
}
