extension SuggestionScan {
    /// Agencies and papers whose names are written in lowercase ("die Nachrichtenagentur dpa").
    static let lowercaseAgencyNames: Set<String> = ["dpa", "ddp", "afp", "apa", "sda", "epd", "kna", "taz", "dapd"]

    /// Whether the lowercase word at `index` is the name of the organisation or office right before
    /// it ("die Gewerkschaft ver.di", "der Dienst flightradar24", "die Agenturen dpa und AFP"): a
    /// word with a dot or a digit inside it, or a lowercase agency name, after a capitalised word
    /// that names an office or an institution (or ends like a common noun).
    func isLowercaseName(_ index: Int, after last: Int) -> Bool {
        let word = words[index], before = words[last]
        guard word.kind == .word, !word.capitalized, before.kind == .word, before.capitalized, looksLikeCommonNoun(before.lower),
            !lexicon.stopwords.contains(word.lower), lexicon.verbForms[word.lower] == nil
        else { return false }
        if Self.lowercaseAgencyNames.contains(word.lower) { return true }
        let scalars = Array(word.lower.unicodeScalars)
        guard scalars.count >= 3, let first = scalars.first, first.properties.isAlphabetic else { return false }
        let inner = scalars.dropFirst().dropLast()
        return inner.contains(".") || scalars.contains { $0.properties.numericType != nil }
    }
}
