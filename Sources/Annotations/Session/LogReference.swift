import Foundation

/// What a snapshot says about the log it was written from: how many events of the log it
/// reflects, how many bytes of the log those are (header included), and a digest of those bytes
/// (``LogDigest``). Opening compares them with the log: a snapshot whose digest does not match its
/// log's prefix is rebuilt from the log.
struct LogReference: Sendable, Hashable, Codable {
    /// Events of the log the snapshot reflects.
    var events: Int
    /// Bytes of the log up to and including the last of those events' lines.
    var bytes: Int
    /// ``LogDigest`` of those bytes, e.g. `"fx64:00ff…"`.
    var digest: String

    /// True when `log` does not end in a line break but did when the snapshot was written from it:
    /// the snapshot's prefix is the whole log and one line break more, with that digest. Its last
    /// line was then complete (its edit acknowledged) and only the line break was lost since (an
    /// editor or a copy that strips it): readers put it back rather than drop the line as torn.
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
