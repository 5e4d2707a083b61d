import Testing

@testable import Annotations

/// Indirect speech: a reporting verb with a dass-, ob- or w-clause or a Konjunktiv I comma clause, and free
/// indirect speech that continues an earlier speaker (or takes its own).
@Suite struct SuggestionIndirectSpeechTests {
    /// A run of free indirect sentences is one attribution with the speaker of the one before.
    @Test func runOfFreeIndirectSentencesIsOneProposal() {
        let probe = SuggestionProbe("Der Sprecher sagte, der Zug sei entgleist. Verletzt worden sei niemand. Die Strecke bleibe bis Montag gesperrt.")
        let free = probe.proposals.filter { $0.form == .freeIndirect }
        #expect(free.count == 1)
        #expect(probe.claim(free.first) == "Verletzt worden sei niemand. Die Strecke bleibe bis Montag gesperrt.")
        #expect(probe.speaker(free.first) == "Der Sprecher")
    }

    /// A free indirect sentence with its own "heißt es" stays an attribution of its own.
    @Test func freeIndirectSentenceWithItsOwnCueIsNotMerged() {
        let probe = SuggestionProbe("Die Ärztin sagte, die Lage sei ernst. Die Betten seien knapp. Die Versorgung sei nicht gesichert, hieß es.")
        let free = probe.proposals.filter { $0.form == .freeIndirect }
        #expect(free.count == 2)
        #expect(probe.cue(probe.proposal(claiming: "Versorgung")) == "hieß es")
    }

    /// A sentence in Konjunktiv I right after reported speech continues it: free indirect speech
    /// with the speaker of the reported speech.
    @Test func subjunctiveAfterReportedSpeechContinuesIt() {
        let probe = SuggestionProbe("Die Regierung warnt vor weiteren Überschwemmungen. Die Dämme seien schon jetzt überlastet.")
        let continuation = probe.proposal(claiming: "Dämme")
        #expect(continuation?.form == .freeIndirect)
        #expect(probe.speaker(continuation) == "Die Regierung")
        // Without the reported speech before it there is no attribution to continue.
        let alone = SuggestionProbe("Der Fluss steigt weiter. Die Dämme seien schon jetzt überlastet.")
        #expect(alone.proposal(claiming: "Dämme") == nil)
    }

    /// "dürfte" and "müsste" give the writer's own estimate: a sentence with no other subjunctive
    /// after an attribution does not continue it; "müsse" (Konjunktiv I) does.
    @Test func writersEstimateDoesNotContinueAnAttribution() {
        for text in [
            "Der Deichverband sagte, die Lage sei ernst. Die Schäden dürfte erst die Versicherung im Frühjahr beziffern.",
            "Der Deichverband sagte, die Lage sei ernst. Das Land müsste dann die Kosten für die Sanierung übernehmen.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.allSatisfy { $0.form != .freeIndirect }, "\(text): \(probe.proposals.map { probe.claim($0) })")
        }
        let reported = SuggestionProbe("Der Deichverband sagte, die Lage sei ernst. Das Land müsse die Kosten für die Sanierung übernehmen.")
        let continuation = reported.proposal(claiming: "Kosten")
        #expect(continuation?.form == .freeIndirect)
        #expect(reported.speaker(continuation) == "Der Deichverband")
    }

    /// "überlegen" and "beabsichtigen" with a zu- or ob-clause: the clause is the message, the
    /// subject the source; "überlegen" as an adjective without a clause is nothing.
    @Test func deliberatingWithAClauseIsIndirectSpeech() {
        let fees = SuggestionProbe("Die Bürgermeisterin überlegt, die Gebühren für die Kitas zu senken 😊.")
        let lower = fees.proposal(claiming: "Gebühren")
        #expect(fees.speaker(lower) == "Die Bürgermeisterin", "\(fees.proposals.map { fees.claim($0) })")
        #expect(fees.cue(lower) == "überlegt")
        let union = SuggestionProbe("Die Gewerkschaft beabsichtigt, die Schlichtung „so bald wie möglich“ anzurufen.")
        #expect(union.speaker(union.proposal(claiming: "Schlichtung")) == "Die Gewerkschaft")
        let match = SuggestionProbe("Die Gäste aus Köln waren in der zweiten Hälfte klar überlegen.")
        #expect(match.proposals.isEmpty, "\(match.proposals.map { match.claim($0) })")
    }

