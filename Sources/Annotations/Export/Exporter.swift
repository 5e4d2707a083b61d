/// Turns an ``ExportBundle`` into files of one format. Exporters are pure: the same bundle gives
/// byte-identical files; writing them is left to ``ExportWriter``.
public protocol Exporter: Sendable {
    /// The format produced.
    var format: ExportFormat { get }
    /// The files for a bundle, in a stable order.
    func export(_ bundle: ExportBundle) -> [ExportFile]
}
