import Testing

@testable import Annotations

/// Rules of the eleventh round for the Source span: a continuation takes the speaker of the
/// attribution (or of the continuation) right before it only (not two sentences back), a name apposition keeps a family name
/// with a glued Arabic article, prepositions such as "aufgrund" and the adverb "vorab" end a speaker
/// phrase, and "einzig" before a subject is a focus particle.
@Suite struct SuggestionSourceRoundTests {
    /// A Konjunktiv I sentence right after an attribution continues it with its speaker; with a
    /// sentence between them that brings in someone new it is still proposed, but without a speaker
    /// (a sentence between that names no one keeps the speaker: the twentieth round's look-back).
    @Test func continuationTakesTheSpeakerOnlyFromTheSentenceBefore() {
        let next = SuggestionProbe("Die Bürgermeisterin sagte, die Lage sei ernst. Die Dämme an der Mühle seien aber „noch sicher“ 🌧️.")
        let continuation = next.proposal(claiming: "Dämme")
        #expect(continuation?.form == .freeIndirect)
        #expect(next.speaker(continuation) == "Die Bürgermeisterin", "\(next.speaker(continuation))")
        let gap = SuggestionProbe(
            "Die Bürgermeisterin sagte, die Lage sei ernst. Am Abend besuchte Landrat Uwe Brandt die Mühle. Die Dämme an der Mühle seien aber „noch sicher“ 🌧️.")
        let distant = gap.proposal(claiming: "Dämme")
        #expect(distant?.form == .freeIndirect)
        #expect(gap.speaker(distant) == "", "\(gap.speaker(distant))")
    }

    /// A run carries its speaker on: a quote right after a continuation that took the speaker
    /// takes it too, though the attribution with the speaker is two sentences back.
    @Test func speakerCarriesOnThroughARun() {
        let probe = SuggestionProbe(
            "Die Bürgermeisterin sagte, die Lage sei ernst 💪. Die Dämme an der Mühle seien aber sicher. „Die Kosten trägt das Land Bayern.“")
        #expect(probe.speaker(probe.proposal(claiming: "Dämme")) == "Die Bürgermeisterin")
        let quote = probe.proposal(claiming: "Kosten")
        #expect(quote?.form == .direct)
        #expect(probe.speaker(quote) == "Die Bürgermeisterin", "\(probe.speaker(quote))")
    }

    /// A lone quote two sentences after an attribution still repeats its cue, but takes no speaker.
    @Test func loneQuoteTwoBackKeepsTheCueOnly() {
        let probe = SuggestionProbe(
            "„Wir bauen die Brücke neu“, sagte der Bürgermeister. Die Arbeiten beginnen im März. „Die Kosten trägt das Land Bayern.“")
        let quote = probe.proposal(claiming: "Kosten")
        #expect(quote?.form == .direct)
        #expect(probe.speaker(quote) == "", "\(probe.speaker(quote))")
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
}
