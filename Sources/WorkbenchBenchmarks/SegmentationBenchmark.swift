import Annotations
import Foundation

/// Throughput of sentence segmentation (and, for information, tokenization) on a corpus of about
/// 20 MB built from the seed documents.
enum SegmentationBenchmark {
    static let benchmark = Benchmark(
        name: "segmentation",
        summary: "sentence segmentation throughput in MB/s (options: --size MB, --runs N, --seeds DIR)",
        run: run
    )

    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["size", "runs", "seeds"])
        let megabytes = Double(options["size"] ?? "20") ?? 20
        let runs = max(1, Int(options["runs"] ?? "7") ?? 7)
        let seeds = try BenchmarkSupport.seedTexts(in: BenchmarkSupport.seedFolder(options["seeds"]))
        let documents = BenchmarkSupport.corpus(from: seeds, bytes: Int(megabytes * 1_000_000))
        let bytes = documents.reduce(0) { $0 + $1.utf8.count }
        let joined = documents.joined(separator: "\n\n")
        let segmenter = SentenceSegmenter()
        let mb = Double(bytes) / 1_000_000

        print("corpus: \(documents.count) documents, \(String(format: "%.1f", mb)) MB (UTF-8), \(runs) runs, version \(SentenceSegmenter.version)")

        var sentences = 0
        let perDocument = (0..<runs).map { _ in
            BenchmarkSupport.time {
                sentences = 0
                for document in documents { sentences += segmenter.sentenceRanges(in: document).count }
            }
        }
        report("segmentation, per document", mb: mb, seconds: perDocument, extra: "\(sentences) sentences")

        let whole = (0..<runs).map { _ in
            BenchmarkSupport.time { sentences = segmenter.sentenceRanges(in: joined).count }
        }
        report("segmentation, one 20 MB string", mb: Double(joined.utf8.count) / 1_000_000, seconds: whole, extra: "\(sentences) sentences")

        let line = joined.replacingOccurrences(of: "\n", with: " ")
        let single = (0..<max(1, runs / 2)).map { _ in
            BenchmarkSupport.time { sentences = segmenter.sentenceRanges(in: line).count }
        }
        report("segmentation, one line without breaks", mb: Double(line.utf8.count) / 1_000_000, seconds: single, extra: "\(sentences) sentences")

        // Tokenization of every sentence (informative; includes building the token strings).
        let sample = Array(documents.prefix(max(1, documents.count / 10)))
        let sampleMB = Double(sample.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
        var tokenCount = 0
        let tokenizer = Tokenizer()
        let tokenize = (0..<3).map { _ in
            BenchmarkSupport.time {
                tokenCount = 0
                for document in sample {
                    let scalars = Array(document.unicodeScalars)
                    for range in segmenter.sentenceRanges(in: document) {
                        tokenCount += tokenizer.tokens(in: scalars, range: range).count
                    }
                }
            }
        }
        report("segmentation + tokenization", mb: sampleMB, seconds: tokenize, extra: "\(tokenCount) tokens")
    }

    static func report(_ label: String, mb: Double, seconds: [Double], extra: String) {
        let median = BenchmarkSupport.median(seconds)
        let rate = mb / median
        let label = label.padding(toLength: 38, withPad: " ", startingAt: 0)
        print("\(label) median \(String(format: "%7.1f", median * 1000)) ms  \(String(format: "%7.1f", rate)) MB/s  (\(extra))")
    }
}
