import ArgumentParser
import Foundation
import WorkbenchTerminal

/// A user-facing failure: one clear line on standard error and exit status 1.
///
/// The message may hold corpus text, file names or user arguments as they are: ``WorkbenchMain``
/// writes it through ``StandardError``, which makes control characters visible.
struct CLIFailure: Error, CustomStringConvertible, LocalizedError {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
    var errorDescription: String? { message }
}

extension CLIFailure {
    /// The one way a library error becomes a command failure: runs `body` and turns what it throws
    /// into a `CLIFailure` carrying the error's own message (its description, which every library
    /// error writes as one line a user can act on); a `CLIFailure` passes through unchanged.
    static func from<Value>(_ body: () throws -> Value) throws(CLIFailure) -> Value {
        do {
            return try body()
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(String(describing: error))
        }
    }
}
