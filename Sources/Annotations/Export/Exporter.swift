/// Turns an ``ExportBundle`` into files of one format. Exporters are pure: the same bundle gives
/// byte-identical files. They write into an ``ExportOutput``, which keeps the files in memory
/// (``export(_:)``) or streams them to disk (``ExportWriter/write(_:_:)``).
public protocol Exporter: Sendable {
    /// The format produced.
    var format: ExportFormat { get }
    /// Writes the files for a bundle into `output`, in a stable order.
    func write(_ bundle: ExportBundle, to output: inout ExportOutput)
    /// What the files hold of the bundle: kinds the format has no place for count 0.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts
    /// What the files hold differently from the sessions (text changed to fit the format), one
    /// message each, for the user to read before relying on the files; empty when nothing changed.
    func notices(_ bundle: ExportBundle) -> [String]
}

extension Exporter {
    /// By default a format holds everything.
    public func writtenCounts(_ bundle: ExportBundle) -> ExportCounts { bundle.counts }

    /// By default a format holds every text as it is.
    public func notices(_ bundle: ExportBundle) -> [String] { [] }

    /// The files for a bundle, in memory, in a stable order.
    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        var output = ExportOutput()
        write(bundle, to: &output)
        return output.files
    }
}
