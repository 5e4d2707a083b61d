/// Scores proposed attributions against gold ones as the SpkAtt-2023 shared task does.
///
/// Per document, gold and system attributions are paired one to one by the Hungarian method on the
/// token-overlap F1 of their Message (claim) spans; a pair whose Messages share no token is no pair.
/// Within a pair, Message and every role are scored proportionally by shared tokens (true positives
/// = shared tokens, false positives = system-only tokens, false negatives = gold-only tokens). An
/// unpaired system attribution counts all its tokens as false positives, an unpaired gold one all its
/// tokens as false negatives.
///
/// Two figures come from the same counts (``Tally``):
/// - averaged over pairs (the reading, the primary figure, ``Tally/averaged(_:)``): every
///   pair, every unpaired system attribution and every unpaired gold attribution is one item; per
///   item and role, precision = shared / system tokens when the system side has tokens for the role,
///   recall = shared / gold tokens when the gold side has some (an unpaired system attribution has
///   precision 0, an unpaired gold one recall 0; an item with no tokens on a side adds nothing to
///   that side's average); precision and recall are the means over the items that have them, and
///   F1 their harmonic mean;
/// - pooled (micro, ``Tally/counts(_:)``): shared, system-only and gold-only tokens summed over all
///   items and documents, F1 from the pooled precision and recall.
///
/// "Joint" pools Message and every role within an item. Form is label accuracy over pairs.
public enum AttributionScorer {
    /// The scored parts of an attribution.
    public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
        case message, cue, source, addressee, frame

        public static func < (lhs: Role, rhs: Role) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// One attribution as sets of token numbers (any numbering unique within the document).
    public struct Attribution: Sendable, Hashable {
        /// Tokens per role; a missing role is empty.
        public var tokens: [Role: Set<Int>]
        /// The form label, compared for equality.
        public var form: String

        /// Creates an attribution.
        public init(tokens: [Role: Set<Int>], form: String) {
            self.tokens = tokens
            self.form = form
        }

        func tokens(_ role: Role) -> Set<Int> { tokens[role] ?? [] }
    }

    /// True positives, false positives and false negatives.
    public struct Counts: Sendable, Hashable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        public var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.truePositives += rhs.truePositives
            lhs.falsePositives += rhs.falsePositives
            lhs.falseNegatives += rhs.falseNegatives
        }

        static func compare(gold: Set<Int>, system: Set<Int>) -> Counts {
            let shared = gold.intersection(system).count
            return Counts(truePositives: shared, falsePositives: system.count - shared, falseNegatives: gold.count - shared)
        }
    }

    /// Precision and recall averaged over items (pairs and unpaired attributions).
    public struct Average: Sendable, Hashable {
        /// Sum of per-item precisions and the number of items that have one.
        public var precisionSum = 0.0, precisionItems = 0
        /// Sum of per-item recalls and the number of items that have one.
        public var recallSum = 0.0, recallItems = 0

        public init() {}

        /// Adds one item's counts: precision when the system side has tokens, recall when the gold side has.
        public mutating func add(_ counts: Counts) {
            let system = counts.truePositives + counts.falsePositives
            let gold = counts.truePositives + counts.falseNegatives
            if system > 0 {
                precisionSum += Double(counts.truePositives) / Double(system)
                precisionItems += 1
            }
            if gold > 0 {
                recallSum += Double(counts.truePositives) / Double(gold)
                recallItems += 1
            }
        }

        public var precision: Double { precisionItems == 0 ? 0 : precisionSum / Double(precisionItems) }
        public var recall: Double { recallItems == 0 ? 0 : recallSum / Double(recallItems) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        static func += (lhs: inout Average, rhs: Average) {
            lhs.precisionSum += rhs.precisionSum
            lhs.precisionItems += rhs.precisionItems
            lhs.recallSum += rhs.recallSum
            lhs.recallItems += rhs.recallItems
        }
    }

    /// Pooled counts and per-item averages over any number of documents.
    public struct Tally: Sendable, Hashable {
        /// Counts per role.
        public var roles: [Role: Counts] = [:]
        /// Per-item averages per role.
        public var averages: [Role: Average] = [:]
        /// Per-item averages of Message and every role pooled within each item.
        public var jointAverage = Average()
        /// Pairs whose form labels agree, and all pairs.
        public var formCorrect = 0, pairs = 0
        /// Gold and system attributions seen.
        public var gold = 0, system = 0

        public init() {}

        /// Counts for one role.
        public func counts(_ role: Role) -> Counts { roles[role] ?? Counts() }
        /// Precision and recall of one role averaged over items (pairs and unpaired attributions).
        public func averaged(_ role: Role) -> Average { averages[role] ?? Average() }
        /// Message and every role pooled.
        public var joint: Counts {
            var total = Counts()
            for role in Role.allCases { total += counts(role) }
            return total
        }
        /// Form label accuracy over pairs (0 without pairs).
        public var formAccuracy: Double { pairs == 0 ? 0 : Double(formCorrect) / Double(pairs) }

        /// Adds another tally.
        public mutating func add(_ other: Tally) {
            for role in Role.allCases {
                roles[role, default: Counts()] += other.counts(role)
                averages[role, default: Average()] += other.averaged(role)
            }
            jointAverage += other.jointAverage
            formCorrect += other.formCorrect
            pairs += other.pairs
            gold += other.gold
            system += other.system
        }
    }

    /// The token-overlap F1 of two token sets.
    public static func overlapF1(_ a: Set<Int>, _ b: Set<Int>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let shared = Double(a.intersection(b).count)
        return 2 * shared / Double(a.count + b.count)
    }

    /// The gold index paired with each system attribution (nil: unpaired).
    public static func pairing(gold: [Attribution], system: [Attribution]) -> [Int?] {
        let weights = system.map { predicted in gold.map { overlapF1($0.tokens(.message), predicted.tokens(.message)) } }
        let assignment = HungarianAssignment.maximumWeight(weights)
        return assignment.enumerated().map { index, goldIndex in
            guard let goldIndex, weights[index][goldIndex] > 0 else { return nil }
            return goldIndex
        }
    }

    /// Scores one document.
    public static func score(gold: [Attribution], system: [Attribution]) -> Tally {
        var tally = Tally()
        tally.gold = gold.count
        tally.system = system.count
        let paired = pairing(gold: gold, system: system)
        var goldPaired = Set<Int>()
        for (index, predicted) in system.enumerated() {
            let reference = paired[index].map { gold[$0] }
            if let goldIndex = paired[index] { goldPaired.insert(goldIndex) }
            tally.addItem { role in Counts.compare(gold: reference?.tokens(role) ?? [], system: predicted.tokens(role)) }
            if let reference {
                tally.pairs += 1
                if reference.form == predicted.form { tally.formCorrect += 1 }
            }
        }
        for (index, reference) in gold.enumerated() where !goldPaired.contains(index) {
            tally.addItem { role in Counts.compare(gold: reference.tokens(role), system: []) }
        }
        return tally
    }
}

extension AttributionScorer.Tally {
    /// Adds one item (a pair or an unpaired attribution) to the pooled counts and the averages.
    mutating func addItem(_ counts: (AttributionScorer.Role) -> AttributionScorer.Counts) {
        var joint = AttributionScorer.Counts()
        for role in AttributionScorer.Role.allCases {
            let item = counts(role)
            roles[role, default: AttributionScorer.Counts()] += item
            averages[role, default: AttributionScorer.Average()].add(item)
            joint += item
        }
        jointAverage.add(joint)
    }
}
