import Annotations
import Foundation

/// `suggest-speed [--size MB] [--runs N] [--seeds DIR]`: the suggestion engine alone on a corpus made
/// from the seeds (segmentation excluded), and the cost of one REPL call: the proposals of one
/// sentence, which runs the rules on the sentence's whole document.
enum SuggestionSpeedBenchmark {
    static let benchmark = Benchmark(
        name: "suggest-speed", summary: "suggestion engine throughput and per-sentence cost (--size MB --runs N --seeds DIR)",
        run: run)

    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["size", "runs", "seeds"])
        let megabytes = Int(options["size"] ?? "20") ?? 20
        let runs = max(1, Int(options["runs"] ?? "3") ?? 3)
        let seeds = try BenchmarkSupport.seedTexts(in: BenchmarkSupport.seedFolder(options["seeds"]))
        let texts = BenchmarkSupport.corpus(from: seeds, bytes: megabytes << 20)
        let documents = texts.enumerated().map { SegmentedDocument(Document(id: "d\($0.offset)", rawText: $0.element)) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let sentences = documents.reduce(0) { $0 + $1.sentences.count }
        let suggester = AttributionSuggester()
        var proposals = 0
        var times: [Double] = []
        var cpuTimes: [Double] = []
        for _ in 0..<runs {
            let cpuStart = cpuSeconds()
            times.append(BenchmarkSupport.time {
                proposals = documents.reduce(0) { $0 + suggester.suggestions(for: $1).count }
            })
            cpuTimes.append(cpuSeconds() - cpuStart)
        }
        let seconds = BenchmarkSupport.median(times)
        let cpu = BenchmarkSupport.median(cpuTimes)
        print(String(format: "engine: %.1f MB, %d documents, %d sentences, %d proposals: median %.3f s wall = %.1f MB/s, %.3f s CPU = %.1f MB/s, %.1f µs CPU per sentence",
            Double(bytes) / 1_048_576, documents.count, sentences, proposals, seconds, Double(bytes) / 1_048_576 / seconds,
            cpu, Double(bytes) / 1_048_576 / cpu, cpu / Double(max(1, sentences)) * 1e6))
        // One REPL call per seed sentence: the proposals of that sentence.
        var worst = 0.0
        var total = 0.0
        var calls = 0
        for document in documents.prefix(seeds.count) {
            for sentence in document.sentences {
                let start = cpuSeconds()
                _ = suggester.suggestions(for: document, sentence: sentence.index)
                let time = cpuSeconds() - start
                worst = max(worst, time)
                total += time
                calls += 1
            }
        }
        print(String(format: "REPL: %d calls (one per seed sentence): CPU mean %.3f ms, worst %.3f ms", calls, total / Double(max(1, calls)) * 1e3, worst * 1e3))
    }

    /// CPU time of this thread, so a busy host shows in wall time but not here.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
