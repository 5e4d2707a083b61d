import Testing

@testable import Annotations

/// Reported speech: a speech-act verb with a plain object ("kritisierte die Entscheidung", "warnte vor …"),
/// judgements and stances, the passive agent, addressees, and verbs that name no speech act.
@Suite struct SuggestionReportedSpeechTests {
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

    /// "fordern" with the dead or injured as object is an event claiming lives, not reported speech.
    @Test func eventClaimingLivesIsNoReportedSpeech() {
        #expect(SuggestionProbe("Der Anschlag forderte am Morgen acht Todesopfer.").proposals.isEmpty)
        let demand = SuggestionProbe("Die Gewerkschaft forderte höhere Löhne.")
        #expect(demand.proposals.first?.form == .reported)
        #expect(demand.speaker(demand.proposals.first) == "Die Gewerkschaft")
    }

    /// "erwägen" names a speech act with a plain object: reported speech of its subject.
    @Test func consideringIsASpeechAct() {
        let city = SuggestionProbe("Die Stadt Düsseldorf erwog eine Klage gegen den Flughafenbetreiber 🛫.")
        let lawsuit = city.proposal(claiming: "Klage")
        #expect(lawsuit?.form == .reported, "\(city.proposals.map { city.claim($0) })")
        #expect(city.speaker(lawsuit) == "Die Stadt Düsseldorf")
        let ministry = SuggestionProbe("Das Ministerium erwägt eine Änderung der Förderrichtlinien für Bürgerbäder.")
        #expect(ministry.speaker(ministry.proposal(claiming: "Änderung")) == "Das Ministerium")
        // With a comma clause the clause is the message, as for the other reporting verbs.
        let clause = SuggestionProbe("Der Verein erwägt, gegen das Urteil des Sportgerichts Einspruch einzulegen.")
        let appeal = clause.proposal(claiming: "Einspruch")
        #expect(clause.speaker(appeal) == "Der Verein")
        #expect(clause.claim(appeal) == "gegen das Urteil des Sportgerichts Einspruch einzulegen", "\(clause.claim(appeal))")
    }

    /// "voraus|sagen" is a reporting verb: with a dass-clause it is indirect speech, with a plain
    /// object reported speech of the subject before it.
    @Test func forecastIsASpeechAct() {
        let reported = SuggestionProbe("Die Meteorologen sagten für das Wochenende weitere Regenfälle voraus ⛈️.")
        let forecast = reported.proposal(claiming: "Regenfälle")
        #expect(forecast?.form == .reported, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(forecast) == "Die Meteorologen", "\(reported.speaker(forecast))")
        let indirect = SuggestionProbe("Der Wetterdienst sagte voraus, dass die Pegel der Flüsse bis Montag steigen würden.")
        let clause = indirect.proposal(claiming: "Pegel")
        #expect(clause?.form == .indirect)
        #expect(indirect.speaker(clause) == "Der Wetterdienst")
        #expect(indirect.cue(clause).contains("voraus"), "\(indirect.cue(clause))")
    }

    /// "fürchten" with a plain object is reported speech of its subject; with a dass-clause it
    /// stays indirect speech.
    @Test func fearWithAnObjectIsReportedSpeech() {
        let reported = SuggestionProbe("Die Anwohner fürchten höhere Mieten in der Südstadt.")
        let fear = reported.proposal(claiming: "Mieten")
        #expect(fear?.form == .reported, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(fear) == "Die Anwohner", "\(reported.speaker(fear))")
        let indirect = SuggestionProbe("Die Händler fürchten, dass die Kundschaft „ausbleibt“.")
        let clause = indirect.proposal(claiming: "Kundschaft")
        #expect(clause?.form != .reported)
        #expect(indirect.speaker(clause) == "Die Händler")
    }

