import Testing

@testable import Annotations

/// Reporting frames: "zufolge", "laut", "nach Angaben", "so X", wie-clauses, "demnach", "heißt es", "aus
/// Sicht" and the other frames whose source is a phrase, not a subject.
@Suite struct SuggestionFrameTests {
    /// An adverb before "heißt es" is no source; a document after "In" is.
    @Test func adverbBeforeHeisstEsIsNoSource() {
        let probe = SuggestionProbe("Bisher hieß es, die Brücke werde im Mai eröffnet.")
        #expect(probe.proposal(claiming: "Brücke")?.speakers.isEmpty == true)
        let document = SuggestionProbe("In der Mitteilung hieß es, die Brücke werde im Mai eröffnet.")
        #expect(document.speaker(document.proposal(claiming: "Brücke")) == "der Mitteilung")
    }

    /// A "nach Angaben"/"laut" frame inside a later clause reports that clause only, so the
    /// sentence's other attribution keeps its own message; a frame after a prefield clause
    /// ("Ob …, entscheidet sich laut X …") still reports the whole sentence.
    @Test func frameInALaterClauseReportsThatClause() {
        let probe = SuggestionProbe("Die Stadt bat das Land um Hilfe, weil die Feuerwehr nach Angaben der Behörde überfordert ist.")
        let frame = probe.proposals.first { $0.rule == "indirect.nach-angaben" }
        #expect(probe.speaker(frame) == "Angaben der Behörde")
        #expect(probe.claim(frame).hasPrefix("weil die Feuerwehr"), "\(probe.claim(frame))")
        #expect(!probe.claim(frame).contains("Stadt"))
        let relative = SuggestionProbe("Er traf die Vertreter der Fähren, die laut „Hamburger Abendblatt“ über die Förde fahren wollen 🚢.")
        let laut = relative.proposals.first { $0.rule == "indirect.laut" }
        #expect(relative.claim(laut).hasPrefix("die"), "\(relative.claim(laut))")
        #expect(!relative.claim(laut).contains("Vertreter"))
        let prefield = SuggestionProbe("Ob die Fähre wieder fährt, entscheidet sich laut dem Direktor der Behörde in der nächsten Woche.")
        let whole = prefield.proposals.first { $0.rule == "indirect.laut" }
        #expect(prefield.claim(whole).hasPrefix("Ob die Fähre"), "\(prefield.claim(whole))")
    }

    /// The source of a clause-initial "Nach"/"Laut" frame keeps an apposition opened by a noun.
    @Test func prefieldSourceKeepsAnApposition() {
        let probe = SuggestionProbe("Nach Ansicht von Senator Müller, Vorsitzender des Ausschusses, sei die Förderung zu gering.")
        let frame = probe.proposal(claiming: "Förderung")
        #expect(probe.speaker(frame) == "Ansicht von Senator Müller, Vorsitzender des Ausschusses", "\(probe.speaker(frame))")
        #expect(probe.claim(frame) == "sei die Förderung zu gering")
        let article = SuggestionProbe("Nach Angaben der Polizei, der Behörde des Landes, sei niemand verletzt worden.")
        #expect(article.speaker(article.proposal(claiming: "niemand")) == "Angaben der Polizei, der Behörde des Landes")
    }