    @Test func reportingVerbWithDassClause() {
        let probe = SuggestionProbe("Die Polizei teilte am Montag mit, dass drei Menschen verletzt worden seien.")
        let proposal = probe.proposal(claiming: "dass")
        #expect(probe.claim(proposal) == "dass drei Menschen verletzt worden seien")
        #expect(probe.cue(proposal) == "teilte … mit")
        #expect(probe.speaker(proposal) == "Die Polizei")
        #expect(proposal?.form == .indirect)
    }

    @Test func reportingVerbWithObAndWClauses() {
        let ob = SuggestionProbe("Der Richter fragte, ob die Zeugin die Wahrheit gesagt habe.")
        #expect(ob.claim(ob.proposal(claiming: "ob")) == "ob die Zeugin die Wahrheit gesagt habe")
        let w = SuggestionProbe("Die Ministerin erklärte, warum die Reform scheitern müsse.")
        #expect(w.claim(w.proposal(claiming: "warum")) == "warum die Reform scheitern müsse")
        #expect(w.speaker(w.proposal(claiming: "warum")) == "Die Ministerin")
    }

    @Test func commaClauseInKonjunktivI() {
        let probe = SuggestionProbe("Er sagte, die Lage sei ernst.")
        let proposal = probe.proposal(claiming: "Lage")
        #expect(probe.claim(proposal) == "die Lage sei ernst")
        #expect(probe.speaker(proposal) == "Er")
        #expect(probe.cue(proposal) == "sagte")
    }

    @Test func clauseBeforeTheCue() {
        let probe = SuggestionProbe("Die Verhandlungen seien gescheitert, sagte ein Sprecher des Auswärtigen Amts.")
        let proposal = probe.proposal(claiming: "Verhandlungen")
        #expect(probe.claim(proposal) == "Die Verhandlungen seien gescheitert")
        #expect(probe.speaker(proposal) == "ein Sprecher des Auswärtigen Amts")
    }

    @Test func freeIndirectSpeechContinuesTheSpeaker() {
        let probe = SuggestionProbe("Der Sprecher sagte, der Zug sei entgleist. Verletzt worden sei niemand.")
        let proposal = probe.proposal(claiming: "niemand")
        #expect(proposal?.form == .freeIndirect)
        #expect(probe.speaker(proposal) == "Der Sprecher")
        #expect(proposal?.sentence == 1)
    }

    @Test func hearsaySollIsFreeIndirectWithoutASource() {
        let probe = SuggestionProbe("Der Verdächtige soll drei Menschen bedroht haben.")
        let proposal = probe.proposals.first
        #expect(proposal?.form == .freeIndirect)
        #expect(proposal?.rule == "free-indirect.hearsay")
        #expect(proposal?.speakers.isEmpty == true)
    }

