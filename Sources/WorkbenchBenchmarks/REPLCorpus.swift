import Annotations
import Foundation

/// A large German-like corpus for the REPL benchmark: one JSONL file of documents made from the
/// seed documents with small variations (see ``BenchmarkSupport/corpus(from:bytes:)``), with at
/// least the requested number of sentences. Kept in a folder and reused while its parameters match.
struct REPLCorpus {
    /// The JSONL file.
    let path: String
    /// Sentences per document, in corpus order (as the segmenter counts them after normalisation).
    let sentenceCounts: [Int]

    /// All sentences.
    var sentences: Int { sentenceCounts.reduce(0, +) }

    private static let formatVersion = "1"

    /// The corpus in `folder`, made there first when missing or made for other parameters.
    static func prepare(seeds: [String], sentences target: Int, folder: String) throws -> REPLCorpus {
        let path = (folder as NSString).appendingPathComponent("corpus.jsonl")
        let countsPath = (folder as NSString).appendingPathComponent("sentence-counts.txt")
        let header = "format \(formatVersion) sentences \(target) segmenter \(SentenceSegmenter.version) seeds \(seeds.map(\.utf8.count).reduce(0, +))"
        if FileManager.default.fileExists(atPath: path), let saved = try? String(contentsOfFile: countsPath, encoding: .utf8) {
            let lines = saved.split(separator: "\n")
            if lines.first.map(String.init) == header {
                let counts = lines.dropFirst().compactMap { Int($0) }
                if counts.count == lines.count - 1, !counts.isEmpty { return REPLCorpus(path: path, sentenceCounts: counts) }
            }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let segmenter = SentenceSegmenter()
        var counts: [Int] = []
        var total = 0
        var output = Data()
        output.reserveCapacity(target * 160)
        // One seed round at a time, about 30 KB, until the sentence count is reached.
        var round = 0
        while total < target {
            let documents = Self.round(round, seeds: seeds)
            round += 1
            for (number, text) in documents.enumerated() where total < target {
                let id = "d\(counts.count + 1)"
                let document = Document(id: id, title: "Meldung \(round)-\(number + 1)", rawText: text)
                let count = segmenter.sentenceRanges(in: document.text).count
                guard count > 0 else { continue }
                let line = try JSONSerialization.data(withJSONObject: ["id": id, "title": document.title ?? "", "text": text], options: [.sortedKeys])
                output.append(line)
                output.append(0x0A)
                counts.append(count)
                total += count
            }
        }
        try output.write(to: URL(fileURLWithPath: path), options: .atomic)
        try (([header] + counts.map(String.init)).joined(separator: "\n") + "\n").write(toFile: countsPath, atomically: true, encoding: .utf8)
        return REPLCorpus(path: path, sentenceCounts: counts)
    }

    /// The seed documents varied for copy `copy` (numbers, abbreviations, quote styles, spacing).
    private static func round(_ copy: Int, seeds: [String]) -> [String] {
        let swaps: [(String, String)] = [
            ("Russland", "Russland (RU)"), ("Mittwoch", "Mi. 7. Jan."), ("Botschafter", "Dr. Botschafter"),
            ("«", "„"), ("»", "“"), (" sagte ", " sagte z. B. "), ("Soldaten", "Soldat*innen"),
            ("Pjöngjang", "Pjöngjang (Nordkorea)"), (". ", ".  "), ("Ukraine", "Ukraine 🇺🇦"),
        ]
        return seeds.enumerated().map { number, seed in
            let swap = swaps[(copy + number) % swaps.count]
            var text = seed.replacingOccurrences(of: swap.0, with: swap.1)
            text = text.replacingOccurrences(of: "10.000", with: "\(10 + copy % 90).000")
            return text + "\n\nKopie \(copy), Nr. \(number). Stand: \(1 + copy % 28). Oktober 2024, ca. \(copy % 1000) Leser."
        }
    }
}
