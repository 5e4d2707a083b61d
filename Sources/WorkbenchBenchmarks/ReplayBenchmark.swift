import Annotations
import Foundation

/// `verify`: what `workbench replay SESSION --verify` does with a session of 1 000 000 events —
/// read and decode the file, check the log's order, replay it from an empty state and compare the
/// result with the stored annotations — timed per phase.
enum ReplayBenchmark {
    static let benchmark = Benchmark(
        name: "verify", summary: "replay --verify of a 1 000 000-event session (decode + replay + compare)", run: run)

    static func run(arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["events", "runs", "session"])
        let count = Int(options["events"] ?? "") ?? 1_000_000
        let runs = Int(options["runs"] ?? "") ?? 3
        let folder = NSTemporaryDirectory() + "workbench-verify-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // `--session PATH` keeps the generated file there and reuses it on later runs (generating
        // 1 000 000 events takes longer than verifying them).
        let path = options["session"] ?? folder + "/large.json"
        if !FileManager.default.fileExists(atPath: path) {
            let file = try session(events: count)
            let data = try SessionCodec.encode(file)
            try data.write(to: URL(fileURLWithPath: path))
        }
        var reads: [Double] = [], decodes: [Double] = [], verifies: [Double] = [], replays: [Double] = []
        var cpuTotals: [Double] = [], cpuReplays: [Double] = [], cpuDecodes: [Double] = [], cpuVerifies: [Double] = []
        var events = 0
        for run in 0..<runs {
            let cpuStart = SessionBenchmark.cpuSeconds()
            var bytes = Data()
            reads.append(BenchmarkSupport.time { bytes = FileManager.default.contents(atPath: path) ?? Data() })
            var decoded: SessionFile?
            let decode = SessionBenchmark.measure { decoded = try? SessionCodec.decode(bytes, path: path) }
            decodes.append(decode.wall)
            cpuDecodes.append(decode.cpu)
            guard let decoded else { throw BenchmarkSupport.UsageError(description: "the written session does not decode") }
            var report: SessionVerifier.Report?
            let verify = SessionBenchmark.measure { report = SessionVerifier().verify(decoded) }
            verifies.append(verify.wall)
            cpuVerifies.append(verify.cpu)
            cpuTotals.append(SessionBenchmark.cpuSeconds() - cpuStart)
            guard let report, report.isValid else { throw BenchmarkSupport.UsageError(description: "the written session does not verify") }
            if run == 0 {
                events = report.events
                print(String(format: "session: %d events, %d annotations, %.1f MB JSON", report.events, report.annotations, Double(bytes.count) / 1e6))
            }
            let replay = SessionBenchmark.measure { _ = try? AnnotationState.replaying(decoded.events, schema: decoded.schema) }
            replays.append(replay.wall)
            cpuReplays.append(replay.cpu)
        }
        let read = BenchmarkSupport.median(reads), decode = BenchmarkSupport.median(decodes)
        let verify = BenchmarkSupport.median(verifies), replay = BenchmarkSupport.median(replays)
        print(String(format: "read file: %.3f s", read))
        print(String(format: "decode JSON: %.3f s (CPU %.3f s)", decode, BenchmarkSupport.median(cpuDecodes)))
        print(String(format: "verify (order check + replay + compare): %.3f s (CPU %.3f s)", verify, BenchmarkSupport.median(cpuVerifies)))
        print(String(format: "replay alone: %.3f s = %.2f M events/s (CPU %.3f s)", replay, Double(events) / replay / 1e6,
                     BenchmarkSupport.median(cpuReplays)))
        print(String(format: "total replay --verify: %.3f s (median of %d runs; CPU median %.3f s)", read + decode + verify, runs,
                     BenchmarkSupport.median(cpuTotals)))
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
