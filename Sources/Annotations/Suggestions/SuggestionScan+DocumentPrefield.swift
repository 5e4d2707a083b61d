extension SuggestionScan {
    /// Prepositions that open a place in a text or an event ("Im Bericht", "In einem Schreiben", "Auf der Konferenz").
    static let documentPrepositions: Set<String> = ["in", "im", "auf", "bei", "beim"]

    /// Nouns of texts and events in which something is said, besides the lexicon's reporting nouns
    /// (compounds ending in one count: "Abschlussbericht", "Pressekonferenz").
    static let documentNouns: [String] = [
        "bericht", "schreiben", "brief", "interview", "gutachten", "urteil", "beschluss", "resolution", "konferenz", "sitzung",
        "ausgabe", "artikel", "beitrag", "stellungnahme", "antrag", "papier", "entwurf", "rede", "ansprache", "kommentar",
        "protokoll", "begründung", "erklärung", "mitteilung", "studie", "dokument", "report", "anklageschrift", "verfügung",
    ]

    /// The source of a passive reporting verb with no agent whose clause opens with a prepositional
    /// phrase naming a text or an event ("Im Bericht der Prüfer war festgestellt worden, dass …",
    /// "In einem internen Schreiben wurde betont, …", "Auf der Konferenz wurde vorgeschlagen, …"): the
    /// whole phrase before the finite verb, preposition included, as SpkAtt marks such a place. Nil
    /// when the cue is active, the sentence opens otherwise or the phrase names no text or event.
    func documentPrefield(cue: [Int], sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard let head = cue.min(), let high = cue.max(), head - range.lowerBound >= 2, head - range.lowerBound <= 14,
            Self.documentPrepositions.contains(words[range.lowerBound].lower), !insideQuote[range.lowerBound],
            (range.lowerBound...high).contains(where: { Self.passiveAuxiliaries.contains(words[$0].lower) || words[$0].lower == "worden" })
        else { return nil }
        let prefield = Array(range.lowerBound..<head)
        guard !prefield.contains(where: { words[$0].kind == .punctuation && !["(", ")"].contains(words[$0].text) }),
            let noun = prefield.dropFirst().first(where: { words[$0].capitalized && words[$0].kind == .word })
        else { return nil }
        let lower = words[noun].lower
        guard lexicon.isReportingNoun(words[noun].text) || Self.documentNouns.contains(where: { lower == $0 || lower.count > $0.count + 2 && lower.hasSuffix($0) })
        else { return nil }
        return prefield
    }

    /// Whether a speaker phrase is a text, an event or a statement rather than someone: its first
    /// capitalised word (after a preposition) is a reporting noun ("Angaben des Ministeriums") or a
    /// noun of ``documentNouns`` ("in der Erklärung", "der Abschlussbericht").
    func namesATextOrPlace(_ phrase: [Int]) -> Bool {
        guard let noun = phrase.first(where: { words[$0].kind == .word && words[$0].capitalized && !Self.determiners.contains(words[$0].lower) })
        else { return false }
        let lower = words[noun].lower
        return lexicon.isReportingNoun(words[noun].text) || Self.documentNouns.contains { lower == $0 || lower.count > $0.count + 2 && lower.hasSuffix($0) }
    }
}
