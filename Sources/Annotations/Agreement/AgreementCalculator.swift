import Foundation

/// Computes agreement measures and disagreements for annotators' states over a set of documents.
/// Used by ``AgreementReport``; see there for what each layer measures.
struct AgreementCalculator {
    /// One text-bound annotation reduced to what is compared.
    struct SpanItem {
        var anchor: TextAnchor
        /// The speaker clusters (nil: a speaker no other annotator has); a mention has one, a claim any
        /// number. Attribution agrees when the SETS are equal: the order (who is the main speaker) and
        /// repeats do not count.
        var speaker: Set<Int?>
        var form: String
        var negated: Bool
        var hedged: Bool
        /// A claim's addressee mentions, by span (the mentions' ids are each session's own).
        var addressees: Set<SpanKey> = []
        /// Their texts, sorted, for the disagreement list (`(none)` without addressees).
        var addresseeText = "(none)"
    }

    let names: [String]
    let states: [AnnotationState]
    let corpus: CorpusReference
    let speakers: SpeakerClusters

    static let spanLayers = ["mentions", "cues", "claims"]

    var pairs: [(Int, Int)] {
        var result: [(Int, Int)] = []
        for i in names.indices { for j in names.indices where j > i { result.append((i, j)) } }
        return result
    }

    func scope(_ pair: (Int, Int)) -> String { "\(names[pair.0])/\(names[pair.1])" }

    /// The spans of one layer an annotator tagged in `documents`; orphaned ones (their text not
    /// found in a changed document) are left out: their offsets no longer point at what was tagged.
    func items(_ layer: String, annotator s: Int, documents: Set<String>) -> [SpanItem] {
        let state = states[s]
        var result: [SpanItem] = []
        switch layer {
        case "mentions":
            for mention in AnnotationState.sortedByID(state.mentions) where documents.contains(mention.anchor.document) && !mention.anchor.orphaned {
                result.append(SpanItem(anchor: mention.anchor, speaker: [speakers.cluster(session: s, speaker: mention.speaker)], form: "", negated: false, hedged: false))
            }
        case "cues":
            for cue in AnnotationState.sortedByID(state.cues) where documents.contains(cue.anchor.document) && !cue.anchor.orphaned {
                result.append(SpanItem(anchor: cue.anchor, speaker: [], form: "", negated: false, hedged: false))
            }
        default:
            for claim in AnnotationState.sortedByID(state.claims) where documents.contains(claim.anchor.document) && !claim.anchor.orphaned {
                let addressees = claim.addressees.compactMap { state.mentions[$0]?.anchor }
                result.append(SpanItem(
                    anchor: claim.anchor, speaker: Set(claim.speakers.map { speakers.cluster(session: s, speaker: $0) }), form: claim.form ?? "none",
                    negated: claim.negated, hedged: claim.hedged, addressees: Set(addressees.map(SpanKey.init)),
                    addresseeText: addressees.isEmpty ? "(none)" : addressees.map { "„\($0.text)“" }.sorted().joined(separator: " + ")))
            }
        }
        return result.sorted { SpanKey($0.anchor) < SpanKey($1.anchor) }
    }

    static func mean(_ values: [Double?]) -> Double? {
        let defined = values.compactMap { $0 }
        return defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
    }

    static func share(_ agreeing: Int, of total: Int) -> Double? { total == 0 ? nil : Double(agreeing) / Double(total) }

    // MARK: - Measures

