import Testing

@testable import Annotations

/// The speaker span: names with titles, offices and appositions, places and prepositional attributes,
/// several speakers, and the phrases before or after the verb that are no speaker.
@Suite struct SuggestionSpeakerSpanTests {
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

    /// A name closed by quote marks or a bracket ends the speaker: a bare name or an article after the
    /// closing mark opens the next phrase ("zitiert die „Morgenpost“ Müller", "… ( NLM ) den Bau …");
    /// a genitive after it stays ("die Initiative „Grüne Höfe“ des Bezirks"). The object of "zitieren"
    /// is the one quoted, not an addressee.
    @Test func nameClosedByQuoteOrBracketEndsTheSpeaker() {
        let quoted = SuggestionProbe("„Das Netz wird bald schneller“, zitiert die „Morgenpost“ Müller.")
        #expect(quoted.speaker(quoted.proposal(claiming: "Netz")) == "die „Morgenpost“", "\(quoted.proposals.map { quoted.speaker($0) })")
        // The one quoted is no addressee of "zitieren".
        #expect(quoted.proposal(claiming: "Netz").map { quoted.text($0.addressee) } == "")
        let bracket = SuggestionProbe("Bereits im März kündigte der Autobauer Nordlicht Motors (NLM) den Bau einer größeren Fabrik an.")
        #expect(bracket.proposals.map { bracket.speaker($0) } == ["der Autobauer Nordlicht Motors (NLM)"])
        let genitive = SuggestionProbe("Die Initiative „Grüne Höfe“ des Bezirks teilte mit, der Park bleibe bis Mai geöffnet.")
        #expect(genitive.speaker(genitive.proposal(claiming: "Park")) == "Die Initiative „Grüne Höfe“ des Bezirks")
    }

    /// A plural common noun right after an article and its noun after the verb opens a new phrase, the
    /// one addressed ("teilte das Ministerium Reportern mit"), not part of the speaker; a name there stays
    /// ("die Staatsanwaltschaft München", "der Sprecher Peter Müller").
    @Test func pluralNounAfterACompletePhraseIsNoPartOfTheSpeaker() {
        let after = SuggestionProbe("Am Montag teilte das Ministerium Reportern mit, die Brücke bleibe bis Juni gesperrt.")
        #expect(after.speaker(after.proposal(claiming: "Brücke")) == "das Ministerium", "\(after.proposals.map { after.speaker($0) })")
        #expect(after.proposal(claiming: "Brücke").map { after.text($0.addressee) } == "Reportern")
        let place = SuggestionProbe("Am Montag teilte die Staatsanwaltschaft München mit, die Ermittlungen seien abgeschlossen.")
        #expect(place.speaker(place.proposal(claiming: "Ermittlungen")) == "die Staatsanwaltschaft München")
        let name = SuggestionProbe("Am Montag teilte der Sprecher Peter Müller mit, die Brücke bleibe gesperrt.")
        #expect(name.speaker(name.proposal(claiming: "Brücke")) == "der Sprecher Peter Müller")
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

    /// "Dies bestätigte der Sprecher": the demonstrative before the verb is the object, the
    /// speaker follows the verb.
    @Test func demonstrativeBeforeTheVerbIsNoSpeaker() {
        let probe = SuggestionProbe("Der Zug ist entgleist. Dies bestätigte der Sprecher der Bahn.")
        // The message is the sentence before with "Dies" (the demonstrative sums it up).
        let proposal = probe.proposals.first { probe.cue($0) == "bestätigte" }
        #expect(probe.speaker(proposal) == "der Sprecher der Bahn")
        let other = SuggestionProbe("Das kritisierte die Gewerkschaft scharf als Wortbruch.")
        #expect(other.speaker(other.proposals.first) == "die Gewerkschaft")
    }

    /// A speaker keeps a prepositional attribute with its article ("von der", "in"), not a time.
    @Test func speakerKeepsItsPrepositionalAttribute() {
        let probe = SuggestionProbe("Die Brücke sei marode, sagte Moritz Wohlrab von der Stadtverwaltung in Köln.")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "Moritz Wohlrab von der Stadtverwaltung in Köln")
        let time = SuggestionProbe("Die Brücke sei marode, sagte Moritz Wohlrab am Montag.")
        #expect(time.speaker(time.proposal(claiming: "Brücke")) == "Moritz Wohlrab")
        let prefield = SuggestionProbe("Ein Sprecher von der Feuerwehr sagte, der Brand sei gelöscht.")
        #expect(prefield.speaker(prefield.proposal(claiming: "Brand")) == "Ein Sprecher von der Feuerwehr")
    }

