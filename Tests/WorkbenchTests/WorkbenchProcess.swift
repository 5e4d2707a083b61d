import Foundation
import Subprocess
import TestSupport

/// Runs the built `workbench` binary as a child process, for end-to-end tests.
enum WorkbenchProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: next to the test bundle in the build products folder.
    static var binary: URL { product("workbench") }

    /// The programs only tests start (`stress-writer`, `editor-demo`), built with the package.
    static var testTools: URL { product("WorkbenchTestTools") }

    /// An executable of the package, found next to the test bundle in the build products folder.
    static func product(_ name: String) -> URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/" + name)
    }

    /// Runs `workbench` (or `executable`) with `arguments`, feeding `stdin`, in `directory` (default:
    /// package root). A child that has not exited and closed its output after `timeout` seconds (or left
    /// a descendant holding it open) is killed and reported as ``Unfinished``.
    static func run(
        _ arguments: [String], stdin: String = "", directory: URL? = nil, environment: [String: String] = [:],
        executable: URL = binary, timeout: TimeInterval = 120, stdinBytes: Data? = nil
    ) async throws -> Result {
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        // Each entry NUL-terminated: swift-subprocess 1.0.2 hands raw entries to strdup as they are.
        let environment = Environment.custom(variables.map { Array("\($0.key)=\($0.value)".utf8) + [0] })
        let path = executable.path, folder = (directory ?? packageRoot).path
        let what = "\(executable.lastPathComponent) \(arguments.joined(separator: " "))"
        // Standard input comes from a file, not a pipe: swift-subprocess 1.0.2 stops the test process
        // (fatal error "FileDescriptor … was not closed" in its input writer) when a child exits before
        // reading all of a piped input.
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-stdin-\(UUID().uuidString)")
        try (stdinBytes ?? Data(stdin.utf8)).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let input = open(inputFile.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Unfinished(description: "\(what): cannot open its input file (errno \(errno))") }
        do {
            return try await ChildSlots.shared.withSlot { try await Deadline.within(timeout, what) {
                let result = try await Subprocess.run(
                    .path(.init(path)), arguments: Arguments(arguments), environment: environment,
                    workingDirectory: .init(folder), input: .fileDescriptor(.init(rawValue: input), closeAfterSpawningProcess: true),
                    output: .string(limit: outputLimit), error: .string(limit: outputLimit))
                return Result(
                    status: exitStatus(result.terminationStatus), stdout: result.standardOutput,
                    stderr: result.standardError)
            } }
        } catch let expired as Deadline.Expired {
            throw Unfinished(description: "\(expired.description) (the child is killed)")
        }
    }

    /// The most output a test reads from one child (more is an error, not a hang).
    static let outputLimit = 256 << 20

    /// The exit status as a shell shows it: the code, or 128 + the signal that ended the child.
    static func exitStatus(_ status: TerminationStatus) -> Int32 {
        switch status {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }
}

/// A child whose output did not end.
struct Unfinished: Error, CustomStringConvertible {
    let description: String
}
