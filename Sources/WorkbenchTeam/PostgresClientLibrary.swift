import CLibPQ

/// libpq, the PostgreSQL client library, loaded the first time a team server is named
/// (``DatabaseURL`` or ``PostgresConnection``) rather than linked: one-person use never maps it
/// and the libraries it brings (measured: about 5 ms less at every start), and the workbench runs
/// where libpq is not installed. `WORKBENCH_LIBPQ` names the library's file when it is not where
/// the system looks.
enum PostgresClientLibrary {
    /// Loads libpq once; throws ``TeamError/clientLibraryMissing(reason:)`` saying why it cannot.
    static func load() throws(TeamError) {
        var reason = [CChar](repeating: 0, count: 512)
        guard wb_pq_load(&reason, reason.count) == 0 else { return }
        throw .clientLibraryMissing(reason: String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