    /// A name keeps the office after it ("Ursula Castrup, die Leiterin der Fachstelle"), but a
    /// comma clause with a verb is no apposition.
    @Test func nameKeepsItsOfficeApposition() {
        let probe = SuggestionProbe("Die Zahlen seien gestiegen, sagte Ulrike Kamp, die Leiterin der Fachstelle für Suchtvorbeugung.")
        #expect(probe.speaker(probe.proposal(claiming: "Zahlen")) == "Ulrike Kamp, die Leiterin der Fachstelle für Suchtvorbeugung")
        let clause = SuggestionProbe("„Wir bleiben“, sagte Ulrike Kamp, die Leiterin werde bleiben.")
        #expect(clause.speaker(clause.proposal(claiming: "Wir bleiben")) == "Ulrike Kamp")
    }

    /// An office with a genitive after a postposed name belongs to the speaker whatever the ending of
    /// its noun ("Kopf einer Gruppe", "Chef des Vereins"), also before a relative clause; a time with a
    /// genitive ("Mitte der Woche") is no office.
    @Test func officeWithAGenitiveAfterAPostposedName() {
        let probe = SuggestionProbe(
            "„Für uns besteht kein Zweifel“, sagte Jörg Köhler, Kopf einer Gruppe von Prüfern, die das Stadion im August geprüft hatten. "
                + "Die Lage sei ernst, sagte Jörg Köhler, Chef des Vereins für Naturschutz. "
                + "„Wir bleiben“, sagte Jörg Köhler, Mitte der Woche.")
        #expect(probe.speaker(probe.proposal(claiming: "Zweifel")) == "Jörg Köhler, Kopf einer Gruppe von Prüfern")
        #expect(probe.speaker(probe.proposal(claiming: "Lage")) == "Jörg Köhler, Chef des Vereins für Naturschutz")
        #expect(probe.speaker(probe.proposal(claiming: "Wir bleiben")) == "Jörg Köhler")
    }

    /// A subject with an apposition and a relative clause before the verb.
    @Test func subjectWithAppositionAndRelativeClause() {
        let probe = SuggestionProbe("Ulrike Kamp, die Ministerin des Landes, die das Amt seit Mai führt, sagte: „Wir bleiben dabei.“")
        #expect(probe.speaker(probe.proposal(claiming: "Wir bleiben")) == "Ulrike Kamp, die Ministerin des Landes")
    }

    /// A name, a comma and an office without its closing comma before the verb or colon:
    /// the name belongs to the speaker.
    @Test func nameBeforeAnOfficeWithoutClosingComma() {
        let probe = SuggestionProbe("Rob Meyer, Sekretär des Vereins sagte, alle Spieler hätten dem Schiedsrichter die Hand gegeben.")
        #expect(probe.speaker(probe.proposal(claiming: "Spieler")) == "Rob Meyer, Sekretär des Vereins")
        let colon = SuggestionProbe("Erik Tamm, Präsident des Rates: „Wir sind zufrieden.“")
        #expect(colon.speaker(colon.proposal(claiming: "zufrieden")) == "Erik Tamm, Präsident des Rates")
    }

    /// A place after a speaker belongs to it: "im indischen Dharamshala" before the verb, "in
    /// Teheran" after a genitive noun behind the verb.
    @Test func speakerKeepsItsPlace() {
        let prefield = SuggestionProbe("Das Exilparlament im indischen Dharamshala erklärte, die Lage sei ernst.")
        #expect(prefield.speaker(prefield.proposal(claiming: "Lage")) == "Das Exilparlament im indischen Dharamshala")
        let after = SuggestionProbe("Die Lage in der Stadt sei ruhig, sagte der Reporter des Senders in Teheran.")
        #expect(after.speaker(after.proposal(claiming: "ruhig")) == "der Reporter des Senders in Teheran")
        // A time after "im" is no place.
        let time = SuggestionProbe("Die Lage in der Stadt sei ruhig, sagte der Reporter im Juni.")
        #expect(time.speaker(time.proposal(claiming: "ruhig")) == "der Reporter")
    }

