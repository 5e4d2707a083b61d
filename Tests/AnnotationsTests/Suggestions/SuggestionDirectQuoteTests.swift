import Testing

@testable import Annotations

/// Direct quotes in every quote style: the speaker and cue before, after or inside the quote, quotes over
/// several sentences and after a colon, partial quotes, and quoted names that are no quotes.
@Suite struct SuggestionDirectQuoteTests {
    /// Two to five capitalised quoted words after a preposition or a possessive are a name (a paper,
    /// a product), not a partial quote; words quoted after a preposition still are.
    @Test func capitalisedQuotedWordsAfterAPrepositionAreAName() {
        let paper = SuggestionProbe("Der Sekretär des Klubs sagte zum „Algemeen Dagblad“, die Spieler seien müde.")
        #expect(paper.proposals.allSatisfy { $0.form != .direct }, "\(paper.proposals.map { paper.claim($0) })")
        let car = SuggestionProbe("Der Hersteller hält mit seinem „Ultimate Aero“ den Rekord, sagte Jörg Müller.")
        #expect(car.proposals.allSatisfy { car.claim($0) != "„Ultimate Aero“" })
        let quoted = SuggestionProbe("Die Ministerin sprach von einem „Feldzug gegen die Gemeinschaftsschule“.")
        #expect(quoted.proposals.contains { $0.form == .direct && quoted.claim($0) == "„Feldzug gegen die Gemeinschaftsschule“" })
    }

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

