import Testing

@testable import Annotations

/// Each rule on hand-made German news sentences.
@Suite struct SuggestionRuleTests {
    @Test(arguments: [
        ("„Die Lage ist ernst“, sagte der Minister.", "„Die Lage ist ernst“"),
        ("»Die Lage ist ernst«, sagte der Minister.", "»Die Lage ist ernst«"),
        ("«Die Lage ist ernst», sagte der Minister.", "«Die Lage ist ernst»"),
        ("”Die Lage ist ernst”, sagte der Minister.", "”Die Lage ist ernst”"),
        ("\"Die Lage ist ernst\", sagte der Minister.", "\"Die Lage ist ernst\""),
    ])
    func directQuoteInEveryQuoteStyle(text: String, quote: String) {
        let probe = SuggestionProbe(text)
        let proposal = probe.proposal(claiming: "Lage")
        #expect(probe.claim(proposal) == quote)
        #expect(probe.cue(proposal) == "sagte")
        #expect(probe.speaker(proposal) == "der Minister")
        #expect(proposal?.form == .direct)
        #expect(proposal?.rule == "direct.quote-then-cue")
    }

    @Test func speakerAndCueBeforeTheQuote() {
        let probe = SuggestionProbe("US-Verteidigungsminister Lloyd Austin sagte: „Wir stehen an der Seite der Ukraine.“")
        let proposal = probe.proposal(claiming: "Ukraine")
        #expect(probe.speaker(proposal) == "US-Verteidigungsminister Lloyd Austin")
        #expect(probe.cue(proposal) == "sagte")
        #expect(probe.claim(proposal) == "„Wir stehen an der Seite der Ukraine.“")
    }

    @Test func soAfterTheQuote() {
        let probe = SuggestionProbe("„Wir werden nicht nachgeben“, so die Sprecherin der Gewerkschaft.")
        let proposal = probe.proposal(claiming: "nachgeben")
        #expect(probe.cue(proposal) == "so")
        #expect(probe.speaker(proposal) == "die Sprecherin der Gewerkschaft")
    }

    @Test func quoteOverSeveralSentences() {
        let probe = SuggestionProbe("Der Bürgermeister sagte: „Wir haben alles versucht. Es hat nicht gereicht. Jetzt müssen wir neu anfangen.“ Danach ging er.")
        let proposal = probe.proposal(claiming: "versucht")
        #expect(probe.claim(proposal) == "„Wir haben alles versucht. Es hat nicht gereicht. Jetzt müssen wir neu anfangen.“")
        #expect(proposal?.sentence == 0)
        #expect(probe.speaker(proposal) == "Der Bürgermeister")
    }

