import Annotations
import Foundation

/// Reading a session file and its corpus for the read-only commands (replay, stats, review).
enum SessionInput {
    /// Decodes the session file at `path` without replaying or locking it.
    static func file(at path: String) throws(CLIFailure) -> SessionFile {
        let data = try bytes(at: path)
        do {
            return try SessionCodec.decode(data, path: path)
        } catch {
            throw CLIFailure(TerminalText.sanitize(error.description))
        }
    }

    /// Files at least this large are mapped into memory rather than copied: for a session of
    /// hundreds of megabytes that saves a copy and the zeroing of as much fresh memory. (The
    /// workbench replaces session files by renaming, never rewrites them in place, so a mapped file
    /// does not change under the reader.)
    static let mappingSize = 16 << 20

    /// The bytes of the session file at `path`.
    static func bytes(at path: String) throws(CLIFailure) -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure(SessionError.missing(TerminalText.sanitize(path)).description)
        }
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard let data = try? Data(contentsOf: url, options: size >= mappingSize ? .alwaysMapped : []) else {
            throw CLIFailure(SessionError.io(path: TerminalText.sanitize(path), reason: "cannot read the file (permissions?)").description)
        }
        return data
    }

    /// The corpus for a session: `paths` if given, else the session's recorded paths (relative to the
    /// working folder). Nil, with a warning on standard error, when it cannot be loaded; documents
    /// whose text changed since the session was made are dropped, so their stored anchors are used instead.
    static func corpus(for file: SessionFile, paths: [String], sessionPath: String) -> SegmentedCorpus? {
        let chosen = paths.isEmpty ? file.corpus.paths : paths
        guard !chosen.isEmpty else {
            StandardError.write("warning: \(TerminalText.sanitize(sessionPath)) records no corpus; showing stored anchor text (use --corpus PATH)")
            return nil
        }
        let corpus: Corpus
        do {
            corpus = try CorpusLoader().load(paths: chosen)
        } catch {
            StandardError.write("warning: corpus not loaded (\(TerminalText.sanitize(error.description))); showing stored anchor text (use --corpus PATH)")
            return nil
        }
        let expected = Dictionary(file.corpus.documents.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        var kept: [Document] = []
        for document in corpus.documents {
            if let fingerprint = expected[document.id], fingerprint != document.fingerprint {
                StandardError.write("warning: document \(TerminalText.sanitize(document.id)) changed since the session; showing its stored anchor text")
                continue
            }
            kept.append(document)
        }
        return SegmentedCorpus(Corpus(documents: kept, paths: corpus.paths))
    }
}