    /// A wie-clause closed by "ergab", "hervorgeht", "hieß" or "bekannt wurde" frames the clause after
    /// it (or, at the sentence end, the one before): "wie" and the verb are the cue, the noun phrase
    /// in the clause the source; the same verbs outside a wie-clause report nothing.
    @Test func wieClauseWithAVerbOfShowingIsAFrame() {
        let study = SuggestionProbe("Wie eine Studie der Universität Köln ergab, trinken viele Jugendliche regelmäßig Energydrinks 🥤.")
        let drinks = study.proposal(claiming: "Energydrinks")
        #expect(drinks?.rule == "indirect.wie-frame", "\(study.proposals.map(\.rule))")
        #expect(study.speaker(drinks) == "eine Studie der Universität Köln", "\(study.speaker(drinks))")
        #expect(study.cue(drinks) == "Wie … ergab", "\(study.cue(drinks))")
        let report = SuggestionProbe("Die Kosten für die Brücke steigen um ein Drittel, wie aus dem Bericht des Rechnungshofs hervorgeht.")
        let costs = report.proposal(claiming: "Kosten")
        #expect(report.claim(costs) == "Die Kosten für die Brücke steigen um ein Drittel", "\(report.claim(costs))")
        #expect(report.speaker(costs) == "dem Bericht des Rechnungshofs")
        let known = SuggestionProbe("Wie heute bekannt wurde, sind in dem Gebiet mehr als 300 Menschen gestorben.")
        let dead = known.proposal(claiming: "Menschen")
        #expect(known.cue(dead) == "Wie heute bekannt wurde" || known.cue(dead) == "Wie … bekannt wurde", "\(known.cue(dead))")
        #expect(dead?.speakers.isEmpty == true)
        let search = SuggestionProbe("Die Suche nach dem Hund ergab nichts.")
        #expect(search.proposals.isEmpty, "\(search.proposals.map(\.rule))")
    }

    @Test func zufolgeLautAndNachAngaben() {
        let zufolge = SuggestionProbe("Dem Bericht der Zeitung zufolge sind 200 Stellen betroffen.")
        let first = zufolge.proposal(claiming: "Stellen")
        #expect(zufolge.cue(first) == "zufolge")
        #expect(zufolge.speaker(first) == "Dem Bericht der Zeitung")
        #expect(zufolge.claim(first) == "sind 200 Stellen betroffen")

        let laut = SuggestionProbe("Die Boote sind laut Kapitän Tessema zudem recht klein.")
        let second = laut.proposal(claiming: "Boote")
        #expect(laut.cue(second) == "laut")
        #expect(laut.speaker(second) == "Kapitän Tessema")
        #expect(laut.claim(second) == "Die Boote sind … zudem recht klein")

        let nach = SuggestionProbe("Nach Angaben der Feuerwehr brannte das Dach vollständig aus.")
        let third = nach.proposal(claiming: "Dach")
        #expect(nach.cue(third) == "Nach")
        #expect(nach.speaker(third) == "Angaben der Feuerwehr")
    }

    @Test func clauseInitialNachOrLautTakesTheWholePrefieldAsSource() {
        let prepositional = SuggestionProbe("Nach Angaben des Flughafens im Juni 2007 ist die Zahl der Passagiere gestiegen.")
        let first = prepositional.proposal(claiming: "Passagiere")
        #expect(prepositional.cue(first) == "Nach")
        #expect(prepositional.speaker(first) == "Angaben des Flughafens im Juni 2007")
        #expect(prepositional.claim(first) == "ist die Zahl der Passagiere gestiegen")

        let genitive = SuggestionProbe("Laut Schätzungen französischer Behörden sind rund 200 Menschen betroffen.")
        #expect(genitive.speaker(genitive.proposal(claiming: "Menschen")) == "Schätzungen französischer Behörden")

        let apposition = SuggestionProbe("Nach Angaben von Sam Maiha, dem Direktor der Wetterbehörde, ist der Sturm abgeflaut.")
        let third = apposition.proposal(claiming: "Sturm")
        #expect(apposition.speaker(third) == "Angaben von Sam Maiha, dem Direktor der Wetterbehörde")
        #expect(apposition.claim(third) == "ist der Sturm abgeflaut")

        // A verb in -en right after the noun ends the source; it is no adjective.
        let verb = SuggestionProbe("Nach Angaben des Südwestrundfunks laufen Ermittlungen gegen einen Mitarbeiter.")
        #expect(verb.speaker(verb.proposal(claiming: "Ermittlungen")) == "Angaben des Südwestrundfunks")
    }

