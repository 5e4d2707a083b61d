/// For each sentence of one document, the indices of the spans (in the bundle's list for the
/// document) that touch it, in span order: one flat array for the whole document with each
/// sentence's range in it, instead of one array per sentence.
struct ExportSentenceSpans {
    /// Sentence `s` holds `indices[starts[s]..<starts[s + 1]]`.
    private var starts: [Int]
    /// The span indices, sentence after sentence.
    private var indices: [Int]

    /// The spans of document `document` of `bundle` per sentence (spans may run on into later
    /// sentences, and then touch several).
    init(_ bundle: ExportBundle, document: Int) {
        let sentences = bundle.documents[document].sentences
        let spans = bundle.spans[document]
        var starts = [Int](repeating: 0, count: sentences.count + 1)
        // Only the spans' offsets are read (a copy of each span would retain all its fields).
        func forEachTouched(_ body: (Int, Int) -> Void) {
            for index in spans.indices {
                let start = spans[index].start, end = spans[index].end
                var sentence = spans[index].sentence
                while sentence < sentences.count, sentences[sentence].start < end {
                    if sentences[sentence].end > start { body(sentence, index) }
                    sentence += 1
                }
            }
        }
        forEachTouched { sentence, _ in starts[sentence + 1] += 1 }
        for sentence in 0..<sentences.count { starts[sentence + 1] += starts[sentence] }
        var next = starts
        var indices = [Int](repeating: 0, count: starts[sentences.count])
        forEachTouched { sentence, index in
            indices[next[sentence]] = index
            next[sentence] += 1
        }
        self.starts = starts
        self.indices = indices
    }

    /// The indices of the spans touching sentence `sentence`, in span order.
    subscript(sentence: Int) -> ArraySlice<Int> { indices[starts[sentence]..<starts[sentence + 1]] }
}
