import Foundation

/// Reading a session's file form from disk for commands that do not write it (validate, replay,
/// export, agree, diff, stats): format 2 (snapshot + log) and format 1 (one file holding everything) alike.
extension SessionStore {
    /// The session's file form: for format 2 the snapshot's stored annotations with the log's
    /// events (so a verifier compares the two), or the log's replay when the snapshot is behind its
    /// log, describes another state of it (`mismatch` says why, without the snapshot's path) or is
    /// missing; for format 1 the file as it is. `torn` names a torn last log line, which readers
    /// ignore. With `forVerification`, event times are not kept; with `displayName`, messages name
    /// the session so (`team session anna`). The log is read on another thread meanwhile.
    public static func read(
        path: String, forVerification: Bool = false, displayName: String? = nil
    ) throws(SessionError) -> (file: SessionFile, mismatch: String?, torn: String?) {
        let (paths, shown) = reading(path, displayName: displayName)
        let found = try paths.found(shownAs: shown)
        guard let data = found.snapshot else {
            guard found.log else { throw .notFound(shown.snapshot) }
            let (session, log) = try Session.replaying(logBytes: SessionCodec.contents(ofFile: paths.log, shownAs: shown.log), path: shown.log)
            return (session.file, nil, log.tornNotice(path: shown.log))
        }
        let reference = SnapshotHead(data)?.log
        let early = found.log
            ? BackgroundValue {
                Result { () throws(SessionError) in
                    let bytes = try logBytes(paths, shown: shown, reference: reference)
                    return (bytes, try SessionLogContents(bytes, path: shown.log, forReplay: forVerification, digestingFirst: reference?.bytes))
                }
            }
            : nil
        let file = try SessionCodec.decode(data, path: shown.snapshot)
        guard file.version >= 2 else { return (file, nil, nil) }
        guard let read = early?.wait() else { throw .missingLog(shown) }
        let (bytes, log) = try read.get()
        return try taking(file, log: log, logBytes: bytes, shown: shown, forVerification: forVerification)
    }

    /// The corpus the session at `path` records, read before it is opened (to choose the corpus)
    /// from its snapshot's head, else its log's header; nil when there is no session there yet. A
    /// session that a reader would refuse (no readable snapshot nor log header) is refused here too.
    public static func recordedCorpus(ofSessionAt path: String) throws(SessionError) -> CorpusReference? {
        let paths = SessionPaths.followingLinks(path)
        let found = try paths.found()
        if let snapshot = found.snapshot, let corpus = SessionCodec.recordedCorpus(in: snapshot) { return corpus }
        if found.log { return try LogHeader(ofLog: paths.log).corpus }
        guard let snapshot = found.snapshot else { return nil }
        // A format-1 file is read without a log: decoding it says what is wrong with it.
        guard found.formatOne else { throw .missingLog(paths) }
        _ = try SessionCodec.decode(snapshot, path: paths.snapshot)
        return nil
    }

    /// The files of the session `path` names (as a writer takes them) and how messages name them:
    /// both as `displayName` when given (a team session read from a private copy).
    static func reading(_ path: String, displayName: String?) -> (paths: SessionPaths, shown: SessionPaths) {
        let paths = SessionPaths.followingLinks(path)
        var shown = paths
        if let displayName { (shown.snapshot, shown.log) = (displayName, displayName) }
        return (paths, shown)
    }

    /// The bytes of the log beside a snapshot whose head names `reference`: with the line break put
    /// back that only the snapshot still holds (see ``LogReference/lostTheLastLineBreak(of:)``).
    static func logBytes(_ paths: SessionPaths, shown: SessionPaths, reference: LogReference?) throws(SessionError) -> Data {
        let bytes = try SessionCodec.contents(ofFile: paths.log, shownAs: shown.log)
        return reference?.lostTheLastLineBreak(of: bytes) == true ? bytes + [0x0A] : bytes
    }

    /// The file a reader takes from a format-2 snapshot decoded as `file` and its log: the snapshot
    /// with the log's events when it describes the log, else the log's replay and why (see
    /// ``read(path:forVerification:displayName:)``); a log of another session is refused.
    static func taking(
        _ file: SessionFile, log: SessionLogContents, logBytes bytes: Data, shown: SessionPaths, forVerification: Bool
    ) throws(SessionError) -> (file: SessionFile, mismatch: String?, torn: String?) {
        let described = try describedPrefix(by: file.id, file.log, of: log, shown)
        guard described?.events == log.eventCount else {
            // Rare (a snapshot that does not describe its log): the log is decoded again, to be replayed.
            var rebuilt = try Session.replaying(logBytes: bytes, path: shown.log, forReplay: forVerification).session.file
            rebuilt.log = file.log
            let mismatch = described == nil && file.log != nil ? mismatchNotice(file.log, log, shown) : nil
            return (rebuilt, mismatch, log.tornNotice(path: shown.log))
        }
        var file = file
        file.events = log.events
        return (file, nil, log.tornNotice(path: shown.log))
    }

    /// What a reader says of a snapshot that does not describe its log (without the snapshot's
    /// path, which callers put before it): the one wording for `validate`, `replay --verify` and
    /// the readers that warn.
    static func mismatchNotice(_ reference: LogReference?, _ log: SessionLogContents, _ paths: SessionPaths) -> String {
        "the snapshot does not describe its log \(paths.log): \(mismatch(reference, log)); the log's state is read, and the next annotate keeps the snapshot as \(paths.snapshot).damaged and rebuilds it from the log"
    }

    /// How a snapshot's `reference` (nil: it names none) differs from the log: ahead of it (the log
    /// lost events the snapshot holds), or another state of the session.
    static func mismatch(_ reference: LogReference?, _ log: SessionLogContents) -> String {
        guard let reference else { return "it does not say which part of the log it reflects" }
        guard reference.events <= log.eventCount else {
            return "it reflects \(reference.events) events, but the log holds \(log.eventCount): the log lost events the snapshot holds (copied in part, or restored from an older copy?); copy the whole log beside it to keep them"
        }
        return "it reflects \(reference.events) events of another state of the session (their digest differs from the log's first \(reference.bytes) bytes)"
    }

    /// The one check of a snapshot against its log (opening, reading, verifying): its `reference`
    /// when that describes the log's first lines (the whole log or a prefix), else nil. A log of
    /// another session than the snapshot's `id` is refused.
    static func describedPrefix(
        by id: String?, _ reference: LogReference?, of log: SessionLogContents, _ paths: SessionPaths
    ) throws(SessionError) -> LogReference? {
        if let id, log.header.session != id {
            throw .foreign(path: paths.log, found: "it is the log of session \(log.header.session), but \(paths.snapshot) is session \(id); neither file was changed")
        }
        guard let reference, reference.describesPrefix(of: log) else { return nil }
        return reference
    }
}
