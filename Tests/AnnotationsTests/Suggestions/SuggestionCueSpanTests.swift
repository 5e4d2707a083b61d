import Testing

@testable import Annotations

/// The cue span: particles of separable verbs, reflexives, auxiliaries and modals, correlates, opinion
/// phrases, and the verbs of the lexicon through the morphology rules.
@Suite struct SuggestionCueSpanTests {
    /// The auxiliary of a participle cue is found across an apposition of names between commas.
    @Test func auxiliaryAcrossANameApposition() {
        let probe = SuggestionProbe("Am Montag hatte ein Sprecher der Stadt, Peter Kurz, erklärt, die Brücke sei gesperrt.")
        let proposal = probe.proposal(claiming: "Brücke")
        #expect(probe.cue(proposal) == "hatte … erklärt")
        #expect(probe.speaker(proposal) == "ein Sprecher der Stadt, Peter Kurz")
    }

    /// "rief … zu" (zurufen): the particle at the clause's end is part of the cue, the dative the
    /// addressee; the cue was "rief" alone.
    @Test func zurufenKeepsItsParticle() {
        let probe = SuggestionProbe("„Hier wird ein Wald für nichts geopfert“, rief die Sprecherin Gisela Tannert den Demonstrierenden zu.")
        let proposal = probe.proposal(claiming: "Wald")
        #expect(probe.cue(proposal) == "rief … zu", "\(probe.cue(proposal))")
        #expect(probe.speaker(proposal) == "die Sprecherin Gisela Tannert")
    }

    /// "zu bedenken geben" after a quote, before a colon or after a clause: "zu" is the
    /// infinitive's, not the particle of "zugeben", and the infinitive belongs to the cue.
    @Test func zuBedenkenGebenKeepsItsInfinitive() {
        let probe = SuggestionProbe(
            "„Der Winter wird lang“, gab die Försterin zu bedenken. Der Kämmerer gab zu bedenken: „Das Geld reicht nicht.“ "
                + "Die Brücke sei alt, gab der Ingenieur am Dienstag zu bedenken. Die Wirtin gab zu verstehen: „Wir schließen bald.“")
        #expect(probe.cue(probe.proposal(claiming: "Winter")) == "gab … zu bedenken", "\(probe.cue(probe.proposal(claiming: "Winter")))")
        #expect(probe.cue(probe.proposal(claiming: "Geld")) == "gab zu bedenken", "\(probe.cue(probe.proposal(claiming: "Geld")))")
        #expect(probe.cue(probe.proposal(claiming: "Brücke")) == "gab … zu bedenken", "\(probe.cue(probe.proposal(claiming: "Brücke")))")
        #expect(probe.cue(probe.proposal(claiming: "schließen")) == "gab zu verstehen")
        #expect(probe.speaker(probe.proposal(claiming: "Winter")) == "die Försterin")
    }

    /// A particle written apart ("bekannt geben") stands before the verb at the end of a wie-clause:
    /// both are the cue, and the particle is no part of the speaker.
    @Test func separateParticleBeforeAClauseFinalVerb() {
        let before = SuggestionProbe("Wie das Polizeipräsidium Südpfalz bekannt gab, wird es rund um den Bahnhof mehr Kontrollen geben 🚓.")
        let controls = before.proposal(claiming: "Kontrollen")
        #expect(before.speaker(controls) == "das Polizeipräsidium Südpfalz", "\(before.speaker(controls))")
        #expect(before.cue(controls) == "Wie … bekannt gab", "\(before.cue(controls))")
        let after = SuggestionProbe("Die Vergabe für Köln wird die letzte sein, wie der Verband am Montag bekannt gab.")
        let award = after.proposal(claiming: "Vergabe")
        #expect(after.speaker(award) == "der Verband", "\(after.speaker(award))")
        #expect(award?.form == .indirect)
    }

