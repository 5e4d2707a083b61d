import Testing

@testable import Annotations

/// Addressees: a dative right after the verb, a preposition that names whom a statement was made
/// to ("gegenüber", "vor der Presse", "in einem Interview mit"), and the object of a passive
/// reproach or request ("Ihm wird vorgeworfen").
@Suite struct SuggestionAddresseeTests {
    func addressee(_ probe: SuggestionProbe, _ fragment: String) -> String {
        probe.proposal(claiming: fragment).map { probe.text($0.addressee) } ?? "<none>"
    }

    /// "Der Sprecher sagte dem Sender, …" and "Schmid sagte der Zeitung: „…“": one helper finds the
    /// dative between the verb and the comma or colon.
    @Test func dativeRightAfterTheVerb() {
        let probe = SuggestionProbe(
            "Der Sprecher sagte dem Lokalsender, die Brücke bleibe gesperrt. Die Försterin sagte der Zeitung: „Der Wald braucht Regen.“")
        #expect(addressee(probe, "Brücke") == "dem Lokalsender")
        #expect(addressee(probe, "Wald") == "der Zeitung")
    }

    /// "gegenüber X", "vor der Presse", "zur Agentur X", "in einem Interview mit X" in the frame
    /// name the addressee (the phrase without the preposition), wherever they stand in the frame.
    /// "den" right after the verb opens an addressee only as a dative plural naming people or a
    /// body ("sagte den Reportern"); "bezifferte den Schaden auf …", "wies den Bericht als falsch
    /// zurück" have an accusative object, which is no addressee.
    @Test func accusativeRightAfterTheVerbIsNoAddressee() {
        let plural = SuggestionProbe("Der Sprecher der Feuerwehr sagte den Reportern, die Lage sei unter Kontrolle.")
        #expect(addressee(plural, "Lage") == "den Reportern")
        let damage = SuggestionProbe("Die Versicherung bezifferte den Schaden am Deich auf drei Millionen Euro.")
        #expect(damage.proposals.first.map { damage.text($0.addressee) } == "", "\(damage.proposals.map { damage.text($0.addressee) })")
        let report = SuggestionProbe("Die Reederei wies den Bericht als falsch zurück.")
        #expect(report.proposals.first.map { report.text($0.addressee) } == "", "\(report.proposals.map { report.text($0.addressee) })")
    }

    @Test func prepositionNamesTheAddressee() {
        let probe = SuggestionProbe(
            "Der Bürgermeister sagte am Abend gegenüber dem Lokalradio, die Brücke bleibe gesperrt. "
                + "Gegenüber der Zeitung erklärte die Ärztin: „Wir sind am Limit.“ "
                + "Die Ministerin sagte vor der Presse, man werde die Schulen öffnen. "
                + "„Wir bleiben hier“, sagte der Trainer in einem Interview mit dem Sportsender. "
                + "Die Fähre fahre wieder, sagte der Kapitän zur Nachrichtenagentur Nordpress.")
        #expect(addressee(probe, "Brücke") == "dem Lokalradio")
        #expect(addressee(probe, "Limit") == "der Zeitung")
        #expect(addressee(probe, "Schulen") == "der Presse")
        #expect(addressee(probe, "bleiben") == "dem Sportsender")
        #expect(addressee(probe, "Fähre") == "Nachrichtenagentur Nordpress")
    }

    /// "vor" before a place and a preposition inside the message name no addressee.
    @Test func prepositionsThatNameNoAddressee() {
        let probe = SuggestionProbe(
            "Die Ministerin sagte vor dem Rathaus, man werde helfen. Der Trainer sagte, er sei gegenüber den Fans ehrlich gewesen.")
        #expect(addressee(probe, "helfen") == "")
        #expect(addressee(probe, "ehrlich") == "")
    }

