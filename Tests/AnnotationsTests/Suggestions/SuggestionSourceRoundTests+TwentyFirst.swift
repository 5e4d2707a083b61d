import Testing

@testable import Annotations

/// Twenty-first round: the span of a frame's source read backwards ("… zufolge", "… nach").
extension SuggestionSourceRoundTests {
    /// A noun of the clause right before the frame's noun is no part of the source; adjectives
    /// after a verb open it, "einigen" too, and "vom" with an adjective and noun continues it.
    @Test func backwardFrameSourceStartsAtItsOwnPhrase() {
        let probe = SuggestionProbe(
            "Mit dem Schmuggel nimmt die Bande Schätzungen zufolge jährlich viele Millionen Euro ein. "
                + "Beim Brand im Lager waren offiziellen städtischen Angaben zufolge zwölf Menschen verletzt worden. "
                + "Ursache des Unfalls dürfte ersten Annahmen zufolge das Glatteis gewesen sein. "
                + "Ersten Angaben vom gestrigen Dienstag zufolge gehörte das Boot dem Segelverein Möwe 🚤. "
                + "Der Ausbau ist einigen Teilnehmern zufolge längst überfällig.")
        let speakers = probe.proposals.map { probe.speaker($0) }
        #expect(probe.speaker(probe.proposal(claiming: "Mit dem Schmuggel")) == "Schätzungen", "\(speakers)")
        #expect(probe.claim(probe.proposal(claiming: "Mit dem Schmuggel")).contains("die Bande"))
        #expect(probe.speaker(probe.proposal(claiming: "Beim Brand")) == "offiziellen städtischen Angaben", "\(speakers)")
        #expect(probe.speaker(probe.proposal(claiming: "Ursache des Unfalls")) == "ersten Annahmen", "\(speakers)")
        #expect(probe.speaker(probe.proposal(claiming: "gehörte das Boot")) == "Ersten Angaben vom gestrigen Dienstag", "\(speakers)")
        #expect(probe.speaker(probe.proposal(claiming: "Der Ausbau")) == "einigen Teilnehmern", "\(speakers)")
    }

    /// A genitive after the frame's noun and a possessive before it stay part of the source.
    @Test func backwardFrameSourceKeepsGenitiveAndPossessive() {
        let probe = SuggestionProbe("Angaben der Polizei zufolge wurde niemand verletzt. Die Lage sei Ihrer Meinung nach ernst, schrieb die Leserin Anna Kern.")
        let speakers = probe.proposals.map { probe.speaker($0) }
        #expect(probe.speaker(probe.proposal(claiming: "wurde niemand")) == "Angaben der Polizei", "\(speakers)")
        #expect(probe.speaker(probe.proposal(claiming: "Die Lage sei")) == "Ihrer Meinung", "\(speakers)")
    }
}

/// Twenty-first round: the prefield source after "Nach"/"Laut" ends before the finite verb.
extension SuggestionSourceRoundTests {
    /// After a closing bracket or quote, a lowercase word is the finite verb, not an adjective.
    @Test func prefieldSourceEndsAtTheVerbAfterABracketOrQuote() {
        let bracket = SuggestionProbe("Nach Angaben des Senders ( NDR ) laufen Ermittlungen gegen einen weiteren Mitarbeiter.")
        let proposal = bracket.proposal(claiming: "gegen einen weiteren")
        #expect(bracket.speaker(proposal) == "Angaben des Senders ( NDR )", "\(bracket.proposals.map { bracket.speaker($0) })")
        #expect(bracket.claim(proposal).hasPrefix("laufen Ermittlungen"))
        let quote = SuggestionProbe("Nach Angaben des „ Kuriers “ laufen die Gespräche noch.")
        #expect(quote.speaker(quote.proposal(claiming: "die Gespräche")) == "Angaben des „ Kuriers “")
    }

    /// An adjective after an article still belongs to the source.
    @Test func prefieldSourceKeepsAnAdjectiveAfterAnArticle() {
        let probe = SuggestionProbe("Nach Angaben der städtischen Feuerwehr wurde niemand verletzt.")
        #expect(probe.speaker(probe.proposal(claiming: "wurde niemand")) == "Angaben der städtischen Feuerwehr")
    }
}

