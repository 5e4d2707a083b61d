import Annotations
import Foundation

/// One input format the fuzzer feeds with arbitrary bytes. Every target must only ever return or
/// throw the format's own error: a crash, a hang or a sanitizer report is a finding.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// The session readers: the same bytes as a format-1 file (`SessionCodec.decode`, then `Session(file:path:)`) and as a
    /// format-2 log (`SessionLogContents`, then replaying it).
    case session
    /// The REPL command lexer, then the span parser on every word, resolved against a sentence.
    case command
    /// `CorpusLoader` on a `.txt` file, then segmentation and tokenization.
    case corpusText = "corpus-txt"
    /// `CorpusLoader` on a `.jsonl` file, then segmentation and tokenization.
    case corpusJSONL = "corpus-jsonl"
    /// `BratImporter` on a folder: the input holds `.ann`, `speakers.tsv`, `targets.tsv` and
    /// `stances.tsv`, separated by ``FuzzInputParts/separator``.
    case brat
    /// `JSONLImporter` on one JSON Lines file.
    case jsonl

    /// Feeds `data` to the target.
    func run(_ data: Data, in workspace: FuzzWorkspace) {
        switch self {
        case .session:
            _ = try? Session(file: SessionCodec.decode(data, path: "fuzz.json"), path: "fuzz.json")
            _ = try? Session.replaying(logBytes: data, path: "fuzz.jsonl")
        case .command:
            CommandFuzzing.run(String(decoding: data, as: UTF8.self), corpus: workspace.corpus)
        case .corpusText:
            Self.loadCorpusFile(data, named: "doc.txt", in: workspace)
        case .corpusJSONL:
            Self.loadCorpusFile(data, named: "docs.jsonl", in: workspace)
        case .brat:
            let parts = FuzzInputParts.split(data, count: 4)
            let folder = workspace.folder
            let documentName = workspace.corpus.documents[0].document.id
            workspace.write(parts[0], to: "\(documentName).ann")
            workspace.write(parts[1], to: "speakers.tsv")
            workspace.write(parts[2], to: "targets.tsv")
            workspace.write(parts[3], to: "stances.tsv")
            _ = try? BratImporter().load(folder: folder, corpus: workspace.corpus, annotator: nil, time: FuzzWorkspace.time)
        case .jsonl:
            let path = workspace.write(data, to: "import.jsonl")
            _ = try? JSONLImporter().load(paths: [path], corpus: workspace.corpus, annotator: nil, time: FuzzWorkspace.time)
        }
    }

    private static func loadCorpusFile(_ data: Data, named name: String, in workspace: FuzzWorkspace) {
        let path = workspace.write(data, to: name)
        guard let documents = try? CorpusLoader().loadFile(path) else { return }
        let segmented = SegmentedCorpus(Corpus(documents: documents, paths: [path]))
        _ = segmented.documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.tokens.count } }
    }
}

/// Splits one fuzz input into the several files a target reads.
enum FuzzInputParts {
    /// Separates the parts: the byte 0x01 (SOH), which no seed file holds.
    static let separator: UInt8 = 0x01

    /// `count` parts of `data` (missing parts are empty; the last part keeps later separators).
    static func split(_ data: Data, count: Int) -> [Data] {
        var parts = data.split(separator: separator, maxSplits: count - 1, omittingEmptySubsequences: false).map { Data($0) }
        while parts.count < count { parts.append(Data()) }
        return parts
    }
}
