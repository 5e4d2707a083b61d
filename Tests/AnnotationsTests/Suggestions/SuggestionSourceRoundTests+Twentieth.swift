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

extension SuggestionSourceRoundTests {
    /// Impersonal frames name their source by a place: the phrase after the opening preposition
    /// ("Bei der Feuerwehr hieß es"), after "heißt es" ("Nun heißt es im Gutachten"), or after a
    /// preposed clause ("…, heißt es in der Mitteilung der Stadt"); "verlautete" takes its opening
    /// phrase with the preposition.
    @Test func impersonalFramesTakeTheirPlaceAsSource() {
        let opening = SuggestionProbe("Bei der Feuerwehr Lindau hieß es, der Brand sei rasch gelöscht worden.")
        #expect(opening.speaker(opening.proposal(claiming: "der Brand sei")) == "der Feuerwehr Lindau", "\(opening.proposals.map { opening.speaker($0) })")
        let after = SuggestionProbe("Nun heißt es im Gutachten, die Dämme seien zu niedrig gebaut worden.")
        #expect(after.speaker(after.proposal(claiming: "die Dämme seien")) == "Gutachten", "\(after.proposals.map { after.speaker($0) })")
        let preposed = SuggestionProbe("Die Brücke bleibt bis Ende Mai gesperrt, heißt es in der Mitteilung der Stadt.")
        let proposal = preposed.proposal(claiming: "Die Brücke bleibt")
        #expect(preposed.speaker(proposal) == "der Mitteilung der Stadt", "\(preposed.proposals.map { preposed.speaker($0) })")
        #expect(preposed.claim(proposal) == "Die Brücke bleibt bis Ende Mai gesperrt")
        let relative = SuggestionProbe("In dem Schreiben, das am Montag verschickt wurde, heißt es, die Gebühren würden steigen.")
        #expect(relative.speaker(relative.proposal(claiming: "die Gebühren")) == "dem Schreiben", "\(relative.proposals.map { relative.speaker($0) })")
        let verlautet = SuggestionProbe("Aus Kreisen der Landesregierung verlautete, die Reform komme erst im Herbst.")
        #expect(
            verlautet.speaker(verlautet.proposal(claiming: "die Reform")) == "Aus Kreisen der Landesregierung",
            "\(verlautet.proposals.map { verlautet.speaker($0) })")
    }

    /// An adverb before "heißt es" is no source, and a quote before ", heißt es" stays the quote rules'.
    @Test func impersonalFramesTakeNoAdverbOrQuote() {
        let adverb = SuggestionProbe("Bisher hieß es, die Halle werde im Sommer eröffnet.")
        #expect(adverb.speaker(adverb.proposal(claiming: "die Halle")) == "", "\(adverb.proposals.map { adverb.speaker($0) })")
        let quote = SuggestionProbe("„Wir öffnen die Halle im Sommer“, heißt es in der Mitteilung des Vereins.")
        #expect(quote.proposals.allSatisfy { $0.rule != "indirect.clause-heisst-es" }, "\(quote.proposals.map(\.rule))")
    }
}

extension SuggestionSourceRoundTests {
    /// "Die Richterin Hanna Lindqvist …. Lindqvist besuchte …. Die Akten seien …": a surname alone
    /// names someone when the full name stood earlier, so the sentence before gives the speaker.
    @Test func surnameOfAnEarlierFullNameNamesTheSpeaker() {
        let probe = SuggestionProbe(
            "Der Anwalt Jens Brammer sagte, das Urteil sei falsch. Die Richterin Hanna Lindqvist leitete die Verhandlung. "
                + "Lindqvist besuchte danach das Archiv. Die Akten seien unvollständig 📁.")
        #expect(probe.speaker(probe.proposal(claiming: "Die Akten seien")) == "Lindqvist", "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A single capitalised word never named as part of a full name before is no speaker.
    @Test func surnameNeverNamedInFullIsNoSpeaker() {
        let probe = SuggestionProbe(
            "Der Anwalt Jens Brammer sagte, das Urteil sei falsch. Die Verhandlung dauerte lange. "
                + "Lindqvist besuchte danach das Archiv. Die Akten seien unvollständig.")
        #expect(probe.speaker(probe.proposal(claiming: "Die Akten seien")) != "Lindqvist", "\(probe.proposals.map { probe.speaker($0) })")
    }
}
