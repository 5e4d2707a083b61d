import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program started with `posix_spawn` (no shell, every other descriptor closed), either on a new
/// pseudo-terminal or with standard input from a file and output into files; timed from just
/// before the spawn.
final class ChildProcess {
    /// Why a child could not be started or watched.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// How the child ended.
    struct Exit {
        /// Exit status (or 128 + signal).
        var status: Int32
        /// Wall seconds from spawn to exit.
        var wall: Double
        /// User + system CPU seconds of the child.
        var cpu: Double
    }

    /// The child's process id.
    let pid: pid_t
    /// The pseudo-terminal's master side (-1 for a piped child).
    private(set) var master: Int32
    /// Monotonic nanoseconds just before the spawn.
    let started: UInt64
    /// Everything read from the terminal so far.
    private(set) var output: [UInt8] = []

    /// glibc's `POSIX_SPAWN_SETSID` (since 2.26), which Swift does not import: the child starts a new
    /// session, so the pseudo-terminal can become its controlling terminal.
    private static let spawnNewSession: Int16 = 0x80

    /// Monotonic nanoseconds now.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Starts `arguments` on a new pseudo-terminal of `columns`×`rows` in `directory`.
    init(terminal arguments: [String], directory: String, environment: [String], columns: UInt16 = 100, rows: UInt16 = 40) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(slave) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        posix_spawn_file_actions_addclose(&actions, slave)
        posix_spawn_file_actions_addclose(&actions, master)
        self.master = master
        (pid, started) = try Self.spawn(arguments, directory: directory, environment: environment, actions: &actions, newSession: true)
    }

    /// Starts `arguments` in `directory` with standard input from `input` and standard output and
    /// error into `output` and `errors`.
    init(piped arguments: [String], directory: String, environment: [String], input: String, output: String, errors: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        master = -1
        (pid, started) = try Self.spawn(arguments, directory: directory, environment: environment, actions: &actions, newSession: false)
    }

    private var reaped = false

    deinit {
        if master >= 0 { close(master) }
        // A benchmark that failed half-way leaves no child behind.
        if !reaped {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    private static func spawn(
        _ arguments: [String], directory: String, environment: [String], actions: inout posix_spawn_file_actions_t, newSession: Bool
    ) throws -> (pid_t, UInt64) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if newSession { posix_spawnattr_setflags(&attributes, spawnNewSession) }
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory) else {
            throw Failure(description: "cannot enter \(directory)")
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let started = now()
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return (pid, started)
    }

    /// Reads the terminal until `marker` appears in the output after byte `from`; returns the
    /// monotonic time it was seen and the output offset just after it. Throws after `timeout`
    /// seconds or when the terminal closes.
    @discardableResult
    func waitFor(_ marker: [UInt8], from: Int = 0, timeout: Double = 600) throws -> (time: UInt64, end: Int) {
        let deadline = Self.now() + UInt64(timeout * 1e9)
        var searched = from
        while true {
            if output.count >= marker.count, searched <= output.count - marker.count {
                var index = max(from, searched - marker.count + 1)
                while index <= output.count - marker.count {
                    if output[index] == marker[0], output[index..<index + marker.count].elementsEqual(marker) {
                        return (Self.now(), index + marker.count)
                    }
                    index += 1
                }
                searched = output.count
            }
            guard Self.now() < deadline else {
                throw Failure(description: "no \(String(decoding: marker, as: UTF8.self)) within \(timeout) s; output so far: \(String(decoding: output.suffix(400), as: UTF8.self))")
            }
            guard readSome(timeoutMilliseconds: 1000) else {
                throw Failure(description: "the terminal closed before \(String(decoding: marker, as: UTF8.self)) appeared; output: \(String(decoding: output.suffix(400), as: UTF8.self))")
            }
        }
    }

    /// Types `text` into the terminal.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            written += count
        }
    }

    /// Reads what is available (waiting up to the timeout); false when the terminal is closed.
    private func readSome(timeoutMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMilliseconds)
        if ready == 0 { return true }
        if ready < 0 { return errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count <= 0 { return false }
        output += buffer[0..<count]
        return true
    }

    /// Waits for the child to end (draining its terminal first) and returns how it ended.
    func wait(timeout: Double = 600) throws -> Exit {
        let deadline = Self.now() + UInt64(timeout * 1e9)
        if master >= 0 {
            while readSome(timeoutMilliseconds: 1000) {
                guard Self.now() < deadline else { throw Failure(description: "the child did not end within \(timeout) s") }
            }
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure(description: "wait4: \(String(cString: strerror(errno)))") }
        }
        reaped = true
        let ended = Self.now()
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Exit(status: code, wall: Double(ended - started) / 1e9, cpu: cpu)
    }
}
