/// Fleiss' κ for a fixed number of annotators who all labelled every item, nominal labels.
///
/// Computed the way statsmodels' `fleiss_kappa(table, method="fleiss")` does from the
/// items × categories count table. Undefined (``nil``) when there are no items, fewer than two
/// ratings per item, items with different numbers of ratings, or when the expected agreement is 1
/// (every rating in one category; statsmodels returns `nan` there).
enum FleissKappa {
    /// κ for `items`, each the labels its annotators gave (one per annotator, no missing values).
    static func compute(items: [[String]]) -> Double? {
        let labels = Array(Set(items.flatMap { $0 })).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let table = items.map { item -> [Double] in
            var row = [Double](repeating: 0, count: labels.count)
            for label in item { if let i = index[label] { row[i] += 1 } }
            return row
        }
        return compute(table: table)
    }

    /// κ for an items × categories table of rating counts.
    static func compute(table: [[Double]]) -> Double? {
        guard let first = table.first else { return nil }
        let raters = first.reduce(0, +)
        guard raters >= 2, table.allSatisfy({ $0.reduce(0, +) == raters }) else { return nil }
        let categories = first.count
        var categoryTotals = [Double](repeating: 0, count: categories)
        var grandTotal = 0.0
        var agreementSum = 0.0
        for row in table {
            var squares = 0.0
            for (j, count) in row.enumerated() {
                categoryTotals[j] += count
                grandTotal += count
                squares += count * count
            }
            agreementSum += (squares - raters) / (raters * (raters - 1))
        }
        let meanAgreement = agreementSum / Double(table.count)
        let expected = categoryTotals.reduce(0) { $0 + ($1 / grandTotal) * ($1 / grandTotal) }
        guard expected != 1 else { return nil }
        return (meanAgreement - expected) / (1 - expected)
    }
}
