/// The assignment problem solved by the Hungarian method (Kuhn–Munkres), O(n²·m).
enum HungarianAssignment {
    /// A one-to-one assignment of rows to columns that maximises the summed weight. Returns, for
    /// each row, the assigned column or nil (when there are more rows than columns). Deterministic:
    /// ties go to the lower index as the algorithm meets them.
    static func maximumWeight(_ weights: [[Double]]) -> [Int?] {
        let rows = weights.count
        guard rows > 0 else { return [] }
        let columns = weights.map(\.count).max() ?? 0
        guard columns > 0 else { return Array(repeating: nil, count: rows) }
        if rows > columns {
            // Solve the transposed problem, then invert it.
            var transposed = Array(repeating: Array(repeating: 0.0, count: rows), count: columns)
            for row in 0..<rows { for column in 0..<weights[row].count { transposed[column][row] = weights[row][column] } }
            let columnToRow = maximumWeight(transposed)
            var result: [Int?] = Array(repeating: nil, count: rows)
            for (column, row) in columnToRow.enumerated() { if let row { result[row] = column } }
            return result
        }
        // Minimise cost = -weight; rows ≤ columns. 1-based arrays as in the classic formulation.
        let n = rows, m = columns
        func cost(_ row: Int, _ column: Int) -> Double {
            column < weights[row].count ? -weights[row][column] : 0
        }
        var u = Array(repeating: 0.0, count: n + 1), v = Array(repeating: 0.0, count: m + 1)
        var match = Array(repeating: 0, count: m + 1), way = Array(repeating: 0, count: m + 1)
        for row in 1...n {
            match[0] = row
            var column0 = 0
            var minimum = Array(repeating: Double.infinity, count: m + 1)
            var used = Array(repeating: false, count: m + 1)
            repeat {
                used[column0] = true
                let row0 = match[column0]
                var delta = Double.infinity
                var column1 = 0
                for column in 1...m where !used[column] {
                    let reduced = cost(row0 - 1, column - 1) - u[row0] - v[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...m {
                    if used[column] {
                        u[match[column]] += delta
                        v[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while match[column0] != 0
            repeat {
                let column1 = way[column0]
                match[column0] = match[column1]
                column0 = column1
            } while column0 != 0
        }
        var result: [Int?] = Array(repeating: nil, count: n)
        for column in 1...m where match[column] != 0 { result[match[column] - 1] = column - 1 }
        return result
    }
}