    /// "auf|fordern" with an object and a "zu" phrase but no message clause is reported speech of
    /// its subject; with a zu-infinitive after the comma that clause is the message as before.
    @Test func summonsWithoutAClauseIsReportedSpeech() {
        let reported = SuggestionProbe("Die Europäische Union hat die Regierung von Myanmar erneut zur Zusammenarbeit aufgefordert.")
        let summons = reported.proposal(claiming: "Myanmar")
        #expect(summons?.form == .reported, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(summons) == "Die Europäische Union", "\(reported.speaker(summons))")
        let indirect = SuggestionProbe("Die Polizei forderte die Anwohner auf, die Fenster geschlossen zu halten.")
        let clause = indirect.proposal(claiming: "Fenster")
        #expect(clause?.form == .indirect)
        #expect(indirect.speaker(clause) == "Die Polizei")
        // An event that "fordert" lives is still no speech act.
        let storm = SuggestionProbe("Der Sturm forderte in Südfrankreich drei Tote.")
        #expect(storm.proposals.isEmpty, "\(storm.proposals.map(\.rule))")
    }

    @Test(arguments: [
        ("Die Gewerkschaft kritisierte die Entscheidung.", "Die Gewerkschaft"),
        ("Die Gewerkschaft kritisierte die Entscheidung als Fehler.", "Die Gewerkschaft"),
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

    @Test func addresseeOfVorwerfen() {
        let probe = SuggestionProbe("Peking warf Washington vor, den Konflikt zu schüren.")
        let proposal = probe.proposal(claiming: "Konflikt")
        #expect(probe.cue(proposal) == "warf … vor")
        #expect(probe.speaker(proposal) == "Peking")
        #expect(proposal.map { probe.text($0.addressee) } == "Washington")
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

    /// "berichten von", "bezeichnen … als", "vorwerfen", "ausgehen von", "anregen",
    /// "werten … als", "beziffern … auf", "einstufen … als" name a speech act with a plain object.
    @Test func speechActVerbsWithAnObjectAreReportedSpeech() {
        let cases: [(String, String)] = [
            ("Der Rundfunk berichtet von einem schweren Unwetter über dem Meer.", "Der Rundfunk"),
            ("Die Partei bezeichnete die Anschläge als Selbstverteidigung.", "Die Partei"),
            ("Die Behörden werfen dem Händler Betrug vor.", "Die Behörden"),
            ("Die Polizei geht von einem Suizid aus.", "Die Polizei"),
            ("Ein Sprecher der Union regte eine Gipfelkonferenz zu den Vorfällen an.", "Ein Sprecher der Union"),
            ("Beobachter werten den Sieg als Erfolg für die gemäßigten Kräfte.", "Beobachter"),
            ("Ein Wissenschaftler der Universität bezifferte den Schaden auf 50 Millionen Euro.", "Ein Wissenschaftler der Universität"),
            ("Das Gericht stufte den Verfasser als Querulanten ein.", "Das Gericht"),
        ]
        for (text, speaker) in cases {
            let probe = SuggestionProbe(text)
            let reported = probe.proposals.first { $0.form == .reported }
            #expect(probe.speaker(reported) == speaker, "\(text)")
        }
    }

    @Test func judgementsWithTheirPrepositionAreReportedSpeech() {
        for (text, speaker) in [
            ("Analysten halten einen Preis von 60 Euro je Unze für wahrscheinlich 📈.", "Analysten"),
            ("Der Verband rechnet für das Jahr 2027 mit einem Umsatz von einer Milliarde Euro.", "Der Verband"),
            ("Die Grünen plädieren für eine Öffnung der Brücke über die Neiße.", "Die Grünen"),
            ("So riet die Ärztin den Schülern zu mehr Bewegung 🏃.", "die Ärztin"),
            ("Als Grund nannte die Bürgermeisterin die hohen Kosten der Brücke 🌉.", "die Bürgermeisterin"),
            ("Der Minister nannte den Beschluss einen fairen Kompromiss.", "Der Minister"),
        ] {
            let probe = SuggestionProbe(text)
            let reported = probe.proposals.first { $0.form == .reported }
            #expect(reported != nil, "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(reported) == speaker, "\(text): \(probe.speaker(reported))")
        }
    }

    /// Without its preposition the verb names no speech act ("hält die Brücke", "rechnet die
    /// Kosten aus"), and "nennen" with a quoted name leaves the sentence to the quote rules.
    @Test func noReportedSpeechWithoutThePrepositionOrWithAQuotedName() {
        for text in [
            "Die Polizei hält die Brücke über die Neiße seit Montag geschlossen.",
            "Der Kämmerer rechnete die Kosten der Brücke noch einmal nach.",
            "Der Regionalzug hält für zwei Minuten in Görlitz 🚆.",
            "Der Trainer nannte die Entscheidung des Schiedsrichters „völlig verfehlt“ 😠.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(!probe.proposals.contains { $0.form == .reported }, "\(text): \(probe.proposals.map(\.rule))")
        }
    }

    /// The finite verb second after an adverbial ("Zudem", "Für die Schüler") and its subject right
    /// after it: the sentence is reported speech with that subject as its source.
    @Test func reportedSpeechWithTheSubjectAfterTheVerb() {
        for (text, speaker) in [
            ("Zudem forderte die Bürgermeisterin höhere Zuschüsse für die Brücke über die Neiße 🌉.", "die Bürgermeisterin"),
            ("Für die Schüler in Görlitz verlangt Ministerin Jäger ebenfalls größere Räume.", "Ministerin Jäger"),
            ("Außerdem regte ein Sprecher der Stadtwerke eine Prüfung der Gebühren an 💡.", "ein Sprecher der Stadtwerke"),
        ] {
            let probe = SuggestionProbe(text)
            let reported = probe.proposals.first { $0.form == .reported }
            #expect(reported != nil, "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(reported).hasPrefix(speaker), "\(text): \(probe.speaker(reported))")
        }
    }

    /// No reported speech when the phrase after the verb names a matter, not a speaker ("die
    /// Entscheidung"), or when a colon introduces the content the quote rules take („…“).
    @Test func noReportedSpeechAfterTheVerbForAMatterOrAColon() {
        let matter = SuggestionProbe("Am Montag kritisierte die Entscheidung über die Brücke kaum jemand in Görlitz.")
        #expect(!matter.proposals.contains { $0.form == .reported }, "\(matter.proposals.map { matter.speaker($0) })")
        let colon = SuggestionProbe("Dazu forderte der Verband: „Die Brücke über die Neiße muss schnell öffnen 🚧.“")
        #expect(!colon.proposals.contains { $0.form == .reported }, "\(colon.proposals.map(\.rule))")
    }

    /// "würdigen", "bedauern", "bestätigen" and "ablehnen" with a plain object take a stance on
    /// something already given (a person's work, a decision, a report, a request) and render no
    /// content of their own, so they are no reported speech ("Der Verband bestätigte den Vorfall");
    /// with a clause they still report it ("bestätigte, dass …").
    @Test(arguments: [
        "Die Bürgermeisterin würdigte die Helferinnen für ihren Einsatz beim Hochwasser 🌊.",
        "Der Präsident bedauerte die Entscheidung des Gerichts in Köln.",
        "Der Verband bestätigte den Vorfall am Montag gegenüber der „Süddeutschen Zeitung“.",
        "Die Stadt lehnte den Antrag der Bürgerinitiative „Grünes Ufer“ ab.",
    ])
    func stanceVerbWithAPlainObjectIsNoReportedSpeech(text: String) {
        let probe = SuggestionProbe(text)
        #expect(!probe.proposals.contains { $0.form == .reported }, "\(probe.proposals.map(\.rule))")
    }

    /// With a clause the same verbs report it, and a verb that names a speech act keeps its
    /// reported speech ("Die Gewerkschaft kritisierte die Pläne als überstürzt").
    @Test func stanceVerbWithAClauseStillReports() {
        let clause = SuggestionProbe("Der Verband bestätigte, dass die Brücke über die Mühlenstraße gesperrt bleibt 🚧.")
        let indirect = clause.proposal(claiming: "Brücke")
        #expect(indirect?.form == .indirect)
        #expect(clause.speaker(indirect) == "Der Verband", "\(clause.speaker(indirect))")
        let speechAct = SuggestionProbe("Die Gewerkschaft kritisierte die Pläne der Geschäftsführung für das Werk in Görlitz als überstürzt.")
        let reported = speechAct.proposals.first { $0.form == .reported }
        #expect(speechAct.speaker(reported) == "Die Gewerkschaft", "\(speechAct.speaker(reported))")
    }

    /// "sprechen" names a speech act with a plain object only with "von" ("Die Polizei sprach von
    /// einer friedlichen Demonstration"); "sprach mit der Presse" or "sprechen für den Plan" report
    /// nothing.
    @Test func sprechenReportsOnlyWithVon() {
        let von = SuggestionProbe("Die Polizei in Görlitz sprach von einer weitgehend friedlichen Demonstration 🚓.")
        let reported = von.proposals.first { $0.form == .reported }
        #expect(von.speaker(reported) == "Die Polizei in Görlitz", "\(von.speaker(reported))")
        for text in ["Die Ermittlerinnen haben bereits mit der Nachbarin gesprochen.", "Die Zahlen der Umfrage sprechen für den Bürgermeister aus Köln."] {
            let probe = SuggestionProbe(text)
            #expect(!probe.proposals.contains { $0.form == .reported }, "\(text)")
        }
    }

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

    /// "wurden von X als … bezeichnet" and "Von X wurde … als … kritisiert" are reported speech with
    /// the agent as speaker, and a Konjunktiv I sentence after it continues it; without "als" the
    /// agent of a passive is as often a court or a cause, and nothing is proposed.
    @Test func passiveJudgementNamesItsAgent() {
        let probe = SuggestionProbe(
            "Die Pläne der Stadtwerke wurden von Bürgermeisterin Jürgens als überstürzt bezeichnet 🙄. Die Kosten für die Bürger seien „viel zu hoch“.")
        let reported = probe.proposal(claiming: "Pläne")
        #expect(reported?.form == .reported)
        #expect(probe.speaker(reported) == "Bürgermeisterin Jürgens", "\(probe.speaker(reported))")
        let continuation = probe.proposal(claiming: "Kosten")
        #expect(continuation?.form == .freeIndirect)
        #expect(probe.speaker(continuation) == "Bürgermeisterin Jürgens", "\(probe.speaker(continuation))")
        let agentFirst = SuggestionProbe("Vom Elternbeirat wurde der neue Stundenplan als Zumutung kritisiert.")
        #expect(agentFirst.speaker(agentFirst.proposal(claiming: "Stundenplan")) == "Elternbeirat")
        let court = SuggestionProbe("Der Fahrer wurde vom Landgericht Kassel zu zwei Jahren Haft verurteilt.")
        #expect(court.proposals.isEmpty, "\(court.proposals.map(\.rule))")
        let cause = SuggestionProbe("Der Verdacht wurde durch eine Blutprobe im Labor bestätigt.")
        #expect(cause.proposals.isEmpty, "\(cause.proposals.map(\.rule))")
    }

    /// "betrachtet … als", "schätzt … ein", "klagten über":
    /// reported speech with the subject before the verb as speaker.
    @Test func judgingAndComplainingAreSpeechActs() {
        let judged = SuggestionProbe("Die Wirtschaftsministerin betrachtet den Streik der Lokführer als Erpressung 🔥.")
        let reported = judged.proposal(claiming: "Streik")
        #expect(reported?.form == .reported)
        #expect(judged.speaker(reported) == "Die Wirtschaftsministerin")
        let complained = SuggestionProbe("Die Anwohnerinnen klagten über nächtlichen Baulärm und zu wenig Rücksicht.")
        #expect(complained.speaker(complained.proposal(claiming: "Baulärm")) == "Die Anwohnerinnen")
        // With a partial quote the verb cues, the quote is the attribution, not also the whole sentence.
        let quoted = SuggestionProbe("Die Anwohnerinnen klagten über nächtlichen Baulärm und „zu wenig Rücksicht“.")
        #expect(quoted.proposals.map(\.rule) == ["direct.partial-quote"])
        #expect(quoted.speaker(quoted.proposal(claiming: "Rücksicht")) == "Die Anwohnerinnen")
        let estimated = SuggestionProbe("Die Vorsitzende Jana Köhler schätzt das Ergebnis als Rückschlag für die Partei ein.")
        #expect(estimated.speaker(estimated.proposal(claiming: "Ergebnis")) == "Die Vorsitzende Jana Köhler")
    }

    /// "Name, Amt, kritisierte …": reported speech whose subject has an apposition (or a relative
    /// clause) up to the comma before the verb; the phrase from the sentence start is the speaker.
    @Test func reportedSpeechAfterASubjectWithAnApposition() {
        let probe = SuggestionProbe("Petra Wendt, Trainerin der Mannschaft, kritisierte die Schiedsrichterin als überfordert 👍.")
        let reported = probe.proposals.first { $0.rule == "reported.speech-act-verb" }
        #expect(probe.speaker(reported) == "Petra Wendt, Trainerin der Mannschaft", "\(probe.speaker(reported))")
        #expect(probe.claim(reported).hasPrefix("Petra Wendt"))
        // A subject before a relative clause that ends at the comma before the verb.
        let relative = SuggestionProbe("Die Prüferinnen, die den Tresor geöffnet hatten, gehen von einem Einbruch aus 🔐.")
        let before = relative.proposals.first { $0.rule == "reported.speech-act-verb" }
        #expect(relative.speaker(before) == "Die Prüferinnen", "\(relative.speaker(before))")
        // A comma clause before the verb is no apposition: no reported speech of it.
        let clause = SuggestionProbe("Als die Nachricht kam, kritisierte der Trainer die Entscheidung.")
        let speaker = clause.speaker(clause.proposals.first { $0.rule == "reported.speech-act-verb" })
        #expect(!speaker.contains("Nachricht"), "\(speaker)")
    }

    /// A court sentencing someone and a disclosure withheld report no speech act; condemning
    /// something as something and announcing it do.
    @Test func sentencingAndWithheldDisclosureAreNoReportedSpeech() {
        for text in [
            "Das Landgericht Gera hat den Mann am Montag zu einer Geldstrafe verurteilt.",
            "Ein Gericht in Erfurt verurteilte den Mann wegen Betrugs.",
            "Den Namen des Fahrers gab die Polizei nicht bekannt.",
            "Der Minister nannte keine Einzelheiten zu den Plänen.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.allSatisfy { $0.form != .reported }, "\(text): \(probe.proposals.map { probe.claim($0) })")
        }
        for text in ["Die Bürgermeisterin verurteilte den Anschlag auf das Rathaus als feige.", "Die Polizei gab den Namen des Fahrers bekannt."] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.contains { $0.form == .reported }, "\(text): \(probe.proposals.map { probe.claim($0) })")
        }
    }

    /// "verurteilen", "zurückweisen" and "loben" judge something given: with a plain object they
    /// render no content ("Die Trainerin lobte ihre Mannschaft"), and SpkAtt annotates no reported
    /// speech there. With the judgement ("als …"), a clause or a colon they still report it.
    /// "kritisieren" reports speech with a plain object too ("X kritisierte die Entscheidung").
    @Test func judgementWithoutItsContentIsNoReportedSpeech() {
        let criticism = SuggestionProbe("Der Stadtrat von Wismar kritisierte den Haushaltsentwurf des Kämmerers 🧾.")
        #expect(criticism.speaker(criticism.proposals.first { $0.form == .reported }) == "Der Stadtrat von Wismar", "\(criticism.proposals.map(\.rule))")
        for text in [
            "Die Reederei wies die Vorwürfe der Hafenarbeiter am Dienstag zurück.",
            "Mehrere Verbände verurteilten den Angriff auf die Moschee in Halle.",
            "Die Trainerin lobte ihre Mannschaft nach dem Pokalspiel.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.allSatisfy { $0.form != .reported }, "\(text): \(probe.proposals.map { probe.claim($0) })")
        }
        let judged = SuggestionProbe("Der Stadtrat von Wismar kritisierte den Haushaltsentwurf als unseriös 🧾.")
        let reported = judged.proposals.first { $0.form == .reported }
        #expect(judged.speaker(reported) == "Der Stadtrat von Wismar", "\(judged.proposals.map(\.rule))")
        let rejected = SuggestionProbe("Die Reederei wies die Vorwürfe als haltlos zurück.")
        #expect(rejected.proposals.contains { $0.form == .reported }, "\(rejected.proposals.map(\.rule))")
        let clause = SuggestionProbe("Die Reederei wies die Vorwürfe zurück, die Löhne seien pünktlich gezahlt worden.")
        #expect(clause.speaker(clause.proposal(claiming: "Löhne")) == "Die Reederei")
    }

    /// "bestreiten" with a game or a living as object contests or pays for it ("bestreitet das
    /// Auftaktspiel"): no denial, no reported speech. Denying an accusation stays one.
    @Test func contestingAGameIsNoDenial() {
        let game = SuggestionProbe("Die Mannschaft aus Kiel bestreitet ihr erstes Heimspiel am Samstag gegen Flensburg.")
        #expect(game.proposals.isEmpty, "\(game.proposals.map { game.claim($0) })")
        let denial = SuggestionProbe("Der Bürgermeister bestritt jede Beteiligung an der Vergabe.")
        #expect(denial.speaker(denial.proposals.first { $0.form == .reported }) == "Der Bürgermeister", "\(denial.proposals.map(\.rule))")
    }

    /// A speech-act verb that introduces a quote after a colon is that quote's cue: the sentence gets
    /// the direct attribution only, not also a reported one over the whole sentence.
    @Test func colonQuoteAfterASpeechActVerbIsNotAlsoReported() {
        let probe = SuggestionProbe("Freiburgs Trainer Christian Streich lobte dagegen seine Elf: „Die Jungs haben das hervorragend gemacht.“")
        #expect(probe.proposals.map(\.rule) == ["direct.cue-colon-quote"])
        #expect(probe.cue(probe.proposals.first) == "lobte")
    }

    /// A speech-act verb inside the claim of another proposal ("sie rechne mit einer Entscheidung"
    /// after "sagte") is part of what is reported there: no reported-speech proposal of the whole
    /// sentence beside it (there was one, with the speaker "sie").
    @Test func speechActVerbInsideAnotherClaimIsNoReportedSpeech() {
        let probe = SuggestionProbe("Landrätin Eva Stein sagte dem Sender, sie rechne nicht vor dem Herbst mit einem Urteil.")
        #expect(!probe.proposals.contains { $0.form == .reported }, "\(probe.proposals.map(\.rule))")
        #expect(probe.speaker(probe.proposal(claiming: "Urteil")) == "Landrätin Eva Stein")
    }

    /// Reported speech ends before a clause joined by a comma and "und" that has a reporting verb
    /// and a subject of its own ("…, und der Kinderschutzbund rief die Stadt auf, …"): that clause
    /// is a second attribution with its own speaker, addressee and message, not part of the first.
    @Test func reportedSpeechEndsBeforeAJoinedClauseWithAReportingVerb() {
        let probe = SuggestionProbe(
            "Der Elternbeirat stufte den Plan als überstürzt ein, und der Kinderschutzbund Nordstadt rief die Stadt auf, die Schließung der Kita zu überdenken.")
        let reported = probe.proposals.first { $0.form == .reported }
        #expect(probe.claim(reported) == "Der Elternbeirat stufte den Plan als überstürzt ein", "\(probe.proposals.map { probe.claim($0) })")
        let appeal = probe.proposal(claiming: "Schließung")
        #expect(probe.claim(appeal) == "die Schließung der Kita zu überdenken", "\(probe.proposals.map { probe.claim($0) })")
        #expect(probe.cue(appeal) == "rief … auf", "\(probe.cue(appeal))")
        #expect(probe.speaker(appeal) == "der Kinderschutzbund Nordstadt", "\(probe.speaker(appeal))")
        #expect(appeal.map { probe.text($0.addressee) } == "die Stadt")
    }
}