    /// A clause-initial "soll"/"sollen" is hearsay when its clause ends in "haben" or "sein" (the
    /// perfect or a state: "soll … gestohlen haben", "sollen … verletzt worden sein", "soll krank
    /// sein"); a plan or a duty ("soll im Mai eröffnet werden", "sollen einen Zuschuss bekommen")
    /// reports no one and gets no proposal.
    @Test func sollWithAPlanIsNoHearsay() {
        let stolen = SuggestionProbe("Der Nachbar soll den Wagen (einen alten Kombi) gestohlen haben.")
        #expect(stolen.proposals.first?.rule == "free-indirect.hearsay", "\(stolen.proposals.map(\.rule))")
        let hurt = SuggestionProbe("Bei dem Brand sollen zwei Feuerwehrleute verletzt worden sein.")
        #expect(hurt.proposals.first?.form == .freeIndirect)
        let ill = SuggestionProbe("Der Trainer soll schon länger krank sein.")
        #expect(ill.proposals.first?.form == .freeIndirect)
        let dead = SuggestionProbe("Bei dem Toten soll es sich um den Besitzer der Hütte handeln.")
        #expect(dead.proposals.first?.form == .freeIndirect)
        #expect(SuggestionProbe("Die neue Brücke über den Kanal soll im Mai eröffnet werden.").proposals.isEmpty)
        #expect(SuggestionProbe("Die Mieter sollen im nächsten Jahr einen Zuschuss bekommen, weil die Preise steigen.").proposals.isEmpty)
    }

    @Test func subjunctiveWithoutAnEarlierAttributionIsNoProposal() {
        #expect(SuggestionProbe("Die Lage sei ernst.").proposals.isEmpty)
    }

