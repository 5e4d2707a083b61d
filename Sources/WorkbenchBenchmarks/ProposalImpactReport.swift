import Annotations
import Foundation

/// The tables `suggest --spkatt` prints after a part's figures, to judge the precision side of the
/// rules: for every rule, how many of its proposals pair with a gold attribution, how good the
/// Source of its pairs is, and what the part's averaged figures would be without its proposals; for
/// every confidence value, the same for the proposals at that value and the figures with a floor
/// just above it (what `AttributionSuggester.minimumConfidence` would give).
///
/// Every "without" figure is a full re-scoring (the Hungarian pairing runs again), on the whole part
/// and on its two fixed halves — the articles at even and at odd positions of the part's sorted file
/// list — so that a change is kept only when it helps both halves, not one article's noise.
struct ProposalImpactReport {
    /// One article's gold attributions and proposals.
    struct ScoredArticle {
        var gold: [AttributionScorer.Attribution]
        var system: [AttributionScorer.Attribution]
        var suggestions: [AttributionSuggestion]
        var pairing: [Int?]
        /// Per proposal: its rule and the lemma of its reporting verb (or its cue's first word).
        var details: [String]
    }

    /// The articles in file order (position parity gives the half).
    var articles: [ScoredArticle] = []

    mutating func add(
        gold: [AttributionScorer.Attribution], system: [AttributionScorer.Attribution], suggestions: [AttributionSuggestion], details: [String]
    ) {
        articles.append(
            ScoredArticle(
                gold: gold, system: system, suggestions: suggestions, pairing: AttributionScorer.pairing(gold: gold, system: system),
                details: details))
    }

    /// Tallies of the even and the odd half, keeping only the proposals `keep` accepts.
    func halves(keeping keep: (AttributionSuggestion) -> Bool = { _ in true }) -> (even: AttributionScorer.Tally, odd: AttributionScorer.Tally) {
        halves { article, index in keep(article.suggestions[index]) }
    }

    /// Tallies of the even and the odd half, keeping only the proposals `keep` accepts in their article.
    func halves(keepingIn keep: (ScoredArticle, Int) -> Bool) -> (even: AttributionScorer.Tally, odd: AttributionScorer.Tally) {
        var even = AttributionScorer.Tally(), odd = AttributionScorer.Tally()
        for (position, article) in articles.enumerated() {
            let system = article.system.indices.filter { keep(article, $0) }.map { article.system[$0] }
            let tally = AttributionScorer.score(gold: article.gold, system: system)
            if position % 2 == 0 { even.add(tally) } else { odd.add(tally) }
        }
        return (even, odd)
    }

    /// The averaged figures this report compares: Message, Cue, Source, Joint.
    struct Figures {
        var message, cue, source, joint: Double

        init(_ tally: AttributionScorer.Tally) {
            message = tally.averaged(.message).f1
            cue = tally.averaged(.cue).f1
            source = tally.averaged(.source).f1
            joint = tally.jointAverage.f1
        }
    }

    /// Figures of the whole part and of both halves under a filter.
    func figures(keeping keep: (AttributionSuggestion) -> Bool = { _ in true }) -> (all: Figures, even: Figures, odd: Figures) {
        figures { article, index in keep(article.suggestions[index]) }
    }

    /// Figures of the whole part and of both halves under a filter that sees the article.
    func figures(keepingIn keep: (ScoredArticle, Int) -> Bool) -> (all: Figures, even: Figures, odd: Figures) {
        let (even, odd) = halves(keepingIn: keep)
        var all = even
        all.add(odd)
        return (Figures(all), Figures(even), Figures(odd))
    }

    /// The part's figures on each half.
    func halvesSummary() -> String {
        let (all, even, odd) = figures()
        func line(_ name: String, _ figures: Figures, _ count: Int) -> String {
            String(
                format: "  %@ (%d articles): Message %.4f  Cue %.4f  Source %.4f  Joint %.4f", name as NSString, count, figures.message,
                figures.cue, figures.source, figures.joint)
        }
        return [
            " halves (averaged over pairs):", line("even half", even, (articles.count + 1) / 2), line("odd half ", odd, articles.count / 2),
            line("both     ", all, articles.count),
        ].joined(separator: "\n")
    }

    /// Counts of a group of proposals: how many, how many paired, and the Source precision and
    /// recall averaged over the paired ones (precision over pairs where the proposal has a Source,
    /// recall over pairs where gold has one).
    struct GroupCounts {
        var proposed = 0, paired = 0, unpairedWithSource = 0
        var sourcePrecision = AttributionScorer.Average()

        mutating func add(_ suggestion: AttributionSuggestion, system: AttributionScorer.Attribution, gold: AttributionScorer.Attribution?) {
            proposed += 1
            let systemSource = system.tokens[.source] ?? []
            guard let gold else {
                if !systemSource.isEmpty { unpairedWithSource += 1 }
                return
            }
            paired += 1
            let goldSource = gold.tokens[.source] ?? []
            let shared = goldSource.intersection(systemSource).count
            sourcePrecision.add(
                AttributionScorer.Counts(
                    truePositives: shared, falsePositives: systemSource.count - shared, falseNegatives: goldSource.count - shared))
        }
    }

