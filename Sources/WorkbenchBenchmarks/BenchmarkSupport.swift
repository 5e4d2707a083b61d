import Foundation

/// Helpers shared by the benchmarks: option parsing, timing and the seed corpus.
enum BenchmarkSupport {
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses `--name value` options into a dictionary; rejects unknown names.
    static func options(_ arguments: [String], allowed: Set<String>) throws -> [String: String] {
        var result: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), allowed.contains(String(argument.dropFirst(2))) else {
                throw UsageError(description: "unknown option '\(argument)'; options: \(allowed.sorted().map { "--" + $0 }.joined(separator: ", "))")
            }
            guard index + 1 < arguments.count else { throw UsageError(description: "\(argument) needs a value") }
            result[String(argument.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
        return result
    }

    /// Seconds taken by `body`.
    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The seed folder: `--seeds`, else `seeds/` in the working directory, else the package's own.
    static func seedFolder(_ option: String?) -> String {
        if let option { return option }
        if FileManager.default.fileExists(atPath: "seeds") { return "seeds" }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent("seeds").path
    }

    /// Texts of the `.txt` files of a folder, in file-name order.
    static func seedTexts(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw UsageError(description: "\(folder): no .txt files") }
        return try names.map { try String(contentsOfFile: (folder as NSString).appendingPathComponent($0), encoding: .utf8) }
    }

    /// About `bytes` bytes of documents made by repeating the seeds with small variations, so that
    /// no two copies are identical: numbers change, some words are swapped, some sentences are
    /// glued or get abbreviations, quotes change style.
    static func corpus(from seeds: [String], bytes target: Int) -> [String] {
        var documents: [String] = []
        var total = 0
        var copy = 0
        let swaps: [(String, String)] = [
            ("Russland", "Russland (RU)"), ("Mittwoch", "Mi. 7. Jan."), ("Botschafter", "Dr. Botschafter"),
            ("«", "„"), ("»", "“"), (" sagte ", " sagte z. B. "), ("Soldaten", "Soldat*innen"),
            ("Pjöngjang", "Pjöngjang (Nordkorea)"), (". ", ".  "), ("Ukraine", "Ukraine 🇺🇦"),
        ]
        while total < target {
            for (number, seed) in seeds.enumerated() {
                var text = seed
                let swap = swaps[(copy + number) % swaps.count]
                text = text.replacingOccurrences(of: swap.0, with: swap.1)
                text = text.replacingOccurrences(of: "10.000", with: "\(10 + copy % 90).000")
                text += "\n\nKopie \(copy), Nr. \(number). Stand: \(1 + copy % 28). Oktober 2024, ca. \(copy % 1000) Leser."
                documents.append(text)
                total += text.utf8.count
                if total >= target { break }
            }
            copy += 1
        }
        return documents
    }
}
