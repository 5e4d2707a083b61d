import Foundation

/// Why an export or import could not be done. Each message says what to change.
public enum ExportError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// `--documents` named a document the corpus does not have.
    case unknownDocument(String, available: [String])
    /// An annotation refers to a document that is not in the corpus.
    case annotationOutsideCorpus(session: String, id: String, document: String)
    /// A session was made on another corpus.
    case corpusMismatch(session: String, detail: String)
    /// The output folder exists and is not empty (its first entries).
    case wouldOverwrite(folder: String, files: [String])
    /// `--force` was given for a folder that no export wrote (it lacks ``ExportWriter/marker``).
    case notAnExport(folder: String)
    /// The output folder or a file cannot be written.
    case cannotWrite(path: String, reason: String)
    /// No session was given.
    case noSessions
    /// A file to import cannot be read.
    case unreadable(path: String, reason: String)
    /// A line of a file to import is malformed.
    case malformed(path: String, line: Int, reason: String)
    /// An imported annotation cannot be anchored or applied.
    case rejected(path: String, line: Int, reason: String)
    /// The files to import have problems (each with file and line); nothing was imported.
    case importProblems(source: String, problems: [ImportProblem])

    /// The message: one line, a line break in a file name or id shown as `␊` (see ``OneLineName``),
    /// except the list of import problems, one problem a line.
    public var description: String {
        if case .importProblems = self { return message }
        return OneLineName.shown(message)
    }

    private var message: String {
        switch self {
        case .unknownDocument(let id, let available):
            let list = available.prefix(5).joined(separator: ", ") + (available.count > 5 ? ", …" : "")
            return "no document '\(id)' in the corpus; documents are: \(list)"
        case .annotationOutsideCorpus(let session, let id, let document):
            return "\(session): \(id) refers to document '\(document)', which is not in the corpus; pass --corpus with the corpus the session was made on"
        case .corpusMismatch(let session, let detail):
            return "\(session) was made on a different corpus (\(detail)); pass --corpus with the corpus it was made on"
        case .wouldOverwrite(let folder, let files):
            let list = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
            return "\(folder): the folder is not empty (\(list)); pass --force to replace it as a whole or choose another --out folder"
        case .notAnExport(let folder):
            return "\(folder): not a folder written by export (it has no \(ExportWriter.marker) file), so --force will not delete it; remove it yourself or choose another --out folder"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .noSessions: return "no session given; name at least one session file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .malformed(let path, let line, let reason): return "\(ImportProblem(path: path, line: line, reason: reason))"
        case .rejected(let path, let line, let reason): return "\(ImportProblem(path: path, line: line, reason: "cannot import: " + reason))"
        case .importProblems(let source, let problems):
            let shown = problems.prefix(Self.shownProblems).map { "  \($0)" }
            let more = problems.count > Self.shownProblems ? ["  … and \(problems.count - Self.shownProblems) more"] : []
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return (["\(OneLineName.shown(source)): nothing imported, \(count) to fix first:"] + shown + more).joined(separator: "\n")
        }
    }

    /// How many import problems a message lists before it says how many more there are.
    static let shownProblems = 20

    public var errorDescription: String? { description }
}