    @Test func partialQuoteInsideASentence() {
        let probe = SuggestionProbe("Die Opposition kritisierte die Pläne als „völlig unausgegoren und gefährlich“ und kündigte Widerstand an.")
        let proposal = probe.proposals.first { $0.form == .direct }
        #expect(probe.claim(proposal) == "„völlig unausgegoren und gefährlich“")
        #expect(probe.speaker(proposal) == "Die Opposition")
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

    @Test func cueTakesTheCorrelateBeforeTheDassClause() {
        let probe = SuggestionProbe("Der Minister verwies darauf, dass die Kassen leer seien.")
        let proposal = probe.proposal(claiming: "Kassen")
        #expect(probe.cue(proposal) == "verwies darauf")
        #expect(probe.claim(proposal) == "dass die Kassen leer seien")
        #expect(probe.speaker(proposal) == "Der Minister")
    }

    @Test func perfectCueTakesTheReflexive() {
        let probe = SuggestionProbe("Die Ministerin hat sich besorgt geäußert, dass die Preise weiter steigen könnten.")
        let proposal = probe.proposal(claiming: "Preise")
        #expect(probe.cue(proposal) == "hat sich … geäußert")
        #expect(probe.speaker(proposal) == "Die Ministerin")
    }

    @Test func impersonalPassiveCueTakesEs() {
        let probe = SuggestionProbe("Es wird befürchtet, dass die Zahl der Toten weiter steigt.")
        let proposal = probe.proposal(claiming: "Toten")
        #expect(probe.cue(proposal) == "Es wird befürchtet")
        #expect(probe.claim(proposal) == "dass die Zahl der Toten weiter steigt")
    }

    @Test func quoteThenAuxiliaryAndParticipleCue() {
        let probe = SuggestionProbe("„Wir setzen die Mission fort“, wird Panetta zitiert.")
        let proposal = probe.proposal(claiming: "Mission")
        #expect(probe.cue(proposal) == "wird … zitiert")
        #expect(probe.speaker(proposal) == "Panetta")
        #expect(proposal?.rule == "direct.quote-then-cue")
    }

    @Test func heisstEsBeforeAColonQuote() {
        let probe = SuggestionProbe("In der Erklärung der Regierung heißt es: „Wir werden alle Hilfe leisten.“")
        let proposal = probe.proposal(claiming: "Hilfe")
        #expect(probe.cue(proposal) == "heißt es")
        #expect(probe.speaker(proposal) == "der Erklärung der Regierung")
        #expect(proposal?.rule == "direct.heisst-es-colon-quote")
    }

    @Test func lautenBeforeAColonQuote() {
        let probe = SuggestionProbe("Die Antwort des Ministers lautete: „Das ist nicht verhandelbar.“")
        let proposal = probe.proposal(claiming: "verhandelbar")
        #expect(probe.cue(proposal) == "lautete")
        #expect(proposal?.rule == "direct.cue-colon-quote")
    }

    @Test func appositionSubjectBeforeAnAuxiliary() {
        let probe = SuggestionProbe("Der Vertreter der Arbeitgeber, Peter Clever, hat in einem Interview gefordert, dass der Datenschutz gelockert werde.")
        let proposal = probe.proposal(claiming: "Datenschutz")
        #expect(probe.cue(proposal) == "hat … gefordert")
        #expect(probe.speaker(proposal) == "Der Vertreter der Arbeitgeber, Peter Clever")
    }

    @Test func aQuoteAloneInheritsASpeakerOnlyFromTheLastTwoSentences() {
        let near = SuggestionProbe("Der Minister sagte, die Lage sei ernst. „Wir müssen jetzt sofort und gemeinsam handeln, um Schlimmeres zu verhindern.“")
        #expect(near.speaker(near.proposal(claiming: "handeln")) == "Der Minister")
        let far = SuggestionProbe(
            "Der Minister sagte, die Lage sei ernst. Das Wetter war gut. Die Straßen waren voll. Viele Menschen kamen. "
                + "„Wir müssen jetzt sofort und gemeinsam handeln, um Schlimmeres zu verhindern.“")
        #expect(far.speaker(far.proposal(claiming: "handeln")) == "")
    }

    @Test func wieSpeakerVerb() {
        let probe = SuggestionProbe("Wie das Innenministerium mitteilte, wurden die Grenzkontrollen verschärft.")
        let proposal = probe.proposal(claiming: "Grenzkontrollen")
        #expect(probe.cue(proposal) == "Wie … mitteilte")
        #expect(probe.speaker(proposal) == "das Innenministerium")
        #expect(probe.claim(proposal) == "wurden die Grenzkontrollen verschärft")
    }

    @Test(arguments: [
        ("Die Gewerkschaft kritisierte die Entscheidung.", "Die Gewerkschaft"),
        ("Der Verband warnte vor steigenden Preisen.", "Der Verband"),
        ("Die Opposition forderte den Rücktritt des Ministers.", "Die Opposition"),
    ])
    func reportedSpeech(text: String, speaker: String) {
        let probe = SuggestionProbe(text)
        let proposal = probe.proposals.first
        #expect(proposal?.form == .reported)
        #expect(probe.speaker(proposal) == speaker)
        #expect(probe.claim(proposal) == text)
        #expect(proposal?.cue.isEmpty == true)
    }

    @Test func severalSpeakers() {
        let probe = SuggestionProbe("Frankreich und Deutschland forderten, die Sanktionen müssten verschärft werden.")
        let proposal = probe.proposal(claiming: "Sanktionen")
        #expect(proposal?.speakers.count == 2)
        #expect(proposal.map { $0.speakers.map(probe.text) } == ["Frankreich", "Deutschland"])
    }

    @Test func pronounLinksToTheMostRecentNamedSpeaker() {
        let probe = SuggestionProbe("Kanzlerin Angela Merkel sagte, die Regierung sei handlungsfähig. Später betonte sie, es gebe keinen Streit.")
        let proposal = probe.proposal(claiming: "Streit")
        #expect(probe.speaker(proposal) == "sie")
        #expect(proposal.map { probe.text($0.antecedent) } == "Kanzlerin Angela Merkel")
    }

    @Test func discontinuousCuesOfParticleVerbs() {
        let hinzu = SuggestionProbe("„Das ist ein guter Tag“, fügte der Trainer hinzu.")
        #expect(hinzu.cue(hinzu.proposal(claiming: "Tag")) == "fügte … hinzu")
        let zurueck = SuggestionProbe("Der Konzern wies die Vorwürfe am Dienstag zurück, sie seien haltlos.")
        #expect(zurueck.cue(zurueck.proposal(claiming: "haltlos")) == "wies … zurück")
    }

    @Test func addresseeOfVorwerfen() {
        let probe = SuggestionProbe("Peking warf Washington vor, den Konflikt zu schüren.")
        let proposal = probe.proposal(claiming: "Konflikt")
        #expect(probe.cue(proposal) == "warf … vor")
        #expect(probe.speaker(proposal) == "Peking")
        #expect(proposal.map { probe.text($0.addressee) } == "Washington")
    }

    @Test func freeIndirectSpeechContinuesTheSpeaker() {
        let probe = SuggestionProbe("Der Sprecher sagte, der Zug sei entgleist. Verletzt worden sei niemand.")
        let proposal = probe.proposal(claiming: "niemand")
        #expect(proposal?.form == .freeIndirect)
        #expect(probe.speaker(proposal) == "Der Sprecher")
        #expect(proposal?.sentence == 1)
    }

    @Test func offsetsCountUnicodeScalarsWithUmlautsAndEmoji() {
        let text = "🇪🇺 Ä: „Öl wird knapp“, sagte Jürgen Müller."
        let probe = SuggestionProbe(text)
        let proposal = probe.proposal(claiming: "Öl")
        #expect(probe.claim(proposal) == "„Öl wird knapp“")
        #expect(probe.speaker(proposal) == "Jürgen Müller")
        let scalars = Array(text.unicodeScalars)
        let start = proposal?.claim.first?.start ?? 0
        #expect(scalars[start] == "„")
    }

    @Test func scareQuotesAroundANameAreNoProposal() {
        let probe = SuggestionProbe("Die Fähre „Eagle“ legte am Morgen ab.")
        #expect(probe.proposals.isEmpty)
    }
}

/// Speaker phrases: appositions, titles, datives, dashes.
@Suite struct SuggestionSpeakerTests {
    @Test func appositionBeforeTheCue() {
        let probe = SuggestionProbe("Der Chef des Verwaltungsrats, Ulrich Müller, sagte, die Firma sei gesund.")
        let proposal = probe.proposal(claiming: "Firma")
        #expect(probe.speaker(proposal) == "Der Chef des Verwaltungsrats, Ulrich Müller")
        #expect(probe.claim(proposal) == "die Firma sei gesund")
    }

