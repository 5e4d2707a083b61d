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
