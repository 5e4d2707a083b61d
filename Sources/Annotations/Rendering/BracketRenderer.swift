/// Shows a sentence with the annotations of a state in bracket notation — the one renderer for the
/// annotation shell, replay, review and every other view of an annotated sentence.
///
/// Mentions show as `[S1 Vassili Nebenzia]` (the speaker's id), cues as `<Q1 versicherte>`, claims as
/// `{C3 …}` (`{C3←S1 …}` when the claim's speaker is not tagged in this sentence). Nested spans nest; a
/// span that crosses another closes with its label (`… C3}`); a claim that began in an earlier sentence
/// opens with `{C3… ` and one that runs on closes with `…}`. Discontinuous spans are bracketed piece
/// by piece. Without the corpus (or for a sentence it does not have), each annotation is shown with
/// the context stored in its anchor.
///
/// The pieces carry raw corpus text: sanitise it before writing it to a terminal.
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
        if let sentence = sentence(key) { return Self.ordered(Self.records(touching: sentence, in: state)) }
        func named(_ anchor: TextAnchor) -> Bool { anchor.document == key.document && anchor.sentence == key.sentence }
        var records: [Record] = []
        records += state.mentions.values.filter { named($0.anchor) }.map(Record.mention)
        records += state.cues.values.filter { named($0.anchor) }.map(Record.cue)
        records += state.claims.values.filter { named($0.anchor) }.map(Record.claim)
        return Self.ordered(records)
    }

    /// The mentions, cues and claims of `state` with a segment that overlaps `sentence` (in no particular order).
    /// An orphaned anchor (its text was not found again in a changed document) touches no sentence:
    /// its offsets point into the old text.
    public static func records(touching sentence: Sentence, in state: AnnotationState) -> [Record] {
        let document = sentence.documentID
        func touches(_ anchor: TextAnchor) -> Bool {
            anchor.document == document && !anchor.orphaned
                && anchor.segments.contains { $0.start < sentence.end && $0.end > sentence.start }
        }
        var records: [Record] = []
        for mention in state.mentions.values where touches(mention.anchor) { records.append(.mention(mention)) }
        for cue in state.cues.values where touches(cue.anchor) { records.append(.cue(cue)) }
        for claim in state.claims.values where touches(claim.anchor) { records.append(.claim(claim)) }
        return records
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
        guard let sentence = sentence(key) else { return Self.fallback(annotations(on: key, in: state)) }
        return Self.render(sentence, records: Self.records(touching: sentence, in: state), state: state)
    }

    /// The sentence with brackets around `records` (its mentions, cues and claims, e.g. from a
    /// ``SentenceRecordIndex``), in any order; `state` names the speakers of claims.
    public func render(_ key: SentenceKey, records: [Record], in state: AnnotationState) -> [SentencePiece] {
        guard let sentence = sentence(key) else { return Self.fallback(Self.ordered(records)) }
        return Self.render(sentence, records: records, state: state)
    }

    /// `sentence` (from the corpus at hand) with brackets around the annotations of `state`.
    public static func render(_ sentence: Sentence, in state: AnnotationState) -> [SentencePiece] {
        render(sentence, records: records(touching: sentence, in: state), state: state)
    }

    /// The sentence's text with brackets around the spans of `records` that lie in it.
    static func render(_ sentence: Sentence, records: [Record], state: AnnotationState) -> [SentencePiece] {
        let spans = spans(in: sentence, records: records, state: state)
        guard !spans.isEmpty else { return [SentencePiece(sentence.text, .text)] }
        var pieces: [SentencePiece] = []
        let scalars = Array(sentence.text.unicodeScalars)
        var open: [BracketSpan] = []
        var pending = String.UnicodeScalarView()
        func flush() {
            guard !pending.isEmpty else { return }
            pieces.append(SentencePiece(String(pending), .text, enclosing: open.last?.kind))
            pending = String.UnicodeScalarView()
        }
        func close(at position: Int) {
            guard open.contains(where: { $0.end == position }) else { return }
            flush()
            // Innermost first; one that is not innermost crosses another and names itself.
            while let index = open.lastIndex(where: { $0.end == position }) {
                let span = open.remove(at: index)
                pieces.append(SentencePiece(span.close(crossing: index != open.count), span.kind))
            }
        }
        for offset in 0...scalars.count {
            let position = sentence.start + offset
            close(at: position)
            let opening = spans.filter { $0.start == position }.sorted {
                ($0.end, -$0.rank, $0.id) > ($1.end, -$1.rank, $1.id)
            }
            if !opening.isEmpty { flush() }
            for span in opening {
                pieces.append(SentencePiece(span.open, span.kind))
                open.append(span)
            }
            if offset < scalars.count { pending.append(scalars[offset]) }
        }
        flush()
        for span in open.reversed() { pieces.append(SentencePiece(span.close(crossing: false), span.kind)) }
        return pieces
    }

    /// The spans of `records` clipped to `sentence` (orphaned anchors left out), labelled (a claim names each of its speakers
    /// not tagged in this sentence: `{C10←S3,S4 …}`).
    static func spans(in sentence: Sentence, records: [Record], state: AnnotationState) -> [BracketSpan] {
        let document = sentence.documentID
        func here(_ anchor: TextAnchor) -> Bool {
            anchor.document == document && anchor.segments.contains { $0.start < sentence.end && $0.end > sentence.start }
        }
        var speakersHere: Set<String> = []
        for case .mention(let mention) in records where here(mention.anchor) { speakersHere.insert(mention.speaker) }
        var result: [BracketSpan] = []
        for record in records {
            let label: String, kind: SentencePiece.Kind, anchor: TextAnchor
            switch record {
            case .mention(let mention): (label, kind, anchor) = (mention.speaker, .mention, mention.anchor)
            case .cue(let cue): (label, kind, anchor) = (cue.id, .cue, cue.anchor)
            case .claim(let claim):
                let elsewhere = claim.speakers.filter { speaker in
                    let mention = claim.mentions.lazy.compactMap { state.mentions[$0] }.first { $0.speaker == speaker }
                    return !(mention.map { here($0.anchor) } ?? speakersHere.contains(speaker))
                }
                (label, kind, anchor) = (elsewhere.isEmpty ? claim.id : claim.id + "←" + elsewhere.joined(separator: ","), .claim, claim.anchor)
            default: continue
            }
            // An orphan's offsets point into the text the document had before it changed.
            guard anchor.document == document, !anchor.orphaned else { continue }
            for segment in anchor.segments where segment.start < sentence.end && segment.end > sentence.start {
                result.append(BracketSpan(
                    id: record.key.description, label: label, kind: kind,
                    start: max(segment.start, sentence.start), end: min(segment.end, sentence.end),
                    continuesBefore: segment.start < sentence.start, continuesAfter: segment.end > sentence.end))
            }
        }
        return result
    }

    /// Each annotation with the context its anchor stored, separated by ` | `.
    static func fallback(_ records: [Record]) -> [SentencePiece] {
        var pieces: [SentencePiece] = [SentencePiece("(corpus text not available) ", .context)]
        for (index, record) in records.enumerated() {
            guard let anchor = record.anchor else { continue }
            if index > 0 { pieces.append(SentencePiece(" | ", .context)) }
            let (label, kind): (String, SentencePiece.Kind)
            switch record {
            case .mention(let mention): (label, kind) = (mention.speaker, .mention)
            case .cue(let cue): (label, kind) = (cue.id, .cue)
            case .claim(let claim): (label, kind) = (claim.id, .claim)
            default: continue
            }
            let brackets = BracketSpan.brackets(kind)
            pieces.append(SentencePiece("…" + anchor.before, .context))
            pieces.append(SentencePiece(brackets.open + label + " ", kind))
            pieces.append(SentencePiece(anchor.text, .text, enclosing: kind))
            pieces.append(SentencePiece(brackets.close, kind))
            pieces.append(SentencePiece(anchor.after + "…", .context))
        }
        if records.isEmpty { pieces.append(SentencePiece("no annotations", .context)) }
        return pieces
    }
}
