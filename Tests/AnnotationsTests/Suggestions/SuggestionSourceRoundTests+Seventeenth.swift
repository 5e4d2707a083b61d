import Testing

@testable import Annotations

/// Rules of the seventeenth round: reporting verbs that were missing from the lexicon.
extension SuggestionSourceRoundTests {
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
}
