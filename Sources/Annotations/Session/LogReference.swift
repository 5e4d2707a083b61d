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

    /// True when `log`'s first ``bytes`` bytes are complete lines holding ``events`` events, and
    /// their digest (taken when the log was read, ``SessionLogContents/prefixDigest``) is ``digest``.
    func describesPrefix(of log: SessionLogContents) -> Bool {
        bytes <= log.completeLength && log.events(before: bytes) == events && log.prefixDigest == digest
    }
}
