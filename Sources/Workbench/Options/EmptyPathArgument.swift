import ArgumentParser

/// An empty string given where a file, folder or session is named (`--corpus ""`, `stats ""`, a
/// shell variable left unset: `--schema "$SCHEMA"`): a usage error naming the option, before
/// anything is read, as `--out ""` is. It was taken as a path, and the message named nothing:
/// "Error: : no such file or folder", ": cannot read the schema file (No such file or directory)".
enum EmptyPathArgument {
    /// Refuses `values` when one of them is empty; `name` is the option (`--corpus`) or what a
    /// positional argument stands for (`a corpus path`), `what` what to give instead.
    static func refuse(_ values: [String], as name: String, naming what: String) throws(ValidationError) {
        if values.contains("") { throw ValidationError("\(name) is empty: name \(what)") }
    }

    /// ``refuse(_:as:naming:)`` for an optional value.
    static func refuse(_ value: String?, as name: String, naming what: String) throws(ValidationError) {
        try refuse(value.map { [$0] } ?? [], as: name, naming: what)
    }

    /// What a corpus argument names.
    static let corpus = "a corpus file or folder (.txt, .jsonl)"
    /// What a session argument names.
    static let session = "a session file, or a session name (sessions/NAME.json)"
}
