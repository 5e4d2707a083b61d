import Foundation

/// Brings a session's text-bound annotations in line with a changed corpus. Annotations whose
/// sentence is unchanged stay; text that moved is found again by its quote and context; what cannot
/// be found is marked orphaned and kept, never silently shifted.
public struct Reanchorer: Sendable {
    /// What re-anchoring found.
    public struct Report: Sendable, Hashable {
        /// Records to write back (moved or newly orphaned), as `replace` actions.
        public var actions: [EditAction] = []
        /// Ids of annotations that moved, with old and new start offsets.
        public var moved: [(id: String, from: Int, to: Int)] = []
        /// Ids of annotations that could not be found, with their quote.
        public var orphaned: [(id: String, text: String)] = []
        /// How many annotations were already in place.
        public var unchanged = 0

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.actions == rhs.actions && lhs.unchanged == rhs.unchanged
                && lhs.moved.map(\.id) == rhs.moved.map(\.id) && lhs.orphaned.map(\.id) == rhs.orphaned.map(\.id)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(actions) }
    }

    /// The current corpus.
    public let builder: AnchorBuilder

    /// Creates a re-anchorer for the current corpus.
    public init(builder: AnchorBuilder) {
        self.builder = builder
    }

    /// Checks every mention, cue and claim of `state` against the corpus.
    public func reanchor(_ state: AnnotationState) -> Report {
        var report = Report()
        let records: [Record] = AnnotationState.sortedByID(state.mentions).map(Record.mention)
            + AnnotationState.sortedByID(state.cues).map(Record.cue)
            + AnnotationState.sortedByID(state.claims).map(Record.claim)
        for record in records {
            guard let anchor = record.anchor else { continue }
            let id = record.key.description
            if isInPlace(anchor) {
                report.unchanged += 1
                continue
            }
            if let found = relocate(anchor) {
                report.actions.append(.replace(record.with(anchor: found)))
                report.moved.append((id, anchor.start, found.start))
            } else {
                if !anchor.orphaned {
                    var orphan = anchor
                    orphan.orphaned = true
                    report.actions.append(.replace(record.with(anchor: orphan)))
                }
                report.orphaned.append((id, anchor.text))
            }
        }
        return report
    }

    private func isInPlace(_ anchor: TextAnchor) -> Bool {
        guard !anchor.orphaned, builder.verify(anchor) == nil, let document = builder.document(anchor.document) else { return false }
        return anchor.sentenceHash.isEmpty || document.sentences[anchor.sentence].contentHash == anchor.sentenceHash
    }

    /// Finds the anchor's text again: every occurrence of the whole span shape (segments shifted together),
    /// scored by how much of the stored context matches; ties go to the one nearest the old position.
    func relocate(_ anchor: TextAnchor) -> TextAnchor? {
        guard let table = builder.table(anchor.document), let document = builder.document(anchor.document),
            let first = anchor.segments.first
        else { return nil }
        let scalars = table.scalars
        let firstText = Array((anchor.text.components(separatedBy: TextAnchor.gapMarker).first ?? anchor.text).unicodeScalars)
        guard !firstText.isEmpty, firstText.count <= scalars.count else { return nil }
        let before = Array(anchor.before.unicodeScalars), after = Array(anchor.after.unicodeScalars)
        var best: (score: Int, distance: Int, anchor: TextAnchor)?
        var start = 0
        while start + firstText.count <= scalars.count {
            if scalars[start] == firstText[0], Array(scalars[start..<start + firstText.count]) == firstText {
                let delta = start - first.start
                let segments = anchor.segments.map { SpanSegment(start: $0.start + delta, end: $0.end + delta) }
                if let last = segments.last, last.end <= scalars.count, segments[0].start >= 0,
                    let sentence = builder.sentenceIndex(in: anchor.document, containing: segments[0].start)
                {
                    let candidate = builder.makeAnchor(document: document, table: table, sentence: sentence, segments: segments)
                    if candidate.text == anchor.text {
                        let score = Self.commonSuffix(Array(candidate.before.unicodeScalars), before)
                            + Self.commonPrefix(Array(candidate.after.unicodeScalars), after)
                        let distance = abs(delta)
                        if let current = best, score < current.score || (score == current.score && distance >= current.distance) {
                            // keep the current best
                        } else {
                            best = (score, distance, candidate)
                        }
                    }
                }
            }
            start += 1
        }
        return best?.anchor
    }

    private static func commonSuffix(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < a.count, count < b.count, a[a.count - 1 - count] == b[b.count - 1 - count] { count += 1 }
        return count
    }

    private static func commonPrefix(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < a.count, count < b.count, a[count] == b[count] { count += 1 }
        return count
    }
}

extension Record {
    /// The same record with another anchor (text-bound records only).
    public func with(anchor: TextAnchor) -> Record {
        switch self {
        case .mention(var value): value.anchor = anchor; return .mention(value)
        case .cue(var value): value.anchor = anchor; return .cue(value)
        case .claim(var value): value.anchor = anchor; return .claim(value)
        default: return self
        }
    }
}
