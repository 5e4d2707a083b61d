extension SuggestionScan {
    /// Prepositions of a phrase that names a place or a medium ("von der Website", "in der Zeitung").
    static let placePrepositions: Set<String> = ["von", "vom", "in", "im", "auf", "bei", "beim", "aus", "an", "am", "zur", "zum"]

    /// Whether the comma clause at `first` is a relative clause on a place named between the cue
    /// and the comma, not the cue's message ("zitiert von der Website des Senders, wo …", "sagte in
    /// der Hauptstadt, wo …"): "wo" right after a capitalised noun that a preposition after the cue
    /// opened. A "wo" right after the cue (and its roles) stays an indirect question ("fragte, wo …").
    func opensLocativeRelative(at first: Int, after position: Int) -> Bool {
        guard words[first].lower == "wo", first - 2 >= position, words[first - 1].text == ",", words[first - 2].capitalized else { return false }
        return (position..<(first - 2)).contains { Self.placePrepositions.contains(words[$0].lower) }
    }
}
