/// Placeholder.
public struct W3CExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .brat }
    public func export(_ bundle: ExportBundle) -> [ExportFile] { [] }
}
