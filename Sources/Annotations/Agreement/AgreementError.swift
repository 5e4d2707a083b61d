import Foundation

/// Why sessions cannot be compared.
public enum AgreementError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// Fewer than two sessions were given.
    case tooFewSessions(Int)
    /// Two sessions were made over different corpora (a document differs or is missing in one).
    case differentCorpora(first: String, second: String, detail: String)

    public var description: String {
        switch self {
        case .tooFewSessions(let count):
            return "agreement needs at least two sessions, got \(count); pass one session file per annotator"
        case .differentCorpora(let first, let second, let detail):
            return "\(first) and \(second) annotate different corpora (\(detail)); "
                + "compare only sessions made over the same corpus, or re-anchor one session to the other's corpus first"
        }
    }

    public var errorDescription: String? { description }
}