    func measures(documents: Set<String>, includeStance: Bool) -> [AgreementMeasure] {
        var result: [AgreementMeasure] = []
        var attribution: [AgreementMeasure] = []
        for layer in Self.spanLayers {
            let perAnnotator = names.indices.map { items(layer, annotator: $0, documents: documents) }
            var layerMeasures: [AgreementMeasure] = []
            for pair in pairs {
                let a = perAnnotator[pair.0], b = perAnnotator[pair.1]
                let spans = SpanAgreement(a.map(\.anchor), b.map(\.anchor)) { a[$0].speaker == b[$1].speaker }
                let total = a.count + b.count
                layerMeasures.append(AgreementMeasure(layer: layer, measure: "exact F1", scope: scope(pair), value: spans.exactF1, items: total))
                layerMeasures.append(AgreementMeasure(layer: layer, measure: "overlap F1", scope: scope(pair), value: spans.overlapF1, items: total))
                let matched = spans.matches.map { (a[$0.first], b[$0.second]) }
                if layer == "mentions" {
                    let same = matched.filter { $0.0.speaker == $0.1.speaker }.count
                    layerMeasures.append(AgreementMeasure(layer: layer, measure: "same speaker", scope: scope(pair), value: Self.share(same, of: matched.count), items: matched.count))
                }
                if layer == "claims" {
                    layerMeasures.append(AgreementMeasure(
                        layer: layer, measure: "form κ", scope: scope(pair),
                        value: CohenKappa.compute(matched.map(\.0.form), matched.map(\.1.form)), items: matched.count))
                    let negated = matched.filter { $0.0.negated == $0.1.negated }.count
                    let hedged = matched.filter { $0.0.hedged == $0.1.hedged }.count
                    layerMeasures.append(AgreementMeasure(layer: layer, measure: "negated agreement", scope: scope(pair), value: Self.share(negated, of: matched.count), items: matched.count))
                    layerMeasures.append(AgreementMeasure(layer: layer, measure: "hedged agreement", scope: scope(pair), value: Self.share(hedged, of: matched.count), items: matched.count))
                    let addressed = matched.filter { $0.0.addressees == $0.1.addressees }.count
                    layerMeasures.append(AgreementMeasure(layer: layer, measure: "addressee agreement", scope: scope(pair), value: Self.share(addressed, of: matched.count), items: matched.count))
                    let same = matched.filter { $0.0.speaker == $0.1.speaker }.count
                    attribution.append(AgreementMeasure(layer: "attribution", measure: "same speaker", scope: scope(pair), value: Self.share(same, of: matched.count), items: matched.count))
                }
            }
            result += layerMeasures
            // All annotators: the mean of the pairwise figures; for claim forms Krippendorff's α over identical spans.
            var measureNames: [String] = []
            for measure in layerMeasures.map(\.measure) where !measureNames.contains(measure) { measureNames.append(measure) }
            for name in measureNames where name != "form κ" {
                let values = layerMeasures.filter { $0.measure == name }
                result.append(AgreementMeasure(layer: layer, measure: name + " (mean of pairs)", scope: "all", value: Self.mean(values.map(\.value)), items: values.reduce(0) { $0 + $1.items }))
            }
            if layer == "claims" {
                let units = spanUnits(perAnnotator).map { $0.values.map(\.form) }
                result.append(AgreementMeasure(layer: layer, measure: "form α", scope: "all", value: KrippendorffAlpha.compute(units: units), items: units.count))
            }
        }
        result += attribution
        result.append(AgreementMeasure(layer: "attribution", measure: "same speaker (mean of pairs)", scope: "all", value: Self.mean(attribution.map(\.value)), items: attribution.reduce(0) { $0 + $1.items }))
        if includeStance { result += stanceMeasures() }
        result += statusMeasures(documents: documents)
        return result
    }

    /// Stance labels per annotator, keyed by speaker cluster and normalised target text.
    func stanceItems() -> (keys: [String], labels: [[String: String]], display: [String: String]) {
        var labels: [[String: String]] = []
        var display: [String: String] = [:]
        for (s, state) in states.enumerated() {
            var mine: [String: String] = [:]
            for stance in AnnotationState.sortedByID(state.stances) {
                guard let cluster = speakers.cluster(session: s, speaker: stance.speaker), let target = state.targets[stance.target] else { continue }
                let text = Self.normalizedTarget(target.text)
                let key = "\(cluster)\u{1F}\(text)"
                mine[key] = stance.label
                if display[key] == nil { display[key] = "\(speakers.name(cluster)) → \(target.text)" }
            }
            labels.append(mine)
        }
        let keys = Set(labels.flatMap(\.keys)).sorted { (display[$0] ?? $0) < (display[$1] ?? $1) }
        return (keys, labels, display)
    }

