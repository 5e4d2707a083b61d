import Annotations
import Foundation

/// Session benchmarks: acknowledged change latency (journal append + fsync), loading a session with
/// 100 000 annotations and its event log, and replaying 1 000 000 events.
enum SessionBenchmark {
    /// The benchmarks this file registers.
    static let benchmarks: [Benchmark] = [
        Benchmark(name: "session-ack", summary: "latency of an acknowledged change (journal append + fsync)", run: runAcknowledge),
        Benchmark(name: "session-load", summary: "load a session with 100 000 annotations and its event log", run: runLoad),
        Benchmark(name: "replay", summary: "replay 1 000 000 events from an empty state", run: runReplay),
    ]

    /// `session-ack`: latency of an acknowledged change.
    static func runAcknowledge(arguments: [String]) {
        withFolder { acknowledgeLatency(folder: $0) }
    }

    /// `session-load`: loading a session with 100 000 annotations. `--saves N` measures only its
    /// save, N times (for a profile of the save without the other measurements).
    static func runLoad(arguments: [String]) throws {
        let saves = try BenchmarkSupport.options(arguments, allowed: ["saves"])["saves"].map { given in
            guard let saves = Int(given), saves > 0 else { throw BenchmarkSupport.UsageError(description: "--saves needs a positive number, not '\(given)'") }
            return saves
        }
        withFolder { loadLargeSession(folder: $0, annotations: 100_000, savesOnly: saves) }
    }

    /// `replay`: replaying 1 000 000 events.
    static func runReplay(arguments: [String]) {
        replay(events: 1_000_000)
    }

    static func withFolder(_ body: (String) -> Void) {
        let folder = FileManager.default.currentDirectoryPath + "/.bench-sessions-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        body(folder)
    }