    /// "Dem Trainer wird vorgeworfen, …", "Darin wird die Stadt aufgefordert, …": the object of a
    /// passive reproach or request is the addressee, without the agent after "von".
    @Test func objectOfAPassiveReproachIsTheAddressee() {
        let probe = SuggestionProbe(
            "Dem Trainer wird vorgeworfen, Spieler beleidigt zu haben. Darin wird die Stadt aufgefordert, den Park zu schließen. "
                + "Zudem wurde der Bürgermeister vom Verband aufgefordert, die Halle zu öffnen. Es wird erwartet, dass der Regen anhält.")
        #expect(addressee(probe, "beleidigt") == "Dem Trainer")
        #expect(addressee(probe, "Park") == "die Stadt")
        #expect(addressee(probe, "Halle") == "der Bürgermeister")
        #expect(addressee(probe, "Regen") == "" || addressee(probe, "Regen") == "<none>")
    }

    /// "Die Verbände haben der Ministerin vorgeworfen, …": in the active perfect the object after
    /// the auxiliary is the addressee when the speaker stands before it.
    @Test func objectOfAPerfectReproachIsTheAddressee() {
        let probe = SuggestionProbe(
            "Die Verbände haben der Ministerin vorgeworfen, Zahlen verschwiegen zu haben. "
                + "Der Rat hatte den Bürgermeister gestern aufgefordert, den Platz zu räumen.")
        #expect(addressee(probe, "Zahlen") == "der Ministerin")
        #expect(addressee(probe, "Platz") == "den Bürgermeister")
    }

    /// "sagte Reportern, …", "sagte US-Journalisten: „…“", "sagte NORDKURIER ONLINE, …": an
    /// audience in the dative plural or a medium's name in capitals right after the verb, without an
    /// article, is the addressee when the speaker stands before the verb; "Montag" is none.
    @Test func bareAudienceOrMediumAfterTheVerb() {
        let probe = SuggestionProbe(
            "Der Minister sagte Reportern, die Gespräche seien gescheitert. "
                + "Eine Sprecherin der Stadt sagte NORDKURIER ONLINE, man prüfe den Fall. "
                + "Die Trainerin sagte US-Journalisten: „Wir sind bereit.“ "
                + "Der Kapitän sagte Montag, die Fähre werde verlegt.")
        #expect(addressee(probe, "Gespräche") == "Reportern")
        #expect(addressee(probe, "prüfe") == "NORDKURIER ONLINE")
        #expect(addressee(probe, "bereit") == "US-Journalisten")
        #expect(addressee(probe, "Fähre") == "")
    }

    /// "appellierte an X": the phrase after "an" is the addressee, and SpkAtt's cue is the verb alone.
    @Test func appealNamesItsAddresseeAfterAn() {
        let probe = SuggestionProbe(
            "Die Bürgermeisterin appellierte an die Autofahrer, langsamer zu fahren. "
                + "Der Bischof appellierte am Sonntag an alle Gläubigen: „Helft einander.“")
        #expect(addressee(probe, "langsamer") == "die Autofahrer")
        #expect(probe.cue(probe.proposal(claiming: "langsamer")) == "appellierte")
        #expect(addressee(probe, "Helft") == "alle Gläubigen")
    }

    /// A zu-infinitive written as one word with its particle ("einzuhalten", "freizulassen") is a
    /// message as "zu fahren" is: the appeal got no proposal at all.
    @Test func appealWithAParticleInfinitive() {
        let probe = SuggestionProbe(
            "Der Generalsekretär appellierte an beide Seiten, die Waffenruhe einzuhalten. "
                + "Die Ministerin appellierte an die Regierung, die Gefangenen sofort freizulassen.")
        #expect(addressee(probe, "Waffenruhe") == "beide Seiten")
        #expect(probe.cue(probe.proposal(claiming: "Waffenruhe")) == "appellierte")
        #expect(addressee(probe, "Gefangenen") == "die Regierung")
    }