    /// A preposition that opens the sentence ("Bezüglich", "Angesichts", "Neben") is capitalised
    /// like a noun but starts an adverbial: the subject after the verb is the speaker, also when it
    /// ends in a quoted name before the comma.
    @Test func prepositionalPrefieldIsNoSpeaker() {
        let agency = SuggestionProbe("Bezüglich der Öffnungszeiten meldet die Nachrichtenagentur „Süddienst“, die Bäder blieben über Ostern geschlossen 🏊.")
        let closed = agency.proposal(claiming: "Bäder")
        #expect(agency.speaker(closed) == "die Nachrichtenagentur „Süddienst“", "\(agency.speaker(closed))")
        #expect(agency.cue(closed) == "meldet")
        let minister = SuggestionProbe("Neben der Förderung für Schulen kündigte die Ministerin an, dass die Kitas mehr Geld bekämen.")
        #expect(minister.speaker(minister.proposal(claiming: "Kitas")) == "die Ministerin")
        let lawyer = SuggestionProbe("Angesichts des Urteils kündigte die Anwältin Jana Kühn an, in Berufung zu gehen.")
        #expect(lawyer.speaker(lawyer.proposal(claiming: "Berufung")) == "die Anwältin Jana Kühn")
        // "ohne" stays inside a name: it is no prefield preposition here.
        let helpers = SuggestionProbe("Die Helfer von Ärzte ohne Grenzen berichten, die Lage im Lager sei „verheerend“.")
        #expect(helpers.speaker(helpers.proposal(claiming: "Lage")) == "Die Helfer von Ärzte ohne Grenzen")
    }

    @Test func appositionSubjectBeforeAnAuxiliary() {
        let probe = SuggestionProbe("Der Vertreter der Arbeitgeber, Peter Clever, hat in einem Interview gefordert, dass der Datenschutz gelockert werde.")
        let proposal = probe.proposal(claiming: "Datenschutz")
        #expect(probe.cue(proposal) == "hat … gefordert")
        #expect(probe.speaker(proposal) == "Der Vertreter der Arbeitgeber, Peter Clever")
    }

    @Test func severalSpeakers() {
        let probe = SuggestionProbe("Frankreich und Deutschland forderten, die Sanktionen müssten verschärft werden.")
        let proposal = probe.proposal(claiming: "Sanktionen")
        #expect(proposal?.speakers.count == 2)
        #expect(proposal.map { $0.speakers.map(probe.text) } == ["Frankreich", "Deutschland"])
    }

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

    @Test func numberCompoundIsANoun() {
        let probe = SuggestionProbe("Der 81-jährige erklärte, er habe nichts gewusst.")
        #expect(probe.speaker(probe.proposal(claiming: "gewusst")) == "Der 81-jährige")
    }