    /// An extended participial attribute after the article of a clause-initial frame's noun is part
    /// of the source ("Laut einer am Freitag verbreiteten Erklärung des Vereins …"); the participle
    /// run ends at its noun, and a plain adjective still opens the noun.
    @Test func prefieldSourceKeepsAParticipialAttribute() {
        let probe = SuggestionProbe("Laut einer am Freitag verbreiteten Erklärung des Vereins sind die Eintrittspreise gestiegen.")
        let prices = probe.proposal(claiming: "Eintrittspreise")
        #expect(probe.speaker(prices) == "einer am Freitag verbreiteten Erklärung des Vereins", "\(probe.speaker(prices))")
        #expect(probe.claim(prices) == "sind die Eintrittspreise gestiegen", "\(probe.claim(prices))")
        let nach = SuggestionProbe("Laut den vom Ministerium veröffentlichten Zahlen sind mehr Kinder geimpft worden.")
        #expect(nach.speaker(nach.proposal(claiming: "Kinder")) == "den vom Ministerium veröffentlichten Zahlen")
    }

    @Test func wieSpeakerVerb() {
        let probe = SuggestionProbe("Wie das Innenministerium mitteilte, wurden die Grenzkontrollen verschärft.")
        let proposal = probe.proposal(claiming: "Grenzkontrollen")
        #expect(probe.cue(proposal) == "Wie … mitteilte")
        #expect(probe.speaker(proposal) == "das Innenministerium")
        #expect(probe.claim(proposal) == "wurden die Grenzkontrollen verschärft")
    }

    @Test func zufolgeWithDashes() {
        let probe = SuggestionProbe("Dem Anwalt seiner Familie – Rainer Wittner – zufolge ist er unschuldig.")
        let proposal = probe.proposal(claiming: "unschuldig")
        #expect(probe.speaker(proposal) == "Dem Anwalt seiner Familie – Rainer Wittner")
        #expect(probe.claim(proposal) == "ist er unschuldig")
    }

    @Test func heisstEsAfterFreeIndirectSpeechIsItsCue() {
        let probe = SuggestionProbe("Die Ärztin sagte, die Lage sei ernst. Die Versorgung der Kranken sei nicht mehr gesichert, hieß es.")
        let proposal = probe.proposal(claiming: "Versorgung")
        #expect(proposal?.rule == "free-indirect.subjunctive-continuation")
        #expect(probe.cue(proposal) == "hieß es")
        #expect(probe.speaker(proposal) == "Die Ärztin")
    }

    /// "so X" inserted between commas or dashes, or followed by an adverb, frames the rest of the sentence.
    @Test(arguments: [
        ("Dennoch, so die Sprecherin, habe die Firma alles richtig gemacht.", "Dennoch … habe die Firma alles richtig gemacht", "die Sprecherin"),
        ("Die Arbeit sei wichtig – so der Bürgermeister – und werde fortgesetzt.", "Die Arbeit sei wichtig … und werde fortgesetzt", "der Bürgermeister"),
        ("Die Prüfung dauere noch an, so der Verband weiter.", "Die Prüfung dauere noch an", "der Verband"),
    ])
    func insertedSoFrame(text: String, claim: String, speaker: String) {
        let probe = SuggestionProbe(text)
        let proposal = probe.proposals.first { $0.rule == "indirect.clause-so-speaker" }
        #expect(probe.claim(proposal) == claim)
        #expect(probe.speaker(proposal) == speaker)
        #expect(probe.cue(proposal) == "so")
    }

    /// "Wie X, apposition, mitteilte, …": the apposition's commas do not end the wie-clause.
    @Test func wieClauseWithAnApposition() {
        let probe = SuggestionProbe("Wie der Sprecher der Stadt, Peter Kurz, am Montag mitteilte, bleibt die Brücke gesperrt.")
        let proposal = probe.proposal(claiming: "Brücke")
        #expect(probe.cue(proposal) == "Wie … mitteilte")
        #expect(probe.speaker(proposal) == "der Sprecher der Stadt, Peter Kurz")
        #expect(probe.claim(proposal) == "bleibt die Brücke gesperrt")
    }

