import Testing

@testable import Annotations

/// Rules of the fifteenth round for the Source span: the clause subject finder around the finite
/// reporting verb (``ClauseSubjectFinder``).
extension SuggestionSourceRoundTests {
    /// A time adverbial put first ("Ende Januar 2026", "Im Dezember 2025") is no subject: the
    /// subject follows the finite verb.
    @Test func timeAdverbialPutFirstIsNoSource() {
        let probe = SuggestionProbe("Ende Januar 2026 verkündete der Fußballverband, dass er sich um das Turnier in Görlitz bewerben werde ⚽.")
        let proposal = probe.proposal(claiming: "Turnier")
        #expect(probe.speaker(proposal) == "der Fußballverband", "\(probe.speaker(proposal))")
    }

    /// A time adverbial or a focus particle between the finite verb and its subject is stepped
    /// over ("sagte am Montag die Bürgermeisterin", "erklärten nur die Schulen").
    @Test func subjectAfterATimeAdverbialOrAFocusParticle() {
        let quote = SuggestionProbe("„Wir öffnen die Brücke über die Neiße erst im Mai 🌉“, sagte am Montag die Bürgermeisterin.")
        let direct = quote.proposal(claiming: "Neiße")
        #expect(quote.speaker(direct) == "die Bürgermeisterin", "\(quote.speaker(direct))")
        let particle = SuggestionProbe("Von den Ämtern in Görlitz erklärten nur die Schulen, sich nicht an der Aktion beteiligen zu wollen.")
        let indirect = particle.proposal(claiming: "Aktion")
        #expect(particle.speaker(indirect) == "die Schulen", "\(particle.speaker(indirect))")
    }

    /// An object put first that names a matter ("Die Identität der Täterin", "Eine
    /// Verschiebung der Wahl") is no speaker when the phrase after the verb names one ("die Polizei", "Müller"): the
    /// reported speech rule, which wants its speaker right before the verb, no longer takes the
    /// matter as the speaker. A matter after the verb ("die Zahl der Opfer") keeps the phrase before
    /// it.
    @Test func objectPutFirstIsNoSpeakerWhenASpeakerFollowsTheVerb() {
        for text in [
            "Die Identität der Täterin gab die Polizei in Görlitz am Abend nicht bekannt 🚓.",
            "Eine Verschiebung der Wahl bezeichnete Müller als fatal für die Gemeinde.",
        ] {
            let probe = SuggestionProbe(text)
            let speakers = probe.proposals.map { probe.speaker($0) }
            #expect(!speakers.contains { $0.hasPrefix("Die Identität") || $0.hasPrefix("Eine Verschiebung") }, "\(text): \(speakers)")
        }
        let estimate = SuggestionProbe("Eine aktuelle Schätzung der Behörde beziffert die Zahl der Opfer auf über 200.")
        let speakers = estimate.proposals.map { estimate.speaker($0) }
        #expect(!speakers.contains("die Zahl der Opfer"), "\(speakers)")
    }

    /// An impersonal "heißt es" after a message or a quote: the message ends before its comma,
    /// and the place after it ("in der Erklärung des Bauamts") is the source, not an earlier speaker.
    @Test func impersonalHeisstEsTakesItsPlaceAsSource() {
        let quote = SuggestionProbe("„Wir öffnen die Brücke über die Neiße erst im Mai 🌉“, heißt es dazu in der Erklärung des Bauamts.")
        let direct = quote.proposal(claiming: "Neiße")
        #expect(quote.cue(direct) == "heißt es", "\(quote.cue(direct))")
        #expect(quote.speaker(direct) == "der Erklärung des Bauamts", "\(quote.speaker(direct))")
        let continuation = SuggestionProbe(
            "Der Bürgermeister sagte, die Straße nach Zittau sei wieder frei. Die Brücke über die Neiße bleibe aber bis Mai gesperrt, hieß es in einer Mitteilung der Stadt Görlitz.")
        let freeIndirect = continuation.proposal(claiming: "bleibe")
        #expect(continuation.claim(freeIndirect) == "Die Brücke über die Neiße bleibe aber bis Mai gesperrt", "\(continuation.claim(freeIndirect))")
        #expect(continuation.speaker(freeIndirect) == "einer Mitteilung der Stadt Görlitz", "\(continuation.speaker(freeIndirect))")
    }
}
