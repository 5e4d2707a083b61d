import Foundation

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

    /// Runs `workbench` (or `executable`) with `arguments`, feeding `stdin`, in `directory` (default: package root).
    static func run(
        _ arguments: [String], stdin: String = "", directory: URL? = nil, environment: [String: String] = [:],
        executable: URL = binary
    ) throws -> Result {
        // A child that exits before reading all of its input must not end the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let errorRead = DispatchSemaphore(value: 0)
        let errorReader = Thread {
            errorData.set(error.fileHandleForReading.readDataToEndOfFile())
            errorRead.signal()
        }
        errorReader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Standard error ends when the child (and anything it started) closes it; a child that left a
        // descendant holding it open is a failure, not a hang.
        guard errorRead.wait(timeout: .now() + 60) == .success else {
            throw Unfinished(description: "workbench \(arguments.joined(separator: " ")): standard error still open 60 s after exit")
        }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// A child whose output did not end.
struct Unfinished: Error, CustomStringConvertible {
    let description: String
}

/// A tiny thread-safe box for data read on another thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
