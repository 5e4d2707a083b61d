import Testing

@testable import Annotations

@Suite struct AttributionScorerTests {
    typealias Attribution = AttributionScorer.Attribution

    func attribution(message: Set<Int>, cue: Set<Int> = [], source: Set<Int> = [], form: String = "direct") -> Attribution {
        Attribution(tokens: [.message: message, .cue: cue, .source: source], form: form)
    }

    @Test func hungarianPrefersTheBestTotalOverTheGreedyChoice() {
        // Greedy would pair row 0 with column 0 (0.9) and leave row 1 with 0.1; the best total pairs crosswise.
        let assignment = HungarianAssignment.maximumWeight([[0.9, 0.8], [0.85, 0.1]])
        #expect(assignment == [1, 0])
    }

    @Test func hungarianHandlesMoreRowsThanColumns() {
        let assignment = HungarianAssignment.maximumWeight([[0.1], [0.7], [0.3]])
        #expect(assignment == [nil, 0, nil])
    }

    @Test func proportionalScoringCountsSharedTokens() {
        let gold = [attribution(message: [1, 2, 3, 4], cue: [0], source: [5, 6])]
        let system = [attribution(message: [2, 3, 4, 7], cue: [0], source: [6])]
        let tally = AttributionScorer.score(gold: gold, system: system)
        #expect(tally.counts(.message) == .init(truePositives: 3, falsePositives: 1, falseNegatives: 1))
        #expect(tally.counts(.cue) == .init(truePositives: 1))
        #expect(tally.counts(.source) == .init(truePositives: 1, falseNegatives: 1))
        #expect(tally.joint.truePositives == 5)
        #expect(tally.formAccuracy == 1)
    }

    @Test func unpairedAttributionsCountAllTheirTokens() {
        let gold = [attribution(message: [1, 2], source: [0]), attribution(message: [10, 11, 12], form: "indirect")]
        let system = [attribution(message: [20, 21], cue: [19])]
        let tally = AttributionScorer.score(gold: gold, system: system)
        #expect(tally.pairs == 0)
        #expect(tally.counts(.message) == .init(falsePositives: 2, falseNegatives: 5))
        #expect(tally.counts(.cue) == .init(falsePositives: 1))
        #expect(tally.counts(.source) == .init(falseNegatives: 1))
    }

    @Test func pairingIsOneToOneOnMessageOverlap() {
        let gold = [attribution(message: [1, 2, 3]), attribution(message: [4, 5, 6], form: "indirect")]
        let system = [attribution(message: [4, 5, 6], form: "indirect"), attribution(message: [1, 2]), attribution(message: [2, 3])]
        let pairing = AttributionScorer.pairing(gold: gold, system: system)
        #expect(pairing[0] == 1)
        #expect(pairing.compactMap { $0 }.count == 2)
        let tally = AttributionScorer.score(gold: gold, system: system)
        #expect(tally.pairs == 2)
        #expect(tally.formCorrect == 2)
    }

    @Test func precisionAndRecallAreAveragedOverPairsAndUnpairedAttributions() {
        // A long exact pair, a short half-found pair with a wrong cue, and an unpaired proposal.
        let gold = [attribution(message: Set(1...10), cue: [0]), attribution(message: [20, 21], cue: [19])]
        let system = [attribution(message: Set(1...10), cue: [0]), attribution(message: [20], cue: [30]), attribution(message: [40, 41])]
        let tally = AttributionScorer.score(gold: gold, system: system)
        let message = tally.averaged(.message)
        // Precision over the three system items (1, 1, 0), recall over the two gold items (1, 0.5).
        #expect(message.precisionItems == 3 && message.recallItems == 2)
        #expect(abs(message.precision - 2.0 / 3.0) < 1e-9)
        #expect(abs(message.recall - 0.75) < 1e-9)
        // The pooled figures weight the long pair by its tokens: P 11/13, R 11/12.
        #expect(tally.counts(.message) == .init(truePositives: 11, falsePositives: 2, falseNegatives: 1))
        // Cue: the unpaired proposal has no cue, so it counts on neither side.
        let cue = tally.averaged(.cue)
        #expect(cue.precisionItems == 2 && cue.recallItems == 2)
        #expect(abs(cue.precision - 0.5) < 1e-9 && abs(cue.recall - 0.5) < 1e-9)
        // Joint pools the roles within each item: P (1 + 1/2 + 0) / 3, R (1 + 1/3) / 2.
        #expect(abs(tally.jointAverage.precision - 0.5) < 1e-9)
        #expect(abs(tally.jointAverage.recall - 2.0 / 3.0) < 1e-9)
        var total = AttributionScorer.Tally()
        total.add(tally)
        total.add(tally)
        #expect(abs(total.averaged(.message).precision - 2.0 / 3.0) < 1e-9)
        #expect(total.averaged(.message).recallItems == 4)
    }
}
