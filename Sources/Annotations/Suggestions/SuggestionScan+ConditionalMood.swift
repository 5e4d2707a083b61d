extension SuggestionScan {
    /// Konjunktiv II forms whose Konjunktiv I differs from the indicative ("könnte" beside
    /// "könne", "wäre" beside "sei", "hätte" beside "habe"): reported speech has no need of them,
    /// so alone they state a wish or a non-factual state ("Das könnte teuer werden"), which the
    /// guidelines do not count as free indirect speech. The plural substitutes for a Konjunktiv I
    /// that equals the indicative ("hätten", "würden", "könnten") are not among them.
    static let conditionalForms: Set<String> = ["könnte", "würde", "müsste", "dürfte", "wäre", "hätte", "wären", "gäbe"]

    /// Whether the subjunctive markers among `probe` (outside quotes) are all ``conditionalForms``,
    /// so that the sentence continues no attribution before it.
    func onlyConditional(_ probe: Range<Int>) -> Bool {
        var found = false
        for index in probe where !insideQuote[index] && VerbMorphology.subjunctiveAuxiliaries.contains(words[index].lower) {
            guard Self.conditionalForms.contains(words[index].lower) else { return false }
            found = true
        }
        return found
    }
}
