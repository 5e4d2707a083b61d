import Foundation

/// What the concurrent parts of the verifier found, each written by one part and read after it
/// has finished.
final class VerifierResults: @unchecked Sendable {
    private let lock = NSLock()
    private var documentCount = 0
    private var logDigest: String?

    /// Documents that have at least one annotation or status.
    var documents: Int { lock.withLock { documentCount } }
    /// The digest of the log's prefix that the snapshot names.
    var digest: String? { lock.withLock { logDigest } }

    func set(documents: Int) { lock.withLock { documentCount = documents } }
    func set(digest: String?) { lock.withLock { logDigest = digest } }
}

/// Where the parts of a snapshot's records compared at once by
/// ``SessionVerifier/recordsAgree(_:with:parallelFrom:alongside:)`` end (and where the second
/// begins), each set by one thread and read after all have finished.
final class VerifierHalves: @unchecked Sendable {
    private let lock = NSLock()
    private var offsets: [Int?] = [nil, nil, nil]

    func set(_ index: Int, _ offset: Int?) { lock.withLock { offsets[index] = offset } }
    func get(_ index: Int) -> Int? { lock.withLock { offsets[index] } }
}

/// A snapshot's bytes, read by the threads that compare its parts (they outlive them).
struct SharedSnapshot: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
