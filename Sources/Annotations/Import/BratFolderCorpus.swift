import Foundation

/// The `.txt` files of a brat folder read as the corpus (`import brat DIR` without `--corpus`),
/// with the document ids an export wrote into their names. A `.txt` file's name is its document id
/// when a folder is read as a corpus, so `a%2Fb.txt` (an export's name for `a/b`) or `%52utte.txt`
/// (for `Rutte` beside `rutte`) gave the documents `a%2Fb` and `%52utte`, which the next export
/// encoded again (`a%252Fb`). Here such a document gets the id its name encodes
/// (``ExportText/documentID(fileName:named:)``); the documents then no longer match their file
/// names, so the caller writes them as a JSONL corpus (``jsonl``) that the session refers to.
///
/// A name an export cut for length (ending in `%-` and 16 hex digits) keeps only a digest of its
/// id: the id cannot be restored from it, and ``notes`` says so.
public struct BratFolderCorpus: Sendable {
    /// The documents, each with the id its file name encodes.
    public let documents: [Document]
    /// How many documents got an id other than their file name.
    public let renamed: Int
    /// What could not be restored, one line per file (names cut for length; two names encoding one id).
    public let notes: [String]

    /// Reads the ids of `documents`, loaded from `folder` (ids are file names without `.txt`).
    public init(_ documents: [Document], folder: String) {
        let names = Set(documents.map(\.id))
        var decoded: [String: String] = [:]  // name → id it encodes, when another
        var claimed: [String: Int] = [:]
        for name in names {
            let id = ExportText.documentID(fileName: name)
            guard id != name else { continue }
            decoded[name] = id
            claimed[id, default: 0] += 1
        }
        var notes: [String] = []
        var renamed = 0
        self.documents = documents.map { document in
            var document = document
            let file = (folder as NSString).appendingPathComponent(document.id + ".txt")
            if let id = decoded[document.id] {
                // Two names of one id (`Rutte.txt` beside `%52utte.txt`), or the id a name of its own.
                if claimed[id, default: 0] > 1 || names.contains(id) {
                    notes.append("\(file): its name encodes the document id '\(id)', which another file of the folder has too; imported as '\(document.id)' (pass --corpus with the corpus the export was made from to keep the ids)")
                } else {
                    document.id = id
                    renamed += 1
                }
            } else if ExportText.isShortened(document.id) {
                notes.append("\(file): an export cut this name for length; the document id it stood for cannot be restored from the name, so it is imported as '\(document.id)' (pass --corpus with the corpus the export was made from to keep the id)")
            }
            return document
        }
        self.renamed = renamed
        self.notes = notes.sorted()
    }

    /// The documents as a JSONL corpus: one `{"id": …, "text": …}` line each, the text as loaded
    /// (normalised), in the order given.
    public var jsonl: [UInt8] {
        CorpusJSONL.bytes(documents.lazy.map { ["id": $0.id, "text": $0.text] })
    }
}