    static let corpus: SegmentedCorpus = {
        let text = String(repeating: "Kremlsprecher Dmitri Peskow erklärte, die Zusammenarbeit richte sich nicht gegen ein Drittland. ", count: 200)
        return SegmentedCorpus(Corpus(documents: [Document(id: "bench", rawText: text)], paths: ["bench"]))
    }()

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds (user + system) this process has used so far; the machine is shared, so CPU time
    /// is steadier than wall time.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Wall and CPU seconds taken by `body`.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpu = cpuSeconds()
        let wall = try seconds(body)
        return (wall, cpuSeconds() - cpu)
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return sorted[index]
    }

    static func acknowledgeLatency(folder: String) {
        let path = folder + "/latency.json"
        do {
            let store = try SessionStore(path: path, now: Timestamp.now()) {
                Session(annotator: "bench", corpus: CorpusReference(corpus), created: Timestamp.now())
            }
            store.autosaveEvery = 100
            try store.perform(.add(.speaker(Speaker(id: "S1", name: "Dmitri Peskow"))), time: Timestamp.now())
            let builder = AnchorBuilder(corpus: corpus)
            var samples: [Double] = []
            for index in 0..<2000 {
                let sentence = corpus.documents[0].sentences[index % corpus.documents[0].sentences.count]
                let anchor = try builder.anchor(document: "bench", sentence: sentence.index, segments: [SpanSegment(start: sentence.start, end: sentence.start + 27)])
                let id = store.session.state.nextID("M")
                samples.append(try seconds {
                    try store.perform(.add(.mention(Mention(id: id, anchor: anchor, speaker: "S1"))), time: Timestamp.now())
                })
            }
            try store.close()
            print(String(format: "session ack (journal append + fdatasync, autosave every 100): n=2000 median %.3f ms, p99 %.3f ms, max %.3f ms",
                         percentile(samples, 0.5) * 1000, percentile(samples, 0.99) * 1000, (samples.max() ?? 0) * 1000))
        } catch {
            print("session ack: failed: \(error)")
        }
    }

    static func loadLargeSession(folder: String, annotations: Int, savesOnly: Int? = nil) {
        let path = folder + "/large.json"
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "bench", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let sentences = corpus.documents[0].sentences
        do {
            try session.perform(.add(.speaker(Speaker(id: "S1", name: "Dmitri Peskow"))), time: "2026-11-21T10:00:00.000Z")
            for index in 0..<annotations {
                let sentence = sentences[index % sentences.count]
                let anchor = try builder.anchor(document: "bench", sentence: sentence.index, segments: [SpanSegment(start: sentence.start + 38, end: sentence.end)])
                try session.perform(.add(.claim(Claim(id: "C\(index + 1)", anchor: anchor, speaker: "S1", form: "indirect"))), time: "2026-11-21T10:00:01.000Z")
            }
            let target = try LockedSessionFile(path: path, now: "2026-11-21T10:00:00.000Z")
            try target.write(session.file)
            target.release()
            if let savesOnly {
                let saves = try (0..<savesOnly).map { _ in try save(session, folder: folder) }
                print(String(format: "session save (%d annotations; %d runs): median %.0f ms; CPU median %.0f ms", annotations, savesOnly,
                             percentile(saves.map(\.wall), 0.5) * 1000, percentile(saves.map(\.cpu), 0.5) * 1000))
                return
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: SessionPaths(path).log)) + Data(contentsOf: URL(fileURLWithPath: path))
            var samples: [Double] = [], cpu: [Double] = []
            var ordinarySamples: [Double] = [], decode: [Double] = [], replay: [Double] = []
            for _ in 0..<7 {
                // What opening a session does: `SessionStore.load` (map the file, `Session(file:path:)`).
                // The session is freed after the measurement (a user keeps it open).
                var loaded: Session?
                let total = try measure { loaded = try SessionStore.load(path: path) }
                if loaded == nil { print("session load: nothing loaded") }
                loaded = nil
                samples.append(total.wall)
                cpu.append(total.cpu)
                // The ordinary way, for comparison: decode everything, then replay and compare.
                var file: SessionFile?
                let ordinary = try measure {
                    decode.append(try measure { file = try SessionStore.read(path: path).file }.cpu)
                    if let file { replay.append(try measure { loaded = try Session(file: file, path: path) }.cpu) }
                }
                loaded = nil
                file = nil
                ordinarySamples.append(ordinary.wall)
            }
            // The first undo after opening from the snapshot replays the log's events before it once
            // (the undo history); later undos cost what they did.
            var histories: [Double] = []
            for _ in 0..<3 {
                var opened = try SessionStore.load(path: path)
                histories.append(try measure { try opened.loadHistory() }.cpu)
            }
            print(String(format: "  the first undo's history after opening (Session.loadHistory, CPU median of 3): %.0f ms",
                         percentile(histories, 0.5) * 1000))
            // Where opening's CPU goes: decoding the log's lines, replaying them, and (what an opening
            // from the snapshot keeps) hashing the log's bytes to check the snapshot's digest.
            var decodeLog: [Double] = [], replayLog: [Double] = [], digestLog: [Double] = [], decodeSnapshot: [Double] = []
            let logPath = SessionPaths(path).log
            for _ in 0..<5 {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: logPath))
                var contents: SessionLogContents?
                decodeLog.append(try measure { contents = try SessionLogContents(bytes, path: logPath) }.cpu)
                if let contents {
                    replayLog.append(try measure { _ = try AnnotationState.replaying(contents.events, schema: contents.header.schema) }.cpu)
                }
                digestLog.append(measure { _ = bytes.withUnsafeBytes { LogDigest.of($0) } }.cpu)
                decodeSnapshot.append(try measure { _ = try SessionCodec.decode(SessionCodec.contents(ofFile: path), path: path) }.cpu)
            }
            print(String(format: "  opening's parts (CPU medians, 5 runs): decode the log's lines %.0f ms, replay %.0f ms, digest of the log's bytes %.0f ms, read + decode the snapshot's records %.0f ms",
                         percentile(decodeLog, 0.5) * 1000, percentile(replayLog, 0.5) * 1000, percentile(digestLog, 0.5) * 1000,
                         percentile(decodeSnapshot, 0.5) * 1000))
            print(String(format: "session load (%d annotations, %d events, %.1f MB JSON; SessionStore.load, 7 runs): median %.0f ms, max %.0f ms; CPU median %.0f ms",
                         annotations, session.events.count, Double(data.count) / 1e6, percentile(samples, 0.5) * 1000, (samples.max() ?? 0) * 1000,
                         percentile(cpu, 0.5) * 1000))
            // Saving it again (what the REPL does every 50 edits and on leaving): encode and write atomically.
            var saves: [Double] = [], saveCPUs: [Double] = []
            for _ in 0..<3 {
                let save = try save(session, folder: folder)
                saves.append(save.wall)
                saveCPUs.append(save.cpu)
            }
            print(String(format: "session save (%d annotations, %d events; LockedSessionFile.writeSnapshot, 3 runs): median %.0f ms; CPU median %.0f ms",
                         annotations, session.events.count, percentile(saves, 0.5) * 1000, percentile(saveCPUs, 0.5) * 1000))
            print(String(format: "  the ordinary way (read + decode + Session(file:path:)): median %.0f ms (CPU: decode %.0f ms, replay + compare %.0f ms)",
                         percentile(ordinarySamples, 0.5) * 1000, percentile(decode, 0.5) * 1000, percentile(replay, 0.5) * 1000))
        } catch {
            print("session load: failed: \(error)")
        }
    }

    /// One save of `session` as the REPL saves it (`LockedSessionFile.writeSnapshot`: encoded and
    /// written atomically), timed.
    static func save(_ session: Session, folder: String) throws -> (wall: Double, cpu: Double) {
        let target = try LockedSessionFile(path: folder + "/snapshot.json", now: "2026-11-21T10:00:00.000Z")
        defer { target.release() }
        return try measure { try target.writeSnapshot(session.file) }
    }

    static func replay(events count: Int) {
        let builder = AnchorBuilder(corpus: corpus)
        let sentence = corpus.documents[0].sentences[0]
        guard let anchor = try? builder.anchor(document: "bench", sentence: 0, segments: [SpanSegment(start: sentence.start, end: sentence.start + 27)]) else { return }
        var events: [Event] = [Event(seq: 1, time: "t", annotator: "b", action: .add(.speaker(Speaker(id: "S1", name: "Peskow"))))]
        events.reserveCapacity(count)
        var next = 1
        while events.count < count {
            let seq = events.count + 1
            switch seq % 10 {
            case 7: events.append(Event(seq: seq, time: "t", annotator: "b", action: .undo))
            case 8: events.append(Event(seq: seq, time: "t", annotator: "b", action: .redo))
            default:
                events.append(Event(seq: seq, time: "t", annotator: "b", action: .add(.mention(Mention(id: "M\(next)", anchor: anchor, speaker: "S1")))))
                next += 1
            }
        }
        var samples: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<5 {
            let run = measure { _ = try? AnnotationState.replaying(events, schema: .standard) }
            samples.append(run.wall)
            cpu.append(run.cpu)
        }
        let median = percentile(samples, 0.5)
        let cpuMedian = percentile(cpu, 0.5)
        print(String(format: "replay %d events (adds with undo/redo, 5 runs): median %.3f s = %.2f M events/s; CPU median %.3f s = %.2f M events/s per CPU second",
                     count, median, Double(count) / median / 1e6, cpuMedian, Double(count) / cpuMedian / 1e6))
    }
}