    /// "X wandte sich an Y: „…“" and "richtete sich an Y": Y before the colon is the addressee,
    /// not the speaker; the subject (before the verb or after "sich") is the speaker, and the cue
    /// "wandte sich … an". A phrase after "an" that does not reach the colon names no addressee.
    @Test func turnedToBeforeAColonIsTheAddressee() {
        let probe = SuggestionProbe(
            "Die Bürgermeisterin wandte sich am Abend an die Anwohner: „Wir lassen niemanden allein.“ "
                + "Danach richtete sich der Trainer an die Fans: „Ihr wart großartig heute.“ "
                + "Der Verein wandte sich an die Stadt an einem Montag mit Sorgen: „Wir brauchen eine Halle.“")
        let residents = probe.proposal(claiming: "niemanden")
        #expect(probe.speaker(residents) == "Die Bürgermeisterin", "\(probe.speaker(residents))")
        #expect(addressee(probe, "niemanden") == "die Anwohner")
        #expect(probe.cue(residents) == "wandte sich … an", "\(probe.cue(residents))")
        #expect(probe.speaker(probe.proposal(claiming: "großartig")) == "der Trainer", "\(probe.speaker(probe.proposal(claiming: "großartig")))")
        #expect(addressee(probe, "großartig") == "die Fans")
        #expect(probe.cue(probe.proposal(claiming: "großartig")) == "richtete sich … an")
        #expect(addressee(probe, "Halle") == "")
    }

    /// A verb with an addressee and an object ("vorwerfen") names the object right after the
    /// addressee: with no clause after the cue, the capitalised word that closes the addressee
    /// before the particle is the object ("dem Minister Wortbruch"), not part of a name; a comma
    /// clause as the object leaves a name after a title whole.
    @Test func objectAfterATitleIsNoName() {
        let probe = SuggestionProbe("Die Opposition warf dem Minister Wortbruch vor.")
        #expect(addressee(probe, "Wortbruch") == "dem Minister", "\(probe.proposals.map { probe.text($0.addressee) })")
        let reason = SuggestionProbe("Der Verband wirft Bürgermeisterin Anna Berger Untätigkeit vor, da die Halle seit Jahren leer steht.")
        #expect(addressee(reason, "Untätigkeit") == "Bürgermeisterin Anna Berger", "\(reason.proposals.map { reason.text($0.addressee) })")
        let clause = SuggestionProbe("Die Opposition warf dem Minister Müller vor, er habe die Zahlen geschönt.")
        #expect(addressee(clause, "Zahlen") == "dem Minister Müller")
    }

    /// The phrase that opens a passive reproach or advice is its addressee even with an apposition
    /// in commas or an attribute with "unter … von", and never its speaker: "Dem Berater X, einem
    /// früheren Minister, wird vorgeworfen, …".
    @Test func longPhraseOpeningAPassiveIsTheAddressee() {
        let probe = SuggestionProbe(
            "Dem Berater Karl Ostwald, einem früheren Minister, wird vorgeworfen, den Umsturz geplant zu haben. "
                + "Der Regierung des Landes unter der Führung von Anna Berger wird vorgeworfen, Zeitungen zu schließen.")
        let berater = probe.proposal(claiming: "Umsturz")
        #expect(addressee(probe, "Umsturz") == "Dem Berater Karl Ostwald, einem früheren Minister")
        #expect(probe.speaker(berater) == "")
        let regierung = probe.proposal(claiming: "Zeitungen")
        #expect(addressee(probe, "Zeitungen") == "Der Regierung des Landes unter der Führung von Anna Berger")
        #expect(probe.speaker(regierung) == "")
    }

    /// A relative clause after the opening phrase is no part of it: the plain phrase stays.
    @Test func relativeClauseAfterAPassiveObjectIsLeftOut() {
        let probe = SuggestionProbe("Dem Minister, der gestern zurückgetreten ist, wird vorgeworfen, Akten vernichtet zu haben.")
        #expect(addressee(probe, "Akten") != "Dem Minister, der gestern zurückgetreten ist")
    }

    /// A partial quote that borrows the cue of the claim around it is said to that claim's
    /// addressee too.
    @Test func partialQuoteSharesTheAddresseeOfItsClaim() {
        let probe = SuggestionProbe(
            "Der Präsident sagte vor Journalisten, die Täter seien „Feinde der Freiheit“ und würden gefasst.")
        let quote = probe.proposals.first { probe.text($0.claim) == "„Feinde der Freiheit“" }
        #expect(quote.map { probe.text($0.addressee) } == "Journalisten")
    }

