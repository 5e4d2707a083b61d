import Testing

@testable import Annotations

/// Conventions of agency news that Wikinews rarely shows: datelines, a statement given to a
/// newspaper after an inverted subject, and a message opened after a colon.
@Suite struct SuggestionNewsConventionTests {
    func addressee(_ probe: SuggestionProbe, _ proposal: AttributionSuggestion?) -> String {
        proposal.map { probe.text($0.addressee) } ?? "<none>"
    }

    /// "Berlin (dpa) –" names where a report comes from: never a speaker or part of a message.
    @Test func datelineIsNeitherSpeakerNorMessage() {
        let probe = SuggestionProbe(
            "Berlin (dpa) – Die Ministerin sagte, die Lage sei ernst.\n\nKiel, 5. Mai – Die Reform sei überfällig, sagte die Senatorin.\n\nBREMEN/HAMBURG (AFP) – Der Sprecher erklärte am Montag, man werde helfen.")
        #expect(probe.speaker(probe.proposal(claiming: "Lage")) == "Die Ministerin")
        let reform = probe.proposal(claiming: "Reform")
        #expect(probe.claim(reform) == "Die Reform sei überfällig")
        #expect(probe.speaker(reform) == "die Senatorin")
        #expect(probe.speaker(probe.proposal(claiming: "helfen")) == "Der Sprecher")
    }

    /// Dashes that are no dateline stay text: a lowercase word before the dash, a quote, or a
    /// lowercase word after it.
    @Test func dashesThatAreNoDatelineStay() {
        let tokens = { (text: String) in SegmentedDocument(Document(id: "d", rawText: text)).sentences[0].tokens }
        #expect(SuggestionScan.datelineLength(tokens("Passau – Die Lage bleibt kritisch.")) == 2)
        #expect(SuggestionScan.datelineLength(tokens("Berlin (dpa) – „Wir helfen“, sagte er.")) == 5)
        #expect(SuggestionScan.datelineLength(tokens("Man muss das nicht verniedlichen – aber es ist ernst.")) == 0)
        #expect(SuggestionScan.datelineLength(tokens("Merkel – die Kanzlerin – sagte nichts.")) == 0)
        #expect(SuggestionScan.datelineLength(tokens("„Nie“ – Das sagte sie.")) == 0)
        #expect(SuggestionScan.datelineLength(tokens("Passau –")) == 0)
    }

    /// "…, sagte Schmid der „Zeit“": the dative after an inverted subject is the addressee, not
    /// part of the speaker; a genitive after a medium's role stays in the speaker.
    @Test func dativeAfterAnInvertedSubjectIsTheAddressee() {
        let probe = SuggestionProbe(
            "Die Lage sei ernst, sagte Lisa Schmid der „Zeit“. Die Hilfe komme spät, sagte Peter Lang dem Sender. Der Schutz sei vernachlässigt worden, sagte ein Sprecher der Polizei der Presse. Man prüfe alles, sagte die Chefin der Grünen, Anna Hoffmann, der Zeitung. „Wir tun alles“, sagte der Landrat der „Süddeutschen Zeitung“. Die Zahl steige, sagte der Chefredakteur der Zeitung.")
        let cases: [(String, String, String)] = [
            ("Lage", "Lisa Schmid", "der „Zeit“"), ("Hilfe", "Peter Lang", "dem Sender"),
            ("Schutz", "ein Sprecher der Polizei", "der Presse"), ("prüfe", "die Chefin der Grünen, Anna Hoffmann", "der Zeitung"),
            ("Wir tun", "der Landrat", "der „Süddeutschen Zeitung“"), ("Zahl", "der Chefredakteur der Zeitung", ""),
        ]
        for (claim, speaker, to) in cases {
            let proposal = probe.proposal(claiming: claim)
            #expect(probe.speaker(proposal) == speaker, "\(claim)")
            #expect(addressee(probe, proposal) == to, "\(claim)")
        }
    }

