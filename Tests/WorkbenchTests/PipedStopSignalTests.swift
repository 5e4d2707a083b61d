import Foundation
import Glibc
import Testing
import TestSupport

/// `kill` (SIGTERM) or a hang-up (SIGHUP) while `annotate` runs a piped script. It ended the program at
/// once: the acknowledged edits were in the log, but no snapshot was written, and the next opening said
/// "recovered 1 edit(s) from the log of an unfinished run" and "took over the lock of a process that is
/// gone". Now the input ends as at its end, as in the terminal: the session is closed as on leaving
/// (snapshot written, lock released), and the status says the script was stopped (128 + the signal).
@Suite("SIGTERM and SIGHUP while a piped script runs", .serialized, .timeLimit(.minutes(2)))
struct PipedStopSignalTests {
    /// A running command (`annotate`, `review`, `adjudicate`) reading its input from a named pipe the test writes to.
    struct PipedRun {
        let folder: String
        let process: Process
        let writer: Int32
        let errors: String
        /// The file the command's standard output goes to.
        let output: String
        /// The session log whose events ``send(_:untilEvents:)`` waits for, relative to `folder`.
        let log = "sessions/anna.jsonl"

        /// Starts `annotate` in a new project folder with the signals' default handling (a test runner
        /// may hand its children SIGHUP ignored, and an ignored signal stays ignored, as under `nohup`).
        static func start() throws -> PipedRun {
            let folder = TestScratch.path("piped-stop-")
            try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
            try Data("Herr Müller sagte: „Es ist vorbei.“ Dann ging er.\n".utf8).write(to: URL(fileURLWithPath: folder + "/corpus/doc.txt"))
            return try start(["annotate", "corpus", "--session", "anna", "--annotator", "anna"], in: folder)
        }

        /// Starts `arguments` in `folder` as ``start()`` starts `annotate`.
        static func start(_ arguments: [String], in folder: String) throws -> PipedRun {
            let fifo = folder + "/commands"
            #expect(mkfifo(fifo, 0o600) == 0)
            // Read and write: opening does not wait for a reader, and the child's reads wait for more input.
            let writer = open(fifo, O_RDWR | O_CLOEXEC)
            #expect(writer >= 0)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["--default-signal=TERM,HUP", WorkbenchProcess.binary.path] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            var environment = ProcessInfo.processInfo.environment
            environment["WORKBENCH_FAKE_CLOCK"] = "2026-01-01T09:00:00Z"
            process.environment = environment
            process.standardInput = FileHandle(forReadingAtPath: fifo)
            let output = folder + "/stdout", errors = folder + "/stderr"
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: output)
            process.standardError = FileHandle(forWritingAtPath: errors)
            try process.run()
            return PipedRun(folder: folder, process: process, writer: writer, errors: errors, output: output)
        }

        /// Writes `lines` to the input without waiting.
        func write(_ lines: String) {
            let bytes = Array(lines.utf8)
            #expect(Glibc.write(writer, bytes, bytes.count) == bytes.count)
        }

        /// Waits until the file at `path` (absolute, or relative to `folder`) holds `text`.
        func waitUntil(_ path: String, holds text: String) throws {
            let file = path.hasPrefix("/") ? path : folder + "/" + path
            try Deadline.waitUntil(timeout: 60, "\(text) in \(path)") {
                ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").contains(text)
            }
        }

        /// Writes `lines` to the script and waits until the log holds `events` events.
        func send(_ lines: String, untilEvents events: Int) throws {
            write(lines)
            try waitUntil(log, holds: "\"seq\":\(events),")
        }

        /// Waits until the program has ended and returns what it wrote on standard error.
        func ended() throws -> String {
            try Deadline.waitUntil(timeout: 30, "the program to end") { !process.isRunning }
            process.waitUntilExit()
            close(writer)
            return (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        }
    }