    /// "bat den Minister, …", "drängten den Premierminister, …": the object of a request is its
    /// addressee; "bat um Geduld" names none.
    @Test func objectOfARequestIsTheAddressee() {
        let probe = SuggestionProbe(
            "Sie bat den Minister, die Schulen offen zu halten. Die Verbände drängten den Premierminister auch, seine Bemühungen zu verstärken. "
                + "Der Minister bat um Geduld, die Prüfung dauere an.")
        #expect(addressee(probe, "Schulen") == "den Minister")
        #expect(addressee(probe, "Bemühungen") == "den Premierminister")
        #expect(addressee(probe, "Prüfung") == "" || addressee(probe, "Prüfung") == "<none>")
    }

    /// "forderte die 27 Mitgliedstaaten auf", "haben 3,6 Millionen Einwohner aufgefordert", "sagte
    /// den 18 Mitarbeitern, …": a number that counts the noun after it belongs to the phrase (it
    /// ended the phrase before, which left the addressee empty). A date's ordinal does not.
    @Test func numberInsideTheObjectPhrase() {
        let probe = SuggestionProbe(
            "Die Kommission forderte die 27 Mitgliedstaaten auf, die Regeln umzusetzen. "
                + "Die Behörden haben 3,6 Millionen Einwohner aufgefordert, ihre Häuser zu verlassen. "
                + "Der Verleger sagte den 18 Mitarbeitern, dass die Zeitung eingestellt werde. "
                + "Der Minister warnte in einem Brief an sechs Bundesminister: „Das Wasser ist in Gefahr.“")
        #expect(addressee(probe, "Regeln") == "die 27 Mitgliedstaaten")
        #expect(addressee(probe, "Häuser") == "3,6 Millionen Einwohner")
        #expect(addressee(probe, "eingestellt") == "den 18 Mitarbeitern")
        #expect(addressee(probe, "Wasser") == "sechs Bundesminister")
    }

    /// "forderte von der Regierung Aufklärung darüber, ob …", "verlangte von der Stadt, …",
    /// "…, forderte er vom Ausschuss": "von" after a verb of demand names the addressee (without
    /// the preposition); the agent of a passive ("wurde von X gefordert") does not.
    @Test func vonAfterADemandNamesTheAddressee() {
        let probe = SuggestionProbe(
            "Die Kanzlerin forderte von der iranischen Regierung Aufklärung darüber, ob die Wahl regulär verlaufen sei. "
                + "Der Verband verlangte von der Stadt, die Halle sofort zu schließen. "
                + "Der Katalog müsse überprüft werden, forderte er vom Gemeinsamen Bundesausschuss. "
                + "Der Rückbau der Straße wurde von der Bürgerinitiative gefordert, hieß es.")
        #expect(addressee(probe, "Wahl") == "der iranischen Regierung")
        #expect(addressee(probe, "Halle") == "der Stadt")
        #expect(addressee(probe, "Katalog") == "Gemeinsamen Bundesausschuss")
        #expect(probe.proposals.allSatisfy { probe.text($0.addressee) != "der Bürgerinitiative" })
    }

    /// "sagte zu Journalisten, …", "soll Anelka zu Domenech gesagt haben: „…“": "zu" before an
    /// audience or a bare name next to "sagen" names the addressee; "sagte zu Beginn" and "sagte
    /// zu den Vorwürfen" do not.
    @Test func zuAfterSagenNamesTheAddressee() {
        let probe = SuggestionProbe(
            "Der Bürgermeister sagte zu Journalisten, die Brücke bleibe gesperrt. "
                + "Anelka soll zu Domenech gesagt haben: „Das war nichts.“ "
                + "Die Ministerin sagte zu Beginn, man werde helfen. "
                + "Der Trainer sagte zu den Vorwürfen, er habe nichts gewusst.")
        #expect(addressee(probe, "Brücke") == "Journalisten")
        #expect(addressee(probe, "nichts.") == "Domenech")
        #expect(["", "<none>"].contains(addressee(probe, "helfen")))
        #expect(["", "<none>"].contains(addressee(probe, "gewusst")))
    }

