/// Span agreement of two annotators on one layer (mentions, cues or claims).
///
/// Exact-match F1: a span counts when the other annotator has one with the same document and
/// segments; F1 = 2·matches / (|A| + |B|). Overlap F1: recall is the share of A's spans that overlap
/// some span of B, precision the share of B's spans that overlap some span of A, F1 their harmonic
/// mean. Both are undefined (`nil`) when neither annotator has a span. ``matches`` pairs spans one
/// to one — identical spans first, then the largest overlaps — for comparing labels and attributes.
struct SpanAgreement: Sendable, Hashable {
    /// Number of spans of the first annotator.
    var firstCount: Int
    /// Number of spans of the second annotator.
    var secondCount: Int
    /// Spans present identically in both.
    var exactMatches: Int
    /// First annotator's spans overlapping some span of the second.
    var firstOverlapping: Int
    /// Second annotator's spans overlapping some span of the first.
    var secondOverlapping: Int
    /// One-to-one pairs of spans.
    var matches: [SpanMatch]

    /// Compares two lists of anchors. `alike(i, j)` says whether `first[i]` and `second[j]` are the
    /// same annotation apart from the span (a claim's speakers): identical spans are paired with
    /// such a partner first, so two claims on one span by different speakers pair by speaker and not
    /// in the order they were typed.
    init(_ first: [TextAnchor], _ second: [TextAnchor], alike: (Int, Int) -> Bool = { _, _ in false }) {
        firstCount = first.count
        secondCount = second.count
        var usedFirst = Set<Int>(), usedSecond = Set<Int>()
        var matches: [SpanMatch] = []
        var secondByKey: [SpanKey: [Int]] = [:]
        for (j, anchor) in second.enumerated() { secondByKey[SpanKey(anchor), default: []].append(j) }
        for preferAlike in [true, false] {
            for (i, anchor) in first.enumerated() where !usedFirst.contains(i) {
                guard let j = secondByKey[SpanKey(anchor)]?.first(where: { !usedSecond.contains($0) && (!preferAlike || alike(i, $0)) }) else { continue }
                usedFirst.insert(i)
                usedSecond.insert(j)
                matches.append(SpanMatch(first: i, second: j, exact: true))
            }
        }
        exactMatches = matches.count
        var candidates: [(overlap: Int, first: Int, second: Int)] = []
        var firstOverlapping = Set<Int>(), secondOverlapping = Set<Int>()
        for (i, a) in first.enumerated() {
            for (j, b) in second.enumerated() {
                let overlap = Self.overlap(a, b)
                guard overlap > 0 else { continue }
                firstOverlapping.insert(i)
                secondOverlapping.insert(j)
                if !usedFirst.contains(i), !usedSecond.contains(j) { candidates.append((overlap, i, j)) }
            }
        }
        candidates.sort { ($0.overlap, $1.first, $1.second) > ($1.overlap, $0.first, $0.second) }
        for candidate in candidates where !usedFirst.contains(candidate.first) && !usedSecond.contains(candidate.second) {
            usedFirst.insert(candidate.first)
            usedSecond.insert(candidate.second)
            matches.append(SpanMatch(first: candidate.first, second: candidate.second, exact: false))
        }
        self.firstOverlapping = firstOverlapping.count
        self.secondOverlapping = secondOverlapping.count
        self.matches = matches.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// Exact-match F1, `nil` when neither annotator has a span.
    var exactF1: Double? {
        let total = firstCount + secondCount
        return total == 0 ? nil : 2 * Double(exactMatches) / Double(total)
    }

    /// Overlap F1, `nil` when neither annotator has a span.
    var overlapF1: Double? {
        guard firstCount + secondCount > 0 else { return nil }
        guard firstCount > 0, secondCount > 0 else { return 0 }
        let recall = Double(firstOverlapping) / Double(firstCount)
        let precision = Double(secondOverlapping) / Double(secondCount)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Scalars two anchors share (0 when they are in different documents).
    static func overlap(_ a: TextAnchor, _ b: TextAnchor) -> Int {
        guard a.document == b.document, a.start < b.end, b.start < a.end else { return 0 }
        var shared = 0
        for x in a.segments {
            for y in b.segments { shared += max(0, min(x.end, y.end) - max(x.start, y.start)) }
        }
        return shared
    }
}