    /// "Dem Sender sagte er: „…“": a dative that opens the sentence right before the reporting
    /// verb is the addressee; "Der Sprecher sagte" opens with its subject, and a frame's opening
    /// dative ("Dem Bericht zufolge") is none.
    @Test func sentenceInitialDativeIsTheAddressee() {
        let probe = SuggestionProbe(
            "Dem Regionalsender sagte er: „Wir schaffen das.“ Einem Reporter erklärte die Ministerin, die Lage sei ruhig. Der Sprecher sagte, alles sei gut. Dem Bericht zufolge fehlen Millionen.")
        let cases: [(String, String)] = [
            ("schaffen", "Dem Regionalsender"), ("ruhig", "Einem Reporter"), ("alles sei", ""),
        ]
        for (claim, to) in cases {
            #expect(addressee(probe, probe.proposal(claiming: claim)) == to, "\(claim)")
        }
        #expect(!probe.proposals.contains { addressee(probe, $0) == "Dem Bericht" })
    }

    /// "Der Nachrichtenagentur dpa sagte ein Sprecher, …": "der" before a feminine medium opens a
    /// dative put first; the subject follows the verb. "Der Chef der Zeitung sagte" and "Der Sender
    /// sagte" open with their subject.
    @Test func feminineMediumPutFirstIsTheAddressee() {
        let probe = SuggestionProbe(
            "Der Nachrichtenagentur dpa sagte ein Sprecher, die Lage sei ruhig. Der Zeitung sagte Schmid, er trete zurück. Der Chef der Zeitung sagte, alles sei gut. Der Sender meldete, die Straße sei frei.")
        let cases: [(String, String, String)] = [
            ("ruhig", "ein Sprecher", "Der Nachrichtenagentur dpa"), ("trete", "Schmid", "Der Zeitung"),
            ("alles sei", "Der Chef der Zeitung", ""), ("Straße", "Der Sender", ""),
        ]
        for (claim, speaker, to) in cases {
            let proposal = probe.proposal(claiming: claim)
            #expect(probe.speaker(proposal) == speaker, "\(claim)")
            #expect(addressee(probe, proposal) == to, "\(claim)")
        }
    }

    /// "Schmid sagte der Zeitung: „…“": the dative before the colon is the addressee.
    @Test func dativeBeforeAColonQuoteIsTheAddressee() {
        let probe = SuggestionProbe("Schmid sagte der Zeitung: „Wir tun alles.“")
        let proposal = probe.proposal(claiming: "Wir tun")
        #expect(probe.speaker(proposal) == "Schmid")
        #expect(addressee(probe, proposal) == "der Zeitung")
    }

    /// "Kritik kam von den Grünen: Der Schutz sei …, sagte sie": the message opens after the colon.
    @Test func messageBeforeTheCueOpensAfterAColon() {
        let probe = SuggestionProbe("Kritik kam von den Grünen: Der Hochwasserschutz sei jahrelang vernachlässigt worden, sagte Fraktionschefin Lisa Schmid.")
        let proposal = probe.proposal(claiming: "Hochwasserschutz")
        #expect(probe.claim(proposal) == "Der Hochwasserschutz sei jahrelang vernachlässigt worden")
        #expect(probe.speaker(proposal) == "Fraktionschefin Lisa Schmid")
        #expect(probe.cue(proposal) == "sagte")
    }

    /// "er" after a statement sourced to a text ("hieß es in der Erklärung") still means the person
    /// named before it; a text says nothing itself.
    @Test func pronounSkipsATextAsAntecedent() {
        let probe = SuggestionProbe(
            "Der Kanzler betonte, man sei auf einem guten Weg. Weiter hieß es in der Erklärung, die Gespräche würden fortgesetzt. Dem Sender sagte er: „So wird das nichts.“")
        let proposal = probe.proposal(claiming: "So wird")
        #expect(probe.speaker(proposal) == "er")
        #expect(proposal.map { probe.text($0.antecedent) } == "Der Kanzler")
    }
}
