import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// `workbench segment`: print a corpus split into sentences.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a corpus into sentences.",
        discussion: """
            With --format lines: one sentence per line, whitespace collapsed, control characters shown as \
            visible placeholders (␛, <U+009B>). With --format jsonl: one object per sentence with document id, \
            index, scalar offsets, exact text (control characters as JSON escapes) and tokens. Tokens (--tokens): \
            offsets (default) writes "tokens":[[start,end],…] as scalar offsets into the sentence text \
            (end-exclusive; a token's text is that slice of "text", its document offsets these plus "start"), "kinds" with one letter per token \
            (w word, n number, q quote, p punctuation, s symbol) and "space_after" as 0/1 per token; full writes each \
            token as an object with index, start, end, text, kind and space_after; none leaves tokens out. With \
            --out DIR: one <document id>.txt (lines) or .jsonl file per document (named as export names files: / \\ and \
            other characters unsafe in file names percent-encoded), put in place only once all are \
            written (Ctrl-C or an error leaves none of them; other files in DIR stay).
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

    @Option(help: "Tokens in jsonl: offsets ([start,end] pairs, kinds, space_after; the default), full (one object per token) or none.")
    var tokens: SegmentTokenFormat?

    @Option(help: "Write one file per document into this folder instead of standard output.", completion: CompletionKinds.folder)
    var out: String?

    mutating func validate() throws {
        if format == .lines, tokens != nil {
            throw ValidationError("--tokens applies to --format jsonl only (lines never carry tokens)")
        }
        if out?.isEmpty == true { throw ValidationError("--out is empty: name the folder to write into") }
        try EmptyPathArgument.refuse(paths, as: "a corpus path", naming: EmptyPathArgument.corpus)
    }

    mutating func run() throws {
        let chosen = try DefaultCorpus.paths(paths, naming: "workbench segment CORPUS…")
        if let out {
            // Loading and writing under one meter, so Ctrl-C at any point stops cleanly.
            try ProgressMeter.run { meter in
                let corpus = try CLIFailure.from { try CorpusOpening.load(paths: chosen, meter: meter) }
                for warning in corpus.warnings { StandardError.write("warning: \(warning)") }
                try write(corpus, to: out, meter: meter)
            }
            return
        }
        let corpus = try ProgressMeter.run { meter in try CLIFailure.from { try CorpusOpening.load(paths: chosen, meter: meter) } }
        for warning in corpus.warnings { StandardError.write("warning: \(warning)") }
        var output = StandardOutput()
        var bytes: [UInt8] = []
        let format = self.format
        let tokens = self.tokens ?? .offsets
        // Written in chunks of whole lines as they are made.
        let drain: (inout [UInt8]) -> Void = { chunk in
            switch format {
            case .lines: output.write(utf8: chunk)
            case .jsonl: output.writeJSON(utf8: chunk)
            }
            chunk.removeAll(keepingCapacity: true)
        }
        for document in corpus.documents {
            switch format {
            case .lines: SegmentOutput.appendLines(of: document, to: &bytes, drain: drain)
            case .jsonl: SegmentOutput.writeJSONLines(of: document, tokens: tokens) { output.writeJSON(utf8: $0) }
            }
        }
        drain(&bytes)
        output.flush()
    }

    /// Writes one file per document into `out`: staged first and put in place only when all are
    /// written (see ``StagedFolder``), so Ctrl-C, a full disk or an error leaves no file of the run.
    private func write(_ corpus: Corpus, to out: String, meter: ProgressMeter) throws {
        let ext = format == .lines ? "txt" : "jsonl"
        meter.begin("writing segments to \(out)", total: corpus.documents.count, unit: .items("documents"))
        try meter.writing {
            let staged = try StagedFolder(folder: out)
            do {
                let names = ExportText.fileNames(corpus.documents.map(\.id))
                for (document, name) in zip(corpus.documents, names) {
                    try meter.checkStop()
                    // Lines are text for people: control characters are made visible in files too.
                    let bytes = format == .lines ? TerminalText.sanitize(utf8: render(document), keepNewlines: true) : render(document)
                    // Named as the exports name files: a document id never reaches outside the folder, and
                    // ids differing only in case stay apart where the file system ignores case.
                    try staged.add(name: "\(name).\(ext)", bytes: bytes)
                    meter.advance()
                }
                try meter.checkStop()
                _ = try staged.publish()
            } catch {
                staged.abandon()
                throw error
            }
        }
    }

    /// The output for one document as UTF-8, before sanitising (see ``SegmentOutput``: no
    /// per-sentence values, no tokens for lines).
    private func render(_ document: Document) -> [UInt8] {
        var bytes: [UInt8] = []
        switch format {
        case .lines: SegmentOutput.appendLines(of: document, to: &bytes)
        case .jsonl: SegmentOutput.appendJSONLines(of: document, to: &bytes, tokens: tokens ?? .offsets)
        }
        return bytes
    }
}

extension SegmentTokenFormat: ExpressibleByArgument {}
