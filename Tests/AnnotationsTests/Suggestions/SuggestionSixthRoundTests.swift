import Testing

@testable import Annotations

/// Rules of the sixth round, for gold attributions no proposal paired with: reporting verbs added
/// to the lexicon, verbs that name a speech act with an object, short partial quotes inside a frame.
@Suite struct SuggestionSixthRoundTests {
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

    /// Reporting verbs added in this round, with their particles, take a dass-clause or a
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
}

/// "…, wonach …": the noun phrase before the comma is the source of the wonach-clause.
@Suite struct SuggestionWonachTests {
    @Test func wonachClauseTakesTheNounBeforeItsComma() {
        let probe = SuggestionProbe("Die Regierung bestätigte einen Bericht der Agentur, wonach der Politiker festgenommen worden sein soll.")
        let proposal = probe.proposals.first { $0.rule == "indirect.noun-wonach" }
        #expect(probe.cue(proposal) == "wonach")
        #expect(probe.speaker(proposal) == "einen Bericht der Agentur")
        #expect(probe.claim(proposal) == "der Politiker festgenommen worden sein soll")
        let temporal = SuggestionProbe("Die Helfer sollten den Bären einfangen, wonach er wieder freigelassen werden sollte.")
        #expect(!temporal.proposals.contains { $0.rule == "indirect.noun-wonach" })
    }
}

/// "Der Zug ist entgleist. Dies teilte die Bahn mit.": the demonstrative sums up the sentence before.
@Suite struct SuggestionDemonstrativeTests {
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
}

/// A separated particle after an apposition of names still belongs to the cue.
@Suite struct SuggestionParticleAcrossAppositionTests {
    @Test func particleAfterANameAppositionCompletesTheCue() {
        let probe = SuggestionProbe("Die Schule bleibe geschlossen, teilte der Leiter des Amtes, Jens Krüger, am Montag mit.")
        let proposal = probe.proposal(claiming: "Schule")
        #expect(probe.cue(proposal) == "teilte … mit")
        #expect(probe.speaker(proposal) == "der Leiter des Amtes, Jens Krüger")
        let clause = SuggestionProbe("Der Leiter teilte den Eltern, die gewartet hatten, mit, die Schule bleibe geschlossen.")
        #expect(clause.cue(clause.proposal(claiming: "Schule")) != "teilte … mit … mit")
    }
}
