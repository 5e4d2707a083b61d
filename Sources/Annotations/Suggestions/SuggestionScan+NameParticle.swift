extension SuggestionScan {
    /// Whether the word at `index` is a lowercase particle inside a personal name, between two
    /// capitalised words within `lower..<upper` and not after a common noun ("Heike van Laak",
    /// "Anna de Vries"; not "Vorwürfe zu Unrecht").
    func isNameParticle(_ index: Int, lower: Int, upper: Int) -> Bool {
        guard index > lower, index + 1 < upper, Self.nameParticles.contains(words[index].lower) else { return false }
        let before = words[index - 1], after = words[index + 1]
        return before.kind == .word && before.capitalized && after.kind == .word && after.capitalized && !looksLikeCommonNoun(before.lower)
    }
}
