import Testing

@testable import Annotations

/// Speakers named by a word that points elsewhere: pronouns, surnames of earlier full names, relative
/// and demonstrative pronouns, and a second verb that shares the subject of the first.
@Suite struct SuggestionSpeakerLinkingTests {
    /// A second verb of the same subject ("…, sprechen aber davon", "und warf … vor") takes the
    /// speaker of the verb before it.
    @Test func secondVerbOfOneSubjectSharesTheSpeaker() {
        let probe = SuggestionProbe("Die Beobachter monieren Fehler, sprechen aber davon, dass die Wahl fair gewesen sei.")
        #expect(probe.speaker(probe.proposal(claiming: "Wahl")) == "Die Beobachter")
        let quote = SuggestionProbe("„Das sind Behauptungen“, versicherte der Botschafter und warf der Regierung vor, die Lage zu verschärfen.")
        #expect(quote.speaker(quote.proposal(claiming: "Lage")) == "der Botschafter")
    }

    @Test func pronounLinksToTheMostRecentNamedSpeaker() {
        let probe = SuggestionProbe("Kanzlerin Angela Merkel sagte, die Regierung sei handlungsfähig. Später betonte sie, es gebe keinen Streit.")
        let proposal = probe.proposal(claiming: "Streit")
        #expect(probe.speaker(proposal) == "sie")
        #expect(proposal.map { probe.text($0.antecedent) } == "Kanzlerin Angela Merkel")
    }

    /// A sentence between that names someone as its subject and holds no attribution is the
    /// antecedent of "er" after it, not the speaker of an attribution further back.
    @Test func pronounLinksToTheSubjectOfTheSentenceBefore() {
        let probe = SuggestionProbe(
            "Ein Sprecher der Behörde teilte mit, man prüfe alles. Landrat Uwe Brandt zeigte sich zuversichtlich. Er gehe davon aus, dass es klappt. Dem Sender sagte er: „Wir schaffen das.“"
        )
        #expect(probe.proposal(claiming: "klappt").map { probe.text($0.antecedent) } == "Landrat Uwe Brandt")
        #expect(probe.proposal(claiming: "schaffen").map { probe.text($0.antecedent) } == "Landrat Uwe Brandt")
    }

    /// An office the title list lacked ("Kulturdezernent", "Kämmerin") before a name whose
    /// surname looks like a common noun ("Rieger", "Lange") made the sentence's subject no person,
    /// so "Er" went back to the woman quoted before.
    @Test func officeBeforeAFullNameIsTheSubjectBefore() {
        let probe = SuggestionProbe(
            "„Ich gehe ohne Groll“, sagte Intendantin Maren Holt. Der Kulturdezernent Thomas Rieger wandte sich danach an die Belegschaft. Er versicherte den Mitarbeitern, dass keine Stellen wegfallen."
        )
        #expect(probe.proposal(claiming: "Stellen").map { probe.text($0.antecedent) } == "Der Kulturdezernent Thomas Rieger")
        let other = SuggestionProbe(
            "Landrat Uwe Brandt sagte, der Plan stehe. Kämmerin Eva Lange trat danach vor die Presse. Sie betonte, das Geld reiche."
        )
        #expect(other.proposal(claiming: "Geld").map { other.text($0.antecedent) } == "Kämmerin Eva Lange")
    }

    /// A surname that ends like a common noun ("Brandner", "Lange") named before after a title and
    /// a given name is a person when it stands alone later: the subject a continuation takes as
    /// its speaker (it was "?").
    @Test func surnameNamedAfterATitleIsAPersonLater() {
        let probe = SuggestionProbe(
            "Grund seien höhere Netzentgelte, so Vorstandsmitglied Heike Brandner. Brandner zeigte sich überzeugt, dass die Kunden das verstehen. Man habe lange versucht, die Preise zu halten."
        )
        let continuation = probe.proposal(claiming: "versucht")
        #expect(probe.speaker(continuation) == "Brandner", "\(probe.speaker(continuation))")
    }

