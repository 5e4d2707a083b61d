extension SegmentedDocument {
    /// The index of the first sentence that ends after `offset` (a Unicode-scalar offset into the
    /// NFC text; sentences are end-exclusive): the sentence holding `offset`, or the next sentence
    /// when `offset` falls in the gap between two sentences (or before the first). The number of
    /// sentences when no sentence ends after `offset` (past the last sentence, or an empty document).
    ///
    /// The one sentence lookup by offset; ``sentenceIndex(containing:)`` and the callers that want
    /// "the sentence at or after an offset" use it. A binary search over the sentences' ends.
    public func firstSentence(endingAfter offset: Int) -> Int {
        var low = 0, high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the sentence holding `offset` (`start <= offset < end`), or nil when `offset`
    /// falls between sentences, before the first or past the last.
    public func sentenceIndex(containing offset: Int) -> Int? {
        let index = firstSentence(endingAfter: offset)
        return index < sentences.count && sentences[index].start <= offset ? index : nil
    }
}
