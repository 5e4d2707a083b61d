extension SuggestionScan {
    /// Adverbs that open a main clause before its finite verb ("Danach sagte der Minister, …",
    /// "Anschließend erklärte die Polizei, …"): never a speaker; the subject follows the verb. Many
    /// such words are stop words already, which no phrase starts with; these are the ones that are not.
    static let prefieldAdverbs: Set<String> = [
        "danach", "daraufhin", "darauf", "hierzu", "hierauf", "dazu", "anschließend", "später", "vorher", "nachher", "morgen",
        "vorgestern", "bislang", "unterdessen", "derweil", "indes", "ferner", "gleichzeitig", "zugleich", "wiederholt", "jüngst",
        "unlängst", "einst", "immerhin", "offenbar", "offensichtlich", "vermutlich", "angeblich", "mehrfach", "ausdrücklich",
        "wörtlich", "öffentlich", "schriftlich", "mündlich", "trotzdem", "dennoch", "zuerst", "zunächst", "abschließend",
        "ergänzend", "einleitend", "kürzlich", "eindringlich", "erneut", "derzeit", "gegenwärtig", "momentan", "künftig",
    ]
    /// Endings of adverbs by their form ("Monatelang", "Erstmals", "Möglicherweise", "Ebenfalls",
    /// "Unmissverständlich"): read as an adverb only when a subject follows the verb, since a
    /// surname may end so too ("Fröhlich sagte, …").
    static let prefieldAdverbEndings = ["lang", "mals", "weise", "dings", "falls", "maßen", "lich"]

    /// Whether the one word `first` before the finite verb at `head` is an adverb put first, not the
    /// verb's subject: a known prefield adverb, or a word with an adverb's ending when a nominative
    /// phrase (an article or a capitalised word, not an object case) follows the verb and its cue
    /// (`after`: where the subject after the verb would start, searched only for such a word) and is
    /// no medium in the dative.
    func isPrefieldAdverb(_ first: Int, head: Int, after subjectStart: @autoclosure () -> Int) -> Bool {
        guard head - first == 1, words[first].kind == .word, words[first].capitalized else { return false }
        let lower = words[first].lower
        if Self.prefieldAdverbs.contains(lower) { return true }
        guard lower.count > 6, Self.prefieldAdverbEndings.contains(where: { lower.hasSuffix($0) }),
            !lexicon.isTitle(lower), !lexicon.isInstitution(lower)
        else { return false }
        let after = subjectStart()
        guard after < sentenceRanges[words[first].sentence].upperBound, words[after].kind == .word, !isObjectCase(after),
            words[after].capitalized || ClauseSubjectFinder.nominativeDeterminers.contains(words[after].lower),
            // "Fröhlich sagte der Zeitung, …": a medium in the dative after the verb, no subject.
            !isFeminineMediumDative(from: after, to: min(after + 5, sentenceRanges[words[first].sentence].upperBound))
        else { return false }
        return true
    }
}
