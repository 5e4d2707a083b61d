extension SuggestionScan {
    /// Whether the clause of a hearsay "soll"/"sollen" (`modal`, the finite verb near the sentence's
    /// start) ends in "haben" or "sein" ("Der Mann soll den Wagen gestohlen haben", "Dabei
    /// sollen zwei Menschen verletzt worden sein", "Er soll krank sein"), or in "handeln" after
    /// "sich" ("Bei dem Toten soll es sich um den Besitzer handeln"). A clause that ends in any
    /// other infinitive is most often a plan or a duty ("Die Brücke soll im Mai eröffnet werden",
    /// "Die Mieter sollen einen Zuschuss bekommen"), which reports no one's words.
    func sollenClauseIsHearsay(modal: Int, in range: Range<Int>) -> Bool {
        var position = modal + 1
        var last: Int?
        while position < range.upperBound {
            let word = words[position]
            if word.text == "(", let close = closing(of: position, within: range.upperBound) {
                position = close + 1
                continue
            }
            if word.kind == .punctuation, [",", ";", ":", ".", "!", "?", "–"].contains(word.text), !insideQuote[position] { break }
            if word.kind == .word { last = position }
            position += 1
        }
        guard let last else { return false }
        if words[last].lower == "handeln" { return (modal..<last).contains { words[$0].lower == "sich" } }
        return ["haben", "sein"].contains(words[last].lower)
    }
}