    static func normalizedTarget(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: .punctuationCharacters)
    }

    func stanceMeasures() -> [AgreementMeasure] {
        let (keys, labels, _) = stanceItems()
        var result: [AgreementMeasure] = []
        for pair in pairs {
            let both = keys.filter { labels[pair.0][$0] != nil && labels[pair.1][$0] != nil }
            result.append(AgreementMeasure(
                layer: "stance", measure: "Cohen κ", scope: scope(pair),
                value: CohenKappa.compute(both.compactMap { labels[pair.0][$0] }, both.compactMap { labels[pair.1][$0] }), items: both.count))
            let rows = [pair.0, pair.1].map { s in keys.map { labels[s][$0] } }
            result.append(AgreementMeasure(layer: "stance", measure: "α", scope: scope(pair), value: KrippendorffAlpha.compute(annotators: rows), items: keys.count))
        }
        let complete = keys.filter { key in labels.allSatisfy { $0[key] != nil } }
        if names.count > 2 {
            result.append(AgreementMeasure(
                layer: "stance", measure: "Fleiss κ", scope: "all",
                value: FleissKappa.compute(items: complete.map { key in labels.compactMap { $0[key] } }), items: complete.count))
        }
        result.append(AgreementMeasure(layer: "stance", measure: "α", scope: "all", value: KrippendorffAlpha.compute(annotators: labels.map { l in keys.map { l[$0] } }), items: keys.count))
        return result
    }

    func sentences(in documents: Set<String>) -> [SentenceKey] {
        corpus.documents.filter { documents.contains($0.id) }.flatMap { entry in
            (0..<entry.sentences).map { SentenceKey(document: entry.id, sentence: $0) }
        }
    }

    func statusMeasures(documents: Set<String>) -> [AgreementMeasure] {
        let keys = sentences(in: documents)
        let values = states.map { state in keys.map { state.status(of: $0).rawValue } }
        var result: [AgreementMeasure] = []
        for pair in pairs {
            let same = zip(values[pair.0], values[pair.1]).filter { $0 == $1 }.count
            result.append(AgreementMeasure(layer: "status", measure: "agreement", scope: scope(pair), value: Self.share(same, of: keys.count), items: keys.count))
            result.append(AgreementMeasure(layer: "status", measure: "Cohen κ", scope: scope(pair), value: CohenKappa.compute(values[pair.0], values[pair.1]), items: keys.count))
        }
        result.append(AgreementMeasure(layer: "status", measure: "α", scope: "all", value: KrippendorffAlpha.compute(annotators: values.map { $0.map(Optional.some) }), items: keys.count))
        return result
    }

    /// The annotators' items on identical spans, one unit per annotation (annotator index → item), in
    /// span order. On one span, items are paired by speaker set first (two claims on one span by
    /// different speakers are two units, whichever order they were typed in); what is left is paired
    /// in order, so one claim attributed differently is one unit, as ``AdjudicationPlan`` pairs them.
    func spanUnits(_ perAnnotator: [[SpanItem]]) -> [[Int: SpanItem]] {
        var bySpan: [SpanKey: [[Int: SpanItem]]] = [:]
        for (s, items) in perAnnotator.enumerated() {
            for item in items {
                var units = bySpan[SpanKey(item.anchor)] ?? []
                if let index = units.firstIndex(where: { $0[s] == nil && $0.values.contains { $0.speaker == item.speaker } }) {
                    units[index][s] = item
                } else {
                    units.append([s: item])
                }
                bySpan[SpanKey(item.anchor)] = units
            }
        }
        var result: [[Int: SpanItem]] = []
        for key in bySpan.keys.sorted() {
            var joined: [[Int: SpanItem]] = []
            for unit in bySpan[key] ?? [] {
                if let index = joined.firstIndex(where: { Set($0.keys).isDisjoint(with: unit.keys) }) {
                    joined[index].merge(unit) { old, _ in old }
                } else {
                    joined.append(unit)
                }
            }
            result += joined
        }
        return result
    }

    // MARK: - Disagreements

    func disagreements(documents: Set<String>) -> [AgreementDisagreement] {
        var result: [AgreementDisagreement] = []
        for layer in Self.spanLayers {
            let units = spanUnits(names.indices.map { items(layer, annotator: $0, documents: documents) })
            for unit in units {
                guard let first = unit.values.first else { continue }
                let sentence = SentenceKey(document: first.anchor.document, sentence: first.anchor.sentence)
                let text = "„\(first.anchor.text)“"
                if unit.count < names.count {
                    let have = names.indices.filter { unit[$0] != nil }.map { names[$0] }
                    let lack = names.indices.filter { unit[$0] == nil }.map { names[$0] }
                    result.append(AgreementDisagreement(layer: layer, sentence: sentence, text: text, detail: "marked by \(have.joined(separator: ", ")); not by \(lack.joined(separator: ", "))"))
                    continue
                }
                if layer != "cues", Set(unit.values.map(\.speaker)).count > 1 {
                    func named(_ set: Set<Int?>?) -> String {
                        guard let set, !set.isEmpty else { return speakers.name(nil) }
                        return set.map { speakers.name($0) }.sorted().joined(separator: " + ")
                    }
                    let detail = names.indices.map { "\(names[$0]): \(named(unit[$0]?.speaker))" }.joined(separator: "; ")
                    result.append(AgreementDisagreement(layer: layer == "claims" ? "attribution" : layer, sentence: sentence, text: text, detail: "speaker — " + detail))
                }
                guard layer == "claims" else { continue }
                for (name, value) in [("form", { (i: SpanItem) in i.form }), ("negated", { String($0.negated) }), ("hedged", { String($0.hedged) })] {
                    if Set(unit.values.map(value)).count > 1 {
                        let detail = names.indices.compactMap { s in unit[s].map { "\(names[s]): \(value($0))" } }.joined(separator: "; ")
                        result.append(AgreementDisagreement(layer: layer, sentence: sentence, text: text, detail: "\(name) — " + detail))
                    }
                }
                if Set(unit.values.map(\.addressees)).count > 1 {
                    let detail = names.indices.compactMap { s in unit[s].map { "\(names[s]): \($0.addresseeText)" } }.joined(separator: "; ")
                    result.append(AgreementDisagreement(layer: layer, sentence: sentence, text: text, detail: "addressee — " + detail))
                }
            }
        }
        let (keys, labels, display) = stanceItems()
        for key in keys where Set(labels.map { $0[key] ?? "(none)" }).count > 1 {
            let detail = names.indices.map { "\(names[$0]): \(labels[$0][key] ?? "(none)")" }.joined(separator: "; ")
            result.append(AgreementDisagreement(layer: "stance", sentence: nil, text: display[key] ?? key, detail: detail))
        }
        for key in sentences(in: documents) {
            let values = states.map { $0.status(of: key).rawValue }
            guard Set(values).count > 1 else { continue }
            let detail = names.indices.map { "\(names[$0]): \(values[$0])" }.joined(separator: "; ")
            result.append(AgreementDisagreement(layer: "status", sentence: key, text: "", detail: detail))
        }
        return result
    }
}
