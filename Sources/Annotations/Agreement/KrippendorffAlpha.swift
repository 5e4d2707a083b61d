/// Krippendorff's α for nominal labels, any number of annotators, missing values allowed.
///
/// Computed the way the `krippendorff` package does (`alpha(…, level_of_measurement="nominal")`):
/// the coincidence matrix over units with at least two values, `α = 1 − D_o / D_e`.
/// Undefined (``nil``) where the package raises or returns `nan`: fewer than two distinct values in
/// the data, no unit with values from at least two annotators, or no expected disagreement among
/// the pairable values.
enum KrippendorffAlpha {
    /// α for reliability data: one row per annotator, one column per unit, `nil` for a missing value.
    static func compute(annotators rows: [[String?]]) -> Double? {
        let unitCount = rows.map(\.count).max() ?? 0
        var units: [[String]] = Array(repeating: [], count: unitCount)
        for row in rows {
            for (u, value) in row.enumerated() { if let value { units[u].append(value) } }
        }
        return compute(units: units)
    }

    /// α for units, each the values it received (missing values left out).
    static func compute(units: [[String]]) -> Double? {
        let domain = Array(Set(units.flatMap { $0 })).sorted()
        guard domain.count > 1, units.contains(where: { $0.count > 1 }) else { return nil }
        let index = Dictionary(uniqueKeysWithValues: domain.enumerated().map { ($1, $0) })
        let size = domain.count
        var coincidences = [Double](repeating: 0, count: size * size)
        for unit in units where unit.count > 1 {
            var counts = [Double](repeating: 0, count: size)
            for value in unit { if let i = index[value] { counts[i] += 1 } }
            let pairable = Double(unit.count - 1)
            for c in 0..<size where counts[c] > 0 {
                for k in 0..<size {
                    coincidences[c * size + k] += counts[c] * (counts[k] - (c == k ? 1 : 0)) / pairable
                }
            }
        }
        var totals = [Double](repeating: 0, count: size)
        for c in 0..<size { for k in 0..<size { totals[k] += coincidences[c * size + k] } }
        let n = totals.reduce(0, +)
        var observed = 0.0, expected = 0.0
        for c in 0..<size {
            for k in 0..<size where c != k {
                observed += coincidences[c * size + k]
                expected += totals[c] * totals[k] / (n - 1)
            }
        }
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }
}
