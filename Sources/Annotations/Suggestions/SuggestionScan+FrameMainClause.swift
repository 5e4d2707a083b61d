extension SuggestionScan {
    /// Whether the word after `end` (a frame's last word) is a finite verb in second place: an
    /// auxiliary, a modal, a Konjunktiv I form or a reporting verb form, written in lower case and
    /// no article ("nach Angaben der Polizei habe …", "laut Polizei gab es …"). Then the frame and
    /// its source are the prefield of a main clause.
    func opensMainClause(after end: Int, sentence: Int) -> Bool {
        let next = end + 1
        guard next < sentenceRanges[sentence].upperBound, words[next].kind == .word, !words[next].capitalized, !insideQuote[next] else { return false }
        let lower = words[next].lower
        // An article is no verb, whatever verb form it also spells ("eine", "einen"): the frame then
        // stands inside a clause that began before the comma ("feuerte X, das …, nach Angaben Y eine Rakete").
        guard !Self.determiners.contains(lower), !lexicon.stopwords.contains(lower) || Self.auxiliaries.contains(lower) || Self.modals.contains(lower)
        else { return false }
        return Self.auxiliaries.contains(lower) || Self.modals.contains(lower) || VerbMorphology.subjunctiveAuxiliaries.contains(lower)
            || ["soll", "sollen", "gab", "gibt", "gebe"].contains(lower) || isSubjunctiveWord(next) || lexicon.verbForms[lower] != nil
    }
}
