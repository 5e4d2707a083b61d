/// Cohen's κ for two annotators over the same items, nominal labels, unweighted.
///
/// Computed the way scikit-learn's `cohen_kappa_score` does: the confusion matrix over the labels
/// either annotator used, `κ = 1 − Σ off-diagonal observed / Σ off-diagonal expected`.
/// Undefined (``nil``; JSON `null`, plain `n/a`) when there are no items or when the expected
/// disagreement is zero, e.g. both annotators used one and the same label throughout
/// (scikit-learn returns `nan` there).
enum CohenKappa {
    /// κ for the paired labels `first[i]`, `second[i]`; `nil` when undefined. The arrays must have equal length.
    static func compute(_ first: [String], _ second: [String]) -> Double? {
        precondition(first.count == second.count, "Cohen's κ needs one label per annotator for every item")
        guard !first.isEmpty else { return nil }
        let labels = Array(Set(first).union(second)).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let size = labels.count
        var confusion = [Double](repeating: 0, count: size * size)
        for (a, b) in zip(first, second) {
            guard let i = index[a], let j = index[b] else { continue }
            confusion[i * size + j] += 1
        }
        var rowSums = [Double](repeating: 0, count: size), columnSums = [Double](repeating: 0, count: size)
        for i in 0..<size {
            for j in 0..<size {
                rowSums[i] += confusion[i * size + j]
                columnSums[j] += confusion[i * size + j]
            }
        }
        let total = rowSums.reduce(0, +)
        var observed = 0.0, expected = 0.0
        for i in 0..<size {
            for j in 0..<size where i != j {
                observed += confusion[i * size + j]
                expected += rowSums[i] * columnSums[j] / total
            }
        }
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }
}