    @Test func appositionAfterTheCue() {
        let probe = SuggestionProbe("„Wir sind zufrieden“, sagte der Vorsitzende des Verbandes, Elmar Gesse.")
        #expect(probe.speaker(probe.proposal(claiming: "zufrieden")) == "der Vorsitzende des Verbandes, Elmar Gesse")
    }

    @Test func dativeAddresseeBeforeTheComma() {
        let probe = SuggestionProbe("Der Sprecher der Polizei sagte der Zeitung, die Lage sei ruhig.")
        let proposal = probe.proposal(claiming: "Lage")
        #expect(proposal.map { probe.text($0.addressee) } == "der Zeitung")
        #expect(probe.speaker(proposal) == "Der Sprecher der Polizei")
    }

    @Test func gegenueberAddressee() {
        let probe = SuggestionProbe("„Das war ein Fehler“, sagte die Ministerin gegenüber dem Sender.")
        #expect(probe.proposal(claiming: "Fehler").map { probe.text($0.addressee) } == "dem Sender")
    }

    @Test func zufolgeWithDashes() {
        let probe = SuggestionProbe("Dem Anwalt seiner Familie – Rainer Wittner – zufolge ist er unschuldig.")
        let proposal = probe.proposal(claiming: "unschuldig")
        #expect(probe.speaker(proposal) == "Dem Anwalt seiner Familie – Rainer Wittner")
        #expect(probe.claim(proposal) == "ist er unschuldig")
    }

