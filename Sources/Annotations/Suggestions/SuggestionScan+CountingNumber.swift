extension SuggestionScan {
    /// Number words that count a noun ("sechs Bundesminister"); "zwei" and "drei" are determiners already.
    static let numberWords: Set<String> = [
        "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig", "fünfzig", "hundert", "tausend",
    ]

    /// Whether the token at `position` is a number (digits or a number word) right before the
    /// capitalised noun it counts: "die 27 Mitgliedstaaten", "den 18 Mitarbeitern", "3,6 Millionen
    /// Einwohner". Not an ordinal or a date ("am 5. Mai"): a full stop or a lowercase word after
    /// the number ends it.
    func isCountingNumber(_ position: Int, upper: Int) -> Bool {
        let word = words[position]
        guard word.kind == .number || word.kind == .word && Self.numberWords.contains(word.lower), position + 1 < upper else { return false }
        let next = words[position + 1]
        return next.kind == .word && next.capitalized && !Self.numberWords.contains(next.lower)
    }
}
