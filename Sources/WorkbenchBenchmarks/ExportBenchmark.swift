import Annotations
import Foundation

/// Export benchmark: 1 000 000 annotations (speaker mention, cue and claim in each of 333 334
/// sentences of a corpus built from the seeds) exported to every format; times the bundle
/// preparation, each exporter building its files in memory, and exporting straight to disk
/// through ``ExportWriter`` (what `workbench export` does).
enum ExportBenchmark {
    /// Wall and process CPU seconds of `body` (CPU counts every thread; the machine may be shared).
    static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        func cpuNow() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        let cpuStart = cpuNow()
        let wall = BenchmarkSupport.time(body)
        return (wall, cpuNow() - cpuStart)
    }

    /// The run with the median wall time, as `wall s (cpu s)`.
    static func median(_ runs: [(wall: Double, cpu: Double)]) -> String {
        let sorted = runs.sorted { $0.wall < $1.wall }
        let middle = sorted[sorted.count / 2]
        return String(format: "%.2f s (%.2f s)", middle.wall, middle.cpu)
    }

    /// The benchmark this file registers.
    static let benchmark = Benchmark(
        name: "export", summary: "export 1 000 000 annotations to every format", run: runExportBenchmark)

    /// `export [--annotations N] [--runs N] [--formats a,b] [--seeds DIR] [--keep DIR] [--write-session DIR]`;
    /// `--keep` leaves the written files in DIR (to compare outputs between versions); `--write-session`
    /// only writes the corpus (`DIR/corpus.jsonl`) and the session (`DIR/bench.json`), to time
    /// `workbench export` end to end.
    static func runExportBenchmark(arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["annotations", "runs", "formats", "seeds", "keep", "write-session"])
        let wanted = Int(options["annotations"] ?? "") ?? 1_000_000
        let runs = Int(options["runs"] ?? "") ?? 3
        let formats = try (options["formats"]?.split(separator: ",").map(String.init) ?? ExportFormat.allCases.map(\.rawValue)).map { name in
            guard let format = ExportFormat(rawValue: name) else { throw BenchmarkSupport.UsageError(description: "unknown format \(name)") }
            return format
        }
        let seeds = try BenchmarkSupport.seedTexts(in: BenchmarkSupport.seedFolder(options["seeds"]))
        let sentencesNeeded = (wanted + 2) / 3
        // About 150 bytes per usable sentence in the seeds; grow until there are enough sentences.
        var bytes = sentencesNeeded * 160
        var corpus: SegmentedCorpus
        var usable: [(Int, Sentence)]
        repeat {
            let texts = BenchmarkSupport.corpus(from: seeds, bytes: bytes)
            corpus = SegmentedCorpus(Corpus(documents: texts.enumerated().map { Document(id: "d\($0.offset)", rawText: $0.element) }, paths: ["bench"]))
            usable = corpus.documents.enumerated().flatMap { index, document in document.sentences.filter { $0.tokens.count >= 5 }.map { (index, $0) } }
            bytes = bytes * 3 / 2
        } while usable.count < sentencesNeeded
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "bench", corpus: CorpusReference(corpus), created: "2026-01-01T00:00:00.000Z")
        let time = "2026-01-01T00:00:00.000Z"
        let setup = BenchmarkSupport.time {
            do {
                for number in 1...100 { try session.perform(.add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))), time: time) }
                var made = 0, sentenceNumber = 0
                while made < wanted {
                    let (documentIndex, sentence) = usable[sentenceNumber]
                    sentenceNumber += 1
                    let id = corpus.documents[documentIndex].document.id
                    let tokens = sentence.tokens
                    func anchor(_ first: Int, _ last: Int) throws -> TextAnchor {
                        try builder.anchor(document: id, sentence: sentence.index, segments: [SpanSegment(start: tokens[first].start, end: tokens[last].end)])
                    }
                    let speaker = "S\(sentenceNumber % 100 + 1)"
                    try session.perform(.add(.mention(Mention(id: "M\(sentenceNumber)", anchor: try anchor(0, 1), speaker: speaker))), time: time)
                    made += 1
                    guard made < wanted else { break }
                    try session.perform(.add(.cue(Cue(id: "Q\(sentenceNumber)", anchor: try anchor(2, 2)))), time: time)
                    made += 1
                    guard made < wanted else { break }
                    try session.perform(.add(.claim(Claim(
                        id: "C\(sentenceNumber)", anchor: try anchor(3, tokens.count - 1), speaker: speaker, mention: "M\(sentenceNumber)",
                        cue: "Q\(sentenceNumber)", form: "indirect"))), time: time)
                    made += 1
                }
            } catch {
                print("export benchmark: cannot build the session: \(error)")
                exit(1)
            }
        }
        let state = session.state
        let totalBytes = corpus.documents.reduce(0) { $0 + $1.document.text.utf8.count }
        print(String(format: "corpus: %d documents, %.1f MB; session: %d annotations (built in %.1f s)",
                     corpus.documents.count, Double(totalBytes) / 1e6, state.mentions.count + state.cues.count + state.claims.count, setup))
        if let target = options["write-session"] {
            try writeSession(session, corpus: corpus, to: target)
            return
        }
        var bundle: ExportBundle?
        let prepare = median((0..<runs).map { _ in
            measure { bundle = try? ExportBundle(corpus: corpus, sessions: [ExportSession(label: "bench", annotator: "bench", state: state)]) }
        })
        guard let bundle else { print("export benchmark: cannot prepare the bundle"); exit(1) }
        print("prepare bundle (flatten, sort, index): wall (cpu) \(prepare)")
        print("| format | files | output MB | export in memory, wall (cpu) | export + write to disk, wall (cpu) |")
        print("|---|---|---|---|---|")
        let keep = options["keep"]
        let folder = keep ?? FileManager.default.currentDirectoryPath + "/.bench-export-\(getpid())"
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }
        for format in formats {
            var files: [ExportFile] = []
            let times = (0..<runs).map { _ in measure { files = format.exporter.export(bundle) } }
            let size = files.reduce(0) { $0 + $1.bytes.count }
            let count = files.count
            files = []
            let target = folder + "/" + format.rawValue
            let writes = (0..<runs).map { _ in
                try? FileManager.default.removeItem(atPath: target)
                return measure {
                    do {
                        try ExportWriter(folder: target).write(format.exporter, bundle)
                    } catch {
                        print("export benchmark: \(error)")
                    }
                }
            }
            if keep == nil { try? FileManager.default.removeItem(atPath: target) }
            print(String(format: "| %@ | %d | %.1f | ", format.rawValue, count, Double(size) / 1e6) + "\(median(times)) | \(median(writes)) |")
        }
    }

    /// Writes `corpus` as JSONL and `session` as a session file into `folder` and prints the
    /// command that exports them.
    static func writeSession(_ session: Session, corpus: SegmentedCorpus, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var lines = Data()
        for document in corpus.documents {
            let record = ["id": document.document.id, "text": document.document.text]
            lines.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
            lines.append(0x0A)
        }
        try lines.write(to: URL(fileURLWithPath: folder + "/corpus.jsonl"))
        let file = try LockedSessionFile(path: folder + "/bench.json", now: "2026-01-01T00:00:00.000Z")
        defer { file.release() }
        try file.write(session.file)
        print("wrote \(folder)/corpus.jsonl and \(folder)/bench.json; time e.g.: workbench export \(folder)/bench.json --corpus \(folder)/corpus.jsonl --format brat --out OUT")
    }
}
