import Annotations
import Foundation

/// The REPL's speed, measured on the release `workbench` binary as a user runs it:
///
/// - start to first prompt on the seed corpus through a pseudo-terminal (new session each run, and
///   resumed sessions), and the piped start (`quit` on standard input, spawn to exit);
/// - the durable append alone: a 150-byte append plus `fdatasync` in the session folder;
/// - per-command latency on a generated corpus of `--sentences` sentences: a script of navigation,
///   tagging and view commands piped into `workbench annotate --command-timings FILE` (a hidden
///   diagnostic option that records each command's wall and thread CPU time, from receiving the
///   line until the REPL is ready for the next one). The script runs twice: with the session on
///   disk (every acknowledged edit and cursor move is journaled with `fdatasync`) and on a RAM
///   file system, where `fdatasync` costs next to nothing: that run gives the command's own cost.
///
///     swift build -c release --product workbench
///     swift run -c release WorkbenchBenchmarks repl [--sentences 1000000] [--commands 1400] [--runs 21]
enum REPLBenchmark {
    static let benchmark = Benchmark(
        name: "repl",
        summary: "start to first prompt on seeds/, per-command latency on a large corpus (drives the release workbench binary)",
        run: run)

    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkSupport.options(
            arguments, allowed: ["sentences", "commands", "runs", "seeds", "workbench", "corpus-folder", "fsyncs"])
        guard let sentences = Int(options["sentences"] ?? "1000000"), sentences >= 0,
            let commands = Int(options["commands"] ?? "1400"), commands >= 0,
            let runs = Int(options["runs"] ?? "21"), runs > 0,
            let fsyncs = Int(options["fsyncs"] ?? "500"), fsyncs > 0
        else {
            throw BenchmarkSupport.UsageError(description: "--sentences, --commands and --fsyncs take counts, --runs a positive count")
        }
        let binary = try workbenchBinary(options["workbench"])
        let seeds = absolute(BenchmarkSupport.seedFolder(options["seeds"]))
        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("workbench-repl-bench-\(getpid())")
        let memoryRoot = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : nil
        let memory = memoryRoot.map { ($0 as NSString).appendingPathComponent("workbench-repl-bench-\(getpid())") }
        defer {
            try? FileManager.default.removeItem(atPath: scratch)
            if let memory { try? FileManager.default.removeItem(atPath: memory) }
        }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        print("workbench: \(binary)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage()) at start")