    /// An adverbial infinitive ("um … zu") after a verb is no message.
    @Test func umZuClauseIsNoMessage() {
        let probe = SuggestionProbe("Der Hacker gab am Montag Einzelheiten bekannt, um die Sperre zu umgehen.")
        #expect(!probe.proposals.contains { probe.claim($0).hasPrefix("um die Sperre") })
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

    /// A Konjunktiv I sentence right after an attribution continues it with its speaker; with a
    /// sentence between them that brings in someone new it is still proposed, with that new person
    /// as its speaker, not the one two sentences back (a sentence between that names no one keeps
    /// the speaker: see freeIndirectSpeechLooksBackPastASentenceAboutTheSameSpeaker).
    @Test func continuationTakesTheSpeakerOnlyFromTheSentenceBefore() {
        let next = SuggestionProbe("Die Bürgermeisterin sagte, die Lage sei ernst. Die Dämme an der Mühle seien aber „noch sicher“ 🌧️.")
        let continuation = next.proposal(claiming: "Dämme")
        #expect(continuation?.form == .freeIndirect)
        #expect(next.speaker(continuation) == "Die Bürgermeisterin", "\(next.speaker(continuation))")
        let gap = SuggestionProbe(
            "Die Bürgermeisterin sagte, die Lage sei ernst. Am Abend besuchte Landrat Uwe Brandt die Mühle. Die Dämme an der Mühle seien aber „noch sicher“ 🌧️.")
        let distant = gap.proposal(claiming: "Dämme")
        #expect(distant?.form == .freeIndirect)
        #expect(gap.speaker(distant) == "Landrat Uwe Brandt", "\(gap.speaker(distant))")
    }

    /// A run carries its speaker on: a quote right after a continuation that took the speaker
    /// takes it too, though the attribution with the speaker is two sentences back.
    @Test func speakerCarriesOnThroughARun() {
        let probe = SuggestionProbe(
            "Die Bürgermeisterin sagte, die Lage sei ernst 💪. Die Dämme an der Mühle seien aber sicher. „Die Kosten trägt das Land Bayern.“")
        #expect(probe.speaker(probe.proposal(claiming: "Dämme")) == "Die Bürgermeisterin")
        let quote = probe.proposal(claiming: "Kosten")
        #expect(quote?.form == .direct)
        #expect(probe.speaker(quote) == "Die Bürgermeisterin", "\(probe.speaker(quote))")
    }

    /// The comma clause of a reporting verb is its message only when it is a clause of its own: a
    /// date or an adverbial without a verb ("äußerte sich am Dienstag, 4. März, während …") and a
    /// second verb of the same subject ("…, erklärte aber, …") are none. A plain Konjunktiv or
    /// indicative comma clause still is.
    @Test func commaClauseMessageIsAClauseOfItsOwn() {
        let date = SuggestionProbe("Der Senator äußerte sich am Dienstag, 4. März, während einer Debatte des Stadtrats.")
        #expect(date.proposals.isEmpty, "\(date.proposals.map { date.claim($0) })")
        let second = SuggestionProbe("Die Bürgermeisterin äußerte sich nicht zu dem Bericht, erklärte aber, die Stadt werde alle Vorwürfe prüfen.")
        let message = second.proposal(claiming: "Vorwürfe")
        #expect(second.claim(message) == "die Stadt werde alle Vorwürfe prüfen", "\(second.claim(message))")
        #expect(second.cue(message) == "erklärte", "\(second.cue(message))")
        #expect(!second.proposals.contains { second.cue($0).contains("äußerte") }, "\(second.proposals.map { second.cue($0) })")
        let plain = SuggestionProbe("Der Vorsitzende warnte, die Organisatoren verfolgten eigene Ziele.")
        #expect(plain.claim(plain.proposal(claiming: "Organisatoren")) == "die Organisatoren verfolgten eigene Ziele")
    }

    /// A dass- or Konjunktiv message ends where a second finite reporting verb of the matrix
    /// subject joins on ("…, und forderte …"), which then has a message of its own; an indicative
    /// comma clause may go on with a verb of its own subject ("die Stadt plant … und fordert …").
    @Test func messageEndsBeforeASecondReportingVerb() {
        let probe = SuggestionProbe(
            "Der Landrat sagte, dass die Hilfen nicht reichten, und forderte die Länder auf, mehr Geld bereitzustellen.")
        let first = probe.proposal(claiming: "Hilfen")
        #expect(probe.claim(first) == "dass die Hilfen nicht reichten", "\(probe.claim(first))")
        let demand = probe.proposal(claiming: "bereitzustellen")
        #expect(probe.cue(demand) == "forderte … auf", "\(probe.cue(demand))")
        #expect(probe.speaker(demand) == "Der Landrat", "\(probe.speaker(demand))")
        let indicative = SuggestionProbe("Die Sprecherin sagte, die Stadt plant neue Radwege und fordert mehr Geld vom Land.")
        #expect(indicative.claim(indicative.proposal(claiming: "Radwege")) == "die Stadt plant neue Radwege und fordert mehr Geld vom Land")
    }

    /// A sentence that speaks to the reader with "du" is the page's own words, no free indirect
    /// speech continuing the attribution before, though its verb is a Konjunktiv II; a Konjunktiv II
    /// sentence about the matter still continues it.
    @Test func sentenceAddressingTheReaderIsNoFreeIndirectSpeech() {
        let reader = SuggestionProbe("Der Trainer Jonas Falk sagte, das Team sei bereit. Das könnte dich auch interessieren")
        #expect(reader.proposal(claiming: "interessieren") == nil, "\(reader.proposals.map { reader.claim($0) })")
        let matter = SuggestionProbe("Der Trainer Jonas Falk sagte, das Team sei bereit. Das Spiel gegen Nordstadt könnte aber schwierig werden.")
        let continuation = matter.proposal(claiming: "Nordstadt")
        #expect(continuation?.form == .freeIndirect)
        #expect(matter.speaker(continuation) == "Der Trainer Jonas Falk")
    }

    /// A time phrase between the reporting verb and the comma ("behauptete letzte Woche, …") leaves
    /// the comma clause its message; an object there ("bestellte den Botschafter ein, …") does not.
    @Test func timePhraseBeforeTheMessageComma() {
        let probe = SuggestionProbe("Der Bürgermeister Tim Hold behauptete letzte Woche, die Brücke bereite große Sorgen.")
        let claim = probe.proposal(claiming: "Brücke")
        #expect(claim?.form == .indirect)
        #expect(probe.cue(claim) == "behauptete", "\(probe.cue(claim))")
        #expect(probe.claim(claim) == "die Brücke bereite große Sorgen", "\(probe.claim(claim))")
        let object = SuggestionProbe("Der Minister bestellte den Botschafter ein, der Streit gehe weiter.")
        #expect(!object.proposals.contains { object.cue($0).contains("bestellte") }, "\(object.proposals.map { object.cue($0) })")
    }

    /// A comma clause opened by a relative pronoun is no message of a speech verb (the sentence
    /// stays reported speech); an article before a noun still opens one.
    @Test func relativeClauseIsNoCommaMessage() {
        let relative = SuggestionProbe("Die Firma kündigte neue Geräte an, die im Herbst erscheinen sollen.")
        #expect(!relative.proposals.contains { relative.claim($0).hasPrefix("die im Herbst") }, "\(relative.proposals.map { relative.claim($0) })")
        let article = SuggestionProbe("Der Verband warnte, die Preise für Heizöl würden im Winter weiter steigen.")
        #expect(article.claim(article.proposal(claiming: "Heizöl")).hasPrefix("die Preise"), "\(article.proposals.map { article.claim($0) })")
    }

    /// A three-word comma clause after a noun with its verb last ("…, das Netzwerke beobachtet",
    /// "…, die fähig sind") is a relative clause, no message; after the reporting verb, or in
    /// Konjunktiv I, the same shape is one.
    @Test func verbFinalRelativeClauseAfterANounIsNoMessage() {
        let noun = SuggestionProbe("Der Server fiel am Morgen aus. Darüber berichtete das Institut, das Netzwerke beobachtet.")
        #expect(!noun.proposals.contains { noun.claim($0).hasPrefix("das Netzwerke") }, "\(noun.proposals.map { noun.claim($0) })")
        let adjective = SuggestionProbe("Das kritisierten die Händler, die bereit sind.")
        #expect(!adjective.proposals.contains { adjective.claim($0).hasPrefix("die bereit") }, "\(adjective.proposals.map { adjective.claim($0) })")
        let message = SuggestionProbe("Der Sprecher sagte, die Polizei ermittle, ob Fremde beteiligt waren.")
        #expect(message.claim(message.proposal(claiming: "Polizei")).hasPrefix("die Polizei ermittle"), "\(message.proposals.map { message.claim($0) })")
    }

    /// A "wo" clause after a place or medium named by a prepositional phrase after the cue is a
    /// relative clause, no message; right after the cue it is an indirect question.
    @Test func woClauseAfterAPlaceIsNoMessage() {
        let place = SuggestionProbe("„Wir bleiben hier“, sagte die Ministerin, zitiert von der Zeitung der Partei, wo die ganze Rede abgedruckt wurde.")
        #expect(place.proposal(claiming: "abgedruckt") == nil, "\(place.proposals.map { place.claim($0) })")
        let question = SuggestionProbe("Der Journalist fragte, wo das Geld geblieben sei.")
        #expect(question.claim(question.proposal(claiming: "Geld")) == "wo das Geld geblieben sei")
    }

    /// A message ends before a clause joined by comma and conjunction that has a reporting verb of
    /// its own: verb second after "und" and a prefield, verb last after "während".
    @Test func joinedClauseWithItsOwnReportingVerbEndsTheMessage() {
        let und = SuggestionProbe("Im Mai berichteten Zeitungen, dass die Firma Verluste gemacht habe, und Anfang Juni erklärte der Vorstand, dass alles in Ordnung sei.")
        #expect(und.claim(und.proposal(claiming: "Verluste")) == "dass die Firma Verluste gemacht habe")
        let second = und.proposal(claiming: "Ordnung")
        #expect(und.claim(second) == "dass alles in Ordnung sei")
        #expect(und.speaker(second) == "der Vorstand")
        let waehrend = SuggestionProbe("Die Regierung forderte die Rebellen auf, die Waffen niederzulegen, während der Botschafter rief: „Das ist zu spät!“")
        #expect(waehrend.claim(waehrend.proposal(claiming: "Waffen")) == "die Waffen niederzulegen")
        let own = SuggestionProbe("Der Minister sagte, dass die Preise steigen, während die Löhne sinken.")
        #expect(own.claim(own.proposal(claiming: "Preise")) == "dass die Preise steigen, während die Löhne sinken")
    }

    /// A comma clause of consequence or reason after a reporting verb is no message.
    @Test func consequenceOrReasonClauseIsNoMessage() {
        let consequence = SuggestionProbe("Die Firma informierte erst spät, so dass die Kunden stundenlang warten mussten.")
        #expect(consequence.proposal(claiming: "warten mussten") == nil, "\(consequence.proposals.map { consequence.claim($0) })")
        let reason = SuggestionProbe("Der Trainer äußerte sich am Montag nicht, denn die Mannschaft hatte schlecht gespielt.")
        #expect(reason.proposal(claiming: "schlecht gespielt") == nil, "\(reason.proposals.map { reason.claim($0) })")
        let message = SuggestionProbe("Der Sprecher warnte, die Organisatoren verfolgten eigene Ziele.")
        #expect(message.claim(message.proposal(claiming: "Organisatoren")) == "die Organisatoren verfolgten eigene Ziele")
    }

    /// A zu-infinitive message ends with its infinitive: before ", was …", ", nachdem …", a
    /// semicolon or a dash; a comma inside the infinitive clause does not end it.
    @Test func infinitiveMessageEndsBeforeAClauseAboutIt() {
        for (text, claim) in [
            ("Der Minister warf dem Konzern vor, Gelder unterschlagen zu haben, was dieser jedoch bestreitet.", "Gelder unterschlagen zu haben"),
            ("Die Polizei forderte die Anwohner auf, das Gebiet sofort zu verlassen; viele blieben dennoch in ihren Häusern.", "das Gebiet sofort zu verlassen"),
            ("Die Regierung forderte die Armee auf, ihre Soldaten zurückzuholen, nachdem die Kämpfe wieder aufgeflammt waren.", "ihre Soldaten zurückzuholen"),
            ("Der Minister warf dem Konzern vor, Gelder, die für Schulen bestimmt waren, unterschlagen zu haben.", "Gelder, die für Schulen bestimmt waren, unterschlagen zu haben"),
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.contains { probe.claim($0) == claim }, "\(text): \(probe.proposals.map { probe.claim($0) })")
        }
    }

