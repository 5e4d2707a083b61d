/// Values a one-shot command hands over instead of freeing them when it returns: the process exits
/// right afterwards and the system takes back its memory at once, while freeing millions of small
/// objects one by one (a session of 1 000 000 annotations, a corpus, an export bundle) takes
/// seconds. Only for what is dropped just before the process ends (`annotate` keeps its corpus
/// this way after the REPL quits; the session store is still closed as usual).
final class KeptUntilExit<Value>: @unchecked Sendable {
    private let value: Value

    private init(_ value: Value) { self.value = value }

    /// Keeps `value` alive until the process exits.
    static func keep(_ value: Value) {
        _ = Unmanaged.passRetained(KeptUntilExit(value))
    }
}