    /// Reported speech in the active perfect ("Die Union hat die Regierung von Myanmar zur
    /// Kooperation aufgefordert."): the object after the auxiliary is the addressee, as in the
    /// simple past ("forderte die Regierung zur Kooperation auf") where it was found already.
    @Test func objectOfAReportedPerfectIsTheAddressee() {
        let probe = SuggestionProbe(
            "Die Europäische Union hat die Regierung von Myanmar erneut zur Kooperation aufgefordert. "
                + "Der Premier hat Deutschland heute Versagen im Krisenmanagement vorgeworfen.")
        #expect(addressee(probe, "Kooperation") == "die Regierung von Myanmar")
        #expect(addressee(probe, "Krisenmanagement") == "Deutschland")
    }

    /// A dative object right before a reporting verb at the end of its clause (the middle field) is
    /// the addressee: "hat in einem Brief den Abgeordneten mitgeteilt, …", "indem er seinem
    /// früheren Arbeitgeber vorwarf, …", "hatte der Verlagsleiter den 18 Mitarbeitern erklärt, …".
    /// A dative after a preposition ("mit dem Betriebsrat") and one that names a matter ("einem
    /// solchen Einsatz zugestimmt") are none, nor is an accusative ("den Namen").
    @Test func dativeBeforeAVerbAtTheClauseEnd() {
        let probe = SuggestionProbe(
            "Der Präsident hat in einem Brief den Abgeordneten mitgeteilt, dass die Regel vorerst ausgesetzt werde. "
                + "Der Stürmer reagierte, indem er seinem früheren Arbeitgeber vorwarf, ihn loswerden zu wollen. "
                + "Am Freitag hatte der Verlagsleiter den 18 Mitarbeitern erklärt, dass die Zeitung eingestellt werde. "
                + "Die Direktorin hat nach einem Treffen mit dem Betriebsrat erklärt, dass die Kantine bleibe. "
                + "Der Minister hat einem solchen Einsatz zugestimmt, sagte ein Sprecher. "
                + "Die Ministerin hat am Montag erklärt, dass der Hafen ausgebaut werde.")
        #expect(addressee(probe, "Regel") == "den Abgeordneten")
        #expect(addressee(probe, "loswerden") == "seinem früheren Arbeitgeber")
        #expect(addressee(probe, "eingestellt") == "den 18 Mitarbeitern")
        #expect(addressee(probe, "Kantine") == "")
        #expect(addressee(probe, "Hafen") == "")
    }

    /// An addressee before the verb: a fronted "An X" with an "an"-verb ("An die Regierung appellierte
    /// sie, …", "An die Eltern wandte sich die Ministerin: …", "An die Gewerkschaften gewandt sagte er,
    /// …") and "X gegenüber" with the preposition after its phrase ("sagte er der Zeitung
    /// gegenüber", "Ihm gegenüber hat sie angegeben, …"), the preposition with the phrase as SpkAtt
    /// marks it there (not before "gewandt"). "An diesem Tag" before another verb, and
    /// "X gegenüber" with "stehen" (an attitude), name none.
    @Test func addresseeBeforeTheVerbOrBeforeGegenueber() {
        let probe = SuggestionProbe(
            "An die Regierung des Landes appellierte die Ministerin, den Helfern mehr Unterstützung zu geben. "
                + "An die Gewerkschaften gewandt sagte der Präsident, sie müssten ihre Zurückhaltung aufgeben. "
                + "Der Bürgermeister sagte der Zeitung gegenüber, die Brücke werde im Mai eröffnet. "
                + "Ihm gegenüber hat die Zeugin angegeben, sie habe nichts gesehen. "
                + "An diesem Tag sagte der Trainer, die Mannschaft sei müde. "
                + "Die Partei steht dem Plan kritisch gegenüber, sagte die Sprecherin.")
        #expect(addressee(probe, "Helfern") == "An die Regierung des Landes")
        #expect(addressee(probe, "Zurückhaltung") == "die Gewerkschaften")
        #expect(addressee(probe, "Mai") == "der Zeitung gegenüber")
        #expect(addressee(probe, "nichts gesehen") == "Ihm gegenüber")
        #expect(addressee(probe, "müde") == "")
        #expect(addressee(probe, "kritisch") == "")
    }

