/// Placeholder.
public struct CSVExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .brat }
    public func export(_ bundle: ExportBundle) -> [ExportFile] { [] }
}