    @Test func numberCompoundIsANoun() {
        let probe = SuggestionProbe("Der 81-jährige erklärte, er habe nichts gewusst.")
        #expect(probe.speaker(probe.proposal(claiming: "gewusst")) == "Der 81-jährige")
    }

    @Test func partialQuoteInsideIndirectSpeechKeepsBoth() {
        let probe = SuggestionProbe("Karsai sagte, Afghanistan sei ein „Opfer des Terrorismus“.")
        #expect(probe.claim(probe.proposals.first { $0.form != .direct }) == "Afghanistan sei ein „Opfer des Terrorismus“")
        #expect(probe.claim(probe.proposals.first { $0.form == .direct }) == "„Opfer des Terrorismus“")
    }

    @Test func modalAndInfinitiveFormOneCue() {
        let probe = SuggestionProbe("Der Minister musste einräumen, dass die Zahlen falsch seien.")
        #expect(probe.cue(probe.proposal(claiming: "Zahlen")) == "musste einräumen")
    }
}

@Suite struct SuggestionHearsayTests {
    @Test func hearsaySollIsFreeIndirectWithoutASource() {
        let probe = SuggestionProbe("Der Verdächtige soll drei Menschen bedroht haben.")
        let proposal = probe.proposals.first
        #expect(proposal?.form == .freeIndirect)
        #expect(proposal?.rule == "free-indirect.hearsay")
        #expect(proposal?.speakers.isEmpty == true)
    }

    @Test func subjunctiveWithoutAnEarlierAttributionIsNoProposal() {
        #expect(SuggestionProbe("Die Lage sei ernst.").proposals.isEmpty)
    }
}

@Suite struct SuggestionRegressionTests {
    /// A quote with its own cue inside another proposal's claim keeps its own cue and speaker.
    @Test func quoteAfterColonInsideAnotherClaimKeepsItsCue() {
        let probe = SuggestionProbe(
            "Die Vereinigten Staaten forderten Nordkorea auf, die Truppen abzuziehen, während der Botschafter rief: „Das sind einfache Behauptungen“.")
        let quote = probe.proposals.first { $0.form == .direct }
        #expect(probe.cue(quote) == "rief")
        #expect(probe.speaker(quote) == "der Botschafter")
    }

    @Test func quoteContinuingThePreviousSpeakerTakesItsCue() {
        let probe = SuggestionProbe("„Der Bär ist zu einem Problem geworden“, so der Minister. „Er ist außer Rand und Band.“")
        let proposal = probe.proposal(claiming: "Rand")
        #expect(proposal?.rule == "direct.quote-previous-speaker")
        #expect(probe.speaker(proposal) == "der Minister")
        #expect(probe.cue(proposal) == "so")
        #expect(probe.claim(proposal) == "„Er ist außer Rand und Band.“")
    }

    @Test func heisstEsAfterFreeIndirectSpeechIsItsCue() {
        let probe = SuggestionProbe("Die Ärztin sagte, die Lage sei ernst. Die Versorgung der Kranken sei nicht mehr gesichert, hieß es.")
        let proposal = probe.proposal(claiming: "Versorgung")
        #expect(proposal?.rule == "free-indirect.subjunctive-continuation")
        #expect(probe.cue(proposal) == "hieß es")
        #expect(probe.speaker(proposal) == "Die Ärztin")
    }

    @Test func subjectBeforeTheVerbKeepsItsPrepositionalAttribute() {
        let probe = SuggestionProbe("Die Leiterin der Fachstelle für Suchtvorbeugung sagte, die Zahlen seien gestiegen.")
        let proposal = probe.proposal(claiming: "Zahlen")
        #expect(probe.speaker(proposal) == "Die Leiterin der Fachstelle für Suchtvorbeugung")
        #expect(probe.cue(proposal) == "sagte")
    }

    /// A short quote of capitalised words joined by "von", "und" … is a name, not a partial quote,
    /// also at the start of a sentence and after a comma.
    @Test(arguments: [
        "„Radio Neustadt“ berichtet über den Streik der Busfahrer.",
        "Ein Sprecher der „Polizei von Neustadt“ kündigte weitere Kontrollen an.",
        "Das „Amt für Umwelt und Verkehr“ bestätigte die Messwerte.",
    ])
    func quotedNameIsNoPartialQuote(text: String) {
        let probe = SuggestionProbe(text)
        #expect(!probe.proposals.contains { $0.form == .direct })
    }

