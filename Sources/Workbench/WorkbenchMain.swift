import ArgumentParser
import Foundation
import WorkbenchTerminal

/// The program's entry point: parses the command line and runs the command, and writes every message
/// of the command-line parser and every error through ``StandardError`` / ``StandardOutput``, so user
/// arguments echoed in them (`--session $'a\e[31mb'`, an unknown option) are sanitised like all other
/// output.
@main
enum WorkbenchMain {
    static func main() {
        HeapGrowth.configure()
        QuitSignal.install()
        FileSizeLimitSignal.install()
        do {
            if let unknown = UnknownCommand.error(in: Array(CommandLine.arguments.dropFirst())) { throw unknown }
            var command = try WorkbenchCommand.parseAsRoot()
            try command.run()
        } catch {
            exit(report(error))
        }
        exit(0)
    }

    /// Writes the message for `error` (help and version text to standard output, everything else to
    /// standard error) and returns the exit status.
    static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        let message = WorkbenchCommand.fullMessage(for: error)
        if !message.isEmpty {
            if code == 0 { StandardOutput.line(message) } else { StandardError.write(message) }
        }
        return code
    }

    /// The exit status for `error`: a ``CLIFailure``'s own, otherwise the command-line parser's, with
    /// its usage error made ``ExitStatus/usage`` (see ``ExitStatus``).
    static func exitCode(for error: any Error) -> Int32 {
        if let failure = error as? CLIFailure { return failure.exitCode }
        return ExitStatus.normalized(WorkbenchCommand.exitCode(for: error).rawValue)
    }
}
