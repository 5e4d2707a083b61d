import Annotations
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// Reading a session file and its corpus for the read-only commands (replay, stats, review).
enum SessionInput {
    /// Reads the session at `path` (format 2: snapshot and log; format 1: its file) without
    /// replaying or locking it.
    /// A snapshot that does not describe its log is named in a warning on standard error (the
    /// file is then the log's replay).
    static func file(at path: String, forVerification: Bool = false, displayName: String? = nil) throws(CLIFailure) -> SessionFile {
        let read = try CLIFailure.from { try SessionStore.read(path: path, forVerification: forVerification, displayName: displayName) }
        if let mismatch = read.mismatch { StandardError.write("warning: \(displayName ?? path): \(mismatch)") }
        if let torn = read.torn { StandardError.write("warning: " + TerminalText.sanitize(torn)) }
        return read.file
    }

    /// The bytes of the session file at `path` (mapped when large).
    static func bytes(at path: String) throws(CLIFailure) -> Data {
        try CLIFailure.from { try SessionCodec.contents(ofFile: path) }
    }

    /// The corpus for a session: `paths` if given, else the session's recorded paths (as given, or
    /// next to the session: ``RecordedCorpusPath``). Recorded paths that cannot be loaded give nil,
    /// with a warning on standard error (the stored anchor text is shown); given paths that cannot be
    /// loaded (a typo, a missing folder) are refused, so a command never goes on against something
    /// other than what it was given. Documents whose text changed since the session was made are
    /// dropped, so their stored anchors are used instead.
    static func corpus(for file: SessionFile, paths: [String], sessionPath: String) throws -> SegmentedCorpus? {
        try ProgressMeter.run { meter in try corpus(for: file, paths: paths, sessionPath: sessionPath, meter: meter) }
    }

    /// ``corpus(for:paths:sessionPath:)`` with progress on `meter`.
    static func corpus(for file: SessionFile, paths: [String], sessionPath: String, meter: ProgressMeter) throws(CLIFailure) -> SegmentedCorpus? {
        let chosen = paths.isEmpty ? RecordedCorpusPath.resolve(file.corpus.paths, nextTo: sessionPath) : paths
        guard !chosen.isEmpty else {
            StandardError.write("warning: \(TerminalText.sanitize(sessionPath)) records no corpus; showing stored anchor text (use --corpus PATH)")
            return nil
        }
        let corpus: Corpus
        do {
            corpus = try CorpusOpening.load(paths: chosen, meter: meter)
        } catch {
            meter.clear()
            if !paths.isEmpty {
                throw CLIFailure(
                    "\(error.description) (given with --corpus); nothing was written: check the path, or leave out --corpus to use the corpus the session records")
            }
            StandardError.write("warning: corpus not loaded (\(TerminalText.sanitize(error.description))); showing stored anchor text (use --corpus PATH)")
            return nil
        }
        let expected = Dictionary(file.corpus.documents.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        var kept: [Document] = []
        for document in corpus.documents {
            if let fingerprint = expected[document.id], fingerprint != document.fingerprint {
                meter.clear()
                StandardError.write("warning: document \(TerminalText.sanitize(document.id)) changed since the session; showing its stored anchor text")
                continue
            }
            kept.append(document)
        }
        return CorpusOpening.segment(Corpus(documents: kept, paths: corpus.paths), meter: meter)
    }
}