    @Test("A stop signal while the script waits for its next line closes the session as its end does", arguments: [SIGTERM, SIGHUP])
    func stopBetweenCommands(signal: Int32) async throws {
        let run = try PipedRun.start()
        defer { try? FileManager.default.removeItem(atPath: run.folder) }
        try run.send("note eins\n", untilEvents: 1)
        kill(run.process.processIdentifier, signal)
        let stderr = try run.ended()
        #expect(stderr.contains("the session was saved and closed"), "\(stderr)")
        try await Self.expectSavedAndClosed(run, stderr: stderr, signal: signal)
    }

    /// After `signal` ended `run` (a note "eins" acknowledged): status 128 + the signal, the snapshot
    /// holds the edit, and the next opening lists it and warns of neither a lock nor an unfinished run.
    static func expectSavedAndClosed(_ run: PipedRun, stderr: String, signal: Int32) async throws {
        #expect(run.process.terminationReason == .exit, "killed by the signal: \(stderr)")
        #expect(run.process.terminationStatus == 128 + signal, "\(stderr)")
        #expect(stderr.contains("stopped ("), "\(stderr)")
        let snapshot = try String(contentsOfFile: run.folder + "/sessions/anna.json", encoding: .utf8)
        #expect(snapshot.contains("eins"), "the snapshot holds the edit")
        let reopened = try await WorkbenchProcess.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], stdin: "list\nquit\n", directory: URL(fileURLWithPath: run.folder))
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("note: eins"), "\(reopened.stdout)")
        #expect(!reopened.stderr.contains("took over the lock"), "\(reopened.stderr)")
        #expect(!reopened.stderr.contains("unfinished run"), "\(reopened.stderr)")
    }

    @Test("A second SIGTERM ends the program at once: nothing waits on input that never comes")
    func secondSignal() async throws {
        let run = try PipedRun.start()
        defer { try? FileManager.default.removeItem(atPath: run.folder) }
        try run.send("note eins\nnote zwei\n", untilEvents: 2)
        kill(run.process.processIdentifier, SIGTERM)
        kill(run.process.processIdentifier, SIGTERM)
        let stderr = try run.ended()
        // Either the first closed the session before the second came, or the second ended it at once.
        let status = run.process.terminationReason == .exit ? run.process.terminationStatus : 128 + run.process.terminationStatus
        #expect(status == 128 + SIGTERM, "\(stderr)")
        let reopened = try await WorkbenchProcess.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], stdin: "list\nquit\n", directory: URL(fileURLWithPath: run.folder))
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("note: zwei"), "every acknowledged edit is kept: \(reopened.stdout)")
    }

    /// CPU time the process has used (user and system), in clock ticks.
    static func cpuTicks(_ pid: pid_t) -> Int {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // After the command name in parentheses: state is field 3, utime 14 and stime 15.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 12 ? (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) : 0
    }

    /// A script that stopped writing but keeps the pipe open: the program waits without spinning, and
    /// SIGTERM ends it promptly as the end of the input would (``PipedStopSignalRaceTests`` puts the
    /// signal in the moment just before the wait, which a test cannot hit through `kill`).
    @Test("Nothing more coming on an open pipe: the wait costs no CPU time, and SIGTERM ends it with status 143, snapshot written, lock released")
    func stopWhileNothingComes() async throws {
        let run = try PipedRun.start()
        let pid = run.process.processIdentifier
        defer {
            if run.process.isRunning { kill(pid, SIGKILL) }
            try? FileManager.default.removeItem(atPath: run.folder)
        }
        try run.send("note eins\n", untilEvents: 1)
        // Waiting for the next line, nothing coming: no CPU time goes by (no busy loop).
        let before = Self.cpuTicks(pid)
        try await Task.sleep(for: .seconds(1))
        #expect(Self.cpuTicks(pid) - before < 20, "the wait for input spins")
        kill(pid, SIGTERM)
        let stderr = try run.ended()
        #expect(stderr.contains("stopped (terminated) after 1 input line(s)"), "\(stderr)")
        try await Self.expectSavedAndClosed(run, stderr: stderr, signal: SIGTERM)
    }
}
