import Annotations

/// Renders a sentence with its annotations inline: mentions as `[S1 Vassili Nebenzia]` (the speaker's
/// id), cues as `<Q1 versicherte>`, claims as `{C3 …}` (`{C3←S1 …}` when the claim's speaker is tagged in
/// another sentence). Nested spans nest; a span that crosses another
/// closes with its id (`C3}`); a claim that began in an earlier sentence opens with `{C3… ` and one that
/// runs on closes with `…}`. Every corpus text is sanitized; looks are attached per kind.
struct SentenceRenderer: Sendable {
    /// One annotation span clipped to the sentence.
    struct Span: Sendable, Equatable {
        var id: String
        var label: String
        var kind: StyleKind
        var start: Int
        var end: Int
        var continuesBefore: Bool
        var continuesAfter: Bool

        var rank: Int { kind == .claim ? 0 : kind == .speaker ? 1 : 2 }
        var open: String {
            let (left, _) = SentenceRenderer.brackets(kind)
            return left + label + (continuesBefore ? "… " : " ")
        }
        func close(crossing: Bool) -> String {
            let (_, right) = SentenceRenderer.brackets(kind)
            return (continuesAfter ? "…" : "") + (crossing ? " " + label : "") + right
        }
    }

    static func brackets(_ kind: StyleKind) -> (String, String) {
        switch kind {
        case .speaker: return ("[", "]")
        case .cue: return ("<", ">")
        default: return ("{", "}")
        }
    }

    /// The annotation spans that touch `sentence`.
    static func spans(in sentence: Sentence, state: AnnotationState) -> [Span] {
        var result: [Span] = []
        func add(_ id: String, _ label: String, _ kind: StyleKind, _ anchor: TextAnchor) {
            guard anchor.document == sentence.documentID else { return }
            for segment in anchor.segments where segment.start < sentence.end && segment.end > sentence.start {
                result.append(Span(
                    id: id, label: label, kind: kind, start: max(segment.start, sentence.start), end: min(segment.end, sentence.end),
                    continuesBefore: segment.start < sentence.start, continuesAfter: segment.end > sentence.end))
            }
        }
        // Only this document's annotations are sorted (by id, as everywhere).
        let document = sentence.documentID
        func inDocument<V>(_ records: [String: V], _ anchor: (V) -> TextAnchor) -> [(id: String, value: V)] {
            var found: [(id: String, value: V)] = []
            for (id, value) in records where anchor(value).document == document { found.append((id, value)) }
            return found.sorted { AnnotationState.idOrder($0.id, $1.id) }
        }
        for (_, mention) in inDocument(state.mentions, \.anchor) { add(mention.id, mention.speaker, .speaker, mention.anchor) }
        for (_, cue) in inDocument(state.cues, \.anchor) { add(cue.id, cue.id, .cue, cue.anchor) }
        // A claim whose speaker is not tagged in this sentence names it: {C10←S3 …}.
        let here = { (anchor: TextAnchor) in
            anchor.document == document && anchor.segments.contains { $0.start < sentence.end && $0.end > sentence.start }
        }
        let speakersHere = Set(state.mentions.values.filter { here($0.anchor) }.map(\.speaker))
        for (_, claim) in inDocument(state.claims, \.anchor) {
            var label = claim.id
            // Every speaker not named in this sentence: {C10←S3,S4 …}.
            let elsewhere = claim.speakers.filter { speaker in
                let mention = claim.mentions.lazy.compactMap { state.mentions[$0] }.first { $0.speaker == speaker }
                return !(mention.map { here($0.anchor) } ?? speakersHere.contains(speaker))
            }
            if !elsewhere.isEmpty { label += "←" + elsewhere.joined(separator: ",") }
            add(claim.id, label, .claim, claim.anchor)
        }
        return result
    }

    /// The sentence with annotations inline, as one line.
    static func line(_ sentence: Sentence, state: AnnotationState) -> StyledLine {
        let spans = spans(in: sentence, state: state)
        var line = StyledLine()
        guard !spans.isEmpty else {
            line.append(TerminalText.sanitize(sentence.text))
            return line
        }
        let scalars = Array(sentence.text.unicodeScalars)
        var stack: [Span] = []
        var pending = String.UnicodeScalarView()
        func flush() {
            guard !pending.isEmpty else { return }
            line.append(TerminalText.sanitize(String(pending)), stack.last?.kind)
            pending = String.UnicodeScalarView()
        }
        func closeSpans(at position: Int) {
            let ending = stack.filter { $0.end == position }
            guard !ending.isEmpty else { return }
            flush()
            while let index = stack.lastIndex(where: { $0.end == position }) {
                let span = stack.remove(at: index)
                line.append(span.close(crossing: index != stack.count), span.kind)
            }
        }
        for offset in 0...scalars.count {
            let position = sentence.start + offset
            closeSpans(at: position)
            let opening = spans.filter { $0.start == position }.sorted {
                ($0.end, -$0.rank, $0.id) > ($1.end, -$1.rank, $1.id)
            }
            if !opening.isEmpty { flush() }
            for span in opening {
                line.append(span.open, span.kind)
                stack.append(span)
            }
            if offset < scalars.count { pending.append(scalars[offset]) }
        }
        flush()
        for span in stack.reversed() { line.append(span.close(crossing: false), span.kind) }
        return line
    }

    /// The tokens of a sentence as `1:Die 2:Vereinigten …`, broken into lines of about `width` columns.
    static func tokenLines(_ sentence: Sentence, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = StyledLine()
        var used = 0
        for token in sentence.tokens {
            let number = "\(token.index + 1):"
            let text = TerminalText.sanitize(token.text)
            let cell = number.count + TerminalText.displayWidth(text) + 1
            if used > 0, used + cell > width {
                lines.append(line)
                line = StyledLine()
                used = 0
            }
            line.append(number, .dim)
            line.append(text + " ")
            used += cell
        }
        if !line.runs.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map { line in
            var trimmed = line
            if var last = trimmed.runs.popLast() {
                while last.text.hasSuffix(" ") { last.text.removeLast() }
                trimmed.runs.append(last)
            }
            return trimmed
        }
    }
}