    /// "ist der Meinung", "vertritt die Auffassung", "sind der gegenteiligen Ansicht" before a comma
    /// clause: verb, article, adjective and noun are the cue, the clause the message, the subject
    /// (before the verb or between verb and article) the source.
    @Test func opinionPhraseIsACue() {
        let probe = SuggestionProbe("Die Gewerkschaft ist der Meinung, dass die Löhne um fünf Prozent steigen müssten 💶.")
        let opinion = probe.proposal(claiming: "Löhne")
        #expect(opinion?.rule == "indirect.opinion-phrase", "\(probe.proposals.map(\.rule))")
        #expect(probe.speaker(opinion) == "Die Gewerkschaft", "\(probe.speaker(opinion))")
        #expect(probe.cue(opinion) == "ist der Meinung", "\(probe.cue(opinion))")
        let adjective = SuggestionProbe("37 Prozent der Befragten sind der gegenteiligen Auffassung, die Reform gehe „zu weit“.")
        let contrary = adjective.proposal(claiming: "Reform")
        #expect(adjective.cue(contrary) == "sind der gegenteiligen Auffassung", "\(adjective.cue(contrary))")
        #expect(adjective.speaker(contrary).hasPrefix("37 Prozent"), "\(adjective.speaker(contrary))")
        let inverted = SuggestionProbe("Daher vertritt der Verband die Ansicht, die Gebühren seien rechtswidrig.")
        let view = inverted.proposal(claiming: "Gebühren")
        #expect(inverted.speaker(view) == "der Verband", "\(inverted.speaker(view))")
        #expect(inverted.cue(view) == "vertritt … die Ansicht", "\(inverted.cue(view))")
        // Without a clause after the noun there is no message.
        let shared = SuggestionProbe("Der Bürgermeister teilt die Meinung der Anwohner nicht.")
        #expect(shared.proposals.isEmpty, "\(shared.proposals.map(\.rule))")
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

    @Test func discontinuousCuesOfParticleVerbs() {
        let hinzu = SuggestionProbe("„Das ist ein guter Tag“, fügte der Trainer hinzu.")
        #expect(hinzu.cue(hinzu.proposal(claiming: "Tag")) == "fügte … hinzu")
        let zurueck = SuggestionProbe("Der Konzern wies die Vorwürfe am Dienstag zurück, sie seien haltlos.")
        #expect(zurueck.cue(zurueck.proposal(claiming: "haltlos")) == "wies … zurück")
    }

    @Test func modalAndInfinitiveFormOneCue() {
        let probe = SuggestionProbe("Der Minister musste einräumen, dass die Zahlen falsch seien.")
        #expect(probe.cue(probe.proposal(claiming: "Zahlen")) == "musste einräumen")
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

    /// Reporting verbs with their particles take a dass-clause or a
    /// Konjunktiv clause as their message ("hob hervor, dass", "wandte ein, … sei").
    @Test func addedReportingVerbsTakeTheirClause() {
        let cases: [(String, String, String)] = [
            ("Die Ministerin hob hervor, dass die Schulen geöffnet bleiben.", "hob hervor", "Die Ministerin"),
            ("Der Anwalt wandte ein, sein Mandant sei zur Tatzeit in München gewesen.", "wandte ein", "Der Anwalt"),
            ("Der Verband sagte zu, die Kosten für die Sanierung zu übernehmen.", "sagte zu", "Der Verband"),
            ("Die Studie besagt, dass jeder zweite Haushalt betroffen ist.", "besagt", "Die Studie"),
            ("Die Regierung signalisierte, dass sie zu Gesprächen bereit sei.", "signalisierte", "Die Regierung"),
            ("Der Gutachter merkte an, die Werte seien zu hoch.", "merkte an", "Der Gutachter"),
            ("Das Gericht urteilte, dass die Kürzung der Pauschale rechtswidrig ist.", "urteilte", "Das Gericht"),
        ]
        for (text, cue, speaker) in cases {
            let probe = SuggestionProbe(text)
            let proposal = probe.proposals.first { $0.form == .indirect }
            #expect(probe.cue(proposal) == cue, "\(text)")
            #expect(probe.speaker(proposal) == speaker, "\(text)")
        }
        let reported = SuggestionProbe("Die Gewerkschaft monierte die Entscheidung des Vorstands.")
        #expect(reported.proposals.first?.form == .reported)
    }

    @Test func particleAfterANameAppositionCompletesTheCue() {
        let probe = SuggestionProbe("Die Schule bleibe geschlossen, teilte der Leiter des Amtes, Jens Krüger, am Montag mit.")
        let proposal = probe.proposal(claiming: "Schule")
        #expect(probe.cue(proposal) == "teilte … mit")
        #expect(probe.speaker(proposal) == "der Leiter des Amtes, Jens Krüger")
        let clause = SuggestionProbe("Der Leiter teilte den Eltern, die gewartet hatten, mit, die Schule bleibe geschlossen.")
        #expect(clause.cue(clause.proposal(claiming: "Schule")) != "teilte … mit … mit")
    }

    /// Verbs added to the lexicon take their dass-clause or zu-infinitive as the message, with the
    /// subject before them as the speaker (particle verbs split or joined, "sich einigen darauf").
    @Test func verbsAddedToTheLexiconTakeTheirMessage() {
        for (text, speaker, cueWord, fragment) in [
            ("Die Gewerkschaft rief die Beschäftigten in Görlitz auf, am Montag zu streiken 🚧.", "Die Gewerkschaft", "auf", "zu streiken"),
            ("Forscher der Universität Tübingen haben herausgefunden, dass Schnecken im Winter länger schlafen 🐌.",
                "Forscher der Universität Tübingen", "herausgefunden", "Schnecken im Winter"),
            ("Die Brückenbaufirma gestand ein, dass die Prüfung der Pfeiler lückenhaft gewesen sei.", "Die Brückenbaufirma", "ein", "Prüfung der Pfeiler"),
            ("Der Stadtrat und die Bürgerinitiative einigten sich darauf, dass die Grundsteuer in Görlitz sinkt.",
                "Der Stadtrat", "einigten", "die Grundsteuer"),
            ("Die Ärztin erwähnte, dass die Grippewelle in Süddeutschland früh begonnen habe 🤒.", "Die Ärztin", "erwähnte", "Grippewelle"),
        ] {
            let probe = SuggestionProbe(text)
            let proposal = probe.proposal(claiming: fragment)
            #expect(proposal != nil, "\(text): \(probe.proposals.map(\.rule))")
            #expect(probe.speaker(proposal).hasPrefix(speaker), "\(text): \(probe.speaker(proposal))")
            #expect(probe.cue(proposal).contains(cueWord), "\(text): \(probe.cue(proposal))")
        }
    }

    /// "einige"/"einigen" as the determiner is never a form of "sich einigen".
    @Test func theDeterminerEinigeIsNoReportingVerb() {
        for text in [
            "Einige Zeit lang hörten die Lotsen den Funk der Piloten ab, die verzweifelt versuchten, ihre Position zu bestimmen.",
            "Von einigen Rednern im Stadtrat, etwa aus Görlitz oder Zittau, wurde die Bedeutung der Brücke über die Neiße betont 🌉.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(!probe.proposals.contains { probe.cue($0).lowercased().contains("einige") }, "\(text): \(probe.proposals.map { probe.cue($0) })")
        }
    }

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

    /// "zu verstehen geben" and "zu bedenken geben" report what follows: "geben" with "zu" and the
    /// infinitive is the cue (also across an inserted phrase and with an auxiliary), not "gab … zu"
    /// for "zugeben"; "gab zu, dass" stays "zugeben".
    @Test func zuVerstehenGebenIsAReportingExpression() {
        let probe = SuggestionProbe("Die Stadtverwaltung gab durch ihren Sprecher zu verstehen, dass sie den Plan nicht unterstütze.")
        let message = probe.proposal(claiming: "Plan")
        #expect(probe.cue(message) == "gab … zu verstehen", "\(probe.cue(message))")
        #expect(probe.speaker(message) == "Die Stadtverwaltung", "\(probe.speaker(message))")
        let perfect = SuggestionProbe("Die Trainerin hat zu bedenken gegeben, dass die Saison sehr lang sei.")
        let season = perfect.proposal(claiming: "Saison")
        #expect(perfect.cue(season) == "hat zu bedenken gegeben", "\(perfect.cue(season))")
        #expect(perfect.speaker(season) == "Die Trainerin")
        let admit = SuggestionProbe("Der Lehrer gab zu, dass er die Prüfung verloren habe.")
        #expect(admit.cue(admit.proposal(claiming: "Prüfung")) == "gab zu")
    }

    /// A particle written apart before its participle or infinitive is read with it; the modal
    /// before a clause-final infinitive joins the cue. "bekannt" alone stays an adjective.
    @Test func apartParticleJoinsTheCue() {
        let probe = SuggestionProbe(
            "Die Stadtverwaltung hat am Montag bekannt gegeben, dass das Freibad im Sommer geschlossen bleibt. "
                + "Der Verein will am Freitag bekannt geben, dass der Trainer bleibt. "
                + "Der Sänger ist in ganz Europa bekannt.")
        #expect(probe.cue(probe.proposal(claiming: "das Freibad")) == "hat … bekannt gegeben", "\(probe.proposals.map { probe.cue($0) })")
        #expect(probe.cue(probe.proposal(claiming: "der Trainer bleibt")) == "will … bekannt geben")
        #expect(probe.proposal(claiming: "in ganz Europa") == nil)
    }

    /// "geht aus … hervor" is "hervorgehen" (the particle closing the clause wins over the
    /// preposition "aus"), also past a relative clause or a bracket; the object of "aus" is the source.
    @Test func particleClosingTheClauseWins() {
        let probe = SuggestionProbe(
            "Der Konzern will im kommenden Jahr rund zweihundert Stellen in der Verwaltung abbauen. "
                + "Dies geht aus einer Mitteilung des Konzerns hervor. "
                + "Der Umsatz ist im dritten Quartal deutlich gesunken. "
                + "Dies geht aus einer Mitteilung der Firma, die am Montag verschickt wurde, hervor. "
                + "Der Gewinn ist im dritten Quartal deutlich gestiegen. "
                + "Dies geht aus einer Mitteilung der Firma ( Stand Montag ) hervor.")
        let cues = probe.proposals.map { probe.cue($0) }
        let first = probe.proposal(claiming: "zweihundert Stellen")
        #expect(probe.cue(first) == "geht … hervor", "\(cues)")
        #expect(probe.speaker(first) == "einer Mitteilung des Konzerns")
        #expect(probe.cue(probe.proposal(claiming: "deutlich gesunken")) == "geht … hervor", "\(cues)")
        #expect(probe.cue(probe.proposal(claiming: "deutlich gestiegen")) == "geht … hervor", "\(cues)")
        // The relative clause is no message of its own.
        #expect(probe.proposal(claiming: "am Montag verschickt") == nil)
    }

    /// "hervorgehen" with a subject that names no speech reports nothing.
    @Test func hervorgehenWithoutReportIsNoAttribution() {
        let probe = SuggestionProbe("Das Programm ging aus einem Forschungsprojekt der Universität hervor.")
        #expect(probe.proposals.isEmpty, "\(probe.proposals.map(\.rule))")
    }

    /// "mit den Worten" belongs to the cue, after the verb or between auxiliary and participle.
    @Test func mitDenWortenBelongsToTheCue() {
        let probe = SuggestionProbe(
            "Die Ministerin lobte die Helfer mit den Worten: „Ohne euch hätten wir das nicht geschafft.“ "
                + "Der Trainer wird mit den Worten zitiert: „Wir haben verdient verloren.“")
        let quote = probe.proposals.first { probe.claim($0).contains("Ohne euch") && $0.rule.hasPrefix("direct.") }
        #expect(probe.cue(quote) == "lobte … mit den Worten", "\(probe.proposals.map { probe.cue($0) })")
        #expect(probe.cue(probe.proposal(claiming: "verdient verloren")) == "wird mit den Worten zitiert")
    }

    /// A modal before a participle with an infinitive auxiliary joins the cue.
    @Test func modalBeforeParticipleChainJoinsTheCue() {
        let probe = SuggestionProbe("Der Minister soll im Ausschuss gesagt haben: „Das Geld ist längst ausgegeben.“")
        #expect(probe.cue(probe.proposal(claiming: "längst ausgegeben")) == "soll … gesagt haben", "\(probe.proposals.map { probe.cue($0) })")
    }

    /// A "so" after a comma right before the verb is part of the cue; "So" opening the sentence is an adverb.
    @Test func parentheticalSoBelongsToTheCue() {
        let probe = SuggestionProbe(
            "Die Entscheidung, so schrieb die Zeitung am Montag, sei längst gefallen. "
                + "Spätestens im Herbst, so vermutet die Polizei, werde der Täter gefasst sein. "
                + "So sagte der Minister, die Renten seien sicher.")
        let cues = probe.proposals.map { probe.cue($0) }
        #expect(probe.cue(probe.proposal(claiming: "längst gefallen")) == "so schrieb", "\(cues)")
        #expect(probe.cue(probe.proposal(claiming: "der Täter gefasst")) == "so vermutet", "\(cues)")
        #expect(probe.cue(probe.proposal(claiming: "die Renten")) == "sagte", "\(cues)")
    }

    /// "als" of a judgement verb's object belongs to the cue ("wies … als haltlos zurück").
    @Test func alsOfAJudgementBelongsToTheCue() {
        let probe = SuggestionProbe("Der Bürgermeister wies den Vorwurf als haltlos zurück, er habe die Ausschreibung manipuliert.")
        #expect(probe.cue(probe.proposal(claiming: "die Ausschreibung")) == "wies … als … zurück", "\(probe.proposals.map { probe.cue($0) })")
    }

    /// "ließ verlauten": "lassen" belongs to the cue, and a subject with an apposition before it is
    /// still found ("Der Investor, die Nordwind GmbH, ließ verlauten, …").
    @Test func lassenBelongsToVerlauten() {
        let probe = SuggestionProbe("Der Investor, die Nordwind GmbH, ließ verlauten, man sei weiterhin gesprächsbereit.")
        let proposal = probe.proposal(claiming: "gesprächsbereit")
        #expect(probe.cue(proposal) == "ließ verlauten")
        #expect(probe.speaker(proposal) == "Der Investor, die Nordwind GmbH")
        let perfect = SuggestionProbe("Die Stadt hat verlauten lassen, die Brücke bleibe gesperrt.")
        #expect(perfect.cue(perfect.proposal(claiming: "Brücke")).hasSuffix("verlauten lassen"))
    }

    /// A word that could be a verb's particle but opens a prepositional phrase ("zu Beginn", "mit
    /// Blick auf") is no part of the cue: "sagte … zu" is "zusagen", which the sentence does not say.
    @Test func prepositionIsNoSeparatedParticle() {
        let probe = SuggestionProbe("„Wir haben alles richtig gemacht“, sagte die 52-jährige Wirtin zu Beginn der Sitzung.")
        #expect(probe.cue(probe.proposal(claiming: "richtig")) == "sagte", "\(probe.proposals.map { probe.cue($0) })")
        let number = SuggestionProbe("Die Anlage sei sicher, teilte der Betreiber mit 14 Seiten Unterlagen mit.")
        #expect(number.cue(number.proposal(claiming: "Anlage")) == "teilte … mit", "\(number.proposals.map { number.cue($0) })")
        let particle = SuggestionProbe("Der Bürgermeister sagte den Vereinen seine Hilfe zu, als die Halle brannte.")
        #expect(!particle.proposals.contains { particle.cue($0) == "sagte" })
    }

    /// A focus word between the subject and the verb before a colon ("Kühn selbst gab sich
    /// gelassen: „…“") is no cue; the verb after it is.
    @Test func focusWordBeforeTheVerbOfAColonQuote() {
        let probe = SuggestionProbe("Die Intendantin Ina Kühn ist zurückgetreten. Kühn selbst gab sich gelassen: „Es war Zeit zu gehen.“")
        #expect(probe.cue(probe.proposal(claiming: "Zeit zu gehen")) == "gab sich", "\(probe.proposals.map { probe.cue($0) })")
    }
}
