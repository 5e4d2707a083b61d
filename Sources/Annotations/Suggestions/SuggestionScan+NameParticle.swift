extension SuggestionScan {
    /// Name particles that are also German words ("zu", "da"): after a common noun they are no part
    /// of a name ("Vorwürfe zu Unrecht"). The others ("van", "de", "bin") join a name after any
    /// capitalised word, a given name with a noun's ending included ("Marieke van Dam", "Peter de Vries").
    static let germanWordParticles: Set<String> = ["zu", "da"]

    /// Whether the word at `index` is a lowercase particle inside a personal name, between two
    /// capitalised words within `lower..<upper` ("Marieke van Dam", "Anna de Vries"; not "Vorwürfe zu Unrecht").
    func isNameParticle(_ index: Int, lower: Int, upper: Int) -> Bool {
        guard index > lower, index + 1 < upper, Self.nameParticles.contains(words[index].lower) else { return false }
        let before = words[index - 1], after = words[index + 1]
        return before.kind == .word && before.capitalized && after.kind == .word && after.capitalized
            && particleFollowsName(index - 1, particle: words[index].lower)
    }

    /// Whether the capitalised word at `index` can stand before the name particle `particle`: any
    /// word before a foreign particle, a word that does not look like a common noun before "zu" or "da".
    func particleFollowsName(_ index: Int, particle: String) -> Bool {
        !Self.germanWordParticles.contains(particle) || !looksLikeCommonNoun(words[index].lower)
    }
}
