import Testing

@testable import Annotations

/// Twenty-second round: a passive reporting verb whose clause opens with the text or event it was
/// said in ("Im Bericht der Prüfer war festgestellt worden, dass …").
extension SuggestionSourceRoundTests {
    /// With no agent, the opening prepositional phrase, preposition included, is the source.
    @Test func passiveTakesTheDocumentItOpensWith() {
        let report = SuggestionProbe("Im Bericht der Prüfer war festgestellt worden, dass keines der Stadien den Auflagen genügte.")
        let first = report.proposal(claiming: "keines der Stadien")
        #expect(report.speaker(first) == "Im Bericht der Prüfer", "\(report.proposals.map { report.speaker($0) })")
        let letter = SuggestionProbe("In einem internen Schreiben wurde betont, dass die Kasse des Vereins leer sei.")
        #expect(letter.speaker(letter.proposal(claiming: "die Kasse")) == "In einem internen Schreiben", "\(letter.proposals.map { letter.speaker($0) })")
        let meeting = SuggestionProbe("Auf der Konferenz in Genf wurde vorgeschlagen, die Frist um ein Jahr zu verlängern.")
        #expect(meeting.speaker(meeting.proposal(claiming: "die Frist")) == "Auf der Konferenz in Genf", "\(meeting.proposals.map { meeting.speaker($0) })")
    }

    /// A time or place that names no text stays no source, an agent wins, and an active verb keeps its subject.
    @Test func passiveDocumentSourceNeedsATextAndNoAgent() {
        let time = SuggestionProbe("Im Sommer wurde bekannt gegeben, dass die Brücke saniert werden müsse.")
        #expect(time.speaker(time.proposal(claiming: "die Brücke")) == "", "\(time.proposals.map { time.speaker($0) })")
        let agent = SuggestionProbe("Im Bericht wurde von den Prüfern festgestellt, dass die Kasse leer sei.")
        #expect(agent.speaker(agent.proposal(claiming: "die Kasse")) == "den Prüfern", "\(agent.proposals.map { agent.speaker($0) })")
        let active = SuggestionProbe("Im Bericht erklärte der Minister, dass die Kasse leer sei.")
        #expect(active.speaker(active.proposal(claiming: "die Kasse")) == "der Minister", "\(active.proposals.map { active.speaker($0) })")
    }
}

/// Twenty-second round: a quote announced by a colon after a clause with its subject after the verb.
extension SuggestionSourceRoundTests {
    /// "Dabei griff sie … an: „…“", "Hier sparte der Bundespräsident nicht mit Kritik: „…“": the
    /// subject after the finite verb speaks; the verb (with its particle) is the cue.
    @Test func colonQuoteAfterAnInvertedClauseTakesItsSubject() {
        let pronoun = SuggestionProbe("Dabei griff sie den Minister direkt an: „Wer so redet, hat die Lage nicht verstanden und sollte gehen.“")
        let first = pronoun.proposal(claiming: "Wer so redet")
        #expect(pronoun.speaker(first) == "sie", "\(pronoun.proposals.map { pronoun.speaker($0) })")
        #expect(pronoun.cue(first).hasPrefix("griff"), "\(pronoun.cue(first))")
        let office = SuggestionProbe("Hier sparte der Bundespräsident nicht mit Kritik: „Die Regierung hat in dieser Frage viel zu lange gezögert.“")
        #expect(office.speaker(office.proposal(claiming: "viel zu lange")) == "der Bundespräsident", "\(office.proposals.map { office.speaker($0) })")
    }

    /// A short quoted title after such a clause is no speech of its subject.
    @Test func colonInversionLeavesShortQuotedTitles() {
        let probe = SuggestionProbe("Am Abend stellte die Band dann ihr neues Album vor: „Rote Sonne“")
        #expect(probe.proposals.allSatisfy { probe.speaker($0) != "die Band" }, "\(probe.proposals.map { probe.speaker($0) })")
    }
}

