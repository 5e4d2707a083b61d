extension SuggestionScan {
    /// A personal pronoun that is a whole subject on its own, where the words before a verb-final
    /// cue run on past it: first after a subordinator ("nachdem er seine Opfer verfolgt hatte",
    /// "als er Fans des Teams kritisierte") or right before the verb after a relative pronoun
    /// ("einen Zettel, in dem er verlangte"). Only "er", "ich", "wir" (always nominative), never
    /// before "und"/"sowie" ("Er sowie Giesel"). Nil otherwise.
    func pronounSubject(of phrase: [Int], clauseStart start: Int, first: Int, head: Int) -> Int? {
        guard phrase.count > 1 else { return nil }
        if first > start, phrase[0] == first, Self.nominativePronouns.contains(words[first].lower), first + 1 < head,
            !["und", "sowie", "oder", ","].contains(words[first + 1].lower)
        {
            return first
        }
        if let last = phrase.last, last == head - 1, last > first, Self.nominativePronouns.contains(words[last].lower),
            Self.relativePronouns.contains(words[last - 1].lower) || Self.complementizers.contains(words[last - 1].lower)
        {
            return last
        }
        return nil
    }
}