        try startup(binary: binary, seeds: seeds, runs: runs, scratch: scratch, place: "session folder on disk")
        if let memory {
            try FileManager.default.createDirectory(atPath: memory, withIntermediateDirectories: true)
            print("")
            try startup(binary: binary, seeds: seeds, runs: runs, scratch: memory, place: "session folder on a RAM file system: no fsync cost")
        }
        print("")
        print("durable append (150 bytes + fdatasync), n=\(fsyncs):")
        print(durableAppend(folder: scratch, count: fsyncs, label: "session folder on disk"))
        if let memory { print(durableAppend(folder: memory, count: fsyncs, label: "RAM file system")) }
        if sentences > 0 && commands > 0 {
            print("")
            let folder = options["corpus-folder"]
                ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("workbench-repl-corpus-\(sentences)")
            let started = ChildProcess.now()
            let corpus = try REPLCorpus.prepare(seeds: BenchmarkSupport.seedTexts(in: seeds), sentences: sentences, folder: folder)
            let made = Double(ChildProcess.now() - started) / 1e9
            let size = (try? FileManager.default.attributesOfItem(atPath: corpus.path)[.size] as? Int) ?? 0
            print(String(format: "corpus: %@ (%d documents, %d sentences, %.1f MB; ready in %.1f s)",
                         corpus.path, corpus.sentenceCounts.count, corpus.sentences, Double(size) / 1e6, made))
            let script = REPLScript(corpus: corpus, commands: commands)
            for (label, root) in [("session on disk", scratch)] + (memory.map { [("session on a RAM file system", $0)] } ?? []) {
                try commandLatency(binary: binary, corpus: corpus, script: script, folder: root, label: label, timeStart: root == scratch)
            }
        }
        print("")
        print("load average at end: \(loadAverage())")
    }

    // MARK: - Start to first prompt

    static func startup(binary: String, seeds: String, runs: Int, scratch: String, place: String) throws {
        // The hint line comes just before the first prompt; the prompt ends with "›".
        let hint = Array("'quit' leaves".utf8), promptMark = Array("›".utf8)
        // Samples: (wall seconds to the prompt or exit, CPU seconds until the first read of a command).
        var fresh: [(Double, Double)] = [], resumed: [(Double, Double)] = [], piped: [(Double, Double)] = []
        var pipedResumed: [(Double, Double)] = []
        let quit = (scratch as NSString).appendingPathComponent("quit.txt")
        try "quit\n".write(toFile: quit, atomically: true, encoding: .utf8)
        let timings = (scratch as NSString).appendingPathComponent("start-timings.txt")
        let arguments = [binary, "annotate", seeds, "--session", "sessions/bench.json", "--annotator", "bench", "--command-timings", timings]
        // One run first to warm the file cache and the dynamic loader.
        for run in -1..<runs {
            let folder = (scratch as NSString).appendingPathComponent("start-\(run + 1)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for isResumed in [false, true] {
                let child = try ChildProcess(terminal: arguments, directory: folder, environment: environment(home: folder))
                let afterHint = try child.waitFor(hint).end
                let seen = try child.waitFor(promptMark, from: afterHint).time
                child.type("quit\r")
                let exit = try child.wait()
                guard exit.status == 0 else { throw ChildProcess.Failure(description: "workbench exited with \(exit.status) in \(folder)") }
                let sample = (Double(seen - child.started) / 1e9, try readTimings(timings).first?.cpu ?? 0)
                if run >= 0 { if isResumed { resumed.append(sample) } else { fresh.append(sample) } }
                if !isResumed { try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("sessions")) }
            }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("sessions"))
            for isResumed in [false, true] {
                let child = try ChildProcess(
                    piped: arguments, directory: folder, environment: environment(home: folder), input: quit,
                    output: (folder as NSString).appendingPathComponent("out.txt"), errors: (folder as NSString).appendingPathComponent("err.txt"))
                let exit = try child.wait()
                guard exit.status == 0 else { throw ChildProcess.Failure(description: "piped workbench exited with \(exit.status) in \(folder)") }
                let cpu = try readTimings(timings).first?.cpu ?? 0
                if run >= 0 { if isResumed { pipedResumed.append((exit.wall, cpu)) } else { piped.append((exit.wall, cpu)) } }
            }
        }
        print("start to first prompt on \(seeds), \(place) (\(runs) runs each; ms; CPU = the child's CPU time until it first waits for a command):")
        print("| start | wall median | wall p90 | CPU median | CPU p90 |")
        print("|---|---|---|---|---|")
        for (label, samples) in [
            ("terminal, new session (spawn → prompt)", fresh), ("terminal, resumed session (spawn → prompt)", resumed),
            ("piped, new session (spawn → exit after `quit`)", piped), ("piped, resumed session (spawn → exit after `quit`)", pipedResumed),
        ] {
            let wall = samples.map(\.0), cpu = samples.map(\.1)
            print(String(format: "| %@ | %.1f | %.1f | %.1f | %.1f |", label,
                         percentile(wall, 0.5) * 1000, percentile(wall, 0.9) * 1000, percentile(cpu, 0.5) * 1000, percentile(cpu, 0.9) * 1000))
        }
    }

    // MARK: - Durable append

    static func durableAppend(folder: String, count: Int, label: String) -> String {
        let path = (folder as NSString).appendingPathComponent("append-probe.journal")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return "| \(label) | cannot open \(path): \(String(cString: strerror(errno))) |" }
        defer {
            close(descriptor)
            unlink(path)
        }
        let line = Array((String(repeating: "x", count: 149) + "\n").utf8)
        var samples: [Double] = []
        for _ in 0..<count {
            samples.append(BenchmarkSupport.time {
                _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                _ = fdatasync(descriptor)
            })
        }
        return String(format: "| %@ | median %.3f ms | p99 %.3f ms | max %.3f ms |", label,
                      percentile(samples, 0.5) * 1000, percentile(samples, 0.99) * 1000, (samples.max() ?? 0) * 1000)
    }

    // MARK: - Commands

    static func commandLatency(binary: String, corpus: REPLCorpus, script: REPLScript, folder root: String, label: String, timeStart: Bool) throws {
        let folder = (root as NSString).appendingPathComponent("commands")
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let timings = (folder as NSString).appendingPathComponent("timings.txt")
        let input = (folder as NSString).appendingPathComponent("script.txt")
        let output = (folder as NSString).appendingPathComponent("out.txt")
        let arguments = [binary, "annotate", corpus.path, "--session", "sessions/bench.json", "--annotator", "bench", "--command-timings", timings]

        if timeStart {
            // The same start with no commands: what the start costs on this corpus.
            try "quit\n".write(toFile: input, atomically: true, encoding: .utf8)
            let empty = try ChildProcess(
                piped: arguments, directory: folder, environment: environment(home: folder), input: input, output: output, errors: output + ".err"
            ).wait()
            let startCPU = try readTimings(timings).first.map { $0.cpu } ?? 0
            try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("sessions"))
            print(String(format: "start on this corpus with no commands (spawn → exit after `quit`): wall %.2f s, CPU %.2f s (%.2f s CPU until the first read)",
                         empty.wall, empty.cpu, startCPU))
        }

        try script.text.write(toFile: input, atomically: true, encoding: .utf8)
        let exit = try ChildProcess(piped: arguments, directory: folder, environment: environment(home: folder), input: input, output: output, errors: output + ".err").wait()
        let commands = try readTimings(timings, label: "command"), autosaves = try readTimings(timings, label: "autosave")
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let errors = printed.split(separator: "\n").filter { $0.hasPrefix("error:") }
        print("commands, \(label): \(script.labels.count) commands; exit \(exit.status), \(errors.count) rejected")
        print(String(format: "  whole scripted run: wall %.2f s, CPU %.2f s (%.2f s CPU until the first read)", exit.wall, exit.cpu,
                     try readTimings(timings).first?.cpu ?? 0))
        for line in errors.prefix(5) { print("  (rejected: \(line.prefix(160)))") }
        guard commands.count == script.labels.count + 1 else {
            throw ChildProcess.Failure(description: "\(commands.count) timed commands for \(script.labels.count + 1) lines; see \(output).err")
        }
        var byClass: [String: [(wall: Double, cpu: Double)]] = [:]
        for (label, entry) in zip(script.labels, commands) { byClass[label, default: []].append(entry) }
        print("| command | class | n | wall median | wall p99 | wall max | CPU median | CPU p99 |")
        print("|---|---|---|---|---|---|---|---|")
        for group in REPLScript.Group.allCases {
            var all: [(wall: Double, cpu: Double)] = []
            for name in script.order where REPLScript.group(of: name) == group {
                guard let samples = byClass[name] else { continue }
                // A search whose match is far away scans the corpus; it is reported on its own line only.
                if name != REPLScript.farSearch { all += samples }
                print(row(name, group.rawValue, samples))
            }
            if !all.isEmpty, group != .view {
                print(row("**all \(group.rawValue)**" + (group == .navigation ? " (without the far-away search)" : ""), group.rawValue, all))
            }
        }
        if !autosaves.isEmpty { print(row("autosave (after the answer, every 50 edits)", "session", autosaves)) }
    }

    private static func row(_ name: String, _ group: String, _ samples: [(wall: Double, cpu: Double)]) -> String {
        let wall = samples.map(\.wall), cpu = samples.map(\.cpu)
        return String(format: "| %@ | %@ | %d | %.3f | %.3f | %.3f | %.3f | %.3f |", name, group, samples.count,
                      percentile(wall, 0.5) * 1000, percentile(wall, 0.99) * 1000, (wall.max() ?? 0) * 1000,
                      percentile(cpu, 0.5) * 1000, percentile(cpu, 0.99) * 1000)
    }

    /// The entries of a `--command-timings` file, in seconds.
    static func readTimings(_ path: String, label: String = "start") throws -> [(wall: Double, cpu: Double)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0] == label, let wall = Double(fields[1]), let cpu = Double(fields[2]) else { return nil }
            return (wall / 1e9, cpu / 1e9)
        }
    }

    // MARK: - Helpers

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func environment(home: String) -> [String] {
        let inherited = ProcessInfo.processInfo.environment
        return ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(home)", "PATH=\(inherited["PATH"] ?? "/usr/bin:/bin")"]
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// `--workbench`, else the `workbench` built next to this benchmark.
    static func workbenchBinary(_ option: String?) throws -> String {
        if let option { return absolute(option) }
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = own.deletingLastPathComponent().appendingPathComponent("workbench").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchmarkSupport.UsageError(description: "no workbench binary at \(sibling); build it first: swift build -c release --product workbench (or pass --workbench PATH)")
        }
        return sibling
    }
}
