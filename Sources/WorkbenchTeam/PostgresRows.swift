/// The rows a statement returned, every value as PostgreSQL's text form (nil for NULL).
public struct PostgresRows: Sendable, Hashable {
    /// Column names, in order.
    public var columns: [String] = []
    /// One array per row, a value per column.
    public var rows: [[String?]] = []
    /// Rows affected by an INSERT, UPDATE or DELETE (0 otherwise).
    public var affected = 0

    /// The value of `column` in the first row, if any.
    public func first(_ column: String) -> String? {
        guard let index = columns.firstIndex(of: column), let row = rows.first else { return nil }
        return row[index]
    }

    /// The values of `column` in every row.
    public func values(_ column: String) -> [String?] {
        guard let index = columns.firstIndex(of: column) else { return [] }
        return rows.map { $0[index] }
    }
}