    /// A pronominal adverb before a participle or a clause-final verb belongs to the cue.
    @Test func correlateBeforeTheParticipleJoinsTheCue() {
        let probe = SuggestionProbe("Die Behörde hat darauf hingewiesen, dass die Straße gesperrt bleibe.")
        #expect(probe.cue(probe.proposal(claiming: "Straße")) == "hat darauf hingewiesen")
    }

    /// "halten … für" takes its adjective and the correlate "es" into the cue.
    @Test func haltenFuerTakesItsAdjective() {
        let probe = SuggestionProbe("Der Minister hält es für möglich, dass die Wahl verschoben wird.")
        #expect(probe.cue(probe.proposal(claiming: "Wahl")) == "hält es für möglich")
    }

    /// An adverbial before the finite verb is no speaker: the subject follows the verb.
    @Test(arguments: [
        ("Als Begründung gab er an, die Lage sei ernst.", "er"),
        ("Bislang gingen die Forscher davon aus, dass der Mond älter sei.", "die Forscher"),
        ("Sinngemäß erklärte die Ministerin, die Gespräche seien gescheitert.", "die Ministerin"),
    ])
    func adverbialPrefieldLeavesTheSubjectAfterTheVerb(text: String, speaker: String) {
        let probe = SuggestionProbe(text)
        let proposal = probe.proposals.first { $0.form == .indirect }
        #expect(probe.speaker(proposal) == speaker)
    }

    @Test func nameInsideAPrepositionalSourceStaysWhole() {
        let probe = SuggestionProbe("Die Brücke sei gesperrt, Angaben des Instituts von Neustadt zufolge.")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "Angaben des Instituts von Neustadt")
        let plural = SuggestionProbe("Die Lage sei nach Berichten britischer Zeitungen ernst.")
        #expect(plural.speaker(plural.proposal(claiming: "Lage")) == "Berichten britischer Zeitungen")
    }

    /// The subject before the verb survives a focus particle, an apposition and a relative clause.
    @Test(arguments: [
        ("Auch der Außenminister nannte die Pläne „völlig verfehlt“.", "der Außenminister"),
        ("Lothar Berger, Sprecher der Stadt Neustadt, sprach von einer „Gefahr für die Anwohner“.", "Lothar Berger, Sprecher der Stadt Neustadt"),
        ("Maria Huber, die das Projekt leitet, sagte, die Arbeiten seien abgeschlossen.", "Maria Huber"),
    ])
    func subjectBeforeParticleAppositionOrRelativeClause(text: String, speaker: String) {
        let probe = SuggestionProbe(text)
        #expect(probe.speaker(probe.proposals.first { $0.form != .freeIndirect }) == speaker)
    }

