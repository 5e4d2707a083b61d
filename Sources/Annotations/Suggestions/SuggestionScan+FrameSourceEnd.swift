extension SuggestionScan {
    /// The source of a "laut"/"nach Angaben" frame cut where the clause's own subject starts: the
    /// noun phrase finder runs on over a genitive article, but after a name an article opens a new
    /// phrase, as a name takes no genitive after it ("sei laut Anna Kowalski der Vorsitzende
    /// zurückgetreten", "war nach Auskunft der NASA der größte Teil verglüht"). A name here is the
    /// second of two capitalised words with no article between ("Anna Kowalski", "Sprecher
    /// Kowalski") or a word in capitals ("NASA"); a noun after an article keeps its genitive ("laut
    /// einem Artikel der Zeitung", "nach Angaben des Leiters der Behörde").
    func frameSourceEnd(_ source: [Int]) -> [Int] {
        guard source.count >= 3 else { return source }
        for offset in 1..<(source.count - 1) {
            let previous = words[source[offset - 1]], word = words[source[offset]]
            guard source[offset] == source[offset - 1] + 1, previous.kind == .word, previous.capitalized,
                ["der", "die", "das", "den"].contains(word.text), words[source[offset + 1]].kind == .word,
                !looksLikeCommonNoun(previous.lower), !lexicon.isTitle(previous.lower), !lexicon.isReportingNoun(previous.text)
            else { continue }
            let before = offset >= 2 ? words[source[offset - 2]] : nil
            let secondOfNames = before.map { $0.kind == .word && $0.capitalized && !Self.determiners.contains($0.lower) } ?? false
            let capitals = previous.text.count >= 2 && previous.text.unicodeScalars.allSatisfy { $0.properties.isUppercase }
            guard secondOfNames || capitals else { continue }
            return Array(source[..<offset])
        }
        return source
    }

    /// A compound noun that starts in lowercase: its last part, after a hyphen, is capitalised
    /// ("dpa-Meldung", "iPhone-Hersteller").
    func isLowercaseCompoundNoun(_ word: Word) -> Bool {
        guard word.kind == .word, !word.capitalized, let hyphen = word.text.lastIndex(of: "-") else { return false }
        return word.text[word.text.index(after: hyphen)...].first?.isUppercase ?? false
    }
}
