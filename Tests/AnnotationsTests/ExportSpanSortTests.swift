import TestSupport
import Testing
@testable import Annotations

/// The bundle sorts each document's spans in place by swapping (``ExportBundle/sort(_:)``) and takes
/// the stretches' lists over instead of copying them (``ExportSpanParts``); both must give what the
/// simple paths give.
@Suite("Export spans sorted in place")
struct ExportSpanSortTests {
    /// Spans with many equal starts and ends (ties broken by kind, session and id), some equal
    /// in every key but their attributes (kept in their order: the sort is stable).
    static func spans(count: Int, seed: UInt64) -> [ExportSpan] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let start = Int.random(in: 0..<12, using: &generator)
            let length = Int.random(in: 0..<4, using: &generator)
            let kind = ExportSpan.Kind.allCases.randomElement(using: &generator) ?? .cue
            let number = Int.random(in: 1..<6, using: &generator)
            return ExportSpan(
                kind: kind, id: "\(kind == .speaker ? "M" : kind == .cue ? "Q" : "C")\(number)", session: Int.random(in: 0..<2, using: &generator),
                document: 0, sentence: 0, segments: [SpanSegment(start: start, end: start + length)], annotator: "a\(index)")
        }
    }

    @Test("Sorting in place gives the stable sort by precedence, for any permutation")
    func inPlaceIsStableSort() {
        for count in [0, 1, 2, 3, 17, 200] {
            for seed in 1...20 as ClosedRange<UInt64> {
                let spans = Self.spans(count: count, seed: seed)
                let expected = spans.indices.sorted { a, b in
                    if ExportSpan.precedes(spans[a], spans[b]) { return true }
                    if ExportSpan.precedes(spans[b], spans[a]) { return false }
                    return a < b
                }.map { spans[$0] }
                var sorted = spans
                ExportBundle.sort(&sorted)
                #expect(sorted.map(\.annotator) == expected.map(\.annotator))
                #expect(ExportBundle.sorted(spans) == expected)
            }
        }
    }

    @Test("The parts table hands each list over once and leaves an empty list")
    func partsMoveLists() {
        let parts = ExportSpanParts(documentCount: 3, listsPerDocument: 2)
        var list = Self.spans(count: 5, seed: 7)
        let original = list
        parts.put(&list, document: 2, list: 1)
        #expect(list.isEmpty)
        #expect(parts.take(document: 2, list: 0).isEmpty)
        #expect(parts.take(document: 2, list: 1) == original)
        #expect(parts.take(document: 2, list: 1).isEmpty)
    }
}