    /// A speaker phrase stops before the claim's quote.
    @Test func speakerHoldsNoWordOfItsClaim() {
        let probe = SuggestionProbe("Zuletzt äußerten die Richter „gravierende rechtliche Bedenken“ gegen das Gesetz.")
        let proposal = probe.proposals.first { $0.form == .direct }
        #expect(probe.claim(proposal) == "„gravierende rechtliche Bedenken“")
        #expect(probe.speaker(proposal) == "die Richter")
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

    /// Newer lexicon entries, through the particle and strong-verb rules.
    @Test(arguments: [
        ("Die Richter stellten im Urteil klar, dass die Strafe zu hoch gewesen sei.", "stellten … klar"),
        ("Der Sprecher schloss nicht aus, dass weitere Stellen wegfallen.", "schloss … aus"),
        ("Die Grünen plädierten dafür, die Frist zu verlängern.", "plädierten dafür"),
    ])
    func particleAndStrongVerbsFromTheLexicon(text: String, cue: String) {
        let probe = SuggestionProbe(text)
        #expect(probe.cue(probe.proposals.first) == cue)
    }

    /// The auxiliary of a participle is found across numbers and brackets, and adverbs between the
    /// verb and a subject after it are skipped.
    @Test func auxiliaryAcrossNumbersAndSubjectAfterAdverbs() {
        let probe = SuggestionProbe("Am Freitag hatte Verlagsleiter Peter Kurz den 18 Mitarbeitern erklärt, dass die Zeitung eingestellt werde.")
        let proposal = probe.proposal(claiming: "Zeitung")
        #expect(probe.cue(proposal) == "hatte … erklärt")
        #expect(probe.speaker(proposal) == "Verlagsleiter Peter Kurz")
        let adverb = SuggestionProbe("Am Abend meldeten dann die Nachrichten des Senders, der Kandidat habe aufgegeben.")
        #expect(adverb.speaker(adverb.proposal(claiming: "Kandidat")) == "die Nachrichten des Senders")
    }

    /// A quote after a colon with no reporting verb takes the subject of the clause before it.
    @Test func quoteAfterColonWithoutVerbTakesTheSubject() {
        let probe = SuggestionProbe("Der Innenminister zeigte sich tief besorgt: „So etwas hat es hier noch nie gegeben.“")
        let proposal = probe.proposal(claiming: "nie gegeben")
        #expect(probe.speaker(proposal) == "Der Innenminister")
        #expect(proposal?.rule == "direct.speaker-colon-quote")
        #expect(probe.cue(proposal) == "zeigte sich")
    }

    /// The reporting verb before a colon may stand before an apposition of the speaker.
    @Test func verbBeforeAppositionAndColon() {
        let probe = SuggestionProbe("In einem Interview sagte Jon Miller, Gründer der Band: „Ich spiele nicht für Geld.“")
        let proposal = probe.proposal(claiming: "Geld")
        #expect(probe.cue(proposal) == "sagte")
        #expect(probe.speaker(proposal).hasPrefix("Jon Miller"))
    }

    /// In the passive the subject is no speaker; the agent after "von" is.
    @Test func passiveCueTakesTheAgentNotTheSubject() {
        let probe = SuggestionProbe("Dem Minister wurde vorgeworfen, die Akten vernichtet zu haben.")
        let proposal = probe.proposal(claiming: "Akten")
        #expect(probe.cue(proposal) == "wurde vorgeworfen")
        #expect(proposal?.speakers.isEmpty == true)
        let agent = SuggestionProbe("Die Stadt wurde vom Landesverband aufgefordert, die Gebühren zu senken.")
        #expect(agent.speaker(agent.proposal(claiming: "Gebühren")) == "Landesverband")
        let quoted = SuggestionProbe("„Wir bleiben“, wird der Trainer zitiert.")
        #expect(quoted.speaker(quoted.proposal(claiming: "bleiben")) == "der Trainer")
    }

    /// A partial quote takes the reporting verb nearest to it.
    @Test func partialQuoteTakesTheNearestVerb() {
        let probe = SuggestionProbe("Die Ministerin lobte die Helfer und sprach von einem „großen Erfolg“.")
        let proposal = probe.proposals.first { $0.form == .direct }
        #expect(probe.cue(proposal) == "sprach von")
    }

    /// An adverbial infinitive ("um … zu") after a verb is no message.
    @Test func umZuClauseIsNoMessage() {
        let probe = SuggestionProbe("Der Hacker gab am Montag Einzelheiten bekannt, um die Sperre zu umgehen.")
        #expect(!probe.proposals.contains { probe.claim($0).hasPrefix("um die Sperre") })
    }

    /// A quoted name before the verb is the speaker.
    @Test func quotedNameBeforeTheVerbIsTheSpeaker() {
        let probe = SuggestionProbe("„Radio Neustadt“ berichtet, dass die Brücke gesperrt sei.")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "„Radio Neustadt“")
    }

    /// A short time adverbial before the verb is no subject.
    @Test func timeAdverbialIsNoSpeaker() {
        let probe = SuggestionProbe("Letzte Woche erklärte die Ministerin, die Schule werde geschlossen.")
        #expect(probe.speaker(probe.proposal(claiming: "Schule")) == "die Ministerin")
    }

    /// "Wie X, apposition, mitteilte, …": the apposition's commas do not end the wie-clause.
    @Test func wieClauseWithAnApposition() {
        let probe = SuggestionProbe("Wie der Sprecher der Stadt, Peter Kurz, am Montag mitteilte, bleibt die Brücke gesperrt.")
        let proposal = probe.proposal(claiming: "Brücke")
        #expect(probe.cue(proposal) == "Wie … mitteilte")
        #expect(probe.speaker(proposal) == "der Sprecher der Stadt, Peter Kurz")
        #expect(probe.claim(proposal) == "bleibt die Brücke gesperrt")
    }
}
