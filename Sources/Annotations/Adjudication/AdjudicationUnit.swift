/// One thing annotators may disagree on: a text-bound annotation at one exact span (mention, cue,
/// claim) or a stance on one speaker × target item, with each annotator's version.
public struct AdjudicationUnit: Sendable {
    /// mention, cue, claim or stance.
    public var kind: String
    /// Identifies the unit across runs (kind and span, with the speakers when one span holds
    /// several units; or speaker and target).
    public var key: String
    /// The sentence, for text-bound units.
    public var sentence: SentenceKey?
    /// Each annotator's version (index = annotator), `nil` where the annotator has none.
    public var versions: [Record?]
    /// Each version's comparable attributes, as shown to the adjudicator (`form=direct speaker=Mark Rutte`).
    public var summaries: [String?]
    /// The speaker cluster the versions were paired by (mentions and claims), if any.
    var identity: Int? = nil

    /// True when every annotator has the unit with the same attributes.
    public var agreed: Bool {
        guard let first = summaries.first, first != nil else { return false }
        return summaries.allSatisfy { $0 == first }
    }

    /// The annotators whose version equals version `index`.
    public func agreeing(with index: Int) -> [Int] {
        summaries.indices.filter { summaries[$0] != nil && summaries[$0] == summaries[index] }
    }

    /// The fields of version `index`'s summary (`span` for joined overlapping mentions, `speaker`, `role`, `form`, `negated`, `hedged`,
    /// `cue`, `mention`, `label`), in the order shown.
    public func fields(of index: Int) -> [(name: String, value: String)] {
        guard let summary = summaries[index] else { return [] }
        return Self.fields(summary)
    }

    /// The names of the fields in which the versions that exist differ, in the order shown; empty
    /// when a version is missing (the difference is then the whole annotation).
    public var differingFields: [String] {
        guard !versions.contains(where: { $0 == nil }) else { return [] }
        let all = summaries.indices.map { Dictionary(fields(of: $0).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }) }
        var names: [String] = []
        for index in summaries.indices {
            for field in fields(of: index) where !names.contains(field.name) { names.append(field.name) }
        }
        return names.filter { name in Set(all.map { $0[name] ?? "" }).count > 1 }
    }

    /// Summary fields split at ` name=` of the known field names (a speaker name may hold spaces).
    static func fields(_ summary: String) -> [(name: String, value: String)] {
        let known = ["span", "speaker", "role", "form", "negated", "hedged", "cue", "mention", "label"]
        var result: [(name: String, value: String)] = []
        var rest = Substring(summary)
        while let equals = rest.firstIndex(of: "="), known.contains(String(rest[..<equals])) {
            let name = String(rest[..<equals])
            var value = rest[rest.index(after: equals)...]
            var next = value.endIndex
            for other in known {
                if let range = value.range(of: " \(other)="), range.lowerBound < next { next = range.lowerBound }
            }
            rest = next == value.endIndex ? "" : value[value.index(after: next)...]
            value = value[..<next]
            result.append((name, String(value)))
        }
        return result
    }
}
