/// Shows a sentence with the annotations of a state in bracket notation: mentions as
/// `[S1 Vassili Nebenzia]` (the speaker's id), cues as `<Q1 versicherte>`, claims as `{C3 …}`.
/// Discontinuous spans are bracketed piece by piece. Without the corpus, each annotation is shown
/// with the context stored in its anchor.
public struct BracketRenderer: Sendable {
    /// The corpus, if it could be loaded; documents whose text changed since the session are left out.
    public let corpus: SegmentedCorpus?

    /// Creates a renderer; pass nil when the corpus is missing.
    public init(corpus: SegmentedCorpus?) {
        self.corpus = corpus
    }

    /// The sentence, if the corpus has it.
    public func sentence(_ key: SentenceKey) -> Sentence? {
        guard let document = corpus?.document(id: key.document), key.sentence >= 0, key.sentence < document.sentences.count else {
            return nil
        }
        return document.sentences[key.sentence]
    }

    /// Mentions, cues and claims of `state` that lie in the sentence, by start offset.
    public func annotations(on key: SentenceKey, in state: AnnotationState) -> [Record] {
        let sentence = sentence(key)
        func touches(_ anchor: TextAnchor) -> Bool {
            guard anchor.document == key.document else { return false }
            if let sentence { return anchor.segments.contains { $0.start < sentence.end && $0.end > sentence.start } }
            return anchor.sentence == key.sentence
        }
        var records: [Record] = []
        records += state.mentions.values.filter { touches($0.anchor) }.map(Record.mention)
        records += state.cues.values.filter { touches($0.anchor) }.map(Record.cue)
        records += state.claims.values.filter { touches($0.anchor) }.map(Record.claim)
        return Self.ordered(records)
    }

    /// The sentences whose ``annotations(on:in:)`` include a record with this anchor: with the
    /// corpus, every sentence its segments overlap (a claim may run over several), else (or for a
    /// sentence the corpus does not have) the one the anchor names.
    public func sentences(touchedBy anchor: TextAnchor) -> [SentenceKey] {
        let named = SentenceKey(document: anchor.document, sentence: anchor.sentence)
        guard let sentences = corpus?.document(id: anchor.document)?.sentences else { return [named] }
        var keys: [SentenceKey] = []
        if anchor.sentence < 0 || anchor.sentence >= sentences.count { keys.append(named) }
        for segment in anchor.segments {
            // The first sentence that ends after the segment starts, then each that starts before it ends.
            var low = 0, high = sentences.count
            while low < high {
                let middle = (low + high) / 2
                if sentences[middle].end > segment.start { high = middle } else { low = middle + 1 }
            }
            var index = low
            while index < sentences.count, sentences[index].start < segment.end {
                let key = SentenceKey(document: anchor.document, sentence: index)
                if !keys.contains(key) { keys.append(key) }
                index += 1
            }
        }
        return keys
    }

    /// Records in reading order: by start offset, then id.
    static func ordered(_ records: [Record]) -> [Record] {
        records.sorted { lhs, rhs in
            let l = lhs.anchor?.start ?? 0, r = rhs.anchor?.start ?? 0
            return l != r ? l < r : AnnotationState.idOrder(lhs.key.description, rhs.key.description)
        }
    }

    /// The sentence with brackets around the annotations of `state`.
    public func render(_ key: SentenceKey, in state: AnnotationState) -> [SentencePiece] {
        render(key, annotations: annotations(on: key, in: state))
    }

    /// The sentence with brackets around `records` (its mentions, cues and claims, e.g. from a
    /// ``SentenceRecordIndex``), in any order.
    public func render(_ key: SentenceKey, records: [Record]) -> [SentencePiece] {
        render(key, annotations: Self.ordered(records))
    }

    private func render(_ key: SentenceKey, annotations records: [Record]) -> [SentencePiece] {
        guard let sentence = sentence(key) else { return fallback(records) }
        struct Mark { var offset: Int; var isOpen: Bool; var length: Int; var piece: SentencePiece }
        var marks: [Mark] = []
        for record in records {
            guard let anchor = record.anchor else { continue }
            let (open, close, kind) = Self.brackets(record)
            for segment in anchor.segments {
                let start = max(segment.start, sentence.start), end = min(segment.end, sentence.end)
                guard start < end else { continue }
                marks.append(Mark(offset: start, isOpen: true, length: end - start, piece: SentencePiece(open, kind)))
                marks.append(Mark(offset: end, isOpen: false, length: end - start, piece: SentencePiece(close, kind)))
            }
        }
        marks.sort { a, b in
            if a.offset != b.offset { return a.offset < b.offset }
            if a.isOpen != b.isOpen { return !a.isOpen }  // close before open at the same offset
            return a.isOpen ? a.length > b.length : a.length < b.length
        }
        var pieces: [SentencePiece] = []
        let scalars = Array(sentence.text.unicodeScalars)
        var position = sentence.start
        func emitText(upTo offset: Int) {
            guard offset > position else { return }
            let from = position - sentence.start, to = offset - sentence.start
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[from..<to])
            pieces.append(SentencePiece(String(view), .text))
            position = offset
        }
        for mark in marks {
            emitText(upTo: mark.offset)
            pieces.append(mark.piece)
        }
        emitText(upTo: sentence.end)
        return pieces
    }

    /// Each annotation with the context its anchor stored, separated by ` | `.
    func fallback(_ records: [Record]) -> [SentencePiece] {
        var pieces: [SentencePiece] = [SentencePiece("(corpus text not available) ", .context)]
        for (index, record) in records.enumerated() {
            guard let anchor = record.anchor else { continue }
            if index > 0 { pieces.append(SentencePiece(" | ", .context)) }
            let (open, close, kind) = Self.brackets(record)
            pieces.append(SentencePiece("…" + anchor.before, .context))
            pieces.append(SentencePiece(open, kind))
            pieces.append(SentencePiece(anchor.text, .text))
            pieces.append(SentencePiece(close, kind))
            pieces.append(SentencePiece(anchor.after + "…", .context))
        }
        if records.isEmpty { pieces.append(SentencePiece("no annotations", .context)) }
        return pieces
    }

    /// Opening and closing bracket for a record.
    static func brackets(_ record: Record) -> (String, String, SentencePiece.Kind) {
        switch record {
        case .mention(let value): return ("[\(value.speaker) ", "]", .mention)
        case .cue(let value): return ("<\(value.id) ", ">", .cue)
        case .claim(let value): return ("{\(value.id) ", "}", .claim)
        default: return ("", "", .text)
        }
    }
}