    /// "Demnach" opening a sentence, or inside it, is both the cue and the source of the sentence.
    @Test func demnachIsCueAndSource() {
        let opening = SuggestionProbe("Die Behörde legte am Montag einen Bericht vor. Demnach sind im Jahr 2023 über 4.000 Schüler erkrankt.")
        let proposal = opening.proposal(claiming: "4.000 Schüler")
        #expect(opening.cue(proposal) == "Demnach")
        #expect(opening.speaker(proposal) == "Demnach")
        #expect(opening.claim(proposal) == "sind im Jahr 2023 über 4.000 Schüler erkrankt")
        let inside = SuggestionProbe("Die Stadt äußerte sich am Abend. Die Straße über den Fluss soll demnach bis Mai gesperrt bleiben.")
        let middle = inside.proposal(claiming: "Straße")
        #expect(inside.cue(middle) == "demnach")
        #expect(inside.speaker(middle) == "demnach")
        #expect(inside.claim(middle) == "Die Straße über den Fluss soll … bis Mai gesperrt bleiben")
    }

    /// Free indirect speech after a "Demnach" sentence continues the speaker that "Demnach" refers
    /// back to, never the adverb itself.
    @Test func continuationAfterDemnachKeepsTheSpeakerBefore() {
        let probe = SuggestionProbe(
            "Die Ministerin für Schulen sagte am Montag, die Lage sei ernst. Demnach sind über 4.000 Schüler in Köln erkrankt. Die Schulen müssten bis zum Frühjahr geschlossen bleiben.")
        let frame = probe.proposal(claiming: "4.000 Schüler")
        #expect(probe.speaker(frame) == "Demnach")
        let continuation = probe.proposal(claiming: "Frühjahr")
        #expect(probe.speaker(continuation) == "Die Ministerin für Schulen", "\(probe.speaker(continuation))")
    }

    /// "nach" with a definite article before an act of publishing or counting is a time, no frame
    /// ("Nach der Veröffentlichung der Studie stieg …"); with the indefinite article it is the source.
    @Test func nachDefiniteEventNounIsATime() {
        let time = SuggestionProbe(
            "Nach der Veröffentlichung der Studie stieg der Kurs der Aktie um sieben Prozent. "
                + "Nach den ersten Auszählungen gab die Kommission ein vorläufiges Ergebnis bekannt.")
        #expect(time.proposals.allSatisfy { time.cue($0) != "Nach" }, "\(time.proposals.map { time.cue($0) })")
        let source = SuggestionProbe("Nach einer Veröffentlichung im Fachblatt „Natur“ ist das Virus älter als gedacht.")
        #expect(source.cue(source.proposal(claiming: "Virus")) == "Nach")
    }

    /// "laut" before a bare institution: the common noun after it opens the clause's subject.
    @Test func lautBareInstitutionStopsBeforeTheNextNoun() {
        let probe = SuggestionProbe("Ursache für den Stromausfall in Lübeck waren laut Ministerium Bauarbeiten an der Leitung über die Trave.")
        let proposal = probe.proposals.first { $0.rule == "indirect.laut" }
        #expect(probe.speaker(proposal) == "Ministerium", "\(probe.speaker(proposal))")
    }