/// Twenty-first round: "aus Sicht der/des/von X" as a frame.
extension SuggestionSourceRoundTests {
    /// Opening the sentence or inside it, with a genitive or "von": cue "aus", source "Sicht …".
    @Test func ausSichtIsAFrame() {
        let opening = SuggestionProbe("Aus Sicht der Opposition ist der Haushalt nicht verfassungsgemäß.")
        let first = opening.proposal(claiming: "der Haushalt")
        #expect(first?.rule == "indirect.aus-sicht", "\(opening.proposals.map(\.rule))")
        #expect(opening.speaker(first) == "Sicht der Opposition")
        #expect(opening.cue(first) == "Aus")
        #expect(opening.claim(first) == "ist der Haushalt nicht verfassungsgemäß")
        let inner = SuggestionProbe("Die Reform hat aus Sicht des Verbands keine Wirkung auf die Mieten.")
        #expect(inner.speaker(inner.proposal(claiming: "keine Wirkung")) == "Sicht des Verbands", "\(inner.proposals.map { inner.speaker($0) })")
        let von = SuggestionProbe("Aus Sicht von Bürgermeisterin Lena Horn ist das Projekt ein Erfolg 🎉.")
        #expect(von.speaker(von.proposal(claiming: "das Projekt")) == "Sicht von Bürgermeisterin Lena Horn")
    }

    /// "aus Sicht" without a genitive, and "aus" before other nouns, are no frames.
    @Test func ausWithoutSichtAndGenitiveIsNoFrame() {
        let probe = SuggestionProbe("Aus Sicht waren die Berge gut zu sehen. Die Kinder kamen aus Sicherheitsgründen früher nach Hause.")
        #expect(probe.proposals.allSatisfy { $0.rule != "indirect.aus-sicht" }, "\(probe.proposals.map(\.rule))")
    }
}

/// Twenty-first round: what a reflexive or impersonal frame passes on to the sentences after it.
extension SuggestionSourceRoundTests {
    /// "nach eigenem Bekunden" keeps its own source, and the free indirect sentence after it takes
    /// the subject it refers back to, with its name apposition.
    @Test func reflexiveFramePassesOnTheSubject() {
        let probe = SuggestionProbe(
            "Der frühere Trainer des Vereins, Jonas Brehm, war nach eigenem Bekunden seit Wochen eingeweiht. Der Wechsel sei lange geplant gewesen.")
        #expect(probe.speaker(probe.proposal(claiming: "seit Wochen")) == "eigenem Bekunden")
        #expect(
            probe.speaker(probe.proposal(claiming: "Der Wechsel sei")) == "Der frühere Trainer des Vereins, Jonas Brehm",
            "\(probe.proposals.map { probe.speaker($0) })")
        let plain = SuggestionProbe("Die Feuerwehr hat nach eigenen Angaben die halbe Halle abgesucht. Es gebe noch Hohlräume.")
        #expect(plain.speaker(plain.proposal(claiming: "Es gebe")) == "Die Feuerwehr", "\(plain.proposals.map { plain.speaker($0) })")
    }

    /// "dem Vernehmen nach" names no one: the speaker before carries on past it; with no speaker
    /// before, its own phrase is all there is.
    @Test func impersonalFrameKeepsTheSpeakerBefore() {
        let probe = SuggestionProbe(
            "Wie das Polizeipräsidium Nordpfalz mitteilte, wird es mehr Kontrollen geben. Dort treffen sich dem Vernehmen nach oft Gruppen. "
                + "Es sei wiederholt zu Diebstählen gekommen.")
        #expect(probe.speaker(probe.proposal(claiming: "oft Gruppen")) == "dem Vernehmen")
        #expect(
            probe.speaker(probe.proposal(claiming: "Es sei wiederholt")) == "das Polizeipräsidium Nordpfalz",
            "\(probe.proposals.map { probe.speaker($0) })")
        let alone = SuggestionProbe("Dort treffen sich dem Vernehmen nach oft Gruppen. Es sei wiederholt zu Diebstählen gekommen.")
        #expect(alone.speaker(alone.proposal(claiming: "Es sei wiederholt")) == "dem Vernehmen", "\(alone.proposals.map { alone.speaker($0) })")
    }
}