    /// A partial quote with no proposal around it to borrow an addressee from takes the object right
    /// after a verb that addresses someone: "warnte die Behörden vor einem „…“", "empfiehlt allen
    /// Urlaubern einen „…“" (also after an inverted speaker); none after "warnte vor", nor for a verb
    /// that reads so only with its particle ("hält X für „…“" is not "hält X vor").
    @Test func partialQuoteTakesTheObjectOfAnAddressingVerb() {
        let probe = SuggestionProbe(
            "Die Ärztin warnte die Behörden vor einem „völlig überstürzten Vorgehen“. "
                + "Das Auswärtige Amt empfiehlt allen Urlaubern einen „wirksamen Mückenschutz“. "
                + "Am Montag warnte der Bürgermeister die Anwohner vor „großen Schäden durch Hochwasser“. "
                + "Der Verband warnte vor einem „übereilten Schritt“. "
                + "Die Grünen halten den Beschluss für „längst überfällig“.")
        #expect(addressee(probe, "überstürzten") == "die Behörden")
        #expect(addressee(probe, "Mückenschutz") == "allen Urlaubern")
        #expect(addressee(probe, "Hochwasser") == "die Anwohner")
        #expect(addressee(probe, "übereilten") == "")
        #expect(addressee(probe, "überfällig") == "")
    }

    /// "gegenüber X" right after the source of a "nach Angaben"/"laut" frame: X is the frame's
    /// addressee and leaves the message; a "gegenüber" inside the message stays there.
    @Test func gegenueberAfterTheSourceOfAFrame() {
        let probe = SuggestionProbe(
            "Nach Angaben der Sprecherin Jördis Hübner gegenüber der Zeitung ist der Flughafen der am stärksten wachsende Standort. "
                + "Die Anwohner wurden nach Angaben eines Helfers gegenüber dem „Kurier“ von der Polizei angewiesen, die Stadt zu verlassen. "
                + "Laut dem Bürgermeister gegenüber dem Sender bleibt die Brücke über die Förde gesperrt. "
                + "Nach Angaben der Polizei ist die Stimmung gegenüber den Gästen freundlich.")
        let airport = probe.proposal(claiming: "Flughafen")
        #expect(addressee(probe, "Flughafen") == "der Zeitung")
        #expect(probe.claim(airport) == "ist der Flughafen der am stärksten wachsende Standort")
        #expect(addressee(probe, "Anwohner") == "dem „Kurier“")
        #expect(!probe.claim(probe.proposal(claiming: "Anwohner")).contains("Kurier"))
        #expect(addressee(probe, "Förde") == "dem Sender")
        #expect(addressee(probe, "Stimmung") == "")
        #expect(probe.claim(probe.proposal(claiming: "Stimmung")) == "ist die Stimmung gegenüber den Gästen freundlich")
    }

    /// After an inverted subject of an article and one noun, a bare capitalised word right before
    /// the particle is the one addressed ("rufen die Verbände Eltern dazu auf"); after a title it
    /// is the subject's name ("forderte die Ministerin Berger dazu auf").
    @Test func bareNounAfterAnArticleSubjectIsTheAddressee() {
        let probe = SuggestionProbe("Außerdem rufen die Verbände Eltern dazu auf, die Anmeldung bis Freitag abzugeben.")
        let appeal = probe.proposal(claiming: "Anmeldung")
        #expect(probe.speaker(appeal) == "die Verbände", "\(probe.speaker(appeal))")
        #expect(addressee(probe, "Anmeldung") == "Eltern", "\(probe.proposals.map { probe.text($0.addressee) })")
        let title = SuggestionProbe("Außerdem forderte die Ministerin Berger dazu auf, die Anmeldung bis Freitag abzugeben.")
        #expect(title.speaker(title.proposal(claiming: "Anmeldung")) == "die Ministerin Berger", "\(title.proposals.map { title.speaker($0) })")
    }

