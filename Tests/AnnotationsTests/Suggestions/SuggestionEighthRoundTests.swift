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

    /// Before a colon, a phrase naming the speech act or a matter ("scharfe Kritik", "eine
    /// Bestätigung ihrer Auffassung") or opened by a dative ("mit den Worten") is no speaker: the
    /// clause's subject is, and without one the speaker is left open.
    @Test func speechActPhraseBeforeAColonIsNoSpeaker() {
        let critique = SuggestionProbe("Der Bundespräsident übte scharfe Kritik: „Jeder sollte wissen, was er tut.“")
        let quote = critique.proposal(claiming: "Jeder")
        #expect(critique.speaker(quote) == "Der Bundespräsident")
        #expect(quote?.rule == "direct.speaker-colon-quote")
        let open = SuggestionProbe("Der Streit um die Kasse geht weiter. Seine Begründung: „Das kann nur der Vorsitzende übernehmen.“")
        let alone = open.proposal(claiming: "Vorsitzende")
        #expect(alone?.speakers.isEmpty == true, "\(open.speaker(alone))")
        let office = SuggestionProbe("Der Streit geht weiter. Die Ministerin für Bildung: „Wir ändern nichts für die Schülerinnen.“")
        #expect(office.speaker(office.proposal(claiming: "ändern")) == "Die Ministerin für Bildung")
        let institution = SuggestionProbe("Am Montag äußerte sich auch die Regierung: „Die Lage ist ernst.“")
        #expect(institution.speaker(institution.proposal(claiming: "Lage")).hasSuffix("Regierung"))
    }

    /// Two to five capitalised quoted words after a preposition or a possessive are a name (a paper,
    /// a product), not a partial quote; words quoted after a preposition still are.
    @Test func capitalisedQuotedWordsAfterAPrepositionAreAName() {
        let paper = SuggestionProbe("Der Sekretär des Klubs sagte zum „Algemeen Dagblad“, die Spieler seien müde.")
        #expect(paper.proposals.allSatisfy { $0.form != .direct }, "\(paper.proposals.map { paper.claim($0) })")
        let car = SuggestionProbe("Der Hersteller hält mit seinem „Ultimate Aero“ den Rekord, sagte Jörg Müller.")
        #expect(car.proposals.allSatisfy { car.claim($0) != "„Ultimate Aero“" })
        let quoted = SuggestionProbe("Die Ministerin sprach von einem „Feldzug gegen die Gemeinschaftsschule“.")
        #expect(quoted.proposals.contains { $0.form == .direct && quoted.claim($0) == "„Feldzug gegen die Gemeinschaftsschule“" })
    }

    /// A conjunction opening the clause ("Wie …") is never part of a speaker; the wie-frame keeps
    /// it in the cue.
    @Test func conjunctionIsNoPartOfASpeaker() {
        let probe = SuggestionProbe("Wie „heise online“ berichtet, wurde das Video über die Förde gelöscht.")
        #expect(probe.proposals.allSatisfy { !probe.speaker($0).hasPrefix("Wie") }, "\(probe.proposals.map { probe.speaker($0) })")
        let frame = SuggestionProbe("Wie die Polizei mitteilte, wurde niemand verletzt.")
        let proposal = frame.proposal(claiming: "niemand")
        #expect(frame.speaker(proposal) == "die Polizei")
        #expect(frame.cue(proposal) == "Wie … mitteilte")
    }
}
