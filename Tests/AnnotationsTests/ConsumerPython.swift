import Foundation

/// Runs the Python scripts in Tests/ConsumerScripts with the interpreter of the test environment
/// (`WORKBENCH_PYTHON`, set by scripts/test). When it is missing, tests are skipped unless
/// `WORKBENCH_REQUIRE_CONSUMERS=1`, in which case they fail.
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

    /// Runs `Tests/ConsumerScripts/<script>` with arguments; returns exit status and combined output.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let interpreter else {
            return (127, "WORKBENCH_PYTHON is not set or not executable; run scripts/test (it prepares .venv)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [packageRoot.appendingPathComponent("Tests/ConsumerScripts/\(script)").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