    @Test func subjectBeforeTheVerbKeepsItsPrepositionalAttribute() {
        let probe = SuggestionProbe("Die Leiterin der Fachstelle für Suchtvorbeugung sagte, die Zahlen seien gestiegen.")
        let proposal = probe.proposal(claiming: "Zahlen")
        #expect(probe.speaker(proposal) == "Die Leiterin der Fachstelle für Suchtvorbeugung")
        #expect(probe.cue(proposal) == "sagte")
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

    /// An office apposition after a name belongs to the speaker: offices from the wider title list
    /// ("Geschäftsführer", "Gründerin") and a common noun with a genitive ("Stimme einer Gruppe").
    @Test func officeAppositionAfterANameIsPartOfTheSpeaker() {
        let title = SuggestionProbe("Im Gespräch mit Reportern sagte Jörg Weiß, der Geschäftsführer des Vereins: „Wir sind sehr zufrieden.“")
        #expect(title.speaker(title.proposal(claiming: "zufrieden")) == "Jörg Weiß, der Geschäftsführer des Vereins")
        let genitive = SuggestionProbe("„Die Preise steigen weiter“, sagte Anna Schäfer, Stimme einer Gruppe von Prüfern, am Montag.")
        #expect(genitive.speaker(genitive.proposal(claiming: "Preise")) == "Anna Schäfer, Stimme einer Gruppe von Prüfern")
        let message = SuggestionProbe("Der Trainer sagte, Ende der Woche werde die Mannschaft abreisen.")
        #expect(message.claim(message.proposals.first) == "Ende der Woche werde die Mannschaft abreisen")
    }

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

    /// A time adverbial put first ("Ende Januar 2026", "Im Dezember 2025") is no subject: the
    /// subject follows the finite verb.
    @Test func timeAdverbialPutFirstIsNoSource() {
        let probe = SuggestionProbe("Ende Januar 2026 verkündete der Fußballverband, dass er sich um das Turnier in Görlitz bewerben werde ⚽.")
        let proposal = probe.proposal(claiming: "Turnier")
        #expect(probe.speaker(proposal) == "der Fußballverband", "\(probe.speaker(proposal))")
    }

    /// A time adverbial or a focus particle between the finite verb and its subject is stepped
    /// over ("sagte am Montag die Bürgermeisterin", "erklärten nur die Schulen").
    @Test func subjectAfterATimeAdverbialOrAFocusParticle() {
        let quote = SuggestionProbe("„Wir öffnen die Brücke über die Neiße erst im Mai 🌉“, sagte am Montag die Bürgermeisterin.")
        let direct = quote.proposal(claiming: "Neiße")
        #expect(quote.speaker(direct) == "die Bürgermeisterin", "\(quote.speaker(direct))")
        let particle = SuggestionProbe("Von den Ämtern in Görlitz erklärten nur die Schulen, sich nicht an der Aktion beteiligen zu wollen.")
        let indirect = particle.proposal(claiming: "Aktion")
        #expect(particle.speaker(indirect) == "die Schulen", "\(particle.speaker(indirect))")
    }

    /// An object put first that names a matter ("Die Identität der Täterin", "Eine
    /// Verschiebung der Wahl") is no speaker when the phrase after the verb names one ("die Polizei", "Müller"): the
    /// reported speech rule, which wants its speaker right before the verb, no longer takes the
    /// matter as the speaker. A matter after the verb ("die Zahl der Opfer") keeps the phrase before
    /// it.
    @Test func objectPutFirstIsNoSpeakerWhenASpeakerFollowsTheVerb() {
        for text in [
            "Die Identität der Täterin gab die Polizei in Görlitz am Abend nicht bekannt 🚓.",
            "Eine Verschiebung der Wahl bezeichnete Müller als fatal für die Gemeinde.",
        ] {
            let probe = SuggestionProbe(text)
            let speakers = probe.proposals.map { probe.speaker($0) }
            #expect(!speakers.contains { $0.hasPrefix("Die Identität") || $0.hasPrefix("Eine Verschiebung") }, "\(text): \(speakers)")
        }
        let estimate = SuggestionProbe("Eine aktuelle Schätzung der Behörde beziffert die Zahl der Opfer auf über 200.")
        let speakers = estimate.proposals.map { estimate.speaker($0) }
        #expect(!speakers.contains("die Zahl der Opfer"), "\(speakers)")
    }

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

    /// A subject with an apposition joins its words by the same prepositions as any noun phrase,
    /// "am" and "vom" among them ("Der Richter am Landgericht Gera, Uwe Brandt, …").
    @Test func appositionSubjectTakesThePrepositionsOfANounPhrase() {
        for (text, speaker) in [
            ("Der Richter am Landgericht Gera, Uwe Brandt, kritisierte die Pläne der Stadt für den Neubau als zu teuer 🏛.", "Der Richter am Landgericht Gera, Uwe Brandt"),
            ("Die Sprecherin vom Bund der Steuerzahler, Jana Kühn, kritisierte die Pläne der Stadt für den Neubau als zu teuer 🏛.", "Die Sprecherin vom Bund der Steuerzahler, Jana Kühn"),
        ] {
            let probe = SuggestionProbe(text)
            let reported = probe.proposal(claiming: "kritisierte")
            #expect(probe.speaker(reported) == speaker, "\(text): \(probe.proposals.map { probe.speaker($0) })")
        }
    }

    /// "Karl-Theodor zu Guttenberg, Obmann der Fraktion, warf …": a subject with an apposition before
    /// the verb keeps a lowercase name particle between capitalised words, so the reported speech
    /// gets its speaker (before, the particle broke the apposition subject).
    @Test func appositionSubjectKeepsANameParticle() {
        let probe = SuggestionProbe("Jan van Dijk, Vorsitzender des Vereins „Grüne Mühle“, kritisierte die Pläne der Stadt für den Straßenbau als zu teuer 🚧.")
        let reported = probe.proposal(claiming: "kritisierte")
        #expect(reported?.form == .reported)
        #expect(probe.speaker(reported) == "Jan van Dijk, Vorsitzender des Vereins „Grüne Mühle“", "\(probe.speaker(reported))")
        // After a common noun the particle is no name's ("Vorwürfe zu Unrecht").
        let common = SuggestionProbe("Die Vorwürfe zu Unrecht, so hieß es, kritisierte niemand.")
        #expect(common.proposals.allSatisfy { common.speaker($0) != "Die Vorwürfe zu Unrecht" })
    }

    /// "Als Begründung gaben die Behörden an, …": with the particle separated from the finite verb
    /// the verb stands second, so "Als Begründung" is an adverbial, not a clause, and the subject
    /// after the verb is the speaker (before, "als" was dropped and "Begründung" taken).
    @Test func alsPhraseBeforeAVerbInSecondPlaceIsNoSpeaker() {
        let probe = SuggestionProbe("Als Begründung gaben die Kölner Behörden an, die Brücke über den Rhein sei marode 🌉.")
        let indirect = probe.proposal(claiming: "Brücke")
        #expect(probe.speaker(indirect) == "die Kölner Behörden", "\(probe.speaker(indirect))")
        // A verb-final "als"-clause still opens a clause: its subject is the speaker.
        let clause = SuggestionProbe("Als die Ärztin erklärte, die Lage sei ernst, wurde es still.")
        #expect(clause.speaker(clause.proposal(claiming: "Lage")) == "die Ärztin", "\(clause.speaker(clause.proposal(claiming: "Lage")))")
    }

    /// "Die Organisationen Greenpeace, Campact und LobbyControl kritisierten …": the subject that
    /// closes an enumeration keeps the list before its comma (before, only "Campact und
    /// LobbyControl"); a prepositional phrase before the comma is not taken into it.
    @Test func enumerationSubjectKeepsTheWholeList() {
        let probe = SuggestionProbe("Die Verbände Grünhöfe, Bäckerinnung und Müllerbund erklärten, die Preise für Brötchen stiegen bald 🥐.")
        let indirect = probe.proposal(claiming: "Preise")
        #expect(indirect?.form == .indirect)
        #expect(probe.speaker(indirect) == "Die Verbände Grünhöfe, Bäckerinnung … Müllerbund", "\(probe.speaker(indirect))")
        let place = SuggestionProbe("Nach Treffen in Köln, Bonn und Düsseldorf erklärten die Bürgermeisterinnen, die Pläne seien „gut“.")
        #expect(!place.speaker(place.proposal(claiming: "Pläne")).contains("Köln"), "\(place.speaker(place.proposal(claiming: "Pläne")))")
    }

    /// "der Direktor der Behörde, Mohammed el-Baradei": the name after the comma belongs to the
    /// speaker though its family name opens with a lowercase article.
    @Test func nameAppositionKeepsAGluedArticle() {
        let probe = SuggestionProbe("„Die Lage ist ernst ☢️“, sagte der Direktor der Atomenergiebehörde, Mohammed el-Baradei.")
        let quote = probe.proposal(claiming: "Lage")
        #expect(probe.speaker(quote) == "der Direktor der Atomenergiebehörde, Mohammed el-Baradei", "\(probe.speaker(quote))")
    }

    /// "aufgrund", "infolge", "mittels" and "vorab" after a speaker are no part of it; "Einzig"
    /// before a subject is a focus particle, not part of the subject.
    @Test func prepositionsAndFocusParticlesEndTheSpeaker() {
        let reason = SuggestionProbe("Die Schulden seien zu hoch, erklärte Finanzministerin Jäger aufgrund der schwachen Konjunktur 📉.")
        #expect(reason.speaker(reason.proposal(claiming: "Schulden")) == "Finanzministerin Jäger", "\(reason.speaker(reason.proposal(claiming: "Schulden")))")
        let focus = SuggestionProbe("Einzig die Gewerkschaft gab bekannt, dass sie den Vertrag für „völlig überzogen“ hält.")
        #expect(focus.speaker(focus.proposal(claiming: "Vertrag")) == "die Gewerkschaft", "\(focus.speaker(focus.proposal(claiming: "Vertrag")))")
    }

    /// A speaker after the verb keeps a name particle between given and family name and an Arabic
    /// article glued to the name; after a common noun "zu" opens a prepositional phrase.
    @Test func nameKeepsItsParticle() {
        let particle = SuggestionProbe("Die Lage sei ernst, sagte Staatssekretärin Anna de Vries.")
        #expect(particle.speaker(particle.proposal(claiming: "Lage")) == "Staatssekretärin Anna de Vries")
        let article = SuggestionProbe("„Wir fördern mehr Öl als je zuvor“, sagte der Energieminister Karim al-Haddad 🛢️.")
        #expect(article.speaker(article.proposal(claiming: "Öl")) == "der Energieminister Karim al-Haddad", "\(article.speaker(article.proposal(claiming: "Öl")))")
        let preposition = SuggestionProbe("Die Lage sei ernst, sagte der Sprecher zu Journalisten.")
        #expect(preposition.speaker(preposition.proposal(claiming: "Lage")) == "der Sprecher")
    }

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

    /// A preposed message is a clause: a subject with its apposition before the verb ("Die
    /// Botschafterin bei den Vereinten Nationen, Ada Lind, bekräftigte …") is no message of
    /// ", bekräftigte X", and the apposition subject (with its prepositional attribute) is the speaker
    /// of the verb joined by "und" too. A clause before ", sagte X" is still the message.
    @Test func subjectWithAppositionIsNoPreposedMessage() {
        let probe = SuggestionProbe(
            "Die Botschafterin bei den Vereinten Nationen, Ada Lind, bekräftigte die Kritik der Regierung an den Manövern der Flotte im Nordmeer und fügte hinzu, dass die Gespräche bald scheitern könnten.")
        #expect(probe.proposal(claiming: "Die Botschafterin") == nil, "\(probe.proposals.map { probe.claim($0) })")
        let message = probe.proposal(claiming: "Gespräche")
        #expect(probe.speaker(message) == "Die Botschafterin bei den Vereinten Nationen, Ada Lind", "\(probe.speaker(message))")
        #expect(probe.cue(message) == "fügte hinzu", "\(probe.cue(message))")
        let clause = SuggestionProbe("Die Gemeinde plant einen neuen Spielplatz, sagte der Bürgermeister.")
        #expect(clause.speaker(clause.proposal(claiming: "Spielplatz")) == "der Bürgermeister")
        let subjunctive = SuggestionProbe("Die Verhandlungen mit der Gewerkschaft seien gescheitert, sagte die Ministerin.")
        #expect(subjunctive.speaker(subjunctive.proposal(claiming: "Verhandlungen")) == "die Ministerin")
    }

    /// A verb joined by "und" right before it to an earlier verb shares the subject that opens the
    /// clause; the first verb with its object is no part of the speaker. A coordinated subject
    /// ("Die Ministerin und der Botschafter forderten") stays whole.
    @Test func verbAfterUndSharesTheOpeningSubject() {
        let probe = SuggestionProbe(
            "Der neue erste stellvertretende Minister Paul Berger bestellte den Botschafter ein und forderte die Truppen auf, sich unverzüglich zurückzuziehen.")
        let demand = probe.proposal(claiming: "zurückzuziehen")
        #expect(probe.speaker(demand) == "Der neue erste stellvertretende Minister Paul Berger", "\(probe.speaker(demand))")
        let both = SuggestionProbe("Die Ministerin und der Botschafter forderten die Truppen auf, sich unverzüglich zurückzuziehen.")
        let joint = both.proposal(claiming: "zurückzuziehen")
        #expect(joint?.speakers.map { both.text($0) } == ["Die Ministerin", "der Botschafter"], "\(both.speaker(joint))")
    }

    /// Active "zitieren" names two speakers of one frame: the one who quotes (the subject) and the
    /// one quoted (the object), each a phrase of its own; "mit den Worten" belongs to the cue and
    /// the object is no part of the message. In the passive the subject is the one quoted.
    @Test func activeZitierenNamesQuoterAndQuoted() {
        let probe = SuggestionProbe(
            "Am Montag zitierte die Agentur Nordpress den Bürgermeister von Waldheim, Otto Brandl, mit den Worten, er habe von dem Plan nichts gewusst.")
        let words = probe.proposal(claiming: "nichts gewusst")
        #expect(probe.claim(words) == "er habe von dem Plan nichts gewusst", "\(probe.claim(words))")
        #expect(words?.speakers.map { probe.text($0) } == ["die Agentur Nordpress", "den Bürgermeister von Waldheim, Otto Brandl"], "\(probe.speaker(words))")
        #expect(probe.cue(words) == "zitierte … mit den Worten", "\(probe.cue(words))")
        let preposed = SuggestionProbe("Die Brücke werde im Herbst gesperrt, zitierte die Zeitung Frau Lenz.")
        let bridge = preposed.proposal(claiming: "Brücke")
        #expect(bridge?.speakers.map { preposed.text($0) } == ["die Zeitung", "Frau Lenz"], "\(preposed.speaker(bridge))")
        let passive = SuggestionProbe("Der Bürgermeister wird mit den Worten zitiert, er habe nichts gewusst.")
        #expect(passive.speaker(passive.proposal(claiming: "nichts gewusst")) == "Der Bürgermeister")
    }

    /// A run of names after a verb that needs an object holds the subject and the object: its last
    /// name is the addressee ("warf … Ungarn vor"); with an article or a verb whose object may be
    /// missing the run stays whole.
    @Test func nameRunAfterVorwerfenEndsWithTheAddressee() {
        let probe = SuggestionProbe("Am Montag warf Jan Peter Kowalski Ungarn vor, gegen die Regeln der Union verstoßen zu haben.")
        let proposal = probe.proposal(claiming: "Regeln")
        #expect(probe.speaker(proposal) == "Jan Peter Kowalski")
        #expect(proposal.map { probe.text($0.addressee) } == "Ungarn")
        let article = SuggestionProbe("Am Montag warf Ministerin Jana Kühn dem Minister vor, gegen die Regeln verstoßen zu haben.")
        let withArticle = article.proposal(claiming: "Regeln")
        #expect(article.speaker(withArticle) == "Ministerin Jana Kühn")
        #expect(withArticle.map { article.text($0.addressee) } == "dem Minister")
        let optional = SuggestionProbe("Am Montag teilte Hans Peter Müller mit, dass die Straße gesperrt bleibe.")
        #expect(optional.speaker(optional.proposal(claiming: "gesperrt")) == "Hans Peter Müller")
    }

    /// An accusative or dative phrase after the verb is no subject: the subject after it is taken
    /// ("sagte dem Radiosender die Ministerin"), else none ("Es weist den Verdacht zurück").
    @Test func objectAfterTheVerbIsNoSubject() {
        let pronoun = SuggestionProbe("Es weist den Verdacht entschieden zurück, man habe Unterlagen zurückgehalten.")
        let claim = pronoun.proposal(claiming: "Unterlagen")
        #expect(claim != nil)
        #expect(!pronoun.speaker(claim).contains("Verdacht"), "\(pronoun.speaker(claim))")
        let after = SuggestionProbe("Damals sagte dem Radiosender die Ministerin, die Schule bleibe offen.")
        #expect(after.speaker(after.proposal(claiming: "Schule")) == "die Ministerin")
    }

    /// A foreign name particle joins a name after a given name with a noun's ending ("Marieke",
    /// "Peter"); "zu" after a common noun still does not.
    @Test func nameParticleAfterAGivenNameWithANounEnding() {
        let colon = SuggestionProbe("Die Leiterin der Bücherei, Marieke van Dam, meinte dazu: „Wir öffnen im Herbst wieder und warten ab.“")
        #expect(colon.speaker(colon.proposal(claiming: "Herbst")) == "Die Leiterin der Bücherei, Marieke van Dam", "\(colon.speaker(colon.proposal(claiming: "Herbst")))")
        let clause = SuggestionProbe("Der Vorsitzende des Vereins, Peter de Vries, sagte, man prüfe den Fall.")
        #expect(clause.speaker(clause.proposal(claiming: "Fall")) == "Der Vorsitzende des Vereins, Peter de Vries", "\(clause.speaker(clause.proposal(claiming: "Fall")))")
        let common = SuggestionProbe("Die Vorwürfe zu Unrecht, so hieß es, kritisierte niemand.")
        #expect(common.proposals.allSatisfy { common.speaker($0) != "Die Vorwürfe zu Unrecht" })
    }

    /// An age between commas after a name is part of the subject's apposition ("Jonas Berger, 42, sagte").
    @Test func ageAfterANameIsPartOfTheSubject() {
        let probe = SuggestionProbe("Der Fischer Jonas Berger, 42, sagte, die See sei an diesem Morgen sehr rau gewesen.")
        #expect(probe.speaker(probe.proposal(claiming: "See")) == "Der Fischer Jonas Berger, 42", "\(probe.speaker(probe.proposal(claiming: "See")))")
    }

    /// "of"/"for" between capitalised words join an English name in a speaker or frame source
    /// ("Professorin am Institute of Marine Science", "Nach Angaben der University of Leeds").
    @Test func englishNameWithOfStaysWhole() {
        let probe = SuggestionProbe("Das Eis schmelze schneller, sagte die Forscherin Jana Holm vom Institute of Marine Science.")
        #expect(probe.speaker(probe.proposal(claiming: "Eis")) == "die Forscherin Jana Holm vom Institute of Marine Science")
        let laut = SuggestionProbe("Der Meeresspiegel ist laut der University of Leeds stark gestiegen.")
        #expect(laut.speaker(laut.proposal(claiming: "Meeresspiegel")) == "der University of Leeds")
        let frame = SuggestionProbe("Nach Angaben der University of Leeds ist der Meeresspiegel gestiegen.")
        #expect(frame.speaker(frame.proposal(claiming: "Meeresspiegel")) == "Angaben der University of Leeds")
    }

    /// In "wie X … mitteilte", a place or medium after the speaker with "in"/"aus" right before the
    /// verb stays with it, as SpkAtt marks it ("die Stadtwerke in Kiel", "der Sender in seiner
    /// Abendausgabe", "Dr. Brandt aus dem Forscherteam"); a time ("am Montag", "im Juni"), another
    /// preposition before the verb, an occasion ("in der Pressekonferenz") and a place after an
    /// apposition end it.
    @Test func wieClauseSpeakerKeepsItsPlaceOrMedium() {
        let probe = SuggestionProbe(
            "Wie die Stadtwerke in Kiel mitteilten, bleibt das Bad bis Mai geschlossen. "
                + "Wie der Sender in seiner Abendausgabe berichtete, wurde die Brücke gesperrt. "
                + "Wie Dr. Brandt aus dem Forscherteam erklärte, ist die Probe verunreinigt. "
                + "Wie der Verband am Montag in Hamburg mitteilte, steigen die Preise. "
                + "Wie die Ministerin im Juni sagte, wird das Gesetz geändert. "
                + "Wie der Sprecher in der Pressekonferenz sagte, fällt das Spiel aus. "
                + "Wie Jana Kühn, Leiterin des Amtes, in Berlin sagte, sinkt die Zahl der Anträge.")
        #expect(probe.speaker(probe.proposal(claiming: "Bad")) == "die Stadtwerke in Kiel")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "der Sender in seiner Abendausgabe")
        #expect(probe.speaker(probe.proposal(claiming: "Probe")) == "Dr. Brandt aus dem Forscherteam")
        #expect(probe.speaker(probe.proposal(claiming: "Preise")) == "der Verband")
        #expect(probe.speaker(probe.proposal(claiming: "Gesetz")) == "die Ministerin")
        #expect(probe.speaker(probe.proposal(claiming: "Spiel")) == "der Sprecher")
        #expect(probe.speaker(probe.proposal(claiming: "Anträge")) == "Jana Kühn, Leiterin des Amtes")
    }

    /// An adverb put before the verb ("Danach", "Anschließend", "Monatelang", "Unmissverständlich")
    /// is never the speaker: the subject after the verb is; a surname with an adverb's ending
    /// before a comma or a medium in the dative stays the speaker.
    @Test func adverbBeforeTheVerbIsNoSpeaker() {
        let probe = SuggestionProbe(
            "Danach sagte der Bürgermeister, die Brücke über die Förde sei sicher. "
                + "Anschließend erklärte die Polizei in Lübeck, sie ermittle gegen Unbekannt. "
                + "Monatelang haben die Stadtwerke bestritten, dass die Leitungen undicht wären. "
                + "Unmissverständlich erklärt das Gericht in seiner Begründung, dass es „nicht von der Unschuld überzeugt“ sei. "
                + "Fröhlich sagte, die Gespräche seien gut verlaufen. "
                + "Ehrlich sagte der Zeitung, die Verträge würden geprüft.")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "der Bürgermeister")
        #expect(probe.proposal(claiming: "Brücke")?.addressee.isEmpty == true)
        #expect(probe.speaker(probe.proposal(claiming: "ermittle")) == "die Polizei in Lübeck")
        #expect(probe.speaker(probe.proposal(claiming: "Leitungen")) == "die Stadtwerke")
        #expect(probe.speaker(probe.proposal(claiming: "dass es")) == "das Gericht")
        #expect(probe.speaker(probe.proposal(claiming: "Gespräche")) == "Fröhlich")
        #expect(probe.speaker(probe.proposal(claiming: "Verträge")) == "Ehrlich")
    }