    /// A bare name after an organisation's noun is the organisation's name, part of the subject
    /// ("rief die Gewerkschaft Verdi dazu auf"), not the one addressed; after an authority, whose
    /// name is a place, a bare name is still the addressee ("warf die Staatsanwaltschaft Berger vor").
    @Test func nameAfterAnInstitutionIsNoBareAddressee() {
        let probe = SuggestionProbe("Am Dienstag rief die Gewerkschaft Verdi dazu auf, die Arbeit in den Kliniken für zwei Tage niederzulegen.")
        let appeal = probe.proposal(claiming: "Arbeit")
        #expect(probe.speaker(appeal) == "die Gewerkschaft Verdi", "\(probe.proposals.map { probe.speaker($0) })")
        #expect(addressee(probe, "Arbeit") == "", "\(probe.proposals.map { probe.text($0.addressee) })")
        let authority = SuggestionProbe("Außerdem warf die Staatsanwaltschaft Berger vor, Gelder der Stiftung veruntreut zu haben.")
        #expect(addressee(authority, "Gelder") == "Berger", "\(authority.proposals.map { authority.text($0.addressee) })")
    }

    /// A sentence adverb between the verb and "gegenüber X" ("bestritt jedoch gegenüber der
    /// Zeitung", "sagte aber gegenüber dem Sender") leaves "X" the addressee.
    @Test func gegenueberAfterASentenceAdverb() {
        let reported = SuggestionProbe("Die Anwältin Jördis Krämer bestritt jedoch gegenüber der Zeitung jede Beteiligung ihres Mandanten.")
        #expect(addressee(reported, "Beteiligung") == "der Zeitung", "\(reported.proposals.map { reported.text($0.addressee) })")
        let indirect = SuggestionProbe("Der Sprecher sagte aber gegenüber dem Sender, die Lage sei ruhig.")
        #expect(addressee(indirect, "Lage") == "dem Sender", "\(indirect.proposals.map { indirect.text($0.addressee) })")
    }

    /// A reproach's object may be a phrase of several words ("Verzögerung der Sanierung",
    /// "mangelnde Sorgfalt"): the addressee before it keeps a name of several words whole.
    @Test func objectOfSeveralWordsAfterANameIsNoAddressee() {
        let genitive = SuggestionProbe("Die Verbände werfen Bürgermeister Jonas Körner Verzögerung der Sanierung vor.")
        #expect(addressee(genitive, "Sanierung") == "Bürgermeister Jonas Körner", "\(genitive.proposals.map { genitive.text($0.addressee) })")
        let adjective = SuggestionProbe("Die Grünen warfen Jürgen Weiß mangelnde Sorgfalt vor.")
        #expect(addressee(adjective, "Sorgfalt") == "Jürgen Weiß", "\(adjective.proposals.map { adjective.text($0.addressee) })")
        let single = SuggestionProbe("Die Opposition warf dem Präsidenten der Republik Wortbruch vor.")
        #expect(addressee(single, "Wortbruch") == "dem Präsidenten der Republik", "\(single.proposals.map { single.text($0.addressee) })")
    }

