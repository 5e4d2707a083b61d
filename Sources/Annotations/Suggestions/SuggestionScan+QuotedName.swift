extension SuggestionScan {
    /// Nouns that name a work, a group, a product or an event and take its name in quotes right
    /// after them ("die Operation „Morgenrot“", "der Film „Das Boot“", "die Apfelsorte „Roter Boskop“").
    /// Matched as the end of a compound with an inflection ending ("Apfelsorte", "Nachrichtenmagazins").
    static let namingNouns: [String] = [
        "operation", "film", "projekt", "partei", "zeitung", "magazin", "blatt", "motto", "titel", "überschrift", "name", "namen",
        "sorte", "enzyklika", "buch", "album", "serie", "sendung", "programm", "kampagne", "aktion", "initiative", "bündnis",
        "firma", "schiff", "yacht", "jacht", "fähre", "hotel", "bewegung", "verein", "marke", "modell", "mission", "roman",
        "dokumentation", "festival", "plattform", "slogan", "schlagwort", "stichwort", "begriff", "pipeline", "website", "portal",
    ]

    /// Inflection endings a naming noun may carry ("des Films", "der Magazine", "des Vereins").
    static let namingNounEndings = ["", "s", "es", "e", "en", "n", "ns"]

    /// Lowercase particles and articles of foreign names ("Casa della Musica", "Banco do Brasil",
    /// "Dar al Salam"): the particles of personal names and the articles and conjunctions a name
    /// in quotes may hold.
    static let foreignNameConnectors: Set<String> = nameParticles.union(["dello", "della", "du", "les", "al", "el", "y", "et", "pour", "do", "das"])

    /// Whether the capitalised word names a kind of work, group or product that a quoted name follows.
    func isNamingNoun(_ index: Int) -> Bool {
        let word = words[index]
        guard word.kind == .word, word.capitalized else { return false }
        return Self.namingNouns.contains { head in
            Self.namingNounEndings.contains { word.lower.hasSuffix(head + $0) }
        }
    }

    /// Forms of "nennen" that name something rather than report words when their subject is "man"
    /// or a reflexive "sich" ("nennt sich selbst „…“", "so nennt man das „…“").
    static let namingVerbForms: Set<String> = ["nennt", "nannte", "nennen", "nannten", "nenne"]

    /// Whether a quote is a designation given impersonally or to oneself: a form of "nennen" with
    /// "man" or "sich" before the quote ("die sich selbst „…“ nennt", "so nennt man einen „…“"), or a
    /// quote between "als" and "bekannt" ("der als „…“ bekannte Platz"). No one is quoted there.
    func isImpersonalDesignation(open: Int, close: Int) -> Bool {
        guard open > 0 else { return false }
        let sentence = sentenceRanges[words[open].sentence]
        if words[open - 1].lower == "als", close + 1 < sentence.upperBound, words[close + 1].lower.hasPrefix("bekannt") { return true }
        let before = max(sentence.lowerBound, open - 3)..<open
        guard before.contains(where: { ["man", "sich"].contains(words[$0].lower) }) else { return false }
        var after = close + 1
        while after < sentence.upperBound, after <= close + 5, words[after].text != ",", !Self.namingVerbForms.contains(words[after].lower) { after += 1 }
        let verbAfter = after < sentence.upperBound && after <= close + 5 && Self.namingVerbForms.contains(words[after].lower)
        let verbBefore = (max(sentence.lowerBound, open - 4)..<open).contains { Self.namingVerbForms.contains(words[$0].lower) }
        return verbAfter || verbBefore
    }

    /// Whether a quote of up to ten words opening with a capital is a name: right after a naming
    /// noun ("die Apfelsorte „Roter Boskop“", "die Jacht „Stella del Mare“"); or a run of
    /// capitalised words (with foreign particles) that is the subject or source of a reporting word
    /// next to it ("Wie „Heute Online“ berichtet", "laut „Radio Nord“", "schrieb „Die Woche“ in …").
    func looksLikeQuotedNameInContext(open: Int, close: Int, wordCount: Int) -> Bool {
        guard wordCount <= 10, open > 0, words[open - 1].sentence == words[open].sentence else { return false }
        let inner = (open + 1)..<close
        guard let first = inner.first(where: { words[$0].kind == .word }), words[first].capitalized else { return false }
        if isNamingNoun(open - 1) { return true }
        guard wordCount <= 5 else { return false }
        let nameLike = inner.allSatisfy { index in
            let word = words[index]
            switch word.kind {
            case .word: return word.capitalized || Self.nameConnectors.contains(word.lower) || Self.foreignNameConnectors.contains(word.lower)
            case .number: return true
            default: return [".", "-", "’", "'", "&"].contains(word.text)
            }
        }
        guard nameLike else { return false }
        let before = words[open - 1]
        // The source of a frame ("laut „…“") or the subject of a clause ending in a reporting verb ("Wie „…“ berichtet").
        if ["laut", "wie"].contains(before.lower) { return true }
        // Right after a finite reporting verb and before a preposition or a comma, a name of two or
        // more words is its subject ("zitiert „…“ aus ihrer Stellungnahme", "schrieb „…“ in einem Nachruf").
        let after = close + 1
        if wordCount >= 2, before.kind == .word, !before.capitalized, verbCue(at: open - 1) != nil, after < words.count,
            words[after].sentence == words[close].sentence, words[after].text == "," || words[after].text == "." || lexicon.stopwords.contains(words[after].lower)
        {
            return true
        }
        return false
    }
}
