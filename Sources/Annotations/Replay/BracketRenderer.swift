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
        return records.sorted { lhs, rhs in
            let l = lhs.anchor?.start ?? 0, r = rhs.anchor?.start ?? 0
            return l != r ? l < r : AnnotationState.idOrder(lhs.key.description, rhs.key.description)
        }
    }

    /// The sentence with brackets around the annotations of `state`.
    public func render(_ key: SentenceKey, in state: AnnotationState) -> [SentencePiece] {
        let records = annotations(on: key, in: state)
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
