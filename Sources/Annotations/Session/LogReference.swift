import Foundation

/// What a snapshot says about the log it was written from: how many events and bytes (header
/// included) of it it reflects, and their ``LogDigest``. One that does not match is rebuilt.
struct LogReference: Sendable, Hashable, Codable {
    /// Events of the log the snapshot reflects.
    var events: Int
    /// Bytes of the log up to and including the last of those events' lines.
    var bytes: Int
    /// ``LogDigest`` of those bytes, e.g. `"fx64:00ff…"`.
    var digest: String

    /// True when `log` lost the line break after its last line since the snapshot was written from
    /// it (the line was acknowledged): readers put it back rather than drop the line as torn.
    func lostTheLastLineBreak(of log: Data) -> Bool {
        guard let last = log.last, last != 0x0A, bytes == log.count + 1 else { return false }
        var digest = LogDigest()
        log.withUnsafeBytes { digest.update($0) }
        [UInt8(0x0A)].withUnsafeBytes { digest.update($0) }
        return digest.hex == self.digest
    }

    /// True when `log`'s first ``bytes`` bytes are complete lines holding ``events`` events, and
    /// their digest (taken when the log was read, ``SessionLogContents/prefixDigest``) is ``digest``.
    func describesPrefix(of log: SessionLogContents) -> Bool {
        bytes <= log.completeLength && log.events(before: bytes) == events && log.prefixDigest == digest
    }
}
