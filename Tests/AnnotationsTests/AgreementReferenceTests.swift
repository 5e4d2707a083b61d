import Foundation
import Testing
@testable import Annotations
import TestSupport

/// One coefficient computed here and by the reference package.
enum AgreementCase {
    case cohen([String], [String])
    case fleiss([[String]])
    case alpha([[String?]])

    var kind: String {
        switch self {
        case .cohen: return "cohen"
        case .fleiss: return "fleiss"
        case .alpha: return "alpha"
        }
    }

    var json: JSONValue {
        switch self {
        case .cohen(let a, let b): return .array([.array(a.map(JSONValue.string)), .array(b.map(JSONValue.string))])
        case .fleiss(let items): return .array(items.map { .array($0.map(JSONValue.string)) })
        case .alpha(let rows): return .array(rows.map { .array($0.map { $0.map(JSONValue.string) ?? .null }) })
        }
    }

    var swiftValue: Double? {
        switch self {
        case .cohen(let a, let b): return CohenKappa.compute(a, b)
        case .fleiss(let items): return FleissKappa.compute(items: items)
        case .alpha(let rows): return KrippendorffAlpha.compute(annotators: rows)
        }
    }
}

@Suite(
    "Agreement coefficients against the reference packages",
    .enabled(if: ConsumerPython.enabled, "needs WORKBENCH_PYTHON with krippendorff, scikit-learn and statsmodels; run scripts/test"))
struct AgreementReferenceTests {
    static let labels = ["favor", "against", "none", "unclear"]

    /// Generated and hand-made cases, named.
    static func cases() -> [(String, AgreementCase)] {
        var random = SplitMix64(seed: 20_261_121)
        var cases: [(String, AgreementCase)] = []
        func label(_ categories: Int) -> String { labels[Int.random(in: 0..<categories, using: &random)] }
        for round in 0..<40 {
            let items = Int.random(in: 2...60, using: &random)
            let categories = Int.random(in: 2...4, using: &random)
            let agreement = Double.random(in: 0...1, using: &random)
            let first = (0..<items).map { _ in label(categories) }
            let second = first.map { Double.random(in: 0...1, using: &random) < agreement ? $0 : label(categories) }
            cases.append(("cohen-\(round)", .cohen(first, second)))
            let raters = Int.random(in: 2...6, using: &random)
            let fleissItems = (0..<items).map { _ -> [String] in
                let truth = label(categories)
                return (0..<raters).map { _ in Double.random(in: 0...1, using: &random) < agreement ? truth : label(categories) }
            }
            cases.append(("fleiss-\(round)", .fleiss(fleissItems)))
            let missing = Double.random(in: 0...0.5, using: &random)
            var rows: [[String?]] = Array(repeating: [], count: raters)
            for _ in 0..<items {
                let truth = label(categories)
                for r in 0..<raters {
                    let value = Double.random(in: 0...1, using: &random) < agreement ? truth : label(categories)
                    rows[r].append(Double.random(in: 0...1, using: &random) < missing ? nil : value)
                }
            }
            cases.append(("alpha-\(round)", .alpha(rows)))
        }
        // Edge cases.
        cases.append(("cohen-perfect", .cohen(["favor", "against", "none"], ["favor", "against", "none"])))
        cases.append(("cohen-single-category", .cohen(["none", "none", "none"], ["none", "none", "none"])))
        cases.append(("cohen-one-item", .cohen(["favor"], ["against"])))
        cases.append(("cohen-disjoint", .cohen(["favor", "favor"], ["against", "against"])))
        cases.append(("fleiss-perfect", .fleiss([["favor", "favor", "favor"], ["none", "none", "none"]])))
        cases.append(("fleiss-single-category", .fleiss([["none", "none"], ["none", "none"]])))
        cases.append(("fleiss-one-annotator", .fleiss([["none"], ["favor"], ["against"]])))
        cases.append(("alpha-perfect", .alpha([["favor", "none", "against"], ["favor", "none", "against"]])))
        cases.append(("alpha-single-category", .alpha([["none", "none"], ["none", "none"]])))
        cases.append(("alpha-one-annotator", .alpha([["favor", "none", "against"]])))
        cases.append(("alpha-missing", .alpha([["favor", nil, "against", "none"], [nil, "none", "against", "none"], ["favor", "favor", nil, nil]])))
        cases.append(("alpha-no-pairable-unit", .alpha([["favor", nil], [nil, "none"]])))
        cases.append(("alpha-pairable-single-value", .alpha([["favor", "none", nil], ["favor", nil, "against"]])))
        cases.append(("alpha-krippendorff-example", .alpha([
            [nil, nil, nil, nil, nil, "3", "4", "1", "2", "1", "1", "3", "3", nil, "3"],
            ["1", nil, "2", "1", "3", "3", "4", "3", nil, nil, nil, nil, nil, nil, nil],
            [nil, nil, "2", "1", "3", "4", "4", nil, "2", "1", "1", "3", "3", nil, "4"],
        ])))
        return cases
    }

    @Test("κ and α equal scikit-learn, statsmodels and krippendorff to 1e-9, undefined where they are")
    func matchesReference() async throws {
        let python = try #require(
            ConsumerPython.interpreter, "WORKBENCH_REQUIRE_CONSUMERS=1 but WORKBENCH_PYTHON is not set or not executable; run scripts/test")
        let cases = Self.cases()
        let input = JSONValue.array(cases.map { name, value in
            .object([("name", .string(name)), ("kind", .string(value.kind)), ("data", value.json)])
        })
        let folder = TestCorpus.temporaryFolder()
        let inputPath = folder + "/agreement-cases.json"
        try Data(input.serialized().utf8).write(to: URL(fileURLWithPath: inputPath))
        let result = try await ConsumerPython.runSeparately("agreement_reference.py", [inputPath])
        try #require(result.status == 0, "reference script (\(python)) failed: \(result.errors)")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        var undefinedSeen = 0
        for (name, value) in cases {
            let expected = reference[name] as? Double
            let actual = value.swiftValue
            if let expected {
                let actual = try #require(actual, "\(name): Swift says undefined, reference \(expected)")
                #expect(abs(actual - expected) <= 1e-9, "\(name): Swift \(actual), reference \(expected)")
            } else {
                undefinedSeen += 1
                #expect(actual == nil, "\(name): reference undefined, Swift \(String(describing: actual))")
            }
        }
        #expect(undefinedSeen >= 6)
    }
}

@Suite("Agreement coefficients, hand-checked")
struct AgreementKnownValueTests {
    @Test("Hand-checked values without Python")
    func knownValues() {
        #expect(CohenKappa.compute(["a", "b"], ["a", "b"]) == 1)
        #expect(CohenKappa.compute(["a", "a"], ["a", "a"]) == nil)
        #expect(CohenKappa.compute([], []) == nil)
        #expect(FleissKappa.compute(items: [["a"], ["b"]]) == nil)
        #expect(KrippendorffAlpha.compute(annotators: [["a", "b"]]) == nil)
        let alpha = KrippendorffAlpha.compute(annotators: [
            [nil, nil, nil, nil, nil, "3", "4", "1", "2", "1", "1", "3", "3", nil, "3"],
            ["1", nil, "2", "1", "3", "3", "4", "3", nil, nil, nil, nil, nil, nil, nil],
            [nil, nil, "2", "1", "3", "4", "4", nil, "2", "1", "1", "3", "3", nil, "4"],
        ])
        #expect(abs((alpha ?? 0) - 0.691358) < 1e-6)
    }
}