/// Twenty-second round: an extended participial attribute inside a speaker's noun phrase.
extension SuggestionSourceRoundTests {
    /// "die in Hamburg geborene Sängerin", "die in Wien erscheinende „Tagespost“": the attribute
    /// between article and noun belongs to the speaker, and a quote after it is a name.
    @Test func speakerKeepsItsParticipialAttribute() {
        let singer = SuggestionProbe("„Wir sind sehr froh über diesen Erfolg“, sagte die in Hamburg geborene Sängerin.")
        #expect(singer.speaker(singer.proposal(claiming: "sehr froh")) == "die in Hamburg geborene Sängerin", "\(singer.proposals.map { singer.speaker($0) })")
        let paper = SuggestionProbe("Das Defizit sei erneut gewachsen, schrieb die in Wien erscheinende „ Tagespost “ am Montag.")
        #expect(paper.speaker(paper.proposal(claiming: "Das Defizit")) == "die in Wien erscheinende „ Tagespost “", "\(paper.proposals.map { paper.speaker($0) })")
        #expect(paper.proposal(claiming: "Tagespost") == nil || paper.proposal(claiming: "Tagespost")?.rule.hasPrefix("direct") == false)
        let statement = SuggestionProbe("„Die Lage bleibt angespannt“, heißt es in einer gestern verbreiteten Erklärung des Ministeriums.")
        #expect(statement.speaker(statement.proposal(claiming: "Die Lage")).contains("gestern verbreiteten Erklärung"), "\(statement.proposals.map { statement.speaker($0) })")
    }

    /// A plain adjective, a superlative or a finite verb after the article opens no attribute.
    @Test func participialAttributeNeedsAParticiple() {
        let plain = SuggestionProbe("„Wir sind bereit“, sagte die damalige Ministerin.")
        #expect(plain.speaker(plain.proposal(claiming: "bereit")) == "die damalige Ministerin", "\(plain.proposals.map { plain.speaker($0) })")
        let scan = SuggestionScan(document: SegmentedDocument(Document(id: "probe", rawText: "der in der nächsten Woche Gewählte")), lexicon: SuggestionLexicon())
        #expect(scan.participialAttributeEnd(from: 1, upper: scan.words.count) == nil)
        #expect(!scan.looksLikeParticiple("nächsten"))
        #expect(scan.looksLikeParticiple("erscheinende"))
        #expect(scan.looksLikeParticiple("veröffentlichten"))
    }
}

/// Twenty-second round: reporting verbs added to the lexicon.
extension SuggestionSourceRoundTests {
    /// "strich … heraus", "bekundete, dass", "ärgerte sich darüber, dass".
    @Test func newReportingVerbsFindTheirSpeakers() {
        let stressed = SuggestionProbe("„Wir bleiben bei unserem Kurs“, strich die Ministerin am Montag heraus.")
        let first = stressed.proposal(claiming: "bei unserem Kurs")
        #expect(stressed.speaker(first) == "die Ministerin", "\(stressed.proposals.map { stressed.speaker($0) })")
        #expect(stressed.cue(first).contains("strich"))
        let declared = SuggestionProbe("Die Gruppe bekundete, dass die Daten offen zugänglich gewesen seien.")
        #expect(declared.speaker(declared.proposal(claiming: "die Daten")) == "Die Gruppe", "\(declared.proposals.map { declared.speaker($0) })")
        let annoyed = SuggestionProbe("Der Trainer ärgerte sich darüber, dass der Schiedsrichter das Tor nicht gegeben habe.")
        #expect(annoyed.speaker(annoyed.proposal(claiming: "der Schiedsrichter")) == "Der Trainer", "\(annoyed.proposals.map { annoyed.speaker($0) })")
    }
}

/// Twenty-second round: a name written in lowercase after its institution.
extension SuggestionSourceRoundTests {
    /// "der Presseagenturen dpa und AFP", "Die Nachrichtenagentur dpa", "der Dienst radar24": the name
    /// belongs to the speaker, in a prefield frame and before a verb alike.
    @Test func speakerKeepsALowercaseName() {
        let agencies = SuggestionProbe("Nach Angaben der Presseagenturen dpa und AFP wurde niemand verletzt.")
        #expect(agencies.speaker(agencies.proposal(claiming: "wurde niemand")) == "Angaben der Presseagenturen dpa und AFP", "\(agencies.proposals.map { agencies.speaker($0) })")
        let agency = SuggestionProbe("Die Nachrichtenagentur dpa berichtete, dass der Streik fortgesetzt werde.")
        #expect(agency.speaker(agency.proposal(claiming: "der Streik")) == "Die Nachrichtenagentur dpa", "\(agency.proposals.map { agency.speaker($0) })")
    }

    /// A plain lowercase word after a noun (an adverb, a verb) is no name.
    @Test func lowercaseNameNeedsADotADigitOrAnAgency() {
        let probe = SuggestionProbe("Die Gewerkschaft erklärte heute, dass der Streik fortgesetzt werde.")
        #expect(probe.speaker(probe.proposal(claiming: "der Streik")) == "Die Gewerkschaft", "\(probe.proposals.map { probe.speaker($0) })")
    }
}
