import Testing

@testable import Annotations

/// Rules of the tenth round, for Source: a judgement "als …" in the passive names its agent as the
/// speaker, a name keeps its particle ("de", "zu", "al-"), verbs of judging and complaining
/// name a speech act with a plain object, and reported speech keeps a subject with an apposition.
@Suite struct SuggestionTenthRoundTests {
    /// "wurden von X als … bezeichnet" and "Von X wurde … als … kritisiert" are reported speech with
    /// the agent as speaker, and a Konjunktiv I sentence after it continues it; without "als" the
    /// agent of a passive is as often a court or a cause, and nothing is proposed.
    @Test func passiveJudgementNamesItsAgent() {
        let probe = SuggestionProbe(
            "Die Pläne der Stadtwerke wurden von Bürgermeisterin Jürgens als überstürzt bezeichnet 🙄. Die Kosten für die Bürger seien „viel zu hoch“.")
        let reported = probe.proposal(claiming: "Pläne")
        #expect(reported?.form == .reported)
        #expect(probe.speaker(reported) == "Bürgermeisterin Jürgens", "\(probe.speaker(reported))")
        let continuation = probe.proposal(claiming: "Kosten")
        #expect(continuation?.form == .freeIndirect)
        #expect(probe.speaker(continuation) == "Bürgermeisterin Jürgens", "\(probe.speaker(continuation))")
        let agentFirst = SuggestionProbe("Vom Elternbeirat wurde der neue Stundenplan als Zumutung kritisiert.")
        #expect(agentFirst.speaker(agentFirst.proposal(claiming: "Stundenplan")) == "Elternbeirat")
        let court = SuggestionProbe("Der Fahrer wurde vom Landgericht Kassel zu zwei Jahren Haft verurteilt.")
        #expect(court.proposals.isEmpty, "\(court.proposals.map(\.rule))")
        let cause = SuggestionProbe("Der Verdacht wurde durch eine Blutprobe im Labor bestätigt.")
        #expect(cause.proposals.isEmpty, "\(cause.proposals.map(\.rule))")
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

    /// "betrachtet … als", "schätzt … ein", "klagten über":
    /// reported speech with the subject before the verb as speaker.
    @Test func judgingAndComplainingAreSpeechActs() {
        let judged = SuggestionProbe("Die Wirtschaftsministerin betrachtet den Streik der Lokführer als Erpressung 🔥.")
        let reported = judged.proposal(claiming: "Streik")
        #expect(reported?.form == .reported)
        #expect(judged.speaker(reported) == "Die Wirtschaftsministerin")
        let complained = SuggestionProbe("Die Anwohnerinnen klagten über nächtlichen Baulärm und „zu wenig Rücksicht“.")
        #expect(complained.speaker(complained.proposal(claiming: "Baulärm")) == "Die Anwohnerinnen")
        let estimated = SuggestionProbe("Die Vorsitzende Jana Köhler schätzt das Ergebnis als Rückschlag für die Partei ein.")
        #expect(estimated.speaker(estimated.proposal(claiming: "Ergebnis")) == "Die Vorsitzende Jana Köhler")
    }

    /// "Name, Amt, kritisierte …": reported speech whose subject has an apposition (or a relative
    /// clause) up to the comma before the verb; the phrase from the sentence start is the speaker.
    @Test func reportedSpeechAfterASubjectWithAnApposition() {
        let probe = SuggestionProbe("Petra Wendt, Trainerin der Mannschaft, kritisierte die Schiedsrichterin als „überfordert“ 👍.")
        let reported = probe.proposals.first { $0.rule == "reported.speech-act-verb" }
        #expect(probe.speaker(reported) == "Petra Wendt, Trainerin der Mannschaft", "\(probe.speaker(reported))")
        #expect(probe.claim(reported).hasPrefix("Petra Wendt"))
        // A subject before a relative clause that ends at the comma before the verb.
        let relative = SuggestionProbe("Die Prüferinnen, die den Tresor geöffnet hatten, gehen von einem Einbruch aus 🔐.")
        let before = relative.proposals.first { $0.rule == "reported.speech-act-verb" }
        #expect(relative.speaker(before) == "Die Prüferinnen", "\(relative.speaker(before))")
        // A comma clause before the verb is no apposition: no reported speech of it.
        let clause = SuggestionProbe("Als die Nachricht kam, kritisierte der Trainer die Entscheidung.")
        let speaker = clause.speaker(clause.proposals.first { $0.rule == "reported.speech-act-verb" })
        #expect(!speaker.contains("Nachricht"), "\(speaker)")
    }
}
