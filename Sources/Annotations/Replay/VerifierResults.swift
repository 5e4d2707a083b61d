import Foundation

/// What the two concurrent parts of ``SessionVerifier/verify(_:)`` found, each written by one part
/// and read after both have finished.
final class VerifierResults: @unchecked Sendable {
    private let lock = NSLock()
    private var documentCount = 0
    private var storedAgree = false

    /// Documents that have at least one annotation or status.
    var documents: Int { lock.withLock { documentCount } }
    /// True when the stored annotations equal the replayed state's.
    var agrees: Bool { lock.withLock { storedAgree } }

    func set(documents: Int) { lock.withLock { documentCount = documents } }
    func set(agrees: Bool) { lock.withLock { storedAgree = agrees } }
}

/// The two halves of a snapshot's records, written at once by ``SessionVerifier/recordsAgree(_:with:alongside:)``,
/// each set by one thread and read after both have finished.
final class VerifierHalves: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[UInt8]?] = [nil, nil]

    func set(_ index: Int, _ bytes: [UInt8]?) { lock.withLock { parts[index] = bytes } }
    func get(_ index: Int) -> [UInt8]? { lock.withLock { parts[index] } }
}
