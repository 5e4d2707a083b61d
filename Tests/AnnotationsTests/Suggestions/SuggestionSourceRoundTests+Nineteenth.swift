import Testing

@testable import Annotations

/// Nineteenth round: speakers the engine left empty, an apposition subject that opens the second
/// clause of a sentence, and the subject shared by a second verb joined with "und".
extension SuggestionSourceRoundTests {
    /// "…, die Sprecherin der Fraktion, Jana Kühn, erklärte: „…“": the office and the name after
    /// the first clause's comma are the speaker.
    @Test func appositionSubjectAfterAFirstClause() {
        let probe = SuggestionProbe(
            "Die Ministerin verließ den Saal, die Sprecherin der Fraktion, Jana Kühn, erklärte: „Diese Debatte schadet allen 😞.“")
        #expect(
            probe.speaker(probe.proposal(claiming: "Diese Debatte")) == "die Sprecherin der Fraktion, Jana Kühn",
            "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A relative clause after the inner comma is no apposition ("eines der Mitglieder, die den
    /// Brief unterschrieben,"), and a phrase that names no office or institution is not taken.
    @Test func noAppositionSubjectFromARelativeClauseOrAPlainPhrase() {
        let relative = SuggestionProbe(
            "Die Gäste kamen spät, eines der Mitglieder, die den Brief unterschrieben, erklärte: „Wir bleiben bei unserer Haltung.“")
        #expect(
            !relative.speaker(relative.proposal(claiming: "Wir bleiben")).contains("Brief"),
            "\(relative.proposals.map { relative.speaker($0) })")
        let plain = SuggestionProbe(
            "Die Feier begann spät, die Tochter des Bäckers, Lena Öztürk, erklärte: „Wir haben lange gewartet.“")
        #expect(
            plain.speaker(plain.proposal(claiming: "Wir haben")) != "die Tochter des Bäckers, Lena Öztürk",
            "\(plain.proposals.map { plain.speaker($0) })")
    }
}

extension SuggestionSourceRoundTests {
    /// "Die Bürgermeisterin öffnete das Fenster, schaute hinaus und rief: „…“": a second verb
    /// joined by "und", in a clause with no subject of its own, shares the subject that opens the
    /// sentence.
    @Test func secondVerbAfterUndSharesTheSubject() {
        let probe = SuggestionProbe("Die Bürgermeisterin öffnete das Fenster, schaute hinaus und rief: „Wir schaffen das gemeinsam! 💪“")
        #expect(probe.speaker(probe.proposal(claiming: "Wir schaffen")) == "Die Bürgermeisterin", "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A subject that names a matter ("Die Entscheidung") is no speaker of the second verb.
    @Test func secondVerbTakesNoSubjectThatNamesAMatter() {
        let probe = SuggestionProbe("Die Entscheidung fiel am Abend, kam spät und rief: „Endlich ist es vorbei!“")
        #expect(probe.speaker(probe.proposal(claiming: "Endlich")) != "Die Entscheidung", "\(probe.proposals.map { probe.speaker($0) })")
    }
}

extension SuggestionSourceRoundTests {
    /// Free indirect speech in a sentence that opens with a speaker and an indicative verb is
    /// that speaker's, not the one of the attribution before ("Die Staatsanwaltschaft hegt den
    /// Verdacht, er könnte …").
    @Test func freeIndirectSentenceTakesItsOwnSubject() {
        let probe = SuggestionProbe(
            "Der Vereinspräsident Jörg Weiß sagte, die Kasse sei geprüft worden. Die Staatsanwaltschaft Görlitz hegt dagegen den Verdacht, "
                + "der Kassenwart könnte Gelder für Reisen nach Übersee abgezweigt haben 💶.")
        #expect(
            probe.speaker(probe.proposal(claiming: "Die Staatsanwaltschaft Görlitz hegt")) == "Die Staatsanwaltschaft Görlitz",
            "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A subject followed by a subjunctive or "soll", or a matter opened by a possessive, is what
    /// the speech is about: the speaker stays the one of the attribution before.
    @Test func freeIndirectSubjectThatIsTheTopicIsNoSpeaker() {
        for (text, fragment) in [
            ("Der Vereinspräsident Jörg Weiß sagte, die Kasse sei geprüft worden. Der Kassenwart Peter Schön habe alles „korrekt“ verbucht.", "Der Kassenwart"),
            ("Der Vereinspräsident Jörg Weiß sagte, die Kasse sei geprüft worden. Sein Programm sieht vor, dass die Beiträge sinken würden.", "Sein Programm"),
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.speaker(probe.proposal(claiming: fragment)) == "Der Vereinspräsident Jörg Weiß", "\(text): \(probe.proposals.map { probe.speaker($0) })")
        }
    }
}
