import ArgumentParser
import Foundation
import WorkbenchShell

/// What the shell completion scripts (`--generate-completion-script bash|zsh|fish`) offer for each
/// kind of argument, so every command completes sessions and corpora the same way.
enum CompletionKinds {
    /// Session files: `.json` files (and folders on the way to them).
    static let sessionFile = CompletionKind.file(extensions: ["json"])
    /// Corpus files or folders: `.txt` and `.jsonl` files and folders.
    static let corpus = CompletionKind.file(extensions: ["txt", "jsonl"])
    /// A folder.
    static let folder = CompletionKind.directory
    /// A session name: the names of the sessions in `sessions/` (below the current folder), without
    /// `.json`, that start with what was typed.
    static let sessionName = CompletionKind.custom { _, _, prefix in sessionNames(in: "sessions", prefix: prefix) }

    /// Names of the `.json` files in `folder` (journals and hidden files left out), sorted. A name the
    /// terminal cannot show as it is (a line break, an escape, a bidi control) is left out: it was
    /// offered as its sanitised form, a name no file has (`ev␛]0;x␇il`), or, holding a line break, as
    /// two names, and none of them could be completed to the file.
    static func sessionNames(in folder: String, prefix: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && $0.unicodeScalars.allSatisfy { TerminalText.isSafe($0) } }
            .map { String($0.dropLast(".json".count)) }
            .filter { $0.hasPrefix(prefix) }
            .sorted()
    }
}

extension CompletionKinds {
    /// JSONL files (import).
    static let jsonl = CompletionKind.file(extensions: ["jsonl"])
    /// A schema file (JSON).
    static let schema = CompletionKind.file(extensions: ["json"])
}
