import ArgumentParser
import WorkbenchTeam

/// A team database URL on the command line (`--team URL`, `team init URL`, `team pull URL`): read
/// once, when the command line is parsed, by libpq's parser (``DatabaseURL``); the commands get the
/// parsed URL, never the string. A string libpq refuses is a usage error (exit status 2) from the
/// option's validation, naming the string without its password (``DatabaseURL/redacting(_:)``).
struct TeamURLArgument: ExpressibleByArgument, Sendable {
    /// The URL as libpq read it, or why it could not.
    let parsed: Result<DatabaseURL, TeamError>

    init(argument: String) {
        parsed = Result { () throws(TeamError) -> DatabaseURL in try DatabaseURL(argument) }
    }

    /// Throws the usage error for a string libpq refused (libpq itself missing is not a usage
    /// error: ``TeamCommand/url(_:)`` reports it with exit status 1).
    func validate() throws(ValidationError) {
        if case .failure(let error) = parsed, !error.isClientLibraryMissing { throw ValidationError(error.description) }
    }

    /// The parsed URL (nil for a string ``validate()`` refuses, which never reaches a command's `run`, or when libpq is missing).
    var url: DatabaseURL? { try? parsed.get() }

    /// Shown as a default value, never: no `--team` option has one. Without a password in any case.
    var defaultValueDescription: String {
        switch parsed {
        case .success(let url): return url.redacted
        case .failure: return "(not a connection string)"
        }
    }
}
