import CLibPQ

/// The rows of one result as libpq holds them, read in place: each value's bytes without a string
/// made of it (``PostgresConnection/query(_:_:rows:)``). Valid only during the call that
/// hands it over; every value is PostgreSQL's text form.
struct PostgresResultRows {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }

    /// How many rows.
    var count: Int { Int(PQntuples(result)) }

    /// Whether the value is NULL.
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    /// The bytes of a value (empty for NULL), valid during the call that handed these rows over.
    func bytes(_ row: Int, _ column: Int) -> UnsafeRawBufferPointer {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard let value = PQgetvalue(result, Int32(row), Int32(column)), length > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: UnsafeRawPointer(value), count: length)
    }

    /// A value read as a whole number (nil for NULL or another text).
    func integer(_ row: Int, _ column: Int) -> Int? {
        isNull(row, column) ? nil : Int(String(decoding: bytes(row, column), as: UTF8.self))
    }
}
