/// Levenshtein distance on `Character`s, for "did you mean" suggestions: the one definition of which
/// names are close to a mistyped one, for the REPL's commands and help topics and for the command
/// line's command words and options.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a` into `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// The candidates closest to `word` (at most `limit`, only those within a third of their length + 1).
    public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        scored(to: word, among: candidates, limit: limit).map(\.name)
    }

    /// The candidates of ``closest(to:among:limit:)`` nearest to `word`: the first and those as near
    /// (`iport` gives `import`, not `export` too), for the command line's one "did you mean".
    public static func nearest(to word: String, among candidates: [String]) -> [String] {
        let close = scored(to: word, among: candidates, limit: candidates.count)
        guard let best = close.first?.distance else { return [] }
        return close.filter { $0.distance == best }.map(\.name)
    }

    /// The command line's suggestion for a mistyped word: ` (did you mean 'a' or 'b'?)` naming the
    /// candidates ``nearest(to:among:)`` gives, or an empty string when none is near.
    public static func suggestion(for word: String, among candidates: [String]) -> String {
        let names = nearest(to: word, among: candidates)
        return names.isEmpty ? "" : " (did you mean \(names.map { "'\($0)'" }.joined(separator: " or "))?)"
    }

    /// The candidates close to `word` with their distances, nearest first (ties by name), at most `limit`.
    private static func scored(to word: String, among candidates: [String], limit: Int) -> [(name: String, distance: Int)] {
        let lowered = word.lowercased()
        let scored = candidates.map { (name: $0, distance: between(lowered, $0.lowercased())) }
            .filter { $0.distance <= max(2, $0.name.count / 3 + 1) || $0.name.hasPrefix(lowered) }
            .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return Array(scored.prefix(limit))
    }
}
