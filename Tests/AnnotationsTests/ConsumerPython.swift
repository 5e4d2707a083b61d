import Foundation
import Subprocess
import TestSupport

/// Runs the Python scripts in Tests/ConsumerScripts with the interpreter of the test environment
/// (`WORKBENCH_PYTHON`, set by scripts/test). When it is missing, tests are skipped unless
/// `WORKBENCH_REQUIRE_CONSUMERS=1`, in which case they fail.
///
/// Scripts run through swift-subprocess like the tests' other children: one of the shared
/// ``ChildSlots`` at a time each, and a script that has not finished after its timeout is killed
/// and reported as ``Unfinished`` instead of holding the test run.
enum ConsumerPython {
    static var interpreter: String? {
        guard let path = ProcessInfo.processInfo.environment["WORKBENCH_PYTHON"], FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }

    /// True when consumer tests can run or must run (and then fail loudly if they cannot).
    static var enabled: Bool {
        interpreter != nil || ProcessInfo.processInfo.environment["WORKBENCH_REQUIRE_CONSUMERS"] == "1"
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// How long a script may take (loading spaCy or Chromium on a busy machine included).
    static let defaultTimeout: TimeInterval = 300

    /// The most output read from one script (more is an error, not a hang).
    static let outputLimit = 64 << 20

    /// A script that did not finish in time (it is killed).
    struct Unfinished: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `Tests/ConsumerScripts/<script>` with arguments; returns exit status and standard output
    /// and error together.
    static func run(_ script: String, _ arguments: [String], timeout: TimeInterval = defaultTimeout) async throws -> (status: Int32, output: String) {
        guard let interpreter else {
            return (127, "WORKBENCH_PYTHON is not set or not executable; run scripts/test (it prepares .venv)")
        }
        let argv = [scriptPath(script)] + arguments
        return try await limited(script, timeout) {
            let result = try await Subprocess.run(
                .path(.init(interpreter)), arguments: Arguments(argv), output: .string(limit: outputLimit), error: .combinedWithOutput)
            return (exitStatus(result.terminationStatus), result.standardOutput)
        }
    }

    /// ``run(_:_:timeout:)`` keeping standard output (for data the test reads) apart from standard error.
    static func runSeparately(
        _ script: String, _ arguments: [String], timeout: TimeInterval = defaultTimeout
    ) async throws -> (status: Int32, output: String, errors: String) {
        guard let interpreter else {
            return (127, "", "WORKBENCH_PYTHON is not set or not executable; run scripts/test (it prepares .venv)")
        }
        let argv = [scriptPath(script)] + arguments
        return try await limited(script, timeout) {
            let result = try await Subprocess.run(
                .path(.init(interpreter)), arguments: Arguments(argv), output: .string(limit: outputLimit),
                error: .string(limit: outputLimit))
            return (exitStatus(result.terminationStatus), result.standardOutput, result.standardError)
        }
    }

    static func scriptPath(_ script: String) -> String {
        packageRoot.appendingPathComponent("Tests/ConsumerScripts/\(script)").path
    }

    /// `body` in one of the shared child slots, killed after `timeout` seconds.
    private static func limited<Value: Sendable>(
        _ script: String, _ timeout: TimeInterval, _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        do {
            return try await ChildSlots.shared.withSlot { try await Deadline.within(timeout, script, body) }
        } catch let expired as Deadline.Expired {
            throw Unfinished(description: "\(expired.description) (the script is killed)")
        }
    }

    /// The exit status as a shell shows it: the code, or 128 + the signal that ended the script.
    private static func exitStatus(_ status: TerminationStatus) -> Int32 {
        switch status {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }
}