    /// A comma after a reporting verb's object that opens a list of examples ("insbesondere",
    /// "vor allem", "zum Beispiel") continues the object: no message. A plain clause after the
    /// comma still is one.
    @Test func examplesAfterTheObjectAreNoMessage() {
        let probe = SuggestionProbe(
            "Der Sprecher nannte mehrere Länder, besonders Japan und China. Der Minister lobte die Helfer, vor allem die Feuerwehr. "
                + "Die Trainerin kritisierte den Verband, zum Beispiel wenn es um die Hallen geht. "
                + "Die Ärztin warnte, die Hitze bleibe bis Sonntag.")
        #expect(probe.proposal(claiming: "Japan")?.rule != "indirect.verb-comma-clause")
        #expect(probe.proposal(claiming: "Feuerwehr")?.rule != "indirect.verb-comma-clause")
        #expect(probe.proposal(claiming: "Hallen")?.rule != "indirect.verb-comma-clause")
        #expect(probe.claim(probe.proposal(claiming: "Sonntag")) == "die Hitze bleibe bis Sonntag")
    }

    /// A comma clause whose finite verb opens its partial quote is the verb's message even when
    /// the other quoted words are stop words ("…, Jürgen Höß „war ein König für alle“").
    @Test func commaClauseWithItsVerbInsideAPartialQuote() {
        let probe = SuggestionProbe(
            "Später erklärte die Ministerin gegenüber dem Sender, Jürgen Höß „war ein König für alle“. "
                + "Danach sagte der Präsident vor der Presse, Karl Ebner „ist und bleibt ein großer Denker“.")
        let clause = probe.proposals.first { probe.text($0.claim).hasPrefix("Jürgen") }
        #expect(clause?.rule == "indirect.verb-comma-clause")
        #expect(probe.speaker(clause) == "die Ministerin")
        let other = probe.proposals.first { probe.text($0.claim).hasPrefix("Karl") }
        #expect(probe.speaker(other) == "der Präsident")
    }

