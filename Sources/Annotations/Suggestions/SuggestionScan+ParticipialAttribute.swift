extension SuggestionScan {
    /// Endings of a participle used as an attribute ("erscheinende", "geborene", "veröffentlichten").
    static let participleAttributeEndings = [
        "ende", "enden", "ender", "endes", "endem", "te", "ten", "ter", "tes", "tem", "ene", "enen", "ener", "enes", "enem",
    ]

    /// The last word of an extended participial attribute between an article and its noun
    /// ("die in New York geborene Sängerin", "einer am Dienstag veröffentlichten Mitteilung", "die
    /// den Grünen nahestehende „Tageszeitung“"): a run of at most eight words from `start` with no
    /// punctuation, verb form or conjunction in it, ending in a lowercase participle right before a
    /// capitalised noun or an opening quote. Nil when no such run starts there.
    func participialAttributeEnd(from start: Int, upper: Int) -> Int? {
        // An adjective opens a plain noun phrase ("der damaligen Regelung"), not an attribute.
        guard start < upper, words[start].kind == .word, !words[start].capitalized, !looksLikeAdjective(words[start]) else { return nil }
        var position = start
        while position < min(upper - 1, start + 8) {
            let word = words[position]
            guard word.kind == .word || word.kind == .number || word.kind == .quote && insideQuote[position] == insideQuote[start] else { return nil }
            let lower = word.lower
            if Self.auxiliaries.contains(lower) || Self.modals.contains(lower) || VerbMorphology.subjunctiveAuxiliaries.contains(lower)
                || Self.complementizers.contains(lower) || ["und", "oder", "sowie", "zu"].contains(lower)
            {
                return nil
            }
            let next = words[position + 1]
            if position > start, word.kind == .word, !word.capitalized, looksLikeParticiple(lower), lexicon.verbForms[lower] == nil,
                next.kind == .word && next.capitalized || next.kind == .quote
            {
                return position
            }
            position += 1
        }
        return nil
    }

    /// Whether a lowercase word has the shape of an inflected participle: a present participle
    /// ("erscheinende") or a past one with "ge", an inseparable prefix or "-iert-" ("geborene",
    /// "veröffentlichten", "organisierten"); superlatives ("nächsten", "größten") are not.
    func looksLikeParticiple(_ lower: String) -> Bool {
        guard lower.count >= 6, Self.participleAttributeEndings.contains(where: { lower.hasSuffix($0) }) else { return false }
        if ["ende", "enden", "ender", "endes", "endem"].contains(where: { lower.hasSuffix($0) }) { return true }
        if ["ste", "sten", "ster", "stes", "stem"].contains(where: { lower.hasSuffix($0) }) && !lower.contains("sst") { return false }
        return lower.contains("ge") || lower.contains("iert") || ["be", "ver", "er", "ent", "zer", "miss", "über", "unter"].contains(where: { lower.hasPrefix($0) })
    }
}
