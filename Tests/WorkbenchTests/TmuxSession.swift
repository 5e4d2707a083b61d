import Foundation
import TestSupport

/// A program running in a terminal of its own: a private tmux server (own socket, never the user's),
/// one detached session of a fixed size, keys sent the way a person types them and the screen read back.
///
/// The pane stays open after the program exits (`remain-on-exit`), so the last screen can be read.
final class TmuxSession {
    /// One thing to type: literal text or a named key.
    enum Key: ExpressibleByStringLiteral {
        /// Literal text (`send-keys -l`), UTF-8 as it is.
        case text(String)
        /// A tmux key name: `Tab`, `Enter`, `C-c`, `C-d`, `Up`, `BSpace`…
        case named(String)

        static let tab = Key.named("Tab")
        static let enter = Key.named("Enter")
        static let up = Key.named("Up")
        static let down = Key.named("Down")
        static let ctrlC = Key.named("C-c")
        static let ctrlD = Key.named("C-d")
        static let ctrlBackslash = Key.named("C-\\")

        init(stringLiteral value: String) { self = .text(value) }
    }

    /// Failures of the harness, with the screen at that moment when there is one.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The tmux executable, found on `PATH`.
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether terminal tests can run here.
    static var isAvailable: Bool { executable != nil }

    /// Terminal tests must run (CI with consumers installed): a missing tmux fails instead of skipping.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["WORKBENCH_REQUIRE_CONSUMERS"] == "1" }

    /// Run the tests when tmux is there, or when it is required (they then fail with a clear message).
    static var shouldRun: Bool { isAvailable || isRequired }

    /// The socket name of this session's private server.
    let socketName: String
    private let tmux: URL
    private let folder: URL
    private var killed = false

    /// Starts a private server with one detached `width`×`height` session running `command` under `sh`.
    /// - Parameters:
    ///   - command: a shell command line (quote paths with ``quote(_:)``).
    ///   - environment: extra variables for the program; `LANG=C.UTF-8` and `TERM=xterm-256color` are set
    ///     unless overridden, `NO_COLOR` and `LC_ALL` are removed unless given here.
    ///   - directory: working directory (default: the package root).
    init(
        command: String, environment: [String: String] = [:], width: Int = 100, height: Int = 30,
        directory: URL? = nil
    ) throws {
        guard let tmux = Self.executable else {
            throw Failure(description: "tmux is not installed (needed for terminal tests)")
        }
        self.tmux = tmux
        socketName = "workbench-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socketName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("tmux.conf")
        try Data(
            """
            set -g remain-on-exit on
            set -g status off
            set -g default-terminal xterm-256color
            set -g history-limit 2000
            set -sg escape-time 0

            """.utf8
        ).write(to: config)
        var variables = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (key, value) in environment { variables[key] = value }
        var arguments = ["-f", config.path, "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"]
        arguments += ["-c", (directory ?? WorkbenchProcess.packageRoot).path]
        for (key, value) in variables.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        try run(arguments)
    }

    deinit { kill() }

    /// Types `keys` in order: text literally, key names as keys.
    func send(keys: Key...) throws {
        for key in keys {
            switch key {
            case .text(let text): try run(["send-keys", "-t", "main", "-l", text])
            case .named(let name): try run(["send-keys", "-t", "main", name])
            }
        }
    }

    /// The visible screen, one line per row, trailing blanks trimmed; with `escapes`, colour and
    /// attributes as escape sequences (`capture-pane -e`).
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Appends everything the program writes to the terminal from now on, escapes and carriage
    /// returns included, to the file at `path` (`pipe-pane`), for output the screen no longer shows.
    func recordOutput(to path: String) throws {
        try run(["pipe-pane", "-o", "-t", "main", "cat >> " + Self.quote(path)])
    }

    /// Polls the screen until it contains `text`; returns the screen. Throws with the screen on timeout.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10, escapes: Bool = false) throws -> String {
        try waitUntil(timeout: timeout, escapes: escapes, what: "\"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds; returns the screen. Throws with the screen on timeout.
    @discardableResult
    func waitUntil(
        timeout: TimeInterval = 10, escapes: Bool = false, what: String = "condition",
        _ condition: (String) -> Bool
    ) throws -> String {
        var screen = ""
        do {
            try Deadline.waitUntil(timeout: timeout, what) {
                screen = try capture(escapes: escapes)
                return condition(screen)
            }
        } catch let expired as Deadline.Expired {
            throw Failure(description: "\(expired.description); screen:\n\(screen)")
        }
        return screen
    }

    /// Whether the program in the pane has exited.
    func hasExited() throws -> Bool {
        try run(["display-message", "-p", "-t", "main", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            == "1"
    }

    /// Stops the private server and removes its files. Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// `value` single-quoted for `sh`.
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs one tmux client command against the private server; returns its standard output.
    ///
    /// Uses `posix_spawn` and `waitpid`, not `Process`: the first command forks the tmux server, which
    /// inherits every open descriptor of the test process. `Process` then never sees the client end (its
    /// exit notification rides on a descriptor), and pipes of other tests would stay open. So the child
    /// gets files for output, and every descriptor above 2 is closed in it.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        for key in ["TMUX", "TMUX_PANE", "NO_COLOR", "LC_ALL", "LC_CTYPE"] { environment[key] = nil }
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm-256color"
        let outputFile = folder.appendingPathComponent("out-\(UUID().uuidString)")
        let errorFile = folder.appendingPathComponent("err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let argv = [tmux.path, "-L", socketName, "-u"] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        let status = try Self.spawnAndWait(
            executable: tmux.path, arguments: argv, environment: envp, output: outputFile.path, error: errorFile.path)
        let data = (try? Data(contentsOf: outputFile)) ?? Data()
        guard status == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.first ?? "") failed (\(status)): \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Spawns `executable` with output and error going to files and stdin from /dev/null; waits for it.
    /// Returns the exit status (or 128 + signal).
    private static func spawnAndWait(
        executable: String, arguments: [String], environment: [String], output: String, error: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // glibc's posix_spawn_file_actions_addclosefrom_np is hidden from Swift's Glibc module.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { throw Failure(description: "posix_spawn_file_actions_addclosefrom_np is missing (glibc < 2.34)") }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        let cArguments = arguments.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        // Test threads run with signals blocked; a child would inherit that mask (and pass it on to the
        // program in the pane, where Ctrl-C would then do nothing). Start with all signals unblocked
        // and default dispositions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else { throw Failure(description: "cannot start tmux: error \(result)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed: errno \(errno)") }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