    /// A verb after a comma whose prefield is no message (a relative clause ends it, or a quote
    /// stands before the comma) reports the clause after its speaker: "…, die … übertragen wurde,
    /// sagte Jördis Krämer, man werde …" is the named subject's indirect speech, not free indirect
    /// speech without a speaker.
    @Test func clauseAfterTheSpeakerOfAVerbAfterAComma() {
        let probe = SuggestionProbe(
            "In einer Rede, die am Abend im Rathaus übertragen wurde, sagte Bürgermeisterin Jördis Krämer, man werde die Brücke über die Oder rasch sanieren. "
                + "„Wir geben nicht auf“, sagte Trainerin Anke Süß, man wolle das Rückspiel in München gewinnen.")
        let bridge = probe.proposal(claiming: "Brücke")
        #expect(bridge?.rule == "indirect.verb-clause", "\(probe.proposals.map(\.rule))")
        #expect(probe.speaker(bridge) == "Bürgermeisterin Jördis Krämer")
        #expect(probe.claim(bridge) == "man werde die Brücke über die Oder rasch sanieren")
        #expect(probe.cue(bridge) == "sagte")
        let match = probe.proposal(claiming: "Rückspiel")
        #expect(match?.rule == "indirect.verb-clause", "\(probe.proposals.map(\.rule))")
        #expect(probe.speaker(match) == "Trainerin Anke Süß")
        #expect(probe.claim(match) == "man wolle das Rückspiel in München gewinnen")
        #expect(probe.speaker(probe.proposal(claiming: "geben nicht auf")) == "Trainerin Anke Süß")
    }

