/// What went wrong talking to the team database. Every message names the server by its URL
/// without the password (``DatabaseURL/redacted``) and says what to do.
public enum TeamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached or refused the login.
    case cannotConnect(url: String, reason: String)
    /// The connection broke (server stopped or restarted); the statement in flight did not complete.
    case connectionLost(url: String, reason: String)
    /// The server did not answer in time (a hung server or a network partition).
    case timedOut(url: String, seconds: Int)
    /// A transaction (a push) did not end within its deadline, `seconds`: the connection was closed,
    /// so the server rolled it back.
    case transactionTimedOut(url: String, seconds: Int)
    /// The server refused a statement (for example a right the role does not have).
    case refused(url: String, reason: String, code: String)
    /// Something in the database is not what the workbench expects.
    case invalid(String)
    /// The connection string is not one libpq accepts: `url` is the string without anything that
    /// could be a password (``DatabaseURL/redacting(_:)``; empty for an empty string), the reason
    /// quotes no value.
    case invalidURL(url: String, reason: String)
    /// libpq, the PostgreSQL client library team mode uses, could not be loaded (not installed,
    /// not found, or too old); the reason says which and what to do.
    case clientLibraryMissing(reason: String)

    public var description: String {
        switch self {
        case .cannotConnect(let url, let reason):
            return "cannot connect to the team database \(url): \(reason)"
        case .connectionLost(let url, let reason):
            return "lost the connection to the team database \(url) (\(reason)); it is retried with the next command"
        case .timedOut(let url, let seconds):
            return "the team database \(url) did not answer within \(seconds) s (server hung or network down); it is retried with the next command"
        case .transactionTimedOut(let url, let seconds):
            return "the team database \(url) did not finish the transaction within \(seconds) s (a slow server, or another connection holding a lock it needs); "
                + "it was ended and rolled back: nothing of it was stored"
        case .refused(let url, let reason, let code):
            return "the team database \(url) refused: \(reason)" + (code.isEmpty ? "" : " (SQLSTATE \(code))") + Self.advice(code: code, url: url)
        case .invalid(let message):
            return message
        case .clientLibraryMissing(let reason):
            return "team mode cannot start: " + reason
        case .invalidURL(let url, let reason):
            return "not a PostgreSQL connection string" + (url.isEmpty ? "" : ": " + url) + " (\(reason)); give a URL such as postgresql://ROLE@HOST:PORT/DATABASE"
                + " (postgresql://ROLE@/DATABASE?host=/SOCKET/FOLDER for a Unix-domain socket; a password percent-encoded, an IPv6 address in [ ])"
                + " or key=value words such as 'host=HOST port=PORT dbname=DATABASE user=ROLE'"
        }
    }

    /// The message for a command that runs once (`team push`, `team pull`, `team status`, the
    /// commands with `--team`): nothing retries it, so a lost connection or a server that did not
    /// answer says to run it again (safe: a push whose commit went through adds nothing the second
    /// time, a pull writes nothing before it has read everything). The REPL's
    /// ``description`` says the next command retries, which is true there.
    public var commandDescription: String {
        switch self {
        case .connectionLost(let url, let reason):
            return "lost the connection to the team database \(url) (\(reason)); run the command again"
        case .timedOut(let url, let seconds):
            return "the team database \(url) did not answer within \(seconds) s (server hung or network down); run the command again"
        default:
            return description
        }
    }

    /// What to do about a refusal, by its SQLSTATE ("" when the reason says enough).
    static func advice(code: String, url: String) -> String {
        switch code {
        case "42P01", "3F000":
            return "; \(url) holds no workbench team tables: check the database name in the URL, or have the project owner set it up with workbench team init \(url) --corpus PATH"
        case "42703", "42883":
            return "; the team tables in \(url) were made by another version of workbench: use the version the project owner set it up with"
        case "42501":
            return "; your role lacks the right (each member writes only their own session; reviewers only read): the project owner grants roles with workbench team add-annotator NAME --role annotator|adjudicator|reviewer"
        case "55P03":
            return "; another connection held a lock it needs (a team init, or a transaction left open in psql) longer than the time allowed: try again, and if it persists the project owner can find the holder in pg_stat_activity"
        case "WB001":
            return "; every line of your team session must name you as the annotator of its event (and as the reviewer of a review); annotations taken from others say so by their origin (imported or adjudicated)"
        case "57014":
            return "; the statement took longer than the time allowed: try again, and if it persists ask the project owner to check the server's load"
        default:
            return ""
        }
    }

    /// Whether the connection itself failed (reconnecting may help), rather than the statement.
    public var isConnectionFailure: Bool {
        switch self {
        case .cannotConnect, .connectionLost, .timedOut, .transactionTimedOut: return true
        case .refused, .invalid, .invalidURL, .clientLibraryMissing: return false
        }
    }

    /// Whether libpq itself could not be loaded (nothing about the server or the statement).
    public var isClientLibraryMissing: Bool {
        if case .clientLibraryMissing = self { return true }
        return false
    }

    /// The server's own words for a refused statement, with its SQLSTATE; the description otherwise.
    public var refusalReason: String {
        if case .refused(_, let reason, let code) = self { return reason + (code.isEmpty ? "" : " (SQLSTATE \(code))") }
        return description
    }

    /// The SQLSTATE of a refused statement ("" otherwise).
    public var sqlState: String {
        if case .refused(_, _, let code) = self { return code }
        return ""
    }
}
