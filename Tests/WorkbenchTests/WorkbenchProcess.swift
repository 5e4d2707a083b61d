import Foundation
import Subprocess
import SystemPackage
import TestSupport

/// Runs the built `workbench` binary as a child process, for end-to-end tests.
enum WorkbenchProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: next to the test bundle in the build products folder.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("workbench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/workbench")
    }

    /// Largest standard output or error a test collects (a test that needs more has a bug).
    static let outputLimit = 64 << 20

    /// Runs `workbench` with `arguments`, feeding `stdin`, in `directory` (default: package root), with
    /// `environment` added to this process's environment. Exit status 128 + N means signal N.
    static func run(
        _ arguments: [String], stdin: String = "", directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let executable = binary.path
        let folder = (directory ?? packageRoot).path
        var changes: [Subprocess.Environment.Key: String?] = [:]
        for (key, value) in environment {
            if let key = Subprocess.Environment.Key(rawValue: key) { changes[key] = value }
        }
        let updates = changes
        return try BlockingTask.run {
            let outcome = try await Subprocess.run(
                .path(FilePath(executable)), arguments: Arguments(arguments), environment: .inherit.updating(updates),
                workingDirectory: FilePath(folder), input: .string(stdin), output: .string(limit: outputLimit),
                error: .string(limit: outputLimit))
            return Result(
                status: exitStatus(outcome.terminationStatus), stdout: outcome.standardOutput,
                stderr: outcome.standardError)
        }
    }

    /// A termination status as a shell reports it: the exit code, or 128 + the signal.
    static func exitStatus(_ status: TerminationStatus) -> Int32 {
        switch status {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }
}
