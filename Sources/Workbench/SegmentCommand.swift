import Annotations
import ArgumentParser
import Foundation

/// `workbench segment`: print a corpus split into sentences.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a corpus into sentences.",
        discussion: """
            With --format lines: one sentence per line, whitespace collapsed, control characters shown as \
            visible placeholders (␛, <U+009B>). With --format jsonl: one object per sentence with document id, \
            index, scalar offsets, exact text (control characters as JSON escapes) and tokens. With --out DIR: one \
            <document id>.txt (lines) or .jsonl file per document.
            """
    )

    /// Output shapes of `segment`.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case lines, jsonl
    }

    @Argument(help: "Corpus files or folders (.txt, .jsonl). Default: seeds/", completion: CompletionKinds.corpus)
    var paths: [String] = []

    @Option(help: "Output format: lines or jsonl.")
    var format: OutputFormat = .lines

    @Option(help: "Write one file per document into this folder instead of standard output.", completion: CompletionKinds.folder)
    var out: String?

    mutating func run() throws {
        let paths = paths.isEmpty ? ["seeds"] : paths
        let segmented: SegmentedCorpus
        do {
            segmented = try ProgressMeter.run { meter in try CorpusOpening.open(paths: paths, meter: meter) }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(String(describing: error))
        }
        for warning in segmented.corpus.warnings { StandardError.write("warning: \(warning)") }
        if let out {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for document in segmented.documents {
                    let ext = format == .lines ? "txt" : "jsonl"
                    let path = (out as NSString).appendingPathComponent("\(document.document.id).\(ext)")
                    try Data(render(document).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                }
            } catch {
                throw CLIFailure("\(out): cannot write: \(error.localizedDescription)")
            }
        } else {
            var output = StandardOutput()
            for document in segmented.documents {
                if format == .jsonl { output.writeJSON(render(document)) } else { output.write(render(document)) }
            }
            output.flush()
        }
    }

    private func render(_ document: SegmentedDocument) -> String {
        var text = ""
        for sentence in document.sentences {
            switch format {
            case .lines:
                // Text for people: control characters are made visible here too (files included).
                text += TerminalText.sanitize(sentence.collapsedText) + "\n"
            case .jsonl:
                text += SentenceJSON.line(for: sentence) + "\n"
            }
        }
        return text
    }
}
