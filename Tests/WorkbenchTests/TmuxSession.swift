import Foundation
import Subprocess
import TestSupport
import Testing

extension Trait where Self == ConditionTrait {
    /// The trait of every test that needs a terminal (``TmuxSession``): skipped with a clear message
    /// when tmux is not installed, run (and failing) when ``TmuxSession/isRequired``.
    static var needsTmux: Self {
        .enabled(
            if: TmuxSession.shouldRun,
            "tmux is not installed: terminal tests skipped (WORKBENCH_REQUIRE_CONSUMERS=1 makes this a failure)")
    }
}

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
        /// Raw bytes as they are (`send-keys -H`), valid UTF-8 or not.
        case bytes([UInt8])

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
    /// The private server's process, ended by ``kill()``.
    private var serverPID: pid_t = 0
    private var killed = false
    /// Everything the terminal held (scrollback and screen, wrapped rows joined) just before the last
    /// keys, paste or resize: ``waitFor(text:timeout:)`` waits for an occurrence that was not in it.
    private var historyBeforeInput = ""

    /// Starts a private server with one detached `width`×`height` session running `command` under `sh`.
    /// - Parameters:
    ///   - command: a shell command line (quote paths with ``quote(_:)``).
    ///   - environment: extra variables for the program; `LANG=C.UTF-8` and `TERM=xterm-256color` are set
    ///     unless overridden, `NO_COLOR` and `LC_ALL` are removed unless given here.
    ///   - directory: working directory (default: the package root).
    init(
        command: String, environment: [String: String] = [:], width: Int = 100, height: Int = 30,
        directory: URL? = nil
    ) async throws {
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
            set -g history-limit 100000
            set -sg escape-time 0

            """.utf8
        ).write(to: config)
        var variables = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (key, value) in environment { variables[key] = value }
        var arguments = ["-f", config.path, "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"]
        arguments += ["-c", (directory ?? WorkbenchProcess.packageRoot).path]
        for (key, value) in variables.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        try await run(arguments)
        let pid = try await run(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let serverPID = pid_t(pid) else { throw Failure(description: "tmux did not name its server process: \(pid)") }
        self.serverPID = serverPID
    }

    deinit { kill() }

    /// Types `keys` in order: text literally, key names as keys.
    func send(keys: Key...) async throws {
        historyBeforeInput = try await history()
        for key in keys {
            switch key {
            case .text(let text): try await run(["send-keys", "-t", "main", "-l", text])
            case .named(let name): try await run(["send-keys", "-t", "main", name])
            case .bytes(let bytes): try await run(["send-keys", "-t", "main", "-H"] + bytes.map { String(format: "%02x", $0) })
            }
        }
    }

    /// Pastes `text` the way a terminal pastes a selection: all of it written to the program at once
    /// (`load-buffer`, then `paste-buffer`), tabs and line breaks included.
    func paste(_ text: String) async throws {
        historyBeforeInput = try await history()
        let file = folder.appendingPathComponent("paste-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        try await run(["load-buffer", "-b", "paste", file.path])
        try await run(["paste-buffer", "-d", "-b", "paste", "-t", "main"])
    }

    /// The visible screen, one line per row, trailing blanks trimmed; with `escapes`, colour and
    /// attributes as escape sequences (`capture-pane -e`); with `joinWrapped`, a line the terminal broke
    /// because it was wider than the window is one line again (`capture-pane -J`).
    func capture(escapes: Bool = false, joinWrapped: Bool = false) async throws -> String {
        try await run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []) + (joinWrapped ? ["-J"] : []))
    }

    /// Appends everything the program writes to the terminal from now on, escapes and carriage
    /// returns included, to the file at `path` (`pipe-pane`), for output the screen no longer shows.
    func recordOutput(to path: String) async throws {
        try await run(["pipe-pane", "-o", "-t", "main", "cat >> " + Self.quote(path)])
    }

    /// Everything the terminal holds: the scrollback and the screen, a row the terminal wrapped joined
    /// to the one it continues (`capture-pane -J -S -`). Rows a clear screen erases stay in it (tmux moves
    /// them to the scrollback).
    func history() async throws -> String {
        try await run(["capture-pane", "-p", "-J", "-S", "-", "-t", "main"])
    }

    /// Polls the terminal until the program has written `text` after the last keys, paste or resize (the
    /// terminal's history holds one more occurrence than it did before them); returns the screen then.
    /// Throws with the screen on timeout.
    ///
    /// Text that was on the screen before never counts: the pager's question of an earlier answer, the
    /// prompt the keys were typed at. On a busy machine the program may not even have echoed the keys
    /// when the screen is first read, and a wait met by what was there already went on with a screen
    /// the keys had not changed yet. Text written and scrolled out of sight before a poll, or broken
    /// over two rows by the terminal, counts: it was written.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) async throws -> String {
        let before = Self.occurrences(of: text, in: historyBeforeInput)
        var screen = ""
        do {
            try await Deadline.waitUntil(timeout: timeout, "\"\(text)\" written after the last keys") {
                let written = Self.occurrences(of: text, in: try await history()) > before
                screen = try await capture()
                return written
            }
        } catch let expired as Deadline.Expired {
            throw Failure(description: "\(expired.description); screen:\n\(screen)")
        }
        return screen
    }

    /// How often `text` occurs in `history` (non-overlapping).
    static func occurrences(of text: String, in history: String) -> Int {
        guard !text.isEmpty else { return 0 }
        return history.components(separatedBy: text).count - 1
    }

    /// Polls the screen until `condition` holds; returns the screen. Throws with the screen on timeout.
    @discardableResult
    func waitUntil(
        timeout: TimeInterval = 10, escapes: Bool = false, what: String = "condition",
        _ condition: (String) async -> Bool
    ) async throws -> String {
        var screen = ""
        do {
            try await Deadline.waitUntil(timeout: timeout, what) {
                screen = try await capture(escapes: escapes)
                return await condition(screen)
            }
        } catch let expired as Deadline.Expired {
            throw Failure(description: "\(expired.description); screen:\n\(screen)")
        }
        return screen
    }

    /// Waits for the first prompt, answering `q` when the first view is paged (a first sentence and
    /// its proposals taller than the window); returns the screen.
    @discardableResult
    func waitForFirstPrompt(_ prompt: String = "1:1 ›", timeout: TimeInterval = 10) async throws -> String {
        let screen = try await waitUntil(timeout: timeout, what: "the first prompt or the pager's question") { $0.contains(prompt) || $0.contains("q stops --") }
        guard !screen.contains(prompt) else { return screen }
        try await send(keys: "q", .enter)
        return try await waitFor(text: prompt)
    }

    /// Runs the search `pattern` (one that backtracks for seconds, so it runs into its step budget)
    /// and presses Ctrl-C while it runs; returns the screen once the REPL says Ctrl-C stopped it.
    ///
    /// On a busy machine the key can reach the program before it has left line editing (the terminal
    /// then passes `^C` as a byte, read as "line cancelled" at the next prompt) or after the budget ran
    /// out: both end with "too costly" and "line cancelled", and the search is run again, up to
    /// `attempts` times. A program that never stops a search on Ctrl-C still fails.
    @discardableResult
    func stopSearchWithCtrlC(_ pattern: String = "/(.*)*x$", attempts: Int = 3) async throws -> String {
        var screen = ""
        for _ in 0..<attempts {
            try await send(keys: .text(pattern))
            try await waitFor(text: pattern)
            let before = try await history()
            try await send(keys: .enter)
            try await Task.sleep(for: .milliseconds(300))
            try await send(keys: .ctrlC)
            var stopped = false
            do {
                try await Deadline.waitUntil(timeout: 30, "the search stopped by Ctrl-C, or by its budget with the line cancelled") {
                    let now = try await history()
                    func written(_ text: String) -> Bool { Self.occurrences(of: text, in: now) > Self.occurrences(of: text, in: before) }
                    screen = try await capture()
                    stopped = written("search stopped by Ctrl-C")
                    return stopped || (written("too costly") && written("line cancelled"))
                }
            } catch let expired as Deadline.Expired {
                throw Failure(description: "\(expired.description); screen:\n\(screen)")
            }
            if stopped { return screen }
        }
        throw Failure(description: "Ctrl-C did not stop the search in \(attempts) attempts; screen:\n\(screen)")
    }

    /// The cursor's column and row on the screen, 0-based.
    func cursor() async throws -> (x: Int, y: Int) {
        let place = try await run(["display-message", "-p", "-t", "main", "#{cursor_x},#{cursor_y}"])
        let numbers = place.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard numbers.count == 2 else { throw Failure(description: "tmux did not say where the cursor is: \(place)") }
        return (numbers[0], numbers[1])
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) async throws {
        historyBeforeInput = try await history()
        try await run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the program in the pane has exited.
    func hasExited() async throws -> Bool {
        try await run(["display-message", "-p", "-t", "main", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            == "1"
    }

    /// The process id of the program the pane's shell runs (the shell's first child), for sending it a
    /// signal as `kill` would; nil when the shell has no child (the program has not started or ended).
    func programPID() async throws -> pid_t? {
        let text = try await run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let shell = pid_t(text) else { throw Failure(description: "tmux did not name the pane's process: \(text)") }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Stops the private server (which hangs up on the program in the pane) and removes its files.
    /// Idempotent; synchronous, so that `defer` and `deinit` can call it.
    func kill() {
        guard !killed else { return }
        killed = true
        if serverPID > 0 { Glibc.kill(serverPID, SIGTERM) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// `value` single-quoted for `sh`.
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs one tmux client command against the private server; returns its standard output.
    ///
    /// The first command forks the tmux server, which would inherit every open descriptor of the test
    /// process (and keep other tests' pipes open); the child starts with only its standard streams and
    /// default signal handling. A client that has not finished after `timeout` seconds is killed.
    @discardableResult
    private func run(_ arguments: [String], timeout: TimeInterval = 60) async throws -> String {
        var environment = ProcessInfo.processInfo.environment
        for key in ["TMUX", "TMUX_PANE", "NO_COLOR", "LC_ALL", "LC_CTYPE"] { environment[key] = nil }
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm-256color"
        // Each entry NUL-terminated: swift-subprocess 1.0.2 hands raw entries to strdup as they are.
        let variables = Environment.custom(environment.map { Array("\($0.key)=\($0.value)".utf8) + [0] })
        let path = tmux.path, argv = ["-L", socketName, "-u"] + arguments
        let result = try await Deadline.within(timeout, "tmux \(arguments.first ?? "")") {
            try await Subprocess.run(
                .path(.init(path)), arguments: Arguments(argv), environment: variables, input: .none,
                output: .string(limit: 16 << 20), error: .string(limit: 1 << 20))
        }
        guard result.terminationStatus.isSuccess else {
            throw Failure(
                description: "tmux \(arguments.first ?? "") failed (\(WorkbenchProcess.exitStatus(result.terminationStatus))): "
                    + result.standardError)
        }
        return result.standardOutput
    }
}