    /// "bekannt" after a form of "sein" is the adjective "known", not the participle of "bekennen"
    /// (whose perfect takes "haben"): "ist noch nicht bekannt, ob …" reports nothing; "war bekannt
    /// geworden, dass …" is a disclosure.
    @Test func knownAfterSeinIsNoReportingVerb() {
        let unknown = SuggestionProbe("Die Ursache des Brandes ist noch nicht bekannt, die Feuerwehr prüft die Halle. Es ist nicht bekannt, ob die Fähre überladen war.")
        #expect(unknown.proposals.isEmpty, "\(unknown.proposals.map { unknown.claim($0) })")
        let disclosed = SuggestionProbe("Zuvor war bekannt geworden, dass die Brücke über die Förde gesperrt wird.")
        #expect(disclosed.claim(disclosed.proposal(claiming: "Brücke")) == "dass die Brücke über die Förde gesperrt wird")
    }

    /// A main clause after a fronted adverbial clause that ends in a finite auxiliary ("Nachdem die
    /// Stadt die Polizei informiert hatte, wurde …") is no message of that clause's verb; a verb in a
    /// simple tense keeps its Konjunktiv I main clause ("Obwohl der Kämmerer … rechnet, sei man …").
    @Test func mainClauseAfterAFrontedClauseIsNoMessageOfItsVerb() {
        let probe = SuggestionProbe(
            "Nachdem die Stadtverwaltung die Polizei informiert hatte, wurde eine Sonderkommission für die Förde gebildet. "
                + "Falls der Bürgermeister den Plan erläutert hat, wäre über die Brücke schon abgestimmt worden. "
                + "Obwohl der Kämmerer mit höheren Einnahmen rechnet, sei man von einem ausgeglichenen Haushalt weit entfernt.")
        #expect(probe.proposal(claiming: "Sonderkommission") == nil, "\(probe.proposals.map { probe.claim($0) })")
        #expect(probe.proposal(claiming: "abgestimmt") == nil, "\(probe.proposals.map { probe.claim($0) })")
        #expect(probe.speaker(probe.proposal(claiming: "ausgeglichenen Haushalt")) == "der Kämmerer")
    }
}