    /// A time adverb put before the verb ("Gegenwärtig", "Derzeit", "Künftig") is no speaker: the
    /// subject after the verb is, and the dative after that subject is the addressee, not the subject.
    @Test func timeAdverbBeforeTheVerbIsNoSpeaker() {
        let probe = SuggestionProbe(
            "Gegenwärtig wirft Bürgermeisterin Jana Kühn dem Landrat Untätigkeit vor. "
                + "Derzeit fordert die Gewerkschaft einen Aufschub der Pläne für die Schließung der Bäder.")
        let reproach = probe.proposal(claiming: "Untätigkeit")
        #expect(probe.speaker(reproach) == "Bürgermeisterin Jana Kühn", "\(probe.proposals.map { probe.speaker($0) })")
        #expect(reproach.map { probe.text($0.addressee) } == "dem Landrat")
        #expect(probe.speaker(probe.proposal(claiming: "Bäder")) == "die Gewerkschaft")
    }

    /// Where an office is held belongs to the apposition after a postposed name ("Sprecherin beim
    /// Verband der Hoteliers", "Leiter der Abteilung bei der ÖVP"); an occasion does not ("bei
    /// einer Pressekonferenz").
    @Test func officeKeepsWhereItIsHeld() {
        let probe = SuggestionProbe(
            "Die Zahl der Übernachtungen sei gestiegen, sagte Anna Köhler, Sprecherin beim Verband der Hoteliers. "
                + "„Die Lage ist ernst“, so Frank Müller, Leiter der Abteilung Öffentlichkeitsarbeit bei der ÖVP. "
                + "Die Straße bleibe gesperrt, sagte Jörg Weiß, Sprecher der Stadt, bei einer Pressekonferenz.")
        #expect(probe.speaker(probe.proposal(claiming: "Übernachtungen")) == "Anna Köhler, Sprecherin beim Verband der Hoteliers")
        #expect(probe.speaker(probe.proposal(claiming: "Lage")) == "Frank Müller, Leiter der Abteilung Öffentlichkeitsarbeit bei der ÖVP")
        #expect(probe.speaker(probe.proposal(claiming: "Straße")) == "Jörg Weiß, Sprecher der Stadt")
    }
}