    /// "er" and "sie" take the most recent candidate they can refer to by gender and number; none
    /// fitting leaves the pronoun unlinked rather than linked to the wrong person.
    @Test func pronounAgreesWithItsAntecedent() {
        let probe = SuggestionProbe(
            "Bürgermeisterin Jana Kühn sagte, der Plan stehe. Ihr Sprecher Tom Berg ergänzte, die Kosten seien gedeckt. Später betonte sie, es gebe keinen Streit."
        )
        #expect(probe.proposal(claiming: "Streit").map { probe.text($0.antecedent) } == "Bürgermeisterin Jana Kühn")
        let he = SuggestionProbe("Die Polizei teilte mit, der Täter sei gefasst. Später sagte er, es gebe keine Gefahr.")
        #expect(he.proposal(claiming: "Gefahr").map { he.text($0.antecedent) } == "")
        let object = SuggestionProbe("Der Minister sagte, alles sei gut. Dem Richter Tom Berg wurde nichts gesagt. Er fügte hinzu, die Lage sei ruhig.")
        #expect(object.proposal(claiming: "ruhig").map { object.text($0.antecedent) } == "Der Minister")
    }

    /// A speaker named by age alone ("der 47-Jährige", "die 31-Jährige") is linked like "er" and "sie"
    /// to the person just named; a name before a possessive dative ("Trainer Jan Sommer seiner
    /// Mannschaft") ends at the name.
    @Test func ageDescriptionLinksToThePersonJustNamed() {
        let probe = SuggestionProbe(
            "Nach der Niederlage hat Trainer Jan Sommer seiner Mannschaft Fehler vorgeworfen. „Wir waren nicht bereit“, sagte der 47-Jährige nach dem Spiel."
        )
        #expect(probe.proposal(claiming: "bereit").map { probe.text($0.antecedent) } == "Trainer Jan Sommer")
        let she = SuggestionProbe("Ministerin Jana Kühn besuchte die Schule. „Das ist ein guter Tag für Düsseldorf 😀“, sagte die 31-Jährige.")
        #expect(she.proposal(claiming: "guter Tag").map { she.text($0.antecedent) } == "Ministerin Jana Kühn")
        let mismatch = SuggestionProbe("Ministerin Jana Kühn besuchte die Schule. „Das ist ein guter Tag“, sagte der 50-Jährige.")
        #expect(mismatch.proposal(claiming: "guter Tag").map { mismatch.text($0.antecedent) } == "")
        let genitive = SuggestionProbe("Am Abend traf der Trainer seiner Mannschaft die Fans. „Wir schaffen das“, sagte er.")
        #expect(genitive.proposal(claiming: "schaffen").map { genitive.text($0.antecedent) } == "der Trainer seiner Mannschaft")
    }

    /// A reporting verb at the end of a relative clause: the relative pronoun is the source, the
    /// clause after the comma the message; a relative clause with no message gives none.
    @Test func relativePronounBeforeAReportingVerbIsTheSource() {
        let probe = SuggestionProbe("Die Firma prüft die Angaben eines Schülers, der behauptet, den Schutz des Systems geknackt zu haben.")
        let proposal = probe.proposal(claiming: "geknackt")
        #expect(probe.speaker(proposal) == "der")
        #expect(probe.cue(proposal) == "behauptet")
        #expect(probe.claim(proposal) == "den Schutz des Systems geknackt zu haben")
        let umlaut = SuggestionProbe("Gehört wurde auch die Ärztin Jörg Müller-Süß, die versicherte, dass die Behandlung „sicher“ sei.")
        let sure = umlaut.proposal(claiming: "Behandlung")
        #expect(umlaut.speaker(sure) == "die")
        #expect(umlaut.cue(sure) == "versicherte")
        let none = SuggestionProbe("Sie traf den Mann, der sagte, und ging.")
        #expect(none.proposals.allSatisfy { none.speaker($0) != "der" })
    }

    /// ", nach denen …" and ", denen zufolge …" after a noun: the relative pronoun is the source.
    @Test func relativePronounInAFrameIsTheSource() {
        let probe = SuggestionProbe("Die Maßnahme folgt Umfragen im Land, nach denen 72 Prozent der Befragten die Reform ablehnen.")
        let proposal = probe.proposal(claiming: "72 Prozent")
        #expect(probe.speaker(proposal) == "denen")
        #expect(probe.cue(proposal) == "nach")
        #expect(probe.claim(proposal) == "72 Prozent der Befragten die Reform ablehnen")
        let zufolge = SuggestionProbe("Es gibt Berichte aus Köln, denen zufolge der Sänger an Krebs litt 🎤.")
        let report = zufolge.proposal(claiming: "Sänger")
        #expect(zufolge.speaker(report) == "denen")
        #expect(zufolge.cue(report) == "zufolge")
    }

