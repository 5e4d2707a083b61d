extension SuggestionScan {
    /// The speaker of a second verb joined by "und"/"sowie" to an earlier one of the same subject,
    /// when the second verb's clause names none ("Die Bürgermeisterin öffnete das Fenster, schaute
    /// hinaus und rief: „…“"): the speakers of an earlier attribution of the sentence, else the
    /// subject that opens the sentence, if it looks like a speaker. Nil otherwise.
    func coordinatedSpeakers(head: Int, sentence: Int) -> [[Int]]? {
        let range = sentenceRanges[sentence]
        guard head > range.lowerBound, ["und", "sowie"].contains(words[head - 1].lower) else { return nil }
        if let earlier = proposals.last(where: { ($0.cue.max() ?? head) < head && ($0.cue.max() ?? head) >= range.lowerBound }),
            !earlier.speakers.isEmpty
        {
            return earlier.speakers
        }
        guard let subject = sentenceSubject(sentence), let last = subject.last, last < head,
            !subject.contains(where: { insideQuote[$0] }), looksLikeSpeaker(subject)
        else { return nil }
        return splitSpeakers(subject)
    }
}