    @Test func wonachClauseTakesTheNounBeforeItsComma() {
        let probe = SuggestionProbe("Die Regierung bestätigte einen Bericht der Agentur, wonach der Politiker festgenommen worden sein soll.")
        let proposal = probe.proposals.first { $0.rule == "indirect.noun-wonach" }
        #expect(probe.cue(proposal) == "wonach")
        #expect(probe.speaker(proposal) == "einen Bericht der Agentur")
        #expect(probe.claim(proposal) == "der Politiker festgenommen worden sein soll")
        let temporal = SuggestionProbe("Die Helfer sollten den Bären einfangen, wonach er wieder freigelassen werden sollte.")
        #expect(!temporal.proposals.contains { $0.rule == "indirect.noun-wonach" })
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

    /// "Dem Sender al-Dschasira zufolge …", "Einer Erklärung des Verbands ( VSB ) zufolge …": the
    /// whole phrase before the frame is the source, and the rest of the sentence the message.
    @Test func zufolgeTakesAPhraseEndingInALowercaseNameOrABracket() {
        for (text, speaker, fragment) in [
            ("Dem Sender al-Dschasira zufolge wird das Schiff in den Hafen von Aschdod gebracht 🚢.", "Dem Sender al-Dschasira", "wird das Schiff"),
            ("Einer Erklärung des Verbands Sächsischer Bäcker ( VSB ) zufolge steigen die Preise für Brötchen.",
                "Einer Erklärung des Verbands Sächsischer Bäcker ( VSB )", "steigen die Preise"),
            ("Der Website görlitz-aktuell.de zufolge öffnet die Brücke über die Neiße erst im März.", "Der Website görlitz-aktuell.de", "öffnet die Brücke"),
        ] {
            let probe = SuggestionProbe(text)
            let proposal = probe.proposal(claiming: fragment)
            #expect(proposal?.rule == "indirect.zufolge", "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(proposal) == speaker, "\(text): \(probe.speaker(proposal))")
        }
    }

    /// The phrase starts after a comma: words of the clause before are no part of the source.
    @Test func zufolgeSourceStopsAtTheCommaBefore() {
        let probe = SuggestionProbe("Am Montag, dem Sender al-Dschasira zufolge, lief das Schiff aus Zypern aus.")
        let proposal = probe.proposals.first { $0.rule == "indirect.zufolge" }
        #expect(probe.speaker(proposal) == "dem Sender al-Dschasira", "\(probe.proposals.map { probe.speaker($0) })")
    }

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

    /// "Nach" before a plan or a rule frames the sentence as it does before a reporting noun; a
    /// temporal "nach" before a genitive of such a noun does not.
    @Test func nachBeforeAPlanOrRuleIsAFrame() {
        let plan = SuggestionProbe("Nach den Planungen der Stadtwerke soll die neue Brücke über den Fluss im Jahr 2030 fertig sein.")
        let planned = plan.proposal(claiming: "Brücke")
        #expect(plan.cue(planned) == "Nach")
        #expect(plan.speaker(planned) == "den Planungen der Stadtwerke")
        let law = SuggestionProbe("Nach der Landesverfassung muss der Präsident sich nach vier Jahren einer Wahl stellen.")
        #expect(law.cue(law.proposal(claiming: "Präsident")) == "Nach")
        let temporal = SuggestionProbe("Nach Inkrafttreten des Gesetzes stiegen die Mieten in der Stadt deutlich.")
        #expect(temporal.proposals.isEmpty, "\(temporal.proposals.map { temporal.claim($0) })")
    }

    /// A frame that opens a main clause after a comma, its finite verb right after the source,
    /// reports that clause only; the reporting verb before the comma keeps the whole clause as its
    /// message, frame included.
    @Test func frameOpeningAMainClauseAfterACommaReportsThatClause() {
        let probe = SuggestionProbe("Die Sprecherin erklärte, nach Angaben der Bank habe ein Fremder das Konto benutzt.")
        let frame = probe.proposals.first { $0.rule == "indirect.nach-angaben" }
        #expect(probe.claim(frame) == "habe ein Fremder das Konto benutzt", "\(probe.claim(frame))")
        let verb = probe.proposals.first { $0.rule == "indirect.verb-clause" }
        #expect(probe.speaker(verb) == "Die Sprecherin")
        #expect(probe.claim(verb) == "nach Angaben der Bank habe ein Fremder das Konto benutzt", "\(probe.claim(verb))")
        let laut = SuggestionProbe("Das Wetter war schlecht, laut Polizei gab es drei Unfälle auf der Autobahn.")
        let lautFrame = laut.proposals.first { $0.rule == "indirect.laut" }
        #expect(laut.claim(lautFrame) == "gab es drei Unfälle auf der Autobahn", "\(laut.claim(lautFrame))")
        // An apposition with a frame is no main clause: the frame still reports the sentence.
        let inserted = SuggestionProbe("Der Fahrer, laut Polizei ein Mann aus Kiel, sei geflohen.")
        let insertedFrame = inserted.proposals.first { $0.rule == "indirect.laut" }
        #expect(inserted.claim(insertedFrame).hasPrefix("Der Fahrer"), "\(inserted.claim(insertedFrame))")
        // After a relative clause the frame stands in the main clause that began before it; an
        // article after the source ("eine", also a verb form) is no finite verb.
        let relative = SuggestionProbe("Später feuerte die Armee, die das nie bestätigt hat, nach Angaben der Polizei eine Rakete ab.")
        let relativeFrame = relative.proposals.first { $0.rule == "indirect.nach-angaben" }
        #expect(relative.claim(relativeFrame).hasPrefix("Später feuerte"), "\(relative.claim(relativeFrame))")
    }

    /// "Die seiner Ansicht nach …": the article before the possessive belongs to the phrase the frame
    /// stands in, so it is part of the message, not of the source.
    @Test func nounNachSourceStartsAtThePossessive() {
        let probe = SuggestionProbe("Die seiner Ansicht nach zu hohe Steuer belaste die Betriebe.")
        let frame = probe.proposals.first { $0.rule == "indirect.noun-nach" }
        #expect(probe.speaker(frame) == "seiner Ansicht", "\(probe.speaker(frame))")
        #expect(probe.claim(frame) == "Die … zu hohe Steuer belaste die Betriebe", "\(probe.claim(frame))")
    }

    /// "…, so Weber weiter: „…“": the frame before the colon is the clause's and the quote's
    /// attribution, with its speaker and the cue "so".
    @Test func soFrameBeforeAColonGivesTheQuoteItsSpeaker() {
        let probe = SuggestionProbe("Die Preise seien zu hoch, so Weber weiter: „Wir werden dagegen vor Gericht klagen.“")
        let clause = probe.proposal(claiming: "Preise")
        #expect(probe.speaker(clause) == "Weber")
        #expect(probe.cue(clause) == "so")
        let quote = probe.proposal(claiming: "Gericht klagen")
        #expect(probe.speaker(quote) == "Weber", "\(probe.speaker(quote))")
        #expect(probe.cue(quote) == "so")
    }

    /// A "laut"/"nach Angaben" source inside the clause ends before an article after a name: a
    /// name takes no genitive, so the article opens the clause's subject; after a common noun the
    /// genitive stays.
    @Test func frameSourceEndsBeforeAnArticleAfterAName() {
        let probe = SuggestionProbe(
            "Im Jahr 2020 war laut Piotr Nowak der Umsatz deutlich gestiegen. "
                + "Damit ist nach Auskunft der NASA der größte Teil des Satelliten verglüht. "
                + "Seither ist laut Angaben der Polizei der Stadt alles ruhig.")
        let nowak = probe.proposal(claiming: "Umsatz")
        #expect(probe.speaker(nowak) == "Piotr Nowak", "\(probe.speaker(nowak))")
        #expect(probe.claim(nowak).contains("der Umsatz"))
        #expect(probe.speaker(probe.proposal(claiming: "Satelliten")) == "Auskunft der NASA")
        #expect(probe.speaker(probe.proposal(claiming: "ruhig")) == "Angaben der Polizei der Stadt")
    }

    /// "nach" is a frame only when its first noun is the reporting noun: "nach Abschluss der
    /// Ermittlungen" is a time, "nach eigenen Angaben" and "nach Polizeiangaben" are frames.
    @Test func nachFrameNeedsTheReportingNounFirst() {
        let probe = SuggestionProbe(
            "Die Straße wurde nach Abschluss der Ermittlungen wieder freigegeben. "
                + "Der Verein hat nach eigenen Angaben rund 400 Mitglieder. "
                + "Die Fähre ist nach Polizeiangaben wieder in Betrieb.")
        #expect(!probe.proposals.contains { $0.rule == "indirect.nach-angaben" && probe.claim($0).contains("Straße") })
        #expect(probe.speaker(probe.proposal(claiming: "Mitglieder")) == "eigenen Angaben")
        #expect(probe.proposal(claiming: "Fähre")?.rule == "indirect.nach-angaben")
    }

    /// "laut einer dpa-Meldung": the article keeps its noun when the noun is a compound that
    /// starts in lowercase; the claim does not take it.
    @Test func lautArticleTakesALowercaseCompound() {
        let probe = SuggestionProbe("Die Werft will laut einer dpa-Meldung rund 200 Stellen abbauen.")
        let frame = probe.proposal(claiming: "Stellen")
        #expect(probe.speaker(frame) == "einer dpa-Meldung", "\(probe.speaker(frame))")
        #expect(!probe.claim(frame).contains("dpa"))
    }
}
