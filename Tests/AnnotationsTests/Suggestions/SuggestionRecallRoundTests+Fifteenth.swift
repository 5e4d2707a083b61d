import Testing

@testable import Annotations

/// Rules of the fifteenth round (B), the speaker across sentences: a sentence whose only
/// subjunctive is a Konjunktiv II form that reported speech does not need ("könnte", "wäre",
/// "hätte" beside "könne", "sei", "habe") states a wish or a non-factual state and continues no
/// attribution before it.
extension SuggestionRecallRoundTests {
    /// Konjunktiv II alone after an attribution is no free indirect continuation; Konjunktiv I is.
    @Test func conditionalMoodContinuesNoAttribution() {
        let hedge = SuggestionProbe(
            "Die Bürgermeisterin sagte, die Brücke über den Mühlbach sei gesperrt 🚧. Der Umweg könnte für Pendler teuer werden.")
        #expect(hedge.proposal(claiming: "Brücke")?.form == .indirect, "\(hedge.proposals.map(\.rule))")
        #expect(hedge.proposal(claiming: "Umweg") == nil, "\(hedge.proposals.map { hedge.claim($0) })")
        let wish = SuggestionProbe("Der Verband kritisierte, die Förderung sei zu knapp. Schöner wäre es, wenn die Stadt mehr Grün pflanzte.")
        #expect(wish.proposal(claiming: "Schöner") == nil, "\(wish.proposals.map { wish.claim($0) })")
        // Konjunktiv I still continues the speaker.
        let reported = SuggestionProbe("Die Bürgermeisterin sagte, die Brücke sei gesperrt. Der Umweg könne für Pendler teuer werden.")
        let detour = reported.proposal(claiming: "Umweg")
        #expect(detour?.form == .freeIndirect, "\(reported.proposals.map(\.rule))")
        #expect(reported.speaker(detour) == "Die Bürgermeisterin")
    }

    /// The plural forms that stand in for a Konjunktiv I equal to the indicative ("hätten" for
    /// "haben", "würden" for "werden") still continue the speaker, and so does a conditional form
    /// beside a Konjunktiv I in the same sentence.
    @Test func substituteSubjunctiveStillContinues() {
        let plural = SuggestionProbe("Der Sprecher der Feuerwehr sagte, der Brand sei gelöscht. Die Anwohner hätten die Häuser rechtzeitig verlassen.")
        let residents = plural.proposal(claiming: "Anwohner")
        #expect(residents?.form == .freeIndirect, "\(plural.proposals.map(\.rule))")
        #expect(plural.speaker(residents) == "Der Sprecher der Feuerwehr")
        let mixed = SuggestionProbe(
            "Die Ärztin erklärte, die Lage sei ernst. Man müsse handeln, sonst wäre es für viele Patienten zu spät.")
        #expect(mixed.proposal(claiming: "handeln")?.form == .freeIndirect, "\(mixed.proposals.map(\.rule))")
    }
}