    /// A comma clause whose partial quote opens at its verb ("…, der Papst „ist …“"): the subject
    /// before the quote is no apposition of the addressee or the speaker, so "vor"/"gegenüber der
    /// Presse" stays the addressee of the clause and of its quote, and the clause stays a proposal.
    @Test func commaClauseWithAQuoteOpeningAtItsVerb() {
        let probe = SuggestionProbe(
            "Später sagte die Kanzlerin vor der Presse, der Papst „ist und bleibt ein großer Denker unserer Zeit“. "
                + "Am Abend sagte der Präsident gegenüber der Presse, Ludwig XIV. „war und blieb ein großer Herrscher“. "
                + "Später sagte die Ärztin, der Minister „wäre gut beraten“, die Pläne zu prüfen.")
        let clause = probe.proposals.first { probe.claim($0) == "der Papst „ist und bleibt ein großer Denker unserer Zeit“" }
        #expect(clause.map { probe.text($0.addressee) } == "der Presse")
        #expect(probe.speaker(clause) == "die Kanzlerin")
        #expect(addressee(probe, "„ist und bleibt") == "der Presse")
        let king = probe.proposals.first { probe.claim($0) == "Ludwig XIV. „war und blieb ein großer Herrscher“" }
        #expect(king.map { probe.text($0.addressee) } == "der Presse")
        #expect(probe.speaker(king) == "der Präsident")
        #expect(probe.speaker(probe.proposal(claiming: "„wäre gut")) == "die Ärztin")
        // A name in apposition before a quoted name or a closing comma stays with the speaker.
        let name = SuggestionProbe("„Wir bleiben“, sagte der Sprecher des Vereins, Elmar Gesse. Die Lage sei ernst, sagte Ulrike Kamp, die Leiterin der Zeitung „Die Höhe“.")
        #expect(name.speaker(name.proposal(claiming: "Wir bleiben")) == "der Sprecher des Vereins, Elmar Gesse")
        #expect(name.speaker(name.proposal(claiming: "Lage")) == "Ulrike Kamp, die Leiterin der Zeitung „Die Höhe“")
    }

    /// In a "wie X … mitteilte" clause the speaker's noun phrase ends before a dative after it, which
    /// is the addressee ("Wie die Behörde Journalisten mitteilte", "Wie ein Sprecher dem Sender
    /// sagte"), as is the phrase after "gegenüber"; a genitive or a place stays with the speaker.
    @Test func wieClauseDativeIsTheAddressee() {
        let probe = SuggestionProbe(
            "Wie die Behörde Journalisten mitteilte, bleibt die Brücke über die Förde gesperrt. "
                + "Wie ein Sprecher dem Lokalsender sagte, wird das Freibad im Mai geöffnet. "
                + "Wie die Polizei gegenüber der Zeitung erklärte, wurde niemand verletzt. "
                + "Wie der Sprecher der Stadtwerke sagte, steigen die Gebühren. "
                + "Wie die Stadtwerke in Kiel mitteilten, bleibt das Bad bis März geschlossen.")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "die Behörde")
        #expect(addressee(probe, "Brücke") == "Journalisten")
        #expect(probe.speaker(probe.proposal(claiming: "Freibad")) == "ein Sprecher")
        #expect(addressee(probe, "Freibad") == "dem Lokalsender")
        #expect(probe.speaker(probe.proposal(claiming: "niemand")) == "die Polizei")
        #expect(addressee(probe, "niemand") == "der Zeitung")
        #expect(probe.speaker(probe.proposal(claiming: "Gebühren")) == "der Sprecher der Stadtwerke")
        #expect(addressee(probe, "Gebühren") == "")
        #expect(probe.speaker(probe.proposal(claiming: "Bad")) == "die Stadtwerke in Kiel")
        #expect(addressee(probe, "Bad") == "")
    }

    /// In a passive wie-clause the agent with its "von" is the speaker, as SpkAtt marks it, and a
    /// dative before it the addressee; before the agent of "zitiert" stands the one quoted.
    @Test func wieClausePassiveAgentIsTheSpeaker() {
        let probe = SuggestionProbe(
            "Wie der Zeitung „Nordblick“ von der Gewerkschaft mitgeteilt wurde, beginnt der Streik am Montag. "
                + "Wie von der Polizei mitgeteilt wurde, bleibt die Brücke über die Förde gesperrt. "
                + "Wie Jörg Möller von der Rundschau zitiert wird, sei das Geld längst ausgegeben.")
        #expect(probe.speaker(probe.proposal(claiming: "Streik")) == "von der Gewerkschaft")
        #expect(addressee(probe, "Streik") == "der Zeitung „Nordblick“")
        #expect(probe.speaker(probe.proposal(claiming: "Brücke")) == "von der Polizei")
        #expect(addressee(probe, "Brücke") == "")
        #expect(probe.speaker(probe.proposal(claiming: "Geld")) == "von der Rundschau")
        #expect(addressee(probe, "Geld") == "")
    }
}
