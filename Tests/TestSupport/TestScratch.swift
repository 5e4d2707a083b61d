import Foundation

/// Temporary folders for tests, all inside one folder per test process that is removed when the
/// process exits, so test runs leave nothing behind in the temporary directory.
public enum TestScratch {
    /// The folder of this test process: `<tmp>/workbench-tests-<pid>`.
    public static let root: String = {
        let path = NSTemporaryDirectory() + "workbench-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "workbench-tests-\(getpid())")
        }
        return path
    }()

    /// A new folder path `<root>/<prefix><uuid>` (not created).
    public static func path(_ prefix: String) -> String {
        root + "/" + prefix + UUID().uuidString
    }
}
