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
            exit(reportingOutputFailure(report(error)))
        }
        exit(reportingOutputFailure(0))
    }

    /// `status`, or 1 after a message on standard error when standard output could not be written
    /// whole (redirected to a full disk or `/dev/full`): the result is cut off and must not pass for a
    /// whole one (it exited 0 without a word).
    /// Standard input that could not be read to its end (a folder: `annotate < /`) is reported the
    /// same way: the commands read from it were taken, the rest could not be (it ended as at its end).
    static func reportingOutputFailure(_ status: Int32) -> Int32 {
        var failed = false
        if let reason = StandardInput.readFailure {
            StandardError.write("error: could not read standard input (\(reason)): it ended there; the lines read before were used")
            failed = true
        }
        if let reason = StandardOutput.writeFailure {
            StandardError.write("error: could not write standard output (\(reason)): what it received is incomplete")
            failed = true
        }
        return failed && status == 0 ? ExitStatus.failure.rawValue : status
    }

    /// Writes the message for `error` (help and version text to standard output, everything else to
    /// standard error) and returns the exit status.
    static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        let message = UnknownOption.corrected(WorkbenchCommand.fullMessage(for: error))
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
