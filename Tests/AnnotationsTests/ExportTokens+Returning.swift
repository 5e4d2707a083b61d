@testable import Annotations

extension ExportTokens {
    /// The tokens of `sentence` as a new array: the tests' form of
    /// ``tokens(of:index:bytes:scratch:splittingAt:into:)``, which the exporters call with storage
    /// reused from sentence to sentence.
    static func tokens(
        of sentence: Sentence, index: ExportScalarIndex, bytes: [UInt8], scratch: inout Scratch, splittingAt boundaries: [Int] = []
    ) -> [ExportToken] {
        var result: [ExportToken] = []
        tokens(of: sentence, index: index, bytes: bytes, scratch: &scratch, splittingAt: boundaries, into: &result)
        return result
    }
}
