import TestSupport
import Testing
@testable import Annotations

/// Records are listed by id (prefix, then number) in snapshots, exports and reports.
@Suite("Record order by id")
struct RecordOrderTests {
    @Test("sortedByID gives the order of idOrder, for the usual ids and for ids of other shapes")
    func sameOrderAsIDOrder() {
        var generator = SplitMix64(seed: 42)
        for round in 0..<200 {
            var dictionary: [String: Int] = [:]
            let odd = round % 4 == 0
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let prefix = ["M", "C", "Q", "S"].randomElement(using: &generator) ?? "M"
                let number = Int.random(in: 0...500, using: &generator)
                let id = odd && Bool.random(using: &generator) ? "\(prefix)0\(number)" : "\(prefix)\(number)"
                dictionary[id] = number
            }
            if odd, Bool.random(using: &generator) { dictionary["Mä1"] = 1 }
            let expected = dictionary.sorted { AnnotationState.idOrder($0.key, $1.key) }.map(\.key)
            let keyed = Dictionary(uniqueKeysWithValues: dictionary.keys.map { ($0, $0) })
            #expect(AnnotationState.sortedByID(keyed) == expected, "round \(round)")
        }
    }

    @Test("sortedByID of ids of one letter (put at their numbers) gives the order of idOrder: dense, with gaps, large numbers, M01 beside M1")
    func oneLetterSameOrderAsIDOrder() {
        var generator = SplitMix64(seed: 7)
        for round in 0..<300 {
            var ids = Set<String>()
            let count = Int.random(in: 0...400, using: &generator)
            let spread = [1, 2, 4, 5, 1_000][round % 5]
            for _ in 0..<count { ids.insert("M\(Int.random(in: 0...(count * spread), using: &generator))") }
            if round % 7 == 0 { ids.insert("M0\(Int.random(in: 0...count, using: &generator))") }
            if round % 11 == 0 { ids.insert("M\(Int.max / 10)") }
            let keyed = Dictionary(uniqueKeysWithValues: ids.map { ($0, $0) })
            #expect(AnnotationState.sortedByID(keyed) == ids.sorted(by: AnnotationState.idOrder), "round \(round)")
        }
    }
}