    /// Counts grouped by a key of the proposal.
    func groups<Key: Hashable>(by key: (AttributionSuggestion) -> Key) -> [Key: GroupCounts] {
        groups { article, index in key(article.suggestions[index]) }
    }

    /// Counts grouped by a key of the proposal in its article.
    func groups<Key: Hashable>(by key: (ScoredArticle, Int) -> Key) -> [Key: GroupCounts] {
        var result: [Key: GroupCounts] = [:]
        for article in articles {
            for (index, suggestion) in article.suggestions.enumerated() {
                result[key(article, index), default: GroupCounts()].add(
                    suggestion, system: article.system[index], gold: article.pairing[index].map { article.gold[$0] })
            }
        }
        return result
    }

    /// The text padded with spaces to `width` characters (Foundation's `%-40@` does not pad on Linux).
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func delta(_ value: Double, _ base: Double) -> String { String(format: "%+.4f", value - base) }

    /// One line per rule, most unpaired proposals first.
    func ruleTable() -> String {
        let base = figures()
        var lines = [
            " per rule (paired Source P/R averaged over its pairs; \"without\": the part re-scored without the rule's proposals, Δ on each half):",
            "  rule                                      prop paired unpaired(src)  srcP  srcR | without: Source  ΔSrc even  ΔSrc odd  ΔMsg     ΔCue     ΔJoint",
        ]
        for (rule, counts) in groups(by: \.rule).sorted(by: { ($0.value.proposed - $0.value.paired, $1.key) > ($1.value.proposed - $1.value.paired, $0.key) }) {
            let without = figures { $0.rule != rule }
            lines.append(Self.row(Self.padded(rule, 40), counts, without: without, base: base))
        }
        return lines.joined(separator: "\n")
    }

    /// One row of the impact tables: the group's counts, its paired Source P/R, and the part re-scored without it.
    private static func row(
        _ label: String, _ counts: GroupCounts, without: (all: Figures, even: Figures, odd: Figures), base: (all: Figures, even: Figures, odd: Figures)
    ) -> String {
        String(
            format: "  %@ %5d %6d %5d (%4d)   %.3f %.3f |          %.4f  %@    %@   %@  %@  %@", label as NSString, counts.proposed,
            counts.paired, counts.proposed - counts.paired, counts.unpairedWithSource, counts.sourcePrecision.precision,
            counts.sourcePrecision.recall, without.all.source, delta(without.even.source, base.even.source) as NSString,
            delta(without.odd.source, base.odd.source) as NSString, delta(without.all.message, base.all.message) as NSString,
            delta(without.all.cue, base.all.cue) as NSString, delta(without.all.joint, base.all.joint) as NSString)
    }

    /// One line per rule and cue lemma with at least `minimum` unpaired proposals, most unpaired
    /// per paired first: the candidates for a lower confidence.
    func detailTable(minimum: Int = 4) -> String {
        let base = figures()
        var lines = [
            " per rule and cue lemma (\(minimum) or more unpaired; \"without\": re-scored without these proposals):",
            "  rule | lemma                                          prop paired unpaired(src)  srcP  srcR | without: Source  ΔSrc even  ΔSrc odd  ΔMsg     ΔCue     ΔJoint",
        ]
        let counts = groups { article, index in article.details[index] }.filter { $0.value.proposed - $0.value.paired >= minimum }
        func ratio(_ counts: GroupCounts) -> Double { Double(counts.proposed - counts.paired) / Double(max(1, counts.paired)) }
        for (detail, counts) in counts.sorted(by: { (ratio($0.value), $1.key) > (ratio($1.value), $0.key) }) {
            let without = figures { article, index in article.details[index] != detail }
            lines.append(Self.row(Self.padded(detail, 50), counts, without: without, base: base))
        }
        return lines.joined(separator: "\n")
    }

    /// One line per confidence value (rounded to 0.01), lowest first, with the figures of a floor
    /// that drops every proposal at or below it.
    func bandTable() -> String {
        let base = figures()
        var lines = [
            " per confidence value (\"floor above\": the part re-scored without every proposal at or below the value, Δ on each half):",
            "  confidence  prop paired unpaired(src)  srcP  srcR | floor above: Source  ΔSrc even  ΔSrc odd  ΔMsg     ΔCue     ΔJoint",
        ]
        func band(_ suggestion: AttributionSuggestion) -> Int { Int((suggestion.confidence * 100).rounded()) }
        for (value, counts) in groups(by: band).sorted(by: { $0.key < $1.key }) {
            let floor = figures { band($0) > value }
            lines.append(
                String(
                    format: "  %.2f       %5d %6d %5d (%4d)   %.3f %.3f |              %.4f  %@    %@   %@  %@  %@", Double(value) / 100,
                    counts.proposed, counts.paired, counts.proposed - counts.paired, counts.unpairedWithSource,
                    counts.sourcePrecision.precision, counts.sourcePrecision.recall, floor.all.source,
                    Self.delta(floor.even.source, base.even.source) as NSString, Self.delta(floor.odd.source, base.odd.source) as NSString,
                    Self.delta(floor.all.message, base.all.message) as NSString, Self.delta(floor.all.cue, base.all.cue) as NSString,
                    Self.delta(floor.all.joint, base.all.joint) as NSString))
        }
        return lines.joined(separator: "\n")
    }
}
