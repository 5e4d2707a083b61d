@testable import Annotations

extension ExportTokens {
    /// The tokens of `sentence` as a new array: the tests' form of
    /// ``tokens(of:table:bytes:bounds:splittingAt:into:)``, which the exporters call with storage
    /// reused from sentence to sentence.
    static func tokens(
        of sentence: Sentence, table: OffsetTable, bytes: [UInt8], bounds: inout [TokenBounds], splittingAt boundaries: [Int] = []
    ) -> [ExportToken] {
        var result: [ExportToken] = []
        tokens(of: sentence, table: table, bytes: bytes, bounds: &bounds, splittingAt: boundaries, into: &result)
        return result
    }
}