    @Test func aQuoteAloneInheritsASpeakerOnlyFromTheLastTwoSentences() {
        let near = SuggestionProbe("Der Minister sagte, die Lage sei ernst. „Wir müssen jetzt sofort und gemeinsam handeln, um Schlimmeres zu verhindern.“")
        #expect(near.speaker(near.proposal(claiming: "handeln")) == "Der Minister")
        let far = SuggestionProbe(
            "Der Minister sagte, die Lage sei ernst. Das Wetter war gut. Die Straßen waren voll. Viele Menschen kamen. "
                + "„Wir müssen jetzt sofort und gemeinsam handeln, um Schlimmeres zu verhindern.“")
        #expect(far.speaker(far.proposal(claiming: "handeln")) == "")
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

    @Test func partialQuoteInsideIndirectSpeechKeepsBoth() {
        let probe = SuggestionProbe("Karsai sagte, Afghanistan sei ein „Opfer des Terrorismus“.")
        #expect(probe.claim(probe.proposals.first { $0.form != .direct }) == "Afghanistan sei ein „Opfer des Terrorismus“")
        #expect(probe.claim(probe.proposals.first { $0.form == .direct }) == "„Opfer des Terrorismus“")
    }

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

    /// A partial quote takes the reporting verb nearest to it.
    @Test func partialQuoteTakesTheNearestVerb() {
        let probe = SuggestionProbe("Die Ministerin lobte die Helfer und sprach von einem „großen Erfolg“.")
        let proposal = probe.proposals.first { $0.form == .direct }
        #expect(probe.cue(proposal) == "sprach von")
    }

    /// A short quote with no cue of its own inside a "laut" frame or a reporting verb's claim is a
    /// partial quote with that frame's cue and speaker; a quoted name is none.
    @Test func shortQuoteInsideAFrameIsAPartialQuote() {
        let probe = SuggestionProbe("Laut Polizei verlief die Demonstration in Köln „weitgehend störungsfrei“ und ohne Festnahmen.")
        let quote = probe.proposals.first { $0.form == .direct }
        #expect(probe.claim(quote) == "„weitgehend störungsfrei“")
        #expect(probe.cue(quote) == "Laut")
        #expect(probe.speaker(quote) == "Polizei")
        let verb = SuggestionProbe("Der Minister sagte, die Pläne der Regierung seien „völlig verfehlt“ gewesen.")
        let partial = verb.proposals.first { $0.form == .direct }
        #expect(verb.cue(partial) == "sagte")
        #expect(verb.speaker(partial) == "Der Minister")
        let name = SuggestionProbe("Laut Polizei stand in der Zeitung „Berliner Morgenpost“ ein Bericht über den Unfall.")
        #expect(!name.proposals.contains { $0.form == .direct })
    }

    /// A lone quote two sentences after an attribution still repeats its cue, but takes no speaker.
    @Test func loneQuoteTwoBackKeepsTheCueOnly() {
        let probe = SuggestionProbe(
            "„Wir bauen die Brücke neu“, sagte der Bürgermeister. Die Arbeiten beginnen im März. „Die Kosten trägt das Land Bayern.“")
        let quote = probe.proposal(claiming: "Kosten")
        #expect(quote?.form == .direct)
        #expect(probe.speaker(quote) == "", "\(probe.speaker(quote))")
    }

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

    /// A quote without a cue in a sentence that opens with "Für" and a named person before a
    /// Konjunktiv II verb gives that person's view: the person is its speaker and it takes no cue
    /// from the attribution before. People who are named by no title or name keep the speaker before.
    @Test func quoteInFuerSentenceTakesThatPerson() {
        let probe = SuggestionProbe(
            "Die Ministerin Eva Roth sagte, die Lage sei ernst. Für den Verteidigungsminister könnte der Streit „zu einer tiefen Spaltung des ganzen Landes führen“.")
        let quote = probe.proposal(claiming: "Spaltung")
        #expect(quote?.form == .direct)
        #expect(probe.speaker(quote) == "den Verteidigungsminister", "\(probe.speaker(quote))")
        #expect(probe.cue(quote) == "", "\(probe.cue(quote))")
        let residents = SuggestionProbe(
            "Die Ministerin Eva Roth sagte, die Lage sei ernst. Für die Anwohner könnte der Streit „zu einer tiefen Spaltung des ganzen Landes führen“.")
        #expect(residents.speaker(residents.proposal(claiming: "Spaltung")) == "Die Ministerin Eva Roth")
    }

    /// A quote right after a noun naming a work, group or product is its name even with lowercase
    /// words in it ("der Film „…“"); quoted words after other nouns stay partial quotes.
    @Test func quoteAfterANamingNounIsAName() {
        let film = SuggestionProbe("Der Regisseur erklärte, der Film „Die Nacht der langen Messer“ komme im März in die Kinos.")
        #expect(film.proposals.allSatisfy { $0.form != .direct }, "\(film.proposals.map { film.claim($0) })")
        #expect(film.proposal(claiming: "komme im März") != nil)
        let ship = SuggestionProbe("Die Küstenwache teilte mit, die Jacht „Stella del Mare“ sei am Morgen gestoppt worden.")
        #expect(ship.proposals.allSatisfy { ship.claim($0) != "„Stella del Mare“" })
        let partial = SuggestionProbe("Die Gewerkschaft sprach von einer Politik „ohne jedes Maß“ und kündigte Streiks an.")
        #expect(partial.proposals.contains { $0.form == .direct && partial.claim($0) == "„ohne jedes Maß“" })
        let whole = SuggestionProbe("„Die Partei muss sich neu erfinden“, sagte der Vorsitzende.")
        #expect(whole.speaker(whole.proposal(claiming: "erfinden")) == "der Vorsitzende")
    }

    /// A quoted name that is the source of "laut" or the subject of "wie … berichtet" or of a
    /// reporting verb before it, or a quote inside the subject of the verb, is no partial quote.
    @Test func quotedSourceNameIsNoQuote() {
        let wie = SuggestionProbe("Wie „Radio Nord“ berichtet, wurde die Brücke über die Elbe gesperrt.")
        #expect(wie.proposals.allSatisfy { $0.form != .direct }, "\(wie.proposals.map { wie.claim($0) })")
        let laut = SuggestionProbe("Außerdem hatte der Bürgermeister laut „Radio Nord“ kritisiert, dass die Straßen schlecht geräumt würden.")
        #expect(laut.proposals.allSatisfy { laut.claim($0) != "„Radio Nord“" })
        let verb = SuggestionProbe("Wir geben nicht auf, schrieb „Die Woche“ in einem Nachruf über den Künstler.")
        #expect(verb.proposals.allSatisfy { verb.claim($0) != "„Die Woche“" })
        let subject = SuggestionProbe("Wie die „Aktion Hilfe für alle“ heute mitteilte, seien die Spenden in Mosambik angekommen.")
        #expect(subject.proposals.allSatisfy { $0.form != .direct }, "\(subject.proposals.map { subject.claim($0) })")
        #expect(subject.proposal(claiming: "Spenden") != nil)
    }

    /// A designation given with "man" or "sich" and "nennen", or between "als" and "bekannt", quotes
    /// no one; a speaker's "nannte … „…“" still does.
    @Test func impersonalDesignationIsNoQuote() {
        let reflexive = SuggestionProbe("Die Gruppe, die sich selbst „Freunde der Erde“ nennt, kündigte an, sie werde vor Gericht ziehen.")
        #expect(reflexive.proposals.allSatisfy { $0.form != .direct }, "\(reflexive.proposals.map { reflexive.claim($0) })")
        let man = SuggestionProbe("Die Ministerin sagte, dies nenne man einen „Dominoeffekt“.")
        #expect(man.proposals.allSatisfy { man.claim($0) != "„Dominoeffekt“" })
        let known = SuggestionProbe("Die Polizei teilte mit, der als „Zeltstadt“ bekannte Platz sei am Morgen geräumt worden.")
        #expect(known.proposals.allSatisfy { $0.form != .direct })
        #expect(known.proposal(claiming: "geräumt") != nil)
        let speaker = SuggestionProbe("Der Minister nannte die Pläne „völlig verfehlt“.")
        #expect(speaker.proposals.contains { $0.form == .direct && speaker.claim($0) == "„völlig verfehlt“" })
    }

    /// A quote spelled as a brand (a capital inside a word, letters with digits, a lowercase company
    /// name) is a name wherever it stands, not a partial quote of the speaker nearby; a quoted
    /// German phrase still is one.
    @Test func quotedBrandNameIsNoPartialQuote() {
        for text in [
            "Die Gemeinde Zell kritisierte, dass „StromPlus“ die Preise erhöht habe.",
            "Der Bürgermeister sagte, der Vertrag mit „Netz24“ werde nicht verlängert.",
            "Ein Sprecher der Stadt lobte die Firma „sonnen strom ag“ für den Ausbau.",
        ] {
            let probe = SuggestionProbe(text)
            #expect(probe.proposals.allSatisfy { $0.form != .direct }, "\(text): \(probe.proposals.map { probe.claim($0) })")
        }
        let phrase = SuggestionProbe("Die Gemeinde Zell kritisierte den Anbieter wegen der „völlig überzogenen Preise“.")
        #expect(phrase.proposals.contains { $0.form == .direct && phrase.claim($0) == "„völlig überzogenen Preise“" })
    }

    /// Foreign particles and articles join the capitalised words of a quoted name after an article
    /// as German connectors do ("in der „Folha da Tarde“"): no partial quote.
    @Test func quotedNameMayHoldForeignParticles() {
        let probe = SuggestionProbe("Der Minister schrieb in der „Folha da Tarde“, die Lage an der Grenze sei ernst.")
        #expect(probe.proposals.allSatisfy { $0.form != .direct }, "\(probe.proposals.map { probe.claim($0) })")
    }

    /// "Auf die Frage, ob …, antwortete Lang: „…“": the verb reports the quote after the colon, not
    /// the question before it.
    @Test func answerAfterAQuestionReportsTheQuote() {
        let probe = SuggestionProbe("Auf die Frage, ob er den Ländern entgegenkommen werde, antwortete Lang: „Dafür gibt es keinen Spielraum.“")
        #expect(probe.proposals.map(\.rule) == ["direct.cue-colon-quote"])
        #expect(probe.speaker(probe.proposal(claiming: "Spielraum")) == "Lang")
    }

    /// "Name zum Thema: „…“", a headline's "Name nach Pleite: „…“": the phrase after the topic
    /// preposition is what the quote is about; the speaker is the name before it.
    @Test func speakerBeforeATopicAndAColon() {
        let topic = SuggestionProbe("Fraktionschefin Lena Maurer zum Thema: „Transparenz ist keine Kür.“")
        #expect(topic.speaker(topic.proposal(claiming: "Transparenz")) == "Fraktionschefin Lena Maurer")
        let headline = SuggestionProbe("Trainer Sommer nach Pleite: „Wir waren nicht bereit 😞“")
        #expect(headline.speaker(headline.proposal(claiming: "bereit")) == "Trainer Sommer")
        let article = SuggestionProbe("Ministerin Jana Kühn über die geplante Reform: „Wir brauchen mehr Zeit.“")
        #expect(article.speaker(article.proposal(claiming: "Zeit")) == "Ministerin Jana Kühn")
        // A place after "aus" stays with its speaker.
        let place = SuggestionProbe("Bürgermeister Tom Berg aus Lindenfeld: „Wir bleiben dran.“")
        #expect(place.speaker(place.proposal(claiming: "dran")) != "Bürgermeister Tom Berg")
    }

    /// "heißt es darin" after a quote or a clause refers back to a text named before: a proposal
    /// with the cue "heißt es" and the source left to the annotator (there was none).
    @Test func heisstEsDarinLeavesTheSourceOpen() {
        let quote = SuggestionProbe("Der Verband schickte einen Brief an den Rat. „Jede Woche Stillstand kostet Stellen“, heißt es darin.")
        let proposal = quote.proposal(claiming: "Stillstand")
        #expect(quote.cue(proposal) == "heißt es", "\(quote.proposals.map { quote.cue($0) })")
        #expect(proposal?.speakerSegments.isEmpty == true)
        let clause = SuggestionProbe("Der Verband schickte einen Brief an den Rat. Jede Woche Stillstand koste Stellen, heißt es darin.")
        #expect(clause.cue(clause.proposal(claiming: "Stillstand")) == "heißt es", "\(clause.proposals.map { clause.cue($0) })")
    }

    /// The first half of a compound before "und" ("Kinder- und Jugendärzte") does not split a
    /// speaker in two.
    @Test func compoundHalfBeforeUndIsOneSpeaker() {
        let probe = SuggestionProbe("„Die Praxen sind voll“, sagte die Sprecherin des Verbands der Kinder- und Jugendärzte, Lea Brandt.")
        #expect(probe.speaker(probe.proposal(claiming: "Praxen")) == "die Sprecherin des Verbands der Kinder- und Jugendärzte, Lea Brandt")
    }
}
