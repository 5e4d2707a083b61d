import Annotations
import Foundation

/// `verify`: `workbench replay SESSION --verify` on a session of 1 000 000 events — the command
/// as a user runs it (the release binary next to this one, timed from spawn to exit), the library
/// call it makes (`SessionVerifier.verify(path:)`: replay the log, compare the snapshot's record
/// bytes), and for comparison the ordinary way (decode into a `SessionFile`, then `verify(_:)`) and
/// replay alone.
enum ReplayBenchmark {
    static let benchmark = Benchmark(
        name: "verify", summary: "replay --verify of a 1 000 000-event session (the command, the in-place and the ordinary way)", run: run)

    static func run(arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["events", "runs", "session", "workbench"])
        let count = Int(options["events"] ?? "") ?? 1_000_000
        let runs = Int(options["runs"] ?? "") ?? 3
        let binary = try REPLBenchmark.workbenchBinary(options["workbench"])
        let folder = NSTemporaryDirectory() + "workbench-verify-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // `--session PATH` keeps the generated file there and reuses it on later runs (generating
        // 1 000 000 events takes longer than verifying them).
        // The command runs in `folder`, so a relative `--session` is made absolute first.
        let given = options["session"].map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        let path = given ?? folder + "/large.json"
        if !FileManager.default.fileExists(atPath: path) {
            let file = try session(events: count)
            let target = try LockedSessionFile(path: path, now: "2026-11-21T10:00:00.000Z")
            try target.write(file)
            target.release()
        }
        var commands: [Double] = [], commandCPUs: [Double] = []
        var inPlaces: [Double] = [], inPlaceCPUs: [Double] = []
        var decodes: [Double] = [], decodeCPUs: [Double] = [], verifies: [Double] = [], verifyCPUs: [Double] = []
        var replays: [Double] = [], replayCPUs: [Double] = []
        var events = 0
        // The command, as a user runs it: all runs first, before this process decodes (and frees)
        // gigabytes of its own, which would make the memory the command gets slower to hand out.
        for _ in 0..<runs {
            let child = try ChildProcess(
                piped: [binary, "replay", path, "--verify"], directory: folder, environment: ["PATH=/usr/bin:/bin", "NO_COLOR=1"],
                input: "/dev/null", output: folder + "/out.txt", errors: folder + "/err.txt")
            let exit = try child.wait()
            let printed = (try? String(contentsOfFile: folder + "/out.txt", encoding: .utf8)) ?? ""
            guard exit.status == 0, printed.contains("verified:") else {
                let errors = (try? String(contentsOfFile: folder + "/err.txt", encoding: .utf8)) ?? ""
                throw BenchmarkSupport.UsageError(description: "workbench replay --verify failed (status \(exit.status)): \(printed)\(errors)")
            }
            commands.append(exit.wall)
            commandCPUs.append(exit.cpu)
        }
        for run in 0..<runs {
            // The library call the command makes, on the mapped file.
            let mapped = try Data(contentsOf: URL(fileURLWithPath: SessionPaths(path).log), options: .alwaysMapped)
            var report: SessionVerifier.Report?
            let inPlace = SessionBenchmark.measure { report = try? SessionVerifier().verify(path: path) }
            inPlaces.append(inPlace.wall)
            inPlaceCPUs.append(inPlace.cpu)
            guard let report, report.isValid else { throw BenchmarkSupport.UsageError(description: "the written session does not verify") }
            if run == 0 {
                events = report.events
                print(String(format: "session: %d events, %d annotations, %.1f MB JSON", report.events, report.annotations, Double(mapped.count) / 1e6))
            }

            // The ordinary way, for comparison: decode everything, then replay and compare.
            var decoded: SessionFile?
            let decode = SessionBenchmark.measure { decoded = try? SessionStore.read(path: path).file }
            decodes.append(decode.wall)
            decodeCPUs.append(decode.cpu)
            guard let decoded else { throw BenchmarkSupport.UsageError(description: "the written session does not decode") }
            let verify = SessionBenchmark.measure { _ = SessionVerifier().verify(decoded) }
            verifies.append(verify.wall)
            verifyCPUs.append(verify.cpu)
            let replay = SessionBenchmark.measure { _ = try? AnnotationState.replaying(decoded.events, schema: decoded.schema) }
            replays.append(replay.wall)
            replayCPUs.append(replay.cpu)
        }
        let median = BenchmarkSupport.median
        print(String(format: "workbench replay --verify (spawn to exit): %.3f s (CPU %.3f s; fastest %.3f s, slowest %.3f s; %d runs)",
                     median(commands), median(commandCPUs), commands.min() ?? 0, commands.max() ?? 0, runs))
        print(String(format: "SessionVerifier.verify(path:), record bytes: %.3f s (CPU %.3f s)", median(inPlaces), median(inPlaceCPUs)))
        print(String(format: "ordinary way: decode %.3f s (CPU %.3f s) + verify %.3f s (CPU %.3f s) = %.3f s",
                     median(decodes), median(decodeCPUs), median(verifies), median(verifyCPUs), median(decodes) + median(verifies)))
        print(String(format: "replay alone: %.3f s = %.2f M events/s (CPU %.3f s)", median(replays), Double(events) / median(replays) / 1e6,
                     median(replayCPUs)))
    }

    /// A session whose log mixes what annotators do: speakers, mentions, cues and claims, edits,
    /// statuses, deletions, undo and redo.
    static func session(events count: Int) throws -> SessionFile {
        let text = "Der Kremlsprecher Dmitri Peskow erklärte am Mittwoch, die Zusammenarbeit richte sich „nicht gegen Dritte“. "
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "bench", rawText: String(repeating: text, count: 50))], paths: ["bench"]))
        let builder = AnchorBuilder(corpus: corpus)
        let sentences = corpus.documents[0].sentences
        var session = Session(annotator: "bench", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        var clock = Date(timeIntervalSince1970: 1_795_255_200)
        var numbers: [Character: Int] = [:]
        func next(_ prefix: Character) -> String {
            numbers[prefix, default: 0] += 1
            return "\(prefix)\(numbers[prefix] ?? 0)"
        }
        var lastClaim: Claim?
        var speaker = "S1"
        while session.events.count < count {
            let seq = session.events.count + 1
            clock += Double(seq % 7) + 0.25
            let time = Timestamp.string(from: clock)
            let sentence = sentences[seq % sentences.count]
            let action: EditAction
            switch seq % 20 {
            case 1:
                speaker = next("S")
                action = .add(.speaker(Speaker(id: speaker, name: "Dmitri Peskow \(seq)")))
            case 2, 12:
                let anchor = try builder.anchor(document: "bench", sentence: sentence.index, segments: [SpanSegment(start: sentence.start + 18, end: sentence.start + 31)])
                action = .add(.mention(Mention(id: next("M"), anchor: anchor, speaker: speaker, role: "Kremlsprecher")))
            case 3, 13:
                let anchor = try builder.anchor(document: "bench", sentence: sentence.index, segments: [SpanSegment(start: sentence.start + 32, end: sentence.start + 40)])
                action = .add(.cue(Cue(id: next("Q"), anchor: anchor)))
            case 4, 5, 14, 15:
                let anchor = try builder.anchor(document: "bench", sentence: sentence.index, segments: [SpanSegment(start: sentence.start + 54, end: sentence.end - 1)])
                let claim = Claim(id: next("C"), anchor: anchor, speaker: speaker, form: "indirect")
                lastClaim = claim
                action = .add(.claim(claim))
            case 6, 16:
                guard var claim = lastClaim else { continue }
                claim.form = claim.form == "direct" ? "indirect" : "direct"
                claim.hedged.toggle()
                lastClaim = claim
                action = .replace(.claim(claim))
            case 7, 17: action = .undo
            case 8: action = .redo
            case 9, 19: action = .setStatus(SentenceKey(document: "bench", sentence: sentence.index), seq % 40 == 9 ? .done : .flagged)
            case 10:
                guard let claim = lastClaim else { continue }
                lastClaim = nil
                action = .delete(claim.id)
            default:
                action = .add(.cue(Cue(id: next("Q"), anchor: try builder.anchor(document: "bench", sentence: sentence.index, segments: [SpanSegment(start: sentence.start + 4, end: sentence.start + 16)]))))
            }
            try session.perform(action, time: time)
        }
        return session.file
    }
}