    @Test func demonstrativeBeforeTheCueTakesThePreviousSentenceAsMessage() {
        let probe = SuggestionProbe("Der Zug ist bei Köln entgleist. Dies teilte ein Sprecher der Bahn am Abend mit.")
        let proposal = probe.proposals.first { $0.rule == "indirect.demonstrative-sums-up-previous" }
        #expect(probe.claim(proposal) == "Der Zug ist bei Köln entgleist. Dies")
        #expect(probe.cue(proposal) == "teilte … mit")
        #expect(probe.speaker(proposal) == "ein Sprecher der Bahn")
        #expect(proposal?.sentence == 0)
        let first = SuggestionProbe("Dies teilte ein Sprecher der Bahn am Abend mit.")
        #expect(!first.proposals.contains { $0.rule == "indirect.demonstrative-sums-up-previous" })
    }

    /// "Die Bürgermeisterin öffnete das Fenster, schaute hinaus und rief: „…“": a second verb
    /// joined by "und", in a clause with no subject of its own, shares the subject that opens the
    /// sentence.
    @Test func secondVerbAfterUndSharesTheSubject() {
        let probe = SuggestionProbe("Die Bürgermeisterin öffnete das Fenster, schaute hinaus und rief: „Wir schaffen das gemeinsam! 💪“")
        #expect(probe.speaker(probe.proposal(claiming: "Wir schaffen")) == "Die Bürgermeisterin", "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A subject that names a matter ("Die Entscheidung") is no speaker of the second verb.
    @Test func secondVerbTakesNoSubjectThatNamesAMatter() {
        let probe = SuggestionProbe("Die Entscheidung fiel am Abend, kam spät und rief: „Endlich ist es vorbei!“")
        #expect(probe.speaker(probe.proposal(claiming: "Endlich")) != "Die Entscheidung", "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// "Die Richterin Hanna Lindqvist …. Lindqvist besuchte …. Die Akten seien …": a surname alone
    /// names someone when the full name stood earlier, so the sentence before gives the speaker.
    @Test func surnameOfAnEarlierFullNameNamesTheSpeaker() {
        let probe = SuggestionProbe(
            "Der Anwalt Jens Brammer sagte, das Urteil sei falsch. Die Richterin Hanna Lindqvist leitete die Verhandlung. "
                + "Lindqvist besuchte danach das Archiv. Die Akten seien unvollständig 📁.")
        #expect(probe.speaker(probe.proposal(claiming: "Die Akten seien")) == "Lindqvist", "\(probe.proposals.map { probe.speaker($0) })")
    }

    /// A single capitalised word never named as part of a full name before is no speaker.
    @Test func surnameNeverNamedInFullIsNoSpeaker() {
        let probe = SuggestionProbe(
            "Der Anwalt Jens Brammer sagte, das Urteil sei falsch. Die Verhandlung dauerte lange. "
                + "Lindqvist besuchte danach das Archiv. Die Akten seien unvollständig.")
        #expect(probe.speaker(probe.proposal(claiming: "Die Akten seien")) != "Lindqvist", "\(probe.proposals.map { probe.speaker($0) })")
    }

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

    /// Free indirect speech after a sentence that opens with an adverbial takes the person named
    /// right after its finite verb ("Am Abend traf die Bürgermeisterin … ein. Die Lage sei …").
    @Test func freeIndirectTakesTheSubjectAfterTheVerbOfTheSentenceBefore() {
        let opening = "Die Polizei sagte, der Fahrer sei geflohen. Der Wagen wurde später in Zittau gefunden. "
        let probe = SuggestionProbe(opening + "Am Abend traf Bürgermeisterin Jördis Bäumer in Görlitz ein. Die Ermittlungen seien schwierig und würden Monate dauern 🕵️.")
        let proposal = probe.proposal(claiming: "Die Ermittlungen")
        #expect(proposal?.form == .freeIndirect)
        #expect(probe.speaker(proposal) == "Bürgermeisterin Jördis Bäumer", "\(probe.proposals.map { probe.speaker($0) })")
        // A matter after the verb, or an inflected adjective taken for the verb, names no speaker.
        for middle in ["Am Abend wurde der Wagen in Görlitz gefunden.", "Gegen ihren früheren Büroleiter, der in Görlitz wohnt, wurde ermittelt."] {
            let negative = SuggestionProbe(opening + middle + " Die Ermittlungen seien schwierig und würden Monate dauern.")
            let other = negative.proposal(claiming: "Die Ermittlungen")
            #expect(other?.form == .freeIndirect, "\(middle)")
            #expect(negative.speaker(other) == "", "\(middle): \(negative.proposals.map { negative.speaker($0) })")
        }
    }

    /// A subject whose head names a thing is no speaker, even when a body is named after the head
    /// ("Die Fenster der Wache der BVG …").
    @Test func previousSubjectIsJudgedByItsHead() {
        let opening = "Die Polizei sagte, der Fahrer sei geflohen. Der Wagen wurde später in Zittau gefunden. "
        let probe = SuggestionProbe(opening + "Die Fenster der Wache der BVG sind beschädigt. Die Täter seien über den Zaun gestiegen.")
        let proposal = probe.proposal(claiming: "Die Täter")
        #expect(proposal?.form == .freeIndirect)
        #expect(probe.speaker(proposal) == "", "\(probe.proposals.map { probe.speaker($0) })")
        let office = SuggestionProbe(opening + "Die Staatsanwaltschaft Görlitz übernahm den Fall. Die Täter seien über den Zaun gestiegen.")
        #expect(office.speaker(office.proposal(claiming: "Die Täter")) == "Die Staatsanwaltschaft Görlitz")
    }

    /// A quote that makes up a sentence of its own, after a sentence about a person, is that
    /// person's; a quote inside a sentence is not.
    @Test func loneQuoteTakesThePersonOfTheSentenceBefore() {
        let opening = "Der Vorsitzende Jörg Weiß sagte, die Kasse sei geprüft worden. Der Wagen wurde später gefunden. "
        let probe = SuggestionProbe(opening + "Am Abend traf Bürgermeisterin Jördis Bäumer in Görlitz ein. „Wir werden alles offenlegen und niemandem etwas schuldig bleiben.“")
        let quote = probe.proposal(claiming: "offenlegen")
        #expect(quote?.form == .direct)
        #expect(probe.speaker(quote) == "Bürgermeisterin Jördis Bäumer", "\(probe.proposals.map { probe.speaker($0) })")
        let inside = SuggestionProbe(
            opening + "Am Abend traf Bürgermeisterin Jördis Bäumer in Görlitz ein. Die Sache wurde danach als „ein Fall für die Gerichte und für niemanden sonst“ eingestuft.")
        #expect(inside.proposals.allSatisfy { inside.speaker($0) != "Bürgermeisterin Jördis Bäumer" }, "\(inside.proposals.map { inside.speaker($0) })")
    }

    /// A quote that makes up its sentence, two sentences after an attribution, keeps its speaker
    /// when the sentence between only refers back to her; a quote inside a sentence does not.
    @Test func loneQuoteLooksBackPastASentenceAboutTheSameSpeaker() {
        let opening = "Die Bürgermeisterin Karin Holm erklärte, die Brücke werde gesperrt. Am Nachmittag besichtigte sie die Baustelle. "
        let probe = SuggestionProbe(opening + "„Wir haben keine andere Wahl, die Brücke über die Möhne ist marode.“")
        #expect(probe.speaker(probe.proposal(claiming: "keine andere Wahl")) == "Die Bürgermeisterin Karin Holm", "\(probe.proposals.map { probe.speaker($0) })")
        let inside = SuggestionProbe(opening + "Die Sperrung gilt als „ein Fall für die Gerichte und für niemanden sonst“ in der Stadt.")
        #expect(inside.speaker(inside.proposal(claiming: "ein Fall für die Gerichte")) == "", "\(inside.proposals.map { inside.speaker($0) })")
    }

    /// A "sie" beside a plural verb means "they": it does not take a person named alone before
    /// ("Trainerin Mia Roth … Die Anwohner … forderten sie"), and is left to the annotator when no
    /// plural candidate is there.
    @Test func pluralSieIsNoSinglePerson() {
        let probe = SuggestionProbe(
            "„Wir bleiben ruhig“, sagte Trainerin Mia Roth. Die Anwohner zeigten sich weniger gelassen. Auf Plakaten forderten sie „Ruhe nach 22 Uhr“."
        )
        let plural = probe.proposal(claiming: "Ruhe nach 22 Uhr")
        #expect(plural.map { probe.text($0.antecedent) } != "Trainerin Mia Roth", "\(probe.proposals.map { probe.text($0.antecedent) })")
        let singular = SuggestionProbe("„Wir bleiben ruhig“, sagte Trainerin Mia Roth. Später betonte sie, das Team sei bereit.")
        #expect(singular.proposal(claiming: "bereit").map { singular.text($0.antecedent) } == "Trainerin Mia Roth")
    }

    /// A subject whose name stands in apposition between commas ("Der Sprecher der Initiative,
    /// Jonas Wirth, verteidigte …") is the person a later "er" refers to.
    @Test func subjectWithANameInAppositionIsTheAntecedent() {
        let probe = SuggestionProbe(
            "Der Sprecher der Initiative, Jonas Wirth, verteidigte die Blockade. Die Stadt habe jede Anfrage ignoriert, sagte er am Abend."
        )
        #expect(probe.proposal(claiming: "Anfrage").map { probe.text($0.antecedent) } == "Der Sprecher der Initiative, Jonas Wirth", "\(probe.proposals.map { probe.text($0.antecedent) })")
    }

    /// A clause in Konjunktiv I before a colon reports what someone named before says: the quote
    /// after the colon goes on with that speaker, not with the clause's subject ("Sachsen").
    @Test func quoteAfterSubjunctiveColonClauseKeepsTheSpeakerBefore() {
        let probe = SuggestionProbe(
            "Wie die Ministerin von Sachsen, Eva Köhler, erklärte, habe sie die Feuerwehr in Bereitschaft versetzt. "
                + "Sachsen sei den Nachbarn zu großem Dank verpflichtet: „Sie haben uns im Winter geholfen, und wir werden ihnen genauso helfen.“")
        let before = probe.proposal(claiming: "Feuerwehr")
        #expect(probe.speaker(before).hasSuffix("Ministerin von Sachsen, Eva Köhler"))
        #expect(probe.speaker(probe.proposal(claiming: "im Winter")) == probe.speaker(before))
        // The Konjunktiv I clause before the colon is free indirect speech of that speaker too, with its colon.
        let clause = probe.proposal(claiming: "Dank verpflichtet")
        #expect(clause?.form == .freeIndirect, "\(probe.proposals.map(\.rule))")
        #expect(probe.claim(clause) == "Sachsen sei den Nachbarn zu großem Dank verpflichtet:")
        #expect(probe.speaker(clause) == probe.speaker(before))
        // Indicative before the colon, or a reporting verb there (the quote's frame), is no such clause.
        let plain = SuggestionProbe(
            "Wie die Ministerin von Sachsen, Eva Köhler, erklärte, habe sie die Feuerwehr in Bereitschaft versetzt. "
                + "Sachsen ist den Nachbarn zu großem Dank verpflichtet: „Sie haben uns im Winter geholfen.“ "
                + "Die Ministerin habe dazu gesagt: „Wir werden ihnen genauso helfen.“")
        #expect(plain.proposal(claiming: "Dank verpflichtet") == nil, "\(plain.proposals.map(\.rule))")
        #expect(plain.proposal(claiming: "dazu gesagt") == nil, "\(plain.proposals.map(\.rule))")
    }

    /// Konjunktiv I after a semicolon whose clause before it opens with a subject naming someone:
    /// that subject says it ("Jonas Brandt"), not the speaker of the sentences before, nor a
    /// genitive inside the subject ("des Landrats"); the rule is named for what it found.
    @Test func speechAfterSemicolonIsTheSubjectsBeforeIt() {
        let probe = SuggestionProbe(
            "Landrat Peter Müller sagte, man werde die Schulen öffnen. "
                + "Müller beschuldigte die Ministerin, die Pläne verzögert zu haben. "
                + "Der frühere Berater des Landrats, Jonas Brandt, wandte sich am Dienstag an die Presse, um sich gegen den Vorwurf zu wehren; "
                + "er habe die Pläne nie verzögert, als er die Seiten gewechselt habe.")
        let proposal = probe.proposal(claiming: "Seiten gewechselt")
        #expect(probe.speaker(proposal) == "Der frühere Berater des Landrats, Jonas Brandt")
        #expect(probe.claim(proposal).hasPrefix("er habe"))
        #expect(probe.cue(proposal) == "wandte sich … an")
        #expect(proposal.map { probe.text($0.addressee) } == "die Presse")
        // Shown to users with the suggestion: the rule says what it found, not free indirect speech.
        #expect(proposal?.rule == "indirect.speaker-before-semicolon", "\(proposal?.rule ?? "<none>")")
        // A head that is no title ("Weggefährte") names someone through the name after its comma.
        let companion = SuggestionProbe(
            "Landrat Peter Müller sagte, man werde die Schulen öffnen. "
                + "Der langjährige Weggefährte Müllers, Jonas Brandt, wandte sich an die Eltern; er sei gegen die Öffnung.")
        let own = companion.proposal(claiming: "Öffnung")
        #expect(companion.speaker(own) == "Der langjährige Weggefährte Müllers, Jonas Brandt")
        #expect(companion.claim(own) == "er sei gegen die Öffnung")
    }
}