/// Twenty-first round: the agent of a passive whose auxiliary stands apart from the participle.
extension SuggestionSourceRoundTests {
    @Test func separatedPassiveTakesItsAgent() {
        let probe = SuggestionProbe(
            "Seine Bilder werden von Kunstkennern als „Meilensteine der Malerei“ bezeichnet. Der Plan wurde von der Opposition als „völlig verfehlt“ kritisiert.")
        #expect(probe.speaker(probe.proposal(claiming: "Meilensteine")) == "Kunstkennern", "\(probe.proposals.map { probe.speaker($0) })")
        #expect(probe.speaker(probe.proposal(claiming: "völlig verfehlt")) == "der Opposition")
    }

    /// A "von" inside the quote is no agent.
    @Test func separatedPassiveTakesNoAgentFromTheQuote() {
        let probe = SuggestionProbe("Die Bilder werden als „Werke von Meistern“ bezeichnet.")
        #expect(!probe.speaker(probe.proposal(claiming: "Werke von")).contains("Meistern"), "\(probe.proposals.map { probe.speaker($0) })")
    }
}

/// Twenty-first round: a personal pronoun is a whole subject.
extension SuggestionSourceRoundTests {
    /// First after a subordinator, or right before the verb after a relative pronoun.
    @Test func pronounIsTheWholeSubject() {
        let probe = SuggestionProbe(
            "Als er Fans des Vereins dafür kritisierte, dass sie gepfiffen hätten, wurde es laut. "
                + "Der Mann hinterließ einen Brief in dem er verlangte, dass niemand die Polizei rufe.")
        let speakers = probe.proposals.map { probe.speaker($0) }
        #expect(probe.speaker(probe.proposal(claiming: "dass sie gepfiffen")) == "er", "\(speakers)")
        #expect(probe.speaker(probe.proposal(claiming: "dass niemand")) == "er", "\(speakers)")
    }

    /// A pronoun joined to another subject keeps it.
    @Test func pronounInACoordinationKeepsItsPartner() {
        let probe = SuggestionProbe(
            "Nachdem er sowie seine Kollegin betont hatten, dass die Kasse leer sei, verließen beide den Saal. "
                + "Nachdem die Ministerin und er erklärt hatten, dass die Kasse leer sei, verließen beide den Saal.")
        let speakers = probe.proposals.map { probe.speaker($0) }
        #expect(speakers.contains("er sowie seine Kollegin"), "\(speakers)")
        #expect(speakers.contains("die Ministerin und er") || speakers.contains("die Ministerin … er"), "\(speakers)")
    }
}

/// Twenty-first round: "Für" and a person opening a free indirect sentence.
extension SuggestionSourceRoundTests {
    /// "Für den Theologen Hans Küng sei …": the person after "Für" is the speaker, not the one of
    /// the attribution before; an institution too.
    @Test func fuerPersonGivesTheSpeakerOfFreeIndirectSpeech() {
        let probe = SuggestionProbe("Der Papst tritt zurück. Das sagte ein Sprecher des Vatikans. Für den Theologen Hans Küng sei der Rücktritt verständlich 🙏.")
        #expect(probe.speaker(probe.proposal(claiming: "Für den Theologen")) == "den Theologen Hans Küng", "\(probe.proposals.map { probe.speaker($0) })")
        let body = SuggestionProbe("Der Anwalt Jens Brammer sagte, sein Mandant sei unschuldig. Für die Staatsanwaltschaft sei der Fall dagegen klar.")
        #expect(body.speaker(body.proposal(claiming: "Für die Staatsanwaltschaft")) == "die Staatsanwaltschaft", "\(body.proposals.map { body.speaker($0) })")
    }

    /// "Für" with people who are no speaker ("die Anwohner") or a possessive keeps the speaker before.
    @Test func fuerWithoutANamedPersonKeepsTheSpeakerBefore() {
        let plain = SuggestionProbe("Der Bürgermeister Paul Ranke sagte, die Straße werde gesperrt. Für die Anwohner sei das ärgerlich.")
        #expect(plain.speaker(plain.proposal(claiming: "Für die Anwohner")) == "Der Bürgermeister Paul Ranke", "\(plain.proposals.map { plain.speaker($0) })")
        let possessive = SuggestionProbe("Die Ministerin Eva Roth sagte, das Amt werde geschlossen. Für seine Familie sei das schwer.")
        #expect(possessive.speaker(possessive.proposal(claiming: "Für seine Familie")) == "Die Ministerin Eva Roth")
    }
}
