import Testing

@testable import Annotations

/// Twentieth round: free indirect speech that continues an attribution two or three sentences
/// back when the sentences between bring in no one new.
extension SuggestionSourceRoundTests {
    /// "Die Bürgermeisterin … erklärte, …. Am Nachmittag besichtigte sie …. Die Arbeiten seien …":
    /// the sentence between only refers back to her, so the speaker carries over.
    @Test func freeIndirectSpeechLooksBackPastASentenceAboutTheSameSpeaker() {
        let probe = SuggestionProbe(
            "Die Bürgermeisterin Karin Holm erklärte, die Brücke werde im Frühjahr gesperrt. Am Nachmittag besichtigte sie die Baustelle. "
                + "Die Arbeiten seien dringend nötig 🚧.")
        #expect(
            probe.speaker(probe.proposal(claiming: "Die Arbeiten seien")) == "Die Bürgermeisterin Karin Holm",
            "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A sentence between whose subject names someone else, at its start or after its verb, stops
    /// the look-back.
    @Test func freeIndirectSpeechDoesNotLookBackPastANewPerson() {
        let inverted = SuggestionProbe(
            "Die Bürgermeisterin Karin Holm erklärte, die Brücke werde im Frühjahr gesperrt. Am Nachmittag besichtigte Polizeipräsident Uwe Brandt "
                + "die Baustelle. Die Arbeiten seien dringend nötig.")
        #expect(
            inverted.speaker(inverted.proposal(claiming: "Die Arbeiten seien")) != "Die Bürgermeisterin Karin Holm",
            "\(inverted.proposals.map { inverted.speaker($0) })")
        let opening = SuggestionProbe(
            "Die Bürgermeisterin Karin Holm erklärte, die Brücke werde im Frühjahr gesperrt. Der Polizeipräsident Uwe Brandt besichtigte am Nachmittag "
                + "die Baustelle. Die Arbeiten seien dringend nötig.")
        #expect(
            opening.speaker(opening.proposal(claiming: "Die Arbeiten seien")) != "Die Bürgermeisterin Karin Holm",
            "\(opening.proposals.map { opening.speaker($0) })")
    }
}
