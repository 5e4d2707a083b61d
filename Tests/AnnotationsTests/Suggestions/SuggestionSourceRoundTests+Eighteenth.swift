import Testing

@testable import Annotations

/// Eighteenth round: speaker span boundaries as the SpkAtt guidelines draw them (appositions and
/// the place of a group or office kept in the span), and the speaker of free indirect speech
/// whose attribution lies further back.
extension SuggestionSourceRoundTests {
    /// "die Regierung in Tallinn", "ein Sprecher des Landesamtes in Erfurt": the place of a group
    /// or office belongs to the speaker span.
    @Test func speakerAfterTheVerbKeepsThePlaceOfAGroup() {
        for (text, speaker) in [
            ("Die Fähren fahren erst ab Montag wieder, kündigte die Regierung in Tallinn an.", "die Regierung in Tallinn"),
            ("Am Freitag teilte ein Sprecher des Landesamtes in Erfurt mit, dass die Brücke gesperrt bleibe 🚧.",
                "ein Sprecher des Landesamtes in Erfurt"),
            ("Die Dämme seien sicher, erklärten die Behörden vor Ort.", "die Behörden vor Ort"),
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.contains { probe.speaker($0) == speaker }, "\(text): \(probe.proposals.map { probe.speaker($0) })")
        }
    }

    /// Where a person spoke is no part of the speaker ("sagte Kühn in Berlin"), nor a place that
    /// runs on into the clause ("in Berlin Journalisten").
    @Test func speakerLeavesOutWhereAPersonSpoke() {
        for (text, speaker) in [
            ("„Wir haben großen Respekt vor dieser Entscheidung“, sagte Kühn in Berlin.", "Kühn"),
            ("Die Lage sei ernst, sagte der Minister in Berlin Journalisten aus Übersee.", "der Minister"),
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.first.map { probe.speaker($0) } == speaker, "\(text): \(probe.proposals.map { probe.speaker($0) })")
        }
    }

    /// A number inside a name no longer breaks the apposition of a subject ("Bündnis 90").
    @Test func appositionSubjectMayHoldANumber() {
        let probe = SuggestionProbe("Jana Kühn, Fraktionschefin von Bündnis 90, kritisierte: „Dieser Plan ist völlig verfehlt.“")
        let proposal = probe.proposal(claiming: "Dieser Plan")
        #expect(probe.speaker(proposal) == "Jana Kühn, Fraktionschefin von Bündnis 90", "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// "Ein Sprecher der Polizei, Kommissar Jörg Mäder sagte, …": the office before the name is
    /// an apposition and part of the span; a prepositional phrase before the comma is not.
    @Test func nameAfterACommaTakesTheOfficeBeforeIt() {
        let probe = SuggestionProbe("Ein Sprecher der Polizei von Görlitz, Kommissar Jörg Mäder sagte, das Flugzeug sei über dem Feld abgestürzt.")
        let proposal = probe.proposal(claiming: "das Flugzeug")
        #expect(probe.speaker(proposal) == "Ein Sprecher der Polizei von Görlitz, Kommissar Jörg Mäder", "\(probe.proposals.map { probe.speaker($0) })")
        let negative = SuggestionProbe("Nach dem Absturz über Görlitz, Kommissar Jörg Mäder sagte, das Flugzeug sei über dem Feld abgestürzt.")
        #expect(negative.speaker(negative.proposal(claiming: "das Flugzeug")) == "Kommissar Jörg Mäder", "\(negative.proposals.map { negative.speaker($0) })")
    }

    /// An office apposition after a name may end before a time phrase; a phrase that names no
    /// office is not taken.
    @Test func officeAppositionMayEndBeforeAPreposition() {
        let probe = SuggestionProbe("Die Häfen seien wieder offen, sagte Paul Lindqvist, Kommandeur der Mission am Montag.")
        #expect(
            probe.speaker(probe.proposal(claiming: "Die Häfen")) == "Paul Lindqvist, Kommandeur der Mission",
            "\(probe.proposals.map { probe.speaker($0) })")
        let negative = SuggestionProbe("Die Häfen seien wieder offen, sagte Anna Weiß, Mutter von zwei Kindern aus Görlitz.")
        #expect(negative.speaker(negative.proposal(claiming: "Die Häfen")) == "Anna Weiß", "\(negative.proposals.map { negative.speaker($0) })")
    }

    /// Free indirect speech two sentences or more after its attribution takes the subject of the
    /// sentence right before it when that names a person or body; a subject naming a matter is
    /// no speaker.
    @Test func freeIndirectTakesThePreviousSubjectThatNamesSomeone() {
        let text = "Die Polizei sagte, der Fahrer sei geflohen. Der Wagen wurde später in Zittau gefunden. "
        let probe = SuggestionProbe(text + "Staatsanwalt Jörg Mäder ist besorgt. Die Ermittlungen seien schwierig und würden Monate dauern 🕵️.")
        let proposal = probe.proposal(claiming: "Die Ermittlungen")
        #expect(proposal?.rule == "free-indirect.subjunctive-continuation", "\(probe.proposals.map(\.rule))")
        #expect(probe.speaker(proposal) == "Staatsanwalt Jörg Mäder", "\(probe.proposals.map { probe.speaker($0) })")
        let negative = SuggestionProbe(text + "Die Lage ist völlig unklar. Die Ermittlungen seien schwierig und würden Monate dauern.")
        let other = negative.proposal(claiming: "Die Ermittlungen")
        #expect(other?.rule == "free-indirect.subjunctive-continuation", "\(negative.proposals.map(\.rule))")
        #expect(negative.speaker(other) == "", "\(negative.proposals.map { negative.speaker($0) })")
    }
}
