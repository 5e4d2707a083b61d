extension SuggestionScan {
    /// Last words that mark a lowercase name as a company or a medium ("„con energy ag“", "„heise online“").
    static let lowercaseNameEndings: Set<String> = ["ag", "gmbh", "kg", "se", "inc", "inc.", "ltd", "ltd.", "online"]

    /// Whether a word is spelled as a brand or product name, not as German: a capital after a
    /// lowercase letter ("YouTube", "iPod", "GlobalFlyer") or letters with digits ("Ener1", "Power8", "U2").
    func isBrandSpelling(_ text: String) -> Bool {
        var previousLowercase = false
        var letters = false
        var digits = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase, previousLowercase { return true }
            previousLowercase = properties.isLowercase
            if properties.isAlphabetic { letters = true }
            if ("0"..."9").contains(scalar) { digits = true }
        }
        return letters && digits
    }

    /// Whether a quote of one to five words is a name by its spelling alone, wherever it stands:
    /// capitalised words, numbers and name particles with at least one word spelled as a brand
    /// ("„YouTube“", "„Ener1 Group Inc.“", "„iPod nano“"), or lowercase words ending in a company
    /// form ("„con energy ag“"). Someone's words are quoted in German spelling.
    func looksLikeBrandQuote(open: Int, close: Int, wordCount: Int) -> Bool {
        guard wordCount >= 1, wordCount <= 5 else { return false }
        let inner = ((open + 1)..<close).filter { words[$0].kind == .word || words[$0].kind == .number }
        guard let last = inner.last else { return false }
        if inner.count >= 2, Self.lowercaseNameEndings.contains(words[last].lower),
            inner.allSatisfy({ words[$0].kind == .word && !words[$0].capitalized })
        {
            return true
        }
        var brand = false
        for index in inner {
            let word = words[index]
            if isBrandSpelling(word.text) {
                brand = true
            } else if word.kind == .word, !word.capitalized, !Self.nameConnectors.contains(word.lower),
                !Self.foreignNameConnectors.contains(word.lower), !Self.lowercaseNameEndings.contains(word.lower)
            {
                // A lowercase German word ("„iPod nano“" keeps its model name; "„eine iPhone-Sucht“" is a phrase).
                guard inner.count == 2, index == last, inner.contains(where: { isBrandSpelling(words[$0].text) }) else { return false }
            }
        }
        return brand
    }
}
